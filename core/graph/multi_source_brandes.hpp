// Unweighted Brandes for several sources in one traversal (internal to core/graph).
//
// Eight sources (AVX-512) or four (AVX2) share each breadth-first sweep, one SIMD lane a source:
// per vertex, one byte a lane holds its level from that lane's source (255: not reached) and one
// double a lane its path count sigma, later (target weight + delta) / sigma. The sweep goes level
// by level over the union of the lanes' frontiers; a vertex is visited once per distinct level it
// has among the lanes, so sources close to each other (consecutive in the Cuthill-McKee order
// that shortest_paths.hpp gives large networks) share most visits, and each arc visited does the
// work of all lanes in a few vector instructions. This is the multi-source breadth-first search
// of Then et al. ("The More the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2014) with
// Brandes' path counts and dependencies carried in vector lanes instead of bits.
//
// The arithmetic per lane is that of SourceSearch (shortest_paths.hpp) with sums taken in another
// order: results agree with it to rounding. Levels are bytes, so a search deeper than 253 levels
// is refused (run returns false) and the caller runs those sources one by one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet::detail {

// The vector width a batched search can use: the number of sources per traversal. `none` where
// the CPU has neither AVX-512 (F, BW, VL) nor AVX2.
enum class Lanes : unsigned { none = 0, avx2 = 4, avx512 = 8 };

// The widest this CPU runs.
Lanes best_lanes();

// Pointers into a MultiSourceSearch's workspace, for the kernels (plain data: the kernels are
// compiled for other instruction sets and see nothing else).
struct BatchWorkspace {
  const std::uint32_t* off;     // CSR row offsets (n + 1)
  const std::uint32_t* tgt;     // CSR targets
  const double* reach;          // per vertex: target weight and source weight; nullptr: 1 each
  std::uint8_t* code;           // n * width: level per lane, 255 where not reached
  double* value;                // n * width, 64-byte aligned
  std::uint32_t* queue;         // n * width + 1: the vertices level by level
  std::size_t* level_start;     // 256: where each level begins in queue
  std::int64_t* reached;        // width: vertices reached per lane (closeness)
  std::int64_t* distance_total; // width: their total distance per lane (closeness)
};

class MultiSourceSearch {
 public:
  using Vertex = Network::Vertex;

  // `reach`, when given (n values), weighs every vertex as that many targets and, as a source,
  // its dependencies by as many sources (the degree-1 reduction; see betweenness.cpp).
  // `lanes` must not be none.
  MultiSourceSearch(const Network& net, Lanes lanes, const std::vector<double>* reach = nullptr);

  std::size_t width() const { return width_; }

  // Both phases from sources[0..count), count <= width(), all distinct. Adds to centrality[v]
  // (unless nullptr) the dependencies of those sources on v; with `closeness`, reached(i) and
  // distance_total(i) hold what lane i's search found. Returns false, having changed nothing,
  // when a search is deeper than 253 levels.
  bool run(const Vertex* sources, std::size_t count, double* centrality, bool closeness);

  std::int64_t reached(std::size_t lane) const { return reached_[lane]; }
  std::int64_t distance_total(std::size_t lane) const { return distance_total_[lane]; }

 private:
  Lanes lanes_;
  std::size_t width_;
  std::vector<std::uint8_t> code_;
  std::vector<double> value_storage_;
  std::vector<std::uint32_t> queue_;
  std::vector<std::size_t> level_start_;
  std::int64_t reached_[8] = {}, distance_total_[8] = {};
  BatchWorkspace work_{};
};

}  // namespace wijknet::detail
