// The filters window: kinds, sectors, themes, the date, tie strength, and thinning a large
// network by ties and k-core; it edits a copy of the view's filters and hands it back.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/model/coalition_network.hpp"
#include "viz/colour_scale.hpp"
#include "viz/export.hpp"
#include "viz/members_table.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {

namespace {

// Thinning a hairball: at least k ties, or in the k-core, each with how many members qualify.
void thinning_filters(AppState& state, UiContext& ctx, Filters& f) {
  const Lang L = ctx.lang;
  const MemberDegrees& d = state.member_degrees();
  ImGui::Separator();
  ImGui::TextUnformatted(tr(L, "filters.thin").c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "filters.thin_hint").c_str());
  auto slider = [&](const char* name, const char* key, int& value, const std::vector<int>& values) {
    const int top = std::max(1, largest(values));
    int v = std::min(value, top);
    ImGui::SetNextItemWidth(-1);
    const bool moved = ImGui::SliderInt((std::string("##") + name).c_str(), &v, 0, top, tr(L, key, {"%d"}).c_str());
    track(ctx, std::string("filters.") + name);
    if (moved) value = v;
    ImGui::TextDisabled("%s", tr_count(L, "filters.thin_count", count_at_least(values, std::max(value, 0)),
                                        {std::to_string(count_at_least(values, std::max(value, 0)))})
                                  .c_str());
  };
  slider("min_degree", "filters.min_degree", f.min_degree, d.degree);
  slider("min_core", "filters.min_core", f.min_core, d.core);
}

}  // namespace

void filters_panel(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + ctx.dock_width + 10, vp->WorkPos.y + 10}, ImGuiCond_FirstUseEver);
  // Tall enough for the kinds, the sectors, the themes, the date and the strength of a coalition
  // like Laak, without scrolling; never taller than the window.
  ImGui::SetNextWindowSize({260 * ctx.ui_scale, std::min(640 * ctx.ui_scale, vp->WorkSize.y - 20)}, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin((tr(L, "panel.filters") + "###filters").c_str(), &ctx.show_filters)) {
    ImGui::End();
    return;
  }
  if (ImGui::GetWindowPos().x < vp->WorkPos.x + ctx.dock_width + 40)  // beside the dock, where it opens
    ctx.left_cover = std::max(ctx.left_cover, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - vp->WorkPos.x);
  const auto& doc = state.document();
  Filters f = state.view().filters();
  std::set<std::string> kinds, sectors;
  double max_weight = 1;
  for (const auto& n : doc.nodes) kinds.insert(n.kind), sectors.insert(n.sector);
  for (const auto& e : doc.edges) max_weight = std::max(max_weight, e.weight);
  ImGui::TextUnformatted(tr(L, "filters.kinds").c_str());
  for (const auto& k : kinds) {
    bool shown = !f.hidden_kinds.count(k);
    const bool changed = ImGui::Checkbox((kind_name(L, k.empty() ? "other" : k) + "##k" + k).c_str(), &shown);
    track(ctx, "filters.kind." + k);
    if (changed) {
      if (shown) f.hidden_kinds.erase(k);
      else f.hidden_kinds.insert(k);
    }
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(L, "filters.sectors").c_str());
  for (const auto& s : sectors) {
    bool shown = !f.hidden_sectors.count(s);
    swatch(sector_color(s, s.empty() ? "project" : ""), ImGui::GetTextLineHeight() * 0.7f);
    const bool changed = ImGui::Checkbox((sector_title(L, s) + "##s" + s).c_str(), &shown);
    track(ctx, "filters.sector." + s);
    if (changed) {
      if (shown) f.hidden_sectors.erase(s);
      else f.hidden_sectors.insert(s);
    }
  }
  if (!doc.themes.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, "filters.themes").c_str());
    for (const auto& t : doc.themes) {
      bool on = f.themes.count(t.id) > 0;
      const bool changed = ImGui::Checkbox(((t.label.empty() ? t.id : t.label) + "##t" + t.id).c_str(), &on);
      track(ctx, "filters.theme." + t.id);
      if (changed) {
        if (on) f.themes.insert(t.id);
        else f.themes.erase(t.id);
      }
    }
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(L, "filters.date").c_str());
  const bool date_entered =
      ImGui::InputTextWithHint("##date", tr(L, "filters.date_hint").c_str(), &ctx.filter_date, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, "filters.date");
  if (date_entered || ImGui::IsItemDeactivatedAfterEdit()) {
    if (ctx.filter_date.empty()) {
      f.at.reset();
      ctx.filter_date_error.clear();
    } else if (auto d = Date::parse(ctx.filter_date)) {
      f.at = d;
      ctx.filter_date_error.clear();
    } else {
      ctx.filter_date_error = tr(L, "filters.date_bad");
    }
  }
  if (!ctx.filter_date_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", ctx.filter_date_error.c_str());
  float mw = float(f.min_weight);
  // The value as the user writes it ("0,50" in Dutch): a format without a conversion is shown as is.
  const bool weight_moved =
      ImGui::SliderFloat(tr(L, "filters.min_weight").c_str(), &mw, 0.0f, float(max_weight), format_number(L, mw, 2).c_str());
  track(ctx, "filters.min_weight");
  if (weight_moved) f.min_weight = mw;
  thinning_filters(state, ctx, f);
  ImGui::Separator();
  int depth = state.view().focus_depth();
  if (state.view().focus()) {
    ImGui::TextUnformatted((tr(L, "inspector.focus") + ": " + label_text(doc.nodes[*state.view().focus()])).c_str());
    if (ImGui::SliderInt(tr(L, "filters.focus_depth").c_str(), &depth, 1, 6))
      ctx.actions.push_back({.kind = Action::Kind::focus_depth, .index = std::size_t(depth)});
    if (ImGui::Button(tr(L, "filters.focus_off").c_str())) ctx.actions.push_back({Action::Kind::focus_off});
  } else if (state.view().primary()) {
    if (ImGui::Button(tr(L, "filters.focus").c_str()))
      ctx.actions.push_back({.kind = Action::Kind::focus, .index = *state.view().primary(), .number = double(std::max(depth, 1))});
  }
  ImGui::Separator();
  if (ImGui::Button(tr(L, "filters.reset").c_str())) {
    f = Filters{};
    ctx.filter_date.clear();
    ctx.actions.push_back({Action::Kind::focus_off});
  }
  state.view().set_filters(f);
  ImGui::TextDisabled("%s", tr(L, "filters.shown", {std::to_string(state.scene().visible_count()), std::to_string(doc.nodes.size())}).c_str());
  ImGui::End();
}

}  // namespace wijknet::viz
