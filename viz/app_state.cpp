#include "viz/app_state.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "importers/io.hpp"
#include "viz/file_browser.hpp"

namespace wijknet::viz {
namespace {

// The bounding box of the points of `pos` for which keep(i) holds; nullopt when none does.
template <class Keep>
std::optional<std::pair<Vec2, Vec2>> bounds(const std::vector<Vec2>& pos, Keep keep) {
  Vec2 lo{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  Vec2 hi{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  bool any = false;
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (!keep(i)) continue;
    lo.x = std::min(lo.x, pos[i].x), lo.y = std::min(lo.y, pos[i].y);
    hi.x = std::max(hi.x, pos[i].x), hi.y = std::max(hi.y, pos[i].y);
    any = true;
  }
  if (!any) return std::nullopt;
  return std::pair{lo, hi};
}

}  // namespace

AppState::AppState() { load(Coalition{}); }

void AppState::catch_up() const {
  for (const auto& r : doc_.take_renumbers()) view_.renumber(r.index, r.delta);
}

View& AppState::view() {
  catch_up();
  return view_;
}

const View& AppState::view() const {
  catch_up();
  return view_;
}

const Scene& AppState::scene() const {
  catch_up();
  scene_.sync(doc_, view_);
  return scene_;
}

void AppState::load(Coalition coalition, std::string path) {
  doc_.load(std::move(coalition), std::move(path));
  view_.reset(doc_.node_count());
  fit_view();
}

bool AppState::open(const std::string& path, Lang lang) {
  try {
    ImportReport report;
    Coalition c = read_coalition(path, &report);
    load(std::move(c), path);
    doc_.clear_error();
    return true;
  } catch (const std::exception& e) {
    doc_.set_error(read_error_text(lang, path, e));
    return false;
  }
}

void AppState::click(std::size_t i, bool additive) {
  if (i < doc_.node_count()) view().click(i, additive);
}

void AppState::select(std::vector<std::size_t> nodes) { view().select(std::move(nodes), doc_.node_count()); }

void AppState::select_box(Vec2 a, Vec2 b, bool additive) {
  double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  const Scene& s = scene();
  const auto& pos = doc_.positions();
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (!s.visible(i)) continue;
    Vec2 p = view_.camera().to_screen(pos[i]);
    if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) hits.push_back(i);
  }
  view_.select(std::move(hits), doc_.node_count(), additive);
}

std::optional<std::size_t> AppState::node_at(Vec2 screen, double slop) const {
  const auto& styles = scene().node_styles();
  const double scale = view_.node_scale();
  const auto& pos = doc_.positions();
  // Compared in screen pixels squared, from the world offsets (one multiply a member, no
  // square root): this runs every frame the pointer is over the map, over every member.
  const Camera& cam = view_.camera();
  const Vec2 at = cam.to_world(screen);
  const double zoom2 = cam.zoom * cam.zoom;
  std::optional<std::size_t> best;
  double best_d2 = std::numeric_limits<double>::max();
  for (std::size_t i = 0; i < pos.size() && i < styles.size(); ++i) {
    if (!(styles[i].flags & node_visible)) continue;
    const double dx = pos[i].x - at.x, dy = pos[i].y - at.y;
    const double d2 = (dx * dx + dy * dy) * zoom2;
    const double reach = styles[i].radius * scale + slop;
    if (d2 <= reach * reach && d2 < best_d2) best = i, best_d2 = d2;
  }
  return best;
}

void AppState::fit_view() {
  const Scene& s = scene();
  const auto& pos = doc_.positions();
  auto box = bounds(pos, [&](std::size_t i) { return s.visible(i); });
  if (!box) box = bounds(pos, [](std::size_t) { return true; });
  if (!box) return view_.fit_nothing();
  view_.fit_box(box->first, box->second);
}

void AppState::fly_to(std::size_t i) {
  if (i < doc_.node_count()) view().fly_to(doc_.positions()[i], i);
}

void AppState::fly_to_nodes(const std::vector<std::size_t>& nodes) {
  std::vector<std::size_t> v;
  for (auto i : nodes)
    if (i < doc_.node_count()) v.push_back(i);
  if (v.empty()) return;
  if (v.size() == 1) return fly_to(v.front());
  std::vector<std::uint8_t> in(doc_.node_count(), 0);
  for (auto i : v) in[i] = 1;
  auto box = bounds(doc_.positions(), [&](std::size_t i) { return in[i] != 0; });
  view().fly_to_box(box->first, box->second);
}

bool AppState::animate(double dt) { return view().animate(dt, doc_.positions()); }

std::vector<std::size_t> AppState::search(const std::string& query) {
  const Coalition& c = doc_.coalition();
  std::vector<std::uint8_t> match(c.nodes.size(), 0);
  std::vector<std::size_t> hits;
  std::string q = fold_for_search(query);
  if (!q.empty()) {
    std::vector<std::pair<int, std::size_t>> scored;
    const auto& order = scene().importance_order();
    std::vector<std::size_t> rank(c.nodes.size(), c.nodes.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
      std::string label = fold_for_search(c.nodes[i].label), id = fold_for_search(c.nodes[i].id);
      auto pl = label.find(q), pi = id.find(q);
      if (pl == std::string::npos && pi == std::string::npos) continue;
      int score = (pl == 0 || pi == 0) ? 0 : 1;  // prefix matches first
      scored.emplace_back(score, i);
      match[i] = 1;
    }
    std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return rank[a.second] < rank[b.second];
    });
    for (const auto& [s, i] : scored) hits.push_back(i);
  }
  view().set_search(query, std::move(match));
  return hits;
}

void AppState::set_focus(std::size_t i, int depth) {
  if (i < doc_.node_count()) view().set_focus(i, depth);
}

void AppState::compute_metrics() {
  const auto version = scene().measures_version();
  set_analysis(measure_members(doc_.coalition(), view_.measures_date()), version);
}

bool AppState::set_analysis(MemberMeasures measures, std::uint64_t version) {
  scene();  // the version is compared with the scene's up-to-date one
  return scene_.set_analysis(std::move(measures), version);
}

Json AppState::dump() const {
  const Scene& s = scene();
  Json j = doc_.dump();
  j.update(view_.dump(doc_.coalition()));
  j["visible_nodes"] = s.visible_count();
  std::size_t ve = 0;
  for (std::size_t e = 0; e < doc_.coalition().edges.size(); ++e) ve += s.edge_visible(e);
  j["visible_edges"] = ve;
  j["metrics"] = s.has_metrics();
  Json screen = Json::object();
  const auto& pos = doc_.positions();
  for (std::size_t i = 0; i < pos.size(); ++i) {
    Vec2 p = view_.camera().to_screen(pos[i]);
    screen[doc_.coalition().nodes[i].id] = {p.x, p.y};
  }
  j["screen"] = std::move(screen);  // logical pixels, top-left origin: where to click a node
  return j;
}

}  // namespace wijknet::viz
