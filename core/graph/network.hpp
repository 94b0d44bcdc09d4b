// The compact snapshot that every analysis runs on.
//
// A `Network` is what the algorithms need: vertices 0..n-1 and, per vertex, its sorted neighbours and tie strengths in
// Boost.Graph's compressed sparse row layout (one contiguous array of targets, one of weights).
// It is undirected and simple: direction is dropped, parallel ties are merged (strengths added)
// and self-loops are left out, the conventions of DOMAIN.md's "Analytics conventions". Building
// one is O(n + m log m); it is immutable afterwards, so algorithms may read it from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <tuple>

namespace wijknet {

class Network {
 public:
  using Vertex = std::uint32_t;
  using EdgeIndex = std::uint32_t;
  // Arcs in both directions for every undirected tie; targets sorted per vertex.
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                 boost::no_property, boost::no_property, Vertex, EdgeIndex>;

  // What building the snapshot did to the data, for the notes a command prints.
  struct Notes {
    std::size_t directed_edges = 0;    // treated as undirected
    std::size_t self_loops = 0;        // left out
    std::size_t merged_parallel = 0;   // ties merged into an existing pair
  };

  Network() = default;

  // A snapshot from ties over vertices 0..source_index.size()-1, where vertex v stands for item
  // source_index[v] of the caller's own list (a coalition's nodes: core/model/coalition_network.hpp).
  // Each tie becomes two arcs; self-loops are left out and counted in notes.self_loops; parallel
  // ties are merged (strengths added). O(n + m log m).
  static Network from_ties(std::vector<std::size_t> source_index, std::vector<std::tuple<Vertex, Vertex, double>> ties,
                           Notes notes);
  // Ties that repeat a pair already tied (in either direction); self-loops do not count. For
  // Notes::merged_parallel. O(m log m).
  static std::size_t count_parallel(const std::vector<std::tuple<Vertex, Vertex, double>>& ties);
  // A snapshot from a plain edge list over vertices 0..n-1 (benchmarks, tests). Weights default
  // to 1. The same merging rules apply.
  static Network from_edges(std::size_t n, std::span<const std::pair<Vertex, Vertex>> edges,
                            std::span<const double> weights = {});

  std::size_t vertex_count() const { return node_index_.size(); }
  std::size_t edge_count() const { return csr_.m_forward.m_column.size() / 2; }  // undirected ties
  std::size_t degree(Vertex v) const { return offsets()[v + 1] - offsets()[v]; }

  // Neighbours of v in ascending order, and the tie strengths in the same order.
  std::span<const Vertex> neighbors(Vertex v) const {
    return {targets().data() + offsets()[v], degree(v)};
  }
  std::span<const double> weights(Vertex v) const { return {weights_.data() + offsets()[v], degree(v)}; }
  // Strength of the tie u-v, 0 when there is none. O(log degree(u)).
  double weight(Vertex u, Vertex v) const;
  // Row offsets (n+1) and the flat target array (2m), for algorithms that walk the CSR directly.
  const std::vector<EdgeIndex>& offsets() const { return csr_.m_forward.m_rowstart; }
  const std::vector<Vertex>& targets() const { return csr_.m_forward.m_column; }
  const std::vector<double>& arc_weights() const { return weights_; }

  const Csr& csr() const { return csr_; }

  // The caller's index of vertex v (source_index[v] of from_ties; v itself for from_edges): for a
  // coalition's network, the index into Coalition::nodes.
  std::size_t node_index(Vertex v) const { return node_index_[v]; }
  // The vertex of a caller's item (a coalition node), or nullopt when the snapshot left it out.
  std::optional<Vertex> vertex_of(std::size_t node_index) const;

  const Notes& notes() const { return notes_; }

 private:
  Csr csr_;
  std::vector<double> weights_;
  std::vector<std::size_t> node_index_;
  std::vector<Vertex> vertex_of_;  // node index -> vertex, or UINT32_MAX
  Notes notes_;
};

}  // namespace wijknet
