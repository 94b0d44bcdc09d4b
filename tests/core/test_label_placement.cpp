// Label placement (core/present/label_placement.hpp) on hand-checkable pictures, and the network SVG:
// no name covers a member, the legend, the title or another name, and the network fills the
// picture (the Laak sample is checked the same way through `wijknet render` in tests/cli).
#include <doctest/doctest.h>

#include "core/present/label_placement.hpp"
#include "core/present/svg_render.hpp"
#include "tests/core/svg_geometry.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

namespace {

// Every character 10 units wide: boxes a person can compute.
double ten_each(std::string_view t) { return 10.0 * double(t.size()); }

}  // namespace

TEST_CASE("place_labels: right of the disc first, then left, above, below, the corners") {
  LabelLayout lay;
  lay.width = 200, lay.height = 100, lay.line_height = 10, lay.gap = 2;
  // One disc at (50, 50) radius 5: "abc" (30 wide) goes right of it: x = 50 + 5 + 2.
  auto one = place_labels({{0, 50, 50, 5, "abc"}}, {}, ten_each, lay);
  REQUIRE(one.size() == 1);
  CHECK(one[0].x == doctest::Approx(57));
  CHECK(one[0].y == doctest::Approx(45));
  CHECK(one[0].width == doctest::Approx(30));
  // An obstacle right of the disc sends it to the left: x = 50 - 5 - 2 - 30.
  auto left = place_labels({{0, 50, 50, 5, "abc"}}, {{56, 40, 90, 60}}, ten_each, lay);
  REQUIRE(left.size() == 1);
  CHECK(left[0].x == doctest::Approx(13));
  // Obstacles on both sides: above (y = 50 - 5 - 2 - 10), centred (x = 50 - 15).
  auto above = place_labels({{0, 50, 50, 5, "abc"}}, {{56, 44, 90, 56}, {10, 44, 44, 56}}, ten_each, lay);
  REQUIRE(above.size() == 1);
  CHECK(above[0].x == doctest::Approx(35));
  CHECK(above[0].y == doctest::Approx(33));
  // The picture's edge counts: a disc at the right edge labels to its left.
  auto edge = place_labels({{0, 195, 50, 3, "abc"}}, {}, ten_each, lay);
  REQUIRE(edge.size() == 1);
  CHECK(edge[0].x + edge[0].width <= 200);
  CHECK(edge[0].x == doctest::Approx(195 - 3 - 2 - 30));
}

TEST_CASE("place_labels: the more important member wins; one that fits nowhere is left out") {
  LabelLayout lay;
  lay.width = 60, lay.height = 20, lay.line_height = 10, lay.gap = 0;
  // Two discs side by side in a strip only one label wide: the first in the order gets it.
  std::vector<LabelCandidate> c = {{7, 10, 10, 2, "aaaa"}, {8, 50, 10, 2, "bbbb"}};
  auto placed = place_labels(c, {}, ten_each, lay);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].node == 7);
  std::swap(c[0], c[1]);
  placed = place_labels(c, {}, ten_each, lay);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].node == 8);
  // An emphasised (selected) member is labelled even where it must overlap.
  c[1].emphasis = true;
  placed = place_labels(c, {}, ten_each, lay);
  CHECK(placed.size() == 2);
  // The budget limits the plain labels only.
  lay.width = 1000, lay.height = 1000, lay.budget = 1;
  c = {{1, 100, 100, 2, "a"}, {2, 500, 500, 2, "b"}, {3, 900, 900, 2, "c", true}};
  placed = place_labels(c, {}, ten_each, lay);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].node == 1);
  CHECK(placed[1].node == 3);
}

TEST_CASE("estimated_text_width: wider for wide letters, bold, accented; zero for nothing") {
  CHECK(estimated_text_width("", 11) == 0);
  CHECK(estimated_text_width("mmmm", 11) > estimated_text_width("iiii", 11));
  CHECK(estimated_text_width("Staedion", 11, true) > estimated_text_width("Staedion", 11));
  // "ö" is two bytes but one letter: counted once.
  CHECK(estimated_text_width("\xC3\xB6", 10) == doctest::Approx(7.0));
  CHECK(estimated_text_width("Staedion", 22) == doctest::Approx(2 * estimated_text_width("Staedion", 11)));
}

TEST_CASE("network_svg: no name covers a member, the legend, the title or another name; no empty band") {
  const Coalition c = test::healthy_coalition();
  SvgOptions o;
  o.lang = Lang::nl;
  o.title = c.name;
  o.subtitle = "Stand op 1 juli 2024";
  const std::string svg = network_svg(c, network_positions(c), o);
  test::check_svg_labels(svg, c.nodes.size());
  CHECK(svg.find(">Stand op 1 juli 2024<") != std::string::npos);
}

TEST_CASE("long_date: as a reader writes a date, in its precision") {
  CHECK(long_date(Lang::nl, *Date::parse("2026-12-02")) == "2 december 2026");
  CHECK(long_date(Lang::en, *Date::parse("2026-12-02")) == "2 December 2026");
  CHECK(long_date(Lang::nl, *Date::parse("2015-07")) == "juli 2015");
  CHECK(long_date(Lang::en, *Date::parse("2015")) == "2015");
}

TEST_CASE("place_labels: an obstacle reaching far beyond the picture is clipped to it") {
  // A docked panel given as a band from far off-picture: the grid must not span it (it once
  // allocated cells for the whole band and never finished).
  LabelLayout lay;
  lay.width = 200, lay.height = 100, lay.line_height = 10, lay.gap = 0;
  auto placed = place_labels({{0, 100, 50, 2, "abc"}}, {{-1e12, -1e12, 80, 1e12}}, ten_each, lay);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].x >= 80);
}
