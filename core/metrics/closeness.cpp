#include "core/metrics/closeness.hpp"

#include "core/metrics/shortest_paths.hpp"

namespace wijknet {

std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads) {
  const std::size_t n = net.vertex_count();
  std::vector<double> result(n, 0.0);
  if (n <= 1) return result;
  const unsigned pool_size = detail::worker_count(n, threads);
  std::vector<detail::ShortestPathSearch> searches;
  searches.reserve(pool_size);
  for (unsigned t = 0; t < pool_size; ++t) searches.emplace_back(net, weighted);

  // Each source writes only its own entry, so workers need no partial sums.
  detail::parallel_over_sources(n, pool_size, [&](unsigned t, Network::Vertex s) {
    auto& search = searches[t];
    search.run(s);
    double total = 0;
    for (Network::Vertex v : search.order()) total += search.dist()[v];
    const double reached = double(search.order().size()) - 1.0;
    if (total > 0) result[s] = (reached / total) * (reached / double(n - 1));
  });
  return result;
}

}  // namespace wijknet
