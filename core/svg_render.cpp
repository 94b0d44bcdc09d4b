#include "core/svg_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/health.hpp"

namespace wijknet {
namespace {

struct Rgb {
  int r, g, b;
};

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

// The viewer's palette (viz/palette.cpp), repeated here because core/ may not depend on viz/.
Rgb kind_rgb(std::string_view kind) {
  if (kind == "partner") return {52, 114, 196};
  if (kind == "resident") return {46, 160, 90};
  if (kind == "project") return {232, 130, 40};
  return {140, 140, 140};
}

Rgb sector_rgb(std::string_view sector, std::string_view kind) {
  static constexpr std::pair<std::string_view, Rgb> table[] = {
      {"municipality", {31, 119, 180}}, {"housing", {214, 39, 40}},      {"education", {148, 103, 189}},
      {"welfare", {44, 160, 44}},       {"health", {23, 190, 207}},      {"business", {255, 127, 14}},
      {"civil_society", {140, 86, 75}}, {"residents", {227, 119, 194}}, {"safety", {57, 59, 121}},
      {"culture", {188, 189, 34}},      {"funder", {230, 190, 0}},
  };
  if (sector.empty()) {
    if (kind == "resident") sector = "residents";
    else if (kind == "project") return kind_rgb("project");
    else return {160, 167, 180};
  }
  for (const auto& [name, c] : table)
    if (name == sector) return c;
  // Unknown sectors: a stable colour from the name (FNV-1a), among muted tones.
  static constexpr Rgb extra[] = {{102, 166, 30}, {166, 118, 29}, {117, 112, 179}, {27, 158, 119}, {231, 41, 138}, {102, 102, 102}};
  std::uint32_t h = 2166136261u;
  for (unsigned char ch : sector) h = (h ^ ch) * 16777619u;
  return extra[h % 6];
}

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

// The first `max` code points of a UTF-8 string, with an ellipsis when cut.
std::string clip(std::string_view s, std::size_t max) {
  std::size_t cps = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cps == max) return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
      ++cps;
    }
  }
  return std::string(s);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if (c >= 0x20 || c == '\t' || c == '\n') out += char(c);
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence is copied; anything else becomes U+FFFD.
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
    }
    if (ok && len == 4) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::vector<Vec2> network_positions(const Coalition& coalition, int steps) {
  bool complete = false;
  auto positions = initial_positions(coalition, &complete);
  if (complete || coalition.nodes.size() < 2) return positions;
  ForceLayout layout(std::move(positions), layout_ties(coalition), LayoutSettings::for_size(coalition.nodes.size()));
  layout.run(steps);
  return layout.positions();
}

std::string network_svg(const Coalition& c, const std::vector<Vec2>& positions, const SvgOptions& o) {
  const std::size_t n = c.nodes.size();
  const double legend_w = o.legend ? 250.0 : 0.0;
  const double top = o.title.empty() ? 24.0 : 52.0;
  const double x0 = 40, x1 = o.width - legend_w - 150;  // room for the labels right of the nodes
  const double y0 = top, y1 = o.height - 30;
  double minx = 0, maxx = 1, miny = 0, maxy = 1;
  if (n > 0 && positions.size() == n) {
    minx = maxx = positions[0].x;
    miny = maxy = positions[0].y;
    for (const auto& p : positions) {
      minx = std::min(minx, p.x), maxx = std::max(maxx, p.x);
      miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
    }
  }
  const double dx = std::max(maxx - minx, 1e-9), dy = std::max(maxy - miny, 1e-9);
  const double scale = std::min((x1 - x0) / dx, (y1 - y0) / dy);
  const double ox = x0 + ((x1 - x0) - dx * scale) / 2, oy = y0 + ((y1 - y0) - dy * scale) / 2;
  auto at = [&](std::size_t i) -> Vec2 {
    if (positions.size() != n) return {x0, y0};
    return {ox + (positions[i].x - minx) * scale, oy + (positions[i].y - miny) * scale};
  };
  std::vector<std::size_t> degree(n, 0);
  for (const auto& e : c.edges)
    if (e.source != e.target) ++degree[e.source], ++degree[e.target];

  std::string s;
  s.reserve(4096 + 300 * (n + c.edges.size()));
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(o.width) + "\" height=\"" + num(o.height) +
       "\" viewBox=\"0 0 " + num(o.width) + " " + num(o.height) +
       "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" role=\"img\">\n";
  s += "<title>" + xml_escape(o.title.empty() ? c.name : o.title) + "</title>\n";
  s += "<defs><marker id=\"wn-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" "
       "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b7fd7\"/></marker></defs>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + num(o.width) + "\" height=\"" + num(o.height) + "\" fill=\"#f7f7f4\"/>\n";
  if (!o.title.empty())
    s += "<text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\" fill=\"#1e1e22\">" + xml_escape(o.title) + "</text>\n";

  // Ties, weakest look first so the coalition's own ties draw on top.
  std::set<std::string> kinds_present;
  static constexpr std::string_view order[] = {"participates", "funds", "tie", "collaborates"};
  s += "<g class=\"ties\" fill=\"none\">\n";
  auto draw_edge = [&](const Edge& e) {
    const Vec2 a = at(e.source), b = at(e.target);
    std::string style;
    if (e.kind == kinds::participates) style = "stroke=\"#c3c7ce\" stroke-width=\"1\"";
    else if (e.kind == kinds::funds) style = "stroke=\"#d4a017\" stroke-width=\"1.4\" stroke-dasharray=\"6 3\"";
    else if (e.kind == kinds::tie) style = "stroke=\"#6b7fd7\" stroke-width=\"1\" stroke-dasharray=\"2 3\"";
    else style = "stroke=\"#7f8794\" stroke-width=\"" + num(std::clamp(0.8 + 0.6 * e.weight, 1.0, 4.0)) + "\"";
    // Shorten directed ties so the arrow ends at the node's rim.
    Vec2 end = b;
    if (e.directed && e.kind == kinds::tie) {
      const double len = std::hypot(b.x - a.x, b.y - a.y);
      const double r = 5.0 + 2.0 * std::sqrt(double(degree[e.target])) + 2.0;
      if (len > r) end = {b.x - (b.x - a.x) * r / len, b.y - (b.y - a.y) * r / len};
      style += " marker-end=\"url(#wn-arrow)\"";
    }
    s += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(end.x) + "\" y2=\"" + num(end.y) + "\" " +
         style + "/>\n";
  };
  for (auto kind : order)
    for (const auto& e : c.edges)
      if (e.kind == kind && e.source != e.target) draw_edge(e), kinds_present.insert(e.kind);
  for (const auto& e : c.edges)
    if (e.source != e.target && std::find(std::begin(order), std::end(order), e.kind) == std::end(order))
      draw_edge(e), kinds_present.insert("collaborates");
  s += "</g>\n";

  // Nodes, then labels on top of everything.
  std::set<std::string> sectors_present;
  bool any_project = false, any_broker = false;
  s += "<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"1.5\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const Node& node = c.nodes[i];
    const Vec2 p = at(i);
    const double r = 5.0 + 2.0 * std::sqrt(double(degree[i]));
    const std::string fill = hex(sector_rgb(node.sector, node.kind));
    s += "<g><title>" + xml_escape(node.label.empty() ? node.id : node.label) + "</title>";
    if (node.kind == kinds::project) {
      any_project = true;
      s += "<rect x=\"" + num(p.x - r * 0.85) + "\" y=\"" + num(p.y - r * 0.85) + "\" width=\"" + num(1.7 * r) +
           "\" height=\"" + num(1.7 * r) + "\" rx=\"2\" fill=\"" + fill + "\"/>";
    } else {
      sectors_present.insert(node.sector.empty() && node.kind == kinds::resident ? "residents" : node.sector);
      s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(r) + "\" fill=\"" + fill + "\"/>";
    }
    if (node.is_broker()) {
      any_broker = true;
      s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(r + 4) +
           "\" fill=\"none\" stroke=\"#ff8c00\" stroke-width=\"3\"/>";
    }
    s += "</g>\n";
  }
  s += "</g>\n";
  if (o.labels) {
    s += "<g class=\"labels\" font-size=\"11\" fill=\"#1e1e22\" stroke=\"#f7f7f4\" stroke-width=\"3\" "
         "paint-order=\"stroke\" stroke-linejoin=\"round\">\n";
    for (std::size_t i = 0; i < n; ++i) {
      const Node& node = c.nodes[i];
      const Vec2 p = at(i);
      const double r = 5.0 + 2.0 * std::sqrt(double(degree[i]));
      const std::string weight = node.kind == kinds::project ? "" : " font-weight=\"bold\"";
      s += "<text x=\"" + num(p.x + r + 3) + "\" y=\"" + num(p.y + 4) + "\"" + weight + ">" +
           xml_escape(clip(node.label.empty() ? node.id : node.label, 30)) + "</text>\n";
    }
    s += "</g>\n";
  }

  if (o.legend) {
    const double lx = o.width - legend_w + 10;
    double ly = top + 6;
    s += "<g class=\"legend\" font-size=\"12\" fill=\"#1e1e22\">\n";
    s += "<text x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" font-weight=\"bold\">" + xml_escape(tr(o.lang, "svg.legend")) +
         "</text>\n";
    ly += 20;
    for (auto sector : known_sectors) {
      if (!sectors_present.count(std::string(sector))) continue;
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) + "\" r=\"6\" fill=\"" +
           hex(sector_rgb(sector, "partner")) + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(sector_name(o.lang, sector)) + "</text>\n";
      ly += 18;
    }
    for (const auto& sector : sectors_present) {
      if (std::find(known_sectors.begin(), known_sectors.end(), sector) != known_sectors.end()) continue;
      const std::string name = sector.empty() ? tr(o.lang, "sector.unknown") : sector;
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) + "\" r=\"6\" fill=\"" +
           hex(sector_rgb(sector, "partner")) + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(name) + "</text>\n";
      ly += 18;
    }
    if (any_project) {
      s += "<rect x=\"" + num(lx + 1) + "\" y=\"" + num(ly - 10) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\"" +
           hex(kind_rgb("project")) + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(tr(o.lang, "svg.project")) + "</text>\n";
      ly += 18;
    }
    if (any_broker) {
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) +
           "\" r=\"7\" fill=\"none\" stroke=\"#ff8c00\" stroke-width=\"3\"/><text x=\"" + num(lx + 20) + "\" y=\"" +
           num(ly) + "\">" + xml_escape(tr(o.lang, "svg.broker")) + "</text>\n";
      ly += 18;
    }
    ly += 6;
    static constexpr std::pair<std::string_view, std::string_view> edge_styles[] = {
        {"collaborates", "stroke=\"#7f8794\" stroke-width=\"2\""},
        {"participates", "stroke=\"#c3c7ce\" stroke-width=\"1.5\""},
        {"funds", "stroke=\"#d4a017\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\""},
        {"tie", "stroke=\"#6b7fd7\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\""}};
    for (const auto& [kind, style] : edge_styles) {
      if (!kinds_present.count(std::string(kind))) continue;
      s += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" + num(lx + 15) + "\" y2=\"" + num(ly - 4) +
           "\" " + std::string(style) + "/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(tr(o.lang, "svg.edge." + std::string(kind))) + "</text>\n";
      ly += 18;
    }
    s += "</g>\n";
  }
  s += "</svg>\n";
  return s;
}

std::string portfolio_svg(const Coalition& c, const Portfolio& p, Lang lang, double width) {
  const double cell = 62, left = 56, top = 20;
  const double grid = 5 * cell;
  const double key_x = left + grid + 30;
  std::vector<const ProjectAssessment*> rated;
  for (const auto& a : p.projects)
    if (a.advice) rated.push_back(&a);
  const double height = std::max(top + grid + 80, top + 24.0 + 18.0 * double(rated.size()) + 20);

  std::string s;
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
       "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
       "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n";
  s += "<title>" + xml_escape(tr(lang, "matrix.title")) + "</title>\n";
  auto tint = [](ProjectAdvice a) {
    switch (a) {
      case ProjectAdvice::continue_: return "#d9f0d3";
      case ProjectAdvice::investigate: return "#fbefc9";
      case ProjectAdvice::stop: return "#f6d3d0";
    }
    return "#eeeeee";
  };
  // Cell (effort e, impact i): x from effort 1 at the left, y from impact 5 at the top.
  for (int e = 1; e <= 5; ++e)
    for (int i = 1; i <= 5; ++i)
      s += "<rect x=\"" + num(left + (e - 1) * cell) + "\" y=\"" + num(top + (5 - i) * cell) + "\" width=\"" + num(cell) +
           "\" height=\"" + num(cell) + "\" fill=\"" + tint(project_advice(e, i)) +
           "\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n";
  for (int k = 1; k <= 5; ++k) {
    s += "<text x=\"" + num(left + (k - 0.5) * cell) + "\" y=\"" + num(top + grid + 16) + "\" text-anchor=\"middle\">" +
         std::to_string(k) + "</text>\n";
    s += "<text x=\"" + num(left - 10) + "\" y=\"" + num(top + (5 - k + 0.5) * cell + 4) + "\" text-anchor=\"end\">" +
         std::to_string(k) + "</text>\n";
  }
  s += "<text x=\"" + num(left + grid / 2) + "\" y=\"" + num(top + grid + 36) + "\" text-anchor=\"middle\" font-weight=\"bold\">" +
       xml_escape(tr(lang, "matrix.effort")) + "</text>\n";
  s += "<text x=\"16\" y=\"" + num(top + grid / 2) + "\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 16 " +
       num(top + grid / 2) + ")\">" + xml_escape(tr(lang, "matrix.impact")) + "</text>\n";
  // The three outcomes under the grid.
  double sx = left;
  for (auto a : {ProjectAdvice::continue_, ProjectAdvice::investigate, ProjectAdvice::stop}) {
    const std::string name = tr(lang, "advice." + std::string(advice_id(a)));
    s += "<rect x=\"" + num(sx) + "\" y=\"" + num(top + grid + 50) + "\" width=\"14\" height=\"14\" fill=\"" + tint(a) +
         "\" stroke=\"#999999\"/><text x=\"" + num(sx + 20) + "\" y=\"" + num(top + grid + 62) + "\">" + xml_escape(name) +
         "</text>\n";
    sx += 30 + 7.5 * double(name.size());
  }

  // Dots, spread out when several projects share a cell.
  std::map<std::pair<double, double>, std::vector<std::size_t>> cells;
  for (std::size_t k = 0; k < rated.size(); ++k) cells[{*rated[k]->effort, *rated[k]->impact}].push_back(k);
  for (const auto& [where, members] : cells) {
    const double cx = left + (where.first - 0.5) * cell, cy = top + (5.5 - where.second) * cell;
    const std::size_t per_row = std::size_t(std::ceil(std::sqrt(double(members.size()))));
    const double step = std::min(20.0, (cell - 14) / double(std::max<std::size_t>(per_row, 1)));
    const double r = std::min(9.0, step / 2 + 1);
    for (std::size_t j = 0; j < members.size(); ++j) {
      const std::size_t row = j / per_row, col = j % per_row;
      const std::size_t rows = (members.size() + per_row - 1) / per_row;
      const double x = cx + (double(col) - double(per_row - 1) / 2) * step;
      const double y = cy + (double(row) - double(rows - 1) / 2) * step;
      const auto* a = rated[members[j]];
      s += "<g><title>" + xml_escape(c.nodes[a->node].label) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
           "\" r=\"" + num(r) + "\" fill=\"#34495e\"" +
           (a->pearl ? " stroke=\"#e6be00\" stroke-width=\"3\"" : " stroke=\"#ffffff\" stroke-width=\"1\"") +
           "/><text x=\"" + num(x) + "\" y=\"" + num(y + 3.5) + "\" fill=\"#ffffff\" font-size=\"" + num(r >= 8 ? 10 : 8) +
           "\" text-anchor=\"middle\">" + std::to_string(members[j] + 1) + "</text></g>\n";
    }
  }
  // The key: number, name, advice; pearls marked.
  s += "<g class=\"key\">\n";
  double ky = top + 12;
  for (std::size_t k = 0; k < rated.size(); ++k) {
    const auto* a = rated[k];
    std::string line = std::to_string(k + 1) + "  " + clip(c.nodes[a->node].label, 34) + " (" +
                       tr(lang, "advice." + std::string(advice_id(*a->advice))) + ")";
    if (a->pearl) line += " \xE2\x98\x85";  // a star: a pearl
    s += "<text x=\"" + num(key_x) + "\" y=\"" + num(ky) + "\">" + xml_escape(line) + "</text>\n";
    ky += 18;
  }
  if (p.pearls > 0) {
    s += "<text x=\"" + num(key_x) + "\" y=\"" + num(ky + 6) + "\" fill=\"#6b5a00\">" +
         xml_escape("\xE2\x98\x85 " + tr(lang, "matrix.pearl")) + "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace wijknet
