#include "core/assess/diff.hpp"

#include <map>
#include <tuple>

#include "core/assess/health.hpp"

namespace wijknet {
namespace {

using TieKey = std::tuple<std::string, std::string, std::string>;

std::map<TieKey, CoalitionDiff::TieChange> ties_of(const Coalition& c) {
  std::map<TieKey, CoalitionDiff::TieChange> out;
  for (const auto& e : c.edges) {
    const Node *s = &c.nodes[e.source], *t = &c.nodes[e.target];
    if (!e.directed && t->id < s->id) std::swap(s, t);
    out.emplace(TieKey{s->id, t->id, e.kind}, CoalitionDiff::TieChange{s->id, t->id, s->label, t->label, e.kind});
  }
  return out;
}

CoalitionDiff::NodeChange change_of(const Node& n) { return {n.id, n.label, n.kind, n.sector}; }

}  // namespace

CoalitionDiff diff(const Coalition& before, const Coalition& after, std::optional<Date> before_at,
                   std::optional<Date> after_at) {
  CoalitionDiff d;
  for (const auto& n : after.nodes)
    if (!before.find(n.id)) d.joined.push_back(change_of(n));
  for (const auto& n : before.nodes)
    if (!after.find(n.id)) d.left.push_back(change_of(n));
  const auto a = ties_of(before), b = ties_of(after);
  for (const auto& [key, tie] : b)
    if (!a.count(key)) d.ties_made.push_back(tie);
  for (const auto& [key, tie] : a)
    if (!b.count(key)) d.ties_lost.push_back(tie);

  const HealthReport hb = assess_health(before, {before_at}), ha = assess_health(after, {after_at});
  d.health.push_back({"score", hb.score, ha.score});
  for (const auto& ind : hb.indicators) {
    const HealthIndicator* other = ha.find(ind.id);
    d.health.push_back({ind.id, ind.score, other ? other->score : std::nullopt});
  }
  return d;
}

CoalitionDiff diff_sides(const Coalition& before, std::optional<Date> before_at, const Coalition& after,
                         std::optional<Date> after_at) {
  return diff(before_at ? before.at(*before_at) : before, after_at ? after.at(*after_at) : after, before_at, after_at);
}

Json diff_json(const CoalitionDiff& d) {
  auto nodes = [](const std::vector<CoalitionDiff::NodeChange>& v) {
    Json arr = Json::array();
    for (const auto& n : v) arr.push_back({{"id", n.id}, {"label", n.label}, {"kind", n.kind}, {"sector", n.sector}});
    return arr;
  };
  auto ties = [](const std::vector<CoalitionDiff::TieChange>& v) {
    Json arr = Json::array();
    for (const auto& t : v) arr.push_back({{"source", t.source}, {"target", t.target}, {"kind", t.kind}});
    return arr;
  };
  Json health = Json::array();
  for (const auto& h : d.health) {
    Json item = {{"id", h.id}, {"before", nullptr}, {"after", nullptr}};
    if (h.before) item["before"] = *h.before;
    if (h.after) item["after"] = *h.after;
    health.push_back(item);
  }
  return {{"joined", nodes(d.joined)}, {"left", nodes(d.left)}, {"ties_made", ties(d.ties_made)},
          {"ties_lost", ties(d.ties_lost)}, {"health", health}};
}

}  // namespace wijknet
