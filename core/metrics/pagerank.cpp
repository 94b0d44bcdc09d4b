#include "core/metrics/pagerank.hpp"
namespace wijknet {
PageRankResult pagerank(const Network& net, bool, double, int, double) { return {std::vector<double>(net.vertex_count(), 0.0), true}; }
}  // namespace wijknet
