#include "core/graph/pagerank.hpp"

#include <cmath>

namespace wijknet {

PageRankResult pagerank(const Network& net, bool weighted, double alpha, int max_iter, double tol) {
  const std::size_t n = net.vertex_count();
  PageRankResult result;
  if (n == 0) return result;
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  // Out-strength S_v and its inverse; transition probability v -> u is w_vu / S_v.
  std::vector<double> inv_strength(n, 0.0);
  std::vector<Network::Vertex> dangling;
  for (std::size_t v = 0; v < n; ++v) {
    double s = 0;
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) s += weighted ? wts[a] : 1.0;
    if (s != 0)
      inv_strength[v] = 1.0 / s;
    else
      dangling.push_back(Network::Vertex(v));
  }
  const double uniform = 1.0 / double(n);
  std::vector<double> x(n, uniform), next(n);
  for (int iter = 0; iter < max_iter; ++iter) {
    // next = x P, gathered over the (symmetric) neighbour lists.
    for (std::size_t u = 0; u < n; ++u) {
      double s = 0;
      for (std::size_t a = off[u]; a < off[u + 1]; ++a) {
        const Network::Vertex v = tgt[a];
        s += x[v] * (inv_strength[v] * (weighted ? wts[a] : 1.0));
      }
      next[u] = s;
    }
    double dangling_mass = 0;
    for (Network::Vertex v : dangling) dangling_mass += x[v];
    double change = 0;
    for (std::size_t u = 0; u < n; ++u) {
      next[u] = alpha * (next[u] + dangling_mass * uniform) + (1 - alpha) * uniform;
      change += std::fabs(next[u] - x[u]);
    }
    x.swap(next);
    if (change < double(n) * tol) {
      result.rank = std::move(x);
      return result;
    }
  }
  result.rank = std::move(x);
  result.converged = false;
  return result;
}

}  // namespace wijknet
