// The health indicator "broker_dependency" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>
#include <numeric>

#include "core/graph/reach.hpp"

namespace wijknet::indicators {

// broker_dependency (seed 001: the wijkmakelaar is the driving force and steps away after about
// two years, after which the coalition must carry on alone). Each actor v is removed in turn:
//   lost(v)  = actor pairs (v not in them) connected now but not without v (exact for every v,
//              O(n + m), health_network.hpp),
//   share(v) = lost(v) / the connected pairs among the other actors,
//   stretch(v) = average distance among the others without v / the same with v (exact BFS from
//              every actor up to 500 actors, 256 sampled sources above; computed for every actor up to
//              120 actors, else for the brokers, the 8 largest losses and the 8 highest degrees).
// The node whose loss hurts most, w, has the largest share (ties: larger stretch); when nobody
// disconnects anybody, the largest stretch.
//   score = 100 * (1 - share(w)) / max(1, stretch(w)),
//   status: alert when share(w) >= 0.25 (a quarter of the pairs lose touch), warn when
//       share(w) >= 0.10 or some stretch >= 1.5 (paths half as long again), else ok.
// The designated broker's figures (role "broker") are always reported, in the message and in
// details.brokers. Nodes: w, then the brokers.
// Source for removing nodes one by one and counting disconnected pairs: critical-node detection
// (Arulselvan, Commander, Elefteriadis and Pardalos, Comput. Oper. Res. 36, 2009); for the
// broker's position: R. S. Burt, Structural Holes (1992).
HealthIndicator broker_dependency(const HealthContext& ctx) {
  auto ind = start("broker_dependency");
  const Network& net = ctx.actors;
  const std::size_t n = net.vertex_count();
  if (n < 3) return no_data(std::move(ind), ctx.tr("broker.no_data"));

  const auto lost = pairs_lost_by_removal(net);
  const Reach base = reach(net, {}, 0, 0);  // components only; distances below
  std::vector<std::uint64_t> comp_size(base.components, 0);
  for (auto comp : base.component) ++comp_size[comp];
  auto share_of = [&](Network::Vertex v) {
    const std::uint64_t others = base.connected_pairs - (comp_size[base.component[v]] - 1);
    return others == 0 ? 0.0 : double(lost[v]) / double(others);
  };

  // Distance sums from every actor (or a sample) with nothing removed.
  constexpr std::size_t exact_limit = 500, samples = 256;
  const bool exact = n <= exact_limit;
  std::vector<std::int32_t> dist(n, -1);
  std::vector<Network::Vertex> queue;
  queue.reserve(n);
  std::vector<DistanceSum> from(n);
  std::uint64_t S = 0, K = 0;
  if (exact) {
    for (Network::Vertex s = 0; s < n; ++s) {
      from[s] = distance_sum_from(net, s, {}, dist, queue);
      S += from[s].sum;
      K += from[s].reached;
    }
  }
  const Reach full = exact ? Reach{} : reach(net, {}, exact_limit, samples);

  std::vector<std::uint8_t> examine(n, 0);
  std::vector<Network::Vertex> brokers;
  for (auto b : ctx.brokers)
    if (auto v = net.vertex_of(b)) brokers.push_back(*v);
  if (n <= 120) {
    std::fill(examine.begin(), examine.end(), 1);
  } else {
    for (auto b : brokers) examine[b] = 1;
    std::vector<Network::Vertex> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto mark_top = [&](auto key) {
      std::vector<Network::Vertex> o = order;
      std::stable_sort(o.begin(), o.end(), [&](auto a, auto b) { return key(a) > key(b); });
      for (std::size_t i = 0; i < std::min<std::size_t>(8, o.size()); ++i) examine[o[i]] = 1;
    };
    mark_top([&](Network::Vertex v) { return double(lost[v]); });
    mark_top([&](Network::Vertex v) { return double(net.degree(v)); });
  }

  std::vector<double> stretch(n, 1.0);
  std::vector<std::uint8_t> removed(n, 0);
  std::size_t examined = 0;
  for (Network::Vertex v = 0; v < n; ++v) {
    if (!examine[v]) continue;
    ++examined;
    removed[v] = 1;
    const Reach after = reach(net, removed, exact_limit, samples);
    removed[v] = 0;
    std::optional<double> before;
    if (exact) {
      const std::uint64_t k = K - 2 * from[v].reached;
      if (k > 0) before = double(S - 2 * from[v].sum) / double(k);
    } else {
      before = full.average_distance;
    }
    if (after.average_distance && before && *before > 0) stretch[v] = *after.average_distance / *before;
  }

  Network::Vertex w = 0;
  for (Network::Vertex v = 1; v < n; ++v) {
    const double sv = share_of(v), sw = share_of(w);
    if (sv > sw || (sv == sw && stretch[v] > stretch[w])) w = v;
  }
  const double share_w = share_of(w);
  const double max_stretch = *std::max_element(stretch.begin(), stretch.end());
  ind.score = 100.0 * (1.0 - share_w) / std::max(1.0, stretch[w]);
  if (share_w >= 0.25)
    ind.status = HealthStatus::alert;
  else if (share_w >= 0.10 || max_stretch >= 1.5)
    ind.status = HealthStatus::warn;
  else
    ind.status = HealthStatus::ok;

  const std::size_t w_node = net.node_index(w);
  auto longer = [&](Network::Vertex v) { return ctx.percent(std::max(0.0, stretch[v] - 1.0)); };
  // The worst node is named as "the neighbourhood broker" when it is one (and not said twice).
  const bool w_is_broker = std::find(brokers.begin(), brokers.end(), w) != brokers.end();
  const std::string w_name = w_is_broker ? ctx.broker_phrase(w_node) : ctx.label(w_node);
  if (lost[w] > 0) {
    ind.message = ctx.tr("broker.cut", {w_name, std::to_string(lost[w]), ctx.percent(share_w)});
    if (stretch[w] >= 1.05) add_sentence(ind.message, ctx.tr("broker.stretch", {longer(w)}));
  } else if (stretch[w] >= 1.25) {
    ind.message = ctx.tr("broker.longer", {w_name, longer(w)});
  } else if (stretch[w] >= 1.05) {
    ind.message = ctx.tr("broker.none_cut", {w_name, longer(w)});
  } else {
    ind.message = ctx.tr("broker.none_cut.even");
  }
  Json broker_details = Json::array();
  for (auto b : brokers) {
    const std::size_t b_node = net.node_index(b);
    if (b == w && (lost[w] > 0 || stretch[w] >= 1.05)) {
      // Already named in the first sentence.
    } else if (lost[b] > 0) {
      add_sentence(ind.message, ctx.tr("broker.broker", {ctx.broker_phrase(b_node), std::to_string(lost[b]),
                                                         ctx.percent(share_of(b)), longer(b)}));
    } else {
      add_sentence(ind.message, ctx.tr("broker.broker_safe", {ctx.broker_phrase(b_node), longer(b)}));
    }
    broker_details.push_back({{"id", ctx.c.nodes[b_node].id},
                              {"lost_pairs", lost[b]},
                              {"lost_share", share_of(b)},
                              {"path_stretch", stretch[b]}});
  }
  if (brokers.empty()) add_sentence(ind.message, ctx.tr("broker.no_broker"));
  if (ind.status == HealthStatus::ok)
    add_sentence(ind.message, ctx.tr("broker.do.ok"));
  else
    act(ind, ctx.tr(ind.status == HealthStatus::alert ? "broker.do.alert" : "broker.do.warn", {w_name}));

  // The node whose loss hurts most is named when its loss hurts at all; the brokers always.
  if (lost[w] > 0 || stretch[w] >= 1.05) ind.nodes.push_back(ctx.c.nodes[w_node].id);
  for (auto b : brokers)
    if (std::find(ind.nodes.begin(), ind.nodes.end(), ctx.c.nodes[net.node_index(b)].id) == ind.nodes.end())
      ind.nodes.push_back(ctx.c.nodes[net.node_index(b)].id);
  std::size_t cut_points = 0;
  for (auto l : lost) cut_points += l > 0;
  ind.details = {{"most_critical",
                  {{"id", ctx.c.nodes[w_node].id},
                   {"lost_pairs", lost[w]},
                   {"lost_share", share_w},
                   {"path_stretch", stretch[w]}}},
                 {"brokers", broker_details},
                 {"indispensable_members", cut_points},
                 {"examined", examined},
                 {"distance_sampled", !exact}};
  return ind;
}

}  // namespace wijknet::indicators
