// Burt's structural-hole measures: constraint and effective size.
#pragma once

#include <optional>
#include <vector>

#include "core/graph/network.hpp"

namespace wijknet {

// Burt's constraint: c(v) = sum over neighbours j of (p_vj + sum_q p_vq p_qj)^2, q ranging over
// the neighbours of v other than j, where p_ij is the share of i's (mutual) tie strength that goes
// to j. High constraint: v's contacts all know each other, so v brokers nothing.
// Unweighted: every tie has strength 1. Weighted: p_ij = w_ij / sum_k w_ik (the graph is
// undirected, so networkx's "mutual weight" w_ij + w_ji counts each tie twice, which cancels).
// Edge cases: nullopt for isolated nodes (networkx: nan).
// Complexity O(sum of deg(v)^2) with sorted-neighbour lookups.
// Source: R. S. Burt, Structural Holes (1992); networkx/algorithms/structuralholes.py.
std::vector<std::optional<double>> constraint(const Network& net, bool weighted);

// Burt's effective size: the number of v's contacts minus their redundancy,
// sum over neighbours u of (1 - sum_w p_vw m_wu), w over v's neighbours other than u, with
// m_wu = w_wu / max_k w_wk. Unweighted: networkx's shortcut n_v - 2 t_v / n_v (Borgatti 1997), with
// t_v the ties among v's neighbours.
// Edge cases: nullopt for isolated nodes (networkx: nan).
// Complexity O(sum of deg(v)^2) with sorted-neighbour lookups.
// Source: R. S. Burt (1992); S. P. Borgatti, "Structural holes: unpacking Burt's redundancy
// measures", Connections 20 (1997) 35-38; networkx/algorithms/structuralholes.py.
std::vector<std::optional<double>> effective_size(const Network& net, bool weighted);

}  // namespace wijknet
