// Thinning a hairball: the members with at least k ties, or in the k-core. Both numbers are the
// members' degree and core number on the network `wijknet analyze` measures (all members with
// their projects, at the date shown; core/model/coalition_network.hpp), so the filter, the table and
// the command line agree; they are computed here directly (O(n + m log m)), without the full
// analysis that a large network only gets on request.
// Headless (tests/viz/test_thinning.cpp); AppState's visibility applies the Filters' minimums.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/text/date.hpp"
#include "core/model/coalition.hpp"

namespace wijknet::viz {

// Per document node: its degree and core number in the network at `at` (today when empty), or
// -1 for a member that is not in that network (not yet joined, or left).
struct MemberDegrees {
  std::vector<int> degree, core;
};
MemberDegrees member_degrees(const Coalition& doc, std::optional<Date> at);

// How many entries of `values` are at least k (members left by a minimum of k). O(n).
std::size_t count_at_least(const std::vector<int>& values, int k);

// The largest value (the deepest core, the highest degree), 0 for none. O(n).
int largest(const std::vector<int>& values);

}  // namespace wijknet::viz
