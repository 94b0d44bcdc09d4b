// Closeness centrality with the Wasserman-Faust correction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/graph/betweenness.hpp"  // Progress
#include "core/graph/network.hpp"

namespace wijknet {

// Closeness centrality: with r(v) the nodes reachable from v (v excluded) and D the sum of the
// distances to them, C(v) = (r / D) * (r / (n - 1)), networkx's wf_improved=True formula, which
// scales the closeness inside a component by the share of the network that component reaches.
// Unweighted distances count ties; weighted distances use 1 / strength.
// Edge cases: 0 for an isolated node and when n <= 1.
// `threads`: worker threads over the sources (0 = hardware concurrency); each source writes only
// its own value, so the result does not depend on it. `progress`: the share of sources done.
// Unweighted: a bit-parallel breadth-first search from 64 sources at a time (Then et al.,
// VLDB 2014); weighted: one Dijkstra search a source.
// Complexity O(n m) unweighted (n/64 traversals of about diameter sweeps each), O(n m log n)
// weighted: 200,000 nodes and 1,000,000 ties take minutes; approximate_closeness scales.
// path_centralities (betweenness.hpp) gives closeness and betweenness from the same searches.
// Source: S. Wasserman and K. Faust, Social Network Analysis (1994) p. 201;
// networkx.closeness_centrality.
std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads = 0,
                                         const Progress& progress = {});

struct ApproximateCloseness {
  std::vector<double> closeness;  // the estimate, on closeness_centrality's scale
  std::size_t samples = 0;        // sources searched, all components together
  double epsilon = 0, delta = 0;
  // The largest upper bound of a sampled component's diameter (hops, or 1/strength weighted):
  // 2 * the smallest eccentricity of its sampled sources. 0 when no component was sampled.
  double diameter_bound = 0;
  bool exact = true;  // every component was small enough to take all its vertices as sources
};

// Closeness estimated from a sample of sources (Eppstein and Wang's sampling). With a(v) the mean
// distance from v to the other c - 1 nodes of its component C (closeness is
// (c - 1) / ((n - 1) a(v)) by the formula above), k sources drawn uniformly without replacement
// from C estimate a(v) as c / (k (c - 1)) times the sum of v's distances to them. By Hoeffding's
// bound (which holds for sampling without replacement) and a union bound over the n nodes,
//   k = ceil( ln(2 n / delta) / (2 epsilon^2) * (c / (c - 1))^2 )
// sources make |estimated a(v) - a(v)| <= epsilon * diameter(C) for every node at once, with
// probability at least 1 - delta. Components of at most k nodes take all their nodes as sources
// and are exact. In closeness terms the relative error is at most epsilon * diameter(C) / a(v)
// (to first order). k does not grow with the size of the network beyond log n: 3,041 sources
// (48 bit-parallel traversals) for 200,000 nodes at epsilon 0.05, delta 0.1.
// Sources are drawn from `seed` and per-node sums are integers (unweighted), so the result does
// not depend on `threads`; weighted, beyond floating-point summation order. Weighted components
// are those of the ties with strength > 0 (the others have no finite length).
// Unweighted: bit-parallel breadth-first search from 64 sampled sources at a time, O(k m / 64)
// word operations per level; weighted: Boost.Graph's Dijkstra from each source, O(k m log n).
// Source: D. Eppstein and J. Wang, "Fast approximation of centrality", J. Graph Algorithms Appl.
// 8 (2004) 39-45; W. Hoeffding, "Probability inequalities for sums of bounded random variables",
// J. Amer. Statist. Assoc. 58 (1963), Section 6.
ApproximateCloseness approximate_closeness(const Network& net, bool weighted, double epsilon, double delta = 0.1,
                                           std::uint64_t seed = 42, unsigned threads = 0,
                                           const Progress& progress = {});

// The number of sources approximate_closeness draws from a component of c nodes in a network of
// n nodes (c or more: the component is exact).
std::size_t closeness_sources(std::size_t n, std::size_t c, double epsilon, double delta);

}  // namespace wijknet
