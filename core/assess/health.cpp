#include "core/assess/health.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/model/coalition_network.hpp"
#include "core/assess/indicators/indicator.hpp"
#include "core/assess/health_context.hpp"
#include "core/text/utf8.hpp"

namespace wijknet {

std::string_view status_id(HealthStatus status) {
  switch (status) {
    case HealthStatus::ok: return "ok";
    case HealthStatus::warn: return "warn";
    case HealthStatus::alert: return "alert";
    case HealthStatus::no_data: return "no_data";
  }
  return "no_data";
}

double indicator_weight(std::string_view id) {
  // README.md, "Weights": a network that has fallen apart (cohesion) is the harm that broker
  // dependency only risks, so it weighs more than the risk; otherwise removing the broker in a
  // what-if could raise the score. The residents' voice is the core of the Hague approach
  // (seed 003). Money and the project portfolio describe the projects more than the coalition
  // and their data is often incomplete.
  if (id == "cohesion" || id == "resident_voice") return 1.5;
  if (id == "funding_dependency" || id == "portfolio") return 0.75;
  for (auto known : indicator_ids)
    if (known == id) return 1.0;
  return 0.0;
}

std::string indicator_title(Lang lang, std::string_view id) { return tr(lang, "health.title." + std::string(id)); }

std::vector<const HealthIndicator*> first_actions(const HealthReport& report, std::size_t max) {
  std::vector<const HealthIndicator*> out;
  for (const auto& ind : report.indicators)
    if ((ind.status == HealthStatus::alert || ind.status == HealthStatus::warn) && !ind.action.empty()) out.push_back(&ind);
  auto shortfall = [](const HealthIndicator* i) { return i->weight * (100.0 - i->score.value_or(100.0)); };
  std::stable_sort(out.begin(), out.end(), [&](auto* a, auto* b) {
    if (a->status != b->status) return a->status == HealthStatus::alert;
    return shortfall(a) > shortfall(b);
  });
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<std::string> health_warnings(const HealthReport& report) {
  std::vector<std::string> out;
  const HealthIndicator* f = report.find("funding_dependency");
  if (!f || !f->details.contains("unreadable_amounts")) return out;
  for (const auto& u : f->details["unreadable_amounts"])
    out.push_back(tr(report.lang, "funding.unreadable.warning",
                     {u["funder"].get<std::string>(), u["project"].get<std::string>(), u["amount"].get<std::string>()}));
  return out;
}

double round1(double x) { return std::round(x * 10.0) / 10.0; }

const HealthIndicator* HealthReport::find(std::string_view id) const {
  for (const auto& i : indicators)
    if (i.id == id) return &i;
  return nullptr;
}

HealthStatus HealthReport::overall_status() const {
  if (!score) return HealthStatus::no_data;
  bool any_alert = false;
  for (const auto& i : indicators) any_alert = any_alert || i.status == HealthStatus::alert;
  if (*score >= 70 && !any_alert) return HealthStatus::ok;
  if (*score >= 45) return HealthStatus::warn;
  return HealthStatus::alert;
}


HealthContext::HealthContext(const Coalition& snapshot, Date at_, Lang lang_)
    : c(snapshot), at(at_), lang(lang_), participants(snapshot.nodes.size()), projects_of(snapshot.nodes.size()) {
  actors = collaboration_network(c);
  pure_funder = pure_funders(c);
  for (std::size_t i = 0; i < c.nodes.size(); ++i)
    if (c.nodes[i].is_broker() && c.nodes[i].is_actor()) brokers.push_back(i);
  for (const auto& e : c.edges) {
    if (e.kind != kinds::participates) continue;
    std::size_t actor = e.source, project = e.target;
    if (c.nodes[actor].kind == kinds::project) std::swap(actor, project);
    if (c.nodes[project].kind != kinds::project || !c.nodes[actor].is_actor()) continue;
    std::string role;
    if (auto it = e.attrs.find("role"); it != e.attrs.end() && it->is_string()) role = it->get<std::string>();
    participants[project].push_back({actor, role});
    projects_of[actor].push_back(project);
  }
  for (auto& p : projects_of) {
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
  }
}

const std::string& HealthContext::label(std::size_t node) const {
  const Node& n = c.nodes[node];
  return n.label.empty() ? n.id : n.label;
}

std::string HealthContext::broker_phrase(std::size_t node) const {
  const std::string l = ascii_lower(label(node));
  if (l.find("makelaar") != std::string::npos || l.find("broker") != std::string::npos) return tr("broker.phrase.self");
  return tr("broker.phrase", {label(node)});
}

std::string HealthContext::ids_joined(const std::vector<std::string>& names, std::size_t max) const {
  return join_names(lang, names, max);
}

std::string HealthContext::labels(const std::vector<std::size_t>& nodes, std::size_t max) const {
  std::vector<std::string> names;
  names.reserve(nodes.size());
  for (auto i : nodes) names.push_back(label(i));
  return ids_joined(names, max);
}

std::vector<std::string> theme_ids(const Coalition& c) {
  std::vector<std::string> ids;
  for (const auto& t : c.themes) ids.push_back(t.id);
  if (!ids.empty()) return ids;
  for (const auto& n : c.nodes)
    for (const auto& t : n.themes)
      if (std::find(ids.begin(), ids.end(), t) == ids.end()) ids.push_back(t);
  return ids;
}

std::string theme_label(const Coalition& c, const std::string& id) {
  const Theme* t = c.theme(id);
  return t && !t->label.empty() ? t->label : id;
}

bool voice_role(std::string_view role) {
  return role.empty() || role == "lead" || role == "member" || role == "volunteer" || role == "trekker" ||
         role == "lid" || role == "vrijwilliger";
}


HealthReport assess_health(const Coalition& coalition, const HealthOptions& options) {
  HealthReport report;
  report.at = options.at.value_or(Date::today());
  report.lang = options.lang;
  const Coalition snapshot = coalition.at(report.at);
  const HealthContext ctx(snapshot, report.at, options.lang);

  report.indicators = {indicators::cohesion(ctx),        indicators::broker_dependency(ctx), indicators::centralization(ctx),
                       indicators::sector_diversity(ctx), indicators::resident_voice(ctx),    indicators::theme_coverage(ctx),
                       indicators::reciprocity(ctx),      indicators::commitment(ctx),        indicators::funding_dependency(ctx),
                       indicators::portfolio(ctx)};
  double sum = 0, weights = 0;
  for (auto& ind : report.indicators) {
    ind.weight = indicator_weight(ind.id);
    if (ind.status == HealthStatus::no_data) {
      ind.score.reset();
      continue;
    }
    // A score is always present with data; clamp against rounding drift.
    const double s = std::clamp(ind.score.value_or(0.0), 0.0, 100.0);
    ind.score = s;
    sum += ind.weight * s;
    weights += ind.weight;
  }
  if (const auto* c = report.find("cohesion"); c && c->status != HealthStatus::no_data)
    report.connected_share = c->details.value("reachable_share", 1.0);
  if (weights > 0) report.score = sum / weights * report.connected_share;
  return report;
}

Json health_json(const HealthReport& report) {
  Json j = Json::object();
  j["score"] = report.score ? Json(round1(*report.score)) : Json(nullptr);
  j["status"] = std::string(status_id(report.overall_status()));
  j["connected_share"] = report.connected_share;
  j["at"] = report.at.str();
  j["lang"] = std::string(lang_code(report.lang));
  j["network"] = std::string(scope_id(NetworkScope::actors));  // what cohesion and centralization are measured on
  Json list = Json::array();
  for (const auto& ind : report.indicators) {
    Json item = Json::object();
    item["id"] = ind.id;
    item["title"] = indicator_title(report.lang, ind.id);
    item["score"] = ind.score ? Json(round1(*ind.score)) : Json(nullptr);
    item["status"] = std::string(status_id(ind.status));
    item["message"] = ind.message;
    item["nodes"] = ind.nodes;
    item["action"] = ind.action;
    item["weight"] = ind.weight;
    item["details"] = ind.details;
    list.push_back(std::move(item));
  }
  j["indicators"] = std::move(list);
  return j;
}

}  // namespace wijknet
