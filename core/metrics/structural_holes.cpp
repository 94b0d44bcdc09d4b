#include "core/metrics/structural_holes.hpp"
namespace wijknet {
std::vector<std::optional<double>> constraint(const Network& net, bool) { return std::vector<std::optional<double>>(net.vertex_count()); }
std::vector<std::optional<double>> effective_size(const Network& net, bool) { return std::vector<std::optional<double>>(net.vertex_count()); }
}  // namespace wijknet
