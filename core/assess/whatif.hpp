// What-if: the coalition without some members (or with some new ties), judged before and after.
// The question of seed 001: the wijkmakelaar steps away after about two years; does the
// coalition carry on alone?
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/assess/health.hpp"

namespace wijknet {

struct WhatIfOptions {
  std::vector<std::string> remove;                             // node ids
  std::vector<std::pair<std::string, std::string>> add_edges;  // new `collaborates` ties, by id
  std::optional<Date> at;                                      // today when empty
  Lang lang = Lang::en;
};

// The main figures of the collaboration network (core/assess/health.hpp): actors, ties, components,
// density, unreachable actor pairs, average distance (null without connected pairs) and
// Freeman degree centralization.
struct NetworkFigures {
  std::size_t actors = 0, ties = 0, components = 0;
  double density = 0, centralization = 0;
  std::uint64_t unreachable_pairs = 0;
  std::optional<double> average_distance;
};

struct WhatIf {
  HealthReport before, after;
  NetworkFigures figures_before, figures_after;
  std::vector<std::string> removed;  // ids, as given
  std::vector<std::pair<std::string, std::string>> added;
  // What breaks. Groups of remaining actors that could reach the rest before and are cut off
  // from their part's largest piece after (ids, largest group first).
  std::vector<std::vector<std::string>> split_off;
  std::uint64_t pairs_disconnected = 0;  // remaining actor pairs connected before, not after
  std::uint64_t pairs_connected = 0;     // remaining actor pairs connected after, not before
  std::vector<std::string> themes_without_partner;   // had an actor before, none after
  std::vector<std::string> projects_without_members;  // had participants before, none after
  std::string summary;  // the sentences a coordinator reads first
};

// Removes the nodes in options.remove (with every tie they have) and adds a `collaborates` tie
// for each pair in options.add_edges, then compares the coalition as it stood at options.at
// before and after. Throws std::invalid_argument naming the first unknown id. An actor "carries"
// a theme when it names the theme or takes part in a project of it.
// Complexity: two health reports plus O(n + m).
WhatIf what_if(const Coalition& coalition, const WhatIfOptions& options);

// Figures of a network, as NetworkFigures describes. O(n m) for the average distance (sampled
// above 2,000 actors), O(n + m) for the rest.
NetworkFigures network_figures(const Network& net);

// {"removed", "added", "before": {"score", "figures", "indicators": [{"id","score","status"}]},
// "after": {...}, "breaks": {"split_off", "pairs_disconnected", "pairs_connected",
// "themes_without_partner", "projects_without_members"}, "summary", "health_before",
// "health_after"} (the last two are the full health JSON of each side).
Json whatif_json(const WhatIf& w);

}  // namespace wijknet
