#include "core/metrics/betweenness.hpp"

#include "core/metrics/shortest_paths.hpp"

namespace wijknet {

std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads) {
  return detail::shortest_path_centralities(net, weighted, threads, true, false).betweenness;
}

PathCentralities path_centralities(const Network& net, bool weighted, unsigned threads) {
  return detail::shortest_path_centralities(net, weighted, threads, true, true);
}

}  // namespace wijknet
