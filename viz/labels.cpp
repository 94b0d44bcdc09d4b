#include "viz/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace wijknet::viz {

std::string label_text(const Node& node, std::size_t max_bytes) {
  const std::string& s = node.label.empty() ? node.id : node.label;
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return s.substr(0, cut) + "\xE2\x80\xA6";                                     // U+2026
}

namespace {

// Rectangles already placed, bucketed in square cells so that a test touches few of them.
class Occupancy {
 public:
  explicit Occupancy(double cell) : cell_(cell) {}

  bool free(double x0, double y0, double x1, double y1) const {
    for (long cy = key(y0); cy <= key(y1); ++cy)
      for (long cx = key(x0); cx <= key(x1); ++cx) {
        auto it = cells_.find(pack(cx, cy));
        if (it == cells_.end()) continue;
        for (auto r : it->second) {
          const auto& b = rects_[r];
          if (x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1) return false;
        }
      }
    return true;
  }

  void add(double x0, double y0, double x1, double y1) {
    std::size_t r = rects_.size();
    rects_.push_back({x0, y0, x1, y1});
    for (long cy = key(y0); cy <= key(y1); ++cy)
      for (long cx = key(x0); cx <= key(x1); ++cx) cells_[pack(cx, cy)].push_back(r);
  }

 private:
  long key(double v) const { return long(std::floor(v / cell_)); }
  static long long pack(long x, long y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned long>(y); }

  double cell_;
  std::vector<std::array<double, 4>> rects_;
  std::unordered_map<long long, std::vector<std::size_t>> cells_;
};

// Above this many members on screen, their discs are not obstacles for labels: the check would
// cost more than the labels are worth, and a crowd of small discs would leave no room at all.
constexpr std::size_t max_disc_obstacles = 2000;

}  // namespace

std::vector<PlacedLabel> place_labels(AppState& state, const std::function<double(std::string_view)>& measure,
                                      const LabelOptions& options) {
  std::vector<PlacedLabel> out;
  if (options.density <= 0) return out;
  const auto& styles = state.node_styles();
  const auto& pos = state.positions();
  const auto& doc = state.document();
  const Camera& cam = state.camera();
  const double scale = state.node_scale() * options.ui_scale;
  const double h = options.font_size + 2 * options.padding;
  const auto budget = std::size_t(std::max(1.0, options.density * cam.width * cam.height / 6000.0));

  // Candidates: what the user is looking at first, then the most important nodes.
  std::vector<std::size_t> first;
  if (state.primary()) first.push_back(*state.primary());
  if (state.hovered()) first.push_back(*state.hovered());
  for (auto i : state.selection()) first.push_back(i);
  std::vector<std::uint8_t> seen(doc.nodes.size(), 0);

  Occupancy occupied(64.0);
  // The discs of the emphasised nodes are obstacles too, so no label hides them.
  for (auto i : first) {
    if (i >= pos.size() || !(styles[i].flags & node_visible)) continue;
    Vec2 s = cam.to_screen(pos[i]);
    double r = styles[i].radius * scale;
    occupied.add(s.x - r, s.y - r, s.x + r, s.y + r);
  }

  // In a network small enough to check, every disc on screen is an obstacle: a label that
  // covered a member would hide it (a plate over half a disc reads as a different shape).
  {
    std::vector<std::array<double, 4>> discs;
    for (std::size_t i = 0; i < pos.size() && discs.size() <= max_disc_obstacles; ++i) {
      if (!(styles[i].flags & node_visible)) continue;
      Vec2 s = cam.to_screen(pos[i]);
      double r = styles[i].radius * scale;
      if (s.x + r < 0 || s.y + r < 0 || s.x - r > cam.width || s.y - r > cam.height) continue;
      discs.push_back({s.x - r, s.y - r, s.x + r, s.y + r});
    }
    if (discs.size() <= max_disc_obstacles)
      for (const auto& d : discs) occupied.add(d[0], d[1], d[2], d[3]);
  }

  auto try_place = [&](std::size_t i, bool emphasis) {
    if (i >= doc.nodes.size() || seen[i]) return;
    seen[i] = 1;
    const auto& st = styles[i];
    if (!(st.flags & node_visible)) return;
    if ((st.flags & node_dimmed) && !emphasis) return;
    Vec2 s = cam.to_screen(pos[i]);
    double r = st.radius * scale;
    if (s.x < -200 || s.y < -h || s.x > cam.width + 10 || s.y > cam.height + h) return;  // off screen
    std::string text = options.texts && i < options.texts->size() ? (*options.texts)[i] : label_text(doc.nodes[i]);
    double w = measure(text) + 2 * options.padding;
    // Right of the disc first, then left, then above, then below.
    const double gap = 3;
    const double spots[4][2] = {{s.x + r + gap, s.y - h / 2},
                                {s.x - r - gap - w, s.y - h / 2},
                                {s.x - w / 2, s.y - r - gap - h},
                                {s.x - w / 2, s.y + r + gap}};
    for (const auto& p : spots) {
      double x0 = p[0], y0 = p[1], x1 = x0 + w, y1 = y0 + h;
      if (!emphasis && (x0 < options.covered_left || y0 < 0 || x1 > cam.width - options.covered_right || y1 > cam.height))
        continue;
      if (!emphasis && !occupied.free(x0, y0, x1, y1)) continue;
      occupied.add(x0, y0, x1, y1);
      out.push_back({i, std::move(text), x0, y0, w, h, emphasis});
      return;
    }
  };

  for (auto i : first) try_place(i, true);
  if (state.search_query().size() > 0) {
    // Matches come before the rest so a search lights up its hits.
    for (auto i : state.importance_order())
      if (styles[i].flags & node_match) try_place(i, false);
  }
  // Walking the whole order costs a screen test per node; only nodes on screen count
  // against the candidate limit, so a zoomed-in view still finds its local labels.
  std::size_t looked = 0;
  for (auto i : state.importance_order()) {
    if (out.size() >= budget + first.size() || looked >= options.max_candidates) break;
    if (seen[i] || !(styles[i].flags & node_visible)) continue;
    Vec2 s = cam.to_screen(pos[i]);
    if (s.x < -200 || s.y < -h || s.x > cam.width + 10 || s.y > cam.height + h) continue;
    ++looked;
    try_place(i, false);
  }
  return out;
}

}  // namespace wijknet::viz
