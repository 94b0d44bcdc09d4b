#include "core/assess/portfolio.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/text/number_text.hpp"
#include "core/text/utf8.hpp"

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
    value = read_number(it->get<std::string>());
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

bool finished_status(std::string_view status) {
  const std::string s = ascii_lower(status);
  for (std::string_view f : {"completed", "finished", "stopped", "cancelled", "canceled", "closed", "ended",
                             "afgerond", "gestopt", "beeindigd", "beëindigd"})
    if (s == f) return true;
  return false;
}

namespace {
bool project_ended(const Json& attrs) {
  if (!attrs.is_object()) return false;
  auto it = attrs.find("status");
  return it != attrs.end() && it->is_string() && wijknet::finished_status(std::string_view(it->get_ref<const std::string&>()));
}
}  // namespace

CellSpread matrix_cell_spread(std::size_t count, double cell) {
  CellSpread out;
  if (count == 0) return out;
  const std::size_t per_row = std::size_t(std::ceil(std::sqrt(double(count))));
  const std::size_t rows = (count + per_row - 1) / per_row;
  const double step = std::min(20.0, (cell - 14) / double(per_row));
  out.radius = std::min(9.0, step / 2 + 1);
  for (std::size_t j = 0; j < count; ++j) {
    const std::size_t row = j / per_row, col = j % per_row;
    out.offsets.emplace_back((double(col) - double(per_row - 1) / 2) * step, (double(row) - double(rows - 1) / 2) * step);
  }
  return out;
}

FundingKind funding_kind(const Edge& e) {
  auto it = e.attrs.find("funding");
  if (it == e.attrs.end() || !it->is_string()) return FundingKind::unknown;
  const std::string s = ascii_lower(it->get<std::string>());
  if (s == "structural" || s == "structureel") return FundingKind::structural;
  if (s == "incidental" || s == "incidenteel") return FundingKind::incidental;
  return FundingKind::unknown;
}

bool funding_secured(const Edge& e, const Date& at) {
  if (funding_kind(e) == FundingKind::incidental) return false;
  return !(e.until && at.months_until(*e.until) < 12);
}

Portfolio assess_portfolio(const Coalition& coalition, const std::optional<Date>& at) {
  Portfolio p;
  const Date when = at.value_or(Date::today());
  std::vector<std::uint8_t> funded(coalition.nodes.size(), 0), secured(coalition.nodes.size(), 0);
  for (const auto& e : coalition.edges) {
    if (e.kind != kinds::funds || (at && !e.exists_at(*at))) continue;
    for (auto i : {e.source, e.target})
      if (coalition.nodes[i].kind == kinds::project) {
        funded[i] = 1;
        secured[i] |= funding_secured(e, when) ? 1 : 0;
      }
  }
  for (std::size_t i = 0; i < coalition.nodes.size(); ++i) {
    const Node& node = coalition.nodes[i];
    if (node.kind != kinds::project) continue;
    if (at && !node.exists_at(*at)) continue;
    if (project_ended(node.attrs)) {
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
    a.funded = funded[i] != 0;
    a.secured = secured[i] != 0;
    p.pearls += a.pearl;
    p.projects.push_back(a);
  }
  return p;
}

}  // namespace wijknet
