#include "viz/app_state.hpp"

#include "core/coalition_network.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <numeric>

#include "core/error.hpp"
#include "importers/io.hpp"

namespace wijknet::viz {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t max_history = 500;

double base_radius(std::size_t n) {
  // A few large discs for a coalition of thirty, small dots for twenty thousand: the radius
  // shrinks with the mean spacing of n nodes on a screen, sqrt(area / n).
  return std::clamp(60.0 / std::sqrt(double(std::max<std::size_t>(n, 1))), 2.5, 9.0);
}

template <class T>
void insert_at(std::vector<T>& v, std::size_t i, T x) {
  v.insert(v.begin() + std::ptrdiff_t(std::min(i, v.size())), std::move(x));
}

template <class T>
void erase_at(std::vector<T>& v, std::size_t i) {
  if (i < v.size()) v.erase(v.begin() + std::ptrdiff_t(i));
}

// Shifts a node reference for an insertion (delta +1) or an erasure (delta -1) at `at`.
void shift(std::optional<std::size_t>& ref, std::size_t at, int delta) {
  if (!ref) return;
  if (delta < 0 && *ref == at) ref.reset();
  else if (*ref >= at) *ref = std::size_t(std::ptrdiff_t(*ref) + delta);
}

}  // namespace

std::string_view metric_id(Metric m) {
  switch (m) {
    case Metric::degree: return "degree";
    case Metric::betweenness: return "betweenness";
    case Metric::closeness: return "closeness";
    case Metric::eigenvector: return "eigenvector";
    case Metric::pagerank: return "pagerank";
    case Metric::clustering: return "clustering";
    case Metric::core: return "core";
    case Metric::constraint: return "constraint";
    case Metric::effective_size: return "effective_size";
  }
  return "degree";
}

std::optional<Metric> parse_metric(std::string_view id) {
  for (auto m : all_metrics)
    if (metric_id(m) == id) return m;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------- camera

void Camera::zoom_at(Vec2 screen, double factor) {
  Vec2 anchor = to_world(screen);
  zoom = std::clamp(zoom * factor, 1e-6, 1e6);
  // Keep `anchor` under the cursor: solve to_screen(anchor) == screen for the centre.
  center.x = anchor.x - (screen.x - width / 2) / zoom;
  center.y = anchor.y + (screen.y - height / 2) / zoom;
}

void Camera::pan(double dx, double dy) {
  center.x -= dx / zoom;
  center.y += dy / zoom;
}

void Camera::fit(Vec2 lo, Vec2 hi, double margin) {
  center = {(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
  double w = std::max(hi.x - lo.x, 1e-9), h = std::max(hi.y - lo.y, 1e-9);
  double avail_w = std::max(width - 2 * margin, 1.0), avail_h = std::max(height - 2 * margin, 1.0);
  if (hi.x - lo.x <= 1e-9 && hi.y - lo.y <= 1e-9) {
    zoom = std::max(zoom, 1.0);
  } else {
    zoom = std::min(avail_w / w, avail_h / h);
  }
  reference_zoom = zoom;
}

// ---------------------------------------------------------------------------------- document

AppState::AppState() { load(Coalition{}); }

void AppState::load(Coalition coalition, std::string path) {
  doc_ = std::move(coalition);
  path_ = std::move(path);
  dirty_ = false;
  pos_ = initial_positions(doc_, &layout_complete_);
  pinned_.assign(doc_.nodes.size(), 0);
  ++positions_version_;
  selection_.clear();
  primary_.reset();
  hover_.reset();
  focus_.reset();
  filters_ = {};
  search_query_.clear();
  match_.assign(doc_.nodes.size(), 0);
  dragging_.reset();
  drag_start_.reset();
  flight_.reset();
  undo_.clear();
  redo_.clear();
  group_.reset();
  muted_.clear();
  ++content_version_;
  analysis_.reset();
  structure_changed();
  auto_fit = true;
  fit_view();
}

bool AppState::open(const std::string& path) {
  try {
    ImportReport report;
    Coalition c = read_coalition(path, &report);
    load(std::move(c), path);
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

void AppState::store_positions_in_document() { store_layout(doc_, pos_); }

bool AppState::save(const std::string& path, bool anonymize) {
  try {
    store_positions_in_document();
    write_coalition(doc_, path, WriteOptions{.anonymize = anonymize});
    if (!anonymize) {
      path_ = path;
      dirty_ = false;
    }
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

// ---------------------------------------------------------------------------------- layout

void AppState::set_positions(const std::vector<Vec2>& p) {
  if (p.size() != pos_.size()) return;
  for (std::size_t i = 0; i < p.size(); ++i) {
    // Pinned and dragged nodes are where the user put them; a snapshot taken before the
    // worker saw the move must not pull them back for a frame.
    if (pinned_[i] || (dragging_ && *dragging_ == i)) continue;
    pos_[i] = p[i];
  }
  ++positions_version_;
}

ForceLayout AppState::make_layout() const {
  ForceLayout layout(pos_, layout_ties(doc_), LayoutSettings::for_size(pos_.size()));
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) layout.set_pinned(i, true);
  return layout;
}

void AppState::restart_layout(bool run) {
  if (!layout_) return;
  layout_->reset(make_layout(), run);
  layout_generation_ = 0;
  layout_running = run;
}

bool AppState::sync_layout() {
  if (!layout_) return false;
  layout_running = layout_->running();
  layout_iterations = layout_->iterations();
  if (!layout_->fetch(fetched_, layout_generation_)) return false;
  if (fetched_.size() != pos_.size()) return false;
  set_positions(fetched_);
  return true;
}

// ---------------------------------------------------------------------------------- camera

void AppState::set_viewport(double width, double height) {
  camera_.width = std::max(width, 1.0);
  camera_.height = std::max(height, 1.0);
}

void AppState::fit_view() {
  bool any = false;
  Vec2 lo{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  Vec2 hi{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  if (visibility_dirty_) update_visibility();
  auto take = [&](bool only_visible) {
    for (std::size_t i = 0; i < pos_.size(); ++i) {
      if (only_visible && !visible(i)) continue;
      lo.x = std::min(lo.x, pos_[i].x), lo.y = std::min(lo.y, pos_[i].y);
      hi.x = std::max(hi.x, pos_[i].x), hi.y = std::max(hi.y, pos_[i].y);
      any = true;
    }
  };
  take(true);
  if (!any) take(false);
  if (!any) {
    camera_.center = {0, 0};
    camera_.zoom = camera_.reference_zoom = 1;
    return;
  }
  fit_box(lo, hi);
}

void AppState::fit_box(Vec2 lo, Vec2 hi) {
  // Room for the discs and for the labels right of the nodes.
  // A docked panel's edge gets some extra room: labels may sit left or right of their member.
  const double left = inset_left_ > 0 ? inset_left_ + 30 : 0, right = inset_right_ > 0 ? inset_right_ + 30 : 0;
  const double free_width = std::max(camera_.width - left - right, camera_.width * 0.3);
  double margin = std::min(free_width, camera_.height) * 0.06 + 12;
  Camera c = camera_;
  c.width = free_width;
  c.fit(lo, hi, margin);
  camera_.zoom = c.zoom;
  camera_.reference_zoom = c.reference_zoom;
  // The free part's middle is (inset_left - inset_right) / 2 pixels right of the viewport's.
  camera_.center = {c.center.x - (left - right) / 2 / c.zoom, c.center.y};
}

void AppState::set_insets(double left, double right) {
  inset_left_ = std::max(left, 0.0);
  inset_right_ = std::max(right, 0.0);
}

void AppState::fly_to_nodes(const std::vector<std::size_t>& nodes) {
  std::vector<std::size_t> v;
  for (auto i : nodes)
    if (i < pos_.size()) v.push_back(i);
  if (v.empty()) return;
  if (v.size() == 1) return fly_to(v.front());
  Vec2 lo{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  Vec2 hi{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (auto i : v) {
    lo.x = std::min(lo.x, pos_[i].x), lo.y = std::min(lo.y, pos_[i].y);
    hi.x = std::max(hi.x, pos_[i].x), hi.y = std::max(hi.y, pos_[i].y);
  }
  const Camera before = camera_;
  fit_box(lo, hi);
  // Never closer than a single member's flight, never further out than the whole drawing.
  const double zoom = std::min(camera_.zoom, std::max(before.zoom, before.reference_zoom * 2.5));
  const Vec2 to = camera_.center;
  camera_ = before;
  auto_fit = false;
  flight_ = Flight{before.center, to, before.zoom, zoom};
}

void AppState::fly_to(std::size_t i) {
  if (i >= pos_.size()) return;
  auto_fit = false;
  double target_zoom = std::max(camera_.zoom, camera_.reference_zoom * 2.5);
  // The member lands in the middle of the part no docked panel covers.
  const Vec2 to{pos_[i].x - (inset_left_ - inset_right_) / 2 / target_zoom, pos_[i].y};
  flight_ = Flight{camera_.center, to, camera_.zoom, target_zoom};
  flight_->node = i;
}

bool AppState::animate(double dt) {
  if (!flight_) return false;
  auto& f = *flight_;
  f.t += dt;
  if (f.node && *f.node < pos_.size())  // the inspector may have opened since the flight began
    f.to = {pos_[*f.node].x - (inset_left_ - inset_right_) / 2 / f.zoom_to, pos_[*f.node].y};
  double s = std::clamp(f.t / f.duration, 0.0, 1.0);
  s = s * s * (3 - 2 * s);  // smoothstep: starts and ends gently
  camera_.center = {f.from.x + (f.to.x - f.from.x) * s, f.from.y + (f.to.y - f.from.y) * s};
  camera_.zoom = f.zoom_from * std::pow(f.zoom_to / f.zoom_from, s);
  if (f.t >= f.duration) {
    flight_.reset();
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------- selection

bool AppState::selected(std::size_t i) const { return std::binary_search(selection_.begin(), selection_.end(), i); }

void AppState::click(std::size_t i, bool additive) {
  if (i >= doc_.nodes.size()) return;
  if (!additive) {
    selection_ = {i};
    primary_ = i;
  } else {
    auto it = std::lower_bound(selection_.begin(), selection_.end(), i);
    if (it != selection_.end() && *it == i) {
      selection_.erase(it);
      if (primary_ == i) primary_ = selection_.empty() ? std::nullopt : std::optional(selection_.back());
    } else {
      selection_.insert(it, i);
      primary_ = i;
    }
  }
  invalidate_styles();
}

void AppState::select_box(Vec2 a, Vec2 b, bool additive) {
  double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  if (visibility_dirty_) update_visibility();
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < pos_.size(); ++i) {
    if (!visible(i)) continue;
    Vec2 s = camera_.to_screen(pos_[i]);
    if (s.x >= x0 && s.x <= x1 && s.y >= y0 && s.y <= y1) hits.push_back(i);
  }
  if (additive) {
    hits.insert(hits.end(), selection_.begin(), selection_.end());
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  }
  auto keep = primary_;
  selection_ = std::move(hits);
  if (additive && keep && selected(*keep)) primary_ = keep;
  else primary_ = selection_.empty() ? std::nullopt : std::optional(selection_.front());
  invalidate_styles();
}

void AppState::select(std::vector<std::size_t> nodes) {
  std::erase_if(nodes, [&](std::size_t i) { return i >= doc_.nodes.size(); });
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  selection_ = std::move(nodes);
  primary_ = selection_.empty() ? std::nullopt : std::optional(selection_.front());
  invalidate_styles();
}

void AppState::clear_selection() {
  if (selection_.empty() && !primary_) return;
  selection_.clear();
  primary_.reset();
  invalidate_styles();
}

void AppState::set_hover(std::optional<std::size_t> i) {
  if (i == hover_) return;
  hover_ = i;
  invalidate_styles();
}

double AppState::node_scale() const {
  double r = camera_.reference_zoom > 0 ? camera_.zoom / camera_.reference_zoom : 1;
  return std::clamp(std::sqrt(r), 0.5, 4.0);
}

std::optional<std::size_t> AppState::node_at(Vec2 screen, double slop) {
  const auto& styles = node_styles();
  const double scale = node_scale();
  std::optional<std::size_t> best;
  double best_d = std::numeric_limits<double>::max();
  for (std::size_t i = 0; i < pos_.size(); ++i) {
    if (!(styles[i].flags & node_visible)) continue;
    Vec2 s = camera_.to_screen(pos_[i]);
    double d = std::hypot(s.x - screen.x, s.y - screen.y);
    if (d <= styles[i].radius * scale + slop && d < best_d) best = i, best_d = d;
  }
  return best;
}

// ---------------------------------------------------------------------------------- filters

void AppState::set_filters(Filters f) {
  if (f == filters_) return;
  if (f.at != filters_.at) {
    // The measures are for the date the map shows: recomputed for the new one.
    ++structure_version_;
    analysis_.reset();
    importance_dirty_ = true;
  }
  filters_ = std::move(f);
  visibility_dirty_ = true;
  invalidate_styles();
}

void AppState::set_focus(std::size_t i, int depth) {
  if (i >= doc_.nodes.size()) return;
  focus_ = i;
  focus_depth_ = std::max(depth, 0);
  visibility_dirty_ = true;
  invalidate_styles();
}

void AppState::clear_focus() {
  if (!focus_) return;
  focus_.reset();
  visibility_dirty_ = true;
  invalidate_styles();
}

std::size_t AppState::visible_count() const {
  return std::size_t(std::count(visible_.begin(), visible_.end(), std::uint8_t(1)));
}

void AppState::update_visibility() {
  const std::size_t n = doc_.nodes.size(), m = doc_.edges.size();
  visible_.assign(n, 1);
  edge_visible_.assign(m, 1);
  const auto& f = filters_;
  for (std::size_t i = 0; i < n; ++i) {
    const Node& v = doc_.nodes[i];
    if (f.hidden_kinds.count(v.kind) || f.hidden_sectors.count(v.sector)) visible_[i] = 0;
    else if (f.at && !v.exists_at(*f.at)) visible_[i] = 0;
  }
  auto edge_exists = [&](std::size_t e) { return !f.at || doc_.edges[e].exists_at(*f.at); };
  if (!f.themes.empty()) {
    // Nodes that serve a chosen theme, and nodes without themes (residents, often) that take
    // part with one of them.
    std::vector<std::uint8_t> serves(n, 0);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& t : doc_.nodes[i].themes)
        if (f.themes.count(t)) serves[i] = 1;
    std::vector<std::uint8_t> keep = serves;
    for (std::size_t e = 0; e < m; ++e) {
      if (!edge_exists(e)) continue;
      auto [s, t] = std::pair{doc_.edges[e].source, doc_.edges[e].target};
      if (serves[s] && doc_.nodes[t].themes.empty()) keep[t] = 1;
      if (serves[t] && doc_.nodes[s].themes.empty()) keep[s] = 1;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!keep[i]) visible_[i] = 0;
  }
  auto compute_edges = [&] {
    for (std::size_t e = 0; e < m; ++e) {
      const Edge& x = doc_.edges[e];
      edge_visible_[e] = visible_[x.source] && visible_[x.target] && x.weight >= f.min_weight && edge_exists(e);
    }
  };
  compute_edges();
  if (focus_ && *focus_ < n) {
    // Breadth-first over the visible ties, up to focus_depth_ steps.
    std::vector<std::vector<std::size_t>> adj(n);
    for (std::size_t e = 0; e < m; ++e)
      if (edge_visible_[e]) {
        adj[doc_.edges[e].source].push_back(doc_.edges[e].target);
        adj[doc_.edges[e].target].push_back(doc_.edges[e].source);
      }
    std::vector<int> dist(n, -1);
    std::deque<std::size_t> queue{*focus_};
    dist[*focus_] = 0;
    while (!queue.empty()) {
      auto u = queue.front();
      queue.pop_front();
      if (dist[u] >= focus_depth_) continue;
      for (auto v : adj[u])
        if (dist[v] < 0) dist[v] = dist[u] + 1, queue.push_back(v);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (dist[i] < 0) visible_[i] = 0;
    visible_[*focus_] = 1;
    compute_edges();
  }
  visibility_dirty_ = false;
}

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c < 0x80) {
      out += char(std::tolower(c));
      continue;
    }
    // Two-byte UTF-8 sequences cover U+0080..U+07FF: Latin-1 and Latin Extended-A.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      ++i;
      // Latin-1 letters U+00C0..U+00FF, lower and upper case mapped to a base letter.
      static constexpr char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
      if (cp >= 0xC0 && cp <= 0xFF) {
        char b = latin1[cp - 0xC0];
        if (b == 't') out += "th";
        else if (b == 's') out += "ss";
        else out += b;
        continue;
      }
      // Latin Extended-A, U+0100..U+017F, to base letters; 'I' marks the Dutch ligature ij
      // (U+0132, U+0133) and 'O' the ligature oe.
      static constexpr char ext_a[] =
          "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkklllllll"
          "lllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
      if (cp >= 0x100 && cp <= 0x17F) {
        char b = ext_a[cp - 0x100];
        if (b == 'I') out += "ij";
        else if (b == 'O') out += "oe";
        else out += b;
        continue;
      }
      out += text.substr(i - 1, 2);
      continue;
    }
    out += char(c);
  }
  return out;
}

std::vector<std::size_t> AppState::search(const std::string& query) {
  search_query_ = query;
  match_.assign(doc_.nodes.size(), 0);
  invalidate_styles();
  std::vector<std::size_t> hits;
  std::string q = fold_for_search(query);
  if (q.empty()) return hits;
  std::vector<std::pair<int, std::size_t>> scored;
  const auto& order = importance_order();
  std::vector<std::size_t> rank(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (std::size_t i = 0; i < doc_.nodes.size(); ++i) {
    std::string label = fold_for_search(doc_.nodes[i].label), id = fold_for_search(doc_.nodes[i].id);
    auto pl = label.find(q), pi = id.find(q);
    if (pl == std::string::npos && pi == std::string::npos) continue;
    int score = (pl == 0 || pi == 0) ? 0 : 1;  // prefix matches first
    scored.emplace_back(score, i);
    match_[i] = 1;
  }
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return rank[a.second] < rank[b.second];
  });
  for (const auto& [s, i] : scored) hits.push_back(i);
  return hits;
}

// ---------------------------------------------------------------------------------- appearance

void AppState::set_color_by(ColorBy c, Metric m) {
  color_by_ = c;
  color_metric_ = m;
  invalidate_styles();
}

void AppState::set_size_by(SizeBy s, Metric m) {
  size_by_ = s;
  size_metric_ = m;
  importance_dirty_ = true;
  invalidate_styles();
}

namespace {
// Min and max of the finite values, or nullopt when there are none.
std::optional<std::pair<double, double>> finite_range(const std::vector<double>& v) {
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  bool any = false;
  for (double x : v)
    if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x), any = true;
  if (!any) return std::nullopt;
  return std::pair{lo, hi};
}

std::string sector_key(const Node& v) {
  if (!v.sector.empty()) return v.sector;
  if (v.kind == "resident") return "residents";
  return v.kind.empty() ? std::string("other") : v.kind;
}
}  // namespace

const std::vector<NodeStyle>& AppState::node_styles() {
  if (visibility_dirty_) {
    update_visibility();
    styles_dirty_ = true;
  }
  if (!styles_dirty_ && node_styles_.size() == doc_.nodes.size()) return node_styles_;
  const std::size_t n = doc_.nodes.size();
  node_styles_.assign(n, {});
  std::vector<double> color_values, size_values;
  std::optional<std::pair<double, double>> color_range, size_range;
  if (color_by_ == ColorBy::metric) {
    color_values.resize(n);
    for (std::size_t i = 0; i < n; ++i) color_values[i] = metric(color_metric_, i);
    color_range = finite_range(color_values);
  }
  if (size_by_ == SizeBy::metric) {
    size_values.resize(n);
    for (std::size_t i = 0; i < n; ++i) size_values[i] = metric(size_metric_, i);
    size_range = finite_range(size_values);
  }
  const double base = base_radius(n);
  const bool searching = !search_query_.empty();
  for (std::size_t i = 0; i < n; ++i) {
    const Node& v = doc_.nodes[i];
    NodeStyle& s = node_styles_[i];
    switch (color_by_) {
      case ColorBy::kind: s.fill = kind_color(v.kind); break;
      case ColorBy::sector: s.fill = sector_color(v.sector, v.kind); break;
      case ColorBy::community: s.fill = community_color(community(i)); break;
      case ColorBy::metric: {
        double t = nan;
        if (color_range && std::isfinite(color_values[i]))
          t = color_range->second > color_range->first
                  ? (color_values[i] - color_range->first) / (color_range->second - color_range->first)
                  : 0.5;
        s.fill = ramp_color(t);
        break;
      }
    }
    double factor = 1.0;
    if (size_by_ == SizeBy::metric && size_range) {
      double x = std::isfinite(size_values[i]) ? size_values[i] : size_range->first;
      double t = size_range->second > size_range->first ? (x - size_range->first) / (size_range->second - size_range->first)
                                                        : 0.5;
      // Area, not radius, follows the value: the eye reads discs by their area.
      factor = 0.6 + 1.6 * std::sqrt(std::clamp(t, 0.0, 1.0));
    }
    s.radius = float(base * factor);
    std::uint8_t flags = visible_[i] ? node_visible : 0;
    if (selected(i)) flags |= node_selected;
    if (hover_ == i) flags |= node_hovered;
    if (pinned_[i]) flags |= node_pinned;
    if (searching) flags |= match_[i] ? node_match : node_dimmed;
    if (muted(i)) {
      flags |= node_dimmed;
      s.fill = mix(s.fill, Rgba{200, 200, 200, 255}, 0.7);
    }
    s.flags = flags;
  }
  // Edges: a quieter version of the source's colour; many ties are drawn fainter so that a
  // dense network reads as structure rather than as a grey blanket.
  const std::size_t m = doc_.edges.size();
  edge_styles_.assign(m, {});
  double alpha = m <= 1000 ? 170.0 : std::max(28.0, 170.0 * std::sqrt(1000.0 / double(m)));
  const Rgba grey{150, 150, 150, 255};
  for (std::size_t e = 0; e < m; ++e) {
    const Edge& x = doc_.edges[e];
    EdgeStyle& s = edge_styles_[e];
    s.visible = edge_visible_[e] != 0;
    bool lit = !selection_.empty() && (selected(x.source) || selected(x.target));
    lit = lit || (hover_ && (*hover_ == x.source || *hover_ == x.target));
    Rgba c = mix(node_styles_[x.source].fill, grey, 0.45);
    double w = std::clamp(0.7 + 0.8 * std::log2(1.0 + std::max(x.weight, 0.0)), 0.7, 4.0);
    if (n > 2000) w *= 0.7;
    if (lit) {
      c = mix(c, selection_color, 0.35);
      s.color = with_alpha(c, 235);
      w += 0.8;
    } else {
      s.color = with_alpha(c, std::uint8_t(alpha));
    }
    if (searching && !(match_[x.source] || match_[x.target])) s.color.a = std::uint8_t(s.color.a / 4);
    if (muted(x.source) || muted(x.target)) s.color.a = std::uint8_t(s.color.a / 5);
    s.width = float(w);
  }
  styles_dirty_ = false;
  ++style_version_;
  return node_styles_;
}

const std::vector<EdgeStyle>& AppState::edge_styles() {
  node_styles();
  return edge_styles_;
}

std::vector<LegendEntry> AppState::legend() {
  node_styles();
  std::vector<LegendEntry> out;
  const std::size_t n = doc_.nodes.size();
  auto count_by = [&](auto key_of, auto color_of) {
    std::map<std::string, LegendEntry> groups;
    for (std::size_t i = 0; i < n; ++i) {
      if (!visible(i)) continue;
      auto key = key_of(i);
      auto& g = groups[key];
      g.key = key;
      g.color = color_of(i);
      ++g.count;
    }
    for (auto& [k, g] : groups) out.push_back(g);
  };
  switch (color_by_) {
    case ColorBy::kind:
      count_by([&](std::size_t i) { return doc_.nodes[i].kind; }, [&](std::size_t i) { return kind_color(doc_.nodes[i].kind); });
      // partner, resident, project first, in that order.
      std::stable_sort(out.begin(), out.end(), [](const LegendEntry& a, const LegendEntry& b) {
        auto rank = [](const std::string& k) { return k == "partner" ? 0 : k == "resident" ? 1 : k == "project" ? 2 : 3; };
        return rank(a.key) < rank(b.key);
      });
      break;
    case ColorBy::sector: {
      count_by([&](std::size_t i) { return sector_key(doc_.nodes[i]); },
               [&](std::size_t i) { return sector_color(doc_.nodes[i].sector, doc_.nodes[i].kind); });
      auto rank = [](const std::string& k) {
        for (std::size_t r = 0; r < known_sectors.size(); ++r)
          if (known_sectors[r] == k) return int(r);
        return 100;
      };
      std::stable_sort(out.begin(), out.end(), [&](const LegendEntry& a, const LegendEntry& b) { return rank(a.key) < rank(b.key); });
      break;
    }
    case ColorBy::community: {
      count_by([&](std::size_t i) { return std::to_string(community(i)); },
               [&](std::size_t i) { return community_color(community(i)); });
      std::sort(out.begin(), out.end(), [](const LegendEntry& a, const LegendEntry& b) { return a.count > b.count; });
      break;
    }
    case ColorBy::metric: {
      std::vector<double> values(n);
      for (std::size_t i = 0; i < n; ++i) values[i] = metric(color_metric_, i);
      if (auto r = finite_range(values)) {
        for (int k = 0; k <= 4; ++k) {
          double t = k / 4.0;
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.3g", r->first + (r->second - r->first) * t);
          out.push_back({buf, ramp_color(t), 0});
        }
      }
      break;
    }
  }
  return out;
}

const std::vector<std::size_t>& AppState::importance_order() {
  if (!importance_dirty_ && importance_.size() == doc_.nodes.size()) return importance_;
  const std::size_t n = doc_.nodes.size();
  std::vector<double> key(n);
  Metric m = size_by_ == SizeBy::metric ? size_metric_ : Metric::degree;
  for (std::size_t i = 0; i < n; ++i) {
    double x = metric(m, i);
    key[i] = std::isfinite(x) ? x : -std::numeric_limits<double>::max();
  }
  importance_.resize(n);
  std::iota(importance_.begin(), importance_.end(), std::size_t(0));
  std::stable_sort(importance_.begin(), importance_.end(), [&](std::size_t a, std::size_t b) {
    if (key[a] != key[b]) return key[a] > key[b];
    return degree(a) > degree(b);
  });
  importance_dirty_ = false;
  return importance_;
}

// ---------------------------------------------------------------------------------- metrics

void AppState::update_degrees() {
  degree_.assign(doc_.nodes.size(), 0);
  for (const auto& e : doc_.edges)
    if (e.source != e.target) ++degree_[e.source], ++degree_[e.target];
}

MemberMeasures measure_members(const Coalition& doc, std::optional<Date> at, const AnalysisOptions& options) {
  MeasuredNetwork m = measure_network(doc, NetworkScope::members_and_projects, at, options);
  MemberMeasures out;
  out.vertex.resize(doc.nodes.size());
  for (std::size_t i = 0; i < doc.nodes.size(); ++i)
    if (auto k = m.snapshot.find(doc.nodes[i].id)) out.vertex[i] = m.net.vertex_of(*k);
  out.analysis = std::move(m.analysis);
  return out;
}

void AppState::compute_metrics() { set_analysis(measure_members(doc_, measures_date()), structure_version_); }

bool AppState::set_analysis(MemberMeasures measures, std::uint64_t version) {
  if (version != structure_version_) return false;
  analysis_ = std::move(measures.analysis);
  analysis_vertex_ = std::move(measures.vertex);
  importance_dirty_ = true;
  invalidate_styles();
  return true;
}

double AppState::metric(Metric m, std::size_t i) const {
  if (analysis_) {
    auto v = i < analysis_vertex_.size() ? analysis_vertex_[i] : std::nullopt;
    if (v && *v < analysis_->nodes.size()) {
      const NodeMetrics& x = analysis_->nodes[*v];
      switch (m) {
        case Metric::degree: return double(x.degree);
        case Metric::betweenness: return x.betweenness;
        case Metric::closeness: return x.closeness;
        case Metric::eigenvector: return x.eigenvector.value_or(nan);
        case Metric::pagerank: return x.pagerank;
        case Metric::clustering: return x.clustering;
        case Metric::core: return double(x.core);
        case Metric::constraint: return x.constraint.value_or(nan);
        case Metric::effective_size: return x.effective_size.value_or(nan);
      }
    }
  }
  if (m == Metric::degree && i < degree_.size()) return double(degree_[i]);
  return nan;
}

std::pair<std::size_t, std::size_t> AppState::rank(Metric m, std::size_t i) const {
  double x = metric(m, i);
  std::size_t above = 0, with_value = 0;
  for (std::size_t j = 0; j < doc_.nodes.size(); ++j) {
    double y = metric(m, j);
    if (!std::isfinite(y)) continue;
    ++with_value;
    if (y > x) ++above;
  }
  if (!std::isfinite(x)) return {0, with_value};
  return {above + 1, with_value};
}

int AppState::community(std::size_t i) const {
  if (!analysis_) return -1;
  auto v = i < analysis_vertex_.size() ? analysis_vertex_[i] : std::nullopt;
  if (!v || *v >= analysis_->nodes.size()) return -1;
  return analysis_->nodes[*v].community;
}

// ---------------------------------------------------------------------------------- edits

void AppState::structure_changed() {
  ++structure_version_;
  visibility_dirty_ = true;
  importance_dirty_ = true;
  analysis_.reset();  // its vertex numbers no longer match; the viewer recomputes
  update_degrees();
  invalidate_styles();
  if (match_.size() != doc_.nodes.size()) match_.resize(doc_.nodes.size(), 0);
}

void AppState::record(Edit e) {
  if (group_) {
    group_->edits.push_back(std::move(e));
    return;
  }
  undo_.push_back(std::move(e));
  if (undo_.size() > max_history) undo_.erase(undo_.begin());
  redo_.clear();
  dirty_ = true;
}

void AppState::push(Edit e) {
  apply(e, true);
  record(std::move(e));
}

void AppState::begin_group() {
  if (!group_) group_ = GroupEdit{};
}

void AppState::end_group() {
  if (!group_) return;
  GroupEdit g = std::move(*group_);
  group_.reset();
  if (g.edits.empty()) return;
  if (g.edits.size() == 1) record(std::move(g.edits.front()));
  else record(std::move(g));
}

void AppState::set_muted(std::vector<std::uint8_t> muted) {
  if (std::none_of(muted.begin(), muted.end(), [](auto m) { return m != 0; })) muted.clear();
  if (muted == muted_) return;
  muted_ = std::move(muted);
  invalidate_styles();
}

bool AppState::undo() {
  if (undo_.empty()) return false;
  Edit e = std::move(undo_.back());
  undo_.pop_back();
  apply(e, false);
  redo_.push_back(std::move(e));
  dirty_ = true;
  return true;
}

bool AppState::redo() {
  if (redo_.empty()) return false;
  Edit e = std::move(redo_.back());
  redo_.pop_back();
  apply(e, true);
  undo_.push_back(std::move(e));
  dirty_ = true;
  return true;
}

void AppState::insert_node_at(std::size_t index, Node node, Vec2 p, bool pinned) {
  insert_at(doc_.nodes, index, std::move(node));
  for (auto& e : doc_.edges) {
    if (e.source >= index) ++e.source;
    if (e.target >= index) ++e.target;
  }
  insert_at(pos_, index, p);
  insert_at(pinned_, index, std::uint8_t(pinned ? 1 : 0));
  insert_at(match_, index, std::uint8_t(0));
  for (auto& s : selection_)
    if (s >= index) ++s;
  shift(primary_, index, +1);
  shift(hover_, index, +1);
  if (flight_) flight_->node.reset();
  shift(focus_, index, +1);
  doc_.reindex();
  ++positions_version_;
  structure_changed();
}

void AppState::erase_node_at(std::size_t index) {
  erase_at(doc_.nodes, index);
  for (auto& e : doc_.edges) {
    if (e.source > index) --e.source;
    if (e.target > index) --e.target;
  }
  erase_at(pos_, index);
  erase_at(pinned_, index);
  erase_at(match_, index);
  std::erase(selection_, index);
  for (auto& s : selection_)
    if (s > index) --s;
  shift(primary_, index, -1);
  shift(hover_, index, -1);
  if (flight_) flight_->node.reset();
  shift(focus_, index, -1);
  if (dragging_ && *dragging_ == index) dragging_.reset();
  doc_.reindex();
  ++positions_version_;
  structure_changed();
}

void AppState::apply(const Edit& edit, bool forward) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, SetNodeEdit>) {
          doc_.nodes[e.index] = forward ? e.after : e.before;
          if (e.before.id != e.after.id) doc_.reindex();
          visibility_dirty_ = true;
          importance_dirty_ = true;
          invalidate_styles();
        } else if constexpr (std::is_same_v<T, AddNodeEdit>) {
          if (forward) insert_node_at(doc_.nodes.size(), e.node, e.position, false);
          else erase_node_at(doc_.nodes.size() - 1);
        } else if constexpr (std::is_same_v<T, RemoveNodeEdit>) {
          if (forward) {
            for (auto it = e.edges.rbegin(); it != e.edges.rend(); ++it) erase_at(doc_.edges, it->first);
            erase_node_at(e.index);
          } else {
            insert_node_at(e.index, e.node, e.position, e.pinned);
            for (const auto& [at, edge] : e.edges) insert_at(doc_.edges, at, edge);
            structure_changed();
          }
        } else if constexpr (std::is_same_v<T, AddEdgeEdit>) {
          if (forward) doc_.edges.push_back(e.edge);
          else doc_.edges.pop_back();
          structure_changed();
        } else if constexpr (std::is_same_v<T, RemoveEdgeEdit>) {
          if (forward) erase_at(doc_.edges, e.index);
          else insert_at(doc_.edges, e.index, e.edge);
          structure_changed();
        } else if constexpr (std::is_same_v<T, SetEdgeEdit>) {
          doc_.edges[e.index] = forward ? e.after : e.before;
          structure_changed();
        } else if constexpr (std::is_same_v<T, MoveEdit>) {
          for (std::size_t k = 0; k < e.nodes.size(); ++k) {
            std::size_t i = e.nodes[k];
            if (i >= pos_.size()) continue;
            pos_[i] = forward ? e.after[k] : e.before[k];
            pinned_[i] = forward ? e.pinned_after[k] : e.pinned_before[k];
            if (layout_) layout_->move(i, pos_[i], pinned_[i] != 0);
          }
          ++positions_version_;
          invalidate_styles();
        } else if constexpr (std::is_same_v<T, GroupEdit>) {
          if (forward)
            for (const auto& x : e.edits) apply(x, true);
          else
            for (auto it = e.edits.rbegin(); it != e.edits.rend(); ++it) apply(*it, false);
        }
      },
      edit);
  if (!std::holds_alternative<MoveEdit>(edit)) ++content_version_;
  // A structural edit renumbers the layout's vertices: hand the worker a fresh simulation.
  if (layout_ && !std::holds_alternative<MoveEdit>(edit) && !std::holds_alternative<SetNodeEdit>(edit))
    restart_layout(layout_->running());
}

bool AppState::set_node(std::size_t i, Node node) {
  if (i >= doc_.nodes.size()) return false;
  if (node.id.empty()) {
    error_ = "empty id";
    return false;
  }
  if (node.id != doc_.nodes[i].id && doc_.find(node.id)) {
    error_ = "id '" + node.id + "' is already in use";
    return false;
  }
  push(SetNodeEdit{i, doc_.nodes[i], std::move(node)});
  return true;
}

void AppState::set_label(std::size_t i, std::string label) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].label == label) return;
  Node n = doc_.nodes[i];
  n.label = std::move(label);
  set_node(i, std::move(n));
}

void AppState::set_kind(std::size_t i, std::string kind) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].kind == kind) return;
  Node n = doc_.nodes[i];
  n.kind = std::move(kind);
  set_node(i, std::move(n));
}

void AppState::set_sector(std::size_t i, std::string sector) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].sector == sector) return;
  Node n = doc_.nodes[i];
  n.sector = std::move(sector);
  set_node(i, std::move(n));
}

void AppState::set_themes(std::size_t i, std::vector<std::string> themes) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].themes == themes) return;
  Node n = doc_.nodes[i];
  n.themes = std::move(themes);
  set_node(i, std::move(n));
}

void AppState::set_attrs(std::size_t i, Json attrs) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].attrs == attrs) return;
  Node n = doc_.nodes[i];
  n.attrs = std::move(attrs);
  set_node(i, std::move(n));
}

void AppState::set_role(std::size_t i, std::string role) {
  if (i >= doc_.nodes.size() || doc_.nodes[i].role == role) return;
  Node n = doc_.nodes[i];
  n.role = std::move(role);
  set_node(i, std::move(n));
}

std::optional<std::size_t> AppState::add_node(Node node, Vec2 where) {
  if (node.id.empty() || doc_.find(node.id)) {
    error_ = node.id.empty() ? "empty id" : "id '" + node.id + "' is already in use";
    return std::nullopt;
  }
  if (node.label.empty()) node.label = node.id;
  push(AddNodeEdit{std::move(node), where});
  return doc_.nodes.size() - 1;
}

void AppState::remove_nodes(std::vector<std::size_t> nodes) {
  std::erase_if(nodes, [&](std::size_t i) { return i >= doc_.nodes.size(); });
  std::sort(nodes.begin(), nodes.end(), std::greater<>());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  if (nodes.empty()) return;
  GroupEdit group;
  // Highest index first, each captured just before it is applied, so every recorded edge index
  // is valid in the document as it stood at that moment.
  for (auto i : nodes) {
    RemoveNodeEdit r{i, doc_.nodes[i], pos_[i], pinned_[i] != 0, {}};
    for (std::size_t e = 0; e < doc_.edges.size(); ++e)
      if (doc_.edges[e].source == i || doc_.edges[e].target == i) r.edges.emplace_back(e, doc_.edges[e]);
    apply(r, true);
    group.edits.push_back(std::move(r));
  }
  if (group.edits.size() == 1) record(std::move(group.edits.front()));
  else record(std::move(group));
}

std::optional<std::size_t> AppState::add_edge(Edge edge) {
  if (edge.source >= doc_.nodes.size() || edge.target >= doc_.nodes.size()) {
    error_ = "a tie needs two existing nodes";
    return std::nullopt;
  }
  if (edge.kind.empty()) edge.kind = "collaborates";
  push(AddEdgeEdit{std::move(edge)});
  return doc_.edges.size() - 1;
}

void AppState::remove_edge(std::size_t e) {
  if (e >= doc_.edges.size()) return;
  push(RemoveEdgeEdit{e, doc_.edges[e]});
}

void AppState::set_edge_weight(std::size_t e, double weight) {
  if (e >= doc_.edges.size() || doc_.edges[e].weight == weight) return;
  Edge after = doc_.edges[e];
  after.weight = weight;
  push(SetEdgeEdit{e, doc_.edges[e], std::move(after)});
}

void AppState::set_edge(std::size_t e, Edge edge) {
  if (e >= doc_.edges.size() || edge.source >= doc_.nodes.size() || edge.target >= doc_.nodes.size()) return;
  push(SetEdgeEdit{e, doc_.edges[e], std::move(edge)});
}

void AppState::move_node(std::size_t i, Vec2 p, bool pin, bool final) {
  if (i >= pos_.size()) return;
  if (!drag_start_ || drag_start_->nodes.front() != i)
    drag_start_ = MoveEdit{{i}, {pos_[i]}, {}, {pinned_[i]}, {}};
  if (!final) {
    dragging_ = i;
    pos_[i] = p;
    pinned_[i] = pin ? 1 : 0;
    if (layout_) layout_->move(i, p, pin);
    ++positions_version_;
    invalidate_styles();
    return;
  }
  MoveEdit e = std::move(*drag_start_);
  drag_start_.reset();
  dragging_.reset();
  e.after = {p};
  e.pinned_after = {std::uint8_t(pin ? 1 : 0)};
  push(std::move(e));
}

void AppState::set_pinned(std::size_t i, bool pin) {
  if (i >= pos_.size() || (pinned_[i] != 0) == pin) return;
  push(MoveEdit{{i}, {pos_[i]}, {pos_[i]}, {pinned_[i]}, {std::uint8_t(pin ? 1 : 0)}});
}

void AppState::unpin_all() {
  MoveEdit e;
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) {
      e.nodes.push_back(i);
      e.before.push_back(pos_[i]);
      e.after.push_back(pos_[i]);
      e.pinned_before.push_back(1);
      e.pinned_after.push_back(0);
    }
  if (!e.nodes.empty()) push(std::move(e));
}

// ---------------------------------------------------------------------------------- dump

Json AppState::dump() const {
  auto id_of = [&](std::optional<std::size_t> i) -> Json {
    if (!i || *i >= doc_.nodes.size()) return nullptr;
    return doc_.nodes[*i].id;
  };
  Json j = Json::object();
  j["document"] = {{"path", path_}, {"name", doc_.name}, {"nodes", doc_.nodes.size()},
                   {"edges", doc_.edges.size()}, {"dirty", dirty_}};
  j["camera"] = {{"center", {camera_.center.x, camera_.center.y}}, {"zoom", camera_.zoom},
                 {"width", camera_.width}, {"height", camera_.height}, {"auto_fit", auto_fit}};
  Json sel = Json::array();
  for (auto i : selection_) sel.push_back(doc_.nodes[i].id);
  j["selection"] = sel;
  j["primary"] = id_of(primary_);
  if (primary_ && *primary_ < doc_.nodes.size()) {  // what the inspector edits
    const Node& n = doc_.nodes[*primary_];
    j["primary_node"] = {{"label", n.label}, {"kind", n.kind}, {"sector", n.sector}, {"themes", n.themes}, {"attrs", n.attrs},
                         {"since", n.since ? Json(n.since->str()) : Json(nullptr)}, {"until", n.until ? Json(n.until->str()) : Json(nullptr)}};
  }
  j["hovered"] = id_of(hover_);
  j["focus"] = {{"node", id_of(focus_)}, {"depth", focus_depth_}};
  Json matches = Json::array();
  for (std::size_t i = 0; i < match_.size(); ++i)
    if (match_[i]) matches.push_back(doc_.nodes[i].id);
  j["search"] = {{"query", search_query_}, {"matches", matches}};
  j["filters"] = {{"hidden_kinds", filters_.hidden_kinds},
                  {"hidden_sectors", filters_.hidden_sectors},
                  {"themes", filters_.themes},
                  {"at", filters_.at ? Json(filters_.at->str()) : Json(nullptr)},
                  {"min_weight", filters_.min_weight}};
  j["visible_nodes"] = visible_count();
  std::size_t ve = 0;
  for (auto v : edge_visible_) ve += v;
  j["visible_edges"] = ve;
  Json pins = Json::array();
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) pins.push_back(doc_.nodes[i].id);
  j["pinned"] = pins;
  j["color_by"] = color_by_ == ColorBy::kind        ? "kind"
                  : color_by_ == ColorBy::sector    ? "sector"
                  : color_by_ == ColorBy::community ? "community"
                                                    : std::string("metric:") + std::string(metric_id(color_metric_));
  j["size_by"] = size_by_ == SizeBy::uniform ? std::string("uniform") : std::string("metric:") + std::string(metric_id(size_metric_));
  j["layout"] = {{"running", layout_running}, {"iterations", layout_iterations}};
  j["history"] = {{"undo", undo_.size()}, {"redo", redo_.size()}};
  j["metrics"] = analysis_.has_value();
  Json positions = Json::object(), screen = Json::object();
  for (std::size_t i = 0; i < pos_.size(); ++i) {
    positions[doc_.nodes[i].id] = {pos_[i].x, pos_[i].y};
    Vec2 s = camera_.to_screen(pos_[i]);
    screen[doc_.nodes[i].id] = {s.x, s.y};
  }
  j["positions"] = std::move(positions);
  j["screen"] = std::move(screen);  // logical pixels, top-left origin: where to click a node
  return j;
}

}  // namespace wijknet::viz
