#include "core/metrics/closeness.hpp"

#include "core/metrics/shortest_paths.hpp"

namespace wijknet {

std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads) {
  return detail::shortest_path_centralities(net, weighted, threads, false, true).closeness;
}

}  // namespace wijknet
