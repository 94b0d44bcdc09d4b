// Community detection (Louvain) and modularity.
#pragma once

#include <span>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Modularity of a partition: Q = sum over communities c of
// L_c / m - resolution * (d_c / (2 m))^2, with L_c the (strength of the) ties inside c, d_c the
// sum of the degrees (strengths) of c's nodes and m the number (total strength) of ties.
// `community[v]` is v's community label (any non-negative ints). Unweighted ignores strength.
// Edge cases: 0 for a graph without ties (networkx divides by zero). Extreme strengths (over
// 1e100 or under 1e-100, where m * m would overflow or underflow) are divided by the largest
// one first: Q does not change when all strengths are scaled alike, so the value is the same,
// only finite. Louvain below does the same, so a tie of strength 1e308 cannot make it loop.
// Complexity O(n + m). Source: M. E. J. Newman, Phys. Rev. E 69 (2004) 026113;
// networkx.algorithms.community.modularity.
double modularity(const Network& net, std::span<const int> community, bool weighted,
                  double resolution = 1.0);

// Louvain communities: greedy local moves of single nodes to the neighbouring community that
// gains the most modularity, then aggregation of communities into nodes, repeated while a level
// improves modularity by more than 1e-7 -- networkx 2.8.8's louvain_communities (same gain
// formula, same threshold), except that nodes are visited in vertex order instead of a shuffled
// one, so the result is deterministic; of equal gains the first neighbouring community wins.
// Communities are numbered 0.. by size descending, then smallest vertex. Isolated nodes are
// communities of their own; a graph without ties gives one community per node.
// Complexity O(m) per sweep over the nodes; a few sweeps and levels in practice.
// Source: V. D. Blondel et al., "Fast unfolding of communities in large networks",
// J. Stat. Mech. (2008) P10008; networkx.community.louvain_communities.
std::vector<int> louvain_communities(const Network& net, bool weighted, double resolution = 1.0);

// Leiden communities (modularity objective), what analyze() reports: Leiden's fast local moving
// of single nodes (a queue: only the neighbours of a node that moved are visited again; at most
// two visits a node on average per level), then a refinement inside each community in which
// nodes start alone and join only well-connected sub-communities they have ties to, then
// aggregation of the refined sub-communities (linear, no sorting), each starting in its
// community; repeated until every community is one node. That run is iterated from the partition
// it found, at most three runs. Deterministic: nodes in vertex order or strongest first (the runs
// alternate) and, in the refinement, the best gain instead of the paper's random choice (its
// theta -> 0 limit). Every community is connected (a final pass splits any that is not, which
// cannot lower modularity). Strengths are rescaled so the largest is 1 before anything else, so
// m * m cannot overflow on huge strengths. Numbered as louvain_communities.
// Complexity about O(m) per level, a few levels a run in practice.
// Source: V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
// well-connected communities", Sci. Rep. 9 (2019) 5233, Algorithm A.2.
std::vector<int> leiden_communities(const Network& net, bool weighted, double resolution = 1.0);

}  // namespace wijknet
