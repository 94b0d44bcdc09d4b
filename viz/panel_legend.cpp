// The legend: what the colours stand for, with counts, or a measure's values at the ramp's stops
// in the user's locale; the members and ties shown.
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

void legend_panel(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Above the timeline's bar and the members table when they are open (their heights of the last frame).
  ImGui::SetNextWindowPos({vp->WorkPos.x + ctx.dock_width + 10,
                           vp->WorkPos.y + vp->WorkSize.y - 34 * ctx.ui_scale - ctx.timeline_height - ctx.table_height},
                          ImGuiCond_Always, {0, 1});
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
  if (!ImGui::Begin("##legend", nullptr, flags)) {
    ImGui::End();
    return;
  }
  std::string title;
  switch (state.view().color_by()) {
    case ColorBy::kind: title = tr(L, "color.kind"); break;
    case ColorBy::sector: title = tr(L, "color.sector"); break;
    case ColorBy::community: title = tr(L, "color.community"); break;
    case ColorBy::metric: title = metric_name(L, metric_id(state.view().color_metric())); break;
  }
  ImGui::TextUnformatted((tr(L, "panel.legend") + ": " + title).c_str());
  ImGui::Separator();
  auto entries = state.scene().legend();
  float sw = ImGui::GetTextLineHeight() * 0.8f;
  if (state.view().color_by() == ColorBy::metric) {
    if (entries.empty()) {
      ImGui::TextDisabled("%s", tr(L, ctx.metrics_computing ? "inspector.computing" : "inspector.no_metrics").c_str());
    } else {
      // The ramp as a bar with its two ends named.
      ImVec2 p = ImGui::GetCursorScreenPos();
      float w = 160 * ctx.ui_scale, h = sw;
      auto* dl = ImGui::GetWindowDrawList();
      for (int k = 0; k < 4; ++k)
        dl->AddRectFilledMultiColor({p.x + w * k / 4, p.y}, {p.x + w * (k + 1) / 4, p.y + h}, im_color(entries[k].color),
                                    im_color(entries[k + 1].color), im_color(entries[k + 1].color), im_color(entries[k].color));
      ImGui::Dummy({w, h});
      // The value at each stop, in the user's locale, highest first as the eye reads a scale.
      for (std::size_t k = entries.size(); k-- > 0;) {
        swatch(entries[k].color, sw);
        std::string text = legend_text(state, L, entries[k]);
        if (k + 1 == entries.size()) text += "  (" + tr(L, "legend.high") + ")";
        if (k == 0) text += "  (" + tr(L, "legend.low") + ")";
        ImGui::TextUnformatted(text.c_str());
      }
      if (scale_kind(state.view().color_metric()) == ScaleKind::rank) {
        ImGui::TextDisabled("%s", tr(L, "legend.rank_scale").c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "legend.rank_scale_tip").c_str());
      }
    }
  } else {
    std::size_t shown = 0;
    for (const auto& e : entries) {
      if (++shown > 14) break;
      swatch(e.color, sw);
      ImGui::TextUnformatted(legend_text(state, L, e).c_str());
    }
    if (state.view().color_by() == ColorBy::community && entries.size() <= 1 && !state.scene().has_metrics())
      ImGui::TextDisabled("%s", tr(L, ctx.metrics_computing ? "inspector.computing" : "inspector.no_metrics").c_str());
  }
  ImGui::Separator();
  const Scene& scene = state.scene();
  ImGui::TextDisabled("%s", tr(L, "legend.nodes", {std::to_string(scene.visible_count()), std::to_string(scene.visible_edge_count())}).c_str());
  ImGui::End();
}

}  // namespace wijknet::viz
