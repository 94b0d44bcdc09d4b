// Which node labels to show on the view and where: the window's side of the one placement rule
// of core/present/label_placement.hpp (the SVG pictures of `render` and the report use it too). Here the
// order is the view's: selected, hovered and searched members first, then the importance order
// of AppState; the discs on screen and the docked panels are the obstacles.
// Independent of the font: the caller passes a function that measures text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/present/label_placement.hpp"
#include "viz/app_state.hpp"

namespace wijknet::viz {

using wijknet::PlacedLabel;  // core/present/label_placement.hpp: node, text, box, emphasis

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
  // Further screen boxes no label may cover (an export's title and legend plates).
  std::vector<Box> keep_clear;
};

// The most labels on a view `width` x `height` logical pixels: one for about every 6,000 square
// pixels at density 1, at least one.
std::size_t label_budget(double width, double height, double density);

// Places labels for the current camera. The candidates are the emphasised members (selected,
// hovered, searched) and then the label_budget() most important members on screen, in
// AppState::importance_order; a candidate that finds no free spot stays unlabelled. `measure` returns the width of a text in logical
// pixels at options.font_size. O(k log k + c) for c candidates looked at and k placed.
std::vector<PlacedLabel> place_labels(const AppState& state, const std::function<double(std::string_view)>& measure,
                                      const LabelOptions& options = {});

// The text a node is labelled with: its label, else its id, cut to `max_bytes` at a UTF-8
// character boundary with an ellipsis.
std::string label_text(const Node& node, std::size_t max_bytes = 40);

}  // namespace wijknet::viz
