#include "core/graph/closeness.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <thread>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "core/graph/distances.hpp"
#include "core/graph/shortest_paths.hpp"

namespace wijknet {
namespace {

using Vertex = Network::Vertex;

// Runs body(worker, task) for tasks 0..tasks-1 on `workers` threads; worker t takes tasks t,
// t + W, t + 2W, ...: a fixed assignment, so per-worker sums added in worker order give the same
// result on every run. Worker 0 reports progress after each of its tasks.
template <class Body>
void over_tasks(std::size_t tasks, unsigned workers, Body&& body, const Progress& progress) {
  auto run = [&](unsigned t) {
    for (std::size_t i = t; i < tasks; i += workers) {
      body(t, i);
      if (t == 0 && progress) progress(double(i + 1) / double(tasks));
    }
  };
  if (workers <= 1) {
    run(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (unsigned t = 0; t < workers; ++t) pool.emplace_back(run, t);
    for (auto& th : pool) th.join();
  }
  if (progress) progress(1.0);
}

// Scratch of one bit-parallel search: a word per vertex for what it has seen, the current
// frontier and the next one.
struct BitSpace {
  std::vector<std::uint64_t> seen, frontier, next;
  explicit BitSpace(std::size_t n) : seen(n), frontier(n), next(n) {}
};

// Breadth-first search from up to 64 sources at once, bit i of a vertex's word standing for
// sources[i] (the "more the merrier" idea of Then et al., VLDB 2014, for hop distances). Level by
// level, a vertex's new bits are the OR of its neighbours' frontier words minus what it has
// already seen; each new bit adds the level to that source's distance total and one to its reached
// count, and, when `per_target` is given, the level to the vertex's own total (distances are
// symmetric). ecc[i]: the last level at which source i reached a vertex.
void bit_parallel_bfs(const Network& net, std::span<const Vertex> sources, BitSpace& space, std::uint64_t* total,
                      std::uint64_t* reached, std::uint32_t* ecc, std::uint64_t* per_target) {
  const std::size_t n = net.vertex_count();
  const auto* off = net.offsets().data();
  const auto* tgt = net.targets().data();
  const std::size_t width = sources.size();
  const std::uint64_t all = width == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << width) - 1;
  auto& seen = space.seen;
  auto& frontier = space.frontier;
  auto& next = space.next;
  std::fill(seen.begin(), seen.end(), 0);
  std::fill(frontier.begin(), frontier.end(), 0);
  for (std::size_t i = 0; i < width; ++i) {
    seen[sources[i]] |= std::uint64_t(1) << i;
    frontier[sources[i]] |= std::uint64_t(1) << i;
    total[i] = reached[i] = 0;
    ecc[i] = 0;
  }
  for (std::uint32_t level = 1;; ++level) {
    std::uint64_t any = 0;
    for (std::size_t v = 0; v < n; ++v) {
      std::uint64_t fresh = 0;
      if (seen[v] != all) {
        std::uint64_t reach = 0;
        for (std::size_t a = off[v], last = off[v + 1]; a < last; ++a) reach |= frontier[tgt[a]];
        fresh = reach & ~seen[v];
      }
      next[v] = fresh;
      if (fresh) {
        any |= fresh;
        if (per_target) per_target[v] += std::uint64_t(level) * std::uint64_t(std::popcount(fresh));
        for (std::uint64_t bits = fresh; bits; bits &= bits - 1) {
          const int i = std::countr_zero(bits);
          total[i] += level;
          reached[i] += 1;
        }
      }
    }
    if (!any) break;
    for (std::uint64_t bits = any; bits; bits &= bits - 1) ecc[std::countr_zero(bits)] = level;
    for (std::size_t v = 0; v < n; ++v) seen[v] |= next[v];
    frontier.swap(next);
  }
}

// The ties with a finite length in a weighted search.
struct PositiveStrength {
  const Network* net = nullptr;
  bool operator()(const Network::Edge& e) const { return get(boost::edge_weight, *net, e) > 0; }
};

}  // namespace

std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads,
                                         const Progress& progress) {
  if (weighted) return detail::shortest_path_centralities(net, weighted, threads, false, true, progress).closeness;
  const std::size_t n = net.vertex_count();
  std::vector<double> closeness(n, 0.0);
  if (n <= 1) return closeness;
  const std::size_t batches = (n + 63) / 64;
  // One batch per task; batches write disjoint slots, so the result does not depend on threads.
  const unsigned workers = detail::worker_count(batches * 64, threads);
  std::vector<BitSpace> space(workers, BitSpace(n));
  std::vector<Vertex> all(n);
  for (std::size_t v = 0; v < n; ++v) all[v] = Vertex(v);
  const double others = double(n - 1);
  over_tasks(batches, workers, [&](unsigned t, std::size_t b) {
    const std::size_t first = b * 64;
    const auto sources = std::span<const Vertex>(all).subspan(first, std::min<std::size_t>(64, n - first));
    std::uint64_t total[64], reached[64];
    std::uint32_t ecc[64];
    bit_parallel_bfs(net, sources, space[t], total, reached, ecc, nullptr);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      // networkx's wf_improved: (r / D) * (r / (n - 1)), r reached, D their total distance.
      const double r = double(reached[i]), d = double(total[i]);
      closeness[first + i] = d > 0 ? (r / d) * (r / others) : 0.0;
    }
  }, progress);
  return closeness;
}

std::size_t closeness_sources(std::size_t n, std::size_t c, double epsilon, double delta) {
  if (c <= 1) return c;
  const double correction = double(c) / double(c - 1);
  const double k = std::log(2.0 * double(n) / delta) / (2.0 * epsilon * epsilon) * correction * correction;
  return k >= double(c) ? c : std::size_t(std::ceil(k));
}

ApproximateCloseness approximate_closeness(const Network& net, bool weighted, double epsilon, double delta,
                                           std::uint64_t seed, unsigned threads, const Progress& progress) {
  const std::size_t n = net.vertex_count();
  ApproximateCloseness out;
  out.closeness.assign(n, 0.0);
  out.epsilon = epsilon;
  out.delta = delta;
  if (n <= 1) return out;

  // Components (weighted: of the ties with a finite length), by Boost.Graph.
  std::vector<std::uint32_t> component(n, 0);
  const auto index = get(boost::vertex_index, net);
  std::size_t count = 0;
  if (weighted) {
    const boost::filtered_graph<Network, PositiveStrength> finite(net, PositiveStrength{&net});
    count = boost::connected_components(finite, boost::make_iterator_property_map(component.begin(), index));
  } else {
    count = boost::connected_components(net, boost::make_iterator_property_map(component.begin(), index));
  }
  std::vector<std::vector<Vertex>> members(count);
  for (std::size_t v = 0; v < n; ++v) members[component[v]].push_back(Vertex(v));

  // Sources: all of a small component, a uniform sample without replacement of a large one.
  std::mt19937_64 random(seed);
  std::vector<Vertex> sources;
  std::vector<std::size_t> drawn(count, 0);  // sources of each component
  std::vector<bool> sampled(count, false);
  for (std::size_t c = 0; c < count; ++c) {
    auto& m = members[c];
    if (m.size() <= 1) continue;
    const std::size_t k = closeness_sources(n, m.size(), epsilon, delta);
    drawn[c] = k;
    if (k < m.size()) {
      sampled[c] = true;
      out.exact = false;
      std::vector<Vertex> pool = m;
      for (std::size_t i = 0; i < k; ++i) {  // a partial Fisher-Yates shuffle
        const std::size_t j = i + std::size_t(random() % (pool.size() - i));
        std::swap(pool[i], pool[j]);
        sources.push_back(pool[i]);
      }
    } else {
      sources.insert(sources.end(), m.begin(), m.end());
    }
  }
  out.samples = sources.size();
  if (sources.empty()) return out;

  // Per node, the sum of its distances to the sources of its component; per source its
  // eccentricity, for the diameter bound.
  std::vector<double> sum(n, 0.0), ecc(sources.size(), 0.0);
  if (!weighted) {
    const std::size_t batches = (sources.size() + 63) / 64;
    const unsigned workers = detail::worker_count(batches * 64, threads);
    std::vector<BitSpace> space(workers, BitSpace(n));
    std::vector<std::vector<std::uint64_t>> partial(workers, std::vector<std::uint64_t>(n, 0));
    over_tasks(batches, workers, [&](unsigned t, std::size_t b) {
      const std::size_t first = b * 64;
      const auto batch = std::span<const Vertex>(sources).subspan(first, std::min<std::size_t>(64, sources.size() - first));
      std::uint64_t total[64], reached[64];
      std::uint32_t e[64];
      bit_parallel_bfs(net, batch, space[t], total, reached, e, partial[t].data());
      for (std::size_t i = 0; i < batch.size(); ++i) ecc[first + i] = e[i];  // each batch its own slots
    }, progress);
    for (std::size_t v = 0; v < n; ++v) {
      std::uint64_t total = 0;
      for (const auto& p : partial) total += p[v];
      sum[v] = double(total);
    }
  } else {
    const unsigned workers = detail::worker_count(sources.size(), threads);
    std::vector<std::vector<double>> partial(workers, std::vector<double>(n, 0.0));
    over_tasks(sources.size(), workers, [&](unsigned t, std::size_t i) {
      const auto dist = shortest_path_lengths(net, sources[i], true);
      double far = 0;
      for (std::size_t v = 0; v < n; ++v)
        if (dist[v] < std::numeric_limits<double>::infinity()) {
          partial[t][v] += dist[v];
          far = std::max(far, dist[v]);
        }
      ecc[i] = far;
    }, progress);
    for (const auto& p : partial)
      for (std::size_t v = 0; v < n; ++v) sum[v] += p[v];
  }

  // Every shortest path of a component is at most twice any of its nodes' eccentricity long.
  std::vector<double> smallest_ecc(count, std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    auto& s = smallest_ecc[component[sources[i]]];
    s = std::min(s, ecc[i]);
  }
  for (std::size_t c = 0; c < count; ++c)
    if (sampled[c]) out.diameter_bound = std::max(out.diameter_bound, 2 * smallest_ecc[c]);

  // closeness = (c - 1) / ((n - 1) a), with a estimated as c * sum / (k (c - 1)).
  const double others = double(n - 1);
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t c = members[component[v]].size();
    if (c <= 1 || !(sum[v] > 0)) continue;
    const double mean = double(c) * sum[v] / (double(drawn[component[v]]) * double(c - 1));
    out.closeness[v] = (double(c - 1) / others) / mean;
  }
  return out;
}

}  // namespace wijknet
