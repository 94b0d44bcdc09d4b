// The ten health indicators of DOMAIN.md. Each function documents its formula, its thresholds
// and where they come from; README.md ("Coalition health") gathers them for users.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "core/assess/health_context.hpp"
#include "core/graph/reach.hpp"
#include "core/text/number_text.hpp"
#include "core/assess/portfolio.hpp"

namespace wijknet::detail {
namespace {

HealthIndicator start(std::string id) {
  HealthIndicator ind;
  ind.id = std::move(id);
  return ind;
}

HealthIndicator no_data(HealthIndicator ind, std::string message) {
  ind.status = HealthStatus::no_data;
  ind.score.reset();
  ind.message = std::move(message);
  return ind;
}

void add_sentence(std::string& text, const std::string& sentence) {
  if (sentence.empty()) return;
  if (!text.empty()) text += ' ';
  text += sentence;
}

std::vector<std::string> ids_of(const HealthContext& ctx, const std::vector<std::size_t>& nodes) {
  std::vector<std::string> ids;
  ids.reserve(nodes.size());
  for (auto i : nodes) ids.push_back(ctx.c.nodes[i].id);
  return ids;
}

// A number from attrs[key]: a JSON number or text as a Dutch or English user writes it
// (core/text/number_text.hpp).
std::optional<double> number_attr(const Json& attrs, const char* key) {
  if (!attrs.is_object()) return std::nullopt;
  auto it = attrs.find(key);
  if (it == attrs.end()) return std::nullopt;
  return number_value(*it);
}

// Sets the indicator's action and ends the message with it.
void act(HealthIndicator& ind, const std::string& action) {
  ind.action = action;
  add_sentence(ind.message, action);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// sector_diversity (seeds 000, 001, 002: the coalition brings together the municipality, housing
// corporations, schools and colleges, welfare organisations, entrepreneurs and residents; "coalitions
// with residents, entrepreneurs and civil-society organisations are necessary", 002).
//   score = 100 * (essential sectors present among the actors) / 6,
//   status: ok when all six are present, warn when four or five, alert when three or fewer.
// A resident without a sector counts as "residents". Nodes: none (a missing sector has no node);
// details.missing lists the sectors.
HealthIndicator sector_diversity(const HealthContext& ctx) {
  auto ind = start("sector_diversity");
  std::map<std::string, std::size_t> count;
  std::size_t actors = 0;
  for (const auto& node : ctx.c.nodes) {
    if (!node.is_actor()) continue;
    ++actors;
    const auto s = sector_of(node);
    if (!s.empty()) ++count[std::string(s)];
  }
  if (actors == 0) return no_data(std::move(ind), ctx.tr("cohesion.no_data"));
  std::vector<std::string> missing, missing_names;
  for (auto s : essential_sectors)
    if (!count.count(std::string(s))) {
      missing.emplace_back(s);
      missing_names.push_back(sector_name(ctx.lang, s));
    }
  const std::size_t present = essential_sectors.size() - missing.size();
  ind.score = 100.0 * double(present) / double(essential_sectors.size());
  ind.status = present == essential_sectors.size() ? HealthStatus::ok
               : present >= 4                        ? HealthStatus::warn
                                                     : HealthStatus::alert;
  ind.message = missing.empty() ? ctx.tr("sectors.all") : ctx.tr("sectors.missing", {ctx.ids_joined(missing_names, 6)});
  if (!missing.empty()) act(ind, ctx.tr("sectors.do", {ctx.ids_joined(missing_names, 6)}));
  Json per_sector = Json::object();
  for (const auto& [s, k] : count) per_sector[s] = k;
  ind.details = {{"present", per_sector}, {"missing", missing}};
  return ind;
}

// ---------------------------------------------------------------------------------------------
// resident_voice (seed 003: "people want to be heard, to have a say and to decide"; the Hague
// programme put "the voice of residents" at its centre). Residents are actors of kind resident
// or sector residents. A project gives residents a voice when a resident takes part in it as
// lead, member or volunteer (a `participates` edge with attrs.role of those, or without a role);
// residents who are only beneficiaries do not count.
//   share = projects with resident voice / projects,
//   score = 100 * min(1, share + 0.1 when at least one project is led by residents),
//   status: alert when no project has resident voice (also when there are no residents), warn
//       when fewer than a third of the projects have it, else ok.
// no_data without projects. Nodes: the projects without residents.
HealthIndicator resident_voice(const HealthContext& ctx) {
  auto ind = start("resident_voice");
  std::vector<std::size_t> residents, projects, without, passive;
  std::size_t with_voice = 0, led = 0;
  std::vector<std::uint8_t> active(ctx.c.nodes.size(), 0);
  for (std::size_t i = 0; i < ctx.c.nodes.size(); ++i) {
    const Node& node = ctx.c.nodes[i];
    if (node.is_actor() && sector_of(node) == "residents") residents.push_back(i);
    if (node.kind != kinds::project) continue;
    projects.push_back(i);
    bool voice = false, lead = false;
    for (const auto& p : ctx.participants[i]) {
      if (sector_of(ctx.c.nodes[p.actor]) != "residents" || !voice_role(p.role)) continue;
      voice = true;
      active[p.actor] = 1;
      lead = lead || p.role == "lead" || p.role == "trekker";
    }
    with_voice += voice;
    led += lead;
    if (!voice) without.push_back(i);
  }
  if (projects.empty()) return no_data(std::move(ind), ctx.tr("residents.no_data"));
  for (auto r : residents)
    if (!active[r]) passive.push_back(r);
  const double share = double(with_voice) / double(projects.size());
  ind.score = residents.empty() ? 0.0 : 100.0 * std::min(1.0, share + (led > 0 ? 0.1 : 0.0));
  ind.status = with_voice == 0               ? HealthStatus::alert
               : share < 1.0 / 3.0 - 1e-12 ? HealthStatus::warn
                                             : HealthStatus::ok;
  if (residents.empty()) {
    ind.message = ctx.tr("residents.none");
  } else if (with_voice == 0) {
    ind.message = ctx.tr_count("residents.passive", residents.size(), {std::to_string(residents.size())});
  } else {
    ind.message = ctx.tr_count(led > 0 ? "residents.share" : "residents.share.nolead", projects.size(),
                               {std::to_string(with_voice), std::to_string(projects.size()), std::to_string(led)});
    if (ind.status != HealthStatus::ok)
      add_sentence(ind.message, ctx.tr("residents.without", {ctx.labels(without)}));
    else
      add_sentence(ind.message, ctx.tr("residents.ok"));
  }
  if (residents.empty())
    act(ind, ctx.tr("residents.do.none"));
  else if (ind.status != HealthStatus::ok)
    act(ind, ctx.tr("residents.do", {ctx.labels(without, 3)}));
  ind.nodes = ids_of(ctx, without);
  ind.details = {{"residents", residents.size()},
                 {"projects", projects.size()},
                 {"projects_with_residents", with_voice},
                 {"projects_led_by_residents", led},
                 {"residents_not_in_projects", ids_of(ctx, passive)}};
  return ind;
}

// ---------------------------------------------------------------------------------------------
// theme_coverage (seed 000: the coalition works on its themes with projects that partners take
// up together; seed 004: pearls span several subjects). For every theme, the sectors of the
// actors who take part (lead, member, volunteer) in the projects of that theme:
//   per theme min(1, sectors / 3): three sectors or more is broad support;
//   score = 100 * mean over the themes (a theme without projects counts 0),
//   status: alert when a theme has no project or is carried by one sector (or none), warn when
//       one is carried by two, else ok.
// no_data without themes or without projects. Nodes: the projects of the themes carried by
// fewer than three sectors (the ones that need partners from elsewhere).
HealthIndicator theme_coverage(const HealthContext& ctx) {
  auto ind = start("theme_coverage");
  const auto themes = theme_ids(ctx.c);
  std::size_t project_count = 0;
  for (const auto& n : ctx.c.nodes) project_count += n.kind == kinds::project;
  if (themes.empty() || project_count == 0) return no_data(std::move(ind), ctx.tr("themes.no_data"));

  std::vector<std::string> uncovered, single, two;
  std::vector<std::size_t> weak_projects;
  double sum = 0;
  Json per_theme = Json::array();
  for (const auto& t : themes) {
    std::vector<std::size_t> projects;
    std::set<std::string> sectors;
    for (std::size_t i = 0; i < ctx.c.nodes.size(); ++i) {
      const Node& node = ctx.c.nodes[i];
      if (node.kind != kinds::project || std::find(node.themes.begin(), node.themes.end(), t) == node.themes.end())
        continue;
      projects.push_back(i);
      for (const auto& p : ctx.participants[i]) {
        if (!voice_role(p.role)) continue;
        const auto s = sector_of(ctx.c.nodes[p.actor]);
        sectors.insert(s.empty() ? std::string("unknown") : std::string(s));
      }
    }
    const std::string label = theme_label(ctx.c, t);
    std::string state = "ok";
    if (projects.empty()) {
      uncovered.push_back(label);
      state = "no_projects";
    } else if (sectors.size() <= 1) {
      single.push_back(label);
      state = "one_sector";
    } else if (sectors.size() == 2) {
      two.push_back(label);
      state = "two_sectors";
    }
    if (!projects.empty() && sectors.size() < 3) weak_projects.insert(weak_projects.end(), projects.begin(), projects.end());
    sum += projects.empty() ? 0.0 : std::min(1.0, double(sectors.size()) / 3.0);
    per_theme.push_back({{"id", t},
                         {"projects", ids_of(ctx, projects)},
                         {"sectors", std::vector<std::string>(sectors.begin(), sectors.end())},
                         {"state", state}});
  }
  ind.score = 100.0 * sum / double(themes.size());
  ind.status = !uncovered.empty() || !single.empty() ? HealthStatus::alert
               : !two.empty()                        ? HealthStatus::warn
                                                     : HealthStatus::ok;
  if (!uncovered.empty()) add_sentence(ind.message, ctx.tr("themes.uncovered", {ctx.ids_joined(uncovered)}));
  if (!single.empty()) add_sentence(ind.message, ctx.tr("themes.single", {ctx.ids_joined(single)}));
  if (!two.empty()) add_sentence(ind.message, ctx.tr("themes.two", {ctx.ids_joined(two)}));
  if (ind.status == HealthStatus::ok) {
    add_sentence(ind.message, ctx.tr("themes.ok"));
  } else {
    std::vector<std::string> weak = uncovered;
    weak.insert(weak.end(), single.begin(), single.end());
    weak.insert(weak.end(), two.begin(), two.end());
    act(ind, ctx.tr("themes.do", {ctx.ids_joined(weak, 4)}));
  }
  std::vector<std::size_t> unique;
  for (auto p : weak_projects)
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  ind.nodes = ids_of(ctx, unique);
  ind.details = {{"themes", per_theme}};
  return ind;
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

}  // namespace wijknet::detail
