// Shortest-path lengths from one source.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// The length of a shortest path from `source` to every vertex: hop counts (unweighted), or sums
// of 1 / strength (weighted, where a tie with strength <= 0 has no finite length). +infinity for
// a vertex that cannot be reached; 0 for the source.
// Unweighted: Boost.Graph's breadth_first_search; weighted: Boost.Graph's
// dijkstra_shortest_paths (a 4-ary heap), both on the Network as a BGL graph.
// Complexity O(n + m) unweighted, O(m log n) weighted.
// Source: E. W. Dijkstra, "A note on two problems in connexion with graphs", Numer. Math. 1 (1959);
// Boost.Graph dijkstra_shortest_paths; networkx.single_source_shortest_path_length and
// networkx.single_source_dijkstra_path_length (weight = 1 / strength).
std::vector<double> shortest_path_lengths(const Network& net, Network::Vertex source, bool weighted);

}  // namespace wijknet
