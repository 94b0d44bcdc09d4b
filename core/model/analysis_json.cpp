#include "core/model/analysis_json.hpp"

#include <cmath>

namespace wijknet {
namespace {

Json optional_number(const std::optional<double>& x) {
  if (!x || !std::isfinite(*x)) return nullptr;
  return *x;
}

Json finite_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

}  // namespace

Json analysis_json(const Analysis& a, const Network& net, const Coalition* coalition) {
  Json graph = Json::object();
  graph["nodes"] = a.graph.nodes;
  graph["edges"] = a.graph.edges;
  graph["density"] = finite_or_null(a.graph.density);
  graph["components"] = a.graph.components;
  if (a.has("community")) graph["modularity"] = finite_or_null(a.graph.modularity);
  graph["centralization"] = finite_or_null(a.graph.centralization);
  if (a.has("community")) graph["communities"] = a.graph.communities;
  graph["weighted"] = a.graph.weighted;
  if (a.has("eigenvector")) graph["eigenvector_converged"] = a.graph.eigenvector_converged;
  if (a.graph.betweenness_epsilon) {
    graph["betweenness_epsilon"] = *a.graph.betweenness_epsilon;
    graph["betweenness_delta"] = *a.graph.betweenness_delta;
    graph["betweenness_samples"] = a.graph.betweenness_samples;
  }
  if (a.graph.closeness_epsilon) {
    graph["closeness_epsilon"] = *a.graph.closeness_epsilon;
    graph["closeness_delta"] = *a.graph.closeness_delta;
    graph["closeness_samples"] = a.graph.closeness_samples;
    graph["closeness_diameter_bound"] = a.graph.closeness_diameter_bound;
  }
  Json bridges = Json::array();
  auto id_of = [&](std::size_t v) -> std::string {
    if (coalition) return coalition->nodes[net.node_index(Network::Vertex(v))].id;
    return std::to_string(v);
  };
  for (auto [u, v] : a.graph.bridges) bridges.push_back(Json::array({id_of(u), id_of(v)}));
  if (a.has("articulation")) graph["bridges"] = std::move(bridges);

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
    const auto put = [&](const char* key, Json value) {
      if (a.has(key)) o[key] = std::move(value);
    };
    put("degree", m.degree);
    put("degree_centrality", finite_or_null(m.degree_centrality));
    put("betweenness", finite_or_null(m.betweenness));
    put("closeness", finite_or_null(m.closeness));
    put("eigenvector", optional_number(m.eigenvector));
    put("pagerank", finite_or_null(m.pagerank));
    put("clustering", finite_or_null(m.clustering));
    put("core", m.core);
    put("constraint", optional_number(m.constraint));
    put("effective_size", optional_number(m.effective_size));
    put("community", m.community);
    put("articulation", m.articulation);
    nodes.push_back(std::move(o));
  }
  Json out = Json::object();
  out["graph"] = std::move(graph);
  out["nodes"] = std::move(nodes);
  return out;
}

}  // namespace wijknet
