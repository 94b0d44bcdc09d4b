// The files' dialogs: Open and Save As with a folder browser (the model is viz/file_browser.hpp),
// File > Recent, "Save changes to X?" and the offer to restore unsaved work. They draw FilesUi and
// issue actions (open_file, save_file, unsaved_answer, recovery_answer); only the browser's own
// navigation (up, into a folder, the name typed) changes the browser directly.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "viz/panel_util.hpp"

namespace wijknet::viz {
namespace {

// A modal popup with a stable id whose title follows the language; false when it is not showing.
// Opaque (the map must not show through a list of files), centred, and with framed fields (the
// light style draws a text field white on the white dialog). Pair with end_modal().
bool begin_modal(const std::string& title, const char* id, bool wanted) {
  const std::string full = title + "###" + id;
  if (wanted && !ImGui::IsPopupOpen((std::string("###") + id).c_str())) ImGui::OpenPopup(full.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (!ImGui::BeginPopupModal(full.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return false;
  if (!wanted) {  // closed from the keyboard queue or by an action
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return false;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  return true;
}

void end_modal() {
  ImGui::PopStyleVar();
  ImGui::EndPopup();
}

bool button(UiContext& ctx, const std::string& name, const std::string& label) {
  const bool clicked = ImGui::Button(label.c_str());
  track(ctx, name);
  return clicked;
}

void browser_dialog(UiContext& ctx, bool wanted) {
  const Lang L = ctx.lang;
  FileBrowser& b = ctx.files.browser;
  const bool save = b.mode() == FileBrowser::Mode::save;
  if (!begin_modal(tr(L, save ? "dialog.save_as" : "dialog.open"), "files", wanted)) return;
  const float s = ctx.ui_scale;
  bool accept = ctx.files.accept, cancel = ctx.files.cancel;
  ctx.files.accept = ctx.files.cancel = false;

  // The folder shown, with Up.
  if (button(ctx, "files.up", tr(L, "files.up"))) b.up();
  ImGui::SameLine();
  ImGui::TextUnformatted(b.folder().string().c_str());
  track(ctx, "files.folder");

  // The listing: folders first (a click goes in), then the files (a click takes the name, a
  // double click opens or saves).
  ImGui::BeginChild("##listing", {560 * s, 300 * s}, true);
  std::string into;
  if (b.entries().empty()) ImGui::TextDisabled("%s", tr(L, "files.empty").c_str());
  for (std::size_t k = 0; k < b.entries().size(); ++k) {
    const BrowserEntry& e = b.entries()[k];
    const std::string label = (e.folder ? e.name + "/" : e.name) + "##e" + std::to_string(k);
    const bool clicked = ImGui::Selectable(label.c_str(), !e.folder && e.name == b.name, ImGuiSelectableFlags_AllowDoubleClick);
    track(ctx, "files.entry." + e.name);
    if (!clicked) continue;
    if (e.folder) {
      into = e.name;
    } else {
      b.name = e.name;
      if (ImGui::IsMouseDoubleClicked(0)) accept = true;
    }
  }
  ImGui::EndChild();
  if (!into.empty()) b.enter(into);
  bool hidden = b.show_hidden();
  if (ImGui::Checkbox(tr(L, "files.hidden").c_str(), &hidden)) b.set_show_hidden(hidden);

  // The name or a typed path; Save As: the format.
  ImGui::SetNextItemWidth(420 * s);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText(tr(L, "files.name").c_str(), &b.name, ImGuiInputTextFlags_EnterReturnsTrue)) accept = true;
  track(ctx, "dialog.path");
  if (save && !b.extensions().empty()) {
    ImGui::SetNextItemWidth(160 * s);
    if (ImGui::BeginCombo(tr(L, "files.format").c_str(), b.extensions()[b.format()].c_str())) {
      for (std::size_t k = 0; k < b.extensions().size(); ++k)
        if (ImGui::Selectable(b.extensions()[k].c_str(), k == b.format())) b.set_format(k);
      ImGui::EndCombo();
    }
  } else {
    std::string exts;
    for (const auto& e : b.extensions()) exts += (exts.empty() ? "" : " ") + e;
    ImGui::TextDisabled("%s", tr(L, "dialog.formats", {exts}).c_str());
    ImGui::TextDisabled("%s", tr(L, "dialog.drop_hint").c_str());
  }
  const std::string& error = b.error().empty() ? b.list_error() : b.error();
  if (!error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(192, 57, 43, 255));
    ImGui::PushTextWrapPos(560 * s);
    ImGui::TextUnformatted(error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }

  ImGui::Separator();
  if (b.confirming()) {
    // Save As onto an existing file: asked here, in the dialog, before anything is written.
    ImGui::TextUnformatted(tr(L, "files.overwrite", {b.chosen().filename().string()}).c_str());
    const bool replace = button(ctx, "files.replace", tr(L, "files.replace")) || accept;
    ImGui::SameLine();
    const bool back = button(ctx, "files.cancel", tr(L, "dialog.cancel")) || cancel;
    if (replace) {
      b.confirm_overwrite();
      ctx.actions.push_back({Action::Kind::save_file, b.chosen().string()});
      b.close();
    } else if (back) {
      b.reject_overwrite();
    }
  } else {
    if (button(ctx, "files.ok", tr(L, save ? "files.save" : "files.open"))) accept = true;
    ImGui::SameLine();
    if (button(ctx, "files.cancel", tr(L, "dialog.cancel"))) cancel = true;
    if (cancel) {
      b.close();
    } else if (accept) {
      switch (b.accept(L)) {
        case FileBrowser::Outcome::chosen:
          ctx.actions.push_back({save ? Action::Kind::save_file : Action::Kind::open_file, b.chosen().string()});
          b.close();
          break;
        case FileBrowser::Outcome::navigated:
        case FileBrowser::Outcome::confirm_overwrite:
        case FileBrowser::Outcome::error:
        case FileBrowser::Outcome::none: break;
      }
    }
  }
  if (!b.active()) ImGui::CloseCurrentPopup();
  end_modal();
}

// A question's buttons in a row (named `id`.`key` for the tests); Enter is the first, Escape the
// one at `escape` (none: -1). The answer goes out as `kind` with its index, and `showing` is
// cleared so the question closes.
void answers(UiContext& ctx, const char* id, std::initializer_list<const char*> keys, int escape, Action::Kind kind,
             std::string& showing) {
  int answer = -1, k = 0;
  for (const char* key : keys) {
    if (k > 0) ImGui::SameLine();
    const std::string name = std::string(id) + "." + key;
    if (button(ctx, name, tr(ctx.lang, name)) || (k == 0 && ctx.files.accept) || (k == escape && ctx.files.cancel)) answer = k;
    ++k;
  }
  ctx.files.accept = ctx.files.cancel = false;
  if (answer < 0) return;
  Action a{kind};
  a.index = std::size_t(answer);
  ctx.actions.push_back(a);
  showing.clear();
  ImGui::CloseCurrentPopup();
}

// "Save changes to X?" Save / Don't save / Cancel.
void unsaved_dialog(UiContext& ctx, bool wanted) {
  const Lang L = ctx.lang;
  if (!begin_modal(tr(L, "unsaved.title"), "unsaved", wanted)) return;
  ImGui::TextUnformatted(tr(L, "unsaved.question", {ctx.files.unsaved_name}).c_str());
  ImGui::TextDisabled("%s", tr(L, "unsaved.detail").c_str());
  answers(ctx, "unsaved", {"save", "discard", "cancel"}, 2, Action::Kind::unsaved_answer, ctx.files.unsaved_name);
  end_modal();
}

// "Restore unsaved work from 14:32?" Restore / Discard. Escape does nothing here: the work waits
// for an answer (closing the window keeps the file).
void recovery_dialog(UiContext& ctx, bool wanted) {
  const Lang L = ctx.lang;
  if (!begin_modal(tr(L, "recovery.title"), "recovery", wanted)) return;
  ImGui::TextUnformatted(tr(L, "recovery.question", {ctx.files.recovery_time}).c_str());
  ImGui::PushTextWrapPos(560 * ctx.ui_scale);
  ImGui::TextDisabled("%s", tr(L, "recovery.detail", {"wijknet", ctx.files.recovery_file}).c_str());
  ImGui::PopTextWrapPos();
  answers(ctx, "recovery", {"restore", "discard"}, -1, Action::Kind::recovery_answer, ctx.files.recovery_time);
  end_modal();
}

}  // namespace

void recent_menu(UiContext& ctx) {
  const Lang L = ctx.lang;
  const bool open = ImGui::BeginMenu(tr(L, "files.recent").c_str());
  if (!open) {
    track(ctx, "menu.recent");
    return;
  }
  const auto recent = ctx.files.recent_files();
  if (recent.empty()) ImGui::TextDisabled("%s", tr(L, "files.recent_none").c_str());
  for (std::size_t k = 0; k < recent.size(); ++k) {
    const auto& [path, exists] = recent[k];
    // A file that is gone is greyed with a word; choosing it drops it from the list.
    const std::string label = (exists ? path : tr(L, "files.recent_missing", {path})) + "##recent" + std::to_string(k);
    if (!exists) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool clicked = ImGui::MenuItem(label.c_str());
    if (!exists) ImGui::PopStyleColor();
    track(ctx, "recent." + std::to_string(k));
    if (clicked) ctx.actions.push_back({Action::Kind::open_file, path});
  }
  ImGui::EndMenu();
}

void file_dialogs(UiContext& ctx) {
  // One at a time (a second modal opened beside a first would close it): the question about
  // unsaved edits, then the browser, then the restore offer. Each is called every frame, so one
  // no longer wanted closes.
  const bool unsaved = !ctx.files.unsaved_name.empty(), browser = !unsaved && ctx.files.browser.active();
  const bool recovery = !unsaved && !browser && !ctx.files.recovery_time.empty();
  unsaved_dialog(ctx, unsaved);
  browser_dialog(ctx, browser);
  recovery_dialog(ctx, recovery);
}

}  // namespace wijknet::viz
