#include "core/metrics/betweenness.hpp"

#include "core/metrics/shortest_paths.hpp"

namespace wijknet {

std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads) {
  const std::size_t n = net.vertex_count();
  std::vector<double> result(n, 0.0);
  if (n <= 2) return result;  // nobody can lie strictly between two others

  // One workspace and one partial sum per worker; summed in worker order at the end.
  struct Worker {
    detail::ShortestPathSearch search;
    std::vector<double> delta, sum;
    Worker(const Network& net, bool weighted) : search(net, weighted), delta(net.vertex_count(), 0.0),
                                                sum(net.vertex_count(), 0.0) {}
  };
  const unsigned pool_size = detail::worker_count(n, threads);
  std::vector<Worker> workers;
  workers.reserve(pool_size);
  for (unsigned t = 0; t < pool_size; ++t) workers.emplace_back(net, weighted);

  detail::parallel_over_sources(n, pool_size, [&](unsigned t, Network::Vertex s) {
    Worker& wk = workers[t];
    wk.search.run(s);
    const auto& order = wk.search.order();
    const auto& sigma = wk.search.sigma();
    // Brandes' dependency accumulation, farthest vertices first; networkx's _accumulate_basic.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const Network::Vertex w = *it;
      const double coeff = (1.0 + wk.delta[w]) / sigma[w];
      wk.search.for_each_predecessor(w, [&](Network::Vertex v, std::size_t) { wk.delta[v] += sigma[v] * coeff; });
      if (w != s) wk.sum[w] += wk.delta[w];
    }
    for (Network::Vertex v : order) wk.delta[v] = 0.0;
  });

  for (unsigned t = 0; t < pool_size; ++t)
    for (std::size_t v = 0; v < n; ++v) result[v] += workers[t].sum[v];
  // Every unordered pair was counted from both ends: raw * 2 / ((n-1)(n-2)) is sum / ((n-1)(n-2)).
  const double scale = 1.0 / (double(n - 1) * double(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

}  // namespace wijknet
