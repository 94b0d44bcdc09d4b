#include "viz/export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/text/number_text.hpp"
#include "core/model/privacy.hpp"
#include "core/present/svg_render.hpp"
#include "importers/atomic_write.hpp"

// libstb (Debian's libstb-dev) exports the encoder to memory but its header declares it only in
// the implementation section; declared here so the PNG goes through the atomic writer.
extern "C" unsigned char* stbi_write_png_to_mem(const unsigned char* pixels, int stride_bytes, int x, int y, int n,
                                                int* out_len);

namespace wijknet::viz {

std::string legend_text(const AppState& state, Lang lang, const LegendEntry& e) {
  std::string name;
  switch (state.view().color_by()) {
    case ColorBy::kind: name = kind_name(lang, e.key.empty() ? "other" : e.key); break;
    case ColorBy::sector: name = sector_title(lang, e.key); break;
    case ColorBy::community: name = tr(lang, "metric.community") + " " + (e.key == "-1" ? "?" : e.key); break;
    case ColorBy::metric: return format_measure(lang, e.value);  // "0,398" in Dutch, never "4e-05"
  }
  return name + " (" + std::to_string(e.count) + ")";
}

LegendBlock layout_legend(const AppState& state, Lang lang, const std::function<double(std::string_view)>& measure,
                          double font_size, std::size_t max_rows) {
  LegendBlock b;
  b.font_size = font_size;
  b.row_height = font_size * 1.45;
  b.swatch = font_size * 0.8;
  b.padding = 8;
  switch (state.view().color_by()) {
    case ColorBy::kind: b.title = tr(lang, "color.kind"); break;
    case ColorBy::sector: b.title = tr(lang, "color.sector"); break;
    case ColorBy::community: b.title = tr(lang, "color.community"); break;
    case ColorBy::metric: b.title = metric_name(lang, metric_id(state.view().color_metric())); break;
  }
  auto entries = state.scene().legend();
  if (entries.size() > max_rows) entries.resize(max_rows);
  double w = measure(b.title);
  for (const auto& e : entries) {
    LegendBlock::Row r;
    r.color = e.color;
    r.text = legend_text(state, lang, e);
    w = std::max(w, b.swatch + 6 + measure(r.text));
    b.rows.push_back(std::move(r));
  }
  b.width = w + 2 * b.padding;
  b.height = 2 * b.padding + b.row_height * double(b.rows.size() + 1);
  const Camera& cam = state.view().camera();
  b.x = 12;
  b.y = cam.height - 12 - b.height;
  for (std::size_t k = 0; k < b.rows.size(); ++k) b.rows[k].y = b.y + b.padding + b.row_height * double(k + 1);
  return b;
}

std::vector<std::string> pseudonymous_texts(const Coalition& doc) {
  std::vector<std::string> texts(doc.nodes.size());
  bool any = false;
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    texts[i] = label_text(doc.nodes[i]);
    any = any || doc.nodes[i].is_resident_person();
  }
  if (!any) return texts;
  Coalition anon = anonymized(doc);  // keeps the order of the nodes
  for (std::size_t i = 0; i < doc.nodes.size() && i < anon.nodes.size(); ++i)
    if (doc.nodes[i].is_resident_person()) texts[i] = label_text(anon.nodes[i]);
  return texts;
}

std::string export_title(const AppState& state) {
  if (!state.document().name.empty()) return state.document().name;
  return state.doc().path().empty() ? std::string("wijknet") : std::filesystem::path(state.doc().path()).stem().string();
}

std::string export_subtitle(const AppState& state, Lang lang) { return as_of_text(lang, state.view().filters().at); }

std::vector<SvgLegendRow> export_legend_rows(const AppState& state, Lang lang, std::size_t max_rows) {
  std::vector<SvgLegendRow> rows;
  for (const auto& e : state.scene().legend()) {
    if (rows.size() == max_rows) break;
    rows.push_back({e.color, legend_text(state, lang, e)});
  }
  return rows;
}

std::string view_svg(AppState& state, Lang lang, const std::vector<std::string>& texts) {
  const bool was_presenting = state.view().presenting();
  state.view().set_presenting(true);
  const auto& styles = state.scene().node_styles();
  const auto& ties = state.scene().edge_styles();
  const Coalition& doc = state.document();
  SvgOptions o;
  o.width = state.view().camera().width;
  o.height = state.view().camera().height;
  o.lang = lang;
  o.labels = state.view().label_density > 0;
  o.title = export_title(state);
  o.subtitle = export_subtitle(state, lang);
  o.looks.reserve(styles.size());
  for (const auto& st : styles) o.looks.push_back({st.fill, double(st.radius), (st.flags & node_visible) != 0});
  o.ties_shown.reserve(ties.size());
  for (const auto& t : ties) o.ties_shown.push_back(t.visible ? 1 : 0);
  o.texts = texts;
  switch (state.view().color_by()) {
    case ColorBy::kind: o.legend_title = tr(lang, "color.kind"); break;
    case ColorBy::sector: o.legend_title = tr(lang, "color.sector"); break;
    case ColorBy::community: o.legend_title = tr(lang, "color.community"); break;
    case ColorBy::metric: o.legend_title = metric_name(lang, metric_id(state.view().color_metric())); break;
  }
  o.legend_rows = export_legend_rows(state, lang);
  // The view's positions, y turned down as on screen (world y points up).
  std::vector<Vec2> positions = state.doc().positions();
  for (auto& p : positions) p.y = -p.y;
  if (positions.size() != doc.nodes.size()) positions = network_positions(doc);
  std::string svg = network_svg(doc, positions, o);
  state.view().set_presenting(was_presenting);
  return svg;
}

bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, std::string& error) {
  if (width <= 0 || height <= 0 || rgba.size() < std::size_t(width) * std::size_t(height) * 4) {
    error = path + ": nothing to write";
    return false;
  }
  int len = 0;
  unsigned char* png = stbi_write_png_to_mem(rgba.data(), width * 4, width, height, 4, &len);
  if (!png) {
    error = path + ": PNG encoding failed";
    return false;
  }
  try {
    write_file_atomically(path, [&](std::ostream& out) { out.write(reinterpret_cast<const char*>(png), len); });
  } catch (const std::exception& e) {
    error = e.what();
    std::free(png);
    return false;
  }
  std::free(png);
  return true;
}

bool write_text(const std::string& path, const std::string& text, std::string& error) {
  try {
    write_file_atomically(path, [&](std::ostream& out) { out << text; });
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

}  // namespace wijknet::viz
