#include "core/metrics/kcore.hpp"
namespace wijknet {
std::vector<int> core_number(const Network& net) { return std::vector<int>(net.vertex_count(), 0); }
}  // namespace wijknet
