#include "core/graph/clustering.hpp"

#include <algorithm>
#include <cmath>

namespace wijknet {

std::vector<double> clustering(const Network& net, bool weighted) {
  const std::size_t n = net.vertex_count();
  std::vector<double> result(n, 0.0);
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  // networkx scales every strength by the largest one (1 when there are no ties).
  double max_weight = 1;
  if (weighted && !wts.empty()) max_weight = *std::max_element(wts.begin(), wts.end());

  // mark[u] == v + 1 while v's neighbours are marked; strength[u] = scaled w(v, u).
  std::vector<std::uint32_t> mark(n, 0);
  std::vector<double> strength(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t d = off[v + 1] - off[v];
    if (d < 2) continue;
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      mark[tgt[a]] = std::uint32_t(v + 1);
      strength[tgt[a]] = weighted ? wts[a] / max_weight : 1.0;
    }
    double triangles = 0;  // each triangle v-j-k once (k > j)
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const Network::Vertex j = tgt[a];
      const double wvj = strength[j];
      for (std::size_t b = off[j]; b < off[j + 1]; ++b) {
        const Network::Vertex k = tgt[b];
        if (k <= j || mark[k] != v + 1) continue;
        if (weighted)
          triangles += std::cbrt(wvj * (wts[b] / max_weight) * strength[k]);
        else
          triangles += 1;
      }
    }
    if (triangles != 0) result[v] = 2 * triangles / (double(d) * double(d - 1));
  }
  return result;
}

}  // namespace wijknet
