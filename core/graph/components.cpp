#include "core/graph/components.hpp"

#include <algorithm>
#include <limits>

namespace wijknet {

Components connected_components(const Network& net) {
  const std::size_t n = net.vertex_count();
  constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  Components result{std::vector<std::uint32_t>(n, none), 0};
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  std::vector<Network::Vertex> queue;
  queue.reserve(n);
  for (std::size_t s = 0; s < n; ++s) {
    if (result.component[s] != none) continue;
    const auto label = std::uint32_t(result.count++);
    queue.clear();
    queue.push_back(Network::Vertex(s));
    result.component[s] = label;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const Network::Vertex v = queue[head];
      for (std::size_t a = off[v]; a < off[v + 1]; ++a)
        if (result.component[tgt[a]] == none) {
          result.component[tgt[a]] = label;
          queue.push_back(tgt[a]);
        }
    }
  }
  return result;
}

CutStructure articulation_points_and_bridges(const Network& net) {
  const std::size_t n = net.vertex_count();
  CutStructure result{std::vector<bool>(n, false), {}};
  const auto& off = net.offsets();
  const auto& tgt = net.targets();
  constexpr std::uint32_t unvisited = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> disc(n, unvisited), low(n, 0), parent(n, unvisited);
  std::vector<std::size_t> next_arc(n, 0);  // the DFS's explicit stack frame: next arc to try
  std::vector<Network::Vertex> stack;
  std::uint32_t time = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (disc[root] != unvisited) continue;
    std::size_t root_children = 0;
    disc[root] = low[root] = time++;
    next_arc[root] = off[root];
    stack.push_back(Network::Vertex(root));
    while (!stack.empty()) {
      const Network::Vertex v = stack.back();
      if (next_arc[v] < off[v + 1]) {
        const Network::Vertex w = tgt[next_arc[v]++];
        if (disc[w] == unvisited) {  // tree arc: descend
          parent[w] = v;
          disc[w] = low[w] = time++;
          next_arc[w] = off[w];
          stack.push_back(w);
          if (v == root) ++root_children;
        } else if (w != parent[v]) {  // back arc (the graph is simple: one arc to the parent)
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      // v is finished: report to its parent.
      stack.pop_back();
      if (stack.empty()) break;
      const Network::Vertex u = parent[v];
      low[u] = std::min(low[u], low[v]);
      if (low[v] > disc[u]) result.bridges.emplace_back(std::min(u, v), std::max(u, v));
      if (u != root && low[v] >= disc[u]) result.articulation[u] = true;
    }
    if (root_children > 1) result.articulation[root] = true;
  }
  std::sort(result.bridges.begin(), result.bridges.end());
  return result;
}

}  // namespace wijknet
