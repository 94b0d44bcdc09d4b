// Snapshots of the view for reports and slides: the same picture as the window's network view
// (ties, discs, labels, legend), as SVG text (no GL, tested directly) or as PNG pixels rendered
// offscreen by the viewer. Residents can be pseudonymised in the labels (DOMAIN.md, "Privacy").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "viz/app_state.hpp"
#include "viz/i18n.hpp"
#include "viz/labels.hpp"

namespace wijknet::viz {

// The legend drawn into exported pictures, laid out in logical pixels at the bottom left.
struct LegendBlock {
  struct Row {
    Rgba color;
    std::string text;
    double y = 0;  // top of the row
  };
  double x = 0, y = 0, width = 0, height = 0;
  double font_size = 13, swatch = 10, padding = 8, row_height = 18;
  std::string title;
  std::vector<Row> rows;
};

// Lays out the legend of `state` (its colour mode, the visible nodes) in the viewport's bottom
// left corner. `measure` gives text widths at `font_size`. At most `max_rows` rows.
LegendBlock layout_legend(const AppState& state, Lang lang, const std::function<double(std::string_view)>& measure,
                          double font_size = 13, std::size_t max_rows = 12);

// The legend row text of an entry in the current colour mode ("Woningcorporatie (3)").
std::string legend_text(const AppState& state, Lang lang, const LegendEntry& e);

// The label text of every node, residents replaced by the pseudonyms core/privacy gives them in
// document exports ("Bewoner 3f2a"); pass it as LabelOptions::texts so labels are placed and
// measured with the text they will show. O(n + m).
std::vector<std::string> pseudonymous_texts(const Coalition& doc);

// The current view as a standalone SVG document of camera.width x camera.height logical
// pixels: visible ties and members inside the view, labels, legend. Sizes follow the renderer
// (node_scale, ui_scale). O(n + m).
std::string view_svg(const AppState& state, const std::vector<PlacedLabel>& labels, const LegendBlock& legend,
                     double ui_scale = 1.0, double font_size = 14, double label_padding = 3);

// Writes RGBA rows (top first) as a PNG, atomically (a temporary file renamed over `path`).
// Returns false with `error` set when it cannot.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, std::string& error);

// Writes `text` to `path` atomically; false with `error` set on failure.
bool write_text(const std::string& path, const std::string& text, std::string& error);

}  // namespace wijknet::viz
