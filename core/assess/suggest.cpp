#include "core/assess/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>

#include "core/model/coalition_network.hpp"
#include "core/assess/health.hpp"
#include "core/assess/health_context.hpp"
#include "core/graph/reach.hpp"
#include "core/graph/betweenness.hpp"
#include "core/graph/community.hpp"
#include "core/text/utf8.hpp"

namespace wijknet {
namespace {

using Vertex = Network::Vertex;

void add(std::string& text, const std::string& s) {
  if (s.empty()) return;
  if (!text.empty()) text += ' ';
  text += s;
}

template <class T>
std::vector<T> intersect_sorted(std::vector<T> a, std::vector<T> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Union-find over vertices with component sizes, for counting the pairs a tie reconnects.
struct Groups {
  std::vector<std::uint32_t> parent;
  std::vector<std::uint64_t> size;
  explicit Groups(const std::vector<std::uint32_t>& component, std::size_t count) : parent(count), size(count, 0) {
    std::iota(parent.begin(), parent.end(), 0);
    for (auto c : component)
      if (c < count) ++size[c];
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (size[a] < size[b]) std::swap(a, b);
    parent[b] = a;
    size[a] += size[b];
  }
};

// Everything the suggestions share about one snapshot.
struct Facts {
  const HealthContext& ctx;
  const Network& net;
  std::vector<std::string> themes;
  std::map<std::string, std::set<std::string>> theme_sectors;  // sectors taking part per theme
  std::set<std::string> coalition_sectors;
  std::set<std::pair<std::size_t, std::size_t>> direct;  // actor pairs (node indices, min first) with a tie
  std::vector<int> community;                             // per vertex
  std::vector<std::uint64_t> lost;                        // per vertex
  // Betweenness is shown on the network of all members with their projects, the network of
  // `wijknet analyze` and the viewer, so a member's figure is the same everywhere.
  Network full;
  std::vector<double> full_betweenness;  // per vertex of `full`

  explicit Facts(const HealthContext& c) : ctx(c), net(c.actors) {
    themes = theme_ids(ctx.c);
    for (const auto& t : themes) {
      auto& set = theme_sectors[t];
      for (std::size_t i = 0; i < ctx.c.nodes.size(); ++i) {
        const Node& n = ctx.c.nodes[i];
        if (n.kind != kinds::project || std::find(n.themes.begin(), n.themes.end(), t) == n.themes.end()) continue;
        for (const auto& p : ctx.participants[i])
          if (voice_role(p.role)) {
            const auto s = sector_of(ctx.c.nodes[p.actor]);
            if (!s.empty()) set.insert(std::string(s));
          }
      }
    }
    for (const auto& n : ctx.c.nodes)
      if (n.is_actor() && !sector_of(n).empty()) coalition_sectors.insert(std::string(sector_of(n)));
    for (const auto& e : ctx.c.edges) {
      if (e.source == e.target || !ctx.c.nodes[e.source].is_actor() || !ctx.c.nodes[e.target].is_actor()) continue;
      direct.insert({std::min(e.source, e.target), std::max(e.source, e.target)});
    }
    community = leiden_communities(net, false);  // the groups `analyze` reports, by the same method
    lost = pairs_lost_by_removal(net);
    full = coalition_network(ctx.c, NetworkScope::members_and_projects);
    full_betweenness = betweenness_centrality(full, false);
  }

  // A node's betweenness on the members-and-projects network (0 when not in it).
  double betweenness_of(std::size_t node_index) const {
    const auto v = full.vertex_of(node_index);
    return v ? full_betweenness[*v] : 0.0;
  }

  const Node& node(Vertex v) const { return ctx.c.nodes[net.node_index(v)]; }
  bool tied(std::size_t a, std::size_t b) const { return direct.count({std::min(a, b), std::max(a, b)}) > 0; }
  std::vector<std::string> shared_themes(std::size_t a, std::size_t b) const {
    return intersect_sorted(ctx.c.nodes[a].themes, ctx.c.nodes[b].themes);
  }
  std::vector<std::size_t> shared_projects(std::size_t a, std::size_t b) const {
    return intersect_sorted(ctx.projects_of[a], ctx.projects_of[b]);
  }
  std::string theme_labels(const std::vector<std::string>& ids) const {
    std::vector<std::string> labels;
    for (const auto& t : ids) labels.push_back(theme_label(ctx.c, t));
    return ctx.ids_joined(labels);
  }
  std::string sector_names(const std::vector<std::string>& sectors) const {
    std::vector<std::string> names;
    for (const auto& s : sectors) names.push_back(sector_name(ctx.lang, s));
    return ctx.ids_joined(names);
  }
};

// ---- missing sectors

std::vector<MissingSectors> missing_sectors(const Facts& f) {
  std::vector<MissingSectors> out;
  const auto& ctx = f.ctx;
  MissingSectors whole;
  for (auto s : essential_sectors)
    if (!f.coalition_sectors.count(std::string(s))) whole.sectors.emplace_back(s);
  if (!whole.sectors.empty()) {
    whole.reason = ctx.tr("suggest.missing.coalition", {f.sector_names(whole.sectors)});
    out.push_back(whole);
  }
  for (const auto& t : f.themes) {
    MissingSectors m;
    m.theme = t;
    const auto& have = f.theme_sectors.at(t);
    for (auto s : essential_sectors)
      if (!have.count(std::string(s))) m.sectors.emplace_back(s);
    if (m.sectors.empty()) continue;
    // Members of the missing sectors who already name the theme, else any member of them.
    std::vector<std::size_t> members, others;
    for (std::size_t i = 0; i < ctx.c.nodes.size(); ++i) {
      const Node& n = ctx.c.nodes[i];
      if (!n.is_actor()) continue;
      const std::string s(sector_of(n));
      if (std::find(m.sectors.begin(), m.sectors.end(), s) == m.sectors.end()) continue;
      (std::find(n.themes.begin(), n.themes.end(), t) != n.themes.end() ? members : others).push_back(i);
    }
    members.insert(members.end(), others.begin(), others.end());
    for (auto i : members) m.members.push_back(ctx.c.nodes[i].id);
    m.reason = ctx.tr("suggest.missing.theme", {theme_label(ctx.c, t), f.sector_names(m.sectors)});
    if (!members.empty()) add(m.reason, ctx.tr("suggest.missing.ask", {ctx.labels(members, 4)}));
    out.push_back(std::move(m));
  }
  return out;
}

// ---- candidates

std::vector<CandidateSuggestion> rank_candidates(const Facts& f, const std::vector<Candidate>& registry,
                                                 std::size_t max) {
  const auto& ctx = f.ctx;
  std::set<std::string> member_names;
  for (const auto& n : ctx.c.nodes) member_names.insert(ascii_lower(n.label)), member_names.insert(ascii_lower(n.id));
  std::vector<CandidateSuggestion> out;
  for (const auto& cand : registry) {
    if (member_names.count(ascii_lower(cand.name))) continue;
    CandidateSuggestion s;
    s.name = cand.name;
    s.sector = cand.sector;
    const bool essential =
        std::find(essential_sectors.begin(), essential_sectors.end(), cand.sector) != essential_sectors.end();
    std::string reason;
    if (!cand.sector.empty() && !f.coalition_sectors.count(cand.sector)) {
      s.score += essential ? 3.0 : 1.0;
      s.fills.push_back((essential ? "sector:" : "new_sector:") + cand.sector);
      add(reason, ctx.tr(essential ? "suggest.cand.sector" : "suggest.cand.new_sector",
                         {sector_name(ctx.lang, cand.sector)}));
    }
    std::vector<std::string> theme_gaps;
    for (const auto& ct : cand.themes) {
      for (const auto& t : f.themes) {
        if (ascii_lower(ct) != ascii_lower(t) && ascii_lower(ct) != ascii_lower(theme_label(ctx.c, t))) continue;
        const auto& have = f.theme_sectors.at(t);
        if (cand.sector.empty() || have.count(cand.sector)) continue;
        if (have.size() < 3 || essential) {
          if (std::find(theme_gaps.begin(), theme_gaps.end(), t) == theme_gaps.end()) theme_gaps.push_back(t);
        }
      }
    }
    for (const auto& t : theme_gaps) s.fills.push_back("theme:" + t);
    s.score += double(theme_gaps.size());
    if (!theme_gaps.empty())
      add(reason, ctx.tr("suggest.cand.themes", {f.theme_labels(theme_gaps), sector_name(ctx.lang, cand.sector)}));
    if (s.fills.empty()) continue;
    std::vector<std::size_t> known;
    for (const auto& id : cand.ties)
      if (auto i = ctx.c.find(id); i && ctx.c.nodes[*i].is_actor() &&
                                   std::find(known.begin(), known.end(), *i) == known.end())
        known.push_back(*i);
    for (auto i : known) s.known_members.push_back(ctx.c.nodes[i].id);
    s.score += 0.5 * double(std::min<std::size_t>(known.size(), 4));
    add(reason, known.empty() ? ctx.tr("suggest.cand.noties") : ctx.tr("suggest.cand.ties", {ctx.labels(known, 4)}));
    s.reason = std::move(reason);
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const CandidateSuggestion& a, const CandidateSuggestion& b) {
    return a.score != b.score ? a.score > b.score : a.name < b.name;
  });
  if (out.size() > max) out.resize(max);
  return out;
}

// ---- introductions

struct PairFacts {
  Vertex u, v;
  std::vector<std::string> themes;
  std::vector<std::size_t> projects;
  bool bridge = false;
};

std::string introduction_reason(const Facts& f, const PairFacts& p, std::uint64_t kept, Vertex target,
                                bool target_is_broker) {
  const auto& ctx = f.ctx;
  std::string reason;
  if (!p.themes.empty()) add(reason, ctx.tr("suggest.intro.themes", {f.theme_labels(p.themes)}));
  if (!p.projects.empty()) add(reason, ctx.tr("suggest.intro.projects", {ctx.labels(p.projects, 3)}));
  if (p.bridge && !p.themes.empty()) add(reason, ctx.tr("suggest.intro.bridge"));
  if (kept > 0)
    add(reason, ctx.tr(kept == 1 ? "suggest.intro.keeps.one" : "suggest.intro.keeps",
                       {target_is_broker ? ctx.broker_phrase(f.net.node_index(target)) : ctx.label(f.net.node_index(target)),
                        std::to_string(kept)}));
  return reason;
}

Introduction make_introduction(const Facts& f, const PairFacts& p, std::uint64_t kept, double score) {
  Introduction in;
  std::size_t a = f.net.node_index(p.u), b = f.net.node_index(p.v);
  if (b < a) std::swap(a, b);
  in.a = f.ctx.c.nodes[a].id;
  in.b = f.ctx.c.nodes[b].id;
  in.shared_themes = p.themes;
  for (auto pr : p.projects) in.shared_projects.push_back(f.ctx.c.nodes[pr].id);
  in.bridges_groups = p.bridge;
  in.pairs_kept = kept;
  in.score = score;
  return in;
}

// The vertex whose loss the introductions should guard against: the first designated broker,
// else the member whose loss disconnects most pairs (none when nobody's does).
std::optional<Vertex> guarded_vertex(const Facts& f, bool* is_broker) {
  *is_broker = false;
  for (auto b : f.ctx.brokers)
    if (auto v = f.net.vertex_of(b)) {
      *is_broker = true;
      return *v;
    }
  if (f.lost.empty()) return std::nullopt;
  const auto it = std::max_element(f.lost.begin(), f.lost.end());
  if (*it == 0) return std::nullopt;
  return Vertex(it - f.lost.begin());
}

std::vector<Introduction> introductions(const Facts& f, std::size_t max) {
  const auto& net = f.net;
  const std::size_t n = net.vertex_count();
  bool target_is_broker = false;
  const auto target = guarded_vertex(f, &target_is_broker);
  // Components without the target, restricted to the target's own component.
  std::vector<std::uint32_t> comp;
  std::size_t comp_count = 0;
  const std::uint64_t target_lost = target ? f.lost[*target] : 0;
  if (target && target_lost > 0) {
    std::vector<std::uint8_t> removed(n, 0);
    removed[*target] = 1;
    const Reach without = reach(net, removed, 0, 0);
    const Reach with = reach(net, {}, 0, 0);
    comp = without.component;
    comp_count = without.components;
    for (Vertex v = 0; v < n; ++v)
      if (with.component[v] != with.component[*target]) comp[v] = std::numeric_limits<std::uint32_t>::max();
  }

  std::vector<PairFacts> pairs;
  auto consider = [&](Vertex u, Vertex v) {
    if (u == v || (target && (u == *target || v == *target))) return;
    const std::size_t a = net.node_index(u), b = net.node_index(v);
    if (f.tied(a, b)) return;
    PairFacts p{u, v, f.shared_themes(a, b), f.shared_projects(a, b), false};
    p.bridge = f.community[u] != f.community[v];
    const bool reconnects = !comp.empty() && comp[u] != comp[v] && comp[u] < comp_count && comp[v] < comp_count;
    if (p.themes.empty() && p.projects.empty() && !reconnects) return;
    pairs.push_back(std::move(p));
  };
  if (n <= 1500) {
    for (Vertex u = 0; u < n; ++u)
      for (Vertex v = u + 1; v < n; ++v) consider(u, v);
  } else {
    // Pairs that share a project, and for each part split off by the target one pair with the
    // main part; quadratic in project sizes, not in n.
    std::set<std::pair<Vertex, Vertex>> seen;
    for (std::size_t pr = 0; pr < f.ctx.c.nodes.size(); ++pr) {
      const auto& members = f.ctx.participants[pr];
      for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t j = i + 1; j < members.size(); ++j) {
          auto u = net.vertex_of(members[i].actor), v = net.vertex_of(members[j].actor);
          if (!u || !v || *u == *v) continue;
          auto key = std::minmax(*u, *v);
          if (seen.insert({key.first, key.second}).second) consider(key.first, key.second);
        }
    }
  }

  std::optional<Groups> groups;
  if (!comp.empty()) groups.emplace(comp, comp_count);
  auto kept_by = [&](const PairFacts& p) -> std::uint64_t {
    if (!groups || comp[p.u] >= comp_count || comp[p.v] >= comp_count) return 0;
    const auto a = groups->find(comp[p.u]), b = groups->find(comp[p.v]);
    return a == b ? 0 : groups->size[a] * groups->size[b];
  };
  auto score_of = [&](const PairFacts& p, std::uint64_t kept) {
    double s = double(p.themes.size()) + 1.5 * double(p.projects.size());
    if (p.bridge && !p.themes.empty()) s += 2.0;
    if (target_lost > 0) s += 4.0 * double(kept) / double(target_lost);
    return s;
  };

  // Lazy greedy: the pairs a chosen tie has already reconnected lose their bonus.
  std::vector<Introduction> out;
  std::vector<std::uint8_t> used(pairs.size(), 0);
  std::vector<int> per_member(n, 0);
  while (out.size() < max) {
    std::size_t best = pairs.size();
    double best_score = 0;
    std::uint64_t best_kept = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (used[i] || per_member[pairs[i].u] >= 2 || per_member[pairs[i].v] >= 2) continue;
      const auto kept = kept_by(pairs[i]);
      const double s = score_of(pairs[i], kept);
      if (s > best_score) best = i, best_score = s, best_kept = kept;
    }
    if (best == pairs.size()) break;
    used[best] = 1;
    const auto& p = pairs[best];
    ++per_member[p.u];
    ++per_member[p.v];
    Introduction in = make_introduction(f, p, best_kept, best_score);
    in.reason = introduction_reason(f, p, best_kept, target.value_or(0), target_is_broker);
    if (best_kept > 0) groups->join(comp[p.u], comp[p.v]);
    out.push_back(std::move(in));
  }
  return out;
}

// ---- succession

std::optional<Succession> succession(const Facts& f) {
  const auto& ctx = f.ctx;
  const auto& net = f.net;
  const std::size_t n = net.vertex_count();
  if (n < 3) return std::nullopt;
  Succession s;
  std::optional<Vertex> leaving;
  for (auto b : ctx.brokers)
    if (auto v = net.vertex_of(b)) {
      leaving = *v;
      s.designated = true;
      break;
    }
  if (!leaving) {
    Vertex top = 0;
    for (Vertex v = 1; v < n; ++v)
      if (f.betweenness_of(net.node_index(v)) > f.betweenness_of(net.node_index(top))) top = v;
    leaving = top;
  }
  const Vertex b = *leaving;
  const std::size_t b_node = net.node_index(b);
  s.leaving = ctx.c.nodes[b_node].id;
  s.pairs_lost = f.lost[b];

  // The parts of the leaving member's component that fall apart without it.
  std::vector<std::uint8_t> removed(n, 0);
  removed[b] = 1;
  const Reach with = reach(net, {}, 0, 0);
  const Reach without_b = reach(net, removed, 0, 0);
  std::map<std::uint32_t, std::vector<Vertex>> parts;
  for (Vertex v = 0; v < n; ++v)
    if (v != b && with.component[v] == with.component[b]) parts[without_b.component[v]].push_back(v);
  std::vector<std::vector<Vertex>> ordered;
  for (auto& [c, members] : parts) ordered.push_back(std::move(members));
  std::stable_sort(ordered.begin(), ordered.end(), [](auto& x, auto& y) { return x.size() > y.size(); });

  // Reconnect: join each part, largest first, to what is already joined, by the pair that shares
  // the most themes; then a member of the largest part (the core of the coalition); then the
  // better connected pair. k parts need k - 1 ties, so the set is the smallest possible.
  std::vector<std::pair<Vertex, Vertex>> added;
  if (ordered.size() > 1) {
    std::vector<Vertex> joined = ordered[0];
    for (std::size_t k = 1; k < ordered.size(); ++k) {
      std::vector<Vertex> side = joined;
      std::stable_sort(side.begin(), side.end(), [&](Vertex x, Vertex y) { return net.degree(x) > net.degree(y); });
      if (side.size() > 200) side.resize(200);  // bounds the work on huge networks
      PairFacts best{0, 0, {}, {}, false};
      double best_score = -1;
      for (Vertex x : side)
        for (Vertex y : ordered[k]) {
          const std::size_t a = net.node_index(x), c = net.node_index(y);
          auto themes = f.shared_themes(a, c);
          const double score =
              2.0 * double(themes.size()) +
              (std::find(ordered[0].begin(), ordered[0].end(), x) != ordered[0].end() ? 0.5 : 0.0) +
              1e-3 * double(std::min<std::size_t>(net.degree(x) + net.degree(y), 999));
          if (score > best_score) {
            best_score = score;
            best = PairFacts{x, y, std::move(themes), f.shared_projects(a, c), f.community[x] != f.community[y]};
          }
        }
      const std::uint64_t joined_size = joined.size();
      Introduction in = make_introduction(f, best, joined_size * ordered[k].size(), best_score);
      std::vector<std::size_t> group;
      for (auto v : ordered[k]) group.push_back(net.node_index(v));
      in.reason = ctx.tr("suggest.reconnect", {ctx.labels(group, 4), ctx.broker_phrase(b_node)});
      if (!best.themes.empty()) add(in.reason, ctx.tr("suggest.intro.themes", {f.theme_labels(best.themes)}));
      s.reconnect.push_back(std::move(in));
      added.emplace_back(best.u, best.v);
      joined.insert(joined.end(), ordered[k].begin(), ordered[k].end());
    }
  }

  // Who takes over the bridging: betweenness on the network of all members with their projects
  // without the leaving member, with the reconnecting introductions made (so the members they run
  // through count as bridges). Seeds 001 and 002: the coalition is to carry on by itself and the
  // municipality may initiate but not steer, so partners who are not the municipality come first,
  // and among them those who already know most of the leaving member's contacts, then the larger
  // betweenness. The municipality is named only after them.
  Coalition after = ctx.c;
  for (auto [x, y] : added) {
    Edge e;
    e.source = net.node_index(x);
    e.target = net.node_index(y);
    e.kind = std::string(kinds::collaborates);
    after.add_edge(std::move(e));
  }
  after.remove_nodes({b_node});
  const Network full_after = coalition_network(after, NetworkScope::members_and_projects);
  const auto between_after = betweenness_centrality(full_after, false);
  const auto b_contacts = net.neighbors(b);
  struct Option {
    Vertex v;
    bool municipal;
    std::size_t shared;
    double after;
  };
  std::vector<Option> options;
  for (Vertex v = 0; v < n; ++v) {
    if (v == b) continue;
    const std::size_t node = net.node_index(v);
    if (ctx.pure_funder[node]) continue;  // pays, does not connect the work
    const auto i = after.find(ctx.c.nodes[node].id);
    const auto w = i ? full_after.vertex_of(*i) : std::nullopt;
    const double bt = w ? between_after[*w] : 0.0;
    if (bt <= 0) continue;
    std::size_t shared = 0;
    for (auto x : net.neighbors(v)) shared += std::binary_search(b_contacts.begin(), b_contacts.end(), x);
    options.push_back({v, sector_of(ctx.c.nodes[node]) == "municipality", shared, bt});
  }
  std::stable_sort(options.begin(), options.end(), [](const Option& x, const Option& y) {
    if (x.municipal != y.municipal) return !x.municipal;
    if (x.shared != y.shared) return x.shared > y.shared;
    return x.after > y.after;
  });
  for (std::size_t i = 0; i < std::min<std::size_t>(3, options.size()); ++i) {
    const Option& o = options[i];
    const std::size_t node = net.node_index(o.v);
    Successor succ;
    succ.id = ctx.c.nodes[node].id;
    succ.municipality = o.municipal;
    succ.betweenness_before = f.betweenness_of(node);
    succ.betweenness_after = o.after;
    succ.shared_contacts = o.shared;
    succ.reason = ctx.tr("suggest.successor", {ctx.label(node), ctx.num(succ.betweenness_before, 3),
                                               ctx.num(succ.betweenness_after, 3), std::to_string(succ.shared_contacts),
                                               std::to_string(b_contacts.size()), ctx.broker_phrase(b_node)});
    s.successors.push_back(std::move(succ));
  }

  s.reason = s.designated ? ctx.tr("suggest.succession.designated", {ctx.broker_phrase(b_node), std::to_string(s.pairs_lost)})
                          : ctx.tr("suggest.succession.top", {ctx.label(b_node), std::to_string(s.pairs_lost)});
  if (s.pairs_lost == 0)
    add(s.reason, ctx.tr("suggest.succession.whole"));
  else
    add(s.reason, ctx.tr_count("suggest.succession.fix", s.reconnect.size(), {std::to_string(s.reconnect.size())}));
  if (!s.successors.empty() && !s.successors.front().municipality) {
    add(s.reason, ctx.tr("suggest.succession.heir", {ctx.label(*ctx.c.find(s.successors.front().id))}));
  } else if (!s.successors.empty()) {
    std::vector<std::size_t> municipal;
    for (const auto& x : s.successors) municipal.push_back(*ctx.c.find(x.id));
    add(s.reason, ctx.tr("suggest.succession.municipality", {ctx.labels(municipal, 3)}));
  }
  add(s.reason, ctx.tr("suggest.succession.network", {scope_name(ctx.lang, NetworkScope::members_and_projects)}));
  return s;
}

Json intro_json(const Introduction& in) {
  return {{"a", in.a},
          {"b", in.b},
          {"shared_themes", in.shared_themes},
          {"shared_projects", in.shared_projects},
          {"bridges_groups", in.bridges_groups},
          {"pairs_kept", in.pairs_kept},
          {"score", round1(in.score)},
          {"reason", in.reason}};
}

}  // namespace

Suggestions suggest(const Coalition& coalition, const std::vector<Candidate>& registry, const SuggestOptions& options) {
  const Date at = options.at.value_or(Date::today());
  const Coalition snapshot = coalition.at(at);
  const HealthContext ctx(snapshot, at, options.lang);
  const Facts facts(ctx);
  Suggestions s;
  s.missing_sectors = missing_sectors(facts);
  s.registry_given = !registry.empty();
  s.candidates = rank_candidates(facts, registry, options.max_candidates);
  s.introductions = introductions(facts, options.max_introductions);
  s.succession = succession(facts);
  return s;
}

Json suggestions_json(const Suggestions& s) {
  Json missing = Json::array();
  for (const auto& m : s.missing_sectors)
    missing.push_back({{"theme", m.theme.empty() ? Json(nullptr) : Json(m.theme)},
                       {"sectors", m.sectors},
                       {"members", m.members},
                       {"reason", m.reason}});
  Json candidates = s.registry_given ? Json::array() : Json(nullptr);
  for (const auto& c : s.candidates)
    candidates.push_back({{"name", c.name},
                          {"sector", c.sector},
                          {"fills", c.fills},
                          {"known_members", c.known_members},
                          {"score", round1(c.score)},
                          {"reason", c.reason}});
  Json intros = Json::array();
  for (const auto& in : s.introductions) intros.push_back(intro_json(in));
  Json succession = nullptr;
  if (s.succession) {
    const auto& su = *s.succession;
    Json successors = Json::array();
    for (const auto& x : su.successors)
      successors.push_back({{"id", x.id},
                            {"municipality", x.municipality},
                            {"betweenness_before", x.betweenness_before},
                            {"betweenness_after", x.betweenness_after},
                            {"shared_contacts", x.shared_contacts},
                            {"reason", x.reason}});
    Json reconnect = Json::array();
    for (const auto& in : su.reconnect) reconnect.push_back(intro_json(in));
    succession = {{"leaving", su.leaving},
                  {"designated", su.designated},
                  {"pairs_lost", su.pairs_lost},
                  {"network", std::string(scope_id(NetworkScope::members_and_projects))},
                  {"successors", successors},
                  {"reconnect", reconnect},
                  {"reason", su.reason}};
  }
  return {{"missing_sectors", missing},
          {"candidates", candidates},
          {"introductions", intros},
          {"succession", succession}};
}

}  // namespace wijknet
