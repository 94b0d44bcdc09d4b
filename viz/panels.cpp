#include "viz/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/model/coalition_network.hpp"
#include "importers/io.hpp"
#include "viz/colour_scale.hpp"
#include "viz/export.hpp"
#include "viz/labels.hpp"
#include "viz/members_table.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : std::string()) + parts[i];
  return out;
}

// BeginMenu, recording the header's place while the menu is closed (once it is open, the last
// item is inside the menu's own window).
bool begin_menu(UiContext& ctx, const std::string& name, const char* label) {
  const bool open = ImGui::BeginMenu(label);
  if (!open) track(ctx, name);
  return open;
}

// MenuItem, recorded under `name`.
bool menu_item(UiContext& ctx, const std::string& name, const char* label, const char* shortcut = nullptr,
               bool selected = false, bool enabled = true) {
  const bool clicked = ImGui::MenuItem(label, shortcut, selected, enabled);
  track(ctx, name);
  return clicked;
}

void menu_bar(AppState& state, const Insight& insight, UiContext& ctx) {
  const Lang L = ctx.lang;
  if (!ImGui::BeginMainMenuBar()) return;
  if (begin_menu(ctx, "menu.file", tr(L, "menu.file").c_str())) {
    if (menu_item(ctx, "menu.open", tr(L, "menu.open").c_str(), "Ctrl+O")) ctx.actions.push_back({Action::Kind::open_file});
    recent_menu(ctx);
    if (ImGui::MenuItem(tr(L, "menu.save").c_str(), "Ctrl+S", false, !state.doc().path().empty())) ctx.actions.push_back({Action::Kind::save_file});
    if (menu_item(ctx, "menu.save_as", tr(L, "menu.save_as").c_str())) ctx.actions.push_back({Action::Kind::save_as_dialog});
    if (menu_item(ctx, "menu.report", tr(L, "menu.report").c_str())) {
      ctx.dialog = 6;
      ctx.dialog_path = "wijknet-report.html";
      ctx.dialog_date = Date::today().str();
      ctx.dialog_lang = L;
    }
    if (menu_item(ctx, "menu.registry", tr(L, "menu.registry").c_str()))
      ctx.dialog = 7, ctx.dialog_path = insight.registry_path().empty() ? std::string(WIJKNET_ASSETS_DIR) + "/registry_den_haag.csv"
                                                                        : insight.registry_path();
    if (begin_menu(ctx, "menu.export", tr(L, "menu.export").c_str())) {
      if (menu_item(ctx, "menu.export_png", tr(L, "menu.export_png").c_str())) ctx.dialog = 3, ctx.dialog_path = "wijknet.png";
      if (menu_item(ctx, "menu.export_svg", tr(L, "menu.export_svg").c_str())) ctx.dialog = 4, ctx.dialog_path = "wijknet.svg";
      if (ImGui::MenuItem(tr(L, "menu.export_doc").c_str())) ctx.dialog = 5, ctx.dialog_path = "wijknet.graphml";
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (menu_item(ctx, "menu.quit", tr(L, "menu.quit").c_str(), "Ctrl+Q")) ctx.actions.push_back({Action::Kind::quit});
    ImGui::EndMenu();
  }
  if (begin_menu(ctx, "menu.edit", tr(L, "menu.edit").c_str())) {
    if (ImGui::MenuItem(tr(L, "menu.undo").c_str(), "Ctrl+Z", false, state.doc().can_undo())) ctx.actions.push_back({Action::Kind::undo});
    if (ImGui::MenuItem(tr(L, "menu.redo").c_str(), "Ctrl+Y", false, state.doc().can_redo())) ctx.actions.push_back({Action::Kind::redo});
    ImGui::Separator();
    if (menu_item(ctx, "menu.add_node", tr(L, "menu.add_node").c_str())) ctx.actions.push_back({Action::Kind::add_member});
    if (menu_item(ctx, "menu.add_tie", tr(L, "menu.add_tie").c_str(), nullptr, false, state.view().selection().size() == 2))
      ctx.actions.push_back({Action::Kind::tie_selection});
    if (ImGui::MenuItem(tr(L, "menu.remove_selection").c_str(), "Del", false, !state.view().selection().empty()))
      ctx.actions.push_back({Action::Kind::remove_selection});
    ImGui::EndMenu();
  }
  if (begin_menu(ctx, "menu.view", tr(L, "menu.view").c_str())) {
    if (ImGui::MenuItem(tr(L, "menu.fit").c_str(), "F")) ctx.actions.push_back({Action::Kind::fit});
    if (ImGui::MenuItem(tr(L, "menu.search").c_str(), "Ctrl+F")) open_search(ctx);
    ImGui::MenuItem(tr(L, "menu.curved").c_str(), nullptr, &state.view().curved_edges);
    float density = float(state.view().label_density);
    if (ImGui::SliderFloat(tr(L, "menu.labels").c_str(), &density, 0.0f, 3.0f, format_number(L, density, 1).c_str()))
      state.view().label_density = density;
    if (ImGui::BeginMenu(tr(L, "menu.color_by").c_str())) {
      if (ImGui::MenuItem(tr(L, "color.kind").c_str(), nullptr, state.view().color_by() == ColorBy::kind)) state.view().set_color_by(ColorBy::kind);
      if (ImGui::MenuItem(tr(L, "color.sector").c_str(), nullptr, state.view().color_by() == ColorBy::sector))
        state.view().set_color_by(ColorBy::sector);
      if (ImGui::MenuItem(tr(L, "color.community").c_str(), nullptr, state.view().color_by() == ColorBy::community)) {
        state.view().set_color_by(ColorBy::community);
        if (!state.scene().has_metrics()) ctx.actions.push_back({Action::Kind::compute_measures});
      }
      ImGui::Separator();
      for (auto m : all_metrics)
        if (ImGui::MenuItem(metric_name(L, metric_id(m)).c_str(), nullptr,
                            state.view().color_by() == ColorBy::metric && state.view().color_metric() == m)) {
          state.view().set_color_by(ColorBy::metric, m);
          if (!state.scene().has_metrics() && m != Metric::degree) ctx.actions.push_back({Action::Kind::compute_measures});
        }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(L, "menu.size_by").c_str())) {
      if (ImGui::MenuItem(tr(L, "menu.uniform").c_str(), nullptr, state.view().size_by() == SizeBy::uniform))
        state.view().set_size_by(SizeBy::uniform);
      for (auto m : all_metrics)
        if (ImGui::MenuItem(metric_name(L, metric_id(m)).c_str(), nullptr,
                            state.view().size_by() == SizeBy::metric && state.view().size_metric() == m)) {
          state.view().set_size_by(SizeBy::metric, m);
          if (!state.scene().has_metrics() && m != Metric::degree) ctx.actions.push_back({Action::Kind::compute_measures});
        }
      ImGui::EndMenu();
    }
    if (begin_menu(ctx, "menu.panels", tr(L, "menu.panels").c_str())) {
      auto panel_item = [&](const char* id, const char* key, bool open) {
        if (menu_item(ctx, std::string("panel.") + id, tr(L, key).c_str(), nullptr, open)) {
          ctx.actions.push_back({open ? Action::Kind::hide_panel : Action::Kind::show_panel, id});
          if (!open) ctx.dock_select = id;
        }
      };
      panel_item("health", "panel.health", insight.show_health);
      panel_item("whatif", "panel.whatif", insight.show_whatif);
      panel_item("missing", "panel.missing", insight.show_missing);
      panel_item("timeline", "panel.timeline", ctx.timeline && ctx.timeline->show);
      panel_item("matrix", "panel.matrix", insight.show_matrix);
      ImGui::Separator();
      ImGui::MenuItem(tr(L, "panel.legend").c_str(), nullptr, &ctx.show_legend);
      ImGui::MenuItem(tr(L, "panel.filters").c_str(), nullptr, &ctx.show_filters);
      track(ctx, "panel.filters");
      ImGui::MenuItem(tr(L, "panel.inspector").c_str(), nullptr, &ctx.show_inspector);
      ImGui::MenuItem(tr(L, "panel.table").c_str(), nullptr, &ctx.show_table);
      track(ctx, "panel.table");
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (begin_menu(ctx, "menu.layout", tr(L, "menu.layout").c_str())) {
    if (ImGui::MenuItem(tr(L, ctx.layout_running ? "menu.layout_pause" : "menu.layout_run").c_str(), "Space"))
      ctx.actions.push_back({Action::Kind::layout_toggle});
    if (ImGui::MenuItem(tr(L, "menu.layout_reheat").c_str(), "R")) ctx.actions.push_back({Action::Kind::layout_reheat});
    if (ImGui::MenuItem(tr(L, "menu.unpin_all").c_str())) state.doc().unpin_all();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(L, "menu.metrics").c_str())) {
    if (ImGui::MenuItem(tr(L, "menu.metrics").c_str(), nullptr, false, !ctx.metrics_computing && !state.scene().has_metrics()))
      ctx.actions.push_back({Action::Kind::compute_measures});
    ImGui::EndMenu();
  }
  if (begin_menu(ctx, "menu.language", tr(L, "menu.language").c_str())) {
    if (menu_item(ctx, "lang.nl", "Nederlands", nullptr, L == Lang::nl)) ctx.actions.push_back({.kind = Action::Kind::set_lang, .lang = Lang::nl});
    if (menu_item(ctx, "lang.en", "English", nullptr, L == Lang::en)) ctx.actions.push_back({.kind = Action::Kind::set_lang, .lang = Lang::en});
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void dialogs(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  static const char* titles[] = {"",  "dialog.open", "dialog.save_as", "dialog.export_png", "dialog.export_svg", "dialog.export_doc",
                                 "dialog.report", "dialog.registry"};
  const bool wanted = ctx.dialog > 0 && ctx.dialog <= 7;
  std::string id = tr(L, titles[wanted ? ctx.dialog : 1]) + "###dialog";
  if (wanted && !ImGui::IsPopupOpen("###dialog")) ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!wanted) {  // closed from the keyboard queue
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::SetNextItemWidth(420 * ctx.ui_scale);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputText(tr(L, "dialog.path").c_str(), &ctx.dialog_path, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, "dialog.path");
  if (ctx.dialog == 6) {
    ImGui::SetNextItemWidth(160 * ctx.ui_scale);
    ImGui::InputTextWithHint(tr(L, "dialog.date").c_str(), "YYYY-MM-DD", &ctx.dialog_date);
    ImGui::TextUnformatted(tr(L, "dialog.report_lang").c_str());
    ImGui::SameLine();
    if (ImGui::RadioButton("Nederlands", ctx.dialog_lang == Lang::nl)) ctx.dialog_lang = Lang::nl;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", ctx.dialog_lang == Lang::en)) ctx.dialog_lang = Lang::en;
    ImGui::TextDisabled("%s", tr(L, "dialog.report_hint").c_str());
  }
  if (ctx.dialog == 7) ImGui::TextDisabled("%s", tr(L, "dialog.registry_hint").c_str());
  if (ctx.dialog == 5)
    ImGui::TextDisabled("%s", tr(L, "dialog.formats", {join(writable_extensions(), " ")}).c_str());
  if (ctx.dialog == 3) ImGui::SliderFloat(tr(L, "dialog.scale").c_str(), &ctx.dialog_scale, 1.0f, 8.0f, "%.1f");
  if (ctx.dialog >= 3 && ctx.dialog <= 5) ImGui::Checkbox(tr(L, "dialog.anonymize").c_str(), &ctx.dialog_anonymize);
  bool ok = ImGui::Button(tr(L, "dialog.ok").c_str()) || enter || ctx.dialog_accept;
  ImGui::SameLine();
  bool cancel = ImGui::Button(tr(L, "dialog.cancel").c_str()) || ctx.dialog_cancel;
  ctx.dialog_accept = ctx.dialog_cancel = false;
  if (ok && !ctx.dialog_path.empty()) {
    auto file_action = [&](Action::Kind k) {
      Action a{k, ctx.dialog_path};
      a.number = ctx.dialog_scale;
      a.flag = ctx.dialog_anonymize;
      ctx.actions.push_back(std::move(a));
    };
    switch (ctx.dialog) {
      case 3: file_action(Action::Kind::export_png); break;
      case 4: file_action(Action::Kind::export_svg); break;
      case 5: file_action(Action::Kind::export_doc); break;
      case 6: {
        Action a{Action::Kind::write_report, ctx.dialog_path, ctx.dialog_date};
        a.lang = ctx.dialog_lang;
        ctx.actions.push_back(std::move(a));
        break;
      }
      case 7: ctx.actions.push_back({Action::Kind::registry_open, ctx.dialog_path}); break;
    }
  }
  if ((ok && !ctx.dialog_path.empty()) || cancel) {
    ctx.dialog = 0;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void error_popup(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const bool wanted = !state.doc().error().empty();
  std::string id = tr(L, "status.error") + "###error";
  if (wanted && !ImGui::IsPopupOpen("###error")) ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!wanted) {  // dismissed from the keyboard queue
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::PushTextWrapPos(560 * ctx.ui_scale);
  ImGui::TextUnformatted(state.doc().error().c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button(tr(L, "dialog.ok").c_str())) {
    state.doc().clear_error();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void status_line(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos({vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h});
  ImGui::SetNextWindowSize({vp->WorkSize.x, h});
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                           ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 2});
  if (ImGui::Begin("##status", nullptr, flags)) {
    std::string layout = ctx.layout_running ? tr(L, "layout.running", {std::to_string(ctx.layout_iterations)})
                         : ctx.layout_settled ? tr(L, "layout.settled")
                                             : tr(L, "layout.paused");
    std::string left = state.document().name.empty() ? state.doc().path() : state.document().name;
    if (state.doc().dirty()) left += " · " + tr(L, "status.unsaved");
    left += " · " + layout;
    if (!ctx.status.empty() && ctx.now - ctx.status_time < 6) left += " · " + ctx.status;
    else left += " · " + tr(L, "status.hint");
    ImGui::TextUnformatted(left.c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

// After File > Report: where it went, and a button that opens it in the browser.
void report_popup(UiContext& ctx) {
  const Lang L = ctx.lang;
  std::string id = tr(L, "report_dialog.title") + "###report";
  if (ctx.report_offer && !ImGui::IsPopupOpen("###report")) ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!ctx.report_offer) {  // closed from the keyboard queue
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::PushTextWrapPos(560 * ctx.ui_scale);
  ImGui::TextUnformatted(tr(L, "report_dialog.written", {ctx.report_written}).c_str());
  ImGui::PopTextWrapPos();
  const bool open = ImGui::Button(tr(L, "report_dialog.open").c_str());
  track(ctx, "report_dialog.open");
  ImGui::SameLine();
  const bool close = ImGui::Button(tr(L, "report_dialog.close").c_str());
  track(ctx, "report_dialog.close");
  if (open) {
    const std::string cmd = "xdg-open '" + ctx.report_written + "' >/dev/null 2>&1 &";
    if (ctx.report_written.find('\'') == std::string::npos && std::system(cmd.c_str()) != 0)
      ctx.status = tr(L, "report_dialog.no_browser"), ctx.status_time = ctx.now;
  }
  if (open || close) {
    ctx.report_offer = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// The docked column on the left: the dashboard, What if, Missing partners and the project matrix as tabs, each
// closable; the dashboard first.
void dock(AppState& state, const Insight& insight, UiContext& ctx) {
  ctx.dock_width = 0;
  if (!insight.show_health && !insight.show_whatif && !insight.show_missing && !insight.show_matrix) return;
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = dock_width_for(vp->WorkSize.x, ctx.ui_scale);
  const float h = vp->WorkSize.y - ImGui::GetFrameHeight();  // above the status line
  ImGui::SetNextWindowPos(vp->WorkPos, ImGuiCond_Always);
  ImGui::SetNextWindowSize({w, h}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.97f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar;
  if (ImGui::Begin("##dock", nullptr, flags)) {
    ctx.dock_width = w;
    ctx.widgets["dock"] = {vp->WorkPos.x, vp->WorkPos.y, vp->WorkPos.x + w, vp->WorkPos.y + h};
    if (ImGui::BeginTabBar("##docktabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
      auto tab = [&](const char* id, const char* key, bool shown, void (*draw)(AppState&, const Insight&, UiContext&)) {
        if (!shown) return;
        bool open = true;
        const bool select = ctx.dock_select == id;
        const ImGuiTabItemFlags f = select ? ImGuiTabItemFlags_SetSelected : 0;
        if (select) ctx.dock_select.clear();  // a tab opened this frame is selected when it first appears
        const bool visible = ImGui::BeginTabItem((tr(L, key) + "###tab" + id).c_str(), &open, f);
        track(ctx, std::string("tab.") + id);
        if (visible) {
          ImGui::BeginChild((std::string("##body") + id).c_str(), {0, 0}, false);
          draw(state, insight, ctx);
          ImGui::EndChild();
          ImGui::EndTabItem();
        }
        if (!open) ctx.actions.push_back({Action::Kind::hide_panel, id});
      };
      tab("health", "panel.health", insight.show_health, health_panel);
      tab("whatif", "panel.whatif", insight.show_whatif, whatif_panel);
      tab("missing", "panel.missing", insight.show_missing, missing_panel);
      tab("matrix", "panel.matrix", insight.show_matrix, matrix_panel);
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

void tooltip(AppState& state, UiContext& ctx, const Interaction& interaction) {
  auto h = state.view().hovered();
  if (!h || interaction.mode() != Interaction::Mode::idle || ImGui::GetIO().WantCaptureMouse) return;
  if (ctx.dialog != 0 || ctx.files.showing() || !state.doc().error().empty() || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  const Lang L = ctx.lang;
  const Node& n = state.document().nodes[*h];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted((n.label.empty() ? n.id : n.label).c_str());
  std::string what = kind_name(L, n.kind);
  if (!n.sector.empty()) what += " · " + sector_title(L, n.sector);
  if (n.is_broker()) what += " · " + tr(L, "inspector.broker");
  ImGui::TextDisabled("%s", what.c_str());
  ImGui::TextUnformatted(tr(L, "tooltip.degree", {std::to_string(state.scene().degree(*h))}).c_str());
  if (state.scene().has_metrics()) {
    auto [r, of] = state.scene().rank(Metric::betweenness, *h);
    ImGui::TextUnformatted((metric_name(L, "betweenness") + ": " + format_measure(L, state.scene().metric(Metric::betweenness, *h)) + " (" +
                            tr(L, "inspector.rank", {std::to_string(r), std::to_string(of)}) + ")")
                               .c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace

float dock_width_for(float viewport_width, float ui_scale) {
  return std::clamp(viewport_width * 0.3f, 340 * ui_scale, 470 * ui_scale);
}

void draw_ui(AppState& state, const Insight& insight, UiContext& ctx, const Interaction& interaction) {
  menu_bar(state, insight, ctx);
  ctx.matrix_dump = nullptr;  // filled while the matrix tab is drawn
  dock(state, insight, ctx);
  ctx.left_cover = ctx.dock_width;
  if (ctx.show_legend) legend_panel(state, ctx);
  if (ctx.show_filters) filters_panel(state, ctx);
  ctx.inspector_width = 0;
  if (ctx.show_inspector && state.view().primary()) inspector_panel(state, ctx);
  // The timeline along the bottom first, then the members table above it: it stops at the
  // inspector's edge and at the timeline's top.
  if (ctx.timeline && ctx.timeline->show) timeline_panel(state, *ctx.timeline, ctx);
  else ctx.timeline_height = 0;
  ctx.table_height = 0;
  if (ctx.show_table) table_panel(state, ctx);
  if (ctx.search_open) search_panel(state, ctx);
  status_line(state, ctx);
  tooltip(state, ctx, interaction);
  // The modals come last: a window that appears after a modal opened in the same frame trips
  // ImGui 1.86's FindBlockingModal assertion (the new modal is not yet WasActive).
  dialogs(state, ctx);
  file_dialogs(ctx);
  error_popup(state, ctx);
  report_popup(ctx);
  if (auto box = interaction.box()) {
    auto* dl = ImGui::GetForegroundDrawList();
    ImVec2 a{float(std::min(box->first.x, box->second.x)), float(std::min(box->first.y, box->second.y))};
    ImVec2 b{float(std::max(box->first.x, box->second.x)), float(std::max(box->first.y, box->second.y))};
    dl->AddRectFilled(a, b, IM_COL32(255, 140, 0, 40));
    dl->AddRect(a, b, IM_COL32(255, 140, 0, 200));
  }
}

}  // namespace wijknet::viz
