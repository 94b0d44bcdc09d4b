// The user's actions: one list that the menus, the keys and the panels all issue, performed in
// one place after the panels are drawn (so a panel never changes what another is drawing).
// Headless: tests perform them on an AppState and an Insight without a window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/text/i18n.hpp"
#include "viz/app_state.hpp"
#include "viz/insight.hpp"
#include "viz/timeline.hpp"

namespace wijknet::viz {

struct Action {
  enum class Kind {
    undo, redo,
    compute,                         // the answers of a coalition too large to compute by itself
    add_member,                      // a new partner at the view's centre, selected
    tie_selection,                   // a `collaborates` tie between the two selected members
    remove_selection,                // the selected members and their ties
    remove_member,                   // index: one member
    show_panel, hide_panel,          // text: "health", "whatif", "missing", "matrix"
    highlight_indicator,             // text: indicator id (again: clears)
    whatif_enter, whatif_leave, whatif_apply,
    whatif_toggle,                   // text: member id taken out / put back
    whatif_add_tie,                  // text, other: two member ids
    whatif_remove_tie,               // index
    registry_open,                   // text: CSV path
    preview_item, accept_item,       // index into Insight::missing_items
    write_report,                    // text: path; other: date (YYYY-MM-DD, empty: today); lang
    // The view (performed here, headless).
    fit,                             // fit the visible members into the view
    zoom,                            // number: factor, at the view's centre
    focus_toggle,                    // the selection's neighbourhood, off again
    focus_depth,                     // index: steps of the neighbourhood shown
    focus,                           // index: the member whose neighbourhood is shown; number: steps (0: as now)
    focus_off,                       // the whole network again
    escape,                          // leaves the focus, else clears the selection
    search,                          // text: query (marks the matches)
    select_node,                     // index: a member selected alone and flown to (a search hit, a table row)
    select_member,                   // text: member id; selected alone and flown to
    write_table,                     // text: path; other: the table's CSV (viz/members_table.hpp)
    timeline_date,                   // text: the map's date (YYYY-MM[-DD]; empty: no date)
    timeline_position,               // index: the timeline's month position
    timeline_back, timeline_forward, // a month
    timeline_play, timeline_pause,
    timeline_compare,                // text: the date to compare with (empty: stop comparing)
    // What needs the window, the disk or the layout's thread (performed by the viewer).
    open_file,                       // text: path ("": the Open dialog); asks first over unsaved edits
    save_file,                       // text: path ("": the document's own, or the Save As dialog)
    save_as_dialog,                  // the Save As dialog
    quit,                            // asks first over unsaved edits
    unsaved_answer,                  // index: 0 save, 1 don't save, 2 cancel ("Save changes to X?")
    recovery_answer,                 // index: 0 restore, 1 discard
    export_png,                      // text: path; number: scale; flag: pseudonymise residents
    export_svg,                      // text: path; flag: pseudonymise residents
    export_doc,                      // text: path; flag: pseudonymise residents
    layout_toggle, layout_reheat,
    compute_measures,                // the members' measures of a network too large to measure by itself
    set_lang,                        // lang
  };
  Kind kind = Kind::undo;
  std::string text, other;
  std::size_t index = 0;
  Lang lang = Lang::en;
  double number = 0;
  bool flag = false;
};

// Whether the viewer performs the action (it needs the window, the disk or the layout's
// thread) rather than perform().
bool needs_viewer(Action::Kind k);

// What performing an action did, for the status line and the report's "open it?" question.
struct ActionResult {
  std::string status;                  // a line for the status bar ("" for none)
  std::string error;                   // a message the user must dismiss
  std::optional<std::string> written;  // the report written
};

// Performs one action that does not need the viewer. `lang` is the interface language (status
// texts); `timeline` is the timeline's state (its actions do nothing without one).
ActionResult perform(const Action& action, AppState& state, Insight& insight, Lang lang, Timeline* timeline = nullptr);

// Writes the HTML report (core/report_html, as `wijknet report`) of `doc` to `path` atomically,
// for `date` ("" = today) in `report_lang`, ranking `registry`. Returns "" or the error.
std::string write_report(const Coalition& doc, const std::string& source, const std::string& path, const std::string& date,
                         Lang report_lang, const std::vector<Candidate>& registry);

// Whether a panel id is one of the viewer's ("health", "whatif", "missing", "legend", "filters",
// "inspector", "timeline", "table", "matrix").
bool known_panel(const std::string& id);

}  // namespace wijknet::viz
