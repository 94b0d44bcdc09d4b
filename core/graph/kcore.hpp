// k-core decomposition.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Core number: the largest k such that v belongs to a subgraph in which every node has at least
// k ties (the k-core). Edge cases: 0 for isolated nodes. Tie strength is ignored.
// Boost.Graph's core_numbers: Batagelj and Zaversnik's peeling with a bucket sort by degree.
// Complexity O(n + m).
// Source: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks"
// (2003); Boost.Graph core_numbers; networkx.core_number.
std::vector<int> core_number(const Network& net);

}  // namespace wijknet
