#include "core/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/metrics/betweenness.hpp"
#include "core/metrics/clustering.hpp"
#include "core/metrics/community.hpp"
#include "core/metrics/components.hpp"
#include "core/metrics/degree.hpp"
#include "core/metrics/eigenvector.hpp"
#include "core/metrics/kcore.hpp"
#include "core/metrics/pagerank.hpp"
#include "core/metrics/structural_holes.hpp"

namespace wijknet {
namespace {

// Runs `step` and, when asked, records its wall time under `name`.
template <class F>
void timed(Analysis& a, bool record, const char* name, F&& step) {
  auto start = std::chrono::steady_clock::now();
  step();
  if (record) {
    std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
    a.timings_ms.emplace_back(name, ms.count());
  }
}

Json optional_number(const std::optional<double>& x) {
  if (!x || !std::isfinite(*x)) return nullptr;
  return *x;
}

Json finite_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

}  // namespace

Analysis analyze(const Network& net, const AnalysisOptions& options) {
  const std::size_t n = net.vertex_count();
  const bool w = options.weighted;
  const bool t = options.timings;
  Analysis a;
  a.nodes.resize(n);
  a.graph.nodes = n;
  a.graph.edges = net.edge_count();
  a.graph.weighted = w;

  timed(a, t, "degree", [&] {
    auto dc = degree_centrality(net);
    for (std::size_t v = 0; v < n; ++v) {
      a.nodes[v].degree = net.degree(Network::Vertex(v));
      a.nodes[v].degree_centrality = dc[v];
    }
    a.graph.density = density(net);
    a.graph.centralization = degree_centralization(net);
  });
  // One search per source serves betweenness and closeness (path_centralities), so the time of
  // both is recorded under "betweenness" and "closeness" records only the copy.
  PathCentralities paths;
  timed(a, t, "betweenness", [&] { paths = path_centralities(net, w, options.threads); });
  timed(a, t, "closeness", [&] {
    for (std::size_t v = 0; v < n; ++v) {
      a.nodes[v].betweenness = paths.betweenness[v];
      a.nodes[v].closeness = paths.closeness[v];
    }
  });
  timed(a, t, "eigenvector", [&] {
    auto e = eigenvector_centrality(net, w);
    a.graph.eigenvector_converged = e.has_value() || n == 0;
    if (e)
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].eigenvector = (*e)[v];
  });
  timed(a, t, "pagerank", [&] {
    auto p = pagerank(net, w);
    a.graph.pagerank_converged = p.converged;
    for (std::size_t v = 0; v < n; ++v) a.nodes[v].pagerank = p.rank[v];
  });
  timed(a, t, "clustering", [&] {
    auto c = clustering(net, w);
    for (std::size_t v = 0; v < n; ++v) a.nodes[v].clustering = c[v];
  });
  timed(a, t, "core", [&] {
    auto k = core_number(net);
    for (std::size_t v = 0; v < n; ++v) a.nodes[v].core = k[v];
  });
  timed(a, t, "constraint", [&] {
    auto c = constraint(net, w);
    auto e = effective_size(net, w);
    for (std::size_t v = 0; v < n; ++v) {
      a.nodes[v].constraint = c[v];
      a.nodes[v].effective_size = e[v];
    }
  });
  timed(a, t, "components", [&] { a.graph.components = connected_components(net).count; });
  timed(a, t, "articulation", [&] {
    auto cut = articulation_points_and_bridges(net);
    for (std::size_t v = 0; v < n; ++v) a.nodes[v].articulation = cut.articulation[v];
    a.graph.bridges = std::move(cut.bridges);
  });
  timed(a, t, "louvain", [&] {
    auto community = louvain_communities(net, w);
    std::size_t count = 0;
    for (std::size_t v = 0; v < n; ++v) {
      a.nodes[v].community = community[v];
      count = std::max(count, std::size_t(community[v]) + 1);
    }
    a.graph.communities = count;
    a.graph.modularity = modularity(net, community, w);
  });
  return a;
}

Json analysis_json(const Analysis& a, const Network& net, const Coalition* coalition) {
  Json graph = Json::object();
  graph["nodes"] = a.graph.nodes;
  graph["edges"] = a.graph.edges;
  graph["density"] = finite_or_null(a.graph.density);
  graph["components"] = a.graph.components;
  graph["modularity"] = finite_or_null(a.graph.modularity);
  graph["centralization"] = finite_or_null(a.graph.centralization);
  graph["communities"] = a.graph.communities;
  graph["weighted"] = a.graph.weighted;
  graph["eigenvector_converged"] = a.graph.eigenvector_converged;
  Json bridges = Json::array();
  auto id_of = [&](std::size_t v) -> std::string {
    if (coalition) return coalition->nodes[net.node_index(Network::Vertex(v))].id;
    return std::to_string(v);
  };
  for (auto [u, v] : a.graph.bridges) bridges.push_back(Json::array({id_of(u), id_of(v)}));
  graph["bridges"] = std::move(bridges);

  Json nodes = Json::array();
  for (std::size_t v = 0; v < a.nodes.size(); ++v) {
    const NodeMetrics& m = a.nodes[v];
    Json o = Json::object();
    if (coalition) {
      const Node& node = coalition->nodes[net.node_index(Network::Vertex(v))];
      o["id"] = node.id;
      o["label"] = node.label;
      o["kind"] = node.kind;
    } else {
      o["id"] = std::to_string(v);
      o["label"] = std::to_string(v);
      o["kind"] = "";
    }
    o["degree"] = m.degree;
    o["degree_centrality"] = finite_or_null(m.degree_centrality);
    o["betweenness"] = finite_or_null(m.betweenness);
    o["closeness"] = finite_or_null(m.closeness);
    o["eigenvector"] = optional_number(m.eigenvector);
    o["pagerank"] = finite_or_null(m.pagerank);
    o["clustering"] = finite_or_null(m.clustering);
    o["core"] = m.core;
    o["constraint"] = optional_number(m.constraint);
    o["effective_size"] = optional_number(m.effective_size);
    o["community"] = m.community;
    o["articulation"] = m.articulation;
    nodes.push_back(std::move(o));
  }
  Json out = Json::object();
  out["graph"] = std::move(graph);
  out["nodes"] = std::move(nodes);
  return out;
}

}  // namespace wijknet
