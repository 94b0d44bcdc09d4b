#include "core/graph/eigenvector.hpp"

#include <cmath>

namespace wijknet {
namespace {

// Euclidean norm, scaled by the largest entry so that squares neither overflow nor underflow
// (Python's math.hypot, which networkx uses, scales likewise).
double euclidean_norm(const std::vector<double>& x) {
  // The plain sum of squares when it neither overflows nor underflows (every iteration of a
  // normalised vector); the scaled sum otherwise.
  double plain = 0;
  for (double v : x) plain += v * v;
  if (plain > 1e-300 && plain < 1e300) return std::sqrt(plain);
  double scale = 0;
  for (double v : x) scale = std::max(scale, std::fabs(v));
  if (scale == 0 || !std::isfinite(scale)) return scale;
  double sum = 0;
  for (double v : x) sum += (v / scale) * (v / scale);
  return scale * std::sqrt(sum);
}

}  // namespace

std::optional<std::vector<double>> eigenvector_centrality(const Network& net, bool weighted, int max_iter,
                                                          double tol) {
  const std::size_t n = net.vertex_count();
  if (n == 0) return std::nullopt;
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  // networkx normalises the all-ones start vector to sum 1.
  std::vector<double> x(n, 1.0 / double(n)), last(n);
  for (int iter = 0; iter < max_iter; ++iter) {
    x.swap(last);
    // x = (A + I) last, pulled row by row (the network is undirected: a row lists who sends to v),
    // so the writes run in order and the reads are the only scattered accesses.
    for (std::size_t v = 0; v < n; ++v) {
      double sum = last[v];
      if (weighted)
        for (std::size_t a = off[v]; a < off[v + 1]; ++a) sum += last[tgt[a]] * wts[a];
      else
        for (std::size_t a = off[v]; a < off[v + 1]; ++a) sum += last[tgt[a]];
      x[v] = sum;
    }
    double norm = euclidean_norm(x);
    if (norm == 0) norm = 1;  // networkx: `math.hypot(...) or 1`
    double change = 0;
    for (std::size_t v = 0; v < n; ++v) {
      x[v] /= norm;
      change += std::fabs(x[v] - last[v]);
    }
    if (change < double(n) * tol) return x;
  }
  return std::nullopt;
}

}  // namespace wijknet
