#include "viz/project_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "viz/labels.hpp"

namespace wijknet::viz {

MatrixPicture layout_matrix(const Coalition& doc, const Portfolio& portfolio, const MatrixGeometry& g, Lang lang,
                            const std::vector<std::size_t>& selected,
                            const std::function<double(std::string_view)>& measure) {
  MatrixPicture p;
  p.finished = portfolio.finished;
  p.pearls = portfolio.pearls;
  const double w = g.area.x1 - g.area.x0, h = g.area.y1 - g.area.y0;
  // The grid is square; the room right of it is for labels of the rightmost dots.
  const double side = std::max(0.0, std::min(w - g.axis_left - std::min(w * 0.25, 140.0), h - g.axis_bottom - g.gap));
  p.cell = side / 5;
  p.grid = {g.area.x0 + g.axis_left, g.area.y0 + g.gap, g.area.x0 + g.axis_left + side, g.area.y0 + g.gap + side};
  for (int e = 1; e <= 5; ++e)
    for (int i = 1; i <= 5; ++i)
      p.cells.push_back({e, i, project_advice(e, i),
                         {p.grid.x0 + (e - 1) * p.cell, p.grid.y0 + (5 - i) * p.cell, p.grid.x0 + e * p.cell,
                          p.grid.y0 + (6 - i) * p.cell}});

  // Dots: the rated projects, spread within their cell by core's rule (as the report's matrix).
  std::map<std::pair<double, double>, std::vector<std::size_t>> by_cell;
  for (const auto& a : portfolio.projects) {
    if (!a.advice) {
      p.unrated.push_back(a.node);
      continue;
    }
    MatrixDot d;
    d.node = a.node;
    d.effort = *a.effort;
    d.impact = *a.impact;
    d.advice = *a.advice;
    d.pearl = a.pearl;
    d.selected = std::find(selected.begin(), selected.end(), a.node) != selected.end();
    by_cell[{d.effort, d.impact}].push_back(p.dots.size());
    p.dots.push_back(d);
  }
  for (const auto& [where, members] : by_cell) {
    const double cx = p.grid.x0 + (where.first - 0.5) * p.cell, cy = p.grid.y0 + (5.5 - where.second) * p.cell;
    const CellSpread spread = matrix_cell_spread(members.size(), p.cell);
    for (std::size_t j = 0; j < members.size(); ++j) {
      MatrixDot& d = p.dots[members[j]];
      d.x = cx + spread.offsets[j].first;
      d.y = cy + spread.offsets[j].second;
      d.radius = spread.radius;
    }
  }

  // Labels, in the grid's coordinates and the room right of it: the selected first, then the
  // pearls and the rest by impact (the projects that matter most get the best spots).
  const double ox = p.grid.x0, oy = p.grid.y0;
  std::vector<std::size_t> order(p.dots.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const MatrixDot &x = p.dots[a], &y = p.dots[b];
    if (x.selected != y.selected) return x.selected;
    if (x.pearl != y.pearl) return x.pearl;
    return x.impact > y.impact;
  });
  std::vector<Box> obstacles;
  // The outcomes' names, each in a corner cell of its region.
  const double inset = 4;
  for (auto a : {ProjectAdvice::continue_, ProjectAdvice::investigate, ProjectAdvice::stop}) {
    const std::string text = tr(lang, "advice." + std::string(advice_id(a)));
    const double tw = measure(text), lh = g.line_height;
    Box b;
    if (a == ProjectAdvice::continue_) b = {p.grid.x0 + inset, p.grid.y0 + inset, p.grid.x0 + inset + tw, p.grid.y0 + inset + lh};
    else if (a == ProjectAdvice::investigate) b = {p.grid.x0 + inset, p.grid.y1 - inset - lh, p.grid.x0 + inset + tw, p.grid.y1 - inset};
    else b = {p.grid.x1 - inset - tw, p.grid.y1 - inset - lh, p.grid.x1 - inset, p.grid.y1 - inset};
    p.regions.push_back({a, text, b});
    obstacles.push_back({b.x0 - ox, b.y0 - oy, b.x1 - ox, b.y1 - oy});
  }
  for (const auto& d : p.dots)
    obstacles.push_back({d.x - ox - d.radius, d.y - oy - d.radius, d.x - ox + d.radius, d.y - oy + d.radius});
  LabelLayout layout;
  layout.width = g.area.x1 - ox;
  layout.height = side;
  layout.line_height = g.line_height;
  layout.padding = 4;
  layout.gap = g.gap;
  auto candidates = [&](std::size_t max_bytes, const std::vector<std::uint8_t>& skip) {
    std::vector<LabelCandidate> c;
    for (auto k : order) {
      if (skip[k]) continue;
      const MatrixDot& d = p.dots[k];
      c.push_back({k, d.x - ox, d.y - oy, d.radius, label_text(doc.nodes[d.node], max_bytes), false});
    }
    return c;
  };
  std::vector<std::uint8_t> placed(p.dots.size(), 0);
  // Full names first, then shorter and shorter ones for the dots still without a label.
  for (std::size_t max_bytes : {std::size_t(60), std::size_t(18), std::size_t(10)}) {
    for (const auto& l : place_labels(candidates(max_bytes, placed), obstacles, measure, layout)) {
      placed[l.node] = 1;
      obstacles.push_back({l.x, l.y, l.x + l.width, l.y + l.height});
      PlacedLabel shifted = l;
      shifted.x += ox;
      shifted.y += oy;
      p.labels.push_back(shifted);
    }
  }
  for (std::size_t k = 0; k < p.dots.size(); ++k)
    if (!placed[k]) {
      p.keyed.push_back(k);
      p.dots[k].key = int(p.keyed.size());
    }
  return p;
}

std::optional<std::size_t> matrix_dot_at(const MatrixPicture& picture, double x, double y, double slop) {
  std::optional<std::size_t> best;
  double best_d = 0;
  for (std::size_t k = 0; k < picture.dots.size(); ++k) {
    const auto& d = picture.dots[k];
    const double dist = std::hypot(d.x - x, d.y - y);
    if (dist <= d.radius + slop && (!best || dist < best_d)) best = k, best_d = dist;
  }
  return best;
}

Json matrix_json(const Coalition& doc, const MatrixPicture& picture) {
  Json projects = Json::array();
  for (std::size_t k = 0; k < picture.dots.size(); ++k) {
    const auto& d = picture.dots[k];
    Json label = nullptr;
    for (const auto& l : picture.labels)
      if (l.node == k) label = {{"text", l.text}, {"box", {l.x, l.y, l.x + l.width, l.y + l.height}}};
    projects.push_back({{"id", doc.nodes[d.node].id}, {"effort", d.effort}, {"impact", d.impact},
                        {"advice", std::string(advice_id(d.advice))}, {"pearl", d.pearl}, {"selected", d.selected},
                        {"point", {d.x, d.y}}, {"radius", d.radius}, {"label", label}, {"key", d.key}});
  }
  Json unrated = Json::array();
  for (auto i : picture.unrated) unrated.push_back(doc.nodes[i].id);
  return {{"projects", projects},
          {"unrated", unrated},
          {"finished", picture.finished},
          {"pearls", picture.pearls},
          {"grid", {picture.grid.x0, picture.grid.y0, picture.grid.x1, picture.grid.y1}}};
}

}  // namespace wijknet::viz
