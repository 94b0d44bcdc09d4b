// A coalition's drawing: its ties as layout ties and its stored positions (Coalition::layout)
// as the layout's starting points, and back. The layout itself (core/graph/layout.hpp) knows
// vertices only.
#pragma once

#include <vector>

#include "core/graph/layout.hpp"
#include "core/model/coalition.hpp"

namespace wijknet {

// The ties of a coalition as layout ties over node indices; self-loops are left out, parallel
// ties stay (each pulls). O(m).
std::vector<LayoutTie> layout_ties(const Coalition& coalition);

// Starting positions for every node of `coalition`: the stored layout (Coalition::layout, which
// GEXF and wijknet/1 documents fill) where a node has one, else seed_position. `complete`, when
// given, tells whether every node had a stored position (then the viewer need not run a layout).
std::vector<Vec2> initial_positions(const Coalition& coalition, bool* complete = nullptr);

// Writes positions into coalition.layout by node id (positions[i] is coalition.nodes[i]).
void store_layout(Coalition& coalition, const std::vector<Vec2>& positions);

}  // namespace wijknet
