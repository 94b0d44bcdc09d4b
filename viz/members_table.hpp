// The members table: every member with every measure the viewer has, in words a coordinator
// understands, sortable, filterable, ranked within the member's kind, and exported to CSV.
// Headless: the rows, the order, the filter, the ranks and the CSV text are computed here and
// tested without a window (tests/viz/test_members_table.cpp); viz/panel_table.cpp only draws
// them and issues actions.
//
// The numbers are AppState's measures: those of `wijknet analyze --json` on the network of all
// members with their projects at the measures' date (the date filter's, else today), so a row
// shows what the command line, the inspector and the report show. Before the analysis is there
// (a large network computes it on request) degree and k-core come from viz/thinning.hpp, which
// gives the same numbers, and the other measures are empty.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text/i18n.hpp"
#include "viz/app_state.hpp"

namespace wijknet::viz {

inline constexpr std::size_t metric_count = std::size(all_metrics);

// The table's columns by id, in the order shown: "label", "kind", "ties", "rank" and the metric
// ids of all_metrics ("degree", "betweenness", ...). "rank" is the rank within the member's kind
// by the rank measure (MembersTableView::rank_metric).
const std::vector<std::string>& table_columns();
// The column's heading in words ("verbindt groepen" / "bridges groups" for betweenness) and its
// tooltip: the exact measure's name and one line on what it says.
std::string column_title(Lang lang, const std::string& column);
std::string column_tooltip(Lang lang, const std::string& column, const std::string& rank_metric_title = {});

// Per document node, the ties the inspector lists for it: every tie of the document that has it
// at one end (a tie to itself once), in document order, whatever its date. The inspector's tie
// count and the table's "ties" column are the size of a member's list. O(n + m).
std::vector<std::vector<std::size_t>> ties_by_member(const Coalition& doc);

struct MemberRow {
  std::size_t node = 0;  // document index
  std::string id, label, kind;
  std::size_t ties = 0;                           // ties_by_member(doc)[node].size()
  std::array<double, metric_count> values{};      // by all_metrics; NaN when undefined or not computed
  std::array<std::size_t, metric_count> rank{};   // 1 = highest within the member's kind; 0 without a value
  std::array<std::size_t, metric_count> of{};     // how many of its kind have a value
};

// What the user chose: the sort column and direction, the text and kind filters.
struct MembersTableView {
  std::string sort = "label";
  bool descending = false;
  std::string text;  // shown when the label or id contains it (accents folded, as search)
  std::string kind;  // "" = every kind
  // The measure the "rank" column ranks by: the sort column when it is a measure, else betweenness.
  Metric rank_metric() const;
  friend bool operator==(const MembersTableView&, const MembersTableView&) = default;
};

// One row per member in the network at the measures' date, in document order, ranks within kind
// filled in. O(n log n + m).
std::vector<MemberRow> member_rows(AppState& state);

// Ranks within kind: for each metric, 1 + the number of members of the same kind with a strictly
// higher value (equal values share a rank, "1, 2, 2, 4"); 0 for a member without a value. Fills
// MemberRow::rank and ::of. O(n log n) per metric.
void rank_within_kind(std::vector<MemberRow>& rows);

// Indices into `rows` of the rows shown, in the order shown: filtered by text and kind, sorted by
// the view's column (text columns by folded text, numbers by value; a missing value last in either
// direction; ties by label, then id). O(n log n).
std::vector<std::size_t> shown_rows(const std::vector<MemberRow>& rows, const MembersTableView& view);

// The value a column shows for a row, as text in the user's language ("0,413", "—").
std::string cell_text(Lang lang, const MemberRow& row, const std::string& column, Metric rank_metric);

// The shown rows as CSV for a spreadsheet in the user's language: a UTF-8 byte-order mark (Excel
// then reads accents right), a header row of column titles plus "id", numbers in fixed notation
// with six significant digits and the language's decimal separator, fields separated by ';' when
// that separator is a comma (Dutch Excel's list separator) and by ',' otherwise, RFC 4180 quoting
// and line ends, and text a spreadsheet would run as a formula guarded (importers/csv_table.hpp).
// Columns: name, id, kind, ties, rank within kind, then every measure. O(rows x columns).
std::string members_csv(const std::vector<MemberRow>& rows, const std::vector<std::size_t>& shown, const MembersTableView& view,
                        Lang lang);
char csv_separator(Lang lang);

// The table as the panel shows it: the user's choices, the rows and the shown order, rebuilt
// only when the document, its measures or the choices changed.
struct MembersTable {
  MembersTableView view;
  std::vector<MemberRow> rows;
  std::vector<std::size_t> shown;
  std::string csv_path;  // where "save as CSV" writes (empty: the language's default name)
  // Brings rows and shown up to date with `state` and `view`. O(1) when nothing changed.
  void refresh(AppState& state);

 private:
  std::uint64_t content_ = 0, structure_ = 0;
  bool measured_ = false, built_ = false;
  MembersTableView shown_for_;
};

// For --dump-state: the columns, sort column and direction, the filter, and the first `limit`
// shown rows (id, rank within kind by the rank measure, and each measure's value; null for none).
Json table_dump(const std::vector<MemberRow>& rows, const std::vector<std::size_t>& shown, const MembersTableView& view,
                std::size_t limit = 50);

}  // namespace wijknet::viz
