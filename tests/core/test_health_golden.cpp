// Golden JSON of the health report, the suggestions and the what-if for the constructed
// coalitions (tests/data/health/). A change in any figure, status, node list or sentence shows up
// here. After an intended change, regenerate with WIJKNET_UPDATE_GOLDEN=1 ./test_core
// -tc="golden*" and review the diff before committing it.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/assess/health.hpp"
#include "core/assess/suggest.hpp"
#include "core/assess/whatif.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

namespace {

std::string golden_path(const std::string& name) {
  return std::string(WIJKNET_SOURCE_DIR) + "/tests/data/health/" + name + ".json";
}

// The first place where two documents differ ("" when they agree); numbers agree within 1e-9
// relative, so the files survive a change of compiler or optimisation level.
std::string first_difference(const Json& want, const Json& got, const std::string& at = "$") {
  if (want.is_number() && got.is_number()) {
    const double a = want.get<double>(), b = got.get<double>();
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)})
               ? ""
               : at + ": " + want.dump() + " != " + got.dump();
  }
  if (want.type() != got.type()) return at + ": " + want.dump() + " != " + got.dump();
  if (want.is_object()) {
    if (want.size() != got.size()) return at + ": keys differ";
    for (auto it = want.begin(); it != want.end(); ++it) {
      if (!got.contains(it.key())) return at + "." + it.key() + ": missing";
      auto d = first_difference(it.value(), got[it.key()], at + "." + it.key());
      if (!d.empty()) return d;
    }
    return "";
  }
  if (want.is_array()) {
    if (want.size() != got.size()) return at + ": " + std::to_string(want.size()) + " != " + std::to_string(got.size()) + " items";
    for (std::size_t i = 0; i < want.size(); ++i) {
      auto d = first_difference(want[i], got[i], at + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  return want == got ? "" : at + ": " + want.dump() + " != " + got.dump();
}

void check_golden(const std::string& name, const Json& got) {
  const std::string path = golden_path(name);
  if (const char* update = std::getenv("WIJKNET_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream out(path);
    out << got.dump(2) << '\n';
    MESSAGE("wrote " << path);
    return;
  }
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (run with WIJKNET_UPDATE_GOLDEN=1)");
  const Json want = Json::parse(in);
  const std::string diff = first_difference(want, got);
  CHECK_MESSAGE(diff.empty(), name << ": " << diff);
}

Json health_of(const Coalition& c, Lang lang = Lang::en) {
  HealthOptions o;
  o.at = test::test_date();
  o.lang = lang;
  return health_json(assess_health(c, o));
}

Json suggestions_of(const Coalition& c) {
  SuggestOptions o;
  o.at = test::test_date();
  return suggestions_json(suggest(c, {}, o));
}

}  // namespace

TEST_CASE("golden: health reports of the constructed coalitions") {
  check_golden("healthy.health", health_of(test::healthy_coalition()));
  check_golden("healthy.health.nl", health_of(test::healthy_coalition(), Lang::nl));
  check_golden("star.health", health_of(test::star_coalition()));
  check_golden("no_residents.health", health_of(test::no_residents_coalition()));
  check_golden("one_sector_theme.health", health_of(test::one_sector_theme_coalition()));
  check_golden("commitments_ending.health", health_of(test::commitments_ending_coalition()));
  check_golden("dominant_funder.health", health_of(test::dominant_funder_coalition()));
}

TEST_CASE("golden: suggestions and what-if") {
  check_golden("star.suggest", suggestions_of(test::star_coalition()));
  check_golden("no_residents.suggest", suggestions_of(test::no_residents_coalition()));
  WhatIfOptions o;
  o.at = test::test_date();
  o.remove = {"makelaar"};
  Json w = whatif_json(what_if(test::star_coalition(), o));
  // The full health reports are covered above; keep this file about the what-if itself.
  w.erase("health_before");
  w.erase("health_after");
  check_golden("star.whatif", w);
}

TEST_CASE("golden comparison tolerates rounding, not changes") {
  CHECK(first_difference(Json{{"a", 0.1 + 0.2}}, Json{{"a", 0.3}}).empty());
  CHECK(first_difference(Json{{"a", 1}}, Json{{"a", 2}}) == "$.a: 1 != 2");
  CHECK(first_difference(Json{{"a", Json::array({1, 2})}}, Json{{"a", Json::array({1})}}) == "$.a: 2 != 1 items");
}
