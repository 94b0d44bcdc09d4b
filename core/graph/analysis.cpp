#include "core/graph/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/graph/betweenness.hpp"
#include "core/graph/closeness.hpp"
#include "core/graph/clustering.hpp"
#include "core/graph/community.hpp"
#include "core/graph/components.hpp"
#include "core/graph/degree.hpp"
#include "core/graph/eigenvector.hpp"
#include "core/graph/kcore.hpp"
#include "core/graph/pagerank.hpp"
#include "core/graph/structural_holes.hpp"

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

}  // namespace wijknet
