// Suggestions: missing sectors, candidate ranking, introductions and broker succession.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/model/coalition_network.hpp"
#include "core/assess/suggest.hpp"
#include "core/assess/whatif.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

namespace {

Suggestions run(const Coalition& c, const std::vector<Candidate>& registry = {}, Lang lang = Lang::en) {
  SuggestOptions o;
  o.at = test::test_date();
  o.lang = lang;
  return suggest(c, registry, o);
}

bool tied(const Coalition& c, const std::string& a, const std::string& b) {
  const auto i = *c.find(a), j = *c.find(b);
  for (const auto& e : c.edges)
    if ((e.source == i && e.target == j) || (e.source == j && e.target == i)) return true;
  return false;
}

}  // namespace

TEST_CASE("missing sectors: the coalition as a whole and per theme") {
  const auto s = run(test::no_residents_coalition());
  REQUIRE_FALSE(s.missing_sectors.empty());
  CHECK(s.missing_sectors[0].theme.empty());
  CHECK(s.missing_sectors[0].sectors == std::vector<std::string>{"residents"});
  CHECK(s.missing_sectors[0].reason.find("residents") != std::string::npos);
  // Per theme: "onderwijs" has projects with education, business, municipality, welfare and a
  // funder, but no housing and (now) no residents.
  auto it = std::find_if(s.missing_sectors.begin(), s.missing_sectors.end(),
                         [](const MissingSectors& m) { return m.theme == "onderwijs"; });
  REQUIRE(it != s.missing_sectors.end());
  CHECK(it->sectors == std::vector<std::string>{"housing", "residents"});
  CHECK(it->members == std::vector<std::string>{"corporatie"});  // the one housing member
  CHECK(it->reason.find("L-corporatie") != std::string::npos);
}

TEST_CASE("candidates are ranked by the gaps they fill, then by the members they know") {
  std::vector<Candidate> registry = {
      {"Sportclub", "culture", {"samenleven"}, {}},                     // a new sector only: 1
      {"Bewonersplatform", "residents", {"wonen", "onderwijs"}, {"corporatie", "school", "onbekend"}},
      {"Huisartsen", "health", {"samenleven"}, {"welzijn"}},           // new sector 1 + one tie 0.5
      {"L-gemeente", "municipality", {"wonen"}, {}},                    // already a member: left out
      {"Tweede school", "education", {"onderwijs"}, {"school"}},        // fills no gap: left out
  };
  const auto s = run(test::no_residents_coalition(), registry);
  REQUIRE(s.candidates.size() == 3);
  // Residents: the missing core sector (3), residents absent from both themes' projects (2), two
  // known members (1); the unknown id is ignored.
  CHECK(s.candidates[0].name == "Bewonersplatform");
  CHECK(s.candidates[0].score == doctest::Approx(6.0));
  CHECK(s.candidates[0].fills == std::vector<std::string>{"sector:residents", "theme:wonen", "theme:onderwijs"});
  CHECK(s.candidates[0].known_members == std::vector<std::string>{"corporatie", "school"});
  CHECK(s.candidates[1].name == "Huisartsen");
  CHECK(s.candidates[1].score == doctest::Approx(1.5));
  CHECK(s.candidates[2].name == "Sportclub");
  CHECK(s.candidates[2].reason.find("Knows nobody") != std::string::npos);
  const Json j = suggestions_json(s);
  CHECK(j["candidates"].size() == 3);
  CHECK(j["candidates"][0]["reason"].get<std::string>().find("residents") != std::string::npos);
}

TEST_CASE("introductions pair members without a tie and say why") {
  const Coalition c = test::healthy_coalition();
  const auto s = run(c);
  REQUIRE_FALSE(s.introductions.empty());
  std::map<std::string, int> per_member;
  for (const auto& in : s.introductions) {
    CHECK_FALSE(tied(c, in.a, in.b));
    CHECK_FALSE(in.reason.empty());
    CHECK((!in.shared_themes.empty() || !in.shared_projects.empty() || in.pairs_kept > 0));
    ++per_member[in.a], ++per_member[in.b];
  }
  for (const auto& [id, k] : per_member) CHECK(k <= 2);
  for (std::size_t i = 1; i < s.introductions.size(); ++i) CHECK(s.introductions[i - 1].score >= s.introductions[i].score);
  // Healthy: nothing to reconnect.
  for (const auto& in : s.introductions) CHECK(in.pairs_kept == 0);
}

TEST_CASE("succession: a star needs k - 1 introductions, and they reconnect everyone") {
  const Coalition c = test::star_coalition();
  const auto s = run(c);
  REQUIRE(s.succession);
  CHECK(s.succession->leaving == "makelaar");
  CHECK(s.succession->designated);
  CHECK(s.succession->pairs_lost == 28);
  // Eight members fall apart into eight parts: seven introductions, no fewer.
  REQUIRE(s.succession->reconnect.size() == 7);
  // The introductions prefer shared themes: every one here shares at least one.
  for (const auto& in : s.succession->reconnect) CHECK_FALSE(in.shared_themes.empty());
  // Made, they keep everyone connected without the broker.
  WhatIfOptions o;
  o.at = test::test_date();
  o.remove = {"makelaar"};
  for (const auto& in : s.succession->reconnect) o.add_edges.emplace_back(in.a, in.b);
  const WhatIf w = what_if(c, o);
  CHECK(w.split_off.empty());
  CHECK(w.pairs_disconnected == 0);
  CHECK(w.figures_after.components == 1);
  // The broker's introductions list starts with pairs that keep members connected without it.
  REQUIRE_FALSE(s.introductions.empty());
  CHECK(s.introductions[0].pairs_kept > 0);
  CHECK(s.introductions[0].reason.find("neighbourhood broker") != std::string::npos);
}

TEST_CASE("succession without a designated broker takes the most between member") {
  Coalition c = test::star_coalition();
  c.nodes[*c.find("makelaar")].role.clear();
  const auto s = run(c, {}, Lang::nl);
  REQUIRE(s.succession);
  CHECK(s.succession->leaving == "makelaar");
  CHECK_FALSE(s.succession->designated);
  CHECK(s.succession->reason.find("geen wijkmakelaar aangewezen") != std::string::npos);
}

TEST_CASE("succession in a healthy coalition: nothing breaks") {
  const auto s = run(test::healthy_coalition());
  REQUIRE(s.succession);
  CHECK(s.succession->leaving == "makelaar");
  CHECK(s.succession->pairs_lost == 0);
  CHECK(s.succession->reconnect.empty());
  CHECK(s.succession->reason.find("carry on alone") != std::string::npos);
  const Json j = suggestions_json(s);
  CHECK(j["candidates"].is_null());  // no registry given
  CHECK(j["succession"]["reconnect"].empty());
}

TEST_CASE("succession prefers a partner who is not the municipality, though the municipality bridges more") {
  const Coalition c = test::succession_coalition(true);
  const auto s = run(c);
  REQUIRE(s.succession);
  CHECK(s.succession->leaving == "makelaar");
  // Without the broker (6 actors, 10 pairs): the municipality lies on a1-b1 (half), a1-b2, a2-b1
  // and a2-b2: 3.5 / 10; a1 on welzijn-a2 and half of welzijn-gemeente: 1.5 / 10; welzijn on half
  // of a1-b1: 0.5 / 10. The partners come first, welzijn (knows a1 and b1 of the broker's a1, b1,
  // welzijn) before a1 and b1 (know welzijn only); the municipality, though it bridges most,
  // is not among the three.
  std::vector<std::string> ids;
  for (const auto& x : s.succession->successors) ids.push_back(x.id);
  CHECK(ids == std::vector<std::string>{"welzijn", "a1", "b1"});
  const auto& first = s.succession->successors[0];
  CHECK_FALSE(first.municipality);
  CHECK(first.shared_contacts == 2);
  CHECK(first.betweenness_after == doctest::Approx(0.05));
  CHECK(s.succession->successors[1].betweenness_after == doctest::Approx(0.15));
  CHECK(s.succession->reason.find("L-welzijn can take over most of the bridging.") != std::string::npos);
  CHECK(s.succession->reason.find("facilitates") == std::string::npos);
  CHECK(s.succession->reason.find("Betweenness is measured in the network of all members with their projects.") !=
        std::string::npos);
}

TEST_CASE("succession when only the municipality can bridge: it says so, and that it should facilitate") {
  const auto s = run(test::succession_coalition(false), {}, Lang::nl);
  REQUIRE(s.succession);
  REQUIRE(s.succession->successors.size() == 1);
  CHECK(s.succession->successors[0].id == "gemeente");
  CHECK(s.succession->successors[0].municipality);
  // Six actors, the municipality on 4 of the 10 pairs without the broker: a1-b1, a1-b2, a2-b1, a2-b2.
  CHECK(s.succession->successors[0].betweenness_after == doctest::Approx(4.0 / 6.0));
  CHECK(s.succession->reason.find("Alleen de gemeente (L-gemeente) kan dit verbindingswerk overnemen. Een vitale coalitie "
                                  "wordt door de gemeente gefaciliteerd, niet gestuurd") != std::string::npos);
}

TEST_CASE("successors' betweenness is the one of the network with projects, as analyze and the viewer show") {
  const Coalition c = test::healthy_coalition();
  const auto s = run(c);
  REQUIRE(s.succession);
  const MeasuredNetwork m = measure_network(c, NetworkScope::members_and_projects, test::test_date());
  for (const auto& x : s.succession->successors) {
    const auto v = m.net.vertex_of(*m.snapshot.find(x.id));
    REQUIRE(v);
    CHECK(x.betweenness_before == doctest::Approx(m.analysis.nodes[*v].betweenness).epsilon(1e-12));
  }
  CHECK(suggestions_json(s)["succession"]["network"] == "members_and_projects");
}
