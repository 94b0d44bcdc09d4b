// The health indicator "resident_voice" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <algorithm>

namespace wijknet::indicators {

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

}  // namespace wijknet::indicators
