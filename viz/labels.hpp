// Which node labels to show and where, so that they never overlap: a greedy placement in order
// of importance (selected, hovered and searched nodes first, then the importance order of
// AppState), with an occupancy grid so each candidate is checked against nearby labels only.
// Independent of the font: the caller passes a function that measures text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "viz/app_state.hpp"

namespace wijknet::viz {

struct PlacedLabel {
  std::size_t node = 0;
  std::string text;
  double x = 0, y = 0;  // top-left, logical pixels
  double width = 0, height = 0;
  bool emphasis = false;  // selected, hovered or primary: drawn on a tinted plate
};

struct LabelOptions {
  double font_size = 14;  // logical pixels
  double padding = 3;     // around the text, inside its plate
  double ui_scale = 1;    // node sizes are drawn this much larger (HiDPI)
  // The most labels on screen: one for about every 6,000 square pixels at density 1.
  double density = 1.0;
  std::size_t max_candidates = 4000;  // how far down the importance order to look
  // The text of each node when not its own label (pseudonyms for an export); by node index.
  const std::vector<std::string>* texts = nullptr;
  // Logical pixels at the view's left and right edges that docked panels cover: no label goes
  // there (on screen; exports have no panels).
  double covered_left = 0, covered_right = 0;
};

// Places labels for the current camera. `measure` returns the width of a text in logical
// pixels at options.font_size. O(k log k + c) for c candidates looked at and k placed.
std::vector<PlacedLabel> place_labels(AppState& state, const std::function<double(std::string_view)>& measure,
                                      const LabelOptions& options = {});

// The text a node is labelled with: its label, else its id, cut to `max_bytes` at a UTF-8
// character boundary with an ellipsis.
std::string label_text(const Node& node, std::size_t max_bytes = 40);

}  // namespace wijknet::viz
