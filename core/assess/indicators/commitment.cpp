// The health indicator "commitment" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>

namespace wijknet::indicators {

// commitment (seed 002: "let the partners record their commitment and make agreements for a
// longer period"). For every partner (kind partner) at the report date:
//   long     attrs.committed_until at least 12 months ahead,
//   ending   committed_until within 12 months, or the membership (`until`) ends within 12 months,
//   expired  committed_until on or before the date,
//   missing  no committed_until (or one that is not a date): counts against.
//   score = 100 * (long + 0.5 ending) / partners,
//   status: alert when more than half the partners have no current commitment (missing or
//       expired), warn when any commitment ends within 12 months or any is missing or expired,
//       else ok.
// no_data without partners. Nodes: ending (soonest first), expired, missing.
HealthIndicator commitment(const HealthContext& ctx) {
  auto ind = start("commitment");
  struct Ending {
    std::size_t node;
    Date when;
  };
  std::vector<Ending> ending, leaving;
  std::vector<std::size_t> expired, missing;
  std::size_t partners = 0, long_enough = 0, invalid = 0;
  for (std::size_t i = 0; i < ctx.c.nodes.size(); ++i) {
    const Node& node = ctx.c.nodes[i];
    if (node.kind != kinds::partner) continue;
    ++partners;
    std::optional<Date> until;
    if (auto it = node.attrs.find("committed_until"); it != node.attrs.end() && !it->is_null()) {
      if (it->is_string()) until = Date::parse(it->get<std::string>());
      if (!until) ++invalid;
    }
    if (node.until && ctx.at.months_until(*node.until) < 12) {
      leaving.push_back({i, *node.until});
    } else if (!until) {
      missing.push_back(i);
    } else if (*until <= ctx.at) {
      expired.push_back(i);
    } else if (ctx.at.months_until(*until) < 12) {
      ending.push_back({i, *until});
    } else {
      ++long_enough;
    }
  }
  if (partners == 0) return no_data(std::move(ind), ctx.tr("commitment.no_data"));
  const std::size_t soon = ending.size() + leaving.size();
  ind.score = 100.0 * (double(long_enough) + 0.5 * double(soon)) / double(partners);
  if (2 * (missing.size() + expired.size()) > partners)
    ind.status = HealthStatus::alert;
  else if (soon + missing.size() + expired.size() > 0)
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;

  auto by_date = [](std::vector<Ending>& v) {
    std::stable_sort(v.begin(), v.end(), [](const Ending& a, const Ending& b) { return a.when < b.when; });
  };
  by_date(ending);
  by_date(leaving);
  auto dated = [&](const std::vector<Ending>& v) {
    std::vector<std::string> names;
    for (const auto& e : v) names.push_back(ctx.label(e.node) + " (" + e.when.str() + ")");
    return ctx.ids_joined(names, 8);
  };
  ind.message = ctx.tr("commitment.summary", {std::to_string(long_enough), std::to_string(partners), ctx.at.str()});
  if (!ending.empty()) add_sentence(ind.message, ctx.tr("commitment.ending", {dated(ending)}));
  if (!leaving.empty()) add_sentence(ind.message, ctx.tr("commitment.leaving", {dated(leaving)}));
  if (!expired.empty()) add_sentence(ind.message, ctx.tr("commitment.expired", {ctx.labels(expired, 8)}));
  if (!missing.empty()) add_sentence(ind.message, ctx.tr("commitment.missing", {ctx.labels(missing, 8)}));
  if (ind.status == HealthStatus::ok) {
    add_sentence(ind.message, ctx.tr("commitment.do.ok"));
  } else {
    std::vector<std::size_t> whom;
    for (const auto& e : ending) whom.push_back(e.node);
    for (const auto& e : leaving) whom.push_back(e.node);
    whom.insert(whom.end(), expired.begin(), expired.end());
    whom.insert(whom.end(), missing.begin(), missing.end());
    act(ind, ctx.tr("commitment.do.bad", {ctx.labels(whom, 4)}));
  }

  std::vector<Ending> soonest = ending;
  soonest.insert(soonest.end(), leaving.begin(), leaving.end());
  by_date(soonest);
  for (const auto& e : soonest) ind.nodes.push_back(ctx.c.nodes[e.node].id);
  for (auto i : expired) ind.nodes.push_back(ctx.c.nodes[i].id);
  for (auto i : missing) ind.nodes.push_back(ctx.c.nodes[i].id);
  auto list = [&](const std::vector<Ending>& v) {
    Json a = Json::array();
    for (const auto& e : v) a.push_back({{"id", ctx.c.nodes[e.node].id}, {"until", e.when.str()}});
    return a;
  };
  ind.details = {{"partners", partners},
                 {"long_enough", long_enough},
                 {"ending_within_12_months", list(ending)},
                 {"leaving_within_12_months", list(leaving)},
                 {"expired", ids_of(ctx, expired)},
                 {"missing", ids_of(ctx, missing)},
                 {"invalid_dates", invalid}};
  return ind;
}

}  // namespace wijknet::indicators
