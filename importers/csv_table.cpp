#include "importers/csv_table.hpp"

#include "core/text/number_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/text/error.hpp"
#include "importers/source_text.hpp"

namespace wijknet {

bool CsvRow::blank() const {
  for (const auto& f : fields)
    if (!f.text.empty()) return false;
  return true;
}

char detect_csv_delimiter(std::string_view text) {
  std::size_t start = utf8_bom_length(text);
  int tabs = 0, semicolons = 0, commas = 0, spaces = 0;
  bool quoted = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '"') {
      quoted = !quoted;  // "" inside quotes toggles twice: no net change, as wanted
      continue;
    }
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') break;
    if (ch == '\t') ++tabs;
    else if (ch == ';') ++semicolons;
    else if (ch == ',') ++commas;
    else if (ch == ' ') ++spaces;
  }
  if (tabs == 0 && semicolons == 0 && commas == 0) return spaces > 0 ? ' ' : ',';
  if (tabs >= semicolons && tabs >= commas) return '\t';
  if (semicolons >= commas) return ';';
  return ',';
}

namespace {

bool blank_char(char c) { return c == ' ' || c == '\t'; }

// Walks the text once, keeping the line and the character column of the current byte.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t start) : text_(text), pos_(start) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  int line() const { return line_; }
  int column() const { return column_; }
  std::size_t pos() const { return pos_; }
  // Advances one byte; a line end ("\n", "\r\n" or "\r") moves to the next line.
  void advance() {
    char ch = text_[pos_++];
    if (ch == '\r' && peek() == '\n') {
      ++pos_;
      ch = '\n';
    }
    if (ch == '\n' || ch == '\r') {
      ++line_;
      column_ = 1;
    } else if (!utf8_continuation(ch)) {
      ++column_;
    } else {
      // a continuation byte does not start a character; undo nothing
    }
  }
  bool at_line_end() const { return peek() == '\n' || peek() == '\r'; }

 private:
  std::string_view text_;
  std::size_t pos_;
  int line_ = 1, column_ = 1;
};

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& source_name, char delimiter) {
  CsvTable table;
  table.delimiter = delimiter ? delimiter : detect_csv_delimiter(text);
  const char delim = table.delimiter;
  const bool space_mode = delim == ' ';
  Cursor cur(text, utf8_bom_length(text));
  // Room for a record a line (quoted line breaks make fewer), and for as many fields as the
  // record before had: a large table is not built by doubling.
  table.rows.reserve(std::size_t(std::count(text.begin(), text.end(), '\n')) + 1);
  std::size_t width = 0;

  while (!cur.done()) {
    CsvRow row;
    row.line = cur.line();
    row.fields.reserve(width);
    if (space_mode)
      while (cur.peek() == ' ') cur.advance();
    // One record: fields until a line end outside quotes.
    while (true) {
      CsvField field;
      // Leading blanks of an unquoted field are trimmed; remember them in case the field is quoted.
      while (!space_mode && blank_char(cur.peek()) && cur.peek() != delim) cur.advance();
      field.column = cur.column();
      if (cur.peek() == '"') {
        field.quoted = true;
        const int open_line = cur.line(), open_column = cur.column();
        cur.advance();
        while (true) {
          if (cur.done())
            throw InputError({source_name, open_line, open_column},
                             "quoted field is never closed (a '\"' is missing)");
          char ch = cur.peek();
          if (ch == '"') {
            if (cur.peek(1) == '"') {
              field.text += '"';
              cur.advance();
              cur.advance();
              continue;
            }
            cur.advance();
            break;
          }
          if (ch == '\r' || ch == '\n') {
            // Keep the line break as "\n" whatever the file used.
            field.text += '\n';
            cur.advance();
            continue;
          }
          field.text += ch;
          cur.advance();
        }
        while (blank_char(cur.peek()) && cur.peek() != delim) cur.advance();
        if (!cur.done() && cur.peek() != delim && !cur.at_line_end())
          throw InputError({source_name, cur.line(), cur.column()},
                           "unexpected text after a closing quote; a quote inside a quoted field is written \"\"");
      } else {
        std::size_t begin = cur.pos();
        while (!cur.done() && cur.peek() != delim && !cur.at_line_end()) cur.advance();
        std::string_view raw = text.substr(begin, cur.pos() - begin);
        while (!raw.empty() && blank_char(raw.back())) raw.remove_suffix(1);
        field.text.assign(raw);
      }
      if (const std::string_view plain = without_formula_guard(field.text); plain.size() != field.text.size())
        field.text = std::string(plain);
      row.fields.push_back(std::move(field));
      if (cur.done() || cur.at_line_end()) break;
      cur.advance();  // the delimiter
      if (space_mode) {
        while (cur.peek() == ' ') cur.advance();
        if (cur.done() || cur.at_line_end()) break;  // trailing spaces make no empty field
      }
    }
    if (!cur.done()) cur.advance();  // the line end
    width = row.fields.size();
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string csv_quote(std::string_view value, char delimiter) {
  bool needs = value.find_first_of(std::string{'"', '\n', '\r', delimiter}) != std::string_view::npos;
  if (!value.empty() && (blank_char(value.front()) || blank_char(value.back()))) needs = true;
  if (!needs) return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (blank_char(s.front()) || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (blank_char(s.back()) || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool digit(char c) { return c >= '0' && c <= '9'; }


}  // namespace

Json infer_value(std::string_view text, bool decimal_comma) {
  std::string_view s = trim(text);
  if (ascii_iequal(s, "true")) return true;
  if (ascii_iequal(s, "false")) return false;
  // Integers: no leading zero (a phone number or postcode is text) and within 64 bits.
  {
    std::string_view digits = s;
    if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
    bool all = !digits.empty() && std::all_of(digits.begin(), digits.end(), digit);
    if (all && (digits.size() == 1 || digits.front() != '0'))
      if (auto v = read_plain_integer(s)) return *v;
  }
  bool leading_zero = false;
  {
    std::string_view d = s;
    if (!d.empty() && (d.front() == '-' || d.front() == '+')) d.remove_prefix(1);
    leading_zero = d.size() > 1 && d[0] == '0' && digit(d[1]);
  }
  if (!leading_zero)
    if (auto v = read_plain_number(s, decimal_comma)) return *v;
  return std::string(text);
}

std::optional<Date> parse_date_cell(std::string_view text) {
  std::string_view s = trim(text);
  if (auto d = Date::parse(s)) return d;
  // ISO date-time: keep the date part.
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ') && digit(s[0]) && s[4] == '-')
    if (auto d = Date::parse(s.substr(0, 10))) return d;
  // Day-first: D-M-YYYY or D/M/YYYY.
  for (char sep : {'-', '/'}) {
    auto p1 = s.find(sep);
    if (p1 == std::string_view::npos) continue;
    auto p2 = s.find(sep, p1 + 1);
    if (p2 == std::string_view::npos) continue;
    std::string_view d = s.substr(0, p1), m = s.substr(p1 + 1, p2 - p1 - 1), y = s.substr(p2 + 1);
    auto all_digits = [](std::string_view x) { return !x.empty() && std::all_of(x.begin(), x.end(), digit); };
    if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4) continue;
    std::string iso = std::string(y) + "-" + (m.size() == 1 ? "0" : "") + std::string(m) + "-" +
                      (d.size() == 1 ? "0" : "") + std::string(d);
    if (auto date = Date::parse(iso)) return date;
  }
  return std::nullopt;
}

std::optional<std::vector<TimeInterval>> parse_timeset(std::string_view text) {
  std::string_view s = trim(text);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = trim(s.substr(1, s.size() - 2));
  std::vector<TimeInterval> out;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && (blank_char(s[i]) || s[i] == ';')) ++i;
    if (i >= s.size()) break;
    if (s[i] != '[' && s[i] != '(') return std::nullopt;
    auto close = s.find_first_of("])", i);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = s.substr(i + 1, close - i - 1);
    auto comma = inner.find(',');
    if (comma == std::string_view::npos || inner.find(',', comma + 1) != std::string_view::npos) return std::nullopt;
    TimeInterval iv{std::string(trim(inner.substr(0, comma))), std::string(trim(inner.substr(comma + 1)))};
    if (iv.start.empty() || iv.end.empty()) return std::nullopt;
    out.push_back(std::move(iv));
    i = close + 1;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<Period> period_of(const std::vector<TimeInterval>& intervals) {
  if (intervals.empty()) return std::nullopt;
  auto infinite = [](std::string_view b, bool negative) {
    std::string_view x = b;
    bool neg = false;
    if (!x.empty() && (x.front() == '-' || x.front() == '+')) {
      neg = x.front() == '-';
      x.remove_prefix(1);
    }
    return neg == negative && (ascii_iequal(x, "infinity") || ascii_iequal(x, "inf"));
  };
  Period p;
  bool open_start = false, open_end = false;
  for (const auto& iv : intervals) {
    if (infinite(iv.start, true)) {
      open_start = true;
    } else {
      auto d = parse_date_cell(iv.start);
      if (!d) return std::nullopt;
      if (!p.since || *d < *p.since) p.since = d;
    }
    if (infinite(iv.end, false)) {
      open_end = true;
    } else {
      auto d = parse_date_cell(iv.end);
      if (!d) return std::nullopt;
      if (!p.until || *d > *p.until) p.until = d;
    }
  }
  if (open_start) p.since.reset();
  if (open_end) p.until.reset();
  return p;
}

namespace {
// True when `text` is a run of apostrophes (possibly none) and then a character a spreadsheet
// takes as the start of a formula.
bool formula_like(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == '\'') ++i;
  return i < text.size() && (text[i] == '=' || text[i] == '+' || text[i] == '-' || text[i] == '@' || text[i] == '\t' ||
                             text[i] == '\r');
}
}  // namespace

std::string spreadsheet_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  if (formula_like(text)) out += '\'';
  out.append(text);
  return out;
}

std::string_view without_formula_guard(std::string_view text) {
  if (text.size() >= 2 && text[0] == '\'' && formula_like(text.substr(1))) text.remove_prefix(1);
  return text;
}

}  // namespace wijknet
