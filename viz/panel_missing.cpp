// Missing partners: missing sectors (the coalition and per theme), candidates from a registry the
// user opens, introductions and the succession plan, each with its reason. Selecting one shows it
// on the map; "Add to coalition" makes it real data (one undo step).
#include <imgui.h>

#include "viz/i18n.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {

void missing_panel(AppState& state, const Insight& insight, UiContext& ctx) {
  const Lang L = ctx.lang;
  if (ImGui::Button(tr(L, "menu.registry").c_str()))
    ctx.dialog = 7, ctx.dialog_path = insight.registry_path().empty() ? std::string(WIJKNET_ASSETS_DIR) + "/registry_den_haag.csv"
                                                                      : insight.registry_path();
  track(ctx, "missing.registry");
  if (!insight.registry_path().empty()) {
    const auto slash = insight.registry_path().find_last_of('/');
    note(insight.registry_path().substr(slash == std::string::npos ? 0 : slash + 1));
  }
  progress_line(insight, ctx);
  if (!insight.answers()) return;
  if (!insight.current(state)) note(tr(L, "insight.updating"));
  const auto items = insight.missing_items(state);
  const auto previewed = insight.previewed();
  std::optional<MissingItem::Kind> section;
  auto heading = [&](MissingItem::Kind k) {
    const char* key = k == MissingItem::Kind::sectors        ? "suggest.head.missing"
                      : k == MissingItem::Kind::candidate    ? "suggest.head.candidates"
                      : k == MissingItem::Kind::introduction ? "suggest.head.introductions"
                      : k == MissingItem::Kind::successor    ? "suggest.head.successors"
                                                             : "suggest.head.reconnect";
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(L, key).c_str());
    ImGui::Separator();
  };
  const Answers* a = insight.answers();
  bool any_candidates = false, any_sectors = false;
  for (const auto& it : items) {
    any_candidates = any_candidates || it.kind == MissingItem::Kind::candidate;
    any_sectors = any_sectors || it.kind == MissingItem::Kind::sectors;
  }
  if (!any_sectors) {
    heading(MissingItem::Kind::sectors);
    note(tr(L, "report.missing.none"));
  }
  auto candidates_note = [&] {
    heading(MissingItem::Kind::candidate);
    ImGui::TextWrapped("%s", tr(L, a->suggestions.registry_given ? "suggest.none" : "missing_panel.no_registry").c_str());
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const MissingItem& it = items[k];
    if (!any_candidates && it.kind != MissingItem::Kind::sectors) {
      candidates_note();  // where the candidates would be: after the sectors
      any_candidates = true;
    }
    if (section != it.kind) {
      if (it.kind == MissingItem::Kind::successor || (it.kind == MissingItem::Kind::reconnect && section != MissingItem::Kind::successor)) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(L, "suggest.head.succession").c_str());
        if (a->suggestions.succession) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.33f, 0.35f, 0.40f, 1));
          ImGui::TextWrapped("%s", a->suggestions.succession->reason.c_str());
          ImGui::PopStyleColor();
        }
      }
      heading(it.kind);
      section = it.kind;
    }
    ImGui::PushID(int(k));
    // The title wraps (two long names do not fit a line): a selectable as tall as the text under it.
    const float wrap = ImGui::GetContentRegionAvail().x;
    const float title_h = ImGui::CalcTextSize(it.title.c_str(), nullptr, false, wrap).y;
    const ImVec2 title_at = ImGui::GetCursorPos();
    const bool clicked = ImGui::Selectable("##title", previewed == k, 0, {0, title_h});
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(title_at);
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + wrap);
    ImGui::TextUnformatted(it.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPos(after);
    if (clicked) {
      Action act{Action::Kind::preview_item};
      act.index = k;
      ctx.actions.push_back(act);
    }
    ctx.widgets["missing.item." + std::to_string(k)] = {ImGui::GetWindowPos().x + title_at.x - ImGui::GetScrollX(),
                                                          ImGui::GetWindowPos().y + title_at.y - ImGui::GetScrollY(),
                                                          ImGui::GetWindowPos().x + title_at.x + wrap,
                                                          ImGui::GetWindowPos().y + title_at.y - ImGui::GetScrollY() + title_h};
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.33f, 0.35f, 0.40f, 1));
    ImGui::TextWrapped("%s", it.reason.c_str());
    ImGui::PopStyleColor();
    if (it.can_add) {
      if (ImGui::SmallButton(tr(L, "missing_panel.add").c_str())) {
        Action act{Action::Kind::accept_item};
        act.index = k;
        ctx.actions.push_back(act);
      }
      track(ctx, "missing.add." + std::to_string(k));
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
  if (!any_candidates) candidates_note();
}

}  // namespace wijknet::viz
