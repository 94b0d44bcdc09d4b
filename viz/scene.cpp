#include "viz/scene.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <numeric>

#include "core/model/coalition_network.hpp"
#include "core/text/i18n.hpp"
#include "viz/colour_scale.hpp"

namespace wijknet::viz {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double base_radius(std::size_t n) {
  // A few large discs for a coalition of thirty, small dots for twenty thousand: the radius
  // shrinks with the mean spacing of n nodes on a screen, sqrt(area / n).
  return std::clamp(60.0 / std::sqrt(double(std::max<std::size_t>(n, 1))), 2.5, 9.0);
}

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
  return v.kind.empty() ? std::string("other") : v.kind.str();
}

}  // namespace

MemberMeasures measure_members(const Coalition& doc, std::optional<Date> at, const AnalysisOptions& options) {
  MeasuredNetwork m = measure_network(doc, NetworkScope::members_and_projects, at, options);
  MemberMeasures out;
  out.vertex.resize(doc.nodes.size());
  for (std::size_t i = 0; i < doc.nodes.size(); ++i)
    if (auto k = m.snapshot.find(doc.nodes[i].id)) out.vertex[i] = m.net.vertex_of(*k);
  out.analysis = std::move(m.analysis);
  return out;
}

void Scene::sync(const Document& doc, const View& view) {
  const Coalition& c = doc.coalition();
  const bool structure = doc.structure_version() != structure_;
  if (structure) {
    degree_.assign(c.nodes.size(), 0);
    for (const auto& e : c.edges)
      if (e.source != e.target) ++degree_[e.source], ++degree_[e.target];
  }
  if (structure || view.filters().at != measured_at_) {
    // Vertex numbers or the date changed: the measures no longer fit and are asked again.
    analysis_.reset();
    analysis_vertex_.clear();
    member_degrees_.reset();
    measured_at_ = view.filters().at;
    ++measures_version_;
    importance_dirty_ = true;
  }
  const bool shown = structure || doc.content_version() != content_ || view.filter_version() != filter_;
  if (shown) update_visibility(doc, view);
  const std::pair importance_key{view.size_by(), view.size_metric()};
  if (importance_dirty_ || importance_key != importance_key_ || importance_.size() != c.nodes.size()) {
    importance_key_ = importance_key;
    update_importance(view);
  }
  if (shown || measures_taken_ || doc.pins_version() != pins_ || view.look_version() != look_ ||
      node_styles_.size() != c.nodes.size()) {
    update_styles(doc, view);
    update_legend(doc, view);
    ++style_version_;
  }
  structure_ = doc.structure_version();
  content_ = doc.content_version();
  pins_ = doc.pins_version();
  filter_ = view.filter_version();
  look_ = view.look_version();
  measures_taken_ = false;
}

// ---------------------------------------------------------------------------------- visibility

void Scene::update_visibility(const Document& doc, const View& view) {
  const Coalition& c = doc.coalition();
  const std::size_t n = c.nodes.size(), m = c.edges.size();
  visible_.assign(n, 1);
  edge_visible_.assign(m, 1);
  const auto& f = view.filters();
  for (std::size_t i = 0; i < n; ++i) {
    const Node& v = c.nodes[i];
    if (f.hidden_kinds.count(v.kind) || f.hidden_sectors.count(v.sector)) visible_[i] = 0;
    else if (f.at && !v.exists_at(*f.at)) visible_[i] = 0;
  }
  if (f.min_degree > 0 || f.min_core > 0) {
    const MemberDegrees& d = member_degrees(doc, view);
    for (std::size_t i = 0; i < n; ++i)
      if (d.degree[i] < f.min_degree || d.core[i] < f.min_core) visible_[i] = 0;
  }
  auto edge_exists = [&](std::size_t e) { return !f.at || c.edges[e].exists_at(*f.at); };
  if (!f.themes.empty()) {
    // Nodes that serve a chosen theme, and nodes without themes (residents, often) that take
    // part with one of them.
    std::vector<std::uint8_t> serves(n, 0);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& t : c.nodes[i].themes)
        if (f.themes.count(t)) serves[i] = 1;
    std::vector<std::uint8_t> keep = serves;
    for (std::size_t e = 0; e < m; ++e) {
      if (!edge_exists(e)) continue;
      auto [s, t] = std::pair{c.edges[e].source, c.edges[e].target};
      if (serves[s] && c.nodes[t].themes.empty()) keep[t] = 1;
      if (serves[t] && c.nodes[s].themes.empty()) keep[s] = 1;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!keep[i]) visible_[i] = 0;
  }
  auto compute_edges = [&] {
    for (std::size_t e = 0; e < m; ++e) {
      const Edge& x = c.edges[e];
      edge_visible_[e] = visible_[x.source] && visible_[x.target] && x.weight >= f.min_weight && edge_exists(e);
    }
  };
  compute_edges();
  if (auto focus = view.focus(); focus && *focus < n) {
    // Breadth-first over the visible ties, up to the focus depth.
    std::vector<std::vector<std::size_t>> adj(n);
    for (std::size_t e = 0; e < m; ++e)
      if (edge_visible_[e]) {
        adj[c.edges[e].source].push_back(c.edges[e].target);
        adj[c.edges[e].target].push_back(c.edges[e].source);
      }
    std::vector<int> dist(n, -1);
    std::deque<std::size_t> queue{*focus};
    dist[*focus] = 0;
    while (!queue.empty()) {
      auto u = queue.front();
      queue.pop_front();
      if (dist[u] >= view.focus_depth()) continue;
      for (auto v : adj[u])
        if (dist[v] < 0) dist[v] = dist[u] + 1, queue.push_back(v);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (dist[i] < 0) visible_[i] = 0;
    visible_[*focus] = 1;
    compute_edges();
  }
  visible_count_ = std::size_t(std::count(visible_.begin(), visible_.end(), std::uint8_t(1)));
  visible_edge_count_ = std::size_t(std::count(edge_visible_.begin(), edge_visible_.end(), std::uint8_t(1)));
}

const MemberDegrees& Scene::member_degrees(const Document& doc, const View& view) const {
  if (!member_degrees_ || member_degrees_->degree.size() != doc.node_count())
    member_degrees_ = viz::member_degrees(doc.coalition(), view.filters().at);
  return *member_degrees_;
}

// ---------------------------------------------------------------------------------- styles

void Scene::update_styles(const Document& doc, const View& view) {
  const Coalition& c = doc.coalition();
  const std::size_t n = c.nodes.size();
  node_styles_.assign(n, {});
  std::vector<double> color_values, size_values;
  std::optional<std::pair<double, double>> size_range;
  std::optional<ColourScale> color_scale;  // rank-based for skewed measures (viz/colour_scale.hpp)
  if (view.color_by() == ColorBy::metric) {
    color_values.resize(n);
    for (std::size_t i = 0; i < n; ++i) color_values[i] = metric(view.color_metric(), i);
    color_scale.emplace(scale_kind(view.color_metric()), color_values);
  }
  if (view.size_by() == SizeBy::metric) {
    size_values.resize(n);
    for (std::size_t i = 0; i < n; ++i) size_values[i] = metric(view.size_metric(), i);
    size_range = finite_range(size_values);
  }
  const double base = base_radius(n);
  const bool presenting = view.presenting();  // an export for others: no highlight of any kind
  const bool searching = !view.search_query().empty() && !presenting;
  const auto& pinned = doc.pinned();
  const auto hover = view.hovered();
  for (std::size_t i = 0; i < n; ++i) {
    const Node& v = c.nodes[i];
    NodeStyle& s = node_styles_[i];
    switch (view.color_by()) {
      case ColorBy::kind: s.fill = kind_color(v.kind); break;
      case ColorBy::sector: s.fill = sector_color(v.sector, v.kind); break;
      case ColorBy::community: s.fill = community_color(community(i)); break;
      case ColorBy::metric: s.fill = ramp_color(color_scale->position(color_values[i])); break;
    }
    double factor = 1.0;
    if (view.size_by() == SizeBy::metric && size_range) {
      double x = std::isfinite(size_values[i]) ? size_values[i] : size_range->first;
      double t = size_range->second > size_range->first ? (x - size_range->first) / (size_range->second - size_range->first)
                                                        : 0.5;
      // Area, not radius, follows the value: the eye reads discs by their area.
      factor = 0.6 + 1.6 * std::sqrt(std::clamp(t, 0.0, 1.0));
    }
    s.radius = float(base * factor);
    std::uint8_t flags = visible_[i] ? node_visible : 0;
    if (view.selected(i) && !presenting) flags |= node_selected;
    if (hover == i && !presenting) flags |= node_hovered;
    if (i < pinned.size() && pinned[i]) flags |= node_pinned;
    if (searching) flags |= view.match(i) ? node_match : node_dimmed;
    if (view.muted(i) && !presenting) {
      flags |= node_dimmed;
      s.fill = mix(s.fill, Rgba{200, 200, 200, 255}, 0.7);
    }
    if (const float fade = view.node_fade(i); fade < 1) {  // joining or leaving on the timeline
      if (fade > 0) flags |= node_visible;
      s.fill.a = std::uint8_t(float(s.fill.a) * fade);
    }
    s.flags = flags;
  }
  // Edges: a quieter version of the source's colour; many ties are drawn fainter so that a
  // dense network reads as structure rather than as a grey blanket.
  const std::size_t m = c.edges.size();
  edge_styles_.assign(m, {});
  double alpha = m <= 1000 ? 170.0 : std::max(28.0, 170.0 * std::sqrt(1000.0 / double(m)));
  const Rgba grey{150, 150, 150, 255};
  const bool any_selected = !view.selection().empty();
  for (std::size_t e = 0; e < m; ++e) {
    const Edge& x = c.edges[e];
    EdgeStyle& s = edge_styles_[e];
    s.visible = edge_visible_[e] != 0;
    bool lit = !presenting && any_selected && (view.selected(x.source) || view.selected(x.target));
    lit = lit || (!presenting && hover && (*hover == x.source || *hover == x.target));
    Rgba col = mix(node_styles_[x.source].fill, grey, 0.45);
    double w = std::clamp(0.7 + 0.8 * std::log2(1.0 + std::max(x.weight, 0.0)), 0.7, 4.0);
    if (n > 2000) w *= 0.7;
    if (lit) {
      col = mix(col, selection_color, 0.35);
      s.color = with_alpha(col, 235);
      w += 0.8;
    } else {
      s.color = with_alpha(col, std::uint8_t(alpha));
    }
    if (searching && !(view.match(x.source) || view.match(x.target))) s.color.a = std::uint8_t(s.color.a / 4);
    if (!presenting && (view.muted(x.source) || view.muted(x.target))) s.color.a = std::uint8_t(s.color.a / 5);
    if (const float fade = view.tie_fade(e); fade < 1) {
      if (fade > 0) s.visible = true;
      s.color.a = std::uint8_t(float(s.color.a) * fade);
    }
    s.width = float(w);
  }
}

void Scene::update_legend(const Document& doc, const View& view) {
  const Coalition& c = doc.coalition();
  legend_.clear();
  auto& out = legend_;
  const std::size_t n = c.nodes.size();
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
  switch (view.color_by()) {
    case ColorBy::kind:
      count_by([&](std::size_t i) { return c.nodes[i].kind; }, [&](std::size_t i) { return kind_color(c.nodes[i].kind); });
      // partner, resident, project first, in that order.
      std::stable_sort(out.begin(), out.end(), [](const LegendEntry& a, const LegendEntry& b) {
        auto rank = [](const std::string& k) { return k == "partner" ? 0 : k == "resident" ? 1 : k == "project" ? 2 : 3; };
        return rank(a.key) < rank(b.key);
      });
      break;
    case ColorBy::sector: {
      count_by([&](std::size_t i) { return sector_key(c.nodes[i]); },
               [&](std::size_t i) { return sector_color(c.nodes[i].sector, c.nodes[i].kind); });
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
      // The ramp's five stops with the value at each: the quartiles on a rank scale. The key is the
      // value in fixed notation; what the user reads is `value` in their locale (legend_text).
      std::vector<double> values(n);
      for (std::size_t i = 0; i < n; ++i) values[i] = metric(view.color_metric(), i);
      const ColourScale scale(scale_kind(view.color_metric()), values);
      if (!scale.empty()) {
        for (int k = 0; k <= 4; ++k) {
          const double t = k / 4.0, v = scale.value_at(t);
          LegendEntry e{format_measure(Lang::en, v, 6), ramp_color(t), 0};
          e.value = v;
          out.push_back(std::move(e));
        }
      }
      break;
    }
  }
}

void Scene::update_importance(const View& view) {
  const std::size_t n = degree_.size();
  std::vector<double> key(n);
  Metric m = view.size_by() == SizeBy::metric ? view.size_metric() : Metric::degree;
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
}

// ---------------------------------------------------------------------------------- measures

bool Scene::set_analysis(MemberMeasures measures, std::uint64_t version) {
  if (version != measures_version_) return false;
  analysis_ = std::move(measures.analysis);
  analysis_vertex_ = std::move(measures.vertex);
  importance_dirty_ = true;
  measures_taken_ = true;
  return true;
}

double Scene::metric(Metric m, std::size_t i) const {
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
  // Before the analysis, the document's degree; once it is there, a member outside the network
  // at the date has no measures (not its document degree, which would rank it among 26 of 25).
  if (!analysis_ && m == Metric::degree && i < degree_.size()) return double(degree_[i]);
  return nan;
}

std::pair<std::size_t, std::size_t> Scene::rank(Metric m, std::size_t i) const {
  double x = metric(m, i);
  std::size_t above = 0, with_value = 0;
  for (std::size_t j = 0; j < degree_.size(); ++j) {
    double y = metric(m, j);
    if (!std::isfinite(y)) continue;
    ++with_value;
    if (y > x) ++above;
  }
  if (!std::isfinite(x)) return {0, with_value};
  return {above + 1, with_value};
}

int Scene::community(std::size_t i) const {
  if (!analysis_) return -1;
  auto v = i < analysis_vertex_.size() ? analysis_vertex_[i] : std::nullopt;
  if (!v || *v >= analysis_->nodes.size()) return -1;
  return analysis_->nodes[*v].community;
}

}  // namespace wijknet::viz
