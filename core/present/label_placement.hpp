// Where to write the members' names on a picture so that no name covers a member or another
// name: a greedy placement in order of importance (Christensen, Marks and Shieber, "An empirical
// study of algorithms for point-feature label placement", ACM ToG 14(3), 1995: the greedy
// method with four candidate positions is within a few percent of the best on maps). Headless
// and font-independent: the viewer passes its font's measure, the SVG pictures an estimate.
// Used by the viewer (viz/labels.cpp) and by `render` and the report (core/present/svg_render.cpp), so
// both follow one rule.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wijknet {

// An axis-aligned rectangle [x0, x1) x [y0, y1) in picture coordinates (y down).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& b) const { return x0 < b.x1 && b.x0 < x1 && y0 < b.y1 && b.y0 < y1; }
};

// Rectangles already taken, bucketed in square cells so that a test touches only its neighbours.
// O(1) expected per test and insertion for rectangles no larger than a few cells.
class Occupancy {
 public:
  explicit Occupancy(double cell = 64.0) : cell_(cell) {}
  bool free(const Box& b) const;
  void add(const Box& b);

 private:
  long key(double v) const;
  double cell_;
  std::vector<Box> boxes_;
  std::unordered_map<long long, std::vector<std::size_t>> cells_;
};

// One member to label: where its disc is on the picture and what to write.
struct LabelCandidate {
  std::size_t node = 0;  // the caller's index, copied to the result
  double x = 0, y = 0;   // disc centre
  double radius = 0;     // disc radius (a square's half side)
  std::string text;
  bool emphasis = false;  // selected or hovered: placed first and even where it must overlap
};

struct PlacedLabel {
  std::size_t node = 0;
  std::string text;
  double x = 0, y = 0;  // top-left of the label's box
  double width = 0, height = 0;
  bool emphasis = false;
};

struct LabelLayout {
  double width = 0, height = 0;  // the picture: labels stay inside it
  double line_height = 14;       // a label box's height
  double padding = 0;            // added left and right of the measured text
  double gap = 3;                // between a disc's rim and its label
  std::size_t budget = SIZE_MAX; // at most this many labels besides the emphasised ones
};

// Places the candidates in the order given (the most important first). Each takes the first free
// spot of: right of its disc, left, above, below, then the four corners; one that fits nowhere is left out (an
// emphasised one is placed right of its disc regardless). `obstacles` are boxes no label may
// cover: every member's disc, the legend, a title. `measure` gives a text's width. Every placed
// box lies inside the picture and overlaps no obstacle and no other placed box, except for
// emphasised labels. O(c) expected for c candidates when boxes are small against the picture.
std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, const std::vector<Box>& obstacles,
                                      const std::function<double(std::string_view)>& measure,
                                      const LabelLayout& layout);

// The width of `text` in DejaVu Sans at `font_size` pixels, from the font's advance widths
// grouped by character class (narrow, lower case, upper case and digits, wide), rounded up so
// that a real renderer's text is never wider: for SVG pictures, where the viewer's fonts are
// not at hand. `bold` adds DejaVu Sans Bold's extra width. O(|text|).
double estimated_text_width(std::string_view text, double font_size, bool bold = false);

}  // namespace wijknet
