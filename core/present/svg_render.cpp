#include "core/present/svg_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "core/model/vocabulary.hpp"
#include "core/present/label_placement.hpp"
#include "core/present/palette.hpp"
#include "core/text/utf8.hpp"
#include "core/text/xml_text.hpp"

namespace wijknet {
namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

// A tie's stroke on paper: the palette's colour of its kind, the width, and a dash for money
// (funds) and for Kumu's plain ties (tie), so kinds stay apart in black and white too.
std::string tie_style(std::string_view kind, double width) {
  std::string style = "stroke=\"" + tie_color(kind).hex() + "\" stroke-width=\"" + num(width) + "\"";
  if (kind == kinds::funds) style += " stroke-dasharray=\"6 3\"";
  else if (kind == kinds::tie) style += " stroke-dasharray=\"2 3\"";
  return style;
}


}  // namespace

std::string as_of_text(Lang lang, const std::optional<Date>& at) {
  return tr(lang, "svg.as_of", {long_date(lang, at.value_or(Date::today()))});
}

std::vector<Vec2> network_positions(const Coalition& coalition, int steps) {
  bool complete = false;
  auto positions = initial_positions(coalition, &complete);
  if (complete || coalition.nodes.size() < 2) return positions;
  ForceLayout layout(std::move(positions), layout_ties(coalition), LayoutSettings::for_size(coalition.nodes.size()));
  // No stored position at all: a large network starts coarse (its coarse levels come on top of
  // `steps`, at most ForceLayout::coarse_step_cap each).
  if (coalition.layout.empty()) layout.start_multilevel();
  layout.run(steps + ForceLayout::coarse_step_cap * int(layout.coarse_levels()));
  return layout.positions();
}

std::string network_svg(const Coalition& c, const std::vector<Vec2>& positions, const SvgOptions& o) {
  const std::size_t n = c.nodes.size();
  const bool styled = o.looks.size() == n;
  auto shown = [&](std::size_t i) { return !styled || o.looks[i].shown; };
  auto tie_shown = [&](std::size_t e) {
    const Edge& x = c.edges[e];
    return x.source != x.target && shown(x.source) && shown(x.target) && (o.ties_shown.size() != c.edges.size() || o.ties_shown[e]);
  };
  std::vector<std::size_t> degree(n, 0);
  for (std::size_t e = 0; e < c.edges.size(); ++e)
    if (tie_shown(e)) ++degree[c.edges[e].source], ++degree[c.edges[e].target];
  auto radius = [&](std::size_t i) { return styled ? o.looks[i].radius : 5.0 + 2.0 * std::sqrt(double(degree[i])); };
  auto text = [&](std::size_t i) -> std::string {
    if (o.texts.size() == n) return o.texts[i];
    return c.nodes[i].label.empty() ? c.nodes[i].id : c.nodes[i].label;
  };

  // What the legend will list, known before the picture is sized: it may set the height.
  std::set<std::string> sectors_present, kinds_present;
  bool any_project = false, any_broker = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown(i)) continue;
    const Node& node = c.nodes[i];
    if (node.kind == kinds::project) any_project = true;
    else sectors_present.insert(node.sector.empty() && node.kind == kinds::resident ? "residents" : node.sector);
    any_broker = any_broker || node.is_broker();
  }
  static constexpr std::string_view order[] = {"participates", "funds", "tie", "collaborates"};
  for (std::size_t e = 0; e < c.edges.size(); ++e)
    if (tie_shown(e))
      kinds_present.insert(std::find(std::begin(order), std::end(order), c.edges[e].kind) == std::end(order) ? "collaborates"
                                                                                                            : c.edges[e].kind);
  const bool custom_key = !o.legend_rows.empty();
  const double key_rows = custom_key ? double(o.legend_rows.size()) : double(sectors_present.size() + any_project);
  const double legend_rows = key_rows + double(any_broker + kinds_present.size());
  double legend_w = 0;
  if (o.legend) {  // wide enough for its longest row
    legend_w = 30 + estimated_text_width(custom_key ? o.legend_title : tr(o.lang, "svg.legend"), 12, true);
    for (const auto& r : o.legend_rows) legend_w = std::max(legend_w, 40 + estimated_text_width(r.text, 12));
    legend_w = std::clamp(legend_w, 250.0, 420.0);
  }
  const double legend_h = o.legend ? 26 + 18 * legend_rows + 6 : 0.0;

  // The network fills the picture: scaled to the room left of the legend, and the picture is cut
  // to the drawing (within options.width x options.height), so no band of it stays empty. The
  // margins leave room for the labels of the outermost members.
  const double top = (o.title.empty() ? 12.0 : 40.0) + (o.subtitle.empty() ? 0.0 : 20.0);
  const double pad_x = o.labels ? 90.0 : 24.0, pad_y = 26.0;
  double minx = 0, maxx = 1, miny = 0, maxy = 1;
  std::size_t drawn = 0;
  if (n > 0 && positions.size() == n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!shown(i)) continue;
      const Vec2& p = positions[i];
      if (drawn++ == 0) minx = maxx = p.x, miny = maxy = p.y;
      minx = std::min(minx, p.x), maxx = std::max(maxx, p.x);
      miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
    }
  }
  const double dx = std::max(maxx - minx, 1e-9), dy = std::max(maxy - miny, 1e-9);
  const double room_w = std::max(100.0, o.width - legend_w - 2 * pad_x);
  const double room_h = std::max(100.0, o.height - top - 2 * pad_y);
  const double scale = std::min(room_w / dx, room_h / dy);
  const double draw_w = drawn > 1 ? dx * scale : 0, draw_h = drawn > 1 ? dy * scale : 0;
  const double width = std::max(2 * pad_x + draw_w + legend_w, o.title.empty() ? 0.0 : 420.0);
  const double height = std::max(top + 2 * pad_y + draw_h, top + legend_h + 10);
  const double ox = pad_x + (width - legend_w - 2 * pad_x - draw_w) / 2, oy = top + pad_y + (height - top - 2 * pad_y - draw_h) / 2;
  auto at = [&](std::size_t i) -> Vec2 {
    if (positions.size() != n || drawn < 2) return {ox + draw_w / 2, oy + draw_h / 2};
    return {ox + (positions[i].x - minx) * scale, oy + (positions[i].y - miny) * scale};
  };

  std::string s;
  s.reserve(4096 + 300 * (n + c.edges.size()));
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
       "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
       "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" role=\"img\">\n";
  s += "<title>" + xml_escape(o.title.empty() ? c.name : o.title) + "</title>\n";
  s += "<defs><marker id=\"wn-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" "
       "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b7fd7\"/></marker></defs>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" fill=\"" + background_color.hex() + "\"/>\n";
  std::vector<Box> obstacles;
  if (!o.title.empty()) {
    s += "<text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\" fill=\"#1e1e22\">" + xml_escape(o.title) + "</text>\n";
    obstacles.push_back({0, 0, 20 + estimated_text_width(o.title, 20, true), 40});
  }
  if (!o.subtitle.empty()) {
    const double y = o.title.empty() ? 26 : 56;
    s += "<text x=\"20\" y=\"" + num(y) + "\" font-size=\"13\" fill=\"#55555c\">" + xml_escape(o.subtitle) + "</text>\n";
    obstacles.push_back({0, y - 14, 20 + estimated_text_width(o.subtitle, 13), y + 4});
  }
  if (o.legend) obstacles.push_back({width - legend_w, 0, width, top + legend_h});


  // Ties, weakest look first so the coalition's own ties draw on top.
  s += "<g class=\"ties\" fill=\"none\">\n";
  auto draw_edge = [&](const Edge& e) {
    const Vec2 a = at(e.source), b = at(e.target);
    const double width = e.kind == kinds::participates || e.kind == kinds::tie ? 1.0
                         : e.kind == kinds::funds                              ? 1.4
                                                                               : std::clamp(0.8 + 0.6 * e.weight, 1.0, 4.0);
    std::string style = tie_style(e.kind, width);
    // Shorten directed ties so the arrow ends at the node's rim.
    Vec2 end = b;
    if (e.directed && e.kind == kinds::tie) {
      const double len = std::hypot(b.x - a.x, b.y - a.y);
      const double r = radius(e.target) + 2.0;
      if (len > r) end = {b.x - (b.x - a.x) * r / len, b.y - (b.y - a.y) * r / len};
      style += " marker-end=\"url(#wn-arrow)\"";
    }
    s += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(end.x) + "\" y2=\"" + num(end.y) + "\" " +
         style + "/>\n";
  };
  for (auto kind : order)
    for (std::size_t e = 0; e < c.edges.size(); ++e)
      if (c.edges[e].kind == kind && tie_shown(e)) draw_edge(c.edges[e]);
  for (std::size_t e = 0; e < c.edges.size(); ++e)
    if (tie_shown(e) && std::find(std::begin(order), std::end(order), c.edges[e].kind) == std::end(order))
      draw_edge(c.edges[e]);
  s += "</g>\n";

  // Nodes, then labels on top of everything.
  s += "<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"1.5\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown(i)) continue;
    const Node& node = c.nodes[i];
    const Vec2 p = at(i);
    const double r = radius(i);
    const std::string fill = (styled ? o.looks[i].fill : sector_color(node.sector, node.kind)).hex();
    s += "<g><title>" + xml_escape(text(i)) + "</title>";
    if (node.kind == kinds::project) {
      s += "<rect x=\"" + num(p.x - r * 0.85) + "\" y=\"" + num(p.y - r * 0.85) + "\" width=\"" + num(1.7 * r) +
           "\" height=\"" + num(1.7 * r) + "\" rx=\"2\" fill=\"" + fill + "\"/>";
    } else {
      s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(r) + "\" fill=\"" + fill + "\"/>";
    }
    if (node.is_broker()) {
      s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(r + 4) +
           "\" fill=\"none\" stroke=\"" + selection_color.hex() + "\" stroke-width=\"3\"/>";
    }
    s += "</g>\n";
    const double rim = r + (node.is_broker() ? 5.5 : 1.0);
    obstacles.push_back({p.x - rim, p.y - rim, p.x + rim, p.y + rim});
  }
  s += "</g>\n";
  if (o.labels) {
    // The broker first, then by number of ties: the members a reader looks for get their names
    // when the picture is crowded; a name that would cover a member or another name is left out.
    std::vector<std::size_t> rank(n);
    for (std::size_t i = 0; i < n; ++i) rank[i] = i;
    std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
      if (c.nodes[a].is_broker() != c.nodes[b].is_broker()) return c.nodes[a].is_broker();
      return degree[a] > degree[b];
    });
    std::vector<LabelCandidate> candidates;
    candidates.reserve(n);
    for (auto i : rank) {
      if (!shown(i)) continue;
      const Vec2 p = at(i);
      candidates.push_back({i, p.x, p.y, radius(i) + (c.nodes[i].is_broker() ? 4.5 : 0.0), utf8_clip(text(i), 30)});
    }
    LabelLayout layout;
    layout.width = width;
    layout.height = height;
    layout.line_height = 14;
    layout.gap = 2;
    const auto placed = place_labels(candidates, obstacles,
                                     [](std::string_view t) { return estimated_text_width(t, 11, true); }, layout);
    s += "<g class=\"labels\" font-size=\"11\" fill=\"#1e1e22\" stroke=\"" + background_color.hex() +
         "\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n";
    for (const auto& l : placed) {
      const std::string weight = c.nodes[l.node].kind == kinds::project ? "" : " font-weight=\"bold\"";
      s += "<text x=\"" + num(l.x) + "\" y=\"" + num(l.y + 11) + "\"" + weight + ">" + xml_escape(l.text) + "</text>\n";
    }
    s += "</g>\n";
  }

  if (o.legend) {
    const double lx = width - legend_w + 10;
    double ly = top + 6;
    s += "<g class=\"legend\" font-size=\"12\" fill=\"#1e1e22\">\n";
    s += "<text x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" font-weight=\"bold\">" +
         xml_escape(custom_key ? o.legend_title : tr(o.lang, "svg.legend")) + "</text>\n";
    ly += 20;
    for (const auto& row : o.legend_rows) {
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) + "\" r=\"6\" fill=\"" + row.color.hex() + "\"/><text x=\"" +
           num(lx + 20) + "\" y=\"" + num(ly) + "\">" + xml_escape(row.text) + "</text>\n";
      ly += 18;
    }
    for (auto sector : known_sectors) {
      if (custom_key || !sectors_present.count(std::string(sector))) continue;
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) + "\" r=\"6\" fill=\"" +
           sector_color(sector, "partner").hex() + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(sector_name(o.lang, sector)) + "</text>\n";
      ly += 18;
    }
    for (const auto& sector : sectors_present) {
      if (custom_key || std::find(known_sectors.begin(), known_sectors.end(), sector) != known_sectors.end()) continue;
      const std::string name = sector.empty() ? tr(o.lang, "sector.unknown") : sector;
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) + "\" r=\"6\" fill=\"" +
           sector_color(sector, "partner").hex() + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(name) + "</text>\n";
      ly += 18;
    }
    if (any_project && !custom_key) {
      s += "<rect x=\"" + num(lx + 1) + "\" y=\"" + num(ly - 10) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\"" +
           kind_color("project").hex() + "\"/><text x=\"" + num(lx + 20) + "\" y=\"" + num(ly) + "\">" +
           xml_escape(tr(o.lang, "svg.project")) + "</text>\n";
      ly += 18;
    }
    if (any_broker) {
      s += "<circle cx=\"" + num(lx + 7) + "\" cy=\"" + num(ly - 4) +
           "\" r=\"7\" fill=\"none\" stroke=\"" + selection_color.hex() + "\" stroke-width=\"3\"/><text x=\"" + num(lx + 20) + "\" y=\"" +
           num(ly) + "\">" + xml_escape(tr(o.lang, "svg.broker")) + "</text>\n";
      ly += 18;
    }
    ly += 6;
    for (const std::string_view kind : {kinds::collaborates, kinds::participates, kinds::funds, kinds::tie}) {
      const std::string style = tie_style(kind, kind == kinds::collaborates ? 2.0 : 1.5);
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
  auto tint = [](ProjectAdvice a) { return advice_tint(advice_id(a)).hex(); };
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
    const CellSpread spread = matrix_cell_spread(members.size(), cell);
    const double r = spread.radius;
    for (std::size_t j = 0; j < members.size(); ++j) {
      const double x = cx + spread.offsets[j].first, y = cy + spread.offsets[j].second;
      const auto* a = rated[members[j]];
      s += "<g><title>" + xml_escape(c.nodes[a->node].label) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
           "\" r=\"" + num(r) + "\" fill=\"" + matrix_dot_color.hex() + "\"" +
           (a->pearl ? " stroke=\"" + pearl_color.hex() + "\" stroke-width=\"3\"" : std::string(" stroke=\"#ffffff\" stroke-width=\"1\"")) +
           "/><text x=\"" + num(x) + "\" y=\"" + num(y + 3.5) + "\" fill=\"#ffffff\" font-size=\"" + num(r >= 8 ? 10 : 8) +
           "\" text-anchor=\"middle\">" + std::to_string(members[j] + 1) + "</text></g>\n";
    }
  }
  // The key: number, name, advice; pearls marked.
  s += "<g class=\"key\">\n";
  double ky = top + 12;
  for (std::size_t k = 0; k < rated.size(); ++k) {
    const auto* a = rated[k];
    std::string line = std::to_string(k + 1) + "  " + utf8_clip(c.nodes[a->node].label, 34) + " (" +
                       tr(lang, "advice." + std::string(advice_id(*a->advice))) + ")";
    if (a->pearl) line += " \xE2\x98\x85";  // a star: a pearl
    s += "<text x=\"" + num(key_x) + "\" y=\"" + num(ky) + "\">" + xml_escape(line) + "</text>\n";
    ky += 18;
  }
  if (p.pearls > 0) {
    s += "<text x=\"" + num(key_x) + "\" y=\"" + num(ky + 6) + "\" fill=\"" + pearl_text_color.hex() + "\">" +
         xml_escape("\xE2\x98\x85 " + tr(lang, "matrix.pearl")) + "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace wijknet
