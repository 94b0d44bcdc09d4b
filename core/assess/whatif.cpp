#include "core/assess/whatif.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/assess/health_context.hpp"
#include "core/model/coalition_network.hpp"
#include "core/graph/reach.hpp"
#include "core/graph/degree.hpp"

namespace wijknet {
namespace {

// Per theme id, the actors (node indices) that carry it: they name the theme, or take part in a
// project of it.
std::map<std::string, std::set<std::size_t>> theme_carriers(const Coalition& c) {
  std::map<std::string, std::set<std::size_t>> out;
  for (const auto& t : theme_ids(c)) out[t];
  for (std::size_t i = 0; i < c.nodes.size(); ++i)
    if (c.nodes[i].is_actor())
      for (const auto& t : c.nodes[i].themes)
        if (out.count(t)) out[t].insert(i);
  for (const auto& e : c.edges) {
    if (e.kind != kinds::participates) continue;
    std::size_t actor = e.source, project = e.target;
    if (c.nodes[actor].kind == kinds::project) std::swap(actor, project);
    if (c.nodes[project].kind != kinds::project || !c.nodes[actor].is_actor()) continue;
    for (const auto& t : c.nodes[project].themes)
      if (out.count(t)) out[t].insert(actor);
  }
  return out;
}

std::map<std::string, std::size_t> project_members(const Coalition& c) {
  std::map<std::string, std::size_t> out;
  for (const auto& n : c.nodes)
    if (n.kind == kinds::project) out[n.id] = 0;
  for (const auto& e : c.edges) {
    if (e.kind != kinds::participates) continue;
    const Node &s = c.nodes[e.source], &t = c.nodes[e.target];
    if (s.kind == kinds::project && t.is_actor()) ++out[s.id];
    if (t.kind == kinds::project && s.is_actor()) ++out[t.id];
  }
  return out;
}

std::string names(const Coalition& c, const std::vector<std::string>& ids, Lang lang, std::size_t max = 5) {
  std::vector<std::string> labels;
  for (const auto& id : ids) {
    const Node* n = c.node(id);
    labels.push_back(n && !n->label.empty() ? n->label : id);
  }
  return join_names(lang, labels, max);
}

}  // namespace

NetworkFigures network_figures(const Network& net) {
  NetworkFigures f;
  const Reach r = reach(net);
  f.actors = net.vertex_count();
  f.ties = net.edge_count();
  f.components = r.components;
  f.density = density(net);
  f.centralization = degree_centralization(net);
  f.unreachable_pairs = r.unreachable_pairs();
  f.average_distance = r.average_distance;
  return f;
}

WhatIf what_if(const Coalition& coalition, const WhatIfOptions& options) {
  WhatIf w;
  const Date at = options.at.value_or(Date::today());
  std::vector<std::size_t> drop;
  for (const auto& id : options.remove) {
    auto i = coalition.find(id);
    if (!i) throw std::invalid_argument("unknown id '" + id + "' (--remove): no node has it");
    if (std::find(drop.begin(), drop.end(), *i) == drop.end()) drop.push_back(*i);
  }
  for (const auto& [a, b] : options.add_edges) {
    for (const auto& id : {a, b}) {
      if (!coalition.find(id)) throw std::invalid_argument("unknown id '" + id + "' (--add-edge): no node has it");
      if (std::find(options.remove.begin(), options.remove.end(), id) != options.remove.end())
        throw std::invalid_argument("'" + id + "' is both removed and given a new tie");
    }
    if (a == b) throw std::invalid_argument("--add-edge " + a + ":" + b + " ties a node to itself");
  }
  w.removed = options.remove;
  w.added = options.add_edges;

  Coalition modified = coalition;
  modified.remove_nodes(drop);
  for (const auto& [a, b] : options.add_edges) {
    Edge e;
    e.source = *modified.find(a);
    e.target = *modified.find(b);
    e.kind = std::string(kinds::collaborates);
    e.attrs["note"] = "what-if";
    modified.add_edge(std::move(e));
  }

  HealthOptions hopt;
  hopt.at = at;
  hopt.lang = options.lang;
  w.before = assess_health(coalition, hopt);
  w.after = assess_health(modified, hopt);

  const Coalition sb = coalition.at(at), sa = modified.at(at);
  const Network nb = collaboration_network(sb), na = collaboration_network(sa);
  w.figures_before = network_figures(nb);
  w.figures_after = network_figures(na);

  // What breaks: group the remaining actors by (component before, component after).
  const Reach rb = reach(nb, {}, 0, 0), ra = reach(na, {}, 0, 0);
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::string>> cells;
  std::map<std::uint32_t, std::uint64_t> before_size, after_size;
  for (Network::Vertex v2 = 0; v2 < na.vertex_count(); ++v2) {
    const std::string& id = sa.nodes[na.node_index(v2)].id;
    const auto i1 = sb.find(id);
    const auto v1 = i1 ? nb.vertex_of(*i1) : std::nullopt;
    const std::uint32_t cb = v1 ? rb.component[*v1] : std::uint32_t(rb.components + v2);  // new actor: own part
    cells[{cb, ra.component[v2]}].push_back(id);
    ++before_size[cb];
    ++after_size[ra.component[v2]];
  }
  std::uint64_t same_cell = 0;
  for (const auto& [key, ids] : cells) same_cell += pairs_of(ids.size());
  for (const auto& [c, k] : before_size) w.pairs_disconnected += pairs_of(k);
  for (const auto& [c, k] : after_size) w.pairs_connected += pairs_of(k);
  w.pairs_disconnected -= same_cell;
  w.pairs_connected -= same_cell;
  std::map<std::uint32_t, std::vector<std::vector<std::string>>> by_before;
  for (auto& [key, ids] : cells) by_before[key.first].push_back(ids);
  for (auto& [cb, groups] : by_before) {
    if (groups.size() < 2) continue;
    std::stable_sort(groups.begin(), groups.end(), [](auto& x, auto& y) { return x.size() > y.size(); });
    for (std::size_t g = 1; g < groups.size(); ++g) w.split_off.push_back(groups[g]);
  }
  std::stable_sort(w.split_off.begin(), w.split_off.end(), [](auto& x, auto& y) { return x.size() > y.size(); });

  const auto carriers_before = theme_carriers(sb), carriers_after = theme_carriers(sa);
  for (const auto& [t, set] : carriers_before) {
    auto it = carriers_after.find(t);
    if (!set.empty() && (it == carriers_after.end() || it->second.empty())) w.themes_without_partner.push_back(t);
  }
  const auto members_before = project_members(sb), members_after = project_members(sa);
  for (const auto& n : sb.nodes) {
    if (n.kind != kinds::project) continue;
    auto it = members_after.find(n.id);
    if (members_before.at(n.id) > 0 && it != members_after.end() && it->second == 0)
      w.projects_without_members.push_back(n.id);
  }

  // The sentences a coordinator reads first.
  const Lang lang = options.lang;
  auto add = [&](const std::string& s) {
    if (!w.summary.empty()) w.summary += ' ';
    w.summary += s;
  };
  std::vector<std::string> pairs;
  for (const auto& [a, b] : w.added) {
    const Node *na_ = coalition.node(a), *nb_ = coalition.node(b);
    pairs.push_back(tr(lang, "whatif.pair", {(na_->label.empty() ? a : na_->label) + " - " + (nb_->label.empty() ? b : nb_->label)}));
  }
  if (!w.removed.empty() && !w.added.empty())
    add(tr(lang, "whatif.change.both", {names(coalition, w.removed, lang), join_names(lang, pairs)}));
  else if (!w.removed.empty())
    add(tr(lang, "whatif.change.remove", {names(coalition, w.removed, lang)}));
  else if (!w.added.empty())
    add(tr(lang, "whatif.change.add", {join_names(lang, pairs)}));
  if (!w.split_off.empty()) {
    std::string groups;
    for (std::size_t g = 0; g < w.split_off.size() && g < 4; ++g)
      groups += (g ? "; " : "") + names(coalition, w.split_off[g], lang, 4);
    if (w.split_off.size() > 4) groups += "; ...";
    add(tr_count(lang, "whatif.split", w.split_off.size(),
                 {std::to_string(w.split_off.size()), groups, std::to_string(w.pairs_disconnected)}));
  } else {
    add(tr(lang, "whatif.whole"));
  }
  if (w.pairs_connected > 0) add(tr(lang, "whatif.connected", {std::to_string(w.pairs_connected)}));
  if (!w.themes_without_partner.empty()) {
    std::vector<std::string> labels;
    for (const auto& t : w.themes_without_partner) labels.push_back(theme_label(coalition, t));
    add(tr(lang, "whatif.themes", {join_names(lang, labels)}));
  }
  if (!w.projects_without_members.empty())
    add(tr(lang, "whatif.projects", {names(coalition, w.projects_without_members, lang)}));
  auto score = [&](const HealthReport& r) { return r.score ? format_number(lang, round1(*r.score), 0) : std::string("-"); };
  add(tr(lang, "whatif.score", {score(w.before), score(w.after)}));
  if (!w.split_off.empty()) add(tr(lang, "whatif.do.split"));
  return w;
}

namespace {
Json figures_json(const NetworkFigures& f) {
  return {{"actors", f.actors},
          {"ties", f.ties},
          {"components", f.components},
          {"density", f.density},
          {"unreachable_pairs", f.unreachable_pairs},
          {"average_distance", f.average_distance ? Json(*f.average_distance) : Json(nullptr)},
          {"centralization", f.centralization}};
}

Json side_json(const HealthReport& r, const NetworkFigures& f) {
  Json indicators = Json::array();
  for (const auto& ind : r.indicators)
    indicators.push_back({{"id", ind.id},
                          {"score", ind.score ? Json(round1(*ind.score)) : Json(nullptr)},
                          {"status", std::string(status_id(ind.status))}});
  return {{"score", r.score ? Json(round1(*r.score)) : Json(nullptr)}, {"figures", figures_json(f)}, {"indicators", indicators}};
}
}  // namespace

Json whatif_json(const WhatIf& w) {
  Json added = Json::array();
  for (const auto& [a, b] : w.added) added.push_back({a, b});
  return {{"removed", w.removed},
          {"added", added},
          {"before", side_json(w.before, w.figures_before)},
          {"after", side_json(w.after, w.figures_after)},
          {"breaks",
           {{"split_off", w.split_off},
            {"pairs_disconnected", w.pairs_disconnected},
            {"pairs_connected", w.pairs_connected},
            {"themes_without_partner", w.themes_without_partner},
            {"projects_without_members", w.projects_without_members}}},
          {"summary", w.summary},
          {"health_before", health_json(w.before)},
          {"health_after", health_json(w.after)}};
}

}  // namespace wijknet
