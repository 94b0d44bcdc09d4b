#include "core/metrics/community.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wijknet {

namespace {

// What tie strengths are divided by before modularity and Louvain: 1, or the largest strength
// when strengths are so large (over 1e100) or so small (under 1e-100) that the total strength m,
// or m * m, would overflow into infinity or underflow to 0 (1e154 is enough: m * m is then
// infinite, modularity NaN, and Louvain's stop test never true). Both are unchanged when every
// strength is multiplied by the same number, so the result is the same, only computable.
double strength_scale(const std::vector<double>& weights) {
  double largest = 0;
  for (double w : weights) largest = std::max(largest, std::abs(w));
  if (largest == 0 || !std::isfinite(largest)) return 1;
  return largest > 1e100 || largest < 1e-100 ? largest : 1;
}

}  // namespace

double modularity(const Network& net, std::span<const int> community, bool weighted, double resolution) {
  const std::size_t n = net.vertex_count();
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  int labels = 0;
  for (int c : community) labels = std::max(labels, c + 1);
  // inside[c]: strength of ties within c (each tie once); degree[c]: summed degrees of c.
  std::vector<double> inside(std::size_t(labels), 0.0), degree(std::size_t(labels), 0.0);
  double degree_sum = 0;
  const double scale = weighted ? strength_scale(wts) : 1.0;
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const double w = weighted ? wts[a] / scale : 1.0;
      degree[std::size_t(community[v])] += w;
      degree_sum += w;
      if (tgt[a] > v && community[tgt[a]] == community[v]) inside[std::size_t(community[v])] += w;
    }
  if (degree_sum == 0) return 0.0;
  const double m = degree_sum / 2, norm = 1 / (degree_sum * degree_sum);
  double q = 0;
  for (std::size_t c = 0; c < std::size_t(labels); ++c)
    q += inside[c] / m - resolution * degree[c] * degree[c] * norm;
  return q;
}

namespace {

// One level of the Louvain hierarchy: a weighted graph whose nodes are the communities of the
// level below. Self-loops hold the strength inside a community (each tie once).
struct LevelGraph {
  std::vector<std::size_t> offsets;   // n + 1
  std::vector<std::uint32_t> targets; // neighbours, self excluded
  std::vector<double> weights;
  std::vector<double> degree;         // strength, self-loop counted twice
  std::vector<double> self;           // self-loop strength: ties inside the community
  std::size_t size() const { return degree.size(); }
};

// networkx's _one_level: move single nodes to the neighbouring community with the largest
// positive modularity gain until no node moves. Returns each node's community, renumbered
// 0..k-1 in order of the old community index, as networkx filters empty communities.
std::vector<std::uint32_t> one_level(const LevelGraph& g, double m, double resolution, bool& moved) {
  const std::size_t n = g.size();
  std::vector<std::uint32_t> node2com(n);
  std::iota(node2com.begin(), node2com.end(), 0u);
  std::vector<double> total = g.degree;  // Stot
  std::vector<double> to_com(n, 0.0);    // strength from the current node to each community
  std::vector<std::uint32_t> touched;
  std::vector<char> is_touched(n, 0);
  moved = false;
  const double two_m2 = 2 * (m * m);
  for (std::size_t moves = 1; moves > 0;) {
    moves = 0;
    for (std::size_t u = 0; u < n; ++u) {
      touched.clear();
      for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a) {
        const std::uint32_t c = node2com[g.targets[a]];
        if (!is_touched[c]) {
          is_touched[c] = 1;
          touched.push_back(c);
        }
        to_com[c] += g.weights[a];
      }
      const double degree = g.degree[u];
      std::uint32_t best_com = node2com[u];
      double best_gain = 0;
      total[best_com] -= degree;
      const double remove_cost = -to_com[best_com] / m + resolution * (total[best_com] * degree) / two_m2;
      for (std::uint32_t c : touched) {
        const double gain = remove_cost + to_com[c] / m - resolution * (total[c] * degree) / two_m2;
        if (gain > best_gain) {
          best_gain = gain;
          best_com = c;
        }
      }
      total[best_com] += degree;
      if (best_com != node2com[u]) {
        node2com[u] = best_com;
        moved = true;
        ++moves;
      }
      for (std::uint32_t c : touched) {
        to_com[c] = 0;
        is_touched[c] = 0;
      }
    }
  }
  // Renumber the non-empty communities in index order.
  std::vector<std::uint32_t> renumber(n, UINT32_MAX);
  for (std::size_t u = 0; u < n; ++u) renumber[node2com[u]] = 0;
  std::uint32_t next = 0;
  for (auto& r : renumber)
    if (r == 0) r = next++;
  for (auto& c : node2com) c = renumber[c];
  return node2com;
}

// networkx's _gen_graph: communities become nodes; ties between them add up.
LevelGraph aggregate(const LevelGraph& g, const std::vector<std::uint32_t>& node2com, std::size_t k) {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacency(k);
  std::vector<double> self(k, 0.0);
  for (std::size_t u = 0; u < g.size(); ++u) {
    self[node2com[u]] += g.self[u];
    for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a) {
      const std::uint32_t cu = node2com[u], cv = node2com[g.targets[a]];
      if (cu == cv) {
        if (g.targets[a] > u) self[cu] += g.weights[a];
      } else {
        adjacency[cu].emplace_back(cv, g.weights[a]);
      }
    }
  }
  LevelGraph h;
  h.offsets.assign(k + 1, 0);
  h.degree.assign(k, 0.0);
  for (std::size_t c = 0; c < k; ++c) {
    auto& list = adjacency[c];
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    double degree = 2 * self[c];
    for (std::size_t i = 0; i < list.size(); ++i) {
      degree += list[i].second;
      if (!h.targets.empty() && h.offsets[c] < h.targets.size() && h.targets.back() == list[i].first) {
        h.weights.back() += list[i].second;
      } else {
        h.targets.push_back(list[i].first);
        h.weights.push_back(list[i].second);
      }
    }
    h.degree[c] = degree;
    h.self.push_back(self[c]);
    h.offsets[c + 1] = h.targets.size();
  }
  return h;
}

}  // namespace

std::vector<int> louvain_communities(const Network& net, bool weighted, double resolution) {
  const std::size_t n = net.vertex_count();
  std::vector<int> label(n);
  std::iota(label.begin(), label.end(), 0);
  if (n == 0) return label;

  LevelGraph g;
  g.offsets.assign(net.offsets().begin(), net.offsets().end());
  g.targets.assign(net.targets().begin(), net.targets().end());
  g.weights = weighted ? net.arc_weights() : std::vector<double>(net.targets().size(), 1.0);
  if (const double scale = strength_scale(g.weights); scale != 1)
    for (auto& w : g.weights) w /= scale;
  g.degree.assign(n, 0.0);
  g.self.assign(n, 0.0);
  double degree_sum = 0;
  for (std::size_t v = 0; v < n; ++v) {
    for (std::size_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) g.degree[v] += g.weights[a];
    degree_sum += g.degree[v];
  }
  if (degree_sum > 0) {
    const double m = degree_sum / 2;
    // networkx's louvain_partitions: stop when a level improves modularity by at most 1e-7.
    constexpr double threshold = 1e-7;
    double mod = modularity(net, label, weighted, resolution);
    std::vector<int> current = label;  // vertex -> node of the current level graph
    for (;;) {
      bool moved = false;
      auto node2com = one_level(g, m, resolution, moved);
      const std::size_t k = node2com.empty() ? 0 : *std::max_element(node2com.begin(), node2com.end()) + 1;
      for (auto& c : current) c = int(node2com[std::size_t(c)]);
      label = current;
      const double new_mod = modularity(net, label, weighted, resolution);
      if (!(new_mod - mod > threshold)) break;  // a NaN stops it too, never loops
      mod = new_mod;
      g = aggregate(g, node2com, k);
    }
  }

  // Number communities by size (largest first), then by smallest vertex.
  std::vector<std::size_t> size(n, 0), first(n, n);
  for (std::size_t v = 0; v < n; ++v) {
    ++size[std::size_t(label[v])];
    first[std::size_t(label[v])] = std::min(first[std::size_t(label[v])], v);
  }
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < n; ++c)
    if (size[c] > 0) order.push_back(c);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<int> rank(n, 0);
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = int(i);
  for (auto& c : label) c = rank[std::size_t(c)];
  return label;
}

}  // namespace wijknet
