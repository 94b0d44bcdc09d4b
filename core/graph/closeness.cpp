#include "core/graph/closeness.hpp"

#include <bit>
#include <cstdint>

#include "core/graph/shortest_paths.hpp"

namespace wijknet {
namespace {

// Unweighted closeness by bit-parallel multi-source breadth-first search: 64 sources share one
// traversal, bit i of a vertex's word standing for source i (the "more the merrier" idea of
// Then et al., VLDB 2014, for hop distances). Level by level, a vertex's new bits are the OR of
// its neighbours' frontier words minus what it has already seen; each new bit adds the level to
// that source's distance total and one to its reached count. Integer totals: the values are the
// same doubles the one-source search gives.
void closeness_batch(const Network& net, std::size_t first, std::vector<double>& closeness,
                     std::vector<std::uint64_t>& seen, std::vector<std::uint64_t>& frontier,
                     std::vector<std::uint64_t>& next) {
  const std::size_t n = net.vertex_count();
  const auto* off = net.offsets().data();
  const auto* tgt = net.targets().data();
  const std::size_t width = std::min<std::size_t>(64, n - first);
  const std::uint64_t all = width == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << width) - 1;
  std::fill(seen.begin(), seen.end(), 0);
  std::fill(frontier.begin(), frontier.end(), 0);
  for (std::size_t i = 0; i < width; ++i) seen[first + i] = frontier[first + i] = std::uint64_t(1) << i;
  std::uint64_t total[64] = {}, reached[64] = {};
  for (std::uint64_t level = 1;; ++level) {
    bool any = false;
    for (std::size_t v = 0; v < n; ++v) {
      std::uint64_t fresh = 0;
      if (seen[v] != all) {
        std::uint64_t reach = 0;
        for (std::size_t a = off[v], last = off[v + 1]; a < last; ++a) reach |= frontier[tgt[a]];
        fresh = reach & ~seen[v];
      }
      next[v] = fresh;
      if (fresh) {
        any = true;
        for (std::uint64_t bits = fresh; bits; bits &= bits - 1) {
          const int i = std::countr_zero(bits);
          total[i] += level;
          reached[i] += 1;
        }
      }
    }
    if (!any) break;
    for (std::size_t v = 0; v < n; ++v) seen[v] |= next[v];
    frontier.swap(next);
  }
  const double others = double(n - 1);
  for (std::size_t i = 0; i < width; ++i) {
    // networkx's wf_improved: (r / D) * (r / (n - 1)), r reached, D their total distance.
    const double r = double(reached[i]), d = double(total[i]);
    closeness[first + i] = d > 0 ? (r / d) * (r / others) : 0.0;
  }
}

}  // namespace

std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads) {
  if (weighted) return detail::shortest_path_centralities(net, weighted, threads, false, true).closeness;
  const std::size_t n = net.vertex_count();
  std::vector<double> closeness(n, 0.0);
  if (n <= 1) return closeness;
  const std::size_t batches = (n + 63) / 64;
  // One batch per task; batches write disjoint slots, so the result does not depend on threads.
  const unsigned workers = detail::worker_count(batches * 64, threads);
  struct Space {
    std::vector<std::uint64_t> seen, frontier, next;
  };
  std::vector<Space> space(workers);
  for (auto& s : space) s.seen.resize(n), s.frontier.resize(n), s.next.resize(n);
  detail::parallel_over_sources(batches, workers, [&](unsigned t, Network::Vertex b) {
    closeness_batch(net, std::size_t(b) * 64, closeness, space[t].seen, space[t].frontier, space[t].next);
  });
  return closeness;
}

}  // namespace wijknet
