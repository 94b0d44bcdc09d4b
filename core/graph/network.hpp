// The compact snapshot that every analysis runs on.
//
// A `Network` is what the algorithms need: vertices 0..n-1 and, per vertex, its sorted
// neighbours and tie strengths in compressed sparse row layout (one contiguous array of targets,
// one of weights, one of row offsets), with no coalition words: a coalition's network is built in
// core/model/coalition_network.hpp. It is undirected and simple: direction is dropped, parallel
// ties are merged (strengths added) and self-loops are left out, the conventions of DOMAIN.md's
// "Analytics conventions". Building one is O(n + m log m); it is immutable afterwards, so
// algorithms may read it from many threads.
//
// A Network is a Boost.Graph graph through BGL's documented interface (the graph_traits and free
// functions at the end of this header): an undirected, simple model of VertexListGraph,
// IncidenceGraph, AdjacencyGraph and EdgeListGraph with the property maps vertex_index (the vertex
// itself), edge_index (the tie, 0..m-1, the same from both ends) and edge_weight (the strength), so
// BGL's algorithms run on it as they are (core/graph/components.cpp, kcore.cpp, distances.cpp).
// The hot kernels (betweenness, closeness, PageRank, communities) walk the raw rows: offsets(),
// targets(), arc_weights().
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <tuple>

namespace wijknet {

class Network {
 public:
  using Vertex = std::uint32_t;
  using EdgeIndex = std::uint32_t;

  // A tie seen from one of its ends: BGL's edge descriptor. `arc` is its position in targets()
  // and arc_weights() (every tie is stored as two arcs, one a direction). The two ends of one tie
  // compare equal, as an undirected graph's edges do.
  struct Edge {
    Vertex source = 0, target = 0;
    EdgeIndex arc = 0;
    friend bool operator==(const Edge& a, const Edge& b) {
      return (a.source == b.source && a.target == b.target) || (a.source == b.target && a.target == b.source);
    }
  };

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
  // ties are merged (strengths added), and a tie among the first `counted_ties` that repeats a
  // pair already tied among them (in either direction) adds one to notes.merged_parallel (ties
  // after them add up by design, as shared projects do). O(n + m), rows sorted by insertion
  // (O(m log m) at worst for a row longer than 32).
  static Network from_ties(std::vector<std::size_t> source_index, std::vector<std::tuple<Vertex, Vertex, double>> ties,
                           Notes notes, std::size_t counted_ties = std::numeric_limits<std::size_t>::max());
  // A snapshot from a plain edge list over vertices 0..n-1 (benchmarks, tests). Weights default
  // to 1. The same merging rules apply.
  static Network from_edges(std::size_t n, std::span<const std::pair<Vertex, Vertex>> edges,
                            std::span<const double> weights = {});

  std::size_t vertex_count() const { return node_index_.size(); }
  std::size_t edge_count() const { return targets_.size() / 2; }  // undirected ties
  std::size_t degree(Vertex v) const { return offsets()[v + 1] - offsets()[v]; }

  // Neighbours of v in ascending order, and the tie strengths in the same order.
  std::span<const Vertex> neighbors(Vertex v) const {
    return {targets().data() + offsets()[v], degree(v)};
  }
  std::span<const double> weights(Vertex v) const { return {weights_.data() + offsets()[v], degree(v)}; }
  // Strength of the tie u-v, 0 when there is none. O(log degree(u)).
  double weight(Vertex u, Vertex v) const;
  // Row offsets (n+1) and the flat target array (2m), for algorithms that walk the CSR directly.
  const std::vector<EdgeIndex>& offsets() const { return offsets_; }
  const std::vector<Vertex>& targets() const { return targets_; }
  const std::vector<double>& arc_weights() const { return weights_; }
  // Per arc: the tie it belongs to, 0..edge_count()-1 (BGL's edge_index). Ties are numbered in
  // the order of their (smaller end, larger end) pairs.
  const std::vector<EdgeIndex>& arc_ties() const { return tie_of_arc_; }

  // The caller's index of vertex v (source_index[v] of from_ties; v itself for from_edges): for a
  // coalition's network, the index into Coalition::nodes.
  std::size_t node_index(Vertex v) const { return node_index_[v]; }
  // The vertex of a caller's item (a coalition node), or nullopt when the snapshot left it out.
  std::optional<Vertex> vertex_of(std::size_t node_index) const;

  const Notes& notes() const { return notes_; }

 private:
  std::vector<EdgeIndex> offsets_{0};  // n + 1 row starts
  std::vector<Vertex> targets_;     // 2m arcs, sorted per row
  std::vector<double> weights_;     // per arc
  std::vector<EdgeIndex> tie_of_arc_;
  std::vector<std::size_t> node_index_;
  std::vector<Vertex> vertex_of_;  // node index -> vertex, or UINT32_MAX
  Notes notes_;
};

// ---- Boost.Graph interface ------------------------------------------------------------------
// The free functions BGL's concepts ask for (found by argument-dependent lookup), the iterators
// they return and the property maps. See "Using BGL with your own graph types" in BGL's manual.

namespace network_bgl {

// Out-edges of one vertex: its arcs in row order.
class OutEdgeIterator
    : public boost::iterator_facade<OutEdgeIterator, Network::Edge, boost::random_access_traversal_tag, Network::Edge,
                                    std::ptrdiff_t> {
 public:
  OutEdgeIterator() = default;
  OutEdgeIterator(Network::Vertex source, Network::EdgeIndex arc, const Network::Vertex* targets)
      : source_(source), arc_(arc), targets_(targets) {}

 private:
  friend class boost::iterator_core_access;
  Network::Edge dereference() const { return {source_, targets_[arc_], arc_}; }
  bool equal(const OutEdgeIterator& other) const { return arc_ == other.arc_; }
  void increment() { ++arc_; }
  void decrement() { --arc_; }
  void advance(std::ptrdiff_t k) { arc_ = Network::EdgeIndex(std::ptrdiff_t(arc_) + k); }
  std::ptrdiff_t distance_to(const OutEdgeIterator& other) const { return std::ptrdiff_t(other.arc_) - std::ptrdiff_t(arc_); }

  Network::Vertex source_ = 0;
  Network::EdgeIndex arc_ = 0;
  const Network::Vertex* targets_ = nullptr;
};

// Every tie once, from its smaller end, in edge_index order.
class EdgeIterator
    : public boost::iterator_facade<EdgeIterator, Network::Edge, boost::forward_traversal_tag, Network::Edge> {
 public:
  EdgeIterator() = default;
  EdgeIterator(const Network* net, Network::Vertex v, Network::EdgeIndex arc) : net_(net), v_(v), arc_(arc) { settle(); }

 private:
  friend class boost::iterator_core_access;
  Network::Edge dereference() const { return {v_, net_->targets()[arc_], arc_}; }
  bool equal(const EdgeIterator& other) const { return arc_ == other.arc_; }
  void increment() {
    ++arc_;
    settle();
  }
  // Moves to the next arc that leads from a smaller to a larger vertex (rows are sorted, so
  // those are the tail of each row).
  void settle() {
    const auto& off = net_->offsets();
    const auto& tgt = net_->targets();
    const std::size_t end = tgt.size();
    while (arc_ < end) {
      while (arc_ >= off[v_ + 1]) ++v_;
      if (tgt[arc_] > v_) return;
      ++arc_;
    }
  }

  const Network* net_ = nullptr;
  Network::Vertex v_ = 0;
  Network::EdgeIndex arc_ = 0;
};

// edge_index: the tie of an edge, the same from both ends.
struct TieIndexMap {
  using key_type = Network::Edge;
  using value_type = Network::EdgeIndex;
  using reference = Network::EdgeIndex;
  using category = boost::readable_property_map_tag;
  const Network::EdgeIndex* tie_of_arc = nullptr;
  Network::EdgeIndex operator[](const Network::Edge& e) const { return tie_of_arc[e.arc]; }
};
inline Network::EdgeIndex get(const TieIndexMap& map, const Network::Edge& e) { return map.tie_of_arc[e.arc]; }

// edge_weight: the strength of a tie.
struct StrengthMap {
  using key_type = Network::Edge;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  const double* weight_of_arc = nullptr;
  double operator[](const Network::Edge& e) const { return weight_of_arc[e.arc]; }
};
inline double get(const StrengthMap& map, const Network::Edge& e) { return map.weight_of_arc[e.arc]; }

}  // namespace network_bgl

inline std::pair<boost::counting_iterator<Network::Vertex>, boost::counting_iterator<Network::Vertex>> vertices(
    const Network& g) {
  return {Network::Vertex(0), Network::Vertex(g.vertex_count())};
}
inline std::size_t num_vertices(const Network& g) { return g.vertex_count(); }
inline std::pair<network_bgl::OutEdgeIterator, network_bgl::OutEdgeIterator> out_edges(Network::Vertex v,
                                                                                      const Network& g) {
  const auto* tgt = g.targets().data();
  return {{v, g.offsets()[v], tgt}, {v, g.offsets()[v + 1], tgt}};
}
inline std::size_t out_degree(Network::Vertex v, const Network& g) { return g.degree(v); }
inline std::size_t degree(Network::Vertex v, const Network& g) { return g.degree(v); }
inline Network::Vertex source(const Network::Edge& e, const Network&) { return e.source; }
inline Network::Vertex target(const Network::Edge& e, const Network&) { return e.target; }
inline std::pair<const Network::Vertex*, const Network::Vertex*> adjacent_vertices(Network::Vertex v, const Network& g) {
  const auto nb = g.neighbors(v);
  return {nb.data(), nb.data() + nb.size()};
}
inline std::pair<network_bgl::EdgeIterator, network_bgl::EdgeIterator> edges(const Network& g) {
  return {{&g, 0, 0}, {&g, Network::Vertex(g.vertex_count()), Network::EdgeIndex(g.targets().size())}};
}
inline std::size_t num_edges(const Network& g) { return g.edge_count(); }

inline boost::typed_identity_property_map<Network::Vertex> get(boost::vertex_index_t, const Network&) { return {}; }
inline Network::Vertex get(boost::vertex_index_t, const Network&, Network::Vertex v) { return v; }
inline network_bgl::TieIndexMap get(boost::edge_index_t, const Network& g) { return {g.arc_ties().data()}; }
inline Network::EdgeIndex get(boost::edge_index_t, const Network& g, const Network::Edge& e) {
  return g.arc_ties()[e.arc];
}
inline network_bgl::StrengthMap get(boost::edge_weight_t, const Network& g) { return {g.arc_weights().data()}; }
inline double get(boost::edge_weight_t, const Network& g, const Network::Edge& e) { return g.arc_weights()[e.arc]; }

}  // namespace wijknet

namespace boost {

template <>
struct graph_traits<wijknet::Network> {
  using vertex_descriptor = wijknet::Network::Vertex;
  using edge_descriptor = wijknet::Network::Edge;
  using directed_category = undirected_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, adjacency_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using vertex_iterator = counting_iterator<wijknet::Network::Vertex>;
  using out_edge_iterator = wijknet::network_bgl::OutEdgeIterator;
  using adjacency_iterator = const wijknet::Network::Vertex*;
  using edge_iterator = wijknet::network_bgl::EdgeIterator;
  using in_edge_iterator = void;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return std::numeric_limits<vertex_descriptor>::max(); }
};
// BGL algorithms that take the graph by non-const reference (core_numbers) see `const Network`.
template <>
struct graph_traits<const wijknet::Network> : graph_traits<wijknet::Network> {};

template <>
struct property_map<wijknet::Network, vertex_index_t> {
  using type = typed_identity_property_map<wijknet::Network::Vertex>;
  using const_type = type;
};
template <>
struct property_map<wijknet::Network, edge_index_t> {
  using type = wijknet::network_bgl::TieIndexMap;
  using const_type = type;
};
template <>
struct property_map<wijknet::Network, edge_weight_t> {
  using type = wijknet::network_bgl::StrengthMap;
  using const_type = type;
};
template <class Tag>
struct property_map<const wijknet::Network, Tag> : property_map<wijknet::Network, Tag> {};

}  // namespace boost
