#include "core/model/coalition_network.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace wijknet {

Network build_network(const Coalition& coalition, const NetworkOptions& options) {
  using Vertex = Network::Vertex;
  constexpr Vertex absent = std::numeric_limits<Vertex>::max();
  const auto& nodes = coalition.nodes;
  auto present = [&](std::size_t i) {
    if (options.at && !nodes[i].exists_at(*options.at)) return false;
    return !options.actors_only || nodes[i].is_actor();
  };
  std::vector<std::size_t> node_index;
  std::vector<Vertex> vertex(nodes.size(), absent);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!present(i)) continue;
    vertex[i] = Vertex(node_index.size());
    node_index.push_back(i);
  }

  Network::Notes notes;
  std::vector<std::tuple<Vertex, Vertex, double>> ties;
  // Project members per project, for the two-mode projection.
  std::map<std::size_t, std::vector<Vertex>> members;
  for (const auto& e : coalition.edges) {
    if (options.at && !e.exists_at(*options.at)) continue;
    if (options.at && (!nodes[e.source].exists_at(*options.at) || !nodes[e.target].exists_at(*options.at))) continue;
    const Vertex u = vertex[e.source], v = vertex[e.target];
    if (u != absent && v != absent) {
      if (e.directed) ++notes.directed_edges;
      ties.emplace_back(u, v, e.weight);
    } else if (options.actors_only) {
      // An actor-project tie: remember the actor as a member of the project.
      if (u != absent && !nodes[e.target].is_actor()) members[e.target].push_back(u);
      if (v != absent && !nodes[e.source].is_actor()) members[e.source].push_back(v);
    }
  }
  const std::size_t direct_ties = ties.size();
  for (auto& [project, actors] : members) {
    std::sort(actors.begin(), actors.end());
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
    for (std::size_t a = 0; a < actors.size(); ++a)
      for (std::size_t b = a + 1; b < actors.size(); ++b) ties.emplace_back(actors[a], actors[b], 1.0);
  }
  // Shared projects add up on a pair by design; they are left out of the parallel-tie count.
  return Network::from_ties(std::move(node_index), std::move(ties), notes, direct_ties);
}


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
  if (scope == NetworkScope::members_and_projects) return build_network(c);
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
  if (!any) return build_network(c, opt);
  Coalition copy;
  copy.nodes = c.nodes;
  copy.edges.reserve(c.edges.size());
  for (const auto& e : c.edges)
    if (!dropped(e)) copy.edges.push_back(e);
  return build_network(copy, opt);
}

Network collaboration_network(const Coalition& coalition) {
  return coalition_network(coalition, NetworkScope::actors);
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
