#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/model/privacy.hpp"
#include "core/present/svg_render.hpp"
#include "importers/io.hpp"
#include "tests/core/svg_geometry.hpp"
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
  for (int i = 1; i < 400; ++i) c.add_edge({.source = 0, .target = NodeIndex(i), .kind = "collaborates"});
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

TEST_CASE("the SVG export: title, date, legend, the visible members at the view's positions, no highlight") {
  AppState s = loaded();
  s.view().set_color_by(ColorBy::kind);
  Filters f;
  f.at = Date::parse("2018-06-01");
  s.view().set_filters(f);
  const std::string plain = view_svg(s, Lang::nl);
  CHECK(plain.rfind("<svg ", 0) == 0);
  CHECK(test::attr(plain.substr(0, plain.find('>')), "width") <= 800);
  CHECK(test::attr(plain.substr(0, plain.find('>')), "height") <= 600);
  CHECK(plain.find(">Test</text>") != std::string::npos);                   // the coalition's name
  CHECK(plain.find(">Stand op 1 juni 2018</text>") != std::string::npos);  // the date the view shows
  CHECK(plain.find(">Soort</text>") != std::string::npos);  // the legend's title: coloured by kind
  CHECK(plain.find(">Partner (4)</text>") != std::string::npos);  // Dutch legend, as on screen
  CHECK(plain.find(">Bewoner (1)</text>") != std::string::npos);
  CHECK(plain.find(">Project (2)</text>") != std::string::npos);
  CHECK(count_of(plain, "<title>") == 1 + 7);  // the document and every member existing then
  CHECK(count_of(plain, "<line ") == 9 + 2);   // the 9 ties of 2018, and collaborates and participates in the legend
  CHECK(plain.find(kind_color("project").hex()) != std::string::npos);
  CHECK(plain.find("Coöperatieve stageplekken") != std::string::npos);

  // A member selected, another hovered, a search and a what-if: the picture for others is the same.
  s.click(*s.document().find("staedion"), false);
  s.view().set_hover(*s.document().find("roc"));
  s.search("gem");
  std::vector<std::uint8_t> muted(s.doc().node_count(), 0);
  muted[*s.document().find("broker")] = 1;
  s.view().set_muted(muted);
  CHECK(view_svg(s, Lang::nl) == plain);
  CHECK(!s.view().presenting());                                  // the window keeps its highlights
  CHECK((s.scene().node_styles()[*s.document().find("staedion")].flags & node_selected) != 0);

  // The view's own positions: moving a member moves it in the picture.
  s.doc().move_node(*s.document().find("p-stage"), {35, 30}, true);
  CHECK(view_svg(s, Lang::nl) != plain);

  // Filtered-out members and their ties are left out; English with today's date without a filter.
  f = {};
  f.hidden_kinds = {"project"};
  s.view().set_filters(f);
  std::string svg = view_svg(s, Lang::en);
  CHECK(count_of(svg, "<title>") == 1 + 5);
  CHECK(svg.find(">" + as_of_text(Lang::en, std::nullopt) + "</text>") != std::string::npos);
  CHECK(svg.find(">Partner (4)</text>") != std::string::npos);
  CHECK(svg.find("Project (") == std::string::npos);
  // Coloured by a measure: the legend's values in the user's locale, never "%g".
  s.compute_metrics();
  s.view().set_color_by(ColorBy::metric, Metric::betweenness);
  svg = view_svg(s, Lang::nl);
  CHECK(std::regex_search(svg, std::regex(">0,[0-9]+</text>")));
  CHECK(svg.find(">" + metric_name(Lang::nl, "betweenness") + "</text>") != std::string::npos);
}

TEST_CASE("the SVG export of Laak with a member selected: named, dated, a legend, no highlight, no label on a disc or label") {
  AppState s;
  s.view().set_viewport(1280, 800);
  s.load(read_coalition(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json"));
  ForceLayout layout = s.doc().make_layout();
  layout.run(800);
  s.doc().set_positions(layout.positions());
  s.click(*s.document().find("staedion"), false);
  s.view().set_hover(*s.document().find("hhs"));
  const std::string svg = view_svg(s, Lang::en, pseudonymous_texts(s.document()));
  CHECK(svg.find(">Coalitie Laak</text>") != std::string::npos);
  CHECK(svg.find(">As of " + long_date(Lang::en, Date::today()) + "</text>") != std::string::npos);
  for (const char* row : {">Kind</text>", ">Partner (11)</text>", ">Resident (5)</text>", ">Project (10)</text>"}) CHECK_MESSAGE(svg.find(row) != std::string::npos, row);
  CHECK(svg.find(">Bewonersgroep Laakkwartier</text>") != std::string::npos);  // a group keeps its name
  // The orange of the selection only rings the wijkmakelaar (and its legend row): Staedion is not highlighted.
  CHECK(count_of(svg, selection_color.hex()) == 2);
  test::check_svg_labels(svg, 26, true);
}

TEST_CASE("exports pseudonymise resident persons' labels; resident groups keep their names") {
  AppState s = loaded();
  const std::size_t b = *s.document().find("bewoners");
  s.doc().set_attrs(b, {{"resident", "group"}});
  CHECK(pseudonymous_texts(s.document())[b] == "Bewonersgroep Laakkwartier");  // an organisation
  s.doc().set_attrs(b, {{"resident", "person"}});
  s.click(b, false);
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
  std::string svg = view_svg(s, Lang::nl, texts);
  CHECK(svg.find("Laakkwartier") == std::string::npos);  // neither label nor tooltip
  CHECK(svg.find("Bewoner " + pseudonym_code("bewoners")) != std::string::npos);
  // Organisations keep their names.
  CHECK(std::any_of(labels.begin(), labels.end(), [](const PlacedLabel& l) { return l.text == "Gemeente Den Haag"; }));
  CHECK(svg.find(">Gemeente Den Haag</text>") != std::string::npos);
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
