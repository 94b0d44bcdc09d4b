// The health model: hand-checkable reachability figures, and constructed coalitions with one
// problem each, asserting exactly which indicator raises, its status and the nodes it names.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/model/coalition_network.hpp"
#include "core/assess/health.hpp"
#include "core/graph/reach.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;
using wijknet::test::CoalitionBuilder;

namespace {

HealthReport judge(const Coalition& c, Lang lang = Lang::en) {
  HealthOptions o;
  o.at = test::test_date();
  o.lang = lang;
  return assess_health(c, o);
}

// id -> status of every indicator that is not ok.
std::map<std::string, std::string> raised(const HealthReport& r) {
  std::map<std::string, std::string> out;
  for (const auto& i : r.indicators)
    if (i.status != HealthStatus::ok) out[i.id] = std::string(status_id(i.status));
  return out;
}

const HealthIndicator& get(const HealthReport& r, std::string_view id) {
  const HealthIndicator* i = r.find(id);
  REQUIRE(i != nullptr);
  return *i;
}

Network path(std::uint32_t n) {
  std::vector<std::pair<Network::Vertex, Network::Vertex>> e;
  for (std::uint32_t i = 0; i + 1 < n; ++i) e.emplace_back(i, i + 1);
  return Network::from_edges(n, e);
}

}  // namespace

TEST_CASE("pairs_lost_by_removal counts the pairs a removal disconnects") {
  SUBCASE("path 0-1-2-3: the inner nodes cut two pairs each") {
    // Without 1: {0} | {2,3}, so (0,2) and (0,3) are lost.
    CHECK(pairs_lost_by_removal(path(4)) == std::vector<std::uint64_t>{0, 2, 2, 0});
  }
  SUBCASE("star with four leaves: the centre cuts all C(4,2) = 6 pairs") {
    std::vector<std::pair<Network::Vertex, Network::Vertex>> e = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};
    CHECK(pairs_lost_by_removal(Network::from_edges(5, e)) == std::vector<std::uint64_t>{6, 0, 0, 0, 0});
  }
  SUBCASE("a cycle has no cut vertex; a second component is untouched") {
    std::vector<std::pair<Network::Vertex, Network::Vertex>> e = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}};
    CHECK(pairs_lost_by_removal(Network::from_edges(7, e)) == std::vector<std::uint64_t>{0, 0, 0, 0, 0, 1, 0});
  }
  SUBCASE("bowtie: two triangles sharing vertex 2") {
    std::vector<std::pair<Network::Vertex, Network::Vertex>> e = {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}};
    // Without 2: {0,1} | {3,4}: 4 pairs lost.
    CHECK(pairs_lost_by_removal(Network::from_edges(5, e))[2] == 4);
  }
  SUBCASE("a 20,000-node path does not overflow the stack") {
    const auto lost = pairs_lost_by_removal(path(20000));
    // Removing vertex k splits k | 19999 - k: k (19999 - k) pairs.
    CHECK(lost[1] == 19998u);
    CHECK(lost[10000] == 10000ull * 9999ull);
  }
}

TEST_CASE("reach: components, pairs and average distance, with removals") {
  const Network p = path(3);
  const Reach r = reach(p);
  CHECK(r.components == 1);
  CHECK(r.connected_pairs == 3);
  REQUIRE(r.average_distance);
  CHECK(*r.average_distance == doctest::Approx(4.0 / 3.0));  // (1 + 1 + 2) / 3
  std::vector<std::uint8_t> removed = {0, 1, 0};
  const Reach cut = reach(p, removed);
  CHECK(cut.vertices == 2);
  CHECK(cut.components == 2);
  CHECK(cut.unreachable_pairs() == 1);
  CHECK_FALSE(cut.average_distance.has_value());
  // Sampling on a long path stays close to the exact mean (n + 1) / 3.
  const Reach big = reach(path(3000), {}, 2000, 300);
  CHECK(big.sampled);
  CHECK(*big.average_distance == doctest::Approx(3001.0 / 3.0).epsilon(0.02));
}

TEST_CASE("the healthy, diverse coalition raises no alert and no warning") {
  const auto r = judge(test::healthy_coalition());
  CHECK(raised(r).empty());
  REQUIRE(r.score);
  CHECK(*r.score > 85);
  CHECK(r.overall_status() == HealthStatus::ok);
  CHECK(r.indicators.size() == indicator_ids.size());
  for (std::size_t i = 0; i < indicator_ids.size(); ++i) CHECK(r.indicators[i].id == indicator_ids[i]);
  // The broker's figure is always reported, even when all is well.
  CHECK(get(r, "broker_dependency").nodes == std::vector<std::string>{"makelaar"});
  CHECK(get(r, "broker_dependency").details["brokers"][0]["lost_pairs"] == 0);
  CHECK(get(r, "broker_dependency").message.find("neighbourhood broker") != std::string::npos);
  // Pearls are named by the portfolio.
  CHECK(get(r, "portfolio").details["pearls"] == Json::array({"p-portiek", "p-groen"}));
}

TEST_CASE("a star around the broker raises broker_dependency and names the broker") {
  const auto r = judge(test::star_coalition());
  CHECK(raised(r) == std::map<std::string, std::string>{{"broker_dependency", "alert"}, {"centralization", "no_data"}});
  const auto& b = get(r, "broker_dependency");
  CHECK(b.nodes == std::vector<std::string>{"makelaar"});
  CHECK(*b.score == doctest::Approx(0.0));
  // Eight others, all cut off from each other: C(8,2) = 28 pairs.
  CHECK(b.details["most_critical"]["id"] == "makelaar");
  CHECK(b.details["most_critical"]["lost_pairs"] == 28);
  CHECK(b.details["brokers"][0]["lost_share"] == 1.0);
  // Without the broker there is no tie left to measure centralization on: no data, left out of
  // the overall score (never counted as zero).
  double sum = 0, weights = 0;
  for (const auto& i : r.indicators)
    if (i.score) sum += i.weight * *i.score, weights += i.weight;
  CHECK(weights == doctest::Approx(1.5 + 1.0 + 1.0 + 1.5 + 1.0 + 1.0 + 1.0 + 0.75 + 0.75));
  CHECK(*r.score == doctest::Approx(sum / weights));
}

TEST_CASE("no residents raises resident_voice (alert) and names the projects without them") {
  const auto r = judge(test::no_residents_coalition());
  // Residents are also one of the six core sectors; that one warns, nothing else moves.
  CHECK(raised(r) == std::map<std::string, std::string>{{"resident_voice", "alert"}, {"sector_diversity", "warn"}});
  const auto& v = get(r, "resident_voice");
  CHECK(*v.score == doctest::Approx(0.0));
  CHECK(v.nodes == std::vector<std::string>{"p-portiek", "p-renovatie", "p-stage", "p-taal", "p-buurthuis", "p-groen"});
  CHECK(get(r, "sector_diversity").details["missing"] == Json::array({"residents"}));
}

TEST_CASE("a theme carried by one sector raises theme_coverage (alert)") {
  const auto r = judge(test::one_sector_theme_coalition());
  CHECK(raised(r) == std::map<std::string, std::string>{{"theme_coverage", "alert"}});
  const auto& t = get(r, "theme_coverage");
  CHECK(t.nodes == std::vector<std::string>{"p-werkplaats"});
  const Json& werk = t.details["themes"][3];
  CHECK(werk["id"] == "werk");
  CHECK(werk["sectors"] == Json::array({"business"}));
  CHECK(werk["state"] == "one_sector");
  // Three themes fully covered, one at 1/3: (1 + 1 + 1 + 1/3) / 4.
  CHECK(*t.score == doctest::Approx(100.0 * (3.0 + 1.0 / 3.0) / 4.0));
}

TEST_CASE("commitments ending within twelve months raise commitment (warn), soonest first") {
  const auto r = judge(test::commitments_ending_coalition());
  CHECK(raised(r) == std::map<std::string, std::string>{{"commitment", "warn"}});
  const auto& c = get(r, "commitment");
  CHECK(c.nodes == std::vector<std::string>{"school", "corporatie"});  // 2026-09-30, then 2027-03-31
  // Eight partners: six long (1 each), two ending (0.5 each).
  CHECK(*c.score == doctest::Approx(100.0 * 7.0 / 8.0));
  CHECK(c.message.find("2026-09-30") != std::string::npos);
}

TEST_CASE("one dominant funder raises funding_dependency (alert) and names it") {
  const auto r = judge(test::dominant_funder_coalition());
  CHECK(raised(r) == std::map<std::string, std::string>{{"funding_dependency", "alert"}});
  const auto& f = get(r, "funding_dependency");
  CHECK(f.nodes == std::vector<std::string>{"gemeente"});
  // 735,000 of 795,000 euro.
  CHECK(f.details["largest_funder_share"].get<double>() == doctest::Approx(735000.0 / 795000.0));
  CHECK(f.details["sector_shares"]["municipality"].get<double>() == doctest::Approx(735000.0 / 795000.0));
  CHECK(f.action.find("L-gemeente") != std::string::npos);
}

TEST_CASE("commitment: missing and expired commitments count against; more than half is an alert") {
  Coalition c = test::healthy_coalition();
  for (const char* id : {"gemeente", "corporatie", "school", "roc", "welzijn"}) c.nodes[*c.find(id)].attrs.erase("committed_until");
  c.nodes[*c.find("fonds")].attrs["committed_until"] = "2025-12-31";  // expired
  const auto r = judge(c);
  const auto& m = get(r, "commitment");
  CHECK(m.status == HealthStatus::alert);
  CHECK(m.details["expired"] == Json::array({"fonds"}));
  CHECK(m.details["missing"].size() == 5);
  CHECK(m.nodes.front() == "fonds");
  // A partner leaving within the year counts as ending.
  Coalition d = test::healthy_coalition();
  d.nodes[*d.find("ondernemers")].until = Date(2026, 12, 1);
  const auto rd = judge(d);
  const auto& n = get(rd, "commitment");
  CHECK(n.status == HealthStatus::warn);
  CHECK(n.nodes == std::vector<std::string>{"ondernemers"});
}

TEST_CASE("reciprocity counts pairs of respondents only and averages trust and value") {
  CoalitionBuilder b("enquête");
  b.actor("a", "partner", "welfare", {}).actor("b", "partner", "housing", {}).actor("c", "partner", "education", {})
      .actor("d", "partner", "business", {});
  b.tie("a", "b", 4, 4).tie("b", "a", 2, 2);  // mutual
  b.tie("a", "c", 3, 3);                      // c answered too, but not about a: one-sided
  b.tie("c", "b", 3, 3);                      // one-sided
  b.tie("a", "d", 3, 3);                      // d did not answer: not counted
  const auto report = judge(b.c);
  const auto& r = get(report, "reciprocity");
  CHECK(r.details["pairs"] == 3);
  CHECK(r.details["mutual_pairs"] == 1);
  CHECK(r.details["pairs_with_non_respondent"] == 1);
  CHECK(r.details["mean_trust"].get<double>() == doctest::Approx(3.0));
  CHECK(r.status == HealthStatus::warn);  // 1/3 < 0.6
  // Named but not naming back: c (by a) and b (by c).
  CHECK(std::set<std::string>(r.nodes.begin(), r.nodes.end()) == std::set<std::string>{"b", "c"});
  // 0.5 * 1/3 + 0.25 * (3 - 1) / 3 + 0.25 * (3 - 1) / 3
  CHECK(*r.score == doctest::Approx(100.0 * (0.5 / 3.0 + 0.5 * 2.0 / 3.0)));
}

TEST_CASE("an empty coalition has no data anywhere and no overall score") {
  const auto r = judge(Coalition{});
  CHECK_FALSE(r.score.has_value());
  CHECK(r.overall_status() == HealthStatus::no_data);
  for (const auto& i : r.indicators) {
    CHECK(i.status == HealthStatus::no_data);
    CHECK_FALSE(i.score.has_value());
    CHECK_FALSE(i.message.empty());
  }
  const Json j = health_json(r);
  CHECK(j["score"].is_null());
  CHECK(j["indicators"][0]["score"].is_null());
}

TEST_CASE("messages exist in Dutch and English, with every placeholder filled") {
  for (const Coalition& c : {test::healthy_coalition(), test::star_coalition(), test::no_residents_coalition(),
                             test::one_sector_theme_coalition(), test::commitments_ending_coalition(),
                             test::dominant_funder_coalition(), Coalition{}}) {
    const auto nl = judge(c, Lang::nl), en = judge(c, Lang::en);
    for (std::size_t i = 0; i < nl.indicators.size(); ++i) {
      const auto &a = nl.indicators[i].message, &b = en.indicators[i].message;
      CHECK_FALSE(a.empty());
      CHECK(a != b);
      for (const auto& m : {a, b}) {
        CHECK(m.find('{') == std::string::npos);  // no unfilled {0}
        // A missing translation shows as its key, e.g. "broker.cut": a prefix, a dot and a letter.
        for (std::string prefix : {"health.", "broker.", "cohesion.", "centralization.", "sectors.", "residents.",
                                   "themes.", "reciprocity.", "commitment.", "funding.", "portfolio."})
          for (auto at = m.find(prefix); at != std::string::npos; at = m.find(prefix, at + 1)) {
            const std::size_t next = at + prefix.size();
            CHECK_FALSE((next < m.size() && m[next] >= 'a' && m[next] <= 'z'));
          }
      }
    }
  }
  const auto nl = judge(test::star_coalition(), Lang::nl);
  CHECK(get(nl, "broker_dependency").message.find("wijkmakelaar") != std::string::npos);
}

TEST_CASE("the report date decides who is in the coalition") {
  Coalition c = test::healthy_coalition();
  // A partner that only joins after the test date is left out of everything.
  Node late;
  late.id = "nieuwkomer";
  late.label = "Nieuwkomer";
  late.kind = "partner";
  late.sector = "culture";
  late.since = Date(2027, 1, 1);
  c.add_node(late);
  const auto r = judge(c);
  CHECK(get(r, "commitment").details["partners"] == 8);
  CHECK(get(r, "cohesion").details["actors"] == 10);
  HealthOptions later;
  later.at = Date(2027, 6, 1);
  CHECK(assess_health(c, later).find("cohesion")->details["actors"] == 11);
}

TEST_CASE("funds edges to projects do not count as collaboration") {
  // gemeente pays for p-taal but does not take part: no tie to p-taal's members.
  const Coalition c = test::dominant_funder_coalition();
  const Network net = collaboration_network(c);
  const auto g = *net.vertex_of(*c.find("gemeente"));
  const auto fonds = *net.vertex_of(*c.find("fonds"));  // only in p-buurthuis and p-taal
  CHECK(net.weight(g, fonds) == 0.0);
}

TEST_CASE("a healthy coalition funded only by three pure funders raises nothing") {
  const Coalition c = test::pure_funders_coalition();
  const auto r = judge(c);
  CHECK(raised(r).empty());
  CHECK(r.overall_status() == HealthStatus::ok);
  REQUIRE(r.score);
  CHECK(*r.score > 85);
  // Cohesion: the foundations are reached through the projects they pay for, so the network is
  // one part of 13 actors and nobody is "outside".
  const auto& coh = get(r, "cohesion");
  CHECK(coh.details["components"] == 1);
  CHECK(coh.details["actors"] == 13);
  CHECK(coh.nodes.empty());
  CHECK(coh.details["funders_through_projects"] == Json::array({"fonds-a", "fonds-b", "fonds-c"}));
  CHECK(coh.message.find("L-fonds-a, L-fonds-b and L-fonds-c") != std::string::npos);
  // Centralization leaves them out like the broker: paying is not steering.
  const auto& cen = get(r, "centralization");
  CHECK(cen.details["funders_left_out"] == Json::array({"fonds-a", "fonds-b", "fonds-c"}));
  CHECK(cen.details["actors"] == 9);
  // Funding: three independent sources of a third each, though all have the sector "funder".
  const auto& f = get(r, "funding_dependency");
  CHECK(f.status == HealthStatus::ok);
  CHECK(f.details["independent_sources"] == 3);
  CHECK(f.details["largest_funder_share"].get<double>() == doctest::Approx(1.0 / 3.0));
  CHECK(f.details["sector_shares"]["funder"].get<double>() == doctest::Approx(1.0));
  CHECK(*f.score == doctest::Approx(100.0));
  // A foundation is tied to the members of the projects it funds, and to nobody else.
  const Network net = collaboration_network(c);
  const auto fa = *net.vertex_of(*c.find("fonds-a"));
  CHECK(net.weight(fa, *net.vertex_of(*c.find("corporatie"))) == 2.0);  // p-portiek and p-renovatie
  CHECK(net.weight(fa, *net.vertex_of(*c.find("school"))) == 0.0);
}

TEST_CASE("an indicator in alert caps the overall status at warn") {
  // The dominant funder: funding alerts, everything else is fine, the mean stays above 70.
  const auto r = judge(test::dominant_funder_coalition());
  REQUIRE(r.score);
  CHECK(*r.score >= 70);
  CHECK(get(r, "funding_dependency").status == HealthStatus::alert);
  CHECK(r.overall_status() == HealthStatus::warn);
  CHECK(health_json(r)["status"] == "warn");
}

TEST_CASE("the overall score is multiplied by the share of pairs that can reach each other") {
  Coalition c = test::pendant_group_coalition();
  const auto before = judge(c);
  c.remove_nodes({*c.find("makelaar")});
  const auto after = judge(c);
  // 11 actors left: 55 pairs, of which the 2 x 9 between {sport, kerk} and the rest are lost.
  CHECK(after.connected_share == doctest::Approx(37.0 / 55.0));
  CHECK(before.connected_share == 1.0);
  REQUIRE(before.score);
  REQUIRE(after.score);
  double sum = 0, weights = 0;
  for (const auto& i : after.indicators)
    if (i.score) sum += i.weight * *i.score, weights += i.weight;
  CHECK(*after.score == doctest::Approx(sum / weights * 37.0 / 55.0));
  CHECK(*after.score < *before.score - 20);
  CHECK(after.overall_status() != HealthStatus::ok);
}

TEST_CASE("amounts as a Dutch or English user writes them; an unreadable one is named") {
  auto b = test::healthy_builder();
  auto& edges = b.c.edges;
  edges.erase(std::remove_if(edges.begin(), edges.end(), [](const Edge& e) { return e.kind == "funds"; }), edges.end());
  b.edge("gemeente", "p-stage", "funds", true, {{"amount", "183.000"}});
  b.edge("corporatie", "p-portiek", "funds", true, {{"amount", "\u20ac 183.000,-"}});
  b.edge("ondernemers", "p-renovatie", "funds", true, {{"amount", "183,000"}});
  b.edge("fonds", "p-buurthuis", "funds", true, {{"amount", "ongeveer een ton"}});
  const auto r = judge(b.c);
  const auto& f = get(r, "funding_dependency");
  CHECK(f.details["total"].get<double>() == doctest::Approx(549000.0));
  CHECK(f.details["largest_funder_share"].get<double>() == doctest::Approx(1.0 / 3.0));
  CHECK(f.details["unreadable_amounts"] ==
        Json::array({Json{{"funder", "fonds"}, {"project", "p-buurthuis"}, {"amount", "ongeveer een ton"}}}));
  CHECK(f.message.find("Unreadable amount, not counted: L-fonds to L-p-buurthuis (\"ongeveer een ton\")") !=
        std::string::npos);
  CHECK(f.message.find("549,000 euro") != std::string::npos);
  const auto nl = judge(b.c, Lang::nl);
  CHECK(get(nl, "funding_dependency").message.find("549.000 euro") != std::string::npos);
}

TEST_CASE("continuity of money: incidental or ending funding is named, pearls without secured money too") {
  auto b = test::healthy_builder();
  auto& edges = b.c.edges;
  edges.erase(std::remove_if(edges.begin(), edges.end(), [](const Edge& e) { return e.kind == "funds"; }), edges.end());
  b.edge("gemeente", "p-stage", "funds", true, {{"amount", 30000}, {"funding", "structural"}});
  b.edge("corporatie", "p-portiek", "funds", true, {{"amount", 30000}, {"funding", "incidenteel"}});  // a pearl
  b.edge("ondernemers", "p-renovatie", "funds", true, {{"amount", 30000}});
  b.c.edges.back().until = Date(2027, 1, 1);  // ends within 12 months of 2026-06-01
  b.edge("fonds", "p-groen", "funds", true, {{"amount", 30000}, {"funding", "structural"}});  // a pearl
  b.c.edges.back().until = Date(2028, 1, 1);  // ends after 19 months: secured
  const auto r = judge(b.c);
  const auto& f = get(r, "funding_dependency");
  CHECK(f.status == HealthStatus::warn);
  CHECK(f.details["projects_without_secured_money"] == Json::array({"p-portiek", "p-renovatie"}));
  CHECK(f.nodes == std::vector<std::string>{"p-portiek", "p-renovatie"});
  // Four sources of a quarter each: full marks for spread, half of the projects unsecured.
  CHECK(*f.score == doctest::Approx(100.0 * (1.0 - 0.5 * 0.5)));
  CHECK(f.message.find("No secured money (only incidental, or it ends within 12 months): L-p-portiek and L-p-renovatie.") !=
        std::string::npos);
  CHECK(f.action == "Agree on structural money for L-p-portiek and L-p-renovatie, so they do not stop when the grant ends.");
  const auto& p = get(r, "portfolio");
  CHECK(p.details["pearls"] == Json::array({"p-portiek", "p-groen"}));
  CHECK(p.details["pearls_without_secured_funding"] == Json::array({"p-portiek"}));
  CHECK(p.message.find("Pearl without secured funding: L-p-portiek.") != std::string::npos);
}

TEST_CASE("first actions: alerts before warnings, three at most, each a sentence of its own") {
  Coalition c = test::dominant_funder_coalition();
  c.nodes[*c.find("school")].attrs["committed_until"] = "2026-09-30";
  c.remove_nodes({*c.find("bewonersgroep"), *c.find("bewonersraad")});
  const auto r = judge(c);
  const auto first = first_actions(r);
  REQUIRE(first.size() == 3);
  // Two alerts (resident voice weighs 1.5 and scores 0, before funding), then the warnings.
  CHECK(first[0]->id == "resident_voice");
  CHECK(first[1]->id == "funding_dependency");
  CHECK(first[2]->status == HealthStatus::warn);
  for (const auto* i : first) CHECK(i->message.find(i->action) != std::string::npos);
}
