#include "importers/source_text.hpp"

#include <iterator>
#include <sstream>

namespace wijknet {

std::string read_all(std::istream& in) {
  // A file's size is known: read it in one go into a string of that size, so the text is held
  // once (a stringstream grows by doubling and holds up to one and a half copies at its peak).
  const auto start = in.tellg();
  if (start != std::streampos(-1) && in.seekg(0, std::ios::end)) {
    const auto end = in.tellg();
    in.seekg(start);
    if (end != std::streampos(-1) && end >= start && in) {
      const std::size_t expected = static_cast<std::size_t>(end - start);
      std::string text(expected, '\0');
      in.read(text.data(), std::streamsize(expected));
      text.resize(static_cast<std::size_t>(in.gcount()));
      if (in.bad()) return text;  // the caller reports the read error
      in.clear();
      if (text.size() == expected && in.peek() == std::char_traits<char>::eof()) {
        in.clear();  // the state the stream copy below leaves: good
        return text;
      }
      // The file grew while it was read: take the rest as a stream.
      std::ostringstream rest;
      rest << in.rdbuf();
      return text + std::move(rest).str();
    }
    in.clear();
    in.seekg(start);
  }
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
