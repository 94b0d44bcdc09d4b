#include "core/graph/reach.hpp"

#include <algorithm>
#include <limits>

namespace wijknet {

namespace {
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

bool is_removed(std::span<const std::uint8_t> removed, std::size_t v) { return !removed.empty() && removed[v]; }
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
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  std::vector<Network::Vertex> queue;
  queue.reserve(n);
  std::vector<std::size_t> sizes;
  for (std::size_t s = 0; s < n; ++s) {
    if (is_removed(removed, s) || r.component[s] != none) continue;
    const auto label = std::uint32_t(sizes.size());
    queue.clear();
    queue.push_back(Network::Vertex(s));
    r.component[s] = label;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const auto v = queue[head];
      for (std::size_t a = off[v]; a < off[v + 1]; ++a) {
        const auto w = tgt[a];
        if (r.component[w] != none || is_removed(removed, w)) continue;
        r.component[w] = label;
        queue.push_back(w);
      }
    }
    sizes.push_back(queue.size());
  }
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

std::vector<std::uint64_t> pairs_lost_by_removal(const Network& net) {
  const std::size_t n = net.vertex_count();
  std::vector<std::uint64_t> lost(n, 0);
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  std::vector<std::uint32_t> disc(n, none), low(n, 0), parent(n, none), sub(n, 1);
  std::vector<std::size_t> next_arc(n, 0);
  // Per vertex: the sum of sizes of its separated child subtrees and the sum of their pairs.
  std::vector<std::uint64_t> cut_size(n, 0), cut_pairs(n, 0);
  std::vector<Network::Vertex> stack, members;
  std::uint32_t time = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (disc[root] != none) continue;
    members.clear();
    disc[root] = low[root] = time++;
    next_arc[root] = off[root];
    stack.push_back(Network::Vertex(root));
    members.push_back(Network::Vertex(root));
    while (!stack.empty()) {
      const auto v = stack.back();
      if (next_arc[v] < off[v + 1]) {
        const auto w = tgt[next_arc[v]++];
        if (disc[w] == none) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next_arc[w] = off[w];
          stack.push_back(w);
          members.push_back(w);
        } else if (w != parent[v]) {
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      stack.pop_back();
      if (stack.empty()) break;
      const auto u = parent[v];
      low[u] = std::min(low[u], low[v]);
      sub[u] += sub[v];
      // The root separates every child subtree; another vertex those with low >= its disc.
      if (low[v] >= disc[u]) {
        cut_size[u] += sub[v];
        cut_pairs[u] += pairs_of(sub[v]);
      }
    }
    const std::uint64_t c = members.size();
    for (auto v : members) {
      if (cut_size[v] == 0) continue;
      const std::uint64_t rest = c - 1 - cut_size[v];
      lost[v] = pairs_of(c - 1) - cut_pairs[v] - pairs_of(rest);
    }
  }
  return lost;
}

}  // namespace wijknet
