// What-if mode: members taken out and hypothetical ties, and a before/after table of the figures
// `wijknet whatif` computes. Nothing in the document changes until "Apply as edits".
#include <imgui.h>

#include <algorithm>

#include "viz/i18n.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {
namespace {

std::string label_of(const AppState& state, const std::string& id) {
  const Node* n = state.document().node(id);
  return n && !n->label.empty() ? n->label : id;
}

std::string score_cell(Lang L, const std::optional<double>& s, HealthStatus st) {
  return (s ? format_number(L, round1(*s), 0) : std::string("—")) + " " + tr(L, "health.status." + std::string(status_id(st)));
}

}  // namespace

void whatif_panel(AppState& state, const Insight& insight, UiContext& ctx) {
  const Lang L = ctx.lang;
  const Scenario& sc = insight.scenario();
  ImGui::TextWrapped("%s", tr(L, "whatif_panel.intro").c_str());
  // Taking out: the broker in one click, the selection, or any actor from the list.
  if (auto b = insight.broker_id(state)) {
    const bool out = std::find(sc.removed.begin(), sc.removed.end(), *b) != sc.removed.end();
    if (!out && ImGui::Button(tr(L, "whatif_panel.take_out_broker", {label_of(state, *b)}).c_str()))
      ctx.actions.push_back({Action::Kind::whatif_toggle, *b});
    if (!out) track(ctx, "whatif_panel.take_out_broker");
  }
  std::vector<std::string> sel;
  for (auto i : state.view().selection()) sel.push_back(state.document().nodes[i].id);
  ImGui::BeginDisabled(sel.empty());
  if (ImGui::Button(tr(L, "whatif_panel.take_out_selection").c_str()))
    for (const auto& id : sel)
      if (std::find(sc.removed.begin(), sc.removed.end(), id) == sc.removed.end())
        ctx.actions.push_back({Action::Kind::whatif_toggle, id});
  track(ctx, "whatif_panel.take_out_selection");
  ImGui::EndDisabled();
  ImGui::BeginDisabled(sel.size() != 2);
  if (ImGui::Button(tr(L, "whatif_panel.tie_selection").c_str())) ctx.actions.push_back({Action::Kind::whatif_add_tie, sel[0], sel[1]});
  track(ctx, "whatif_panel.tie_selection");
  ImGui::EndDisabled();
  if (!insight.whatif_active()) {
    note(tr(L, "whatif_panel.inactive"));
    return;
  }
  ImGui::Separator();
  if (!sc.removed.empty()) ImGui::TextUnformatted(tr(L, "whatif_panel.removed").c_str());
  for (const auto& id : sc.removed) {
    ImGui::PushID(id.c_str());
    if (ImGui::SmallButton(tr(L, "whatif_panel.put_back").c_str())) ctx.actions.push_back({Action::Kind::whatif_toggle, id});
    track(ctx, "whatif.put_back." + id);
    ImGui::SameLine();
    ImGui::TextUnformatted(label_of(state, id).c_str());
    ImGui::PopID();
  }
  if (!sc.added.empty()) ImGui::TextUnformatted(tr(L, "whatif_panel.added").c_str());
  for (std::size_t k = 0; k < sc.added.size(); ++k) {
    ImGui::PushID(int(k));
    if (ImGui::SmallButton(tr(L, "whatif_panel.drop_tie").c_str())) {
      Action a{Action::Kind::whatif_remove_tie};
      a.index = k;
      ctx.actions.push_back(a);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted((label_of(state, sc.added[k].first) + " — " + label_of(state, sc.added[k].second)).c_str());
    ImGui::PopID();
  }
  progress_line(insight, ctx);
  const Answers* ans = insight.answers();
  if (ans && !ans->error.empty() && insight.current(state)) ImGui::TextColored({0.75f, 0.22f, 0.17f, 1}, "%s", ans->error.c_str());
  const WhatIf* w = insight.whatif(state);
  if (w && !sc.empty()) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.16f, 0.17f, 0.20f, 1));
    ImGui::TextWrapped("%s", w->summary.c_str());
    ImGui::PopStyleColor();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##figures", 3, tf)) {
      // The figures as wide as their longest cell ("100 aandacht"); the names wrap in the rest.
      float fig_w = ImGui::CalcTextSize("0,000").x;
      for (const HealthReport* r : {&w->before, &w->after})
        for (const auto& ind : r->indicators)
          fig_w = std::max(fig_w, ImGui::CalcTextSize(score_cell(L, ind.score, ind.status).c_str()).x);
      fig_w += 4 * ctx.ui_scale;
      ImGui::TableSetupColumn(tr(L, "whatif.col.measure").c_str(), ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn(tr(L, "whatif.col.before").c_str(), ImGuiTableColumnFlags_WidthFixed, fig_w);
      ImGui::TableSetupColumn(tr(L, "whatif.col.after").c_str(), ImGuiTableColumnFlags_WidthFixed, fig_w);
      ImGui::TableHeadersRow();
      auto row = [&](const std::string& name, const std::string& a, const std::string& b, bool worse) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.c_str());
        ImGui::TableNextColumn();
        if (worse) ImGui::TextColored({0.75f, 0.22f, 0.17f, 1}, "%s", b.c_str());
        else ImGui::TextUnformatted(b.c_str());
      };
      const auto &fb = w->figures_before, &fa = w->figures_after;
      auto score = [&](const HealthReport& r) { return r.score ? format_number(L, round1(*r.score), 0) : std::string("—"); };
      auto dist = [&](const NetworkFigures& f) { return f.average_distance ? format_number(L, *f.average_distance, 2) : "—"; };
      row(tr(L, "whatif.fig.score"), score(w->before), score(w->after), w->after.score.value_or(0) < w->before.score.value_or(0) - 0.05);
      row(tr(L, "whatif.fig.components"), std::to_string(fb.components), std::to_string(fa.components), fa.components > fb.components);
      row(tr(L, "whatif.fig.unreachable"), std::to_string(fb.unreachable_pairs), std::to_string(fa.unreachable_pairs),
          fa.unreachable_pairs > fb.unreachable_pairs);
      row(tr(L, "whatif.fig.distance"), dist(fb), dist(fa), fa.average_distance.value_or(0) > fb.average_distance.value_or(0) + 1e-9);
      row(tr(L, "whatif.fig.centralization"), format_number(L, fb.centralization, 2), format_number(L, fa.centralization, 2), false);
      row(tr(L, "whatif.fig.actors"), std::to_string(fb.actors), std::to_string(fa.actors), false);
      row(tr(L, "whatif.fig.ties"), std::to_string(fb.ties), std::to_string(fa.ties), false);
      for (std::size_t i = 0; i < w->before.indicators.size() && i < w->after.indicators.size(); ++i) {
        const auto &b = w->before.indicators[i], &a = w->after.indicators[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", indicator_title(L, b.id).c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(im_vec4(status_rgba(b.status)), "%s", score_cell(L, b.score, b.status).c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(im_vec4(status_rgba(a.status)), "%s", score_cell(L, a.score, a.status).c_str());
      }
      ImGui::EndTable();
    }
    track(ctx, "whatif.table");
    if (!w->split_off.empty()) {
      ImGui::TextColored({0.75f, 0.22f, 0.17f, 1}, "%s", tr_count(L, "whatif_panel.split_off", w->split_off.size(), {std::to_string(w->split_off.size())}).c_str());
      for (const auto& group : w->split_off) {
        std::vector<std::string> names;
        for (const auto& id : group) names.push_back(label_of(state, id));
        ImGui::Bullet();
        ImGui::TextWrapped("%s", join_names(L, names, 8).c_str());
      }
    }
  }
  ImGui::Separator();
  ImGui::BeginDisabled(sc.empty());
  if (ImGui::Button(tr(L, "whatif_panel.apply").c_str())) ctx.actions.push_back({Action::Kind::whatif_apply});
  track(ctx, "whatif_panel.apply");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(L, "whatif_panel.leave").c_str())) ctx.actions.push_back({Action::Kind::whatif_leave});
  track(ctx, "whatif_panel.leave");
}

}  // namespace wijknet::viz
