// The health indicator "centralization" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

namespace wijknet::indicators {

// centralization (seeds 000, 002: "the government can initiate these partnerships but not steer
// them; its main task is to facilitate"). Freeman's degree centralization of the actor network
// with the designated broker(s) left out, since connecting is the broker's job and dependence on
// the broker is broker_dependency's question; this one asks whether a party steers:
//   C = sum over v of (max degree - degree(v)) / ((n - 1)(n - 2)), 1 for a star, 0 when even;
//   top = the actor with most ties, its tie share = its ties / all ties (the "share of ties
//       through the top node");
//   score = 100 * (1 - C);
//   status: alert when C >= 0.6, warn when C >= 0.4, else ok. In a small, dense coalition a
//       party that knows everyone is normal: with ten actors, a top party tied to all nine while
//       the others have six ties each gives C = 0.375 (ok); with four ties each 0.625 (alert).
// no_data with fewer than three actors or no tie among them once the broker is left out.
// Nodes: the top actor when the status is warn or alert.
// Source: L. C. Freeman, Social Networks 1 (1979) 215-239.
HealthIndicator centralization(const HealthContext& ctx) {
  auto ind = start("centralization");
  const Network& net = ctx.actors;
  const std::size_t n = net.vertex_count();
  // Left out: the designated broker(s) and pure funders (they are tied to the members of the
  // projects they pay for; paying is not steering the work, and funding_dependency judges it).
  std::vector<std::uint8_t> broker(n, 0);
  for (auto b : ctx.brokers)
    if (auto v = net.vertex_of(b)) broker[*v] = 1;
  std::vector<std::size_t> funders_left_out;
  for (Network::Vertex v = 0; v < n; ++v)
    if (ctx.pure_funder[net.node_index(v)]) broker[v] = 1, funders_left_out.push_back(net.node_index(v));
  std::vector<std::size_t> deg(n, 0);
  std::size_t n2 = 0, m2 = 0;
  for (Network::Vertex v = 0; v < n; ++v) {
    if (broker[v]) continue;
    ++n2;
    for (auto w : net.neighbors(v)) deg[v] += !broker[w];
    m2 += deg[v];
  }
  m2 /= 2;
  if (n2 < 3 || m2 == 0) return no_data(std::move(ind), ctx.tr("centralization.no_data"));
  Network::Vertex top = 0;
  bool found = false;
  for (Network::Vertex v = 0; v < n; ++v)
    if (!broker[v] && (!found || deg[v] > deg[top])) top = v, found = true;
  double sum = 0;
  for (Network::Vertex v = 0; v < n; ++v)
    if (!broker[v]) sum += double(deg[top] - deg[v]);
  const double C = sum / (double(n2 - 1) * double(n2 - 2));
  const double tie_share = double(deg[top]) / double(m2);
  ind.score = 100.0 * (1.0 - C);
  ind.status = C >= 0.6 ? HealthStatus::alert : C >= 0.4 ? HealthStatus::warn : HealthStatus::ok;

  const std::size_t top_node = net.node_index(top);
  ind.message = ctx.tr("centralization.value", {ctx.num(C, 2), ctx.label(top_node), ctx.percent(tie_share)});
  if (!ctx.brokers.empty()) add_sentence(ind.message, ctx.tr("centralization.broker_note", {ctx.labels(ctx.brokers)}));
  if (ind.status != HealthStatus::ok && sector_of(ctx.c.nodes[top_node]) == "municipality")
    add_sentence(ind.message, ctx.tr("centralization.municipality"));
  if (!funders_left_out.empty())
    add_sentence(ind.message, ctx.tr("centralization.funder_note", {ctx.labels(funders_left_out)}));
  if (ind.status == HealthStatus::ok)
    add_sentence(ind.message, ctx.tr("centralization.do.ok"));
  else
    act(ind, ctx.tr(ind.status == HealthStatus::alert ? "centralization.do.alert" : "centralization.do.warn",
                    {ctx.label(top_node)}));
  if (ind.status != HealthStatus::ok) ind.nodes.push_back(ctx.c.nodes[top_node].id);
  ind.details = {{"freeman_degree_centralization", C},
                 {"top", ctx.c.nodes[top_node].id},
                 {"top_ties", deg[top]},
                 {"top_tie_share", tie_share},
                 {"actors", n2},
                 {"ties", m2},
                 {"brokers_left_out", ids_of(ctx, ctx.brokers)},
                 {"funders_left_out", ids_of(ctx, funders_left_out)}};
  return ind;
}

}  // namespace wijknet::indicators
