// What-if: removals and new ties, what breaks, and the figures before and after.
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/assess/whatif.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

namespace {
WhatIf run(const Coalition& c, std::vector<std::string> remove, std::vector<std::pair<std::string, std::string>> add = {},
           Lang lang = Lang::en) {
  WhatIfOptions o;
  o.at = test::test_date();
  o.remove = std::move(remove);
  o.add_edges = std::move(add);
  o.lang = lang;
  return what_if(c, o);
}
}  // namespace

TEST_CASE("removing the broker of a star breaks it into single members") {
  const auto w = run(test::star_coalition(), {"makelaar"});
  CHECK(w.figures_before.components == 1);
  CHECK(w.figures_before.actors == 9);
  CHECK(w.figures_after.actors == 8);
  CHECK(w.figures_after.components == 8);
  CHECK(w.figures_after.unreachable_pairs == 28);
  CHECK(w.pairs_disconnected == 28);
  CHECK(w.split_off.size() == 7);  // the largest piece (one member) stays; seven are split off
  for (const auto& g : w.split_off) CHECK(g.size() == 1);
  CHECK(w.figures_before.centralization == doctest::Approx(1.0));  // a star
  CHECK(w.figures_after.density == doctest::Approx(0.0));
  CHECK_FALSE(w.figures_after.average_distance.has_value());
  // Every project had the broker and one partner: none is left without members.
  CHECK(w.projects_without_members.empty());
  CHECK(w.after.find("cohesion")->status == HealthStatus::alert);
  REQUIRE(w.before.score);
  REQUIRE(w.after.score);
  CHECK(*w.after.score < *w.before.score);
  CHECK(w.summary.find("7 groups") != std::string::npos);
}

TEST_CASE("themes and projects left without anyone") {
  const auto w = run(test::one_sector_theme_coalition(), {"ondernemers", "winkeliers"});
  CHECK(w.themes_without_partner == std::vector<std::string>{"werk"});
  CHECK(w.projects_without_members == std::vector<std::string>{"p-werkplaats"});
  CHECK(w.summary.find("Werk en wijkeconomie") != std::string::npos);
  const Json j = whatif_json(w);
  CHECK(j["breaks"]["themes_without_partner"] == Json::array({"werk"}));
  CHECK(j["before"]["figures"]["actors"] == 11);
  CHECK(j["after"]["figures"]["actors"] == 9);
  CHECK(j["health_after"]["indicators"].size() == 10);
}

TEST_CASE("removing a well-embedded member breaks nothing; a new tie connects") {
  const auto w = run(test::healthy_coalition(), {"makelaar"});
  CHECK(w.split_off.empty());
  CHECK(w.pairs_disconnected == 0);
  CHECK(w.summary.find("stays whole") != std::string::npos);
  // A new member with no ties, then a tie for it.
  Coalition c = test::healthy_coalition();
  Node n;
  n.id = "nieuw";
  n.label = "Nieuw";
  n.kind = "partner";
  n.sector = "culture";
  c.add_node(n);
  const auto v = run(c, {}, {{"nieuw", "gemeente"}});
  CHECK(v.pairs_connected == 10);
  CHECK(v.figures_before.components == 2);
  CHECK(v.figures_after.components == 1);
}

TEST_CASE("unknown ids are refused with a clear message") {
  const Coalition c = test::healthy_coalition();
  CHECK_THROWS_WITH_AS(run(c, {"nobody"}), "unknown id 'nobody' (--remove): no node has it", std::invalid_argument);
  CHECK_THROWS_AS(run(c, {}, {{"gemeente", "nobody"}}), std::invalid_argument);
  CHECK_THROWS_AS(run(c, {"gemeente"}, {{"gemeente", "school"}}), std::invalid_argument);
}

TEST_CASE("a what-if that splits the coalition lowers the overall score visibly") {
  const Coalition c = test::pendant_group_coalition();
  const WhatIf w = run(c, {"makelaar"});
  REQUIRE(w.split_off.size() == 1);
  CHECK(w.split_off[0] == std::vector<std::string>{"sport", "kerk"});
  CHECK(w.pairs_disconnected == 18);  // 2 x 9
  REQUIRE(w.before.score);
  REQUIRE(w.after.score);
  // Before, the risk is already an alert (the broker alone holds sport and kerk), so the status is
  // warn; after, the harm is done and the score falls with the pairs lost.
  CHECK(w.before.find("broker_dependency")->status == HealthStatus::alert);
  CHECK(w.before.overall_status() == HealthStatus::warn);
  CHECK(w.after.connected_share == doctest::Approx(37.0 / 55.0));
  CHECK(*w.after.score < *w.before.score - 20);
  CHECK(w.after.overall_status() != HealthStatus::ok);
  // One group: the singular sentence, and the score change in words.
  CHECK(w.summary.find("One group loses touch with the rest (L-sport and L-kerk); 18 pairs of members can no longer reach "
                       "each other.") != std::string::npos);
  CHECK(w.summary.find("Overall score from " + format_number(Lang::en, round1(*w.before.score), 0) + " to " +
                       format_number(Lang::en, round1(*w.after.score), 0) + ".") != std::string::npos);
  // With a new tie between the group and the rest, nothing splits and the score stays up.
  const WhatIf fixed = run(c, {"makelaar"}, {{"sport", "welzijn"}});
  CHECK(fixed.split_off.empty());
  REQUIRE(fixed.after.score);
  CHECK(*fixed.after.score > *w.after.score + 20);
}
