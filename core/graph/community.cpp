#include "core/graph/community.hpp"

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

// The best move of one node: the neighbouring community with the largest positive modularity
// gain for u (networkx's formula), or u's own when none gains. `total` (Stot per community) is
// left with u counted in the community returned. Scratch space is kept between calls.
struct BestMove {
  std::vector<double> to_com;  // strength from u to each community
  std::vector<std::uint32_t> touched;
  std::vector<char> is_touched;
  explicit BestMove(std::size_t n) : to_com(n, 0.0), is_touched(n, 0) {}

  std::uint32_t operator()(const LevelGraph& g, std::size_t u, const std::vector<std::uint32_t>& node2com,
                           std::vector<double>& total, double m, double resolution) {
    const double two_m2 = 2 * (m * m);
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
    for (std::uint32_t c : touched) {
      to_com[c] = 0;
      is_touched[c] = 0;
    }
    return best_com;
  }
};

// networkx's _one_level: move single nodes to the neighbouring community with the largest
// positive modularity gain until no node moves. Returns each node's community, renumbered
// 0..k-1 in order of the old community index, as networkx filters empty communities.
std::vector<std::uint32_t> one_level(const LevelGraph& g, double m, double resolution, bool& moved) {
  const std::size_t n = g.size();
  std::vector<std::uint32_t> node2com(n);
  std::iota(node2com.begin(), node2com.end(), 0u);
  std::vector<double> total = g.degree;  // Stot
  BestMove best_move(n);
  moved = false;
  for (std::size_t moves = 1; moves > 0;) {
    moves = 0;
    for (std::size_t u = 0; u < n; ++u) {
      const std::uint32_t best_com = best_move(g, u, node2com, total, m, resolution);
      if (best_com != node2com[u]) {
        node2com[u] = best_com;
        moved = true;
        ++moves;
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

// The network as the first level graph; strengths (1 when not weighted) divided by the largest
// when `rescale`. degree_sum receives the sum of the strengths, 2m.
LevelGraph level_graph(const Network& net, bool weighted, bool rescale, double& degree_sum) {
  const std::size_t n = net.vertex_count();
  LevelGraph g;
  g.offsets.assign(net.offsets().begin(), net.offsets().end());
  g.targets.assign(net.targets().begin(), net.targets().end());
  g.weights = weighted ? net.arc_weights() : std::vector<double>(net.targets().size(), 1.0);
  // Rescaled so the largest strength is 1: modularity gains are ratios and do not change, while
  // m (at most the number of ties) and m * m cannot overflow however large the raw strengths
  // are. Aggregation keeps sums, so m stays the same on every level.
  double largest = 0;
  for (double w : g.weights) largest = std::max(largest, w);
  if (rescale && largest > 0 && std::isfinite(largest))
    for (double& w : g.weights) w /= largest;
  g.degree.assign(n, 0.0);
  g.self.assign(n, 0.0);
  degree_sum = 0;
  for (std::size_t v = 0; v < n; ++v) {
    for (std::size_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) g.degree[v] += g.weights[a];
    degree_sum += g.degree[v];
  }
  return g;
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

// Communities numbered 0.. by size descending, then smallest vertex.
void number_by_size(std::vector<int>& label) {
  const std::size_t n = label.size();
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
}

// Renumbers labels 0..k-1 in index order; returns k.
std::size_t compact(std::vector<std::uint32_t>& label) {
  std::vector<std::uint32_t> renumber(label.size(), UINT32_MAX);
  std::uint32_t next = 0;
  for (auto& c : label) {
    if (renumber[c] == UINT32_MAX) renumber[c] = next++;
    c = renumber[c];
  }
  return next;
}

// Leiden's fast local moving: a queue of nodes, initially all in order; a node moves to the
// neighbouring community with the largest positive modularity gain, and its neighbours outside
// that community join the queue again; nodes first queued in index order, or by strength
// descending when `strongest_first`. Returns whether any node moved.
bool move_nodes(const LevelGraph& g, double m, double resolution, std::vector<std::uint32_t>& node2com,
                bool strongest_first) {
  const std::size_t n = g.size();
  std::vector<double> total(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) total[node2com[u]] += g.degree[u];
  std::vector<std::uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  if (strongest_first)
    std::stable_sort(queue.begin(), queue.end(), [&](auto x, auto y) { return g.degree[x] > g.degree[y]; });
  std::vector<char> queued(n, 1);
  BestMove best_move(n);
  bool moved = false;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t u = queue[head];
    queued[u] = 0;
    const std::uint32_t old = node2com[u];
    const std::uint32_t best_com = best_move(g, u, node2com, total, m, resolution);
    if (best_com == old) continue;
    node2com[u] = best_com;
    moved = true;
    for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a) {
      const std::uint32_t w = g.targets[a];
      if (!queued[w] && node2com[w] != best_com) {
        queued[w] = 1;
        if (queue.size() > 4 * n + 16) {  // compact the consumed head now and then
          queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(head + 1));
          head = std::size_t(-1);
        }
        queue.push_back(w);
      }
    }
  }
  return moved;
}

// Leiden's refinement: inside each community S of `node2com`, every node starts alone; in node
// order, a node still alone that is well connected to S (E(v, S - v) >= res k_v (K_S - k_v) / 2m)
// joins the well-connected sub-community (E(C, S - C) >= res K_C (K_S - K_C) / 2m) of S with the
// largest positive modularity gain -- the limit theta -> 0 of the paper's random choice, so the
// result is deterministic. A node only joins a sub-community it has ties to, so every
// sub-community is connected.
std::vector<std::uint32_t> refine(const LevelGraph& g, double m, double resolution,
                                  const std::vector<std::uint32_t>& node2com) {
  const std::size_t n = g.size();
  std::vector<double> com_total(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) com_total[node2com[u]] += g.degree[u];
  std::vector<std::uint32_t> sub(n), members(n, 1);
  std::iota(sub.begin(), sub.end(), 0u);
  std::vector<double> sub_total = g.degree, external(n, 0.0);  // external: E(C, S - C)
  for (std::size_t u = 0; u < n; ++u)
    for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a)
      if (node2com[g.targets[a]] == node2com[u]) external[u] += g.weights[a];
  const std::vector<double> own = external;  // E(v, S - v)
  const double two_m = 2 * m, two_m2 = 2 * (m * m);
  std::vector<double> to_sub(n, 0.0);
  std::vector<std::uint32_t> touched;
  std::vector<char> is_touched(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    if (members[sub[u]] != 1 || sub[u] != u) continue;  // already joined or joined by others
    const double k = g.degree[u], ks = com_total[node2com[u]];
    if (own[u] < resolution * k * (ks - k) / two_m) continue;
    touched.clear();
    for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a) {
      const std::uint32_t w = g.targets[a];
      if (node2com[w] != node2com[u]) continue;
      const std::uint32_t c = sub[w];
      if (!is_touched[c]) {
        is_touched[c] = 1;
        touched.push_back(c);
      }
      to_sub[c] += g.weights[a];
    }
    std::uint32_t best = sub[u];
    double best_gain = 0;
    for (std::uint32_t c : touched) {
      if (c == sub[u]) continue;
      if (external[c] < resolution * sub_total[c] * (ks - sub_total[c]) / two_m) continue;
      const double gain = to_sub[c] / m - resolution * (sub_total[c] * k) / two_m2;
      if (gain > best_gain) {
        best_gain = gain;
        best = c;
      }
    }
    if (best != sub[u]) {
      external[best] += own[u] - 2 * to_sub[best];
      sub_total[best] += k;
      ++members[best];
      members[u] = 0;
      sub[u] = best;
    }
    for (std::uint32_t c : touched) {
      to_sub[c] = 0;
      is_touched[c] = 0;
    }
  }
  return sub;
}

// Modularity of `label` on the (rescaled) level graph: as modularity(), from g's strengths, so
// it stays finite however large the raw strengths are.
double level_modularity(const LevelGraph& g, const std::vector<int>& label, double m, double resolution) {
  std::vector<double> inside(g.size(), 0.0), degree(g.size(), 0.0);
  for (std::size_t u = 0; u < g.size(); ++u) {
    const auto c = std::size_t(label[u]);
    degree[c] += g.degree[u];
    inside[c] += g.self[u];
    for (std::size_t a = g.offsets[u]; a < g.offsets[u + 1]; ++a)
      if (g.targets[a] > u && label[g.targets[a]] == label[u]) inside[c] += g.weights[a];
  }
  double q = 0;
  for (std::size_t c = 0; c < g.size(); ++c) q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m));
  return q;
}

// Splits every community that is not connected into its connected parts: modularity can only
// rise (no tie inside a community is lost, the degree penalty falls). Leiden's refinement already
// gives connected communities; this makes it hold however the levels ended.
void split_disconnected(const Network& net, std::vector<int>& label) {
  const std::size_t n = net.vertex_count();
  std::vector<int> part(n, -1);
  std::vector<Network::Vertex> queue;
  int next = 0;
  for (std::size_t s = 0; s < n; ++s) {
    if (part[s] >= 0) continue;
    part[s] = next;
    queue.assign(1, Network::Vertex(s));
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (auto w : net.neighbors(queue[i]))
        if (part[w] < 0 && label[w] == label[queue[i]]) {
          part[w] = next;
          queue.push_back(w);
        }
    ++next;
  }
  label = std::move(part);
}

}  // namespace

std::vector<int> louvain_communities(const Network& net, bool weighted, double resolution) {
  const std::size_t n = net.vertex_count();
  std::vector<int> label(n);
  std::iota(label.begin(), label.end(), 0);
  if (n == 0) return label;

  double degree_sum = 0;
  // Rescaled only when strengths are extreme (strength_scale), so ordinary networks follow
  // networkx's arithmetic step for step.
  LevelGraph g = level_graph(net, weighted, weighted && strength_scale(net.arc_weights()) != 1, degree_sum);
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

  number_by_size(label);
  return label;
}

std::vector<int> leiden_communities(const Network& net, bool weighted, double resolution) {
  const std::size_t n = net.vertex_count();
  std::vector<int> label(n);
  std::iota(label.begin(), label.end(), 0);
  if (n == 0) return label;

  double degree_sum = 0;
  LevelGraph g = level_graph(net, weighted, true, degree_sum);
  if (degree_sum > 0 && std::isfinite(degree_sum)) {
    const double m = degree_sum / 2;
    const LevelGraph base = g;
    // Leiden is iterated, each run starting from the partition the last one found, until a run
    // raises modularity by less than 1e-6 (the paper's outer loop). Two deterministic visiting
    // orders (vertex order, strongest first) stand in for the paper's random one; the better wins.
    double best = -1;
    // At most three runs an order: on the 20,000-node Barabasi-Albert network one run reaches
    // modularity 0.283, two 0.299, three 0.3005, twenty 0.3015 for three times the time of two.
    constexpr int max_runs = 3;
    for (bool strongest_first : {false, true}) {
      std::vector<std::uint32_t> start(n);
      std::iota(start.begin(), start.end(), 0u);
      double last = -1;
      for (int run = 0; run < max_runs; ++run) {
        g = base;
        std::vector<std::uint32_t> vertex_node(n);  // vertex -> node of the current level graph
        std::iota(vertex_node.begin(), vertex_node.end(), 0u);
        std::vector<std::uint32_t> node2com = start;
        for (int level = 0; level < 64; ++level) {
          move_nodes(g, m, resolution, node2com, strongest_first);
          const std::size_t k = compact(node2com);
          if (k == g.size()) break;  // every community a single node: done
          auto sub = refine(g, m, resolution, node2com);
          std::size_t ks = compact(sub);
          if (ks == g.size()) {  // refinement merged nothing: aggregate the communities themselves
            sub = node2com;
            ks = k;
          }
          // The aggregate's nodes start in the community their sub-community lies in.
          std::vector<std::uint32_t> first(ks);
          for (std::size_t u = 0; u < g.size(); ++u) first[sub[u]] = node2com[u];
          for (auto& x : vertex_node) x = sub[x];
          g = aggregate(g, sub, ks);
          node2com = std::move(first);
        }
        std::vector<int> found(n);
        for (std::size_t v = 0; v < n; ++v) found[v] = int(node2com[vertex_node[v]]);
        split_disconnected(net, found);
        const double q = level_modularity(base, found, m, resolution);
        if (q <= last + 1e-6) break;  // networkx's Louvain stops below 1e-7 a level
        last = q;
        if (q > best + 1e-12) {
          best = q;
          label = found;
        }
        for (std::size_t v = 0; v < n; ++v) start[v] = std::uint32_t(found[v]);
      }
    }
  }
  number_by_size(label);
  return label;
}

}  // namespace wijknet
