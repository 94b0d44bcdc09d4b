#include "core/graph/degree.hpp"

#include <algorithm>

namespace wijknet {

std::vector<double> degree_centrality(const Network& net) {
  const std::size_t n = net.vertex_count();
  std::vector<double> result(n, 0.0);
  if (n <= 1) return result;
  const double scale = 1.0 / double(n - 1);  // networkx multiplies by 1/(n-1) too
  for (std::size_t v = 0; v < n; ++v) result[v] = double(net.degree(Network::Vertex(v))) * scale;
  return result;
}

double density(const Network& net) {
  const double n = double(net.vertex_count());
  if (n <= 1) return 0.0;
  return 2.0 * double(net.edge_count()) / (n * (n - 1));
}

double degree_centralization(const Network& net) {
  const std::size_t n = net.vertex_count();
  if (n <= 2) return 0.0;
  std::size_t max_degree = 0, total = 0;
  for (std::size_t v = 0; v < n; ++v) {
    max_degree = std::max(max_degree, net.degree(Network::Vertex(v)));
    total += net.degree(Network::Vertex(v));
  }
  return double(max_degree * n - total) / (double(n - 1) * double(n - 2));
}

}  // namespace wijknet
