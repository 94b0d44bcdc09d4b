// The health indicator "theme_coverage" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>
#include <set>

namespace wijknet::indicators {

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

}  // namespace wijknet::indicators
