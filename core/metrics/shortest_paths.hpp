// Single-source shortest-path search shared by betweenness and closeness (internal to
// core/metrics). One search fills, for a source s, the vertices in the order they are settled
// (non-decreasing distance), their distances and their number of shortest paths from s.
//
// Unweighted: breadth-first search, distances are hop counts. Weighted: Dijkstra with distance
// 1/strength per tie, and two paths tie only when their float sums are equal, exactly as
// networkx's _single_source_dijkstra_path_basic compares them, so the path counts (and hence
// betweenness) equal networkx's on integer strengths where 1/2 + 1/2 == 1/1.
// Ties with strength <= 0 have no finite length and are left out of weighted paths.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

#include "core/network.hpp"

namespace wijknet::detail {

class ShortestPathSearch {
 public:
  using Vertex = Network::Vertex;
  static constexpr double unreached = std::numeric_limits<double>::infinity();

  ShortestPathSearch(const Network& net, bool weighted)
      : net_(net), weighted_(weighted), dist_(net.vertex_count(), unreached), sigma_(net.vertex_count(), 0.0) {
    if (weighted_) {
      const auto& w = net.arc_weights();
      length_.resize(w.size());
      for (std::size_t a = 0; a < w.size(); ++a) length_[a] = w[a] > 0 ? 1.0 / w[a] : unreached;
    }
    order_.reserve(net.vertex_count());
  }

  // Searches from s. Afterwards order() lists the vertices reachable from s (s first) in
  // non-decreasing distance; dist() and sigma() hold their distance and path count.
  void run(Vertex s) {
    for (Vertex v : order_) {
      dist_[v] = unreached;
      sigma_[v] = 0.0;
    }
    order_.clear();
    if (weighted_)
      dijkstra(s);
    else
      bfs(s);
  }

  const std::vector<Vertex>& order() const { return order_; }
  const std::vector<double>& dist() const { return dist_; }
  const std::vector<double>& sigma() const { return sigma_; }
  bool weighted() const { return weighted_; }
  // Length of arc index a (1 unweighted, 1/strength weighted).
  double length(std::size_t a) const { return weighted_ ? length_[a] : 1.0; }

  // Calls f(v, arc) for every v that precedes w on a shortest path from the source:
  // dist[v] + length(v, w) == dist[w], evaluated in the same float operations as the search.
  template <class F>
  void for_each_predecessor(Vertex w, F&& f) const {
    const auto& off = net_.offsets();
    const auto& tgt = net_.targets();
    const double dw = dist_[w];
    for (std::size_t a = off[w]; a < off[w + 1]; ++a) {
      Vertex v = tgt[a];
      // The arc w->v has the same strength as v->w (the network is undirected).
      if (dist_[v] < dw && dist_[v] + length(a) == dw) f(v, a);
    }
  }

 private:
  void bfs(Vertex s) {
    const auto& off = net_.offsets();
    const auto& tgt = net_.targets();
    dist_[s] = 0;
    sigma_[s] = 1;
    order_.push_back(s);
    for (std::size_t head = 0; head < order_.size(); ++head) {
      Vertex v = order_[head];
      const double dn = dist_[v] + 1;
      for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
        Vertex w = tgt[a];
        if (dist_[w] == unreached) {
          dist_[w] = dn;
          order_.push_back(w);
        }
        if (dist_[w] == dn) sigma_[w] += sigma_[v];
      }
    }
  }

  // networkx's scheme: `seen` holds the best tentative distance; a strictly shorter path resets
  // the count, an equal one adds to it; a vertex is settled when first popped.
  void dijkstra(Vertex s) {
    const auto& off = net_.offsets();
    const auto& tgt = net_.targets();
    using Entry = std::pair<double, Vertex>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    // dist_ doubles as `seen` until settled; settled_ marks popped vertices.
    if (settled_.size() != dist_.size()) settled_.assign(dist_.size(), 0);
    dist_[s] = 0;
    sigma_[s] = 1;
    heap.emplace(0.0, s);
    touched_.clear();
    touched_.push_back(s);
    while (!heap.empty()) {
      auto [d, v] = heap.top();
      heap.pop();
      if (settled_[v] || d > dist_[v]) continue;
      settled_[v] = 1;
      order_.push_back(v);
      for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
        Vertex w = tgt[a];
        if (settled_[w]) continue;
        const double nd = d + length_[a];
        if (nd == unreached) continue;
        if (nd < dist_[w]) {
          if (dist_[w] == unreached) touched_.push_back(w);
          dist_[w] = nd;
          sigma_[w] = sigma_[v];
          heap.emplace(nd, w);
        } else if (nd == dist_[w]) {
          sigma_[w] += sigma_[v];
        }
      }
    }
    for (Vertex v : touched_) settled_[v] = 0;
  }

  const Network& net_;
  bool weighted_;
  std::vector<double> length_;
  std::vector<double> dist_, sigma_;
  std::vector<Vertex> order_, touched_;
  std::vector<unsigned char> settled_;
};

// How many workers to use over n sources: `threads` (0: hardware concurrency), but no more than
// one per 64 sources, where starting a thread costs more than it saves.
inline unsigned worker_count(std::size_t n, unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return unsigned(std::max<std::size_t>(1, std::min<std::size_t>(threads, n / 64)));
}

// Runs body(worker, source) for every source 0..n-1 on `workers` threads (from worker_count).
// Worker t takes sources t, t + T, t + 2T, ...: a fixed assignment, so per-worker sums, added in
// worker order, give the same result on every run.
template <class Body>
void parallel_over_sources(std::size_t n, unsigned workers, Body&& body) {
  if (workers <= 1) {
    for (std::size_t s = 0; s < n; ++s) body(0u, Network::Vertex(s));
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (unsigned t = 0; t < workers; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t s = t; s < n; s += workers) body(t, Network::Vertex(s));
    });
  for (auto& th : pool) th.join();
}

}  // namespace wijknet::detail
