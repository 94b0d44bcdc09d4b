// The health indicator "cohesion" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>

#include "core/graph/reach.hpp"

namespace wijknet::indicators {

// cohesion (seeds 000, 002): "partners see each other regularly and know where to find each
// other" (000). On the actor network:
//   P = share of actor pairs that can reach each other (one component: 1),
//   d = average distance in ties between the pairs that can (networkx's average shortest path
//       length, taken over all connected pairs),
//   score = 100 * P * f(d), f(d) = clamp(1 - (d - 2) / 4, 0.5, 1): within two steps (partners
//       who meet in the coalition meeting or share a project, or know each other through one
//       person) costs nothing, four steps and more halves the score.
//   status: alert when P < 0.75 (a quarter of the pairs cannot reach each other), warn when the
//       network has more than one part or d > 3, else ok.
// Nodes: the actors outside the largest part.
HealthIndicator cohesion(const HealthContext& ctx) {
  auto ind = start("cohesion");
  const Network& net = ctx.actors;
  const std::size_t n = net.vertex_count();
  if (n < 2) return no_data(std::move(ind), ctx.tr("cohesion.no_data"));
  const Reach r = reach(net);
  const double P = double(r.connected_pairs) / double(r.pairs);
  const double factor = r.average_distance ? std::clamp(1.0 - (*r.average_distance - 2.0) / 4.0, 0.5, 1.0) : 0.5;
  ind.score = 100.0 * P * factor;

  // The largest part: most members, then the lowest component number.
  std::vector<std::size_t> sizes(r.components, 0);
  for (auto comp : r.component) ++sizes[comp];
  const std::uint32_t main = std::uint32_t(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  std::vector<std::size_t> outside;
  for (Network::Vertex v = 0; v < n; ++v)
    if (r.component[v] != main) outside.push_back(net.node_index(v));
  std::sort(outside.begin(), outside.end());

  if (P < 0.75)
    ind.status = HealthStatus::alert;
  else if (r.components > 1 || (r.average_distance && *r.average_distance > 3.0))
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;

  const std::string dist = r.average_distance ? ctx.num(*r.average_distance, 1) : "-";
  std::vector<std::size_t> funders;
  for (Network::Vertex v = 0; v < n; ++v)
    if (ctx.pure_funder[net.node_index(v)]) funders.push_back(net.node_index(v));
  std::sort(funders.begin(), funders.end());
  if (r.components == 1) {
    ind.message = ctx.tr("cohesion.one", {std::to_string(n), dist});
    const double d = r.average_distance.value_or(0);
    if (!funders.empty()) add_sentence(ind.message, ctx.tr("cohesion.funders", {ctx.labels(funders)}));
    if (d <= 2.0)
      add_sentence(ind.message, ctx.tr("cohesion.close"));
    else
      act(ind, ctx.tr(d <= 3.0 ? "cohesion.fair" : "cohesion.far"));
  } else {
    ind.message = ctx.tr("cohesion.split", {std::to_string(r.components), std::to_string(r.unreachable_pairs()),
                                            std::to_string(r.pairs), ctx.percent(1.0 - P), ctx.labels(outside)});
    if (!funders.empty()) add_sentence(ind.message, ctx.tr("cohesion.funders", {ctx.labels(funders)}));
    act(ind, ctx.tr("cohesion.split.do", {ctx.labels(outside, 4)}));
  }
  ind.nodes = ids_of(ctx, outside);
  ind.details = {{"actors", n},
                 {"components", r.components},
                 {"largest_component", r.largest},
                 {"actor_pairs", r.pairs},
                 {"unreachable_pairs", r.unreachable_pairs()},
                 {"reachable_share", P},
                 {"average_distance", r.average_distance ? Json(*r.average_distance) : Json(nullptr)},
                 {"distance_sampled", r.sampled},
                 {"funders_through_projects", ids_of(ctx, funders)}};
  return ind;
}

}  // namespace wijknet::indicators
