// Coalition health (DOMAIN.md, "Coalition health"): ten indicators, each with a fixed id, a
// score 0-100, a status (ok / warn / alert / no_data), a sentence in the user's language that
// says what it means for this coalition and what to do, and the ids of the nodes it is about.
//
// The overall score is the weighted mean of the indicators that have data; an indicator without
// data is left out, never counted as zero. Every formula, threshold and weight, with its reason
// and source, is documented in README.md ("Coalition health") and at the function that computes
// it (core/assess/health_indicators.cpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "core/model/vocabulary.hpp"
#include "core/graph/network.hpp"

namespace wijknet {

enum class HealthStatus { ok, warn, alert, no_data };

// "ok", "warn", "alert", "no_data".
std::string_view status_id(HealthStatus status);

// DOMAIN.md's indicator ids, in the order the reports list them.
inline constexpr std::array<std::string_view, 10> indicator_ids = {
    "cohesion",      "broker_dependency", "centralization", "sector_diversity", "resident_voice",
    "theme_coverage", "reciprocity",      "commitment",     "funding_dependency", "portfolio"};

// The weight of an indicator in the overall score (README.md gives the reasons). 0 for an
// unknown id.
double indicator_weight(std::string_view id);

// The indicator's name for a heading ("Samenhang" / "Cohesion").
std::string indicator_title(Lang lang, std::string_view id);

struct HealthIndicator {
  std::string id;
  std::optional<double> score;     // 0..100; nullopt exactly when status is no_data
  HealthStatus status = HealthStatus::no_data;
  std::string message;             // in the report's language
  std::vector<std::string> nodes;  // ids of the nodes concerned, most concerned first
  std::string action;              // what to do, one sentence (also the message's last); empty when nothing
  double weight = 1.0;
  Json details = Json::object();   // the figures behind the score, for JSON and the report
};

struct HealthOptions {
  std::optional<Date> at;  // the coalition as it stood then; today when empty
  Lang lang = Lang::en;
};

struct HealthReport {
  Date at;
  Lang lang = Lang::en;
  // The weighted mean of the indicators with data, times the share of actor pairs that can still
  // reach each other (cohesion's details.reachable_share; 1 for one connected network): the other
  // indicators judge a coalition as one whole, and a coalition in pieces is healthy only as far
  // as it still hangs together, so a what-if that splits it shows in the score. nullopt when no
  // indicator has data.
  std::optional<double> score;
  double connected_share = 1.0;  // the factor above
  std::vector<HealthIndicator> indicators;  // one per id of indicator_ids, in that order

  const HealthIndicator* find(std::string_view id) const;
  // ok when score >= 70, warn when >= 45, alert below; no_data without a score. An indicator in
  // alert caps the status at warn: a coalition with an alarm is never "ok" as a whole.
  HealthStatus overall_status() const;
};

// Judges the coalition as it stood at options.at (nodes and ties that exist then). Most
// indicators read the actor network (build_network with actors_only: projects projected away,
// actors tied by shared projects and by their direct ties); theme coverage, resident voice,
// funding and the portfolio read the projects and their edges.
// Complexity: O(n + m) for most indicators; broker_dependency runs a BFS from every actor once
// per examined member, O(k n m) with k = every actor up to 120 actors, else the 16 most likely
// (brokers, largest pair losses, highest degrees), and sampled sources above 500 actors.
HealthReport assess_health(const Coalition& coalition, const HealthOptions& options = {});

// {"score", "status", "at", "lang", "indicators": [{"id", "title", "score", "status", "message",
// "nodes", "weight", "details"}]}. Scores are rounded to one decimal so that golden files are
// stable; a no_data score is null.
Json health_json(const HealthReport& report);

// The actions of the indicators in alert or warn, most urgent first: alert before warn, then the
// larger weighted shortfall weight * (100 - score). At most `max`. O(k log k).
std::vector<const HealthIndicator*> first_actions(const HealthReport& report, std::size_t max = 3);

// The warnings a command prints to stderr after a health report, one line each, in the report's
// language: every amount that could not be read, naming the funder and the project
// by id ("the amount from fonds-x to p-buurthuis cannot be read (\"ongeveer een ton\") and is not
// counted"). O(k).
std::vector<std::string> health_warnings(const HealthReport& report);

// Rounds to one decimal, the precision of every score wijknet prints.
double round1(double x);

}  // namespace wijknet
