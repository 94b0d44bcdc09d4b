// Connected components, articulation points and bridges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

struct Components {
  std::vector<std::uint32_t> component;  // per vertex: 0.. in order of each component's smallest vertex
  std::size_t count = 0;
};

// Connected components: Boost.Graph's connected_components (one depth-first search) on the
// Network. Isolated nodes are components of their own.
// Edge cases: count 0 for the empty graph. Complexity O(n + m).
// Source: networkx.connected_components; Boost.Graph connected_components.
Components connected_components(const Network& net);

struct CutStructure {
  std::vector<bool> articulation;                                  // per vertex
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;    // (u, v), u < v, sorted
};

// Articulation points (nodes whose removal disconnects their component) and bridges (ties whose
// removal does): Boost.Graph's biconnected_components (Tarjan's lowpoint depth-first search,
// with an explicit stack, so a 20,000-node path does not overflow the call stack); the bridges
// are the biconnected components of a single tie.
// Complexity O(n + m).
// Source: R. E. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1 (1972);
// Boost.Graph biconnected_components; networkx.articulation_points, networkx.bridges.
CutStructure articulation_points_and_bridges(const Network& net);

}  // namespace wijknet
