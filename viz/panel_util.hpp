// Small ImGui helpers the panels share (viz/panels.cpp, viz/panel_*.cpp).
#pragma once

#include <imgui.h>

#include <cmath>
#include <string>

#include "viz/palette.hpp"
#include "viz/panels.hpp"

namespace wijknet::viz {

inline ImU32 im_color(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }
inline ImVec4 im_vec4(Rgba c) { return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f}; }

// Records where the last widget was drawn under `name` (see UiContext::widgets).
inline void track(UiContext& ctx, const std::string& name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ctx.widgets[name] = {a.x, a.y, b.x, b.y};
}

// A coloured disc in the text flow, for legend rows and tie lists.
inline void swatch(Rgba c, float size) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddCircleFilled({p.x + size / 2, p.y + h / 2}, size / 2, im_color(c));
  ImGui::GetWindowDrawList()->AddCircle({p.x + size / 2, p.y + h / 2}, size / 2, im_color(darker(c, 0.55)));
  ImGui::Dummy({size, h});
  ImGui::SameLine();
}

// BeginCombo, recording the closed combo's place (once it is open, the last item is inside the
// combo's own window).
inline bool begin_combo(UiContext& ctx, const std::string& name, const char* label, const char* preview) {
  const bool open = ImGui::BeginCombo(label, preview);
  if (!open) track(ctx, name);
  return open;
}

// Selectable, recorded under `name`.
inline bool selectable(UiContext& ctx, const std::string& name, const char* label, bool selected) {
  const bool clicked = ImGui::Selectable(label, selected);
  track(ctx, name);
  return clicked;
}

// A muted sentence, wrapped at the panel's edge (TextDisabled does not wrap).
inline void note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

// A progress line while the background answers take longer than 100 ms.
inline void progress_line(const Insight& insight, UiContext& ctx) {
  const double s = insight.busy_seconds();
  if (s > 0.1) note(tr(ctx.lang, "insight.computing", {format_number(ctx.lang, s, 1)}));
}

// The colour of a health status, as in the HTML report.
Rgba status_rgba(HealthStatus s);

// The window's own panels, each in its own file.
void legend_panel(AppState& state, UiContext& ctx);   // viz/panel_legend.cpp
void filters_panel(AppState& state, UiContext& ctx);  // viz/panel_filters.cpp
void search_panel(AppState& state, UiContext& ctx);   // viz/panel_search.cpp

// The panels of the coordinator's questions, each in its own file.
void health_panel(AppState& state, const Insight& insight, UiContext& ctx);
void whatif_panel(AppState& state, const Insight& insight, UiContext& ctx);
void missing_panel(AppState& state, const Insight& insight, UiContext& ctx);
// The timeline's bar along the bottom of the map (viz/panel_timeline.cpp).
void timeline_panel(AppState& state, const Timeline& timeline, UiContext& ctx);
// The members table, at the bottom of the view between the dock and the inspector.
void table_panel(AppState& state, UiContext& ctx);

// The files' dialogs and File > Recent (viz/panel_files.cpp).
void file_dialogs(UiContext& ctx);
void recent_menu(UiContext& ctx);
// The project matrix (viz/panel_matrix.cpp), a tab of the docked column like the three above.
void matrix_panel(AppState& state, const Insight& insight, UiContext& ctx);
// The inspector of the primary selected member (viz/panel_inspector.cpp).
void inspector_panel(AppState& state, UiContext& ctx);

}  // namespace wijknet::viz
