// The project portfolio on the effort-impact matrix of Den Haag Zuidwest's Regio Deal
// evaluation (seed 004_4c94a42ac399303c.txt): every project was scored on effort and impact and
// the outcome was to investigate further, to continue, or to stop; the "pearls" are the projects
// with great impact on the neighbourhood, which are hard to fund because they span several
// subjects.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/coalition.hpp"

namespace wijknet {

enum class ProjectAdvice { continue_, investigate, stop };

// "continue", "investigate", "stop".
std::string_view advice_id(ProjectAdvice advice);

struct ProjectAssessment {
  std::size_t node = 0;                  // index into Coalition::nodes
  std::optional<double> effort, impact;  // attrs.effort / attrs.impact, 1..5
  std::optional<ProjectAdvice> advice;   // nullopt when effort or impact is missing or invalid
  bool pearl = false;                    // impact >= 4 and more than one theme
  bool invalid = false;                  // a rating was present but not a number in 1..5
  bool funded = false;                   // at least one `funds` tie at the date
  bool secured = false;                  // funded, and some of that money is secured (see funding_secured)
};

struct Portfolio {
  std::vector<ProjectAssessment> projects;  // document order
  std::size_t rated = 0, continue_count = 0, investigate_count = 0, stop_count = 0, pearls = 0;
  std::size_t finished = 0;  // projects left out because attrs.status says they ended
};

// The kind of money on a `funds` tie: attrs.funding "structural" / "structureel" or "incidental" /
// "incidenteel" (any case); unknown when absent or anything else. O(1).
enum class FundingKind { structural, incidental, unknown };
FundingKind funding_kind(const Edge& funds_tie);

// Whether a `funds` tie is money the project can count on at `at` (seed 004: "incidental funding
// is a risk"; agree on continuity at the start): it is not marked incidental and does not end
// (its `until`) within 12 months of `at`. Unmarked money counts as secured: the document does not
// say otherwise. O(1).
bool funding_secured(const Edge& funds_tie, const Date& at);

// A 1..5 rating from attrs[key]: a number, or a string holding one ("4", "3.5", "3,5").
// nullopt when absent; `invalid` is set when present but not a number in [1, 5]. O(1).
std::optional<double> rating(const Json& attrs, std::string_view key, bool* invalid = nullptr);

// The advice for one project on the 5-point scales (impact high >= 4, low <= 2; effort high >= 4,
// low <= 2), the three outcomes of seed 004 over the four quadrants of the usual matrix:
//   impact >= 4                     -> continue    (quick wins and major projects)
//   impact 3 (middle), effort <= 2  -> continue    (cheap and of reasonable use)
//   impact <= 2, effort >= 3        -> stop        (costs more than it brings: thankless tasks)
//   otherwise                       -> investigate (middle impact at real cost; low-cost,
//                                                    low-impact fill-ins)
// Fractional ratings are compared as they are (impact 3.5 is middle). O(1).
ProjectAdvice project_advice(double effort, double impact);

// The statuses a project's attrs.status takes in the documents wijknet writes: "running", then the
// finished ones assess_portfolio leaves out. Other strings (also Dutch ones) are kept as written.
inline constexpr std::string_view project_statuses[] = {"running", "completed", "stopped", "cancelled"};
// Whether attrs.status text says the project ended: "completed", "finished", "stopped",
// "cancelled", "closed", "ended", or the Dutch "afgerond", "gestopt", "beëindigd" (any case). O(1).
bool finished_status(std::string_view status);

// Where the dots of `count` projects sharing one cell of the matrix (a square `cell` wide) go: a
// near-square grid centred on the cell, at most 20 apart, each of `radius` (at most 9). The
// report's picture and the viewer's panel both place dots by it. O(count).
struct CellSpread {
  double radius = 0;
  std::vector<std::pair<double, double>> offsets;  // from the cell's centre, in placement order
};
CellSpread matrix_cell_spread(std::size_t count, double cell);

// Every project node of `coalition` that exists at `at` (all when nullopt) and whose
// attrs.status is not a finished state ("completed", "finished", "stopped", "cancelled",
// "closed", also the Dutch "afgerond", "gestopt"), with its advice, whether it is a pearl, and
// whether it is funded and its funding secured at `at` (today when nullopt). O(n + m).
Portfolio assess_portfolio(const Coalition& coalition, const std::optional<Date>& at = std::nullopt);

}  // namespace wijknet
