#include "core/graph/network.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace wijknet {
namespace {
constexpr Network::Vertex absent = std::numeric_limits<Network::Vertex>::max();
}  // namespace

namespace {

// One row of a tie list bucketed by vertex: the other end and the weight.
struct RowArc {
  Network::Vertex to;
  bool counted;  // from a tie whose repeats count as parallel ties (Notes::merged_parallel)
  double weight;
};

// Buckets arcs by their row in O(n + arcs) (a counting sort), then sorts each row by the other
// end: rows are short, so this beats one comparison sort of every arc. `each(emit)` calls
// emit(row, to, weight, counted) for every arc; `rows` is the number of rows. Within a row, arcs to the
// same vertex keep the order they were emitted in (their weights add up in that order).
template <class Each>
void bucket_rows(std::size_t rows, Each&& each, std::vector<Network::EdgeIndex>& start, std::vector<RowArc>& arcs) {
  start.assign(rows + 1, 0);
  each([&](Network::Vertex row, Network::Vertex, double, bool) { ++start[row + 1]; });
  for (std::size_t r = 0; r < rows; ++r) start[r + 1] += start[r];
  arcs.resize(start[rows]);
  std::vector<Network::EdgeIndex> at(start.begin(), start.end() - 1);
  each([&](Network::Vertex row, Network::Vertex to, double w, bool counted) { arcs[at[row]++] = {to, counted, w}; });
  const auto by_end = [](const RowArc& x, const RowArc& y) { return x.to < y.to; };
  for (std::size_t r = 0; r < rows; ++r) {
    RowArc* const first = arcs.data() + start[r];
    RowArc* const last = arcs.data() + start[r + 1];
    if (last - first > 32) {
      std::stable_sort(first, last, by_end);
      continue;
    }
    for (RowArc* i = first + (first != last); i < last; ++i)  // insertion sort: short rows, stable
      for (RowArc* j = i; j > first && by_end(*j, *(j - 1)); --j) std::swap(*j, *(j - 1));
  }
}

}  // namespace

Network Network::from_ties(std::vector<std::size_t> node_index, std::vector<std::tuple<Vertex, Vertex, double>> ties,
                           Notes notes, std::size_t counted_ties) {
  // Every tie as two arcs, bucketed by row and sorted within it; parallel ties merge, their
  // weights added.
  Network net;
  const std::size_t n = node_index.size();
  for (const auto& [u, v, w] : ties) notes.self_loops += u == v;
  std::vector<EdgeIndex> start;
  std::vector<RowArc> arcs;
  bucket_rows(n, [&](auto&& emit) {
    for (std::size_t i = 0; i < ties.size(); ++i) {
      const auto [u, v, w] = ties[i];
      if (u != v) emit(u, v, w, i < counted_ties), emit(v, u, w, i < counted_ties);
    }
  }, start, arcs);
  ties = {};  // no longer needed: free it before the rows are built
  net.offsets_.assign(n + 1, 0);
  net.targets_.reserve(arcs.size());
  net.weights_.reserve(arcs.size());
  // The tie numbers come with the rows: in row order from the smaller end; the larger end finds
  // its arc in the smaller end's row, whose arcs to larger vertices it meets in increasing order
  // (rows are visited in increasing order), so a cursor per vertex replaces a search.
  net.tie_of_arc_.reserve(arcs.size());
  std::vector<EdgeIndex> cursor(n, 0);
  EdgeIndex ties_so_far = 0;
  for (std::size_t u = 0; u < n; ++u) {
    bool seen_counted = false;
    for (std::size_t a = start[u]; a < start[u + 1]; ++a) {
      const Vertex v = arcs[a].to;
      if (a > start[u] && v == arcs[a - 1].to) {
        net.weights_.back() += arcs[a].weight;  // a parallel tie: the arc (u, v) was just added
        // Counted once, from the smaller end: a repeat of a pair among the counted ties.
        if (v > u && arcs[a].counted) notes.merged_parallel += seen_counted, seen_counted = true;
        continue;
      }
      seen_counted = arcs[a].counted;
      net.targets_.push_back(v);
      net.weights_.push_back(arcs[a].weight);
      if (v > u) {
        net.tie_of_arc_.push_back(ties_so_far++);
        if (cursor[u] == 0) cursor[u] = EdgeIndex(net.targets_.size());  // one past u's first arc up
      } else {
        // v's next arc to a larger vertex is the one to u.
        EdgeIndex& c = cursor[v];
        const EdgeIndex back = c - 1;
        ++c;
        net.tie_of_arc_.push_back(net.tie_of_arc_[back]);
      }
    }
    net.offsets_[u + 1] = EdgeIndex(net.targets_.size());
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
  return from_ties(std::move(node_index), std::move(ties), Notes{});
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
