#include "importers/source_text.hpp"

#include <iterator>
#include <sstream>

namespace wijknet {

std::string read_all(std::istream& in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

int column_at(std::string_view line, std::size_t index) {
  if (index > line.size()) index = line.size();
  int column = 1;
  for (std::size_t i = 0; i < index; ++i)
    if (!utf8_continuation(line[i])) ++column;
  return column;
}

SourceLocation location_at(std::string_view text, std::size_t offset, const std::string& file) {
  if (offset > text.size()) offset = text.size();
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // The BOM is not a character a user sees; columns on line 1 start after it.
  if (line == 1) line_start = std::min(utf8_bom_length(text), offset);
  return SourceLocation{file, line, column_at(text.substr(line_start), offset - line_start)};
}

std::size_t json_depth_exceeded(std::string_view text, int limit) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

void add_warning(ImportReport& report, const ReadOptions& options, const SourceLocation& where,
                 const std::string& message) {
  if (options.strict) throw InputError(where, message + " (strict mode: warnings are errors)");
  report.warnings.push_back(where.str() + ": " + message);
}

}  // namespace wijknet
