// Betweenness centrality (Brandes).
#pragma once

#include <vector>

#include "core/network.hpp"

namespace wijknet {

// Betweenness centrality: for each node v, the sum over pairs s != t != v of the share of
// shortest s-t paths that pass through v, normalised as networkx does for undirected graphs:
// raw pair count * 2 / ((n - 1)(n - 2)). Unweighted paths count ties (BFS); weighted paths use
// distance 1 / strength (Dijkstra), so strong ties are short.
// Edge cases: 0 for every node when n <= 2; pairs in different components contribute nothing.
// `threads`: worker threads over the sources (0 = hardware concurrency); results do not depend on
// it beyond floating-point summation order.
// Complexity O(n m) unweighted, O(n m log n) weighted; memory O(n) per worker, plus one shared
// array of arc lengths when weighted. A 20,000-node, 100,000-tie Barabasi-Albert network takes
// about 28 s on one core (unweighted), a tenth of that on 16.
// Source: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001)
// 163-177; networkx.betweenness_centrality (normalized=True).
std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads = 0);

struct PathCentralities {
  std::vector<double> betweenness, closeness;
};

// Betweenness and closeness (closeness.hpp) from one shortest-path search per source: the same
// numbers as the two functions, for about two thirds of their combined time. analyze() uses it.
// Complexity and threads as betweenness_centrality.
PathCentralities path_centralities(const Network& net, bool weighted, unsigned threads = 0);

}  // namespace wijknet
