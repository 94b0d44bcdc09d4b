// The full analytics suite of one network snapshot: every per-node measure and per-graph figure
// of DOMAIN.md's "wijknet analyze" contract, computed by the one-family-a-file algorithms in
// core/graph/ and gathered in one value the CLI, the health report and the viewer can share.
//
// Conventions (DOMAIN.md, "Analytics conventions"): values follow networkx 2.8.8 defaults; by
// default tie strength is ignored (networkx's weight=None); with `weighted` it is used, with
// distance = 1/strength on shortest paths. Undefined values are nullopt here and null in JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// The per-node measures analyze() can compute, by their JSON key, in output order.
const std::vector<std::string>& analysis_measures();

// Above this many nodes betweenness is approximated (approximate_betweenness, metrics/
// betweenness.hpp) with automatic_epsilon and delta 0.1 unless AnalysisOptions::exact: exact
// betweenness costs O(n m), about half an hour at 200,000 nodes and 1,000,000 ties on 2 cores.
inline constexpr std::size_t exact_betweenness_limit = 50000;
inline constexpr double automatic_epsilon = 0.01;
// Above the same size closeness is estimated (approximate_closeness, metrics/closeness.hpp) from
// sampled sources, each node's mean distance within automatic_closeness_epsilon times the
// diameter with probability 1 - delta (0.1), unless AnalysisOptions::exact: exact closeness is
// n / 64 bit-parallel traversals, about 160 s at 200,000 nodes on 2 cores, the estimate 48.
inline constexpr double automatic_closeness_epsilon = 0.05;

struct AnalysisOptions {
  bool weighted = false;  // use tie strength (distance = 1/strength on paths)
  bool timings = false;   // record the wall time of each metric family in Analysis::timings_ms
  unsigned threads = 0;   // worker threads for betweenness and closeness; 0 = hardware concurrency
  // The measures to compute, names from analysis_measures(); empty: all of them. The graph
  // figures that come with one (modularity and communities with "community", bridges with
  // "articulation", eigenvector_converged with "eigenvector") follow it; the size, density,
  // centralization and components are always there.
  std::vector<std::string> measures;
  // Betweenness within epsilon of the exact value for every node, with probability 1 - delta.
  std::optional<double> epsilon;
  double delta = 0.1;
  bool exact = false;  // never approximate on size alone (betweenness and closeness)
  // Long work reports here: the measure's name and the share done (0..1).
  std::function<void(std::string_view measure, double done)> progress;
};

struct NodeMetrics {
  std::size_t degree = 0;
  double degree_centrality = 0, betweenness = 0, closeness = 0;
  std::optional<double> eigenvector;  // nullopt when power iteration did not converge
  double pagerank = 0, clustering = 0;
  int core = 0;
  std::optional<double> constraint, effective_size;  // nullopt for isolated nodes (networkx: nan)
  int community = 0;
  bool articulation = false;
};

struct GraphMetrics {
  std::size_t nodes = 0, edges = 0, components = 0;
  double density = 0, modularity = 0, centralization = 0;
  bool weighted = false;
  bool eigenvector_converged = true;
  bool pagerank_converged = true;
  std::size_t communities = 0;
  // Set when betweenness was approximated: the guarantee and the paths sampled.
  std::optional<double> betweenness_epsilon, betweenness_delta;
  std::size_t betweenness_samples = 0;
  // Set when closeness was estimated: the guarantee (mean distance within epsilon times the
  // diameter, with probability 1 - delta), the sources searched and the diameter's upper bound.
  std::optional<double> closeness_epsilon, closeness_delta;
  std::size_t closeness_samples = 0;
  double closeness_diameter_bound = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;  // (u, v) vertices, u < v, sorted
};

struct Analysis {
  GraphMetrics graph;
  std::vector<NodeMetrics> nodes;  // indexed by Network vertex
  std::vector<std::pair<std::string, double>> timings_ms;  // metric name -> ms, when options.timings
  std::vector<std::string> measures;  // what was computed, in analysis_measures() order
  bool has(std::string_view measure) const;
};

// Runs the metrics asked in options.measures (all by default) on `net`. Timed names, in order, of
// those computed: "degree", "betweenness", "closeness", "eigenvector", "pagerank", "clustering",
// "core", "constraint", "components", "articulation", "community". When both betweenness and
// closeness are asked (exactly) they share one search per source and "betweenness" holds the time
// of both; closeness alone runs the bit-parallel search (closeness.hpp), estimated above
// exact_betweenness_limit unless options.exact (approximate_closeness). Throws
// std::invalid_argument for an unknown measure name. Deterministic: the same network and
// options give the same numbers. Complexity is dominated by betweenness: O(n m) unweighted,
// O(n m log n) weighted, exact; see approximate_betweenness above exact_betweenness_limit.
Analysis analyze(const Network& net, const AnalysisOptions& options = {});


}  // namespace wijknet
