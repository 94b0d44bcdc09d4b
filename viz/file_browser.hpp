// The Open and Save As dialog's folder browser, apart from any window (ImGui 1.86 has none; the
// ImGui part is viz/panel_files.cpp). It lists one folder at a time: folders first, then the files
// of the formats wijknet reads (Open) or writes (Save As), each group sorted case-insensitively,
// hidden entries (a leading '.') left out unless asked for. The user goes up, into a folder, or
// types a path (absolute, or relative to the folder shown); Save As takes its format from the
// name's extension or, without one, from the format combo, and asks before replacing a file.
#pragma once

#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"

namespace wijknet::viz {

struct BrowserEntry {
  std::string name;
  bool folder = false;
  friend bool operator==(const BrowserEntry&, const BrowserEntry&) = default;
};

class FileBrowser {
 public:
  enum class Mode { open, save };
  // What accept() did with the name typed or chosen.
  enum class Outcome {
    none,               // nothing typed
    navigated,          // it named a folder: the browser shows it now
    chosen,             // chosen() is the file to open or to write
    confirm_overwrite,  // Save As onto an existing file: ask, then confirm_overwrite()
    error,              // error() says why (missing file, unknown format, ...)
  };

  // Starts the dialog in `mode` at `start`: a folder, a file (its folder, and for Save As its name
  // in the name field), or a path that does not exist (its nearest existing parent); empty or
  // unusable: the working directory. `extensions` are the formats shown and accepted (".json",
  // ...: importers/io.hpp's readable_extensions() or writable_extensions()).
  void start(Mode mode, const std::filesystem::path& start, std::vector<std::string> extensions);
  bool active() const { return active_; }
  void close() { active_ = false, confirm_ = false; }
  Mode mode() const { return mode_; }

  const std::filesystem::path& folder() const { return folder_; }
  const std::vector<BrowserEntry>& entries() const { return entries_; }
  const std::vector<std::string>& extensions() const { return extensions_; }
  // Why the folder could not be listed ("" when it could).
  const std::string& list_error() const { return list_error_; }

  bool show_hidden() const { return show_hidden_; }
  void set_show_hidden(bool show);
  // Re-reads the folder.
  void refresh();
  // The parent folder; false at the root.
  bool up();
  // Into the folder `name` of the listing; false when it is not one.
  bool enter(const std::string& name);

  // The name field: a file name or a path, typed or filled by clicking a file.
  std::string name;
  // Save As: the index into extensions() of the format written. set_format also changes the
  // extension of the name typed; accept() sets it from a known extension typed.
  std::size_t format() const { return format_; }
  void set_format(std::size_t index);

  // Accepts the name field (see Outcome). `lang` is the language of error().
  Outcome accept(Lang lang);
  // Whether the overwrite question is showing (after accept() said confirm_overwrite).
  bool confirming() const { return confirm_; }
  // The answer Yes to the overwrite question: chosen() stands.
  void confirm_overwrite() { confirm_ = false; }
  // The answer No: back to the browser.
  void reject_overwrite() { confirm_ = false; }
  const std::filesystem::path& chosen() const { return chosen_; }
  const std::string& error() const { return error_; }

 private:
  bool known(const std::filesystem::path& file) const;
  bool go(const std::filesystem::path& folder);

  bool active_ = false, show_hidden_ = false, confirm_ = false;
  Mode mode_ = Mode::open;
  std::filesystem::path folder_, chosen_;
  std::vector<std::string> extensions_;
  std::vector<BrowserEntry> entries_;
  std::size_t format_ = 0;
  std::string list_error_, error_;
};

// What the window's file dialogs show, filled by the viewer and drawn by viz/panel_files.cpp:
// the Open / Save As browser, File > Recent, the "Save changes to X?" question and the offer to
// restore unsaved work.
struct FilesUi {
  FileBrowser browser;                // showing while browser.active()
  std::vector<std::string> recent;    // the viewer's settings: latest first
  std::string unsaved_name;           // not empty: "Save changes to X?" is showing
  std::string recovery_time;          // not empty: "Restore unsaved work from 14:32?" is showing
  std::string recovery_file;          // the recovery file offered
  bool accept = false, cancel = false;  // Enter / Escape from the keyboard queue, for the one showing

  // Whether one of the file dialogs is showing (the map's keys are off meanwhile).
  bool showing() const { return browser.active() || !unsaved_name.empty() || !recovery_time.empty(); }
  // For --dump-state: the dialog ("open", "save" or null), its folder, its first 50 entries, the
  // name typed, the overwrite question and the error; the recent files (each with whether it
  // still exists); the unsaved-changes question; the restore offer.
  Json dump() const;
  // The recent files, each with whether it is still there (a missing one is shown greyed).
  std::vector<std::pair<std::string, bool>> recent_files() const;
};

// What the user reads when `path` cannot be opened: the place the reader gives (FILE:LINE[:COL])
// and a sentence in `lang`. A JSON library's own text ("syntax error while parsing object key -
// unexpected end of input; expected string literal") never reaches the user: it becomes "the file
// ends too early ..."; an error that is not the reader's (out of memory, a library's exception)
// says so without its internal text. Other readers' messages are kept after "cannot read:".
std::string read_error_text(Lang lang, const std::string& path, const std::exception& error);

}  // namespace wijknet::viz
