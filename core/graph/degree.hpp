// Degree-based measures: degree centrality, density and Freeman degree centralization.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Degree centrality: degree(v) / (n - 1), the fraction of the other nodes v is tied to.
// Edge cases: 0 for every node when n <= 1 (networkx gives 1 for a single node; we follow the
// brief's convention that one node has no one to be tied to). Complexity O(n).
// Source: networkx.degree_centrality.
std::vector<double> degree_centrality(const Network& net);

// Density: 2m / (n (n - 1)), the share of possible ties that exist. 0 when n <= 1.
// Complexity O(1). Source: networkx.density.
double density(const Network& net);

// Freeman degree centralization: sum over v of (max degree - degree(v)), divided by its maximum
// over graphs of n nodes, (n - 1)(n - 2), reached by the star. 1 for a star, 0 for a regular
// graph. Edge cases: 0 when n <= 2. Complexity O(n).
// Source: L. C. Freeman, "Centrality in social networks: conceptual clarification", Social
// Networks 1 (1979) 215-239.
double degree_centralization(const Network& net);

}  // namespace wijknet
