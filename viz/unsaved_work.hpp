// A coordinator's unsaved work is never lost in the window: the rules, apart from any window.
// - Opening another document or quitting with unsaved edits asks first: Save, Don't save, Cancel
//   (UnsavedGuard holds the action until the answer).
// - While there are unsaved edits, the document is written every minute (WIJKNET_AUTOSAVE_SECONDS
//   overrides it) to a recovery file (AutosavePolicy says when, recovery_file() where), atomically
//   (importers/atomic_write.hpp); a clean save or a clean quit removes it.
// - When a document is opened and a recovery file newer than it exists (the viewer was killed, the
//   machine went down), the viewer offers to restore it (recovery_offer()).
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "viz/actions.hpp"

namespace wijknet::viz {

// The folder of recovery files: $XDG_STATE_HOME/wijknet/recovery, else
// $XDG_CONFIG_HOME/wijknet/recovery (beside the viewer's settings), else
// ~/.local/state/wijknet/recovery; empty when none of these variables is set.
std::filesystem::path recovery_folder();

// The recovery file of the document at `document_path`: "<name>-<hash>.json" in
// recovery_folder(), the hash (FNV-1a, 64 bits, hexadecimal) of the absolute path so that two
// "laak.json" in different folders do not share one; "untitled.json" for a document without a
// path. Always the native format, whatever the document's. Empty when recovery_folder() is.
std::filesystem::path recovery_file(const std::string& document_path);

// The document as it stands in the window, its members' positions stored as its layout: what a
// recovery file holds.
Coalition recovery_document(const AppState& state);

// Writes `doc` to `file` (creating its folder) atomically in the native format. Returns "" or
// what went wrong.
std::string write_recovery(const Coalition& doc, const std::filesystem::path& file);
// Removes the recovery file (no error when there is none).
void remove_recovery(const std::filesystem::path& file);

// When to write the recovery file: while the document is dirty, `interval` seconds after it became
// dirty and then every `interval` seconds, as long as it changed since the last write. The clock
// (seconds, any origin) is injected so tests need no waiting.
class AutosavePolicy {
 public:
  using Clock = std::function<double()>;
  AutosavePolicy(double interval_seconds, Clock clock);
  // WIJKNET_AUTOSAVE_SECONDS when it is a positive number, else 60.
  static double interval_from_environment();
  double interval() const { return interval_; }

  // Called every frame with whether the document is dirty and a number that changes with every
  // edit: true when a recovery file should be written now.
  bool due(bool dirty, std::uint64_t version);
  // The recovery file was written for `version`.
  void written(std::uint64_t version);
  // The document is clean (opened, saved, restored from disk): the clock stops.
  void reset();

 private:
  double interval_;
  Clock clock_;
  std::optional<double> since_;  // when the document became dirty, or was last autosaved
  std::optional<std::uint64_t> written_;
};

// A recovery file worth offering for the document at `document_path`: one exists and is newer
// than the document (or the document is gone).
struct RecoveryOffer {
  std::filesystem::path file;
  std::time_t written = 0;  // when it was written
};
std::optional<RecoveryOffer> recovery_offer(const std::string& document_path);

// "14:32" for a time today, "2026-12-01 14:32" for another day (local time).
std::string recovery_time_text(std::time_t written, std::time_t now);

// Holds an action that would discard unsaved edits (open_file, quit) until the user answers
// "Save changes to X?".
class UnsavedGuard {
 public:
  enum class Answer { save, discard, cancel };
  // Whether `action` may go ahead now: yes when the document is clean; otherwise it is held and
  // the question shows (asking()).
  bool allow(const Action& action, bool dirty);
  bool asking() const { return pending_.has_value() && !answered_; }
  const std::optional<Action>& pending() const { return pending_; }
  // The user's answer. Cancel drops the held action. Discard returns it to be done now. Save
  // keeps it until saved() (after a successful save: returned to be done) or save_failed().
  std::optional<Action> answer(Answer a);
  std::optional<Action> saved();
  void save_failed() { pending_.reset(), answered_ = false; }

 private:
  std::optional<Action> pending_;
  bool answered_ = false;  // Save chosen, waiting for the save
};

}  // namespace wijknet::viz
