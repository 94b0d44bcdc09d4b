// The health dashboard: the overall score and status, then each indicator as a bar in its
// status colour with its sentence; a click highlights its members on the map and flies to them.
// The broker indicator has a one-click "what if it leaves?".
#include <imgui.h>

#include "core/model/coalition_network.hpp"
#include "viz/i18n.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {

Rgba status_rgba(HealthStatus s) {
  switch (s) {
    case HealthStatus::ok: return {46, 139, 87, 255};
    case HealthStatus::warn: return {212, 154, 0, 255};
    case HealthStatus::alert: return {192, 57, 43, 255};
    case HealthStatus::no_data: break;
  }
  return {138, 143, 152, 255};
}

namespace {

std::string score_text(Lang lang, const std::optional<double>& s) { return s ? format_number(lang, round1(*s), 0) : "—"; }

// A bar `frac` full in `color`, the full width of the panel.
void bar(float frac, Rgba color, float height) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, {p.x + w, p.y + height}, IM_COL32(230, 232, 236, 255), height / 2);
  if (frac > 0) dl->AddRectFilled(p, {p.x + w * std::clamp(frac, 0.02f, 1.0f), p.y + height}, im_color(color), height / 2);
  ImGui::Dummy({w, height});
}

}  // namespace

void health_panel(AppState& state, const Insight& insight, UiContext& ctx) {
  const Lang L = ctx.lang;
  const Answers* a = insight.answers();
  progress_line(insight, ctx);
  if (insight.waiting_for_request(state)) {
    ImGui::TextWrapped("%s", tr(L, "dashboard.large").c_str());
    if (ImGui::Button(tr(L, "dashboard.compute").c_str())) ctx.actions.push_back({Action::Kind::compute});
    return;
  }
  if (!a) {
    ImGui::TextDisabled("%s", tr(L, "insight.computing", {"0"}).c_str());
    return;
  }
  const HealthReport& r = a->health;
  const HealthStatus overall = r.overall_status();
  // The overall score, large, in its status colour.
  ImGui::TextUnformatted(tr(L, "dashboard.overall").c_str());
  ImGui::SetWindowFontScale(2.0f);
  ImGui::TextColored(im_vec4(status_rgba(overall)), "%s", score_text(L, r.score).c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("/100");
  ImGui::TextColored(im_vec4(status_rgba(overall)), "%s", tr(L, "health.status." + std::string(status_id(overall))).c_str());
  ImGui::EndGroup();
  track(ctx, "health.overall");
  ImGui::TextDisabled("%s", tr(L, "dashboard.at", {long_date(L, r.at)}).c_str());
  if (!insight.current(state)) note(tr(L, "insight.updating"));
  note(tr(L, "dashboard.click_hint"));
  ImGui::Separator();
  const float bar_h = 6 * ctx.ui_scale;
  for (const auto& ind : r.indicators) {
    ImGui::PushID(ind.id.c_str());
    const Rgba col = status_rgba(ind.status);
    const bool lit = insight.highlighted_indicator() == ind.id;
    // The title row is the click target: a selectable as wide as the panel.
    const std::string right = score_text(L, ind.score) + "  " + tr(L, "health.status." + std::string(status_id(ind.status)));
    const float right_w = ImGui::CalcTextSize(right.c_str()).x;
    const ImVec2 row = ImGui::GetCursorPos();
    if (ImGui::Selectable(("##sel" + ind.id).c_str(), lit, 0, {0, ImGui::GetTextLineHeight()}))
      ctx.actions.push_back({Action::Kind::highlight_indicator, ind.id});
    track(ctx, "health." + ind.id);
    if (ImGui::IsItemHovered() && !ind.nodes.empty()) ImGui::SetTooltip("%s", tr_count(L, "dashboard.show_members", ind.nodes.size(), {std::to_string(ind.nodes.size())}).c_str());
    ImGui::SetCursorPos(row);
    ImGui::TextUnformatted(indicator_title(L, ind.id).c_str());
    ImGui::SameLine(std::max(ImGui::GetContentRegionAvail().x + ImGui::GetCursorStartPos().x - right_w, row.x + 60));
    ImGui::TextColored(im_vec4(col), "%s", right.c_str());
    bar(ind.score ? float(*ind.score / 100.0) : 0.0f, col, bar_h);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.33f, 0.35f, 0.40f, 1));
    ImGui::TextWrapped("%s", ind.message.c_str());
    ImGui::PopStyleColor();
    if (ind.id == "broker_dependency") {
      if (auto b = insight.broker_id(state)) {
        const Node* n = state.document().node(*b);
        const std::string who = n && !n->label.empty() ? n->label : *b;
        if (ImGui::SmallButton(tr(L, "dashboard.broker_whatif", {who}).c_str())) {
          if (!insight.whatif_active() || std::find(insight.scenario().removed.begin(), insight.scenario().removed.end(), *b) ==
                                              insight.scenario().removed.end())
            ctx.actions.push_back({Action::Kind::whatif_toggle, *b});
          ctx.actions.push_back({Action::Kind::show_panel, "whatif"});
          ctx.dock_select = "whatif";
        }
        track(ctx, "health.broker_whatif");
      }
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
  note(tr(L, "health.overall.note"));
  // The network cohesion, dependency and centralization are measured on, named as `wijknet
  // health` and the report name it (the inspector and the table measure on the network with the
  // projects, and say so).
  note(tr(L, "health.network", {scope_name(L, NetworkScope::actors)}));
}

}  // namespace wijknet::viz
