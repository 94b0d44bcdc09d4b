#include "core/graph/distances.hpp"

#include <limits>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

namespace wijknet {

std::vector<double> shortest_path_lengths(const Network& net, Network::Vertex source, bool weighted) {
  constexpr double infinite = std::numeric_limits<double>::infinity();
  std::vector<double> dist(net.vertex_count(), infinite);
  if (source >= net.vertex_count()) return dist;
  const auto index = get(boost::vertex_index, net);
  auto distance = boost::make_iterator_property_map(dist.begin(), index);
  if (!weighted) {
    dist[source] = 0;
    boost::breadth_first_search(
        net, source,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance, boost::on_tree_edge()))));
    return dist;
  }
  const auto strength = get(boost::edge_weight, net);
  auto length = boost::make_function_property_map<Network::Edge>(
      [strength](const Network::Edge& e) { return get(strength, e) > 0 ? 1.0 / get(strength, e) : infinite; });
  boost::dijkstra_shortest_paths(net, source,
                                 boost::weight_map(length).distance_map(distance).distance_inf(infinite).distance_zero(0.0));
  return dist;
}

}  // namespace wijknet
