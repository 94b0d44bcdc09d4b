#include "core/metrics/eigenvector.hpp"
namespace wijknet {
std::optional<std::vector<double>> eigenvector_centrality(const Network& net, bool, int, double) { return std::nullopt; }
}  // namespace wijknet
