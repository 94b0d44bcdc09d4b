#include "core/graph/structural_holes.hpp"

#include <algorithm>

namespace wijknet {
namespace {

// Per-vertex total and largest tie strength (1 per tie unweighted): the `sum` and `max`
// normalisations of networkx's normalized_mutual_weight. On an undirected graph the mutual weight
// w_uv + w_vu is 2 w_uv; the factor 2 cancels in every ratio below.
struct Strengths {
  std::vector<double> total, largest;
};

Strengths strengths(const Network& net, bool weighted) {
  const std::size_t n = net.vertex_count();
  Strengths s{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  for (std::size_t v = 0; v < n; ++v)
    for (double w : net.weights(Network::Vertex(v))) {
      const double x = weighted ? w : 1.0;
      s.total[v] += x;
      s.largest[v] = std::max(s.largest[v], x);
    }
  return s;
}

}  // namespace

std::vector<std::optional<double>> constraint(const Network& net, bool weighted) {
  const std::size_t n = net.vertex_count();
  std::vector<std::optional<double>> result(n);
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  const Strengths s = strengths(net, weighted);
  auto share = [&](std::size_t v, std::size_t a) {  // p_{v, tgt[a]}
    const double w = weighted ? wts[a] : 1.0;
    return s.total[v] == 0 ? 0.0 : w / s.total[v];
  };
  // For ego v: p[j] = p_vj for its neighbours (mark[j] == v + 1), indirect[j] = sum_q p_vq p_qj.
  std::vector<std::uint32_t> mark(n, 0);
  std::vector<double> p(n, 0.0), indirect(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    if (off[v] == off[v + 1]) continue;  // isolated: undefined (networkx: nan)
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      mark[tgt[a]] = std::uint32_t(v + 1);
      p[tgt[a]] = share(v, a);
      indirect[tgt[a]] = 0;
    }
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const std::size_t q = tgt[a];
      for (std::size_t b = off[q]; b < off[q + 1]; ++b)
        if (mark[tgt[b]] == v + 1) indirect[tgt[b]] += p[q] * share(q, b);
    }
    double c = 0;
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const double local = p[tgt[a]] + indirect[tgt[a]];
      c += local * local;
    }
    result[v] = c;
  }
  return result;
}

std::vector<std::optional<double>> effective_size(const Network& net, bool weighted) {
  const std::size_t n = net.vertex_count();
  std::vector<std::optional<double>> result(n);
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  const auto& wts = net.arc_weights();
  const Strengths s = strengths(net, weighted);
  std::vector<std::uint32_t> mark(n, 0);
  std::vector<double> p(n, 0.0);
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t d = off[v + 1] - off[v];
    if (d == 0) continue;  // isolated: undefined (networkx: nan)
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      mark[tgt[a]] = std::uint32_t(v + 1);
      p[tgt[a]] = (weighted ? wts[a] : 1.0) / s.total[v];
    }
    if (!weighted) {
      // Borgatti's shortcut, as networkx uses for undirected unweighted graphs: n - 2t/n with t
      // the ties among the n neighbours.
      std::size_t ties = 0;
      for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
        const std::size_t j = tgt[a];
        for (std::size_t b = off[j]; b < off[j + 1]; ++b)
          if (tgt[b] > j && mark[tgt[b]] == v + 1) ++ties;
      }
      result[v] = double(d) - double(2 * ties) / double(d);
      continue;
    }
    // Burt's redundancy of each contact u: sum over v's other contacts k of p_vk m_uk, with
    // m_uk = w_uk / max strength of u.
    double size = 0;
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const std::size_t u = tgt[a];
      double redundancy = 0;
      for (std::size_t b = off[u]; b < off[u + 1]; ++b)
        if (mark[tgt[b]] == v + 1 && s.largest[u] != 0) redundancy += p[tgt[b]] * (wts[b] / s.largest[u]);
      size += 1 - redundancy;
    }
    result[v] = size;
  }
  return result;
}

}  // namespace wijknet
