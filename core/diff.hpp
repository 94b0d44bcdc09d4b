// What changed between two versions of a coalition (two files, or one file at two dates):
// members who joined or left, ties made or lost, and every health indicator before and after.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace wijknet {

struct CoalitionDiff {
  struct NodeChange {
    std::string id, label, kind, sector;
  };
  struct TieChange {
    std::string source, target, source_label, target_label, kind;
  };
  struct IndicatorChange {
    std::string id;
    std::optional<double> before, after;  // nullopt: no data on that side
  };
  std::vector<NodeChange> joined, left;
  std::vector<TieChange> ties_made, ties_lost;
  std::vector<IndicatorChange> health;  // overall score first, id "score"
};

// Nodes are matched by id; ties by (source id, target id, kind), undirected ties in either order.
// A tie whose two ends exist on both sides but which is on one side only counts as made or lost;
// ties of members who joined or left count too. Health is compared at each side's own date
// (the date the snapshot was taken, else today). O((n + m) log(n + m)) plus two health reports.
CoalitionDiff diff(const Coalition& before, const Coalition& after, std::optional<Date> before_at = std::nullopt,
                   std::optional<Date> after_at = std::nullopt);

Json diff_json(const CoalitionDiff& d);

}  // namespace wijknet
