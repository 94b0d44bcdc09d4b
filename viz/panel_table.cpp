// The members table: every member with every measure, in words a coordinator understands, at the
// bottom of the view between the dock and the inspector. Sorting (click a heading), the filters,
// the ranks and the CSV come from viz/members_table.hpp; this file only draws them and issues
// actions (select a member, write the CSV).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/model/coalition_network.hpp"
#include "viz/i18n.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {

void table_panel(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  MembersTable& t = ctx.table;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Below the middle of the view, so a member flown to (centred) stays in sight above it; under
  // the inspector and as wide as the view when the inspector leaves room for eight rows, else
  // beside it.
  const float status_h = ImGui::GetFrameHeight();
  const float bottom = vp->WorkPos.y + vp->WorkSize.y - status_h - 2 - ctx.timeline_height;  // above the timeline
  float h = std::clamp(vp->WorkSize.y * 0.36f, 180 * ctx.ui_scale, 420 * ctx.ui_scale);
  const float x0 = vp->WorkPos.x + ctx.dock_width + 4;
  float x1 = vp->WorkPos.x + vp->WorkSize.x - 4;
  if (ctx.inspector_width > 0) {
    const auto it = ctx.widgets.find("inspector");
    const float below = it == ctx.widgets.end() ? 0.0f : bottom - it->second[3] - 4;
    if (below >= 180 * ctx.ui_scale) h = std::min(h, below);
    else x1 -= ctx.inspector_width;
  }
  ImGui::SetNextWindowPos({x0, bottom - h}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({std::max(x1 - x0, 200.0f), h}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.97f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
  if (!ImGui::Begin((tr(L, "panel.table") + "###table").c_str(), &ctx.show_table, flags)) {
    ImGui::End();
    return;
  }
  ctx.table_height = h + 2;
  ctx.widgets["table"] = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                          ImGui::GetWindowPos().y + ImGui::GetWindowSize().y};
  t.refresh(state);

  // The filters and the export on one line; the count and what the numbers are of below.
  const float unit = ctx.ui_scale;
  ImGui::SetNextItemWidth(140 * unit);
  ImGui::InputTextWithHint("##tabletext", tr(L, "table.search_hint").c_str(), &t.view.text);
  track(ctx, "table.text");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110 * unit);
  const std::string preview = t.view.kind.empty() ? tr(L, "table.kind_all") : kind_name(L, t.view.kind);
  if (ImGui::BeginCombo("##tablekind", preview.c_str())) {
    if (ImGui::Selectable(tr(L, "table.kind_all").c_str(), t.view.kind.empty())) t.view.kind.clear();
    for (const char* k : {"partner", "resident", "project"})
      if (ImGui::Selectable(kind_name(L, k).c_str(), t.view.kind == k)) t.view.kind = k;
    ImGui::EndCombo();
  }
  track(ctx, "table.kind");
  ImGui::SameLine();
  if (t.csv_path.empty()) t.csv_path = tr(L, "table.export_default");
  ImGui::SetNextItemWidth(130 * unit);
  ImGui::InputText("##tablepath", &t.csv_path);
  track(ctx, "table.path");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "table.export_path").c_str());
  ImGui::SameLine();
  if (ImGui::Button(tr(L, "table.export").c_str()) && !t.csv_path.empty())
    ctx.actions.push_back({Action::Kind::write_table, t.csv_path, members_csv(t.rows, t.shown, t.view, L)});
  track(ctx, "table.export");
  t.refresh(state);  // the filters may have changed above
  // The count, on the same line when it fits; what the numbers are of in its tooltip (the
  // inspector says it too), with how to use the table.
  const std::string count = tr(L, "table.rows", {std::to_string(t.shown.size()), std::to_string(t.rows.size())});
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(count.c_str()).x) ImGui::NewLine();
  ImGui::TextUnformatted(count.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\n%s", tr(L, "inspector.measures_on", {scope_name(L, NetworkScope::members_and_projects),
                                                                long_date(L, state.view().measures_date().value_or(Date::today()))})
                                    .c_str(),
                      tr(L, "table.hint").c_str());
  if (!state.scene().has_metrics()) {
    ImGui::TextDisabled("%s", tr(L, ctx.metrics_computing ? "inspector.computing" : "inspector.no_metrics").c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, "table.compute").c_str())) ctx.actions.push_back({Action::Kind::compute_measures});
  }

  const auto& columns = table_columns();
  const Metric rank_metric = t.view.rank_metric();
  const ImGuiTableFlags tf = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                             ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable |
                             ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##members", int(columns.size()), tf)) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_None;
      if (columns[c] == "label") cf |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed;
      else if (columns[c] != "kind" && columns[c] != "rank") cf |= ImGuiTableColumnFlags_PreferSortDescending;
      if (columns[c] == "rank") cf |= ImGuiTableColumnFlags_PreferSortAscending;
      const float w = columns[c] == "label" ? std::clamp((x1 - x0) * 0.22f, 170 * ctx.ui_scale, 280 * ctx.ui_scale) : 0.0f;
      ImGui::TableSetupColumn((column_title(L, columns[c]) + "###" + columns[c]).c_str(), cf, w, ImGuiID(c));
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount > 0) {
        t.view.sort = columns[std::min<std::size_t>(specs->Specs[0].ColumnUserID, columns.size() - 1)];
        t.view.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      }
      specs->SpecsDirty = false;
      t.refresh(state);
    }
    // The headings, each with its tooltip: the exact measure and what it says.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const std::string rank_title = column_title(L, std::string(metric_id(rank_metric)));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!ImGui::TableSetColumnIndex(int(c))) continue;
      ImGui::TableHeader((column_title(L, columns[c]) + "###h" + columns[c]).c_str());
      track(ctx, "table.header." + columns[c]);
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(column_tooltip(L, columns[c], rank_title).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(t.shown.size()));
    while (clipper.Step()) {
      for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
        const MemberRow& row = t.rows[t.shown[std::size_t(k)]];
        ImGui::TableNextRow();
        ImGui::PushID(int(row.node));
        for (std::size_t c = 0; c < columns.size(); ++c) {
          if (!ImGui::TableSetColumnIndex(int(c))) continue;
          const std::string text = cell_text(L, row, columns[c], rank_metric);
          if (c == 0) {
            // The name is the row's click target, as wide as the row.
            if (ImGui::Selectable(text.c_str(), state.view().selected(row.node), ImGuiSelectableFlags_SpanAllColumns)) {
              Action a{Action::Kind::select_node};
              a.index = row.node;
              ctx.actions.push_back(a);
            }
            if (k < 10) {  // the part of the row in sight, for tests that click it
              track(ctx, "table.row." + std::to_string(k));
              auto& r = ctx.widgets["table.row." + std::to_string(k)];
              r[2] = std::min(r[2], ImGui::GetWindowPos().x + ImGui::GetWindowSize().x);
            }
          } else if (columns[c] == "kind") {
            ImGui::TextUnformatted(text.c_str());
          } else {
            // Numbers right-aligned, so their decimal separators line up.
            const float cw = ImGui::GetColumnWidth(), tw = ImGui::CalcTextSize(text.c_str()).x;
            if (cw > tw) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + cw - tw);
            ImGui::TextUnformatted(text.c_str());
          }
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace wijknet::viz
