#include "core/metrics/clustering.hpp"
namespace wijknet {
std::vector<double> clustering(const Network& net, bool) { return std::vector<double>(net.vertex_count(), 0.0); }
}  // namespace wijknet
