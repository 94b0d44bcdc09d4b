// Reachability questions the health model, the suggestions and the what-if share: which actor
// pairs can reach each other, how far apart they are, and which pairs lose touch when a member
// leaves. All run on a `Network` (CSR) with an optional mask of removed vertices, so a what-if
// never rebuilds the snapshot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Pairs of n things: n (n - 1) / 2.
inline std::uint64_t pairs_of(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

struct Reach {
  std::size_t vertices = 0;             // vertices counted (not removed)
  std::size_t components = 0;           // connected components among them
  std::size_t largest = 0;              // size of the largest component
  std::uint64_t pairs = 0;              // unordered pairs of counted vertices
  std::uint64_t connected_pairs = 0;    // of those, pairs that can reach each other
  std::optional<double> average_distance;  // mean hop count over connected pairs; nullopt when none
  bool sampled = false;                 // average_distance estimated from a sample of sources
  std::vector<std::uint32_t> component;  // per vertex: component number (0.. by smallest vertex), or
                                         // UINT32_MAX for removed vertices

  std::uint64_t unreachable_pairs() const { return pairs - connected_pairs; }
};

// Components and average distance of `net` with the vertices where removed[v] != 0 left out
// (an empty span removes nothing). The average distance is the mean shortest-path length in
// ties (unweighted, as networkx's average_shortest_path_length per component) over every
// ordered pair that can reach each other. Exact by BFS from every vertex when at most
// `exact_limit` vertices are counted, else estimated from `samples` evenly spaced sources
// (deterministic; `sampled` says so). With exact_limit 0 and samples 0 it only counts
// components and pairs.
// Edge cases: no connected pair -> average_distance nullopt.
// The components are Boost.Graph's connected_components on a filtered_graph without the removed
// vertices. Complexity O(n + m) for the components, O(min(n, samples) (n + m)) for the distances.
Reach reach(const Network& net, std::span<const std::uint8_t> removed = {}, std::size_t exact_limit = 2000,
            std::size_t samples = 256);

// For every vertex v: the number of unordered pairs {a, b} (a, b != v) that are connected in
// `net` but not once v is removed. Nonzero exactly for articulation points. A removed v splits
// its component of size c into the DFS subtrees s_i of the children w with low(w) >= disc(v) and
// the rest r = c - 1 - sum s_i, so the loss is C(c - 1, 2) - sum C(s_i, 2) - C(r, 2).
// Boost.Graph's biconnected_components (Tarjan's lowpoint search, with an explicit stack, safe on
// a 20,000-node path) with a visitor that adds up the subtree sizes. Complexity O(n + m).
// Source: R. E. Tarjan, SIAM J. Comput. 1 (1972) 146-160; the pair count is the "pairwise
// connectivity" loss of critical-node detection (Arulselvan et al., Comput. Oper. Res. 36, 2009).
std::vector<std::uint64_t> pairs_lost_by_removal(const Network& net);

// Sum of hop distances and number of reachable vertices from s (s excluded), skipping removed
// vertices. O(n + m). `dist` is scratch of size n filled with -1 on entry and restored on exit.
struct DistanceSum {
  std::uint64_t sum = 0, reached = 0;
};
DistanceSum distance_sum_from(const Network& net, Network::Vertex s, std::span<const std::uint8_t> removed,
                              std::vector<std::int32_t>& dist, std::vector<Network::Vertex>& queue);

}  // namespace wijknet
