// k-core decomposition.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Core number: the largest k such that v belongs to a subgraph in which every node has at least
// k ties (the k-core). Edge cases: 0 for isolated nodes. Tie strength is ignored.
// Complexity O(n + m) (bucket sort by degree).
// Source: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks"
// (2003); networkx.core_number.
std::vector<int> core_number(const Network& net);

}  // namespace wijknet
