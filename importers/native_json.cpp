#include "importers/native_json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text/utf8.hpp"
#include "core/text/error.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {
namespace {

// ---------------------------------------------------------------------------------------------
// Where each value of a JSON text starts, by JSON pointer (RFC 6901), e.g. "/nodes/3/id".
// nlohmann's DOM keeps no positions, so after a successful parse this scanner walks the text
// once more and notes the byte offset of every value. It trusts that the text is valid JSON
// (nlohmann said so) and stops quietly if it is not. Iterative, so deep nesting cannot
// overflow the stack. O(size of the text).
class JsonPositions {
 public:
  explicit JsonPositions(std::string_view text);
  std::optional<std::size_t> offset(const std::string& pointer) const {
    auto it = offsets_.find(pointer);
    if (it == offsets_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::size_t> offsets_;
};

std::optional<std::uint32_t> hex4(std::string_view t, std::size_t pos) {
  if (pos + 4 > t.size()) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const char c = t[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= std::uint32_t(c - '0');
    else if (c >= 'a' && c <= 'f') v |= std::uint32_t(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= std::uint32_t(c - 'A' + 10);
    else return std::nullopt;
  }
  return v;
}

// Decodes the string literal at t[pos] == '"' (escapes included, as nlohmann decodes object
// keys) and leaves pos after the closing quote.
std::string decode_string(std::string_view t, std::size_t& pos) {
  std::string s;
  ++pos;
  while (pos < t.size() && t[pos] != '"') {
    if (t[pos] != '\\') {
      s += t[pos++];
      continue;
    }
    if (++pos >= t.size()) break;
    const char e = t[pos++];
    switch (e) {
      case 'n': s += '\n'; break;
      case 't': s += '\t'; break;
      case 'r': s += '\r'; break;
      case 'b': s += '\b'; break;
      case 'f': s += '\f'; break;
      case 'u': {
        auto cp = hex4(t, pos);
        if (!cp) break;
        pos += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && pos + 6 <= t.size() && t[pos] == '\\' && t[pos + 1] == 'u') {
          if (auto low = hex4(t, pos + 2); low && *low >= 0xDC00 && *low < 0xE000) {
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            pos += 6;
          }
        }
        append_utf8(s, *cp);
        break;
      }
      default: s += e;  // \" \\ \/
    }
  }
  if (pos < t.size()) ++pos;  // the closing quote
  return s;
}

void skip_string(std::string_view t, std::size_t& pos) {
  ++pos;
  while (pos < t.size() && t[pos] != '"') pos += t[pos] == '\\' ? 2 : 1;
  if (pos < t.size()) ++pos;
}

void append_pointer_token(std::string& pointer, std::string_view key) {
  pointer += '/';
  for (char c : key) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
}

JsonPositions::JsonPositions(std::string_view t) {
  struct Frame {
    bool object;
    std::size_t base;   // length of the container's own pointer
    std::size_t index;  // next array index
  };
  std::vector<Frame> stack;
  std::string pointer;
  std::size_t pos = utf8_bom_length(t);
  auto skip_ws = [&] {
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')) ++pos;
  };
  enum class Expect { value, key, after_value } expect = Expect::value;
  for (;;) {
    skip_ws();
    if (pos >= t.size()) return;
    if (expect == Expect::value) {
      offsets_[pointer] = pos;  // a repeated key: the last one wins, as in nlohmann
      const char c = t[pos];
      if (c == '{' || c == '[') {
        ++pos;
        stack.push_back({c == '{', pointer.size(), 0});
        skip_ws();
        if (pos < t.size() && (t[pos] == '}' || t[pos] == ']')) {
          ++pos;
          stack.pop_back();
          expect = Expect::after_value;
        } else if (c == '{') {
          expect = Expect::key;
        } else {
          pointer += "/0";
        }
      } else if (c == '"') {
        skip_string(t, pos);
        expect = Expect::after_value;
      } else {
        while (pos < t.size() && !std::strchr(",]} \t\r\n", t[pos])) ++pos;
        expect = Expect::after_value;
      }
    } else if (expect == Expect::key) {
      if (t[pos] != '"' || stack.empty()) return;
      const std::string key = decode_string(t, pos);
      skip_ws();
      if (pos >= t.size() || t[pos] != ':') return;
      ++pos;
      pointer.resize(stack.back().base);
      append_pointer_token(pointer, key);
      expect = Expect::value;
    } else {
      if (stack.empty()) return;
      Frame& f = stack.back();
      pointer.resize(f.base);
      if (t[pos] == ',') {
        ++pos;
        if (f.object) {
          expect = Expect::key;
        } else {
          pointer += '/' + std::to_string(++f.index);
          expect = Expect::value;
        }
      } else if (t[pos] == '}' || t[pos] == ']') {
        ++pos;
        stack.pop_back();
      } else {
        return;
      }
    }
  }
}

// Moves pos past the JSON value that starts there (which nlohmann will check in full).
void skip_value(std::string_view t, std::size_t& pos) {
  if (pos >= t.size()) return;
  if (t[pos] == '"') {
    skip_string(t, pos);
    return;
  }
  if (t[pos] != '{' && t[pos] != '[') {
    while (pos < t.size() && !std::strchr(",]} \t\r\n", t[pos])) ++pos;
    return;
  }
  int depth = 0;
  while (pos < t.size()) {
    const char c = t[pos];
    if (c == '"') {
      skip_string(t, pos);
      continue;
    }
    ++pos;
    if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && --depth == 0) return;
  }
}

// The byte range [begin, end) of the value of `key` in the root object, or nullopt when the
// text is not an object with that key (or not well-formed enough to tell). The last one wins
// when the key repeats, as in nlohmann. Touches each byte once.
std::optional<std::pair<std::size_t, std::size_t>> top_level_value(std::string_view t, std::string_view key) {
  std::size_t pos = utf8_bom_length(t);
  auto skip_ws = [&] {
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')) ++pos;
  };
  skip_ws();
  if (pos >= t.size() || t[pos] != '{') return std::nullopt;
  ++pos;
  std::optional<std::pair<std::size_t, std::size_t>> found;
  for (;;) {
    skip_ws();
    if (pos >= t.size() || t[pos] != '"') return found;
    const std::string k = decode_string(t, pos);
    skip_ws();
    if (pos >= t.size() || t[pos] != ':') return std::nullopt;
    ++pos;
    skip_ws();
    const std::size_t begin = pos;
    skip_value(t, pos);
    if (pos > t.size() || pos == begin) return std::nullopt;
    if (k == key) found = std::make_pair(begin, pos);
    skip_ws();
    if (pos < t.size() && t[pos] == ',') {
      ++pos;
      continue;
    }
    return pos < t.size() && t[pos] == '}' ? found : std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------------
// The reader proper: the parsed DOM turned into a Coalition, with positions looked up only
// when a message needs one.

// Keys the model knows; anything else goes to `extra`.
constexpr const char* top_keys[] = {"format", "name", "area", "themes", "nodes", "edges", "layout"};
constexpr const char* theme_keys[] = {"id", "label"};
constexpr const char* node_keys[] = {"id", "label", "kind", "sector", "themes", "role", "since", "until", "attrs"};
constexpr const char* edge_keys[] = {"source", "target", "kind", "weight", "directed", "since", "until", "attrs"};

template <std::size_t N>
bool known(const char* const (&keys)[N], std::string_view key) {
  for (const char* k : keys)
    if (key == k) return true;
  return false;
}

std::string type_name(const Json& v) {
  if (v.is_number()) return "number";
  if (v.is_boolean()) return "boolean";
  return v.type_name();
}

std::string in_quotes(std::string_view s) {
  std::string q;
  q.reserve(s.size() + 2);
  q += '\'';
  q += s;
  q += '\'';
  return q;
}

// "[json.exception.parse_error.101] parse error at line 2, column 12: syntax error ..." ->
// "syntax error ...": the position is reported our way (characters, not bytes).
std::string parse_error_text(const char* what) {
  std::string s = what;
  if (auto col = s.find("column "); col != std::string::npos)
    if (auto colon = s.find(": ", col); colon != std::string::npos) return s.substr(colon + 2);
  if (auto bracket = s.find("] "); bracket != std::string::npos) return s.substr(bracket + 2);
  return s;
}

// ---------------------------------------------------------------------------------------------
// The streaming reader's cursor: one pass over the text, no DOM. It accepts exactly the JSON
// nlohmann accepts where it reads values itself (strings with their escapes and UTF-8, numbers,
// literals, the punctuation of objects and arrays); values it does not read itself (attrs and
// unknown keys) it only measures and hands to nlohmann, which checks them. Anything it does not
// accept ends the pass with Stop, and the reader asks nlohmann where the error is.
class JsonCursor {
 public:
  struct Stop {};

  JsonCursor(std::string_view text, std::size_t pos, int depth_limit) : t(text), pos(pos), limit_(depth_limit) {}

  void ws() {
    while (pos < t.size()) {
      const char c = t[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos;
    }
  }
  // The next character after white space; Stop at the end of the text.
  char peek() {
    ws();
    if (pos >= t.size()) throw Stop{};
    return t[pos];
  }
  void expect(char c) {
    if (peek() != c) throw Stop{};
    ++pos;
  }
  bool consume(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  // A container opened at this depth (the root is 1), as json_depth_exceeded counts.
  void open(int depth) const {
    if (depth > limit_) throw Stop{};
  }
  void literal(std::string_view word) {
    if (t.substr(pos, word.size()) != word) throw Stop{};
    pos += word.size();
  }

  // The string at t[pos] == '"', decoded into `out`.
  void string(std::string& out) {
    out.clear();
    ++pos;
    for (;;) {
      const std::size_t start = pos;
      while (pos < t.size()) {
        const auto c = static_cast<unsigned char>(t[pos]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++pos;
      }
      out.append(t.data() + start, pos - start);
      if (pos >= t.size()) throw Stop{};
      const auto c = static_cast<unsigned char>(t[pos]);
      if (c == '"') {
        ++pos;
        return;
      }
      if (c < 0x20) throw Stop{};  // a control character must be escaped
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence_length(t, pos);  // RFC 3629, as nlohmann checks it
        if (n == 0) throw Stop{};
        out.append(t.data() + pos, n);
        pos += n;
        continue;
      }
      if (++pos >= t.size()) throw Stop{};
      switch (t[pos++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          auto cp = hex4(t, pos);
          if (!cp || (*cp >= 0xDC00 && *cp <= 0xDFFF)) throw Stop{};
          pos += 4;
          if (*cp >= 0xD800 && *cp <= 0xDBFF) {  // a high surrogate needs its low half
            if (pos + 6 > t.size() || t[pos] != '\\' || t[pos + 1] != 'u') throw Stop{};
            const auto low = hex4(t, pos + 2);
            if (!low || *low < 0xDC00 || *low > 0xDFFF) throw Stop{};
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            pos += 6;
          }
          append_utf8(out, *cp);
          break;
        }
        default: throw Stop{};
      }
    }
  }

  // The number at pos, by JSON's grammar; `integer` when it has no fraction and no exponent.
  std::string_view number(bool& integer) {
    const std::size_t start = pos;
    auto digits = [&] {
      const std::size_t from = pos;
      while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
      if (pos == from) throw Stop{};
    };
    if (pos < t.size() && t[pos] == '-') ++pos;
    if (pos < t.size() && t[pos] == '0') ++pos;
    else digits();
    integer = true;
    if (pos < t.size() && t[pos] == '.') {
      integer = false;
      ++pos;
      digits();
    }
    if (pos < t.size() && (t[pos] == 'e' || t[pos] == 'E')) {
      integer = false;
      ++pos;
      if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) ++pos;
      digits();
    }
    return t.substr(start, pos - start);
  }

  // Moves past the value at pos, whatever it holds, and returns its text; containers opened
  // inside count from `depth` (the depth of the container that holds the value). Only the
  // nesting is checked here: the text goes to nlohmann, which checks the rest.
  std::string_view skip(int depth) {
    ws();
    const std::size_t start = pos;
    if (pos >= t.size()) throw Stop{};
    if (t[pos] == '"') {
      skip_string();
    } else if (t[pos] != '{' && t[pos] != '[') {
      while (pos < t.size() && !std::strchr(",]}: \t\r\n\"", t[pos])) ++pos;
      if (pos == start) throw Stop{};
    } else {
      int open_here = 0;
      while (pos < t.size()) {
        const char c = t[pos];
        if (c == '"') {
          skip_string();
          continue;
        }
        ++pos;
        if (c == '{' || c == '[') {
          open(depth + ++open_here);
        } else if ((c == '}' || c == ']') && --open_here == 0) {
          return t.substr(start, pos - start);
        }
      }
      throw Stop{};
    }
    return t.substr(start, pos - start);
  }

  std::string_view t;
  std::size_t pos;

 private:
  void skip_string() {
    ++pos;
    while (pos < t.size() && t[pos] != '"') pos += t[pos] == '\\' ? 2 : 1;
    if (pos >= t.size()) throw Stop{};
    ++pos;
  }

  int limit_;
};

// One value of a known key, as the cursor read it; the checks come after the whole object is
// read, in the order the DOM reader makes them, so that both report the same first error.
struct Slot {
  bool present = false;  // and not null: null means absent
  std::size_t offset = 0;
  char type = 0;  // '"' string, '0' number, 'b' boolean, '[' array, '{' object
  bool integer = false, truth = false;
  std::string text;      // a string, decoded
  std::string_view raw;  // a number's text, or an array's or object's
  struct Item {
    std::size_t offset;
    char type;
    std::string text;
  };
  std::vector<Item> items;  // the elements of a list of strings (a node's themes)
  std::size_t item_count = 0;
};

const char* slot_type_name(char type) {
  switch (type) {
    case '"': return "string";
    case '0': return "number";
    case 'b': return "boolean";
    case '[': return "array";
    case '{': return "object";
    default: return "null";
  }
}

char value_type(char first) {
  switch (first) {
    case '"': return '"';
    case '{': return '{';
    case '[': return '[';
    case 't':
    case 'f': return 'b';
    case 'n': return 'n';
    default: return '0';
  }
}

// The integer's decimal text as nlohmann's dump writes it, or nullopt when nlohmann would hold
// it as a double (past 64 bits).
std::optional<std::string> integer_text(std::string_view raw) {
  char buf[32];
  char* end;
  if (!raw.empty() && raw[0] == '-') {
    std::int64_t v;
    auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (r.ec != std::errc()) return std::nullopt;
    end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  } else {
    std::uint64_t v;
    auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (r.ec != std::errc()) return std::nullopt;
    end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  }
  return std::string(buf, end);
}

// A number's value as nlohmann's get<double>() gives it; Stop where nlohmann refuses it (a
// double overflows).
double number_value(std::string_view raw, bool integer) {
  if (integer) {
    if (raw[0] == '-') {
      std::int64_t v;
      if (std::from_chars(raw.data(), raw.data() + raw.size(), v).ec == std::errc()) return double(v);
    } else {
      std::uint64_t v;
      if (std::from_chars(raw.data(), raw.data() + raw.size(), v).ec == std::errc()) return double(v);
    }
  }
  double v = 0;
  const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (r.ec == std::errc()) return v;
  const std::string copy(raw);  // out of range: strtod says which way, as nlohmann's lexer asks it
  v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) throw JsonCursor::Stop{};
  return v;
}

// A value nlohmann reads from the text the cursor measured (attrs, unknown keys).
Json parse_value(std::string_view raw) {
  if (raw == "{}") return Json::object();
  try {
    return Json::parse(raw.begin(), raw.end());
  } catch (const Json::exception&) {
    throw JsonCursor::Stop{};
  }
}

// How many times `word` occurs in `text`: an upper bound of the nodes or edges to reserve room
// for (the vectors then never double; room never written costs address space, not memory).
std::size_t occurrences(std::string_view text, std::string_view word) {
  std::size_t n = 0;
  for (const char* p = text.data(); (p = static_cast<const char*>(memmem(p, std::size_t(text.data() + text.size() - p),
                                                                         word.data(), word.size())));
       p += word.size())
    ++n;
  return n;
}

// A SAX handler that accepts every value: the base of the handlers below, which only want to
// know where nlohmann's parser stops.
struct AcceptAllSax : nlohmann::json_sax<nlohmann::json> {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
};

// The first error nlohmann finds in `text`, as the DOM reader reports it: the offset and the
// message without nlohmann's own position.
struct JsonError {
  std::size_t offset;
  std::string message;
};
std::optional<JsonError> first_json_error(std::string_view text) {
  struct Check : AcceptAllSax {
    std::optional<JsonError> error;
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) override {
      // A syntax error: at the last character read (e.byte - 1), as read() reports it. A number
      // no double holds: at the token's first byte, as error_offset() finds it.
      const bool syntax = dynamic_cast<const nlohmann::detail::parse_error*>(&e) != nullptr;
      const std::size_t offset = syntax ? (position > 0 ? position - 1 : 0)
                                        : (position >= token.size() ? position - token.size() : 0);
      error = JsonError{offset, parse_error_text(e.what())};
      return false;
    }
  } check;
  nlohmann::json::sax_parse(text.begin(), text.end(), &check);
  return check.error;
}

class NativeReader {
 public:
  NativeReader(std::string_view text, const std::string& file, ImportReport& report, const ReadOptions& options)
      : text_(text), file_(file), report_(report), options_(options) {}

  Coalition read();
  Coalition read_streaming();

 private:
  struct Unusual {};  // the streaming reader leaves this document to read()
  SourceLocation where(const std::string& pointer) {
    if (!positions_) positions_ = std::make_unique<JsonPositions>(text_);
    if (auto offset = positions_->offset(pointer)) return location_at(text_, *offset, file_);
    return SourceLocation{file_, 0, 0};
  }
  [[noreturn]] void fail_at(std::size_t offset, const std::string& message) {
    throw InputError(location_at(text_, offset, file_), message);
  }
  [[noreturn]] void fail(const std::string& pointer, const std::string& message) {
    throw InputError(where(pointer), message);
  }
  void warn(const std::string& pointer, const std::string& message) {
    add_warning(report_, options_, where(pointer), message);
  }

  // Field readers: an absent key or null gives the fallback; a value of another type is an
  // error at that value.
  const Json* field(const Json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }
  void expect_type(bool ok, const Json& v, const std::string& pointer, const char* key, const char* wanted) {
    if (!ok) fail(pointer + "/" + key, std::string("\"") + key + "\" must be " + wanted + ", not a " + type_name(v));
  }
  std::string text(const Json& object, const std::string& pointer, const char* key, std::string fallback = {}) {
    const Json* v = field(object, key);
    if (!v) return fallback;
    expect_type(v->is_string(), *v, pointer, key, "a string");
    return v->get<std::string>();
  }
  std::optional<Date> date(const Json& object, const std::string& pointer, const char* key) {
    const Json* v = field(object, key);
    if (!v) return std::nullopt;
    expect_type(v->is_string(), *v, pointer, key, "a date string (YYYY-MM-DD, YYYY-MM or YYYY)");
    auto d = Date::parse(v->get_ref<const std::string&>());
    if (!d)
      fail(pointer + "/" + key, "bad date " + in_quotes(v->get_ref<const std::string&>()) +
                                    " in \"" + key + "\": expected YYYY-MM-DD, YYYY-MM or YYYY");
    return d;
  }
  // Empty attrs are null, which takes no memory (core/model/coalition.hpp).
  Json object_field(const Json& object, const std::string& pointer, const char* key) {
    const Json* v = field(object, key);
    if (!v) return Json();
    expect_type(v->is_object(), *v, pointer, key, "an object");
    return v->empty() ? Json() : *v;
  }
  // An id or an endpoint: a non-empty string; an integer is taken as its decimal text.
  std::string id_value(const Json& v, const std::string& pointer, const char* what) {
    if (v.is_string()) {
      if (v.get_ref<const std::string&>().empty()) fail(pointer, std::string(what) + " must not be empty");
      return v.get<std::string>();
    }
    if (v.is_number_integer()) {
      std::string s = v.dump();
      warn(pointer, std::string(what) + " " + s + " is a number; read as the string \"" + s + "\"");
      return s;
    }
    fail(pointer, std::string(what) + " must be a string, not a " + type_name(v));
  }

  void read_themes(const Json& root, Coalition& c);
  void read_nodes(const Json& root, Coalition& c);
  void read_edges(const Json& root, Coalition& c);
  void read_layout(const Json& root, Coalition& c);

  // The streaming reader (read_streaming): one pass, the same checks in the same order.
  Coalition stream();
  void stream_nodes(JsonCursor& in, Coalition& c);
  void stream_edges(JsonCursor& in, Coalition& c);
  // Reads the object at in.pos: known keys into their slots (`list_slot`: the one that holds a
  // list of strings), the others into `extra`, in their order.
  template <std::size_t N>
  void read_object(JsonCursor& in, int depth, const char* const (&keys)[N], Slot (&slots)[N], std::size_t list_slot,
                   Json& extra);
  std::string slot_id(Slot& s, const char* what);
  std::string slot_text(Slot& s, const char* key, std::string fallback = {});
  std::optional<Date> slot_date(Slot& s, const char* key);
  Json slot_object(Slot& s, const char* key);
  // After the streaming reader stopped: throws the JSON error read() would report first (the
  // nesting, then the text outside the layout, then, with in_layout_too, the layout's).
  void throw_json_error(bool in_layout_too);
  std::string key_;  // the key being read, kept to reuse its buffer

  // Where the root's "layout" object is in the text, when it was parsed apart (see read()).
  std::optional<std::pair<std::size_t, std::size_t>> layout_range_;

  std::string_view text_;
  const std::string& file_;
  ImportReport& report_;
  const ReadOptions& options_;
  std::unique_ptr<JsonPositions> positions_;
};

// Where nlohmann's parser stops in `text`: its out_of_range errors (a number such as 1e400 that
// no double holds) carry no position, so the text is parsed again with a SAX handler that is
// told the position and the token; the offset of the token's first byte.
std::size_t error_offset(std::string_view text) {
  struct Stop : AcceptAllSax {
    std::size_t offset = 0;
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception&) override {
      offset = position >= token.size() ? position - token.size() : 0;
      return false;
    }
  } stop;
  nlohmann::json::sax_parse(text.begin(), text.end(), &stop);
  return stop.offset;
}

Coalition NativeReader::read() {
  // nlohmann's ordered_json object is a vector searched linearly on every insert, so a
  // "layout" with 20,000 entries would cost 20,000^2/2 key comparisons (and its parser callback,
  // the obvious way out, makes the whole parse ten times slower). So the layout's text is
  // parsed on its own into a std::map-based json, and blanked in the copy the main parse sees;
  // blanking keeps newlines and length, so every offset still points into the original text.
  std::string_view main_text = text_;
  std::string blanked;
  if (auto range = top_level_value(text_, "layout"); range && text_[range->first] == '{') {
    blanked.assign(text_);
    for (std::size_t i = range->first + 1; i + 1 < range->second; ++i)
      if (blanked[i] != '\n') blanked[i] = ' ';
    main_text = blanked;
    layout_range_ = range;
  }
  if (auto deep = json_depth_exceeded(text_, options_.limits.depth); deep != std::string_view::npos)
    throw InputError(location_at(text_, deep, file_),
                     "nested more than " + std::to_string(options_.limits.depth) +
                         " levels deep; not a coalition document (WIJKNET_LIMITS=depth=N raises the limit)");
  Json root;
  try {
    root = Json::parse(main_text.begin(), main_text.end());
  } catch (const Json::parse_error& e) {
    // e.byte is the 1-based index of the last character read; past the end when the text
    // stops early, which location_at turns into "just after the last character".
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    throw InputError(location_at(text_, offset, file_), "invalid JSON: " + parse_error_text(e.what()));
  } catch (const Json::exception& e) {  // out_of_range: a number too large for a double
    throw InputError(location_at(text_, error_offset(main_text), file_), "invalid JSON: " + parse_error_text(e.what()));
  }

  if (!root.is_object()) fail("", "a wijknet document is a JSON object, not a " + type_name(root));
  const Json* format = field(root, "format");
  if (!format) fail("", "missing \"format\": \"wijknet/1\" (is this a wijknet document?)");
  if (!format->is_string() || format->get_ref<const std::string&>() != native_format)
    fail("/format", "unsupported format " + format->dump() + "; this version reads \"wijknet/1\"");

  Coalition c;
  c.name = text(root, "", "name");
  c.area = text(root, "", "area");
  read_themes(root, c);
  read_nodes(root, c);
  read_edges(root, c);
  read_layout(root, c);
  for (const auto& [key, value] : root.items())
    if (!known(top_keys, key)) c.extra[key] = value;

  report_.format = std::string(native_format);
  report_.nodes_read = c.nodes.size();
  report_.edges_read = c.edges.size();
  return c;
}

void NativeReader::read_themes(const Json& root, Coalition& c) {
  const Json* themes = field(root, "themes");
  if (!themes) return;
  expect_type(themes->is_array(), *themes, "", "themes", "a list");
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < themes->size(); ++i) {
    const Json& t = (*themes)[i];
    const std::string p = "/themes/" + std::to_string(i);
    if (!t.is_object()) fail(p, "a theme must be an object with \"id\" and \"label\", not a " + type_name(t));
    auto id = t.find("id");
    if (id == t.end() || id->is_null()) fail(p, "theme without \"id\"");
    Theme theme;
    theme.id = id_value(*id, p + "/id", "theme id");
    if (!seen.insert(theme.id).second) fail(p + "/id", "duplicate theme id " + in_quotes(theme.id));
    theme.label = text(t, p, "label", theme.id);
    for (const auto& [key, value] : t.items())
      if (!known(theme_keys, key)) theme.extra[key] = value;
    c.themes.push_back(std::move(theme));
  }
}

void NativeReader::read_nodes(const Json& root, Coalition& c) {
  const Json* nodes = field(root, "nodes");
  if (!nodes) return;
  expect_type(nodes->is_array(), *nodes, "", "nodes", "a list");
  std::unordered_set<std::string> warned_themes;
  c.nodes.reserve(nodes->size());
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    const Json& n = (*nodes)[i];
    const std::string p = "/nodes/" + std::to_string(i);
    if (!n.is_object()) fail(p, "a node must be an object, not a " + type_name(n));
    auto id = n.find("id");
    if (id == n.end() || id->is_null()) fail(p, "node without \"id\"");
    Node node;
    node.id = id_value(*id, p + "/id", "node id");
    if (auto first = c.find(node.id)) {
      const SourceLocation at = where("/nodes/" + std::to_string(*first) + "/id");
      fail(p + "/id", "duplicate node id " + in_quotes(node.id) + " (first used at line " + std::to_string(at.line) + ")");
    }
    node.label = text(n, p, "label", node.id);
    if (field(n, "kind")) {
      node.kind = text(n, p, "kind");
    } else {
      node.kind = std::string(kinds::partner);
      warn(p, "node " + in_quotes(node.id) + " has no \"kind\"; taken as \"partner\"");
    }
    node.sector = text(n, p, "sector");
    if (const Json* themes = field(n, "themes")) {
      expect_type(themes->is_array(), *themes, p, "themes", "a list of theme ids");
      for (std::size_t k = 0; k < themes->size(); ++k) {
        const Json& t = (*themes)[k];
        const std::string tp = p + "/themes/" + std::to_string(k);
        if (!t.is_string()) fail(tp, "a theme reference must be a theme id string, not a " + type_name(t));
        const auto& theme = t.get_ref<const std::string&>();
        if (!c.theme(theme) && warned_themes.insert(theme).second)
          warn(tp, "theme " + in_quotes(theme) + " is not in the document's \"themes\" list");
        node.themes.push_back(theme);
      }
    }
    node.role = text(n, p, "role");
    node.since = date(n, p, "since");
    node.until = date(n, p, "until");
    node.attrs = object_field(n, p, "attrs");
    for (const auto& [key, value] : n.items())
      if (!known(node_keys, key)) node.extra[key] = value;
    c.add_node(std::move(node));
  }
}

void NativeReader::read_edges(const Json& root, Coalition& c) {
  const Json* edges = field(root, "edges");
  if (!edges) return;
  expect_type(edges->is_array(), *edges, "", "edges", "a list");
  c.edges.reserve(edges->size());
  for (std::size_t i = 0; i < edges->size(); ++i) {
    const Json& e = (*edges)[i];
    const std::string p = "/edges/" + std::to_string(i);
    if (!e.is_object()) fail(p, "an edge must be an object, not a " + type_name(e));
    Edge edge;
    NodeIndex* ends[2] = {&edge.source, &edge.target};
    const char* end_keys[2] = {"source", "target"};
    for (int k = 0; k < 2; ++k) {
      const Json* v = field(e, end_keys[k]);
      if (!v) fail(p, std::string("edge without \"") + end_keys[k] + "\"");
      const std::string id = id_value(*v, p + "/" + end_keys[k], (std::string("edge ") + end_keys[k]).c_str());
      auto index = c.find(id);
      if (!index) fail(p + "/" + end_keys[k], std::string("edge ") + end_keys[k] + " " + in_quotes(id) + " is not a node id");
      *ends[k] = *index;
    }
    edge.kind = text(e, p, "kind", std::string(kinds::collaborates));
    if (const Json* w = field(e, "weight")) {
      expect_type(w->is_number(), *w, p, "weight", "a number");
      edge.weight = w->get<double>();
    }
    if (const Json* d = field(e, "directed")) {
      expect_type(d->is_boolean(), *d, p, "directed", "true or false");
      edge.directed = d->get<bool>();
    }
    edge.since = date(e, p, "since");
    edge.until = date(e, p, "until");
    edge.attrs = object_field(e, p, "attrs");
    for (const auto& [key, value] : e.items())
      if (!known(edge_keys, key)) edge.extra[key] = value;
    c.edges.push_back(std::move(edge));
  }
}

void NativeReader::read_layout(const Json& root, Coalition& c) {
  const Json* layout = field(root, "layout");
  if (!layout) return;
  expect_type(layout->is_object(), *layout, "", "layout", "an object of node id -> [x, y]");
  nlohmann::json entries = nlohmann::json::object();  // sorted map: O(n log n) to build
  if (layout_range_) {
    const auto [begin, end] = *layout_range_;
    try {
      entries = nlohmann::json::parse(text_.substr(begin, end - begin));
    } catch (const nlohmann::json::parse_error& e) {
      const std::size_t offset = begin + (e.byte > 0 ? e.byte - 1 : 0);
      throw InputError(location_at(text_, offset, file_), "invalid JSON: " + parse_error_text(e.what()));
    } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large for a double
      const std::size_t offset = begin + error_offset(text_.substr(begin, end - begin));
      throw InputError(location_at(text_, offset, file_), "invalid JSON: " + parse_error_text(e.what()));
    }
  }
  c.layout.reserve(entries.size());
  for (const auto& [id, xy] : entries.items()) {
    std::string p = "/layout";
    append_pointer_token(p, id);
    if (!xy.is_array() || xy.size() != 2 || !xy[0].is_number() || !xy[1].is_number())
      fail(p, "a layout position must be [x, y], two numbers");
    if (!c.find(id)) {
      warn(p, "layout position for " + in_quotes(id) + ", which is not a node id; left out");
      continue;
    }
    c.layout[id] = {xy[0].get<double>(), xy[1].get<double>()};
  }
}

// ---------------------------------------------------------------------------------------------
// The streaming reader: the DOM reader's checks, messages and order, made while the text is
// read once. See read_native_json_streaming in the header.

// True when the root object's keys are in the order stream() takes without handing over to
// read(): "format" first, then name, area, themes, nodes, edges, layout, each at most once,
// other keys anywhere. Run on a text nlohmann found valid.
bool in_writer_order(std::string_view t) {
  static constexpr const char* order[] = {"format", "name", "area", "themes", "nodes", "edges", "layout"};
  std::size_t pos = utf8_bom_length(t);
  auto skip_ws = [&] {
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')) ++pos;
  };
  skip_ws();
  if (pos >= t.size() || t[pos] != '{') return false;
  ++pos;
  int rank = -1;
  bool first = true;
  for (;;) {
    skip_ws();
    if (pos >= t.size() || t[pos] != '"') return !first;
    const std::string key = decode_string(t, pos);
    int r = -1;
    for (int i = 0; i < int(std::size(order)); ++i)
      if (key == order[i]) r = i;
    if (first ? r != 0 : (r == 0 || (r > 0 && r <= rank))) return false;
    first = false;
    if (r > 0) rank = r;
    if (r == 0) rank = 0;
    skip_ws();
    if (pos >= t.size() || t[pos] != ':') return false;
    ++pos;
    skip_ws();
    skip_value(t, pos);
    skip_ws();
    if (pos < t.size() && t[pos] == ',') {
      ++pos;
      continue;
    }
    return true;
  }
}

Coalition NativeReader::read_streaming() {
  const std::size_t warnings_before = report_.warnings.size();
  try {
    return stream();
  } catch (const Unusual&) {
    // A document the one pass does not take the DOM's way (keys out of the writer's order, a
    // key twice): the DOM reader reads it.
  } catch (const JsonCursor::Stop&) {
    throw_json_error(true);  // nlohmann says what is wrong, as in read()
    // The cursor refused what nlohmann takes: the DOM reader decides.
  } catch (const InputError&) {
    throw_json_error(false);  // a JSON error before this one is the one the DOM reader reports
    // With the keys out of the writer's order (edges before nodes, say) a key read early can
    // fail for want of one that comes later; only the DOM reader, which has them all, knows.
    if (in_writer_order(text_)) throw;
  }
  report_.warnings.resize(warnings_before);
  layout_range_.reset();
  return read();
}

void NativeReader::throw_json_error(bool in_layout_too) {
  // The same steps as read(): the layout apart, the depth, then the rest of the text.
  std::string_view main_text = text_;
  std::string blanked;
  auto range = top_level_value(text_, "layout");
  if (range && text_[range->first] == '{') {
    blanked.assign(text_);
    for (std::size_t i = range->first + 1; i + 1 < range->second; ++i)
      if (blanked[i] != '\n') blanked[i] = ' ';
    main_text = blanked;
  } else {
    range.reset();
  }
  if (auto deep = json_depth_exceeded(text_, options_.limits.depth); deep != std::string_view::npos)
    throw InputError(location_at(text_, deep, file_),
                     "nested more than " + std::to_string(options_.limits.depth) +
                         " levels deep; not a coalition document (WIJKNET_LIMITS=depth=N raises the limit)");
  if (auto e = first_json_error(main_text)) throw InputError(location_at(text_, e->offset, file_), "invalid JSON: " + e->message);
  if (in_layout_too && range)
    if (auto e = first_json_error(text_.substr(range->first, range->second - range->first)))
      throw InputError(location_at(text_, range->first + e->offset, file_), "invalid JSON: " + e->message);
}

Coalition NativeReader::stream() {
  JsonCursor in(text_, utf8_bom_length(text_), options_.limits.depth);
  if (in.peek() != '{') throw Unusual{};
  in.open(1);
  ++in.pos;
  std::string key;
  // "format" first, as the writer puts it: the DOM reader checks it before anything else.
  if (in.peek() != '"') throw Unusual{};
  in.string(key);
  in.expect(':');
  if (key != "format" || in.peek() != '"') throw Unusual{};
  const std::size_t format_at = in.pos;
  std::string format;
  in.string(format);
  if (format != native_format)
    throw InputError(location_at(text_, format_at, file_),
                     "unsupported format " + Json(format).dump() + "; this version reads \"wijknet/1\"");

  Coalition c;
  // Known keys in the order the DOM reader takes them (name, area, themes, nodes, edges,
  // layout), each once; unknown keys anywhere.
  int rank = 0;
  unsigned seen = 0;
  auto known_key = [&](int key_rank, unsigned bit) {
    if (rank > key_rank || (seen & bit)) throw Unusual{};
    rank = key_rank;
    seen |= bit;
  };
  while (in.consume(',')) {
    if (in.peek() != '"') throw JsonCursor::Stop{};
    in.string(key);
    in.expect(':');
    const char first = in.peek();
    const std::size_t at = in.pos;
    if (key == "format") throw Unusual{};
    if (key == "name" || key == "area") {
      known_key(key == "name" ? 1 : 2, key == "name" ? 1u : 2u);
      std::string& target = key == "name" ? c.name : c.area;
      if (first == '"') {
        in.string(target);
      } else if (first == 'n') {
        in.literal("null");
      } else {
        in.skip(1);
        fail_at(at, "\"" + key + "\" must be a string, not a " + slot_type_name(value_type(first)));
      }
    } else if (key == "themes") {
      known_key(3, 4);
      Json root = Json::object();
      root["themes"] = parse_value(in.skip(1));
      read_themes(root, c);
    } else if (key == "nodes" || key == "edges") {
      const bool nodes = key == "nodes";
      known_key(nodes ? 4 : 5, nodes ? 8u : 16u);
      if (first == 'n') {
        in.literal("null");
      } else if (first != '[') {
        in.skip(1);
        fail_at(at, "\"" + key + "\" must be a list, not a " + slot_type_name(value_type(first)));
      } else if (nodes) {
        stream_nodes(in, c);
      } else {
        stream_edges(in, c);
      }
    } else if (key == "layout") {
      known_key(6, 32);
      const std::string_view value = in.skip(1);
      Json root = Json::object();
      if (first == '{') {
        layout_range_ = std::make_pair(at, at + value.size());
        root["layout"] = Json::object();
      } else {
        root["layout"] = parse_value(value);
      }
      read_layout(root, c);
    } else {
      const std::string_view value = in.skip(1);
      if (c.extra.contains(key)) throw Unusual{};
      c.extra[key] = parse_value(value);
    }
  }
  in.expect('}');
  in.ws();
  if (in.pos != text_.size()) throw JsonCursor::Stop{};

  report_.format = std::string(native_format);
  report_.nodes_read = c.nodes.size();
  report_.edges_read = c.edges.size();
  return c;
}

template <std::size_t N>
void NativeReader::read_object(JsonCursor& in, int depth, const char* const (&keys)[N], Slot (&slots)[N],
                               std::size_t list_slot, Json& extra) {
  in.open(depth);
  ++in.pos;
  for (auto& s : slots) s.present = false;
  extra = Json();
  if (in.consume('}')) return;
  do {
    if (in.peek() != '"') throw JsonCursor::Stop{};
    in.string(key_);
    in.expect(':');
    std::size_t k = 0;
    while (k < N && key_ != keys[k]) ++k;
    if (k == N) {
      const std::string_view value = in.skip(depth);
      if (extra.contains(key_)) throw Unusual{};
      extra[key_] = parse_value(value);
      continue;
    }
    Slot& s = slots[k];
    if (s.present || s.offset == std::size_t(-1)) throw Unusual{};  // a key twice: the DOM keeps the last
    const char first = in.peek();
    s.offset = in.pos;
    s.type = value_type(first);
    s.present = true;
    switch (s.type) {
      case '"': in.string(s.text); break;
      case 'b':
        s.truth = first == 't';
        in.literal(s.truth ? "true" : "false");
        break;
      case 'n':
        in.literal("null");
        s.present = false;
        s.offset = std::size_t(-1);  // seen: a second one is still a key twice
        break;
      case '0': s.raw = in.number(s.integer); break;
      default:
        if (k != list_slot || first != '[') {
          s.raw = in.skip(depth);
          break;
        }
        in.open(depth + 1);
        ++in.pos;
        s.item_count = 0;
        if (in.consume(']')) break;
        do {
          if (s.items.size() <= s.item_count) s.items.emplace_back();
          Slot::Item& item = s.items[s.item_count++];
          const char f = in.peek();
          item.offset = in.pos;
          item.type = value_type(f);
          if (f == '"') in.string(item.text);
          else in.skip(depth + 1);
        } while (in.consume(','));
        in.expect(']');
    }
  } while (in.consume(','));
  in.expect('}');
  for (auto& s : slots)
    if (s.offset == std::size_t(-1)) s.offset = 0;
}

std::string NativeReader::slot_id(Slot& s, const char* what) {
  if (s.type == '"') {
    if (s.text.empty()) fail_at(s.offset, std::string(what) + " must not be empty");
    return std::move(s.text);
  }
  if (s.type == '0' && s.integer)
    if (auto text = integer_text(s.raw)) {
      add_warning(report_, options_, location_at(text_, s.offset, file_),
                  std::string(what) + " " + *text + " is a number; read as the string \"" + *text + "\"");
      return *text;
    }
  fail_at(s.offset, std::string(what) + " must be a string, not a " + slot_type_name(s.type));
}

std::string NativeReader::slot_text(Slot& s, const char* key, std::string fallback) {
  if (!s.present) return fallback;
  if (s.type != '"') fail_at(s.offset, std::string("\"") + key + "\" must be a string, not a " + slot_type_name(s.type));
  return std::move(s.text);
}

std::optional<Date> NativeReader::slot_date(Slot& s, const char* key) {
  if (!s.present) return std::nullopt;
  if (s.type != '"')
    fail_at(s.offset, std::string("\"") + key + "\" must be a date string (YYYY-MM-DD, YYYY-MM or YYYY), not a " +
                          slot_type_name(s.type));
  auto d = Date::parse(s.text);
  if (!d)
    fail_at(s.offset, "bad date " + in_quotes(s.text) + " in \"" + key + "\": expected YYYY-MM-DD, YYYY-MM or YYYY");
  return d;
}

Json NativeReader::slot_object(Slot& s, const char* key) {
  if (!s.present) return Json();
  if (s.type != '{') fail_at(s.offset, std::string("\"") + key + "\" must be an object, not a " + slot_type_name(s.type));
  Json v = parse_value(s.raw);
  return v.empty() ? Json() : v;  // empty attrs take no memory (core/model/coalition.hpp)
}

void NativeReader::stream_nodes(JsonCursor& in, Coalition& c) {
  in.open(2);
  ++in.pos;
  c.nodes.reserve(std::min(occurrences(text_, "\"id\""), options_.limits.nodes + 1));
  Slot slots[std::size(node_keys)];
  Json extra;
  std::unordered_set<std::string> warned_themes;
  if (!in.consume(']')) {
    do {
      const char first = in.peek();
      const std::size_t at = in.pos;
      if (first != '{') {
        in.skip(2);
        fail_at(at, std::string("a node must be an object, not a ") + slot_type_name(value_type(first)));
      }
      read_object(in, 3, node_keys, slots, 4, extra);
      Node node;
      if (!slots[0].present) fail_at(at, "node without \"id\"");
      node.id = slot_id(slots[0], "node id");
      // One lookup: the node's place is taken now and filled once the node is read.
      const auto [place, added] = c.node_for_id(node.id);
      if (!added) {
        const SourceLocation where_first = where("/nodes/" + std::to_string(place) + "/id");
        fail_at(slots[0].offset, "duplicate node id " + in_quotes(node.id) + " (first used at line " +
                                     std::to_string(where_first.line) + ")");
      }
      node.label = slot_text(slots[1], "label", node.id);
      if (slots[2].present) {
        node.kind = slot_text(slots[2], "kind");
      } else {
        node.kind = std::string(kinds::partner);
        add_warning(report_, options_, location_at(text_, at, file_),
                    "node " + in_quotes(node.id) + " has no \"kind\"; taken as \"partner\"");
      }
      node.sector = slot_text(slots[3], "sector");
      if (Slot& themes = slots[4]; themes.present) {
        if (themes.type != '[')
          fail_at(themes.offset, std::string("\"themes\" must be a list of theme ids, not a ") + slot_type_name(themes.type));
        for (std::size_t k = 0; k < themes.item_count; ++k) {
          const Slot::Item& t = themes.items[k];
          if (t.type != '"')
            fail_at(t.offset, std::string("a theme reference must be a theme id string, not a ") + slot_type_name(t.type));
          if (!c.theme(t.text) && warned_themes.insert(t.text).second)
            add_warning(report_, options_, location_at(text_, t.offset, file_),
                        "theme " + in_quotes(t.text) + " is not in the document's \"themes\" list");
          node.themes.push_back(t.text);
        }
      }
      node.role = slot_text(slots[5], "role");
      node.since = slot_date(slots[6], "since");
      node.until = slot_date(slots[7], "until");
      node.attrs = slot_object(slots[8], "attrs");
      node.extra = std::move(extra);
      c.nodes[place] = std::move(node);
    } while (in.consume(','));
    in.expect(']');
  }
}

void NativeReader::stream_edges(JsonCursor& in, Coalition& c) {
  in.open(2);
  ++in.pos;
  c.edges.reserve(std::min(occurrences(text_, "\"source\""), options_.limits.edges + 1));
  Slot slots[std::size(edge_keys)];
  Json extra;
  const Interned collaborates(kinds::collaborates);
  if (in.consume(']')) return;
  do {
    const char first = in.peek();
    const std::size_t at = in.pos;
    if (first != '{') {
      in.skip(2);
      fail_at(at, std::string("an edge must be an object, not a ") + slot_type_name(value_type(first)));
    }
    read_object(in, 3, edge_keys, slots, std::size(edge_keys), extra);
    Edge edge;
    NodeIndex* ends[2] = {&edge.source, &edge.target};
    static constexpr const char* what[2][3] = {{"source", "edge source", "edge without \"source\""},
                                               {"target", "edge target", "edge without \"target\""}};
    for (int k = 0; k < 2; ++k) {
      if (!slots[k].present) fail_at(at, what[k][2]);
      const std::string id = slot_id(slots[k], what[k][1]);
      const auto index_of = c.find(id);
      if (!index_of) fail_at(slots[k].offset, std::string(what[k][1]) + " " + in_quotes(id) + " is not a node id");
      *ends[k] = *index_of;
    }
    edge.kind = slots[2].present ? Interned(slot_text(slots[2], "kind")) : collaborates;
    if (Slot& w = slots[3]; w.present) {
      if (w.type != '0') fail_at(w.offset, std::string("\"weight\" must be a number, not a ") + slot_type_name(w.type));
      edge.weight = number_value(w.raw, w.integer);
    }
    if (Slot& d = slots[4]; d.present) {
      if (d.type != 'b') fail_at(d.offset, std::string("\"directed\" must be true or false, not a ") + slot_type_name(d.type));
      edge.directed = d.truth;
    }
    edge.since = slot_date(slots[5], "since");
    edge.until = slot_date(slots[6], "until");
    edge.attrs = slot_object(slots[7], "attrs");
    edge.extra = std::move(extra);
    c.edges.push_back(std::move(edge));
  } while (in.consume(','));
  in.expect(']');
}

Json date_json(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }
Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Coalition read_native_json_dom(std::string_view text, const std::string& source_name, ImportReport& report,
                               const ReadOptions& options) {
  return NativeReader(text, source_name, report, options).read();
}

Coalition read_native_json_streaming(std::string_view text, const std::string& source_name, ImportReport& report,
                                     const ReadOptions& options) {
  return NativeReader(text, source_name, report, options).read_streaming();
}

Coalition read_native_json_text(std::string_view text, const std::string& source_name, ImportReport& report,
                                const ReadOptions& options) {
  return text.size() >= native_json_streaming_bytes ? read_native_json_streaming(text, source_name, report, options)
                                                    : read_native_json_dom(text, source_name, report, options);
}

Coalition read_native_json(std::istream& in, const std::string& source_name, ImportReport& report,
                           const ReadOptions& options) {
  const std::string text = read_text(in, source_name, report, options);
  return read_native_json_text(text, source_name, report, options);
}

Json to_native_json(const Coalition& c) {
  Json doc = Json::object();
  doc["format"] = native_format;
  doc["name"] = c.name;
  doc["area"] = c.area;

  Json themes = Json::array();
  for (const auto& t : c.themes) {
    Json j = {{"id", t.id}, {"label", t.label}};
    for (const auto& [key, value] : t.extra.items())
      if (!known(theme_keys, key)) j[key] = value;
    themes.push_back(std::move(j));
  }
  doc["themes"] = std::move(themes);

  Json nodes = Json::array();
  for (const auto& n : c.nodes) {
    Json j = Json::object();
    j["id"] = n.id;
    j["label"] = n.label;
    j["kind"] = n.kind;
    j["sector"] = text_or_null(n.sector);
    j["themes"] = n.themes;
    j["role"] = text_or_null(n.role);
    j["since"] = date_json(n.since);
    j["until"] = date_json(n.until);
    j["attrs"] = n.attrs.is_object() ? n.attrs : Json::object();
    for (const auto& [key, value] : n.extra.items())
      if (!known(node_keys, key)) j[key] = value;
    nodes.push_back(std::move(j));
  }
  doc["nodes"] = std::move(nodes);

  Json edges = Json::array();
  for (std::size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& e = c.edges[i];
    if (e.source >= c.nodes.size() || e.target >= c.nodes.size())
      throw WriteError("edge " + std::to_string(i) + " refers to a node that is not in the coalition");
    Json j = Json::object();
    j["source"] = c.nodes[e.source].id;
    j["target"] = c.nodes[e.target].id;
    j["kind"] = e.kind;
    j["weight"] = e.weight;
    j["directed"] = e.directed;
    j["since"] = date_json(e.since);
    j["until"] = date_json(e.until);
    j["attrs"] = e.attrs.is_object() ? e.attrs : Json::object();
    for (const auto& [key, value] : e.extra.items())
      if (!known(edge_keys, key)) j[key] = value;
    edges.push_back(std::move(j));
  }
  doc["edges"] = std::move(edges);

  // Node order, not the hash map's order, so that the same document always gives the same bytes.
  // Appended to the object's underlying vector directly: ids are unique (the coalition's
  // index says so), and operator[] would search the whole object for every node.
  Json layout = Json::object();
  auto& entries = static_cast<Json::object_t::Container&>(layout.get_ref<Json::object_t&>());
  entries.reserve(c.layout.size());
  for (const auto& n : c.nodes) {
    auto it = c.layout.find(n.id);
    if (it == c.layout.end() || !std::isfinite(it->second[0]) || !std::isfinite(it->second[1])) continue;
    entries.emplace_back(n.id, Json::array({it->second[0], it->second[1]}));
  }
  doc["layout"] = std::move(layout);

  for (const auto& [key, value] : c.extra.items())
    if (!known(top_keys, key)) doc[key] = value;
  return doc;
}

namespace {

// A JSON string as nlohmann's dump writes it (invalid UTF-8 replaced): printable ASCII without
// quotes or backslashes as it is, the rest through nlohmann.
void put_string(std::ostream& out, const std::string& s) {
  bool plain = true;
  for (char ch : s) plain = plain && ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\';
  if (plain) out << '"' << s << '"';
  else out << Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void put_json(std::ostream& out, const Json& v) { out << v.dump(-1, ' ', false, Json::error_handler_t::replace); }

template <std::size_t N>
void put_extra(std::ostream& out, const Json& extra, const char* const (&keys)[N]) {
  if (!extra.is_object()) return;
  for (const auto& [key, value] : extra.items()) {
    if (known(keys, key)) continue;
    out << ',';
    put_string(out, key);
    out << ':';
    put_json(out, value);
  }
}

// The compact form of a large document (see write_native_json).
void write_compact(const Coalition& c, std::ostream& out) {
  for (std::size_t i = 0; i < c.edges.size(); ++i)
    if (c.edges[i].source >= c.nodes.size() || c.edges[i].target >= c.nodes.size())
      throw WriteError("edge " + std::to_string(i) + " refers to a node that is not in the coalition");
  const Json full_head = [&] {
    Coalition head;
    head.name = c.name;
    head.area = c.area;
    head.themes = c.themes;
    return to_native_json(head);
  }();
  out << "{\"format\":";
  put_string(out, std::string(native_format));
  out << ",\"name\":";
  put_string(out, c.name);
  out << ",\"area\":";
  put_string(out, c.area);
  out << ",\"themes\":";
  put_json(out, full_head["themes"]);
  out << ",\"nodes\":[";
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const Node& n = c.nodes[i];
    out << (i ? ",\n" : "\n") << "{\"id\":";
    put_string(out, n.id);
    out << ",\"label\":";
    put_string(out, n.label);
    out << ",\"kind\":";
    put_string(out, n.kind);
    if (!n.sector.empty()) out << ",\"sector\":", put_string(out, n.sector);
    if (!n.themes.empty()) out << ",\"themes\":", put_json(out, Json(n.themes));
    if (!n.role.empty()) out << ",\"role\":", put_string(out, n.role);
    if (n.since) out << ",\"since\":\"" << n.since->str() << '"';
    if (n.until) out << ",\"until\":\"" << n.until->str() << '"';
    if (n.attrs.is_object() && !n.attrs.empty()) out << ",\"attrs\":", put_json(out, n.attrs);
    put_extra(out, n.extra, node_keys);
    out << '}';
  }
  out << (c.nodes.empty() ? "]" : "\n]") << ",\"edges\":[";
  for (std::size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& e = c.edges[i];
    out << (i ? ",\n" : "\n") << "{\"source\":";
    put_string(out, c.nodes[e.source].id);
    out << ",\"target\":";
    put_string(out, c.nodes[e.target].id);
    out << ",\"kind\":";
    put_string(out, e.kind);
    if (e.weight != 1.0) out << ",\"weight\":", put_json(out, Json(e.weight));
    if (e.directed) out << ",\"directed\":true";
    if (e.since) out << ",\"since\":\"" << e.since->str() << '"';
    if (e.until) out << ",\"until\":\"" << e.until->str() << '"';
    if (e.attrs.is_object() && !e.attrs.empty()) out << ",\"attrs\":", put_json(out, e.attrs);
    put_extra(out, e.extra, edge_keys);
    out << '}';
  }
  out << (c.edges.empty() ? "]" : "\n]") << ",\"layout\":{";
  bool first = true;
  for (const auto& n : c.nodes) {
    auto it = c.layout.find(n.id);
    if (it == c.layout.end() || !std::isfinite(it->second[0]) || !std::isfinite(it->second[1])) continue;
    out << (first ? "\n" : ",\n");
    first = false;
    put_string(out, n.id);
    out << ':';
    put_json(out, Json::array({it->second[0], it->second[1]}));
  }
  out << (first ? "}" : "\n}");
  put_extra(out, c.extra, top_keys);
  out << "}\n";
}

}  // namespace

void write_native_json(const Coalition& coalition, std::ostream& out) {
  if (coalition.nodes.size() + coalition.edges.size() >= native_json_compact_items) return write_compact(coalition, out);
  out << to_native_json(coalition).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace wijknet
