// PageRank.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

struct PageRankResult {
  std::vector<double> rank;  // sums to 1
  bool converged = true;     // false: `rank` is the last iterate after max_iter steps
};

// PageRank: the stationary distribution of a random walk that follows a tie with probability
// alpha (chosen in proportion to strength when weighted, uniformly otherwise) and jumps to a
// uniformly chosen node otherwise. Nodes without ties (dangling) jump uniformly. Computed as
// networkx 2.8.8's pagerank (_pagerank_scipy): start 1/n, iterate
// x <- alpha (x P + sum(x[dangling]) / n) + (1 - alpha) / n, stop when the L1 change < n * tol.
// The defaults stop at tol 1e-10 with up to 1000 steps, the converged values (igraph's PRPACK
// gives the same), not networkx's default stopping point (1e-6, 100 steps); a reader checks them
// with nx.pagerank(G, max_iter=1000, tol=1e-10). The error shrinks by alpha each step, so 1000
// steps always suffice for 1e-10.
// Edge cases: empty vector for the empty graph; 1 for a single node.
// Complexity O(max_iter (n + m)).
// Source: S. Brin and L. Page (1998); networkx/algorithms/link_analysis/pagerank_alg.py.
PageRankResult pagerank(const Network& net, bool weighted, double alpha = 0.85, int max_iter = 1000,
                        double tol = 1e-10);

}  // namespace wijknet
