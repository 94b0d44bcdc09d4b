// Betweenness centrality (Brandes).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Called now and then by long computations with the share of the work done (0..1), from one
// worker thread at a time; analyze() forwards it with the measure's name.
using Progress = std::function<void(double done)>;

// Betweenness centrality: for each node v, the sum over pairs s != t != v of the share of
// shortest s-t paths that pass through v, normalised as networkx does for undirected graphs:
// raw pair count * 2 / ((n - 1)(n - 2)). Unweighted paths count ties (BFS); weighted paths use
// distance 1 / strength (Dijkstra), so strong ties are short.
// Edge cases: 0 for every node when n <= 2; pairs in different components contribute nothing.
// `threads`: worker threads over the sources (0 = hardware concurrency); results do not depend on
// it beyond floating-point summation order.
// Complexity O(n m) unweighted, O(n m log n) weighted; memory O(n) per worker (unweighted: 72
// bytes a vertex), plus one shared array of arc lengths when weighted. Unweighted, eight sources
// (AVX-512; AVX2: four) share each breadth-first sweep (multi_source_brandes.hpp), and trees
// hanging from the network by degree-1 vertices are counted in closed form (Baglioni et al.,
// ASONAM 2012; betweenness.cpp). A 20,000-node, 100,000-tie Barabasi-Albert network takes
// about 12 s of CPU (unweighted, AVX-512), against about 28 s one source at a time.
// Source: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001)
// 163-177; networkx.betweenness_centrality (normalized=True).
std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads = 0,
                                           const Progress& progress = {});

struct PathCentralities {
  std::vector<double> betweenness, closeness;
};

// Betweenness and closeness (closeness.hpp) from one shortest-path search per source: the same
// numbers as the two functions, for about two thirds of their combined time. analyze() uses it.
// Complexity and threads as betweenness_centrality.
PathCentralities path_centralities(const Network& net, bool weighted, unsigned threads = 0,
                                   const Progress& progress = {});

struct ApproximateBetweenness {
  std::vector<double> betweenness;  // networkx's normalisation, as betweenness_centrality
  std::size_t samples = 0;          // shortest paths drawn
  std::size_t vertex_diameter = 0;  // the bound used: most vertices on one shortest path
  double epsilon = 0, delta = 0;
};

// Betweenness within `epsilon` of betweenness_centrality for every node at once, with
// probability at least 1 - `delta`: Riondato and Kornaropoulos' sampling. r pairs (s, t) are
// drawn uniformly, one shortest s-t path uniformly among all, and every vertex inside it gains
// 1/r; r = (0.5 / e^2) (floor(log2(VD - 2)) + 1 + ln(1/delta)) with VD an upper bound of the
// vertex diameter (2 * eccentricity + 1 from one search per component; unweighted; weighted: the
// largest component's size) and e = epsilon (n - 2) / n, since networkx's scale is n / (n - 2)
// times the paper's. Each sample is seeded from (seed, index) and counts are integers, so the
// result depends neither on `threads` nor on timing.
// Unweighted, each sample is a balanced bidirectional breadth-first search (KADABRA's sampler,
// Borassi and Natale, ESA 2016), which on small-world networks visits about the square root of
// what a full search visits; weighted, one full Dijkstra search a sample, O(r m log n). r does
// not grow with n, so it wins over exact O(n m) on large networks.
// Source: M. Riondato and E. M. Kornaropoulos, "Fast approximation of betweenness centrality
// through sampling", Data Min. Knowl. Discov. 30 (2016) 438-475, Theorem 2 and Section 5.
ApproximateBetweenness approximate_betweenness(const Network& net, bool weighted, double epsilon, double delta = 0.1,
                                               std::uint64_t seed = 42, unsigned threads = 0,
                                               const Progress& progress = {});

}  // namespace wijknet
