#include "core/graph/betweenness.hpp"

#include <cmath>
#include <optional>

#include "core/graph/components.hpp"
#include "core/graph/shortest_paths.hpp"
#include "core/graph/closeness.hpp"

namespace wijknet {

namespace {

// The exact degree-1 reduction of Baglioni, Geraci, Pellegrini and Lastres ("Fast exact
// computation of betweenness centrality in social networks", ASONAM 2012). A vertex of degree 1
// is reached only through its one neighbour, so it is peeled off, again and again, until none is
// left; each vertex keeps count of the vertices it stands for (reach: itself and the trees
// peeled into it). Every shortest path between a peeled vertex and the rest of its component
// runs through the tree to the vertex it was peeled into, so the pairs with an end inside a tree
// are counted here at once, in integers:
//   peeling u (reach r_u) into p: every pair between u's tree minus u and the rest of the
//   component, N - r_u vertices, runs through u: 2 (r_u - 1)(N - r_u) ordered pairs; every pair
//   between u's tree and what p already stands for minus p runs through p: 2 r_u (r_p - 1);
//   a vertex v left at the end: 2 (r_v - 1)(N - r_v), its own trees against the rest.
// The pairs between vertices left are Brandes on the reduced network with each vertex weighing
// reach targets and reach sources (PathSearchOptions::reach). Unweighted only: weighted path
// lengths are float sums, and a sum started at a peeled vertex rounds differently from one
// started at the vertex it hangs from, so which paths tie (as networkx compares them) would
// change; measured on a ladder with strengths 1..4, values moved by 5e-6.
struct PendantTrees {
  std::vector<double> raw;  // per vertex: the ordered pairs through it counted here
  std::vector<Network::Vertex> kept;
  std::vector<double> reach;  // per kept vertex
  std::size_t peeled = 0;
};

PendantTrees peel_pendant_trees(const Network& net) {
  using Vertex = Network::Vertex;
  const std::size_t n = net.vertex_count();
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  std::vector<std::uint32_t> degree(n, 0);
  for (std::size_t v = 0; v < n; ++v) degree[v] = off[v + 1] - off[v];
  // Components: N above.
  constexpr auto none = std::uint32_t(-1);
  std::vector<std::uint32_t> component(n, none);
  std::vector<double> component_size;
  std::vector<Vertex> stack;
  for (std::size_t root = 0; root < n; ++root) {
    if (component[root] != none) continue;
    const auto c = std::uint32_t(component_size.size());
    component[root] = c;
    stack.assign(1, Vertex(root));
    double size = 0;
    while (!stack.empty()) {
      const Vertex v = stack.back();
      stack.pop_back();
      size += 1;
      for (std::size_t a = off[v]; a < off[v + 1]; ++a)
        if (component[tgt[a]] == none) {
          component[tgt[a]] = c;
          stack.push_back(tgt[a]);
        }
    }
    component_size.push_back(size);
  }

  PendantTrees out;
  out.raw.assign(n, 0.0);
  std::vector<double> reach(n, 1.0);
  std::vector<char> peeled(n, 0);
  stack.clear();
  for (std::size_t v = 0; v < n; ++v)
    if (degree[v] == 1) stack.push_back(Vertex(v));
  while (!stack.empty()) {
    const Vertex u = stack.back();
    stack.pop_back();
    if (peeled[u] || degree[u] != 1) continue;  // its neighbour was peeled into it meanwhile
    Vertex p = u;
    for (std::size_t a = off[u]; a < off[u + 1]; ++a)
      if (!peeled[tgt[a]]) p = tgt[a];
    const double size = component_size[component[u]];
    out.raw[u] += 2 * (reach[u] - 1) * (size - reach[u]);
    out.raw[p] += 2 * reach[u] * (reach[p] - 1);
    reach[p] += reach[u];
    peeled[u] = 1;
    degree[u] = 0;
    ++out.peeled;
    if (--degree[p] == 1) stack.push_back(p);
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (peeled[v]) continue;
    out.raw[v] += 2 * (reach[v] - 1) * (component_size[component[v]] - reach[v]);
    out.kept.push_back(Vertex(v));
    out.reach.push_back(reach[v]);
  }
  return out;
}

// Unweighted betweenness through the degree-1 reduction; nullopt when no vertex has degree 1.
std::optional<std::vector<double>> betweenness_of_reduced(const Network& net, unsigned threads,
                                                          const Progress& progress) {
  const std::size_t n = net.vertex_count();
  if (n <= 2) return std::nullopt;
  PendantTrees trees = peel_pendant_trees(net);
  if (trees.peeled == 0) return std::nullopt;
  std::vector<Network::Vertex> index(n, Network::Vertex(-1));
  for (std::size_t i = 0; i < trees.kept.size(); ++i) index[trees.kept[i]] = Network::Vertex(i);
  std::vector<std::pair<Network::Vertex, Network::Vertex>> edges;
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  for (auto v : trees.kept)
    for (std::size_t a = off[v]; a < off[v + 1]; ++a)
      if (tgt[a] > v && index[tgt[a]] != Network::Vertex(-1)) edges.emplace_back(index[v], index[tgt[a]]);
  const Network reduced = Network::from_edges(trees.kept.size(), edges);
  detail::PathSearchOptions options;
  options.reach = &trees.reach;
  options.raw = true;
  const auto inner = detail::shortest_path_centralities(reduced, false, threads, true, false, progress, options);
  std::vector<double> result = std::move(trees.raw);
  if (!inner.betweenness.empty())
    for (std::size_t i = 0; i < trees.kept.size(); ++i) result[trees.kept[i]] += inner.betweenness[i];
  const double scale = 1.0 / (double(n - 1) * double(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

}  // namespace

std::vector<double> betweenness_centrality(const Network& net, bool weighted, unsigned threads,
                                           const Progress& progress) {
  if (!weighted)
    if (auto reduced = betweenness_of_reduced(net, threads, progress)) return std::move(*reduced);
  return detail::shortest_path_centralities(net, weighted, threads, true, false, progress).betweenness;
}

PathCentralities path_centralities(const Network& net, bool weighted, unsigned threads, const Progress& progress) {
  // Unweighted closeness has a faster search of its own (closeness.cpp), so a network that the
  // degree-1 reduction shrinks takes the two apart; weighted, one Dijkstra search per source
  // serves both.
  if (!weighted)
    if (auto reduced = betweenness_of_reduced(net, threads, progress))
      return PathCentralities{std::move(*reduced), closeness_centrality(net, false, threads)};
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
