#include "core/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/metrics/betweenness.hpp"
#include "core/metrics/closeness.hpp"
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

const std::vector<std::string>& analysis_measures() {
  static const std::vector<std::string> names = {
      "degree",    "degree_centrality", "betweenness", "closeness",      "eigenvector", "pagerank",
      "clustering", "core",             "constraint",  "effective_size", "community",   "articulation"};
  return names;
}

bool Analysis::has(std::string_view measure) const {
  return std::find(measures.begin(), measures.end(), measure) != measures.end();
}

Analysis analyze(const Network& net, const AnalysisOptions& options) {
  const std::size_t n = net.vertex_count();
  const bool w = options.weighted;
  const bool t = options.timings;
  Analysis a;
  for (const auto& name : options.measures)
    if (std::find(analysis_measures().begin(), analysis_measures().end(), name) == analysis_measures().end())
      throw std::invalid_argument(name);
  for (const auto& name : analysis_measures())
    if (options.measures.empty() ||
        std::find(options.measures.begin(), options.measures.end(), name) != options.measures.end())
      a.measures.push_back(name);
  auto want = [&](std::string_view name) { return a.has(name); };
  auto progress = [&](std::string_view name) -> Progress {
    if (!options.progress) return {};
    return [&options, name](double done) { options.progress(name, done); };
  };
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
  const bool between = want("betweenness"), close = want("closeness");
  std::optional<double> epsilon = options.epsilon;
  if (between && !epsilon && !options.exact && n > exact_betweenness_limit) epsilon = automatic_epsilon;
  if (between && epsilon) {
    timed(a, t, "betweenness", [&] {
      auto b = approximate_betweenness(net, w, *epsilon, options.delta, 42, options.threads, progress("betweenness"));
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].betweenness = b.betweenness[v];
      a.graph.betweenness_epsilon = b.epsilon;
      a.graph.betweenness_delta = b.delta;
      a.graph.betweenness_samples = b.samples;
    });
  }
  if (between && !epsilon && close) {
    // One search per source serves both, so the time of both is recorded under "betweenness"
    // and "closeness" records only the copy.
    PathCentralities paths;
    timed(a, t, "betweenness", [&] { paths = path_centralities(net, w, options.threads, progress("betweenness")); });
    timed(a, t, "closeness", [&] {
      for (std::size_t v = 0; v < n; ++v) {
        a.nodes[v].betweenness = paths.betweenness[v];
        a.nodes[v].closeness = paths.closeness[v];
      }
    });
  } else {
    if (between && !epsilon)
      timed(a, t, "betweenness", [&] {
        auto b = betweenness_centrality(net, w, options.threads, progress("betweenness"));
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].betweenness = b[v];
      });
    const bool estimate_closeness = close && !options.exact && n > exact_betweenness_limit;
    if (close && estimate_closeness)
      timed(a, t, "closeness", [&] {
        auto c = approximate_closeness(net, w, automatic_closeness_epsilon, 0.1, 42, options.threads,
                                       progress("closeness"));
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].closeness = c.closeness[v];
        if (!c.exact) {
          a.graph.closeness_epsilon = c.epsilon;
          a.graph.closeness_delta = c.delta;
          a.graph.closeness_samples = c.samples;
          a.graph.closeness_diameter_bound = c.diameter_bound;
        }
      });
    else if (close)
      timed(a, t, "closeness", [&] {
        auto c = closeness_centrality(net, w, options.threads, progress("closeness"));
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].closeness = c[v];
      });
  }
  if (want("eigenvector"))
    timed(a, t, "eigenvector", [&] {
      auto e = eigenvector_centrality(net, w);
      a.graph.eigenvector_converged = e.has_value() || n == 0;
      if (e)
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].eigenvector = (*e)[v];
    });
  if (want("pagerank"))
    timed(a, t, "pagerank", [&] {
      auto p = pagerank(net, w);
      a.graph.pagerank_converged = p.converged;
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].pagerank = p.rank[v];
    });
  if (want("clustering"))
    timed(a, t, "clustering", [&] {
      auto c = clustering(net, w);
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].clustering = c[v];
    });
  if (want("core"))
    timed(a, t, "core", [&] {
      auto k = core_number(net);
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].core = k[v];
    });
  if (want("constraint") || want("effective_size"))
    timed(a, t, "constraint", [&] {
      if (want("constraint")) {
        auto c = constraint(net, w);
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].constraint = c[v];
      }
      if (want("effective_size")) {
        auto e = effective_size(net, w);
        for (std::size_t v = 0; v < n; ++v) a.nodes[v].effective_size = e[v];
      }
    });
  timed(a, t, "components", [&] { a.graph.components = connected_components(net).count; });
  if (want("articulation"))
    timed(a, t, "articulation", [&] {
      auto cut = articulation_points_and_bridges(net);
      for (std::size_t v = 0; v < n; ++v) a.nodes[v].articulation = cut.articulation[v];
      a.graph.bridges = std::move(cut.bridges);
    });
  if (want("community"))
    timed(a, t, "community", [&] {
      auto community = leiden_communities(net, w);
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
