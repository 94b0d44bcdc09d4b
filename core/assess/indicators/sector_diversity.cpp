// The health indicator "sector_diversity" (DOMAIN.md, "Coalition health"): formula, thresholds and sources below.
#include "core/assess/indicators/indicator.hpp"

#include <map>

namespace wijknet::indicators {

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

}  // namespace wijknet::indicators
