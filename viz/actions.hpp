// The user's actions: one list that the menus, the keys and the panels all issue, performed in
// one place after the panels are drawn (so a panel never changes what another is drawing).
// Headless: tests perform them on an AppState and an Insight without a window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "viz/app_state.hpp"
#include "viz/insight.hpp"

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
    select_member,                   // index: selects that member alone and flies to it
  };
  Kind kind = Kind::undo;
  std::string text, other;
  std::size_t index = 0;
  Lang lang = Lang::en;
};

// What performing an action did, for the status line and the report's "open it?" question.
struct ActionResult {
  std::string status;                  // a line for the status bar ("" for none)
  std::string error;                   // a message the user must dismiss
  std::optional<std::string> written;  // the report written
};

// Performs one action. `lang` is the interface language (status texts).
ActionResult perform(const Action& action, AppState& state, Insight& insight, Lang lang);

// Writes the HTML report (core/report_html, as `wijknet report`) of `doc` to `path` atomically,
// for `date` ("" = today) in `report_lang`, ranking `registry`. Returns "" or the error.
std::string write_report(const Coalition& doc, const std::string& source, const std::string& path, const std::string& date,
                         Lang report_lang, const std::vector<Candidate>& registry);

// Whether a panel id is one of the viewer's ("health", "whatif", "missing", "legend", "filters",
// "inspector", "matrix").
bool known_panel(const std::string& id);

}  // namespace wijknet::viz
