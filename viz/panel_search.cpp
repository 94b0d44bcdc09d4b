// Search (Ctrl+F): a box at the top of the view, the hits listed best first; Enter or a click
// selects a hit and flies to it, Escape closes it. Choices are actions.
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

void search_panel(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 8}, ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowBgAlpha(0.95f);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoMove;
  if (!ImGui::Begin("##search", nullptr, flags)) {
    ImGui::End();
    return;
  }
  auto go = [&](std::size_t node) { ctx.actions.push_back({.kind = Action::Kind::select_node, .index = node}); };
  if (ctx.search_focus) {
    ImGui::SetKeyboardFocusHere();
    ctx.search_focus = false;
  }
  ImGui::SetNextItemWidth(320 * ctx.ui_scale);
  bool enter = ImGui::InputTextWithHint("##q", (tr(L, "search.title") + ": " + tr(L, "search.hint")).c_str(), &ctx.search_text,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) {
    ctx.search_hits = state.search(ctx.search_text);  // marks the matches on the map as the user types
    ctx.search_cursor = 0;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) && !ctx.search_hits.empty())
    ctx.search_cursor = std::min(ctx.search_cursor + 1, int(std::min<std::size_t>(ctx.search_hits.size(), 10)) - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) ctx.search_cursor = std::max(ctx.search_cursor - 1, 0);
  if (enter) {
    search_enter(ctx);
    ctx.search_focus = true;  // keep typing
  }
  if (!ctx.search_text.empty()) {
    if (ctx.search_hits.empty()) ImGui::TextDisabled("%s", tr(L, "search.none").c_str());
    else ImGui::TextDisabled("%s", tr(L, "search.count", {std::to_string(ctx.search_hits.size())}).c_str());
    for (std::size_t k = 0; k < std::min<std::size_t>(ctx.search_hits.size(), 10); ++k) {
      std::size_t node = ctx.search_hits[k];
      const Node& n = state.document().nodes[node];
      if (ImGui::Selectable((label_text(n) + "  (" + kind_name(L, n.kind) + ")##h" + n.id).c_str(), int(k) == ctx.search_cursor)) {
        ctx.search_cursor = int(k);
        go(node);
      }
    }
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close_search(ctx);
  ImGui::End();
}

void search_enter(UiContext& ctx) {
  if (ctx.search_hits.empty()) return;
  std::size_t node = ctx.search_hits[std::size_t(std::clamp(ctx.search_cursor, 0, int(ctx.search_hits.size()) - 1))];
  ctx.actions.push_back({.kind = Action::Kind::select_node, .index = node});
}

void close_search(UiContext& ctx) {
  ctx.search_open = false;
  ctx.search_text.clear();
  ctx.search_hits.clear();
  ctx.actions.push_back({.kind = Action::Kind::search});  // no query: the map shows no matches
}

void open_search(UiContext& ctx) {
  ctx.search_open = true;
  ctx.search_focus = true;
}

}  // namespace wijknet::viz
