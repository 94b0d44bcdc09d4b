// The geometry of a network SVG, read back from its text: shared by the core and CLI tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "core/present/label_placement.hpp"

namespace wijknet::test {

struct SvgBox {
  Box box;
  std::string what;
};

inline double attr(const std::string& tag, const std::string& name) {
  std::smatch m;
  const std::regex re(" " + name + "=\"([-0-9.]+)\"");
  REQUIRE(std::regex_search(tag, m, re));
  return std::stod(m[1]);
}

// Checks a network_svg picture of `member_count` members with a title and the default legend:
// every name lies inside the picture, under the title, off the legend, and covers no member and
// no other name; most members are named, the broker ("Wijkmakelaar") when there is one; the
// members span the picture but for its margins.
inline void check_svg_labels(const std::string& svg, std::size_t member_count, bool has_broker = false) {
  const double width = attr(svg.substr(0, svg.find('>')), "width");
  const double height = attr(svg.substr(0, svg.find('>')), "height");

  // The members: circles and squares of the nodes group (the broker's ring is drawn larger).
  std::vector<SvgBox> members;
  const std::string nodes = svg.substr(svg.find("<g class=\"nodes\""), svg.find("<g class=\"labels\"") - svg.find("<g class=\"nodes\""));
  const std::regex shape("<(circle|rect) [^>]*>");
  for (auto it = std::sregex_iterator(nodes.begin(), nodes.end(), shape); it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    if (tag.find("<circle") == 0) {
      const double x = attr(tag, "cx"), y = attr(tag, "cy"), r = attr(tag, "r");
      members.push_back({{x - r, y - r, x + r, y + r}, tag});
    } else {
      const double x = attr(tag, "x"), y = attr(tag, "y"), w = attr(tag, "width");
      members.push_back({{x, y, x + w, y + w}, tag});
    }
  }
  CHECK(members.size() >= member_count);

  // The names: each text's box from its baseline, as wide as the estimate (an upper bound of
  // DejaVu Sans's real width, checked against the font itself in tests/viz).
  const std::string labels = svg.substr(svg.find("<g class=\"labels\""));
  const std::regex text("<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"[^>]*>([^<]*)</text>");
  std::vector<SvgBox> names;
  for (auto it = std::sregex_iterator(labels.begin(), labels.end(), text); it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    const std::string t = (*it)[3];
    if (labels.find("class=\"legend\"") < std::size_t(it->position())) break;  // the legend's texts
    names.push_back({{x, y - 11, x + estimated_text_width(t, 11, true), y + 3}, t});
  }
  // Most members are named (the crowded ones may not be), the broker always.
  CHECK(names.size() >= member_count * 3 / 4);
  if (has_broker)
    CHECK(std::any_of(names.begin(), names.end(), [](const SvgBox& b) { return b.what == "Wijkmakelaar"; }));

  // The legend: its column down to its last line.
  double legend_bottom = 0;
  const std::string legend_text = svg.substr(svg.find("<g class=\"legend\""));
  const std::regex legend_y("<text x=\"[-0-9.]+\" y=\"([-0-9.]+)\"");
  for (auto it = std::sregex_iterator(legend_text.begin(), legend_text.end(), legend_y); it != std::sregex_iterator(); ++it)
    legend_bottom = std::max(legend_bottom, std::stod((*it)[1]) + 4);
  CHECK(legend_bottom > 0);
  const Box legend{width - 250, 0, width, legend_bottom};
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i].what);
    const Box& b = names[i].box;
    CHECK(b.x0 >= 0);
    CHECK(b.x1 <= width);
    CHECK(b.y1 <= height);
    CHECK_FALSE(b.overlaps(legend));
    CHECK(b.y0 >= 40);  // under the title
    for (const auto& m : members) CHECK_FALSE(b.overlaps(m.box));
    for (std::size_t j = i + 1; j < names.size(); ++j) CHECK_FALSE(b.overlaps(names[j].box));
  }

  // The network fills the picture: the members span all but the margins, and the picture is cut
  // to the drawing, so no band of it stays empty.
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (const auto& m : members) x0 = std::min(x0, m.box.x0), x1 = std::max(x1, m.box.x1), y0 = std::min(y0, m.box.y0), y1 = std::max(y1, m.box.y1);
  CHECK(x1 - x0 >= 0.9 * (width - 250 - 2 * 90));
  CHECK(y0 < 0.25 * height);          // no empty band on top (title and subtitle included)
  CHECK(height - y1 < 0.12 * height);  // nor at the bottom
}


}  // namespace wijknet::test
