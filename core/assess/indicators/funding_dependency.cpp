// The health indicator "funding_dependency" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include "core/assess/portfolio.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace wijknet::indicators {

// funding_dependency (seed 000: the coalition was founded so the municipality would depend less
// on the housing corporations' money; seed 004: "incidental funding is a risk", agree on the
// continuity of projects at the start). From the `funds` ties with attrs.amount (euro, read as
// written: "183.000", "€ 183.000,-", core/text/number_text.hpp), the source being the funder. Every
// funder is an independent source: three foundations that each pay a third are the opposite of
// dependence, even though all three have the sector "funder", so concentration is measured per
// funder, not per sector label (the sectors' shares stay in details).
//   s1 = the largest funder's share of the total,
//   unsecured = funded projects whose every funding tie is incidental (attrs.funding) or ends
//       (`until`) within 12 months (core/assess/portfolio.hpp's funding_secured), u = their share,
//   score = 100 * min(1, (1 - s1) / 0.6) * (1 - 0.5 u): full marks while no funder pays more than
//       40% and every project has money it can count on,
//   status: alert when s1 >= 0.75, warn when s1 >= 0.5 or a project's money is not secured,
//       else ok.
// no_data without funding ties that carry an amount. An amount that cannot be read is named in
// the message (funder and project) and counts as unknown. Nodes: the largest funder when
// s1 >= 0.5, then the projects without secured money.
HealthIndicator funding_dependency(const HealthContext& ctx) {
  auto ind = start("funding_dependency");
  std::map<std::size_t, double> by_funder;
  std::map<std::string, double> by_sector;
  std::map<std::size_t, std::set<std::size_t>> funders_of;
  std::map<std::size_t, bool> secured;  // per funded project
  double total = 0;
  std::size_t unknown = 0;
  std::vector<std::string> unreadable;
  Json unreadable_json = Json::array();
  for (const auto& e : ctx.c.edges) {
    if (e.kind != kinds::funds) continue;
    const std::size_t project = ctx.c.nodes[e.target].kind == kinds::project ? e.target : e.source;
    const std::size_t funder = project == e.target ? e.source : e.target;
    if (ctx.c.nodes[project].kind == kinds::project) secured[project] = secured[project] || funding_secured(e, ctx.at);
    const auto amount = number_attr(e.attrs, "amount");
    if (!amount || *amount < 0) {
      ++unknown;
      auto it = e.attrs.is_object() ? e.attrs.find("amount") : e.attrs.end();
      if (it != e.attrs.end() && !it->is_null()) {
        const std::string text = it->is_string() ? it->get<std::string>() : it->dump();
        unreadable.push_back(ctx.tr("funding.unreadable.item", {ctx.label(funder), ctx.label(project), text}));
        unreadable_json.push_back({{"funder", ctx.c.nodes[funder].id}, {"project", ctx.c.nodes[project].id}, {"amount", text}});
      }
      continue;
    }
    by_funder[funder] += *amount;
    const auto s = sector_of(ctx.c.nodes[funder]);
    by_sector[s.empty() ? std::string("unknown") : std::string(s)] += *amount;
    funders_of[project].insert(funder);
    total += *amount;
  }
  if (total <= 0) {
    ind = no_data(std::move(ind), ctx.tr("funding.no_data"));
    if (!unreadable.empty()) add_sentence(ind.message, ctx.tr("funding.unreadable", {ctx.ids_joined(unreadable, 4)}));
    ind.details = {{"unreadable_amounts", unreadable_json}};
    return ind;
  }
  auto top = std::max_element(by_funder.begin(), by_funder.end(), [](auto& a, auto& b) { return a.second < b.second; });
  const double s1 = top->second / total;
  std::vector<std::size_t> unsecured;
  for (const auto& [project, ok] : secured)
    if (!ok) unsecured.push_back(project);
  const double u = secured.empty() ? 0.0 : double(unsecured.size()) / double(secured.size());
  ind.score = 100.0 * std::min(1.0, (1.0 - s1) / 0.6) * (1.0 - 0.5 * u);
  if (s1 >= 0.75)
    ind.status = HealthStatus::alert;
  else if (s1 >= 0.5 || !unsecured.empty())
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;
  std::size_t single = 0;
  for (const auto& [project, f] : funders_of) single += f.size() == 1;

  ind.message = ctx.tr_count("funding.share", by_funder.size(),
                             {ctx.label(top->first), ctx.percent(s1), format_amount(ctx.lang, std::round(total)), std::to_string(by_funder.size())});
  if (single > 0 && s1 >= 0.5) add_sentence(ind.message, ctx.tr_count("funding.single_projects", single, {std::to_string(single)}));
  if (!unsecured.empty()) add_sentence(ind.message, ctx.tr("funding.unsecured", {ctx.labels(unsecured, 6)}));
  if (!unreadable.empty()) add_sentence(ind.message, ctx.tr("funding.unreadable", {ctx.ids_joined(unreadable, 4)}));
  if (unknown > unreadable.size())
    add_sentence(ind.message, ctx.tr_count("funding.unknown", unknown - unreadable.size(), {std::to_string(unknown - unreadable.size())}));
  if (ind.status == HealthStatus::ok)
    add_sentence(ind.message, ctx.tr("funding.do.ok"));
  else if (s1 >= 0.5)
    act(ind, ctx.tr("funding.do.bad", {ctx.label(top->first)}));
  else
    act(ind, ctx.tr("funding.do.continuity", {ctx.labels(unsecured, 4)}));
  if (s1 >= 0.5) ind.nodes.push_back(ctx.c.nodes[top->first].id);
  for (auto p : unsecured) ind.nodes.push_back(ctx.c.nodes[p].id);
  Json funders = Json::array();
  std::vector<std::pair<std::size_t, double>> ranked(by_funder.begin(), by_funder.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (auto& [f, amount] : ranked)
    funders.push_back({{"id", ctx.c.nodes[f].id}, {"amount", amount}, {"share", amount / total}});
  Json sectors = Json::object();
  for (auto& [s, amount] : by_sector) sectors[s] = amount / total;
  ind.details = {{"total", total},
                 {"independent_sources", by_funder.size()},
                 {"largest_funder_share", s1},
                 {"funders", funders},
                 {"sector_shares", sectors},
                 {"projects_with_one_funder", single},
                 {"projects_without_secured_money", ids_of(ctx, unsecured)},
                 {"funding_ties_without_amount", unknown},
                 {"unreadable_amounts", unreadable_json}};
  return ind;
}

}  // namespace wijknet::indicators
