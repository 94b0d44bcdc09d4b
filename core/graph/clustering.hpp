// Local clustering coefficient.
#pragma once

#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Local clustering coefficient: the share of pairs of v's neighbours that are tied,
// 2 T(v) / (deg(v) (deg(v) - 1)). Weighted: T(v) counts each triangle with the geometric mean of
// its three strengths scaled by the largest strength in the network, (w_uv w_vw w_uw)^(1/3)
// / max(w) (Onnela et al.), as networkx does.
// Edge cases: 0 for nodes of degree < 2.
// Complexity O(sum of deg(v)^2) worst case, O(m * max degree) with sorted neighbour merges.
// Source: D. J. Watts and S. Strogatz, Nature 393 (1998); J.-P. Onnela et al., Phys. Rev. E 71
// (2005) 065103; networkx.clustering.
std::vector<double> clustering(const Network& net, bool weighted);

}  // namespace wijknet
