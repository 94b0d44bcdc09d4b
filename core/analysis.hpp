// The full analytics suite of one network snapshot: every per-node measure and per-graph figure
// of DOMAIN.md's "wijknet analyze" contract, computed by the one-family-a-file algorithms in
// core/metrics/ and gathered in one value the CLI, the health report and the viewer can share.
//
// Conventions (DOMAIN.md, "Analytics conventions"): values follow networkx 2.8.8 defaults; by
// default tie strength is ignored (networkx's weight=None); with `weighted` it is used, with
// distance = 1/strength on shortest paths. Undefined values are nullopt here and null in JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/network.hpp"

namespace wijknet {

struct AnalysisOptions {
  bool weighted = false;  // use tie strength (distance = 1/strength on paths)
  bool timings = false;   // record the wall time of each metric family in Analysis::timings_ms
  unsigned threads = 0;   // worker threads for betweenness and closeness; 0 = hardware concurrency
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
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;  // (u, v) vertices, u < v, sorted
};

struct Analysis {
  GraphMetrics graph;
  std::vector<NodeMetrics> nodes;  // indexed by Network vertex
  std::vector<std::pair<std::string, double>> timings_ms;  // metric name -> ms, when options.timings
};

// Runs every metric on `net`. Timed names, in order: "degree", "betweenness", "closeness",
// "eigenvector", "pagerank", "clustering", "core", "constraint", "components", "articulation",
// "louvain"; betweenness and closeness share one search per source, so "betweenness" holds the
// time of both. Deterministic: the same network and thread count give the same numbers.
// Complexity is dominated by betweenness and closeness: O(n m) unweighted, O(n m log n) weighted.
Analysis analyze(const Network& net, const AnalysisOptions& options = {});

// DOMAIN.md's JSON shape {"graph": {...}, "nodes": [{"id","label","kind","degree",
// "degree_centrality","betweenness","closeness","eigenvector","pagerank","clustering","core",
// "constraint","effective_size","community","articulation"}, ...]}; undefined values are null.
// For a Network built with from_edges (no coalition) pass nullptr: ids are the vertex numbers as
// strings, labels equal the ids and kinds are empty.
Json analysis_json(const Analysis& a, const Network& net, const Coalition* coalition);

}  // namespace wijknet
