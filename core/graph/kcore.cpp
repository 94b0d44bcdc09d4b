#include "core/graph/kcore.hpp"

#include <boost/graph/core_numbers.hpp>

namespace wijknet {

std::vector<int> core_number(const Network& net) {
  std::vector<int> core(net.vertex_count(), 0);
  if (core.empty()) return core;
  boost::core_numbers(net, boost::make_iterator_property_map(core.begin(), get(boost::vertex_index, net)));
  return core;
}

}  // namespace wijknet
