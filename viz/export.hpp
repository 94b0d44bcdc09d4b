// Snapshots of the view for a council, a funder or a slide: the window's network with a title (the
// coalition's name), the date it shows and the legend of its colours, without selection, hover,
// search or what-if highlight (AppState::set_presenting). As SVG text drawn by core's
// network_svg (no GL, tested directly) or as PNG pixels rendered offscreen by the viewer.
// Resident persons can be pseudonymised in the labels (DOMAIN.md, "Privacy").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/present/svg_render.hpp"
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

// The title of an exported picture (the coalition's name, else its file's name) and its
// subtitle: the date the view shows, the date filter's or today's (core's as_of_text).
std::string export_title(const AppState& state);
std::string export_subtitle(const AppState& state, Lang lang);

// The legend's colour rows as in the window's legend (legend_text), for core's network_svg.
std::vector<SvgLegendRow> export_legend_rows(const AppState& state, Lang lang, std::size_t max_rows = 12);

// The view as a standalone SVG document for others, drawn by core's network_svg (one writer,
// one label rule: no label covers a disc or another label): title, date, the members and ties
// the filters show in the window's colours and sizes, at the view's own positions (the running
// layout or the document's), labels (`texts`: the text of each node, e.g. pseudonymous_texts;
// empty: the labels), and the legend of the colour mode with the tie kinds. At most
// camera.width x camera.height, cut to what the drawing needs. Shows no selection, hover, search
// or what-if highlight. O(n + m) plus the label placement.
std::string view_svg(AppState& state, Lang lang, const std::vector<std::string>& texts = {});

// Writes RGBA rows (top first) as a PNG, atomically (a temporary file renamed over `path`).
// Returns false with `error` set when it cannot.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, std::string& error);

// Writes `text` to `path` atomically; false with `error` set on failure.
bool write_text(const std::string& path, const std::string& text, std::string& error);

}  // namespace wijknet::viz
