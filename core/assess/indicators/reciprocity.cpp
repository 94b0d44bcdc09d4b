// The health indicator "reciprocity" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace wijknet::indicators {

// reciprocity (seed 002: "vitality arises only when ... each of the parties benefits"). From the
// survey ties (kind "tie", directed: who names whom, with attrs.trust and attrs.value on the
// PARTNER Tool's 1-4 scales). Respondents are the actors who named anyone; a pair counts when
// both are respondents and at least one named the other (a pair with a non-respondent says
// nothing about reciprocity: non-response is not a one-sided tie).
//   R = mutual pairs / counted pairs (the dyad-based reciprocity of Wasserman and Faust, 1994,
//       ch. 13),
//   T, V = mean trust and value over all answers with a value in 1..4,
//   score = 100 * (0.5 R + 0.25 (T - 1) / 3 + 0.25 (V - 1) / 3), weights renormalised over the
//       parts that exist,
//   status: alert when R < 0.3 or T < 2 or V < 2 (below "somewhat" on PARTNER's scale), warn
//       when R < 0.6 or T < 2.5 or V < 2.5 (below the scale's midpoint), else ok.
// no_data without survey ties. Nodes: actors named by a respondent whom they did not name back,
// the most often first.
// Source: D. M. Varda et al., the PARTNER Tool (partnertool.net), trust and value scores 1-4.
HealthIndicator reciprocity(const HealthContext& ctx) {
  auto ind = start("reciprocity");
  std::set<std::pair<std::size_t, std::size_t>> arcs;
  std::vector<std::uint8_t> respondent(ctx.c.nodes.size(), 0);
  double trust_sum = 0, value_sum = 0;
  std::size_t trust_n = 0, value_n = 0, tie_count = 0;
  for (const auto& e : ctx.c.edges) {
    if (e.kind != kinds::tie || e.source == e.target) continue;
    ++tie_count;
    arcs.insert({e.source, e.target});
    respondent[e.source] = 1;
    if (!e.directed) {
      arcs.insert({e.target, e.source});
      respondent[e.target] = 1;
    }
    if (auto t = number_attr(e.attrs, "trust"); t && *t >= 1 && *t <= 4) trust_sum += *t, ++trust_n;
    if (auto v = number_attr(e.attrs, "value"); v && *v >= 1 && *v <= 4) value_sum += *v, ++value_n;
  }
  if (tie_count == 0) return no_data(std::move(ind), ctx.tr("reciprocity.no_data"));
  std::size_t pairs = 0, mutual = 0, unanswered = 0;
  std::map<std::size_t, std::size_t> not_back;
  for (const auto& [a, b] : arcs) {
    const bool back = arcs.count({b, a}) > 0;
    if (back && a > b) continue;  // count a mutual pair once
    if (!respondent[a] || !respondent[b]) {
      ++unanswered;
      continue;
    }
    ++pairs;
    if (back)
      ++mutual;
    else
      ++not_back[b];
  }
  std::optional<double> R, T, V;
  if (pairs > 0) R = double(mutual) / double(pairs);
  if (trust_n > 0) T = trust_sum / double(trust_n);
  if (value_n > 0) V = value_sum / double(value_n);
  if (!R && !T && !V) return no_data(std::move(ind), ctx.tr("reciprocity.no_data"));
  double score = 0, wsum = 0;
  if (R) score += 0.5 * *R, wsum += 0.5;
  if (T) score += 0.25 * (*T - 1.0) / 3.0, wsum += 0.25;
  if (V) score += 0.25 * (*V - 1.0) / 3.0, wsum += 0.25;
  ind.score = 100.0 * score / wsum;
  auto below = [](const std::optional<double>& x, double limit) { return x && *x < limit; };
  if (below(R, 0.3) || below(T, 2.0) || below(V, 2.0))
    ind.status = HealthStatus::alert;
  else if (below(R, 0.6) || below(T, 2.5) || below(V, 2.5))
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;

  std::vector<std::pair<std::size_t, std::size_t>> ranked(not_back.begin(), not_back.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& x, auto& y) { return x.second > y.second; });
  std::vector<std::size_t> named;
  for (auto& [node, k] : ranked) named.push_back(node);

  if (R) ind.message = ctx.tr("reciprocity.pairs", {std::to_string(mutual), std::to_string(pairs), ctx.percent(*R)});
  if (T || V) add_sentence(ind.message, ctx.tr("reciprocity.scores", {T ? ctx.num(*T, 1) : "-", V ? ctx.num(*V, 1) : "-"}));
  if (ind.status != HealthStatus::ok && !named.empty())
    add_sentence(ind.message, ctx.tr("reciprocity.onesided", {ctx.labels(named)}));
  if (ind.status == HealthStatus::ok)
    add_sentence(ind.message, ctx.tr("reciprocity.do.ok"));
  else
    act(ind, ctx.tr("reciprocity.do.bad"));
  if (ind.status != HealthStatus::ok) ind.nodes = ids_of(ctx, named);
  ind.details = {{"survey_ties", tie_count},
                 {"pairs", pairs},
                 {"mutual_pairs", mutual},
                 {"pairs_with_non_respondent", unanswered},
                 {"reciprocity", R ? Json(*R) : Json(nullptr)},
                 {"mean_trust", T ? Json(*T) : Json(nullptr)},
                 {"mean_value", V ? Json(*V) : Json(nullptr)}};
  return ind;
}

}  // namespace wijknet::indicators
