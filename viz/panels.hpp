// The window's panels. panels.cpp holds the frame: the menu bar, the docked column of the
// coordinator's panels, the dialogs and popups, the status line and the tooltip; every panel is
// a file of its own (viz/panel_*.cpp: legend, filters, search, inspector, health, what-if,
// missing partners, matrix, timeline, table, files). They read AppState and issue the user's
// actions (viz/actions.hpp) into UiContext::actions: the same list the keys fill, performed
// after the panels are drawn.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "viz/actions.hpp"
#include "viz/app_state.hpp"
#include "viz/file_browser.hpp"
#include "viz/i18n.hpp"
#include "viz/insight.hpp"
#include "viz/interaction.hpp"
#include "viz/members_table.hpp"

struct ImFont;

namespace wijknet::viz {

struct UiContext {
  Lang lang = Lang::en;
  bool show_legend = true, show_filters = false, show_inspector = true, show_layout = false;
  // The members table (viz/panel_table.cpp): open, its choices and rows, and the height it took
  // at the bottom of the view last frame (0 when closed; the legend sits above it).
  bool show_table = false;
  MembersTable table;
  float table_height = 0;
  // Search (Ctrl+F).
  bool search_open = false, search_focus = false;
  std::string search_text;
  std::vector<std::size_t> search_hits;
  int search_cursor = 0;
  // A line at the bottom: what just happened, or an error that stays until dismissed.
  std::string status;
  double status_time = 0;
  // Facts the viewer fills in every frame.
  bool metrics_computing = false;
  bool layout_running = false, layout_settled = false;
  std::size_t layout_iterations = 0;
  double frame_ms = 0;
  double now = 0;
  float ui_scale = 1;
  // Dialog state.
  int dialog = 0;  // 0 none, (1, 2: Open and Save As are FilesUi now), 3 export PNG, 4 export SVG, 5 export document,
                   // 6 report, 7 candidate registry
  std::string dialog_path;
  bool dialog_accept = false, dialog_cancel = false;  // Enter / Escape from the keyboard queue
  float dialog_scale = 2;
  bool dialog_anonymize = true;
  std::string dialog_date;       // the report's date, YYYY-MM-DD (empty: today)
  Lang dialog_lang = Lang::en;   // the report's language
  // The report just written: a popup offers to open it.
  std::string report_written;
  bool report_offer = false;
  // The docked column of the coordinator's panels: its width this frame (0 when closed) and the
  // tab to bring forward next frame.
  float dock_width = 0;
  std::string dock_select;
  // How much of the view's left and right the panels cover this frame (the dock and a filters
  // window beside it; the inspector on the right), so the map keeps members clear of them.
  float left_cover = 0, inspector_width = 0;
  // The timeline (viz/timeline.hpp) the viewer owns, for its panel to draw (null: none), and the
  // height its bar covers at the bottom of the view this frame (0 when closed).
  const Timeline* timeline = nullptr;
  float timeline_height = 0;
  // The Open / Save As dialog, File > Recent, "Save changes to X?", the restore offer.
  FilesUi files;
  // The user's actions this frame, performed by the viewer after the panels are drawn.
  std::vector<Action> actions;
  // Inspector edit buffers, refreshed when the primary node changes.
  std::optional<std::size_t> editing;
  std::string edit_label, edit_id, edit_themes;
  // The typed fields' texts while one is being edited (field_active names it) and the new
  // attribute rows' texts, and each field's refusal in the user's language, by field name
  // ("inspector.field.budget", "inspector.tie.3.until", "inspector.field.attr.note").
  std::map<std::string, std::string> field_text, field_error;
  std::string field_active;
  std::optional<std::size_t> open_tie;  // the tie whose period and attributes are shown
  // What the project matrix drew this frame (viz/project_matrix.hpp: matrix_json), for the dump.
  Json matrix_dump;
  std::string new_tie_query;
  std::string filter_date, filter_date_error;

  // Where the named widgets were last drawn, [x0, y0, x1, y1] in logical pixels, so a test can
  // click them with xdotool (written into the state dump). Named: menu headers and items,
  // filter checkboxes and fields, the inspector's label field.
  std::map<std::string, std::array<float, 4>> widgets;
};

// Draws every panel for this frame. `interaction` gives the selection box to draw.
void draw_ui(AppState& state, const Insight& insight, UiContext& ui, const Interaction& interaction);

// The width of the docked column of the coordinator's panels for a viewport `width` wide.
float dock_width_for(float viewport_width, float ui_scale);

// Opens the search box (Ctrl+F) and moves the keyboard focus into it.
void open_search(UiContext& ui);
// Enter in the search box: selects the highlighted hit and flies to it.
void search_enter(UiContext& ui);
// Escape in the search box: closes it and clears the highlighting.
void close_search(UiContext& ui);

}  // namespace wijknet::viz
