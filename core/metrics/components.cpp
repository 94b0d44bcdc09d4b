#include "core/metrics/components.hpp"
namespace wijknet {
Components connected_components(const Network& net) { return {std::vector<std::uint32_t>(net.vertex_count(), 0), 0}; }
CutStructure articulation_points_and_bridges(const Network& net) { return {std::vector<bool>(net.vertex_count(), false), {}}; }
}  // namespace wijknet
