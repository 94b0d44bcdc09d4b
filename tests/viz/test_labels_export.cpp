#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/app_state.hpp"
#include "viz/export.hpp"
#include "viz/generate.hpp"
#include "viz/i18n.hpp"
#include "viz/labels.hpp"

using namespace wijknet;
using namespace wijknet::viz;
using wijknet::test::count_of;

namespace {

AppState loaded(double w = 800, double h = 600) {
  AppState s;
  s.view().set_viewport(w, h);
  Coalition c = test::small_coalition();
  for (std::size_t i = 0; i < c.nodes.size(); ++i) c.layout[c.nodes[i].id] = {10.0 * double(i), 5.0 * double(i % 2)};
  s.load(std::move(c));
  return s;
}

double seven_px_a_byte(std::string_view t) { return 7.0 * double(t.size()); }

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace

TEST_CASE("labels never overlap and the selection is always labelled") {
  // 400 nodes on a dense grid: most labels must give way.
  Coalition c;
  for (int i = 0; i < 400; ++i) {
    Node n;
    n.id = "n" + std::to_string(i);
    n.label = "Member number " + std::to_string(i);
    n.kind = "partner";
    c.add_node(n);
    c.layout[n.id] = {double(i % 20), double(i / 20)};
  }
  for (int i = 1; i < 400; ++i) c.add_edge({.source = 0, .target = std::size_t(i), .kind = "collaborates"});
  AppState s;
  s.view().set_viewport(800, 600);
  s.load(std::move(c));
  s.click(399, false);
  auto labels = place_labels(s, seven_px_a_byte);
  REQUIRE(!labels.empty());
  CHECK(labels.size() < 100);
  CHECK(labels.front().node == 399);
  CHECK(labels.front().emphasis);
  for (std::size_t a = 0; a < labels.size(); ++a)
    for (std::size_t b = a + 1; b < labels.size(); ++b) CHECK_FALSE(overlap(labels[a], labels[b]));
  // Nor does a label cover a member's disc (the forced label of the selection aside).
  const auto& styles = s.scene().node_styles();
  for (const auto& l : labels) {
    if (l.emphasis) continue;
    for (std::size_t i = 0; i < styles.size(); ++i) {
      Vec2 p = s.view().camera().to_screen(s.doc().positions()[i]);
      const double r = styles[i].radius * s.view().node_scale();
      const bool covers = l.x < p.x + r && p.x - r < l.x + l.width && l.y < p.y + r && p.y - r < l.y + l.height;
      INFO("label of " << l.node << " over member " << i);
      CHECK_FALSE(covers);
    }
  }
  // The hub (degree 399) is the most important node and is labelled.
  CHECK(std::any_of(labels.begin(), labels.end(), [](const PlacedLabel& l) { return l.node == 0; }));
  // Zooming in on a corner labels nodes there that had no room before.
  s.view().camera().zoom_at(s.view().camera().to_screen({19, 19}), 8);
  auto zoomed = place_labels(s, seven_px_a_byte);
  CHECK(std::any_of(zoomed.begin(), zoomed.end(), [](const PlacedLabel& l) { return l.node == 398; }));
  // Density 0 hides them.
  LabelOptions none;
  none.density = 0;
  CHECK(place_labels(s, seven_px_a_byte, none).empty());
}

TEST_CASE("label text is cut at a character boundary") {
  Node n;
  n.id = "x";
  n.label = "Coöperatief Eigenwijzer";
  CHECK(label_text(n, 40) == "Coöperatief Eigenwijzer");
  // Byte 3 is inside "ö" (2 bytes): the cut moves back before it.
  CHECK(label_text(n, 3) == "Co\xE2\x80\xA6");
  n.label.clear();
  CHECK(label_text(n) == "x");
}

TEST_CASE("the SVG export shows the visible members and ties, labels and legend") {
  AppState s = loaded();
  s.view().set_color_by(ColorBy::kind);
  auto labels = place_labels(s, seven_px_a_byte);
  auto legend = layout_legend(s, Lang::nl, seven_px_a_byte);
  std::string svg = view_svg(s, labels, legend);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("width=\"800\" height=\"600\"") != std::string::npos);
  CHECK(count_of(svg, "<title>") == 1 + 7);  // the document and every member
  CHECK(count_of(svg, "<path ") == 9);
  CHECK(svg.find(kind_color("project").hex()) != std::string::npos);
  CHECK(svg.find("Coöperatieve stageplekken") != std::string::npos);
  CHECK(svg.find(">Partner (4)<") != std::string::npos);
  CHECK(svg.find(">Bewoner (1)<") != std::string::npos);  // Dutch legend
  // Filtered-out members and their ties are left out.
  Filters f;
  f.hidden_kinds = {"project"};
  s.view().set_filters(f);
  svg = view_svg(s, place_labels(s, seven_px_a_byte), layout_legend(s, Lang::en, seven_px_a_byte));
  CHECK(count_of(svg, "<title>") == 1 + 5);
  CHECK(count_of(svg, "<path ") == 5);
  // Curved ties become quadratic Beziers.
  s.view().curved_edges = true;
  svg = view_svg(s, {}, {});
  CHECK(count_of(svg, " Q") == 5);
}

TEST_CASE("exports pseudonymise residents' labels") {
  AppState s = loaded();
  s.click(*s.document().find("bewoners"), false);
  auto labels = place_labels(s, seven_px_a_byte);
  auto it = std::find_if(labels.begin(), labels.end(), [&](const PlacedLabel& l) { return s.document().nodes[l.node].kind == "resident"; });
  REQUIRE(it != labels.end());
  CHECK(it->text == "Bewonersgroep Laakkwartier");
  auto texts = pseudonymous_texts(s.document());
  LabelOptions lo;
  lo.texts = &texts;
  labels = place_labels(s, seven_px_a_byte, lo);
  it = std::find_if(labels.begin(), labels.end(), [&](const PlacedLabel& l) { return s.document().nodes[l.node].kind == "resident"; });
  REQUIRE(it != labels.end());
  CHECK(it->text.rfind("Bewoner ", 0) == 0);
  CHECK(it->text.find("Laakkwartier") == std::string::npos);
  // Measured with the text it shows: "Bewoner abcd" is 12 bytes, 84 px plus padding.
  CHECK(it->width == doctest::Approx(7.0 * double(it->text.size()) + 6));
  std::string svg = view_svg(s, labels, {});
  CHECK(svg.find("Laakkwartier\x3c/text>") == std::string::npos);
  // Organisations keep their names.
  CHECK(std::any_of(labels.begin(), labels.end(), [](const PlacedLabel& l) { return l.text == "Gemeente Den Haag"; }));
}

TEST_CASE("display names of kinds, sectors and metrics in the viewer") {
  CHECK(kind_name(Lang::nl, "resident") == "Bewoner");
  CHECK(kind_name(Lang::en, "orchestra") == "orchestra");  // unknown kinds shown as they are
  CHECK(sector_title(Lang::nl, "housing") == "Woningcorporaties");
  CHECK(sector_title(Lang::en, "civil_society") == "Civil society");
  CHECK(sector_title(Lang::en, "") == "(no sector)");
  CHECK(sector_title(Lang::nl, "project") == "Project");  // a legend key that is a kind
  CHECK(sector_title(Lang::nl, "sport") == "sport");      // other values as they are
  CHECK(metric_name(Lang::nl, "betweenness") == "Tussenpositie");
  // Every metric and known sector has a name in the table.
  for (auto m : all_metrics) CHECK(has_text("metric." + std::string(metric_id(m))));
  for (auto s : known_sectors) CHECK(has_text("sector." + std::string(s)));
}

TEST_CASE("the Barabasi-Albert generator: size, simple graph, deterministic") {
  Coalition c = barabasi_albert(2000, 5, 7);
  CHECK(c.nodes.size() == 2000);
  CHECK(c.edges.size() == 5 * (2000 - 5));
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& e : c.edges) {
    CHECK(e.source != e.target);
    pairs.insert({std::min(e.source, e.target), std::max(e.source, e.target)});
  }
  CHECK(pairs.size() == c.edges.size());
  Coalition d = barabasi_albert(2000, 5, 7);
  CHECK(test::fingerprint(c) == test::fingerprint(d));
  // Preferential attachment: the oldest nodes collect far more ties than the mean of 10.
  std::vector<int> degree(2000);
  for (const auto& e : c.edges) ++degree[e.source], ++degree[e.target];
  CHECK(*std::max_element(degree.begin(), degree.end()) > 60);
  CHECK_THROWS(barabasi_albert(5, 5));
}
