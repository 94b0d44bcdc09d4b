// The health indicator "portfolio" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include "core/assess/portfolio.hpp"

namespace wijknet::indicators {

// portfolio (seed 004: every project of the Regio Deal was evaluated on an effort-impact matrix:
// investigate further, continue or stop; the pearls have great impact and span several
// subjects). The advice per project is core/assess/portfolio.hpp's project_advice.
//   score = 100 * (continue + 0.5 investigate) / rated projects,
//   status: alert when at least a third of the rated projects should stop, warn when any should
//       stop or more than a third of the projects have no rating, else ok.
// no_data without rated projects. Nodes: the projects to stop, then the pearls.
HealthIndicator portfolio(const HealthContext& ctx) {
  auto ind = start("portfolio");
  const Portfolio p = assess_portfolio(ctx.c, ctx.at);
  if (p.rated == 0) return no_data(std::move(ind), ctx.tr("portfolio.no_data"));
  const std::size_t unrated = p.projects.size() - p.rated;
  ind.score = 100.0 * (double(p.continue_count) + 0.5 * double(p.investigate_count)) / double(p.rated);
  if (3 * p.stop_count >= p.rated)
    ind.status = HealthStatus::alert;
  else if (p.stop_count > 0 || 3 * unrated > p.projects.size())
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;
  std::vector<std::size_t> stop, pearls, pearls_unsecured;
  bool any_funding = false;
  for (const auto& e : ctx.c.edges) any_funding = any_funding || e.kind == kinds::funds;
  Json projects = Json::array();
  for (const auto& a : p.projects) {
    if (a.advice == ProjectAdvice::stop) stop.push_back(a.node);
    if (a.pearl) pearls.push_back(a.node);
    // Seed 004: pearls are hard to fund because they span several subjects. Named only when the
    // document records funding at all (otherwise every pearl would be "unfunded").
    if (a.pearl && any_funding && !a.secured) pearls_unsecured.push_back(a.node);
    projects.push_back({{"id", ctx.c.nodes[a.node].id},
                        {"effort", a.effort ? Json(*a.effort) : Json(nullptr)},
                        {"impact", a.impact ? Json(*a.impact) : Json(nullptr)},
                        {"advice", a.advice ? Json(std::string(advice_id(*a.advice))) : Json(nullptr)},
                        {"pearl", a.pearl},
                        {"funded", a.funded},
                        {"funding_secured", a.secured}});
  }
  ind.message = ctx.tr("portfolio.summary", {std::to_string(p.rated), std::to_string(p.continue_count),
                                             std::to_string(p.investigate_count), std::to_string(p.stop_count)});
  if (!stop.empty()) add_sentence(ind.message, ctx.tr("portfolio.stop", {ctx.labels(stop)}));
  if (!pearls.empty()) add_sentence(ind.message, ctx.tr("portfolio.pearls", {ctx.labels(pearls)}));
  if (!pearls_unsecured.empty())
    add_sentence(ind.message, ctx.tr_count("portfolio.pearls.unsecured", pearls_unsecured.size(), {ctx.labels(pearls_unsecured)}));
  if (unrated > 0) add_sentence(ind.message, ctx.tr_count("portfolio.unrated", unrated, {std::to_string(unrated)}));
  if (ind.status == HealthStatus::ok && pearls.empty()) add_sentence(ind.message, ctx.tr("portfolio.ok"));
  if (!stop.empty())
    act(ind, ctx.tr_count("portfolio.do.stop", stop.size(), {ctx.labels(stop, 4)}));
  else if (ind.status != HealthStatus::ok && !pearls_unsecured.empty())
    act(ind, ctx.tr("portfolio.do.pearls", {ctx.labels(pearls_unsecured, 4)}));
  else if (ind.status != HealthStatus::ok)
    act(ind, ctx.tr("portfolio.do.rate"));
  ind.nodes = ids_of(ctx, stop);
  for (auto id : ids_of(ctx, pearls)) ind.nodes.push_back(id);
  ind.details = {{"rated", p.rated},
                 {"continue", p.continue_count},
                 {"investigate", p.investigate_count},
                 {"stop", p.stop_count},
                 {"pearls", ids_of(ctx, pearls)},
                 {"pearls_without_secured_funding", ids_of(ctx, pearls_unsecured)},
                 {"unrated", unrated},
                 {"finished_left_out", p.finished},
                 {"projects", projects}};
  return ind;
}

}  // namespace wijknet::indicators
