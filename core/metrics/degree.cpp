#include "core/metrics/degree.hpp"
namespace wijknet {
std::vector<double> degree_centrality(const Network& net) { return std::vector<double>(net.vertex_count(), 0.0); }
double density(const Network&) { return 0; }
double degree_centralization(const Network&) { return 0; }
}  // namespace wijknet
