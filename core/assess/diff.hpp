// What changed between two versions of a coalition (two files, or one file at two dates):
// members who joined or left, ties made or lost, and every health indicator before and after.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"

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

// `wijknet diff A[@DATE] B[@DATE]`: each side taken as it stood at its date (Coalition::at) when
// it has one, then compared as diff() does, health at each side's date. The viewer's timeline
// compares one document at two dates with it (`before` and `after` the same coalition).
CoalitionDiff diff_sides(const Coalition& before, std::optional<Date> before_at, const Coalition& after,
                         std::optional<Date> after_at);

Json diff_json(const CoalitionDiff& d);

}  // namespace wijknet
