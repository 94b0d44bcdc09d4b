#include "core/graph/betweenness.hpp"

#include <cmath>

#include "core/graph/components.hpp"
#include "core/graph/shortest_paths.hpp"

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

// One uniformly random shortest s-t path by balanced bidirectional breadth-first search (as
// KADABRA samples, Borassi and Natale 2016): the side whose frontier has fewer arcs grows one
// level at a time; the first level whose arcs reach the other side's searched region closes the
// search. Each shortest path crosses from the growing side's frontier exactly once, by an arc
// (v, w) with sigma_X[v] * sigma_Y[w] paths through it, so an arc drawn with that weight and a
// walk back on each side (predecessor u with probability sigma[u] / sigma[v]) draws a path
// uniformly. Visits about the square root of what a full search visits on small-world networks.
class PathSampler {
 public:
  using Vertex = Network::Vertex;
  explicit PathSampler(const Network& net)
      : off_(net.offsets().data()), tgt_(net.targets().data()) {
    for (auto* side : {&side_[0], &side_[1]}) {
      side->stamp.assign(net.vertex_count(), 0);
      side->dist.assign(net.vertex_count(), 0);
      side->sigma.assign(net.vertex_count(), 0.0);
    }
  }

  template <class Uniform>
  void sample(Vertex s, Vertex t, Uniform&& uniform, std::vector<std::uint32_t>& count) {
    ++epoch_;
    Side* sides[2] = {&side_[0], &side_[1]};
    start(*sides[0], s);
    start(*sides[1], t);
    for (;;) {
      const int x = arcs(*sides[0]) <= arcs(*sides[1]) ? 0 : 1;
      Side& grow = *sides[x];
      const Side& other = *sides[1 - x];
      if (grow.frontier.empty()) return;  // t is not reachable from s
      cross_.clear();
      grow.next.clear();
      std::uint32_t best = std::uint32_t(-1);
      for (Vertex v : grow.frontier) {
        for (std::size_t a = off_[v], last = off_[v + 1]; a < last; ++a) {
          const Vertex w = tgt_[a];
          if (other.stamp[w] == epoch_) {
            const std::uint32_t length = grow.dist[v] + 1 + other.dist[w];
            if (length < best) best = length, cross_.clear();
            if (length == best) cross_.push_back({v, w});
          }
          if (grow.stamp[w] != epoch_) {
            grow.stamp[w] = epoch_;
            grow.dist[w] = grow.dist[v] + 1;
            grow.sigma[w] = grow.sigma[v];
            grow.next.push_back(w);
          } else if (grow.dist[w] == grow.dist[v] + 1) {
            grow.sigma[w] += grow.sigma[v];
          }
        }
      }
      if (!cross_.empty()) {
        double total = 0;
        for (auto [v, w] : cross_) total += grow.sigma[v] * other.sigma[w];
        double pick = uniform() * total;
        auto chosen = cross_.back();
        for (auto vw : cross_) {
          pick -= grow.sigma[vw.first] * other.sigma[vw.second];
          if (pick < 0) {
            chosen = vw;
            break;
          }
        }
        walk_back(grow, chosen.first, uniform, count);
        walk_back(other, chosen.second, uniform, count);
        return;
      }
      grow.frontier.swap(grow.next);
    }
  }

 private:
  struct Side {
    std::vector<std::uint32_t> stamp, dist;
    std::vector<double> sigma;
    std::vector<Vertex> frontier, next;
  };

  void start(Side& side, Vertex root) {
    side.stamp[root] = epoch_;
    side.dist[root] = 0;
    side.sigma[root] = 1;
    side.frontier.assign(1, root);
  }
  std::size_t arcs(const Side& side) const {
    std::size_t total = 0;
    for (Vertex v : side.frontier) total += off_[v + 1] - off_[v];
    return total;
  }
  // Counts v and the vertices on a random shortest path from v back to the side's root, the
  // root excluded.
  template <class Uniform>
  void walk_back(const Side& side, Vertex v, Uniform&& uniform, std::vector<std::uint32_t>& count) const {
    while (side.dist[v] > 0) {
      ++count[v];
      double pick = uniform() * side.sigma[v];
      Vertex chosen = v;
      for (std::size_t a = off_[v], last = off_[v + 1]; a < last; ++a) {
        const Vertex u = tgt_[a];
        if (side.stamp[u] != epoch_ || side.dist[u] + 1 != side.dist[v]) continue;
        chosen = u;  // the last predecessor takes what rounding leaves over
        pick -= side.sigma[u];
        if (pick < 0) break;
      }
      v = chosen;
    }
  }

  const Network::EdgeIndex* off_;
  const Vertex* tgt_;
  Side side_[2];
  std::vector<std::pair<Vertex, Vertex>> cross_;
  std::uint32_t epoch_ = 0;
};

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
  std::vector<detail::SourceSearch> searches;  // weighted: a full Dijkstra search a sample
  std::vector<PathSampler> samplers;            // unweighted: bidirectional search
  std::vector<std::vector<std::uint32_t>> count(workers, std::vector<std::uint32_t>(n, 0));
  searches.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) {
    if (weighted)
      searches.emplace_back(net, &length);
    else
      samplers.emplace_back(net);
  }
  detail::parallel_over_sources(
      out.samples, workers,
      [&](unsigned t, Network::Vertex i) {
        std::uint64_t state = splitmix64(seed ^ splitmix64(i));
        auto next = [&] { return state = splitmix64(state); };
        auto uniform = [&] { return double(next() >> 11) * 0x1.0p-53; };
        const auto s = Network::Vertex(next() % n);
        auto t_ = Network::Vertex(next() % (n - 1));
        if (t_ >= s) ++t_;
        if (weighted) {
          searches[t].run(s);
          searches[t].sample_path(s, t_, uniform, count[t]);
        } else {
          samplers[t].sample(s, t_, uniform, count[t]);
        }
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
