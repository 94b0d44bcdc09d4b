#include "core/graph/kcore.hpp"

#include <algorithm>

namespace wijknet {

std::vector<int> core_number(const Network& net) {
  const std::size_t n = net.vertex_count();
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  // Batagelj-Zaversnik: vertices in bucket order of current degree; peeling the lowest vertex
  // lowers each later neighbour's degree by one and moves it one bucket down in O(1).
  std::vector<std::size_t> deg(n), pos(n), vert(n);
  std::size_t max_degree = 0;
  for (std::size_t v = 0; v < n; ++v) {
    deg[v] = off[v + 1] - off[v];
    max_degree = std::max(max_degree, deg[v]);
  }
  std::vector<std::size_t> bin(max_degree + 2, 0);  // bin[d]: first position of degree d
  for (std::size_t v = 0; v < n; ++v) ++bin[deg[v]];
  std::size_t start = 0;
  for (std::size_t d = 0; d <= max_degree; ++d) {
    std::size_t count = bin[d];
    bin[d] = start;
    start += count;
  }
  for (std::size_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (std::size_t d = max_degree; d > 0; --d) bin[d] = bin[d - 1];
  if (!bin.empty()) bin[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t v = vert[i];
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const std::size_t u = tgt[a];
      if (deg[u] > deg[v]) {
        // Swap u with the first vertex of its bucket, then shrink the bucket from the front.
        const std::size_t du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
        if (u != w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  return std::vector<int>(deg.begin(), deg.end());
}

}  // namespace wijknet
