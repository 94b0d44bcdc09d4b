// The project matrix panel's picture, apart from any window: the 5 x 5 effort-impact grid with
// each cell tinted by core's advice (core/assess/portfolio.hpp: continue, investigate, stop), a dot per
// rated project (several in a cell spread as the report's matrix spreads them), its label placed
// by core's one placement rule (core/present/label_placement.hpp), the pearls, and the projects without a
// rating. The panel (viz/panel_matrix.cpp) draws it and hit-tests clicks against it; the state
// dump writes it. Tested in tests/viz/test_project_matrix.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/i18n.hpp"
#include "core/present/label_placement.hpp"
#include "core/assess/portfolio.hpp"

namespace wijknet::viz {

struct MatrixCell {
  int effort = 1, impact = 1;  // 1..5
  ProjectAdvice advice = ProjectAdvice::investigate;
  Box box;
};

struct MatrixDot {
  std::size_t node = 0;  // index into the document's nodes
  double effort = 0, impact = 0;
  ProjectAdvice advice = ProjectAdvice::investigate;
  bool pearl = false, selected = false;
  double x = 0, y = 0, radius = 0;  // in the panel's coordinates (the caller's origin)
  int key = 0;  // when its name found no room beside it: the number written in the dot and the key (1, 2, ...)
};

struct MatrixPicture {
  Box grid;                           // the 5 x 5 grid
  double cell = 0;                    // a cell's side
  std::vector<MatrixCell> cells;      // 25, effort-major
  std::vector<MatrixDot> dots;        // the rated projects, in document order
  std::vector<PlacedLabel> labels;    // PlacedLabel::node is the index into `dots`
  std::vector<std::size_t> keyed;     // dots whose name found no room, by their key number (into `dots`)
  std::vector<std::size_t> unrated;   // document indices of projects without a valid rating
  std::size_t finished = 0;           // projects left out because they ended
  std::size_t pearls = 0;
  // Each outcome's name written inside its region (continue top left, investigate bottom left,
  // stop bottom right), kept clear of by the projects' labels.
  struct RegionLabel {
    ProjectAdvice advice;
    std::string text;
    Box box;
  };
  std::vector<RegionLabel> regions;
};

struct MatrixGeometry {
  Box area;               // where the grid and its labels may go (the panel's drawing area)
  double axis_left = 24;    // room left of the grid for the impact numbers
  double axis_bottom = 40;  // room under the grid for the effort numbers and title
  double line_height = 16;
  double gap = 3;
};

// Lays out `portfolio` (assess_portfolio of `doc`) in `geometry.area`: a square grid as large as
// fits after the axis room, effort 1..5 left to right, impact 1..5 bottom to top. Labels are the
// projects' names, placed right of, left of, above or below their dot, never over a dot or another
// label or region name; a name that finds no room is shortened ("Thema-ateliers…") and tried
// again, and one that still finds none gets a number in its dot and a line in the key under the
// picture (as the report's matrix numbers all of them). `selected`
// projects are drawn emphasised and labelled first. `measure` gives a text's width. O(p) for p projects.
MatrixPicture layout_matrix(const Coalition& doc, const Portfolio& portfolio, const MatrixGeometry& geometry, Lang lang,
                            const std::vector<std::size_t>& selected,
                            const std::function<double(std::string_view)>& measure);

// The dot under point (x, y), allowing `slop` beyond its rim: its index into picture.dots.
std::optional<std::size_t> matrix_dot_at(const MatrixPicture& picture, double x, double y, double slop = 3);

// What the panel shows, for --dump-state: per project its id, effort, impact, advice, pearl and
// point {x, y} (in the coordinates the picture was laid out in: the window's, for the panel), the
// label placed, the unrated projects' ids and the counts.
Json matrix_json(const Coalition& doc, const MatrixPicture& picture);

}  // namespace wijknet::viz
