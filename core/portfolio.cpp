#include "core/portfolio.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <string>

namespace wijknet {

std::string_view advice_id(ProjectAdvice advice) {
  switch (advice) {
    case ProjectAdvice::continue_: return "continue";
    case ProjectAdvice::investigate: return "investigate";
    case ProjectAdvice::stop: return "stop";
  }
  return "investigate";
}

std::optional<double> rating(const Json& attrs, std::string_view key, bool* invalid) {
  if (!attrs.is_object()) return std::nullopt;
  auto it = attrs.find(std::string(key));
  if (it == attrs.end() || it->is_null()) return std::nullopt;
  std::optional<double> value;
  if (it->is_number()) {
    value = it->get<double>();
  } else if (it->is_string()) {
    std::string s = it->get<std::string>();
    std::replace(s.begin(), s.end(), ',', '.');
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    double v = 0;
    auto [p, ec] = std::from_chars(s.data() + b, s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size() && b < s.size()) value = v;
  }
  if (!value || !(*value >= 1.0 && *value <= 5.0)) {
    if (invalid) *invalid = true;
    return std::nullopt;
  }
  return value;
}

ProjectAdvice project_advice(double effort, double impact) {
  if (impact >= 4) return ProjectAdvice::continue_;
  if (impact > 2 && effort <= 2) return ProjectAdvice::continue_;
  if (impact <= 2 && effort >= 3) return ProjectAdvice::stop;
  return ProjectAdvice::investigate;
}

namespace {
bool finished_status(const Json& attrs) {
  if (!attrs.is_object()) return false;
  auto it = attrs.find("status");
  if (it == attrs.end() || !it->is_string()) return false;
  std::string s = it->get<std::string>();
  for (auto& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view f : {"completed", "finished", "stopped", "cancelled", "canceled", "closed", "ended",
                             "afgerond", "gestopt", "beeindigd", "beëindigd"})
    if (s == f) return true;
  return false;
}
}  // namespace

Portfolio assess_portfolio(const Coalition& coalition, const std::optional<Date>& at) {
  Portfolio p;
  for (std::size_t i = 0; i < coalition.nodes.size(); ++i) {
    const Node& node = coalition.nodes[i];
    if (node.kind != kinds::project) continue;
    if (at && !node.exists_at(*at)) continue;
    if (finished_status(node.attrs)) {
      ++p.finished;
      continue;
    }
    ProjectAssessment a;
    a.node = i;
    bool bad = false;
    a.effort = rating(node.attrs, "effort", &bad);
    a.impact = rating(node.attrs, "impact", &bad);
    a.invalid = bad;
    if (a.effort && a.impact) {
      a.advice = project_advice(*a.effort, *a.impact);
      ++p.rated;
      switch (*a.advice) {
        case ProjectAdvice::continue_: ++p.continue_count; break;
        case ProjectAdvice::investigate: ++p.investigate_count; break;
        case ProjectAdvice::stop: ++p.stop_count; break;
      }
    }
    // Seed 004: pearls have great impact and span several subjects. Impact alone is enough
    // to be a pearl; effort does not matter (their problem is funding, not effort).
    a.pearl = a.impact && *a.impact >= 4 && node.themes.size() > 1;
    p.pearls += a.pearl;
    p.projects.push_back(a);
  }
  return p;
}

}  // namespace wijknet
