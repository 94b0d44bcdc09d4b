#include "core/metrics/betweenness.hpp"

#include <cmath>

#include "core/metrics/components.hpp"
#include "core/metrics/shortest_paths.hpp"

namespace wijknet {

std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads,
                                           const Progress& progress) {
  return detail::shortest_path_centralities(net, weighted, threads, true, false, progress).betweenness;
}

PathCentralities path_centralities(const Network& net, bool weighted, unsigned threads, const Progress& progress) {
  return detail::shortest_path_centralities(net, weighted, threads, true, true, progress);
}

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// An upper bound of the vertex diameter (vertices on the longest shortest path).
std::size_t vertex_diameter_bound(const Network& net, bool weighted) {
  const Components parts = connected_components(net);
  std::vector<std::size_t> size(parts.count, 0);
  std::vector<Network::Vertex> first(parts.count, Network::Vertex(-1));
  for (std::size_t v = 0; v < parts.component.size(); ++v) {
    ++size[parts.component[v]];
    if (first[parts.component[v]] == Network::Vertex(-1)) first[parts.component[v]] = Network::Vertex(v);
  }
  std::size_t bound = 1;
  if (weighted) {
    for (auto s : size) bound = std::max(bound, s);
    return bound;
  }
  // Every shortest path has at most 2 * ecc(x) hops for any x in its component.
  std::vector<std::uint32_t> level(net.vertex_count(), std::uint32_t(-1));
  std::vector<Network::Vertex> queue;
  for (std::size_t c = 0; c < parts.count; ++c) {
    if (size[c] <= 2) {
      bound = std::max(bound, size[c]);
      continue;
    }
    queue.assign(1, first[c]);
    level[first[c]] = 0;
    std::uint32_t ecc = 0;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (auto w : net.neighbors(queue[i]))
        if (level[w] == std::uint32_t(-1)) {
          level[w] = level[queue[i]] + 1;
          ecc = std::max(ecc, level[w]);
          queue.push_back(w);
        }
    bound = std::max<std::size_t>(bound, std::min<std::size_t>(2 * std::size_t(ecc) + 1, size[c]));
  }
  return bound;
}

}  // namespace

ApproximateBetweenness approximate_betweenness(const Network& net, bool weighted, double epsilon, double delta,
                                               std::uint64_t seed, unsigned threads, const Progress& progress) {
  const std::size_t n = net.vertex_count();
  ApproximateBetweenness out;
  out.betweenness.assign(n, 0.0);
  out.epsilon = epsilon;
  out.delta = delta;
  if (n <= 2) return out;
  out.vertex_diameter = vertex_diameter_bound(net, weighted);
  if (out.vertex_diameter <= 2) return out;  // no shortest path has an inner vertex
  const double e = epsilon * double(n - 2) / double(n);
  const double vd_term = std::floor(std::log2(double(out.vertex_diameter - 2))) + 1.0;
  out.samples = std::size_t(std::ceil(0.5 / (e * e) * (vd_term + std::log(1.0 / delta))));

  std::vector<double> length;
  if (weighted) length = detail::SourceSearch::arc_lengths(net);
  const unsigned workers = detail::worker_count(out.samples, threads);
  std::vector<detail::SourceSearch> searches;
  std::vector<std::vector<std::uint32_t>> count(workers, std::vector<std::uint32_t>(n, 0));
  searches.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) searches.emplace_back(net, weighted ? &length : nullptr);
  detail::parallel_over_sources(
      out.samples, workers,
      [&](unsigned t, Network::Vertex i) {
        std::uint64_t state = splitmix64(seed ^ splitmix64(i));
        auto next = [&] { return state = splitmix64(state); };
        auto uniform = [&] { return double(next() >> 11) * 0x1.0p-53; };
        const auto s = Network::Vertex(next() % n);
        auto t_ = Network::Vertex(next() % (n - 1));
        if (t_ >= s) ++t_;
        searches[t].run(s);
        searches[t].sample_path(s, t_, uniform, count[t]);
      },
      progress);
  const double scale = double(n) / (double(n - 2) * double(out.samples));
  for (std::size_t v = 0; v < n; ++v) {
    std::uint64_t total = 0;
    for (unsigned t = 0; t < workers; ++t) total += count[t][v];
    out.betweenness[v] = double(total) * scale;
  }
  return out;
}

}  // namespace wijknet
