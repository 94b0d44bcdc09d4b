// The ten indicators of the health model (DOMAIN.md, "Coalition health"), one a file in this
// folder, each documenting its formula, thresholds and sources; README.md ("Coalition health")
// gathers them for users. assess_health (core/assess/health.hpp) runs them on one HealthContext.
// Also the few steps every indicator takes to build its result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/assess/health_context.hpp"
#include "core/text/number_text.hpp"

namespace wijknet::indicators {

HealthIndicator cohesion(const HealthContext& ctx);
HealthIndicator broker_dependency(const HealthContext& ctx);
HealthIndicator centralization(const HealthContext& ctx);
HealthIndicator sector_diversity(const HealthContext& ctx);
HealthIndicator resident_voice(const HealthContext& ctx);
HealthIndicator theme_coverage(const HealthContext& ctx);
HealthIndicator reciprocity(const HealthContext& ctx);
HealthIndicator commitment(const HealthContext& ctx);
HealthIndicator funding_dependency(const HealthContext& ctx);
HealthIndicator portfolio(const HealthContext& ctx);

// An indicator with this id and nothing measured yet.
HealthIndicator start(std::string id);
// The indicator without data: status no_data, no score, `message` saying what is missing.
HealthIndicator no_data(HealthIndicator ind, std::string message);
// Appends a sentence to a message, with a space between.
void add_sentence(std::string& text, const std::string& sentence);
// The ids of node indices, in order.
std::vector<std::string> ids_of(const HealthContext& ctx, const std::vector<std::size_t>& nodes);
// A number from attrs[key]: a JSON number or text as a Dutch or English user writes it
// (core/text/number_text.hpp); nullopt when absent or unreadable.
std::optional<double> number_attr(const Json& attrs, const char* key);
// Sets the indicator's action and ends the message with it.
void act(HealthIndicator& ind, const std::string& action);

}  // namespace wijknet::indicators
