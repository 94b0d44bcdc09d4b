// Closeness centrality with the Wasserman-Faust correction.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Closeness centrality: with r(v) the nodes reachable from v (v excluded) and D the sum of the
// distances to them, C(v) = (r / D) * (r / (n - 1)), networkx's wf_improved=True formula, which
// scales the closeness inside a component by the share of the network that component reaches.
// Unweighted distances count ties; weighted distances use 1 / strength.
// Edge cases: 0 for an isolated node and when n <= 1.
// `threads`: worker threads over the sources (0 = hardware concurrency); each source writes only
// its own value, so the result does not depend on it.
// Complexity O(n m) unweighted, O(n m log n) weighted. path_centralities (betweenness.hpp) gives
// closeness and betweenness from the same searches.
// Source: S. Wasserman and K. Faust, Social Network Analysis (1994) p. 201;
// networkx.closeness_centrality.
std::vector<double> closeness_centrality(const Network& net, bool weighted, unsigned threads = 0);

}  // namespace wijknet
