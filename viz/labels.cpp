#include "viz/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "core/text/utf8.hpp"

namespace wijknet::viz {

std::string label_text(const Node& node, std::size_t max_bytes) {
  const std::string& s = node.label.empty() ? node.id : node.label;
  if (s.size() <= max_bytes) return s;
  return s.substr(0, utf8_boundary_at_or_before(s, max_bytes)) + "\xE2\x80\xA6";  // U+2026
}

namespace {

// Above this many members on screen, their discs are not obstacles for labels: the check would
// cost more than the labels are worth, and a crowd of small discs would leave no room at all.
constexpr std::size_t max_disc_obstacles = 2000;

}  // namespace

std::size_t label_budget(double width, double height, double density) {
  return std::size_t(std::max(1.0, density * width * height / 6000.0));
}

std::vector<PlacedLabel> place_labels(const AppState& state, const std::function<double(std::string_view)>& measure,
                                      const LabelOptions& options) {
  if (options.density <= 0) return {};
  const auto& styles = state.scene().node_styles();
  const auto& pos = state.doc().positions();
  const auto& doc = state.document();
  const Camera& cam = state.view().camera();
  const double scale = state.view().node_scale() * options.ui_scale;
  const double h = options.font_size + 2 * options.padding;
  auto on_screen = [&](const Vec2& s) { return !(s.x < -200 || s.y < -h || s.x > cam.width + 10 || s.y > cam.height + h); };

  // Candidates: what the user is looking at first, then the most important nodes.
  std::vector<LabelCandidate> candidates;
  std::vector<std::uint8_t> seen(doc.nodes.size(), 0);
  auto add = [&](std::size_t i, bool emphasis) {
    if (i >= doc.nodes.size() || i >= pos.size() || seen[i]) return false;
    seen[i] = 1;
    const auto& st = styles[i];
    if (!(st.flags & node_visible) || ((st.flags & node_dimmed) && !emphasis)) return false;
    const Vec2 s = cam.to_screen(pos[i]);
    if (!on_screen(s)) return false;
    std::string text = options.texts && i < options.texts->size() ? (*options.texts)[i] : label_text(doc.nodes[i]);
    candidates.push_back({i, s.x, s.y, st.radius * scale, std::move(text), emphasis});
    return true;
  };
  std::vector<std::size_t> first;  // none in a picture for others
  if (state.view().primary() && !state.view().presenting()) first.push_back(*state.view().primary());
  if (state.view().hovered() && !state.view().presenting()) first.push_back(*state.view().hovered());
  if (!state.view().presenting())
    for (auto i : state.view().selection()) first.push_back(i);
  for (auto i : first) add(i, true);
  if (!state.view().search_query().empty())  // matches come before the rest so a search lights up its hits
    for (auto i : state.scene().importance_order())
      if (styles[i].flags & node_match) add(i, false);
  // Only the `budget` most important members on screen are candidates: in a hairball most of them
  // find no free spot, and letting the walk go on would hand the budget to the peripheral members
  // at the edge, where there is room ("Node 3574"), while the hubs stay nameless. A member whose
  // label does not fit is left unnamed rather than replaced by a less important one. Only nodes on
  // screen count, so a zoomed-in view still names its local members.
  const std::size_t budget = label_budget(cam.width, cam.height, options.density);
  const std::size_t limit = std::min(options.max_candidates, budget);
  std::size_t looked = 0;
  for (auto i : state.scene().importance_order()) {
    if (looked >= limit) break;
    if (add(i, false)) ++looked;
  }

  // Obstacles: the docked panels' edges of the view, and the discs on screen (every disc in a
  // network small enough to check, else the emphasised ones), so no label hides a member.
  std::vector<Box> obstacles;
  if (options.covered_left > 0) obstacles.push_back({0, 0, options.covered_left, cam.height});
  if (options.covered_right > 0) obstacles.push_back({cam.width - options.covered_right, 0, cam.width, cam.height});
  obstacles.insert(obstacles.end(), options.keep_clear.begin(), options.keep_clear.end());
  std::vector<Box> discs;
  for (std::size_t i = 0; i < pos.size() && discs.size() <= max_disc_obstacles; ++i) {
    if (!(styles[i].flags & node_visible)) continue;
    const Vec2 s = cam.to_screen(pos[i]);
    const double r = styles[i].radius * scale;
    if (s.x + r < 0 || s.y + r < 0 || s.x - r > cam.width || s.y - r > cam.height) continue;
    discs.push_back({s.x - r, s.y - r, s.x + r, s.y + r});
  }
  if (discs.size() > max_disc_obstacles) {
    discs.clear();
    for (const auto& c : candidates)
      if (c.emphasis) discs.push_back({c.x - c.radius, c.y - c.radius, c.x + c.radius, c.y + c.radius});
  }
  obstacles.insert(obstacles.end(), discs.begin(), discs.end());

  LabelLayout layout;
  layout.width = cam.width;
  layout.height = cam.height;
  layout.line_height = h;
  layout.padding = options.padding;
  layout.gap = 3;
  layout.budget = budget;
  return wijknet::place_labels(candidates, obstacles, measure, layout);
}

}  // namespace wijknet::viz
