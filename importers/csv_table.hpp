// The low-level side of CSV: splitting text into rows and fields (RFC 4180 plus what spreadsheet
// programs really write), detecting the delimiter, and quoting fields on the way out. Knows
// nothing about nodes and edges; importers/csv.hpp gives the columns their meaning.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.hpp"
#include "core/model/coalition.hpp"

namespace wijknet {

// One field as it stood in the file: its text (quotes removed, "" turned into "), the 1-based
// column where it starts (in characters, as an editor counts them) and whether it was quoted.
struct CsvField {
  std::string text;
  int column = 1;
  bool quoted = false;
};

// One record. `line` is the line on which it starts; a quoted field may carry it over more lines.
struct CsvRow {
  int line = 1;
  std::vector<CsvField> fields;

  // True when every field is empty: a blank line, or ",,," as spreadsheets leave at the end.
  bool blank() const;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<CsvRow> rows;  // the header is rows[0] when the file has one
};

// CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet
// runs a cell that starts with '=', '+', '-', '@', tab or carriage return as a formula. Exports
// write such text with a leading apostrophe ("'=1+1"), which spreadsheets show as text; so that
// text that really starts with apostrophes survives, any run of apostrophes before such a
// character gets one more. without_formula_guard undoes it on reading (every CSV and workbook
// field): one apostrophe is dropped where apostrophes precede such a character. O(length).
std::string spreadsheet_text(std::string_view text);
std::string_view without_formula_guard(std::string_view text);

// Guesses the delimiter from the first line: the most frequent of tab, ';' and ',' outside
// quotes (ties go to tab, then ';', the Dutch Excel default, then ','); when none occurs and the
// line has spaces outside quotes, ' '; else ','. O(length of the first line).
char detect_csv_delimiter(std::string_view text);

// Splits `text` into records. Rules:
// - a UTF-8 byte-order mark at the start is skipped (columns on line 1 count after it);
// - records end at "\n", "\r\n" or a lone "\r"; a field in double quotes may hold delimiters,
//   line ends and doubled quotes ("" for ");
// - unquoted fields are trimmed of surrounding spaces and tabs (hand-edited files write "a, b");
//   quoted fields are kept exactly;
// - with delimiter ' ', runs of spaces count as one delimiter and leading or trailing spaces
//   make no empty field, as in Gephi's space-separated exports;
// - a quote that is never closed, or text after a closing quote other than spaces and the
//   delimiter, is an InputError at its line and column; a '"' inside an unquoted field is kept.
// `delimiter` 0 means detect_csv_delimiter. O(size of text).
CsvTable parse_csv(std::string_view text, const std::string& source_name, char delimiter = 0);

// A field ready for writing: quoted (with " doubled) when it holds the delimiter, a quote, a
// line end, or leading or trailing spaces; else as it is. O(length).
std::string csv_quote(std::string_view value, char delimiter = ',');

// ---- Values in cells. Tables, DOT and Pajek carry every value as text; these give it a type
// (numbers through core/text/number_text.hpp's read_plain_number, the one reader of numeric text).

// The JSON value a cell most likely means: true/false (any case) as booleans, integers without
// leading zeros (so "0612345678" and postcodes like "0123" stay text) as integers, decimals as
// doubles, and everything else as the string itself. O(length).
Json infer_value(std::string_view text, bool decimal_comma = false);

// A date in a cell: ISO "YYYY-MM-DD", "YYYY-MM", "YYYY" (Date::parse), an ISO date-time whose
// time is dropped ("2016-02-03T10:00:00", "2016-02-03 10:00"), or the Dutch day-first forms
// "D-M-YYYY" and "D/M/YYYY" that Excel writes in a Dutch locale. nullopt otherwise. O(length).
std::optional<Date> parse_date_cell(std::string_view text);

// One interval of a Gephi timeset, its bounds as written ("2016-02-03", "1", "-Infinity").
struct TimeInterval {
  std::string start, end;
};

// Parses a Gephi timeset or interval list: "[1,5]; [10, 10.5]; [11, 16];", "<[2000, 2005]>",
// "<[2000,2005];[2008,2010]>", "[2016-02-03, Infinity]". Both brackets kinds, '(' and ')'
// (open bounds, treated as closed) and a trailing ';' are accepted. nullopt when the text is not
// of that shape. O(length).
std::optional<std::vector<TimeInterval>> parse_timeset(std::string_view text);

// The period a list of intervals spans, when every bound is a date (parse_date_cell) or an
// infinity: since = the earliest start (none when one start is "-Infinity"), until = the latest
// end (none when one end is "Infinity"). Gephi's ends are inclusive and wijknet's `until` is
// exclusive; the end is taken as it is written, so an edge "[2016-02-03, 2016-02-04]" runs until
// 2016-02-04 (a day shorter than Gephi shows it). nullopt when a bound is not a date (plain
// numbers such as "[1,5]" are positions on Gephi's own timeline, not dates). O(intervals).
struct Period {
  std::optional<Date> since, until;
};
std::optional<Period> period_of(const std::vector<TimeInterval>& intervals);

}  // namespace wijknet
