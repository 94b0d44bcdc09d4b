#include "core/model/coalition_network.hpp"

namespace wijknet {

std::string_view scope_id(NetworkScope scope) {
  return scope == NetworkScope::actors ? "actors" : "members_and_projects";
}

std::string scope_name(Lang lang, NetworkScope scope) {
  return tr(lang, scope == NetworkScope::actors ? "network.actors" : "network.members_and_projects");
}

std::vector<bool> pure_funders(const Coalition& c) {
  std::vector<bool> funds(c.nodes.size(), false), other(c.nodes.size(), false);
  for (const auto& e : c.edges) {
    const bool to_project = !c.nodes[e.source].is_actor() || !c.nodes[e.target].is_actor();
    const bool funding = e.kind == kinds::funds && to_project;
    for (auto i : {e.source, e.target}) {
      if (!c.nodes[i].is_actor()) continue;
      (funding ? funds : other)[i] = true;
    }
  }
  std::vector<bool> pure(c.nodes.size(), false);
  for (std::size_t i = 0; i < c.nodes.size(); ++i) pure[i] = funds[i] && !other[i];
  return pure;
}

Network coalition_network(const Coalition& c, NetworkScope scope) {
  if (scope == NetworkScope::members_and_projects) return Network::build(c);
  NetworkOptions opt;
  opt.actors_only = true;
  const auto pure = pure_funders(c);
  auto dropped = [&](const Edge& e) {
    if (e.kind != kinds::funds) return false;
    const Node &s = c.nodes[e.source], &t = c.nodes[e.target];
    if (s.is_actor() && t.is_actor()) return false;  // a tie between two actors stays a tie
    const std::size_t actor = s.is_actor() ? e.source : e.target;
    return !pure[actor];
  };
  bool any = false;
  for (const auto& e : c.edges) any = any || dropped(e);
  if (!any) return Network::build(c, opt);
  Coalition copy;
  copy.nodes = c.nodes;
  copy.edges.reserve(c.edges.size());
  for (const auto& e : c.edges)
    if (!dropped(e)) copy.edges.push_back(e);
  return Network::build(copy, opt);
}

MeasuredNetwork measure_network(const Coalition& coalition, NetworkScope scope, std::optional<Date> at,
                                const AnalysisOptions& options) {
  MeasuredNetwork m;
  m.at = at.value_or(Date::today());
  m.scope = scope;
  m.snapshot = coalition.at(m.at);
  m.net = coalition_network(m.snapshot, scope);
  m.analysis = analyze(m.net, options);
  return m;
}

}  // namespace wijknet
