// The project matrix's picture without a window (viz/project_matrix.hpp), on Coalitie Laak: which
// project sits where, with which advice, which are pearls, and that no label covers a dot, a
// region's name or another label.
#include <doctest/doctest.h>

#include <map>

#include "importers/io.hpp"
#include "tests/viz/fixtures.hpp"
#include "viz/project_matrix.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {
Coalition laak() { return read_coalition(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json"); }
// 7 pixels a character: a stand-in for the font.
double measure(std::string_view t) { return 7.0 * double(t.size()); }
}  // namespace

TEST_CASE("matrix: Laak's projects, their advice and the two pearls (assets/laak.json by hand)") {
  const Coalition c = laak();
  const Portfolio p = assess_portfolio(c);
  MatrixGeometry g;
  g.area = {10, 20, 610, 520};
  const auto wijkkrant = *c.find("p-wijkkrant");
  const MatrixPicture pic = layout_matrix(c, p, g, Lang::nl, {wijkkrant}, measure);
  // Grid: 600 wide less 24 axis less 140 for labels = 436; 500 high less 40 less 3 = 457; square 436.
  CHECK(pic.grid.x0 == 34);
  CHECK(pic.grid.y0 == 23);
  CHECK(pic.cell == doctest::Approx(436.0 / 5));
  CHECK(pic.cells.size() == 25);
  std::map<std::string, const MatrixDot*> by_id;
  for (const auto& d : pic.dots) by_id[c.nodes[d.node].id] = &d;
  // The nine running projects (Huiswerkbegeleiding is completed and left out).
  CHECK(pic.dots.size() == 9);
  CHECK(pic.finished == 1);
  CHECK(by_id.count("p-huiswerk") == 0);
  REQUIRE(by_id.count("p-wijkkrant"));
  const MatrixDot& w = *by_id["p-wijkkrant"];
  CHECK(w.effort == 4);
  CHECK(w.impact == 2);
  CHECK(w.advice == ProjectAdvice::stop);
  CHECK(w.selected);
  // Alone in cell (4, 2): at its centre.
  CHECK(w.x == doctest::Approx(34 + 3.5 * 436.0 / 5));
  CHECK(w.y == doctest::Approx(23 + 3.5 * 436.0 / 5));
  // The pearls: impact >= 4 and more than one theme.
  std::vector<std::string> pearls;
  for (const auto& d : pic.dots)
    if (d.pearl) pearls.push_back(c.nodes[d.node].id);
  CHECK(pearls == std::vector<std::string>{"p-wijkconsultatie", "p-ateliers"});
  CHECK(pic.pearls == 2);
  CHECK(by_id["p-ateliers"]->advice == ProjectAdvice::continue_);
  CHECK(by_id["p-buurtkamer"]->advice == ProjectAdvice::investigate);  // 3, 3
  // Two in cell (2, 4): side by side around its centre, 20 apart.
  const MatrixDot &a = *by_id["p-wijkconsultatie"], &b = *by_id["p-portieken"];
  CHECK(a.y == b.y);
  CHECK(b.x - a.x == doctest::Approx(20));
  CHECK((a.x + b.x) / 2 == doctest::Approx(34 + 1.5 * 436.0 / 5));
  CHECK(pic.unrated.empty());
  // The dump says the same.
  const Json j = matrix_json(c, pic);
  CHECK(j["projects"].size() == 9);
  CHECK(j["pearls"] == 2);
  for (const auto& pj : j["projects"])
    if (pj["id"] == "p-wijkkrant") {
      CHECK(pj["advice"] == "stop");
      CHECK(pj["point"][0].get<double>() == doctest::Approx(w.x));
    }
  // A click on the dot finds it; beside it nothing.
  const auto k = matrix_dot_at(pic, w.x + 2, w.y - 2);
  REQUIRE(k);
  CHECK(c.nodes[pic.dots[*k].node].id == "p-wijkkrant");
  CHECK_FALSE(matrix_dot_at(pic, pic.grid.x0 + 2, pic.grid.y0 + 40));
}

TEST_CASE("matrix: every project is named beside its dot or in the key; no name over a dot, a region's name or another name") {
  const Coalition c = laak();
  const Portfolio p = assess_portfolio(c);
  for (double width : {440.0, 660.0}) {
    CAPTURE(width);
    MatrixGeometry g;
    g.area = {0, 0, width, width - 40};
    const MatrixPicture pic = layout_matrix(c, p, g, Lang::nl, {}, measure);
    // Portieken shares cell (2, 4) with Wijkconsultatie; at these sizes one of the nine gets a number.
    CHECK(pic.labels.size() + pic.keyed.size() == pic.dots.size());
    CHECK(pic.labels.size() >= 7);
    for (std::size_t k = 0; k < pic.keyed.size(); ++k) CHECK(pic.dots[pic.keyed[k]].key == int(k + 1));
    for (const auto& l : pic.labels) CHECK(pic.dots[l.node].key == 0);
    for (std::size_t i = 0; i < pic.labels.size(); ++i) {
      const auto& l = pic.labels[i];
      const Box bi{l.x, l.y, l.x + l.width, l.y + l.height};
      CHECK(bi.x0 >= g.area.x0);
      CHECK(bi.x1 <= g.area.x1);
      CHECK(bi.y1 <= pic.grid.y1);
      for (std::size_t j = i + 1; j < pic.labels.size(); ++j) {
        const auto& m = pic.labels[j];
        CHECK_FALSE(bi.overlaps({m.x, m.y, m.x + m.width, m.y + m.height}));
      }
      for (const auto& d : pic.dots) CHECK_FALSE(bi.overlaps({d.x - d.radius, d.y - d.radius, d.x + d.radius, d.y + d.radius}));
      for (const auto& r : pic.regions) CHECK_FALSE(bi.overlaps(r.box));
    }
  }
}

TEST_CASE("matrix: a project without a rating is listed as unrated, not drawn") {
  Coalition c = test::small_coalition();
  const auto portiek = *c.find("p-portiek"), stage = *c.find("p-stage");
  c.nodes[portiek].attrs = {{"effort", 2}, {"impact", 5}};
  c.nodes[stage].attrs = {{"effort", 6}, {"impact", 3}};  // invalid: not rated
  MatrixGeometry g;
  g.area = {0, 0, 500, 460};
  const MatrixPicture pic = layout_matrix(c, assess_portfolio(c), g, Lang::en, {}, measure);
  REQUIRE(pic.dots.size() == 1);
  CHECK(pic.dots[0].node == portiek);
  CHECK(pic.dots[0].advice == ProjectAdvice::continue_);
  CHECK_FALSE(pic.dots[0].pearl);  // one theme
  CHECK(pic.unrated == std::vector<std::size_t>{stage});
  CHECK(matrix_json(c, pic)["unrated"] == Json::array({"p-stage"}));
}
