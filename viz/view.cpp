#include "viz/view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text/utf8.hpp"

namespace wijknet::viz {
namespace {

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

// ---------------------------------------------------------------------------------- view

void View::reset(std::size_t n) {
  selection_.clear();
  primary_.reset();
  hover_.reset();
  focus_.reset();
  filters_ = {};
  search_query_.clear();
  match_.assign(n, 0);
  flight_.reset();
  muted_.clear();
  auto_fit = true;
  ++filter_version_;
  ++look_version_;
}

void View::set_viewport(double width, double height) {
  camera_.width = std::max(width, 1.0);
  camera_.height = std::max(height, 1.0);
}

void View::set_insets(double left, double right) {
  inset_left_ = std::max(left, 0.0);
  inset_right_ = std::max(right, 0.0);
}

void View::fit_nothing() {
  camera_.center = {0, 0};
  camera_.zoom = camera_.reference_zoom = 1;
}

void View::fit_box(Vec2 lo, Vec2 hi) {
  // Room for the discs and for the labels right of the nodes.
  // A docked panel's edge gets some extra room: labels may sit left or right of their member.
  const double left = inset_left_ > 0 ? inset_left_ + 30 : 0, right = inset_right_ > 0 ? inset_right_ + 30 : 0;
  const double free_width = std::max(camera_.width - left - right, camera_.width * 0.3);
  double margin = std::min(free_width, camera_.height) * 0.06 + 12;
  const double bottom = std::min(inset_bottom_, camera_.height * 0.5);
  Camera c = camera_;
  c.width = free_width;
  c.height = camera_.height - bottom;
  c.fit(lo, hi, margin);
  camera_.zoom = c.zoom;
  camera_.reference_zoom = c.reference_zoom;
  // The free part's middle is (inset_left - inset_right) / 2 pixels right of the viewport's, and
  // inset_bottom / 2 above it (world y is up).
  camera_.center = {c.center.x - (left - right) / 2 / c.zoom, c.center.y - bottom / 2 / c.zoom};
}

void View::fly_to_box(Vec2 lo, Vec2 hi) {
  const Camera before = camera_;
  fit_box(lo, hi);
  // Never closer than a single member's flight, never further out than the whole drawing.
  const double zoom = std::min(camera_.zoom, std::max(before.zoom, before.reference_zoom * 2.5));
  const Vec2 to = camera_.center;
  camera_ = before;
  auto_fit = false;
  flight_ = Flight{before.center, to, before.zoom, zoom};
}

void View::fly_to(Vec2 at, std::optional<std::size_t> node) {
  auto_fit = false;
  double target_zoom = std::max(camera_.zoom, camera_.reference_zoom * 2.5);
  // The member lands in the middle of the part no docked panel covers.
  const Vec2 to{at.x - (inset_left_ - inset_right_) / 2 / target_zoom, at.y};
  flight_ = Flight{camera_.center, to, camera_.zoom, target_zoom};
  flight_->node = node;
}

bool View::animate(double dt, const std::vector<Vec2>& positions) {
  if (!flight_) return false;
  auto& f = *flight_;
  f.t += dt;
  if (f.node && *f.node < positions.size())  // the inspector may have opened since the flight began
    f.to = {positions[*f.node].x - (inset_left_ - inset_right_) / 2 / f.zoom_to, positions[*f.node].y};
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

double View::node_scale() const {
  double r = camera_.reference_zoom > 0 ? camera_.zoom / camera_.reference_zoom : 1;
  return std::clamp(std::sqrt(r), 0.5, 4.0);
}

// ---------------------------------------------------------------------------------- selection

bool View::selected(std::size_t i) const { return std::binary_search(selection_.begin(), selection_.end(), i); }

void View::click(std::size_t i, bool additive) {
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
  ++look_version_;
}

void View::select(std::vector<std::size_t> nodes, std::size_t n, bool additive) {
  std::erase_if(nodes, [&](std::size_t i) { return i >= n; });
  if (additive) nodes.insert(nodes.end(), selection_.begin(), selection_.end());
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  auto keep = primary_;
  selection_ = std::move(nodes);
  if (additive && keep && selected(*keep)) primary_ = keep;
  else primary_ = selection_.empty() ? std::nullopt : std::optional(selection_.front());
  ++look_version_;
}

void View::clear_selection() {
  if (selection_.empty() && !primary_) return;
  selection_.clear();
  primary_.reset();
  ++look_version_;
}

void View::set_hover(std::optional<std::size_t> i) {
  if (i == hover_) return;
  hover_ = i;
  ++look_version_;
}

// ---------------------------------------------------------------------------------- filters

void View::set_filters(Filters f) {
  if (f == filters_) return;
  filters_ = std::move(f);
  ++filter_version_;
}

void View::set_focus(std::size_t i, int depth) {
  focus_ = i;
  focus_depth_ = std::max(depth, 0);
  ++filter_version_;
}

void View::clear_focus() {
  if (!focus_) return;
  focus_.reset();
  ++filter_version_;
}

void View::set_search(std::string query, std::vector<std::uint8_t> matches) {
  search_query_ = std::move(query);
  match_ = std::move(matches);
  ++look_version_;
}

void View::set_color_by(ColorBy c, Metric m) {
  color_by_ = c;
  color_metric_ = m;
  ++look_version_;
}

void View::set_size_by(SizeBy s, Metric m) {
  size_by_ = s;
  size_metric_ = m;
  ++look_version_;
}

void View::set_muted(std::vector<std::uint8_t> muted) {
  if (std::none_of(muted.begin(), muted.end(), [](auto m) { return m != 0; })) muted.clear();
  if (muted == muted_) return;
  muted_ = std::move(muted);
  ++look_version_;
}

void View::set_fade(std::vector<float> nodes, std::vector<float> ties) {
  if (nodes == fade_nodes_ && ties == fade_ties_) return;
  fade_nodes_ = std::move(nodes);
  fade_ties_ = std::move(ties);
  ++look_version_;
}

void View::renumber(std::size_t index, int delta) {
  if (delta > 0) {
    for (auto& s : selection_)
      if (s >= index) ++s;
    if (index <= match_.size()) match_.insert(match_.begin() + std::ptrdiff_t(index), 0);
    if (index <= muted_.size() && !muted_.empty()) muted_.insert(muted_.begin() + std::ptrdiff_t(index), 0);
  } else {
    std::erase(selection_, index);
    for (auto& s : selection_)
      if (s > index) --s;
    if (index < match_.size()) match_.erase(match_.begin() + std::ptrdiff_t(index));
    if (index < muted_.size()) muted_.erase(muted_.begin() + std::ptrdiff_t(index));
  }
  fade_nodes_.clear();  // a fade is of the members as they were; the next frame starts a new one
  fade_ties_.clear();
  shift(primary_, index, delta);
  shift(hover_, index, delta);
  shift(focus_, index, delta);
  if (flight_) flight_->node.reset();
  ++filter_version_;
  ++look_version_;
}

// ---------------------------------------------------------------------------------- dump

Json View::dump(const Coalition& doc) const {
  auto id_of = [&](std::optional<std::size_t> i) -> Json {
    if (!i || *i >= doc.nodes.size()) return nullptr;
    return doc.nodes[*i].id;
  };
  Json j = Json::object();
  j["camera"] = {{"center", {camera_.center.x, camera_.center.y}}, {"zoom", camera_.zoom},
                 {"width", camera_.width}, {"height", camera_.height}, {"auto_fit", auto_fit}};
  Json sel = Json::array();
  for (auto i : selection_)
    if (i < doc.nodes.size()) sel.push_back(doc.nodes[i].id);
  j["selection"] = sel;
  j["primary"] = id_of(primary_);
  if (primary_ && *primary_ < doc.nodes.size()) {  // what the inspector edits
    const Node& n = doc.nodes[*primary_];
    j["primary_node"] = {{"label", n.label}, {"kind", n.kind}, {"sector", n.sector}, {"themes", n.themes}, {"attrs", n.attrs.is_object() ? n.attrs : Json::object()},
                         {"since", n.since ? Json(n.since->str()) : Json(nullptr)}, {"until", n.until ? Json(n.until->str()) : Json(nullptr)}};
  }
  j["hovered"] = id_of(hover_);
  j["focus"] = {{"node", id_of(focus_)}, {"depth", focus_depth_}};
  Json matches = Json::array();
  for (std::size_t i = 0; i < match_.size() && i < doc.nodes.size(); ++i)
    if (match_[i]) matches.push_back(doc.nodes[i].id);
  j["search"] = {{"query", search_query_}, {"matches", matches}};
  j["filters"] = {{"hidden_kinds", filters_.hidden_kinds},
                  {"hidden_sectors", filters_.hidden_sectors},
                  {"themes", filters_.themes},
                  {"at", filters_.at ? Json(filters_.at->str()) : Json(nullptr)},
                  {"min_weight", filters_.min_weight},
                  {"min_degree", filters_.min_degree},
                  {"min_core", filters_.min_core}};
  j["color_by"] = color_by_ == ColorBy::kind        ? "kind"
                  : color_by_ == ColorBy::sector    ? "sector"
                  : color_by_ == ColorBy::community ? "community"
                                                    : std::string("metric:") + std::string(metric_id(color_metric_));
  j["size_by"] = size_by_ == SizeBy::uniform ? std::string("uniform") : std::string("metric:") + std::string(metric_id(size_metric_));
  return j;
}

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    if (c < 0x80) {
      out += c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : char(c);
      ++i;
      continue;
    }
    const std::size_t start = i;
    const std::uint32_t cp = utf8_next(text, i);
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
    out += text.substr(start, i - start);  // any other character (or ill-formed byte) as it is
  }
  return out;
}

}  // namespace wijknet::viz
