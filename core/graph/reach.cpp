#include "core/graph/reach.hpp"

#include <algorithm>
#include <limits>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace wijknet {

namespace {
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

bool is_removed(std::span<const std::uint8_t> removed, std::size_t v) { return !removed.empty() && removed[v]; }

// The vertices a filtered view keeps.
struct Kept {
  std::span<const std::uint8_t> removed;
  bool operator()(Network::Vertex v) const { return !is_removed(removed, v); }
};
}  // namespace

DistanceSum distance_sum_from(const Network& net, Network::Vertex s, std::span<const std::uint8_t> removed,
                              std::vector<std::int32_t>& dist, std::vector<Network::Vertex>& queue) {
  DistanceSum out;
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  queue.clear();
  queue.push_back(s);
  dist[s] = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto v = queue[head];
    for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
      const auto w = tgt[a];
      if (dist[w] >= 0 || is_removed(removed, w)) continue;
      dist[w] = dist[v] + 1;
      out.sum += std::uint64_t(dist[w]);
      ++out.reached;
      queue.push_back(w);
    }
  }
  for (auto v : queue) dist[v] = -1;
  return out;
}

Reach reach(const Network& net, std::span<const std::uint8_t> removed, std::size_t exact_limit, std::size_t samples) {
  const std::size_t n = net.vertex_count();
  Reach r;
  r.component.assign(n, none);
  // Boost.Graph's connected_components on the network without the removed vertices; numbered
  // by each component's smallest vertex, as the search starts from vertices in order.
  const boost::filtered_graph<Network, boost::keep_all, Kept> without(net, boost::keep_all(), Kept{removed});
  const std::size_t parts =
      n == 0 ? 0
             : boost::connected_components(
                   without, boost::make_iterator_property_map(r.component.begin(), get(boost::vertex_index, net)));
  std::vector<std::size_t> sizes(parts, 0);
  for (auto c : r.component)
    if (c != none) ++sizes[c];
  std::vector<Network::Vertex> queue;
  queue.reserve(n);
  r.components = sizes.size();
  for (auto s : sizes) {
    r.vertices += s;
    r.connected_pairs += pairs_of(s);
    r.largest = std::max(r.largest, s);
  }
  r.pairs = pairs_of(r.vertices);
  if (r.connected_pairs == 0) return r;
  if (r.vertices > exact_limit && samples == 0) return r;  // components only

  // Sources: every counted vertex, or an evenly spaced sample of them.
  std::vector<Network::Vertex> sources;
  sources.reserve(std::min(r.vertices, std::max<std::size_t>(samples, 1)));
  if (r.vertices <= exact_limit) {
    for (std::size_t v = 0; v < n; ++v)
      if (!is_removed(removed, v)) sources.push_back(Network::Vertex(v));
  } else {
    r.sampled = true;
    std::vector<Network::Vertex> counted;
    counted.reserve(r.vertices);
    for (std::size_t v = 0; v < n; ++v)
      if (!is_removed(removed, v)) counted.push_back(Network::Vertex(v));
    const std::size_t k = std::max<std::size_t>(samples, 1);
    for (std::size_t i = 0; i < k; ++i) sources.push_back(counted[i * counted.size() / k]);
  }
  std::vector<std::int32_t> dist(n, -1);
  std::uint64_t sum = 0, count = 0;
  for (auto s : sources) {
    const auto d = distance_sum_from(net, s, removed, dist, queue);
    sum += d.sum;
    count += d.reached;
  }
  if (count > 0) r.average_distance = double(sum) / double(count);
  return r;
}

namespace {

// Along Boost.Graph's biconnected-components search: per vertex the size of its DFS subtree, and
// per vertex the sizes (and pairs) of the child subtrees it separates, which are those whose
// lowpoint does not reach above it (low(w) >= disc(v); for the root every child). When a root
// finishes, its component is complete and every member's loss is known.
struct SeparationCounter : boost::dfs_visitor<> {
  struct State {
    std::vector<std::size_t> disc, low;
    std::vector<Network::Vertex> parent;
    std::vector<std::uint64_t> sub, cut_size, cut_pairs;
    std::vector<Network::Vertex> members;  // of the tree being searched
    std::vector<std::uint64_t>* lost;
  };
  State* state;

  void discover_vertex(Network::Vertex v, const Network&) const { state->members.push_back(v); }
  void finish_vertex(Network::Vertex v, const Network&) const {
    State& s = *state;
    const Network::Vertex u = s.parent[v];
    if (u != v) {
      s.sub[u] += s.sub[v];
      if (s.low[v] >= s.disc[u]) {
        s.cut_size[u] += s.sub[v];
        s.cut_pairs[u] += pairs_of(s.sub[v]);
      }
      return;
    }
    const std::uint64_t c = s.members.size();
    for (auto w : s.members) {
      if (s.cut_size[w] == 0) continue;
      const std::uint64_t rest = c - 1 - s.cut_size[w];
      (*s.lost)[w] = pairs_of(c - 1) - s.cut_pairs[w] - pairs_of(rest);
    }
    s.members.clear();
  }
};

}  // namespace

std::vector<std::uint64_t> pairs_lost_by_removal(const Network& net) {
  const std::size_t n = net.vertex_count();
  std::vector<std::uint64_t> lost(n, 0);
  if (n == 0) return lost;
  SeparationCounter::State state{std::vector<std::size_t>(n, 0), std::vector<std::size_t>(n, 0),
                                 std::vector<Network::Vertex>(n, 0), std::vector<std::uint64_t>(n, 1),
                                 std::vector<std::uint64_t>(n, 0), std::vector<std::uint64_t>(n, 0), {}, &lost};
  const auto index = get(boost::vertex_index, net);
  // The blocks and the cut vertices themselves are not needed here: only the lowpoints.
  boost::biconnected_components(net, boost::dummy_property_map(), boost::make_function_output_iterator([](Network::Vertex) {}),
                                boost::discover_time_map(boost::make_iterator_property_map(state.disc.begin(), index))
                                    .lowpoint_map(boost::make_iterator_property_map(state.low.begin(), index))
                                    .predecessor_map(boost::make_iterator_property_map(state.parent.begin(), index))
                                    .visitor(SeparationCounter{{}, &state}));
  return lost;
}

}  // namespace wijknet
