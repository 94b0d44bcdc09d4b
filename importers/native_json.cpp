#include "importers/native_json.hpp"

#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

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

class NativeReader {
 public:
  NativeReader(std::string_view text, const std::string& file, ImportReport& report, const ReadOptions& options)
      : text_(text), file_(file), report_(report), options_(options) {}

  Coalition read();

 private:
  SourceLocation where(const std::string& pointer) {
    if (!positions_) positions_ = std::make_unique<JsonPositions>(text_);
    if (auto offset = positions_->offset(pointer)) return location_at(text_, *offset, file_);
    return SourceLocation{file_, 0, 0};
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
  Json object_field(const Json& object, const std::string& pointer, const char* key) {
    const Json* v = field(object, key);
    if (!v) return Json::object();
    expect_type(v->is_object(), *v, pointer, key, "an object");
    return *v;
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

  // Where the root's "layout" object is in the text, when it was parsed apart (see read()).
  std::optional<std::pair<std::size_t, std::size_t>> layout_range_;

  std::string_view text_;
  const std::string& file_;
  ImportReport& report_;
  const ReadOptions& options_;
  std::unique_ptr<JsonPositions> positions_;
};

// "[json.exception.parse_error.101] parse error at line 2, column 12: syntax error ..." ->
// "syntax error ...": the position is reported our way (characters, not bytes).
std::string parse_error_text(const char* what) {
  std::string s = what;
  if (auto col = s.find("column "); col != std::string::npos)
    if (auto colon = s.find(": ", col); colon != std::string::npos) return s.substr(colon + 2);
  if (auto bracket = s.find("] "); bracket != std::string::npos) return s.substr(bracket + 2);
  return s;
}

// Where nlohmann's parser stops in `text`: its out_of_range errors (a number such as 1e400 that
// no double holds) carry no position, so the text is parsed again with a SAX handler that is
// told the position and the token; the offset of the token's first byte.
std::size_t error_offset(std::string_view text) {
  struct Stop : nlohmann::json_sax<nlohmann::json> {
    std::size_t offset = 0;
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
    std::size_t* ends[2] = {&edge.source, &edge.target};
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

Json date_json(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }
Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Coalition read_native_json_text(std::string_view text, const std::string& source_name, ImportReport& report,
                                const ReadOptions& options) {
  return NativeReader(text, source_name, report, options).read();
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

void write_native_json(const Coalition& coalition, std::ostream& out) {
  out << to_native_json(coalition).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace wijknet
