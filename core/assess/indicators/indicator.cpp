#include "core/assess/indicators/indicator.hpp"

namespace wijknet::indicators {

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

std::optional<double> number_attr(const Json& attrs, const char* key) {
  if (!attrs.is_object()) return std::nullopt;
  auto it = attrs.find(key);
  if (it == attrs.end()) return std::nullopt;
  return number_value(*it);
}

void act(HealthIndicator& ind, const std::string& action) {
  ind.action = action;
  add_sentence(ind.message, action);
}

}  // namespace wijknet::indicators
