// Small tools every reader shares: reading a stream whole, turning a byte offset into a
// line and column, recording warnings the way ReadOptions asks. ASCII case folding is core's
// (core/text/utf8.hpp), '|' lists and attribute names are importers/fields.hpp's.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/utf8.hpp"
#include "importers/io.hpp"

namespace wijknet {

// The one scanner of the hand-written readers (DOT, GML): a cursor over a file's text, past its
// BOM, that keeps the line and column of where it stands as location_at counts them (lines end at
// '\n'; a column is a UTF-8 code point; '\r' takes none), so every token and message has its
// FILE:LINE:COL without a second pass. A reader's lexer derives from it and reads the members.
class Scanner {
 public:
  Scanner(std::string_view text, const std::string& source)
      : text_(text), source_(source), pos_(utf8_bom_length(text)) {}

 protected:
  char peek(std::size_t k = 0) const { return pos_ + k < text_.size() ? text_[pos_ + k] : '\0'; }
  // Steps over one byte, counting lines and columns. O(1).
  void advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
      at_line_start_ = true;
    } else {
      if (!utf8_continuation(c) && c != '\r') ++column_;
      if (c != ' ' && c != '\t' && c != '\r') at_line_start_ = false;
    }
  }
  SourceLocation here() const { return {source_, line_, column_}; }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0;
  int line_ = 1, column_ = 1;
  bool at_line_start_ = true;  // only blanks so far on this line
};

// Reads the rest of `in` into a string. Readers parse from memory so that any offset a parser
// reports can be turned into a line and column afterwards. O(size).
std::string read_all(std::istream& in);

// utf8_bom_length and ascii_lower: core/text/utf8.hpp. Readers skip a BOM; offsets stay relative to
// the full text so that positions count from the real start of the file.

// The 1-based line and column of byte `offset` in `text`, for messages "FILE:LINE:COL".
// Lines end at '\n' ("\r\n" counts once). The column counts characters (UTF-8 code points, a tab
// is one), as editors show them, not bytes. An offset past the end points just after the last
// character, which is where a truncated file "ends too early". O(offset).
SourceLocation location_at(std::string_view text, std::size_t offset, const std::string& file);

// The 1-based column of byte `index` within one line (code points, as location_at counts).
int column_at(std::string_view line, std::size_t index);

// How deep JSON may nest before readers refuse it. nlohmann's parser, copies and dump recurse
// once per level, so a hostile file of 200,000 '[' would overflow the stack; real documents
// nest a few levels.
inline constexpr int max_json_depth = 512;

// The byte offset of the first '[' or '{' in `text` that opens a level deeper than `limit`
// (strings skipped), or npos when there is none. Scans the text once, before nlohmann sees it.
std::size_t json_depth_exceeded(std::string_view text, int limit = max_json_depth);

// Records a warning "FILE:LINE[:COL]: message" in the report, or throws it as an InputError when
// options.strict asks that every warning stop the import.
void add_warning(ImportReport& report, const ReadOptions& options, const SourceLocation& where,
                 const std::string& message);

}  // namespace wijknet
