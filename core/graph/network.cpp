#include "core/graph/network.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace wijknet {
namespace {
constexpr Network::Vertex absent = std::numeric_limits<Network::Vertex>::max();
}  // namespace

std::size_t Network::count_parallel(const std::vector<std::tuple<Vertex, Vertex, double>>& ties) {
  std::vector<std::pair<Network::Vertex, Network::Vertex>> pairs;
  pairs.reserve(ties.size());
  for (const auto& [u, v, w] : ties)
    if (u != v) pairs.emplace_back(std::min(u, v), std::max(u, v));
  std::sort(pairs.begin(), pairs.end());
  return pairs.size() - std::size_t(std::unique(pairs.begin(), pairs.end()) - pairs.begin());
}

Network Network::from_ties(std::vector<std::size_t> node_index, std::vector<std::tuple<Vertex, Vertex, double>> ties,
                           Notes notes) {
  // Every tie as two arcs, then sort and merge duplicates so each pair appears once.
  std::vector<std::tuple<Vertex, Vertex, double>> arcs;
  arcs.reserve(ties.size() * 2);
  for (auto [u, v, w] : ties) {
    if (u == v) {
      ++notes.self_loops;
      continue;
    }
    arcs.emplace_back(u, v, w);
    arcs.emplace_back(v, u, w);
  }
  std::sort(arcs.begin(), arcs.end(),
            [](const auto& a, const auto& b) { return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b)); });
  Network net;
  const std::size_t n = node_index.size();
  net.offsets_.assign(n + 1, 0);
  net.targets_.reserve(arcs.size());
  net.weights_.reserve(arcs.size());
  for (const auto& [u, v, w] : arcs) {
    if (!net.targets_.empty() && net.offsets_[u + 1] > 0 && net.targets_.back() == v) {
      net.weights_.back() += w;  // a parallel tie: the arc (u, v) was just added
      continue;
    }
    net.targets_.push_back(v);
    net.weights_.push_back(w);
    ++net.offsets_[u + 1];
  }
  for (std::size_t v = 0; v < n; ++v) net.offsets_[v + 1] += net.offsets_[v];
  // Tie numbers: in row order from the smaller end; the larger end finds its arc back in the
  // smaller end's row, which was numbered before it.
  net.tie_of_arc_.resize(net.targets_.size());
  EdgeIndex ties_so_far = 0;
  for (std::size_t u = 0; u < n; ++u)
    for (std::size_t a = net.offsets_[u]; a < net.offsets_[u + 1]; ++a) {
      const Vertex v = net.targets_[a];
      if (v > u) {
        net.tie_of_arc_[a] = ties_so_far++;
      } else {
        const auto row = net.neighbors(v);
        const auto back = std::size_t(std::lower_bound(row.begin(), row.end(), Vertex(u)) - row.begin());
        net.tie_of_arc_[a] = net.tie_of_arc_[net.offsets_[v] + back];
      }
    }
  std::size_t max_node = 0;
  for (auto i : node_index) max_node = std::max(max_node, i + 1);
  net.vertex_of_.assign(max_node, absent);
  for (std::size_t v = 0; v < node_index.size(); ++v) net.vertex_of_[node_index[v]] = Vertex(v);
  net.node_index_ = std::move(node_index);
  net.notes_ = notes;
  return net;
}

Network Network::from_edges(std::size_t n, std::span<const std::pair<Vertex, Vertex>> edges,
                            std::span<const double> weights) {
  std::vector<std::size_t> node_index(n);
  for (std::size_t i = 0; i < n; ++i) node_index[i] = i;
  std::vector<std::tuple<Vertex, Vertex, double>> ties;
  ties.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i)
    ties.emplace_back(edges[i].first, edges[i].second, weights.empty() ? 1.0 : weights[i]);
  Notes notes;
  notes.merged_parallel = count_parallel(ties);
  return from_ties(std::move(node_index), std::move(ties), notes);
}

double Network::weight(Vertex u, Vertex v) const {
  auto nb = neighbors(u);
  auto it = std::lower_bound(nb.begin(), nb.end(), v);
  if (it == nb.end() || *it != v) return 0.0;
  return weights_[offsets_[u] + std::size_t(it - nb.begin())];
}

std::optional<Network::Vertex> Network::vertex_of(std::size_t node_index) const {
  if (node_index >= vertex_of_.size() || vertex_of_[node_index] == absent) return std::nullopt;
  return vertex_of_[node_index];
}

}  // namespace wijknet
