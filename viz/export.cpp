#include "viz/export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/privacy.hpp"
#include "core/svg_render.hpp"
#include "importers/atomic_write.hpp"

// libstb (Debian's libstb-dev) exports the encoder to memory but its header declares it only in
// the implementation section; declared here so the PNG goes through the atomic writer.
extern "C" unsigned char* stbi_write_png_to_mem(const unsigned char* pixels, int stride_bytes, int x, int y, int n,
                                                int* out_len);

namespace wijknet::viz {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  // Trim trailing zeros: SVGs of 100,000 ties are large enough.
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string opacity(std::uint8_t a) { return num(a / 255.0); }

}  // namespace

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
    any = any || doc.nodes[i].kind == kinds::resident;
  }
  if (!any) return texts;
  Coalition anon = anonymized(doc);  // keeps the order of the nodes
  for (std::size_t i = 0; i < doc.nodes.size() && i < anon.nodes.size(); ++i)
    if (doc.nodes[i].kind == kinds::resident) texts[i] = label_text(anon.nodes[i]);
  return texts;
}

std::string view_svg(const AppState& state, const std::vector<PlacedLabel>& labels, const LegendBlock& legend,
                     double ui_scale, double font_size, double label_padding) {
  const auto& nodes = state.scene().node_styles();
  const auto& edges = state.scene().edge_styles();
  const auto& pos = state.doc().positions();
  const auto& doc = state.document();
  const Camera& cam = state.view().camera();
  const double scale = state.view().node_scale() * ui_scale;
  const double edge_scale = ui_scale * std::min(state.view().node_scale(), 2.0);
  const double W = cam.width, H = cam.height;
  auto on_view = [&](double x0, double y0, double x1, double y1) {
    return std::max(x0, x1) >= 0 && std::min(x0, x1) <= W && std::max(y0, y1) >= 0 && std::min(y0, y1) <= H;
  };

  std::ostringstream s;
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(W) << "\" height=\"" << num(H) << "\" viewBox=\"0 0 "
    << num(W) << " " << num(H) << "\">\n"
    << "<title>" << xml_escape(doc.name.empty() ? std::string("wijknet") : doc.name) << "</title>\n"
    << "<rect width=\"100%\" height=\"100%\" fill=\"" << background_color.hex() << "\"/>\n";

  s << "<g id=\"ties\" fill=\"none\" stroke-linecap=\"round\">\n";
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto& st = edges[e];
    const auto& x = doc.edges[e];
    if (!st.visible || x.source == x.target || st.color.a == 0) continue;
    Vec2 p0 = cam.to_screen(pos[x.source]), p1 = cam.to_screen(pos[x.target]);
    Vec2 c{(p0.x + p1.x) / 2, (p0.y + p1.y) / 2};
    if (state.view().curved_edges) {
      double dx = p1.x - p0.x, dy = p1.y - p0.y;
      // The control point of the renderer's ribbon: 12% of the length off the middle.
      c.x += -dy * 0.12, c.y += dx * 0.12;
    }
    if (!on_view(std::min({p0.x, p1.x, c.x}), std::min({p0.y, p1.y, c.y}), std::max({p0.x, p1.x, c.x}),
                 std::max({p0.y, p1.y, c.y})))
      continue;
    s << "<path d=\"M" << num(p0.x) << " " << num(p0.y);
    if (state.view().curved_edges) s << " Q" << num(c.x) << " " << num(c.y) << " " << num(p1.x) << " " << num(p1.y);
    else s << " L" << num(p1.x) << " " << num(p1.y);
    s << "\" stroke=\"" << st.color.hex() << "\" stroke-opacity=\"" << opacity(st.color.a) << "\" stroke-width=\""
      << num(st.width * edge_scale) << "\"/>\n";
  }
  s << "</g>\n<g id=\"members\">\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& st = nodes[i];
    if (!(st.flags & node_visible)) continue;
    Vec2 p = cam.to_screen(pos[i]);
    double r = st.radius * scale;
    if (!on_view(p.x - r - 4, p.y - r - 4, p.x + r + 4, p.y + r + 4)) continue;
    double outline = std::max(1.0, r * 0.16);
    s << "<g";
    if (st.flags & node_dimmed) s << " opacity=\"0.22\"";
    s << "><title>" << xml_escape(doc.nodes[i].label.empty() ? doc.nodes[i].id : doc.nodes[i].label) << "</title>";
    if (st.flags & (node_selected | node_hovered)) {
      double ring = (st.flags & node_selected) ? std::max(2.5, r * 0.3) : 1.8;
      Rgba rc = (st.flags & node_selected) ? selection_color : Rgba{26, 26, 31, 255};
      s << "<circle cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(r + ring / 2) << "\" fill=\"none\" stroke=\""
        << rc.hex() << "\" stroke-width=\"" << num(ring) << "\"/>";
    }
    s << "<circle cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(std::max(r - outline / 2, 0.1))
      << "\" fill=\"" << st.fill.hex() << "\" stroke=\"" << darker(st.fill, 0.55).hex() << "\" stroke-width=\""
      << num(outline) << "\"";
    if (st.fill.a != 255) s << " fill-opacity=\"" << opacity(st.fill.a) << "\"";
    s << "/>";
    if (st.flags & node_pinned)
      s << "<circle cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(r * 0.28)
        << "\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>";
    s << "</g>\n";
  }
  s << "</g>\n<g id=\"labels\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"" << num(font_size) << "\">\n";
  for (const auto& l : labels) {
    Rgba plate = l.emphasis ? Rgba{255, 236, 204, 235} : Rgba{255, 255, 255, 190};
    s << "<rect x=\"" << num(l.x) << "\" y=\"" << num(l.y) << "\" width=\"" << num(l.width) << "\" height=\"" << num(l.height)
      << "\" rx=\"3\" fill=\"" << plate.hex() << "\" fill-opacity=\"" << opacity(plate.a) << "\"/>"
      << "<text x=\"" << num(l.x + label_padding) << "\" y=\"" << num(l.y + label_padding + font_size * 0.8) << "\" fill=\""
      << label_color.hex() << "\">" << xml_escape(l.text) << "</text>\n";
  }
  s << "</g>\n";
  if (!legend.rows.empty()) {
    s << "<g id=\"legend\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"" << num(legend.font_size) << "\">\n"
      << "<rect x=\"" << num(legend.x) << "\" y=\"" << num(legend.y) << "\" width=\"" << num(legend.width) << "\" height=\""
      << num(legend.height) << "\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#c8c8c8\"/>\n"
      << "<text x=\"" << num(legend.x + legend.padding) << "\" y=\""
      << num(legend.y + legend.padding + legend.font_size * 0.8) << "\" font-weight=\"bold\" fill=\"" << label_color.hex()
      << "\">" << xml_escape(legend.title) << "</text>\n";
    for (const auto& r : legend.rows) {
      double cy = r.y + legend.row_height / 2;
      s << "<circle cx=\"" << num(legend.x + legend.padding + legend.swatch / 2) << "\" cy=\"" << num(cy) << "\" r=\""
        << num(legend.swatch / 2) << "\" fill=\"" << r.color.hex() << "\" stroke=\"" << darker(r.color, 0.55).hex() << "\"/>"
        << "<text x=\"" << num(legend.x + legend.padding + legend.swatch + 6) << "\" y=\""
        << num(r.y + (legend.row_height - legend.font_size) / 2 + legend.font_size * 0.8) << "\" fill=\""
        << label_color.hex() << "\">" << xml_escape(r.text) << "</text>\n";
    }
    s << "</g>\n";
  }
  s << "</svg>\n";
  return s.str();
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
