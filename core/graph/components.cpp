#include "core/graph/components.hpp"

#include <algorithm>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/range/iterator_range.hpp>

namespace wijknet {

Components connected_components(const Network& net) {
  // BGL's depth-first search starts a new component at each undiscovered vertex in vertex order,
  // so components are numbered by their smallest vertex.
  Components result{std::vector<std::uint32_t>(net.vertex_count(), 0), 0};
  result.count = boost::connected_components(
      net, boost::make_iterator_property_map(result.component.begin(), get(boost::vertex_index, net)));
  return result;
}

CutStructure articulation_points_and_bridges(const Network& net) {
  const std::size_t n = net.vertex_count();
  CutStructure result{std::vector<bool>(n, false), {}};
  // Per tie its biconnected component; a bridge is a component of one tie.
  std::vector<std::size_t> block(net.edge_count(), 0);
  std::vector<Network::Vertex> cut;
  const auto [blocks, _] = boost::biconnected_components(
      net, boost::make_iterator_property_map(block.begin(), get(boost::edge_index, net)), std::back_inserter(cut));
  for (auto v : cut) result.articulation[v] = true;
  std::vector<std::uint32_t> ties_in(blocks, 0);
  for (auto b : block) ++ties_in[b];
  for (const auto& e : boost::make_iterator_range(edges(net)))
    if (ties_in[block[get(boost::edge_index, net, e)]] == 1) result.bridges.emplace_back(e.source, e.target);
  // edges() runs from the smaller end in (smaller, larger) order: already sorted.
  return result;
}

}  // namespace wijknet
