// The effort-impact matrix of seed 004.
#include <doctest/doctest.h>

#include "core/assess/portfolio.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

TEST_CASE("project_advice over the whole 5 x 5 matrix") {
  // Rows: impact 5 (top) to 1; columns: effort 1 to 5. C continue, I investigate, S stop.
  const char* expected[5] = {"CCCCC", "CCCCC", "CCIII", "IISSS", "IISSS"};
  for (int impact = 5; impact >= 1; --impact)
    for (int effort = 1; effort <= 5; ++effort) {
      const char want = expected[5 - impact][effort - 1];
      const ProjectAdvice a = project_advice(effort, impact);
      CAPTURE(effort);
      CAPTURE(impact);
      CHECK(want == (a == ProjectAdvice::continue_ ? 'C' : a == ProjectAdvice::stop ? 'S' : 'I'));
    }
  CHECK(advice_id(ProjectAdvice::investigate) == "investigate");
}

TEST_CASE("ratings: numbers and numeric text in 1..5; anything else is invalid") {
  bool bad = false;
  CHECK(*rating(Json{{"effort", 3}}, "effort", &bad) == 3.0);
  CHECK(*rating(Json{{"effort", "3,5"}}, "effort", &bad) == 3.5);
  CHECK_FALSE(bad);
  CHECK_FALSE(rating(Json{{"effort", 7}}, "effort", &bad).has_value());
  CHECK(bad);
  bad = false;
  CHECK_FALSE(rating(Json{{"effort", "veel"}}, "effort", &bad).has_value());
  CHECK(bad);
  bad = false;
  CHECK_FALSE(rating(Json::object(), "effort", &bad).has_value());
  CHECK_FALSE(bad);  // absent is not invalid
}

TEST_CASE("the portfolio counts advice and pearls, and leaves finished projects out") {
  auto b = test::healthy_builder();
  b.project("p-krant", {"samenleven"}, 4, 2);                 // stop
  b.project("p-onbekend", {"wonen"}, 3, 3);                   // investigate
  b.project("p-klaar", {"wonen", "samenleven"}, 1, 5);        // would be a pearl, but finished
  b.c.nodes[*b.c.find("p-klaar")].attrs["status"] = "afgerond";
  b.project("p-leeg", {"wonen"}, 1, 1);
  b.c.nodes[*b.c.find("p-leeg")].attrs.erase("impact");       // unrated
  const Portfolio p = assess_portfolio(b.c, test::test_date());
  CHECK(p.finished == 1);
  CHECK(p.projects.size() == 9);
  CHECK(p.rated == 8);
  CHECK(p.continue_count == 6);
  CHECK(p.investigate_count == 1);
  CHECK(p.stop_count == 1);
  CHECK(p.pearls == 2);  // p-portiek and p-groen: impact 4, two themes
}

TEST_CASE("portfolio: finished statuses in English and Dutch, any case; the statuses the viewer offers") {
  CHECK(finished_status("completed"));
  CHECK(finished_status("Afgerond"));
  CHECK(finished_status("STOPPED"));
  CHECK(finished_status("beëindigd"));
  CHECK_FALSE(finished_status("running"));
  CHECK_FALSE(finished_status(""));
  CHECK(project_statuses[0] == "running");
  for (std::size_t k = 1; k < std::size(project_statuses); ++k) CHECK(finished_status(project_statuses[k]));
}

TEST_CASE("portfolio: dots sharing a matrix cell sit on a near-square grid around its centre") {
  const CellSpread one = matrix_cell_spread(1, 62);
  CHECK(one.radius == 9);
  REQUIRE(one.offsets.size() == 1);
  CHECK(one.offsets[0] == std::pair<double, double>{0, 0});
  // Two: one row, 20 apart (the step is min(20, (62 - 14) / 2 = 24)).
  const CellSpread two = matrix_cell_spread(2, 62);
  CHECK(two.offsets == std::vector<std::pair<double, double>>{{-10, 0}, {10, 0}});
  // Five: three a row, two rows; step min(20, 48 / 3 = 16), radius 16 / 2 + 1 = 9.
  const CellSpread five = matrix_cell_spread(5, 62);
  CHECK(five.radius == 9);
  CHECK(five.offsets == std::vector<std::pair<double, double>>{{-16, -8}, {0, -8}, {16, -8}, {-16, 8}, {0, 8}});
  CHECK(matrix_cell_spread(0, 62).offsets.empty());
}
