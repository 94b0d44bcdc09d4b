// An analysis as the JSON of DOMAIN.md's `wijknet analyze --json` contract, with the members' ids.
#pragma once

#include "core/graph/analysis.hpp"
#include "core/model/coalition.hpp"

namespace wijknet {

// DOMAIN.md's JSON shape {"graph": {...}, "nodes": [{"id","label","kind","degree",
// "degree_centrality","betweenness","closeness","eigenvector","pagerank","clustering","core",
// "constraint","effective_size","community","articulation"}, ...]}; undefined values are null.
// Only the measures computed appear; "betweenness_epsilon", "betweenness_delta" and
// "betweenness_samples" join the graph when betweenness was approximated, "closeness_epsilon",
// "closeness_delta", "closeness_samples" and "closeness_diameter_bound" when closeness was.
// For a Network built with from_edges (no coalition) pass nullptr: ids are the vertex numbers as
// strings, labels equal the ids and kinds are empty.
Json analysis_json(const Analysis& a, const Network& net, const Coalition* coalition);

}  // namespace wijknet
