#include "importers/gml.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {
namespace {

// GML keys cannot hold '.': an attribute whose key names a field is written "attr_KEY".
constexpr std::string_view gml_attr_prefix = "attr_";

// ---- Text ----------------------------------------------------------------------------------

// Decodes &#N;, &#xH; and the common named entities; anything else stays as written.
std::string unescape(std::string_view s) {
  static const std::map<std::string, unsigned long, std::less<>> names = {
      {"amp", '&'}, {"quot", '"'}, {"lt", '<'}, {"gt", '>'}, {"apos", '\''}, {"nbsp", 0xA0},
      {"euml", 0xEB}, {"ouml", 0xF6}, {"uuml", 0xFC}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"iuml", 0xEF},
      {"Euml", 0xCB}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"Eacute", 0xC9}, {"aacute", 0xE1}, {"agrave", 0xE0}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view body = s.substr(i + 1, semi - i - 1);
    unsigned long cp = 0;
    bool ok = false;
    if (body.size() > 1 && body[0] == '#') {
      std::string_view digits = body.substr(1);
      int base = 10;
      if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
        digits.remove_prefix(1);
        base = 16;
      }
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, base);
      ok = !digits.empty() && ec == std::errc() && end == digits.data() + digits.size() && cp > 0 && cp <= 0x10FFFF;
    } else if (auto it = names.find(body); it != names.end()) {
      cp = it->second;
      ok = true;
    }
    if (!ok) {
      out += s[i];
      continue;
    }
    append_utf8(out, cp);
    i = semi;
  }
  return out;
}

// ---- Tokens and the tree --------------------------------------------------------------------

enum class Tok { key, integer, real, string, open, close, end };

struct Token {
  Tok kind = Tok::end;
  std::string text;
  int line = 1, column = 1;
};

bool key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool key_char(char c) { return key_start(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

class Lexer : Scanner {
 public:
  using Scanner::Scanner;

  Token next() {
    skip();
    Token t;
    t.line = line_;
    t.column = column_;
    if (pos_ >= text_.size()) return t;
    char c = text_[pos_];
    if (c == '[') {
      t.kind = Tok::open;
      advance();
      return t;
    }
    if (c == ']') {
      t.kind = Tok::close;
      advance();
      return t;
    }
    if (c == '"') {
      advance();
      std::size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] != '"') advance();
      if (pos_ >= text_.size()) throw InputError({source_, t.line, t.column}, "string is never closed (a '\"' is missing)");
      t.kind = Tok::string;
      t.text = std::string(text_.substr(start, pos_ - start));
      advance();
      return t;
    }
    if (key_start(c)) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && key_char(text_[pos_])) advance();
      t.kind = Tok::key;
      t.text = std::string(text_.substr(start, pos_ - start));
      return t;
    }
    if (digit(c) || c == '+' || c == '-' || c == '.') {
      std::size_t start = pos_;
      if (c == '+' || c == '-') advance();
      // INF and NAN in any case, as igraph reads them ("-Inf", "+inF").
      if (pos_ + 3 <= text_.size() && (ascii_lower(text_.substr(pos_, 3)) == "inf" || ascii_lower(text_.substr(pos_, 3)) == "nan") &&
          (pos_ + 3 == text_.size() || !key_char(text_[pos_ + 3]))) {
        for (int k = 0; k < 3; ++k) advance();
        t.kind = Tok::real;
        t.text = std::string(text_.substr(start, pos_ - start));
        return t;
      }
      bool dot = false, digits = false;
      while (pos_ < text_.size() && (digit(text_[pos_]) || (text_[pos_] == '.' && !dot))) {
        if (text_[pos_] == '.') dot = true;
        else digits = true;
        advance();
      }
      bool exponent = false;
      if (digits && pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        std::size_t save = pos_;
        int save_col = column_;
        advance();
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) advance();
        if (pos_ < text_.size() && digit(text_[pos_])) {
          while (pos_ < text_.size() && digit(text_[pos_])) advance();
          exponent = true;
        } else {
          pos_ = save;
          column_ = save_col;
        }
      }
      if (!digits) throw InputError({source_, t.line, t.column}, "a number needs digits");
      t.kind = dot || exponent ? Tok::real : Tok::integer;
      t.text = std::string(text_.substr(start, pos_ - start));
      return t;
    }
    std::string shown = c == '\'' ? std::string("'") : std::string(1, c);
    if (static_cast<unsigned char>(c) >= 0x80) shown = "a non-ASCII character";
    else shown = "'" + shown + "'";
    throw InputError({source_, t.line, t.column}, "unexpected " + shown + "; expected a key, a value, '[' or ']'");
  }

 private:
  void skip() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance();
      } else {
        break;
      }
    }
  }

};

struct Item {
  std::string key;
  int line = 0, column = 0;              // of the key
  int value_line = 0, value_column = 0;  // of the value
  Tok type = Tok::integer;               // integer, real, string or open (a list)
  std::string text;                      // scalar as written (strings decoded)
  std::vector<std::size_t> children;     // for lists
};

struct Tree {
  std::vector<Item> items;
  std::vector<std::size_t> top;
};

constexpr std::size_t max_depth = 512;

Tree parse_tree(std::string_view text, const std::string& source) {
  Tree tree;
  Lexer lex(text, source);
  std::vector<std::size_t> open;  // lists being filled
  while (true) {
    Token t = lex.next();
    if (t.kind == Tok::end) {
      if (!open.empty()) {
        const Item& it = tree.items[open.back()];
        throw InputError({source, t.line, t.column}, "the list '" + it.key + " [' opened at line " +
                                                         std::to_string(it.value_line) + ", column " +
                                                         std::to_string(it.value_column) + " is never closed");
      }
      return tree;
    }
    if (t.kind == Tok::close) {
      if (open.empty()) throw InputError({source, t.line, t.column}, "']' without a matching '['");
      open.pop_back();
      continue;
    }
    if (t.kind != Tok::key)
      throw InputError({source, t.line, t.column}, "expected a key, found " +
                                                       (t.kind == Tok::open ? std::string("'['") : "the value " + t.text));
    Item item;
    item.key = t.text;
    item.line = t.line;
    item.column = t.column;
    Token v = lex.next();
    item.value_line = v.line;
    item.value_column = v.column;
    switch (v.kind) {
      case Tok::integer:
      case Tok::real:
        item.type = v.kind;
        item.text = v.text;
        break;
      case Tok::string:
        item.type = Tok::string;
        item.text = unescape(v.text);
        break;
      case Tok::open:
        item.type = Tok::open;
        break;
      case Tok::key:
        if (ascii_lower(v.text) == "inf" || ascii_lower(v.text) == "nan") {
          item.type = Tok::real;
          item.text = v.text;
          break;
        }
        [[fallthrough]];
      default:
        throw InputError({source, v.line, v.column}, "key '" + item.key + "' has no value");
    }
    std::size_t index = tree.items.size();
    tree.items.push_back(std::move(item));
    if (open.empty()) tree.top.push_back(index);
    else tree.items[open.back()].children.push_back(index);
    if (tree.items[index].type == Tok::open) {
      // Values are built recursively below; a real file nests a few levels, a hostile one could
      // nest deep enough to overflow the stack.
      if (open.size() >= max_depth)
        throw InputError({source, v.line, v.column}, "lists nest deeper than " + std::to_string(max_depth) + " levels");
      open.push_back(index);
    }
  }
}

// ---- From the tree to the model ------------------------------------------------------------

constexpr std::string_view list_marker = "_networkx_list_start";

class Reader {
 public:
  Reader(const Tree& tree, const std::string& source, ImportReport& report, const ReadOptions& options)
      : t_(tree), source_(source), report_(report), options_(options) {}

  Coalition read() {
    const Item* graph = nullptr;
    for (auto i : t_.top) {
      const Item& it = t_.items[i];
      if (it.key != "graph" || it.type != Tok::open) continue;
      if (graph) {
        add_warning(report_, options_, key_at(it), "a second graph in the file; only the first is read");
        continue;
      }
      graph = &it;
    }
    if (!graph) throw InputError({source_, 1, 1}, "no 'graph [ ... ]' in the file");

    bool directed = false;
    std::vector<const Item*> nodes, edges;
    std::vector<std::size_t> extra;
    for (auto i : graph->children) {
      const Item& it = t_.items[i];
      if (it.key == "node" && it.type == Tok::open) nodes.push_back(&it);
      else if (it.key == "edge" && it.type == Tok::open) edges.push_back(&it);
      else if (it.key == "directed") directed = flag(it);
      else if ((it.key == "name" || it.key == "label") && it.type == Tok::string && c_.name.empty()) c_.name = it.text;
      else if (it.key != "multigraph") extra.push_back(i);
    }
    const Json graph_extra = object_of(extra);
    for (const auto& [k, v] : graph_extra.items()) c_.extra[k] = v;

    // Ids: `name` where present, else the label when all labels are distinct, else the GML id.
    std::vector<std::string> gml_ids;
    std::vector<const Item*> id_items;
    std::set<std::string> labels;
    bool labels_unique = true;
    std::vector<std::size_t> without_id;
    for (const Item* n : nodes) {
      const Item* id = find(*n, "id");
      if (!id) {  // igraph keeps such a node; no edge can name it
        without_id.push_back(gml_ids.size());
        gml_ids.emplace_back();
        id_items.push_back(nullptr);
        labels_unique = false;
        continue;
      }
      if (id->type == Tok::open) throw InputError(value_at(*id), "a node's id must be a number or a string");
      if (!gml_index_.emplace(id_text(*id), gml_ids.size()).second)
        throw InputError(value_at(*id), "node id " + id->text + " is used by an earlier node");
      gml_ids.push_back(id_text(*id));
      id_items.push_back(id);
      const Item* label = find(*n, "label");
      if (!label || label->type == Tok::open || !labels.insert(label->text).second) labels_unique = false;
    }
    for (std::size_t k : without_id) {
      std::string id = "node" + std::to_string(k + 1);
      while (gml_index_.count(id)) id += "_";
      gml_ids[k] = id;
      add_warning(report_, options_, key_at(*nodes[k]), "node without id; it is kept as '" + id + "', which no edge names");
    }
    for (std::size_t k = 0; k < nodes.size(); ++k) read_node(*nodes[k], gml_ids[k], labels_unique);
    for (const Item* e : edges) read_edge(*e, directed);
    return std::move(c_);
  }

 private:
  // The text an id is matched by: integers in their canonical form ("+1" and "01" are 1).
  static std::string id_text(const Item& it) {
    if (it.type == Tok::integer) {
      Json v = scalar(it);
      if (v.is_number_integer()) return std::to_string(v.get<long long>());
    }
    return it.text;
  }

  SourceLocation key_at(const Item& it) const { return {source_, it.line, it.column}; }
  SourceLocation value_at(const Item& it) const { return {source_, it.value_line, it.value_column}; }

  const Item* find(const Item& list, std::string_view key) const {
    for (auto i : list.children)
      if (t_.items[i].key == key) return &t_.items[i];
    return nullptr;
  }

  bool flag(const Item& it) {
    if (it.type == Tok::integer) return it.text != "0";
    if (it.type == Tok::string) return it.text == "1" || it.text == "true" || it.text == "True";
    add_warning(report_, options_, value_at(it), "'" + it.key + "' should be 0 or 1; taken as 0");
    return false;
  }

  static Json scalar(const Item& it) {
    if (it.type == Tok::integer) {
      if (auto v = read_plain_integer(it.text)) return *v;
      return it.text;
    }
    if (it.type == Tok::real) {
      if (auto v = read_plain_number(it.text)) return *v;
      return it.text;  // INF, NAN: JSON has no such numbers
    }
    return it.text;
  }

  Json to_json(const Item& it) const {
    if (it.type != Tok::open) return scalar(it);
    return object_of(it.children);
  }

  static std::string attr_name(const std::string& key) { return attr_key(key, gml_attr_prefix).value_or(key); }
  static bool marker(const Item& it) { return it.type == Tok::string && it.text == list_marker; }

  // The items as one object; a key that is repeated (or follows networkx's list marker) holds
  // the list of its values, in order.
  Json object_of(const std::vector<std::size_t>& children) const {
    std::map<std::string, int> count;
    for (auto i : children) count[attr_name(t_.items[i].key)] += marker(t_.items[i]) ? 2 : 1;
    Json obj = Json::object();
    for (auto i : children) {
      const Item& it = t_.items[i];
      std::string key = attr_name(it.key);
      if (count[key] > 1) {
        if (!obj.contains(key)) obj[key] = Json::array();
        if (!marker(it)) obj[key].push_back(to_json(it));
      } else {
        obj[key] = to_json(it);
      }
    }
    return obj;
  }

  std::string text_of(const Item& it) const {
    if (it.type == Tok::open) return to_json(it).dump();
    return it.text;
  }

  std::optional<Date> date(const Item& it) {
    auto d = Date::parse(it.text);
    if (!d || it.type == Tok::open) throw InputError(value_at(it), "'" + it.text + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return d;
  }

  void read_node(const Item& item, const std::string& gml_id, bool labels_unique) {
    const Item* name = find(item, "name");
    const Item* label = find(item, "label");
    std::string id = name && name->type != Tok::open ? name->text
                     : labels_unique && label ? label->text
                                              : gml_id;
    if (c_.find(id)) {
      add_warning(report_, options_, key_at(item), "node '" + id + "' named twice; the second keeps its GML id " + gml_id);
      id = gml_id;
      if (c_.find(id)) throw InputError(key_at(item), "node id '" + id + "' is used twice");
    }
    Node n;
    n.id = id;
    Json attrs = Json::object();
    std::vector<std::size_t> others;
    for (auto i : item.children) {
      const Item& it = t_.items[i];
      const std::string& k = it.key;
      const Field field = node_field(k);
      if (k == "id" || k == "name") continue;
      if (field == Field::label) n.label = text_of(it);
      else if (field == Field::themes) {
        if (marker(it)) continue;
        for (auto& theme : field_list(text_of(it))) n.themes.push_back(std::move(theme));  // a repeated key adds
      } else if (set_node_text_field(n, field, text_of(it))) continue;
      else if (field == Field::since) n.since = date(it);
      else if (field == Field::until) n.until = date(it);
      else if (k == "graphics" && it.type == Tok::open) graphics(it, &n.id, attrs);
      else others.push_back(i);
    }
    const Json rest = object_of(others);
    for (const auto& [k, v] : rest.items()) attrs[k] = v;
    n.attrs = std::move(attrs);
    if (n.label.empty()) n.label = n.id;
    if (n.kind.empty()) n.kind = std::string(kinds::partner);
    c_.add_node(std::move(n));
  }

  void graphics(const Item& it, const std::string* node_id, Json& attrs) {
    const Item* x = find(it, "x");
    const Item* y = find(it, "y");
    std::vector<std::size_t> others;
    for (auto i : it.children) {
      const Item& g = t_.items[i];
      if (node_id && x && y && (&g == x || &g == y)) continue;
      others.push_back(i);
    }
    Json rest = object_of(others);
    if (node_id && x && y) {
      Json xv = scalar(*x), yv = scalar(*y);
      if (!xv.is_number()) throw InputError(value_at(*x), "x '" + x->text + "' is not a number");
      if (!yv.is_number()) throw InputError(value_at(*y), "y '" + y->text + "' is not a number");
      c_.layout[*node_id] = {xv.get<double>(), yv.get<double>()};
    }
    if (!rest.empty()) attrs["graphics"] = rest;
  }

  std::size_t endpoint(const Item& edge, const char* which) {
    const Item* ref = find(edge, which);
    if (!ref) throw InputError(key_at(edge), std::string("edge without ") + which);
    auto it = gml_index_.find(id_text(*ref));
    if (ref->type == Tok::open || it == gml_index_.end())
      throw InputError(value_at(*ref), std::string(which) + " " + ref->text + " is not the id of a node");
    return it->second;
  }

  void read_edge(const Item& item, bool directed) {
    Edge e;
    e.source = endpoint(item, "source");
    e.target = endpoint(item, "target");
    e.directed = directed;
    std::vector<std::size_t> others;
    for (auto i : item.children) {
      const Item& it = t_.items[i];
      const std::string& k = it.key;
      const Field field = edge_field(k);
      if (k == "source" || k == "target") continue;
      if (field == Field::weight || k == "value") {
        Json w = scalar(it);
        if (it.type == Tok::open || !w.is_number()) throw InputError(value_at(it), k + " '" + it.text + "' is not a number");
        e.weight = w.get<double>();
      } else if (field == Field::directed) e.directed = flag(it);
      else if (field == Field::kind) e.kind = field_text(text_of(it));
      else if (field == Field::since) e.since = date(it);
      else if (field == Field::until) e.until = date(it);
      else if (k == "key" && it.type == Tok::integer) continue;  // networkx's multigraph key
      else if (k == "graphics" && it.type == Tok::open) e.attrs["graphics"] = to_json(it);
      else others.push_back(i);
    }
    const Json rest = object_of(others);
    for (const auto& [k, v] : rest.items()) e.attrs[k] = v;
    if (e.kind.empty()) e.kind = std::string(kinds::collaborates);
    c_.add_edge(std::move(e));
  }

  const Tree& t_;
  const std::string& source_;
  ImportReport& report_;
  const ReadOptions& options_;
  Coalition c_;
  std::unordered_map<std::string, std::size_t> gml_index_;
};

// ---- Writing -------------------------------------------------------------------------------

std::string gml_string(std::string_view s) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    const std::uint32_t cp = utf8_next(s, i);
    if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '&') out += static_cast<char>(cp);
    else out += "&#" + std::to_string(cp) + ";";
  }
  out += '"';
  return out;
}

std::string real_text(double v) {
  if (std::isnan(v)) return "NAN";
  if (std::isinf(v)) return v > 0 ? "+INF" : "-INF";
  char buf[32];
  // Shortest text that reads back as the same double.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  for (auto& ch : s)
    if (ch == 'e') ch = 'E';
  auto e = s.find('E');
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return e == std::string::npos ? mantissa : mantissa + s.substr(e);
}

// A key GML can hold; one the reader would take for a field or GML's own syntax gets "attr_".
template <class Reserved>
std::string gml_key(const std::string& key, Reserved reserved) {
  std::string k;
  for (char ch : key) k += key_char(ch) ? ch : '_';
  if (k.empty() || !key_start(k[0])) k = "a" + k;
  if (reserved(k)) k = std::string(gml_attr_prefix) + k;
  return k;
}

void write_value(std::ostream& out, const std::string& indent, const std::string& key, const Json& v);

void write_scalar(std::ostream& out, const std::string& indent, const std::string& key, const Json& v) {
  out << indent << key << ' ';
  if (v.is_boolean()) out << (v.get<bool>() ? 1 : 0);
  else if (v.is_number_integer()) {
    long long i = v.get<long long>();
    if (i >= -(1LL << 31) && i < (1LL << 31)) out << i;
    else out << gml_string(std::to_string(i));
  } else if (v.is_number_unsigned()) out << gml_string(std::to_string(v.get<unsigned long long>()));
  else if (v.is_number()) out << real_text(v.get<double>());
  else if (v.is_string()) out << gml_string(v.get<std::string>());
  else out << gml_string(v.dump());
  out << '\n';
}

// Inside a list of a value every key is an attribute's own; only the prefix needs protecting.
bool nested_reserved(const std::string& k) { return has_attr_prefix(k, gml_attr_prefix); }

void write_value(std::ostream& out, const std::string& indent, const std::string& key, const Json& v) {
  if (v.is_null()) return;
  if (v.is_object()) {
    out << indent << key << " [\n";
    for (const auto& [k, x] : v.items()) write_value(out, indent + "  ", gml_key(k, nested_reserved), x);
    out << indent << "]\n";
  } else if (v.is_array()) {
    bool flat = true;
    for (const auto& x : v) flat = flat && !x.is_array() && !x.is_object() && !x.is_null();
    if (!flat || v.empty()) {
      write_scalar(out, indent, key, Json(v.dump()));
      return;
    }
    if (v.size() == 1) write_scalar(out, indent, key, Json(std::string(list_marker)));
    for (const auto& x : v) write_scalar(out, indent, key, x);
  } else {
    write_scalar(out, indent, key, v);
  }
}

}  // namespace

Coalition read_gml(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  report.format = "gml";
  const std::string text = read_text(in, source_name, report, options);
  Tree tree = parse_tree(text, source_name);
  Reader reader(tree, source_name, report, options);
  return reader.read();
}

void write_gml(const Coalition& c, std::ostream& out) {
  auto node_reserved = [](const std::string& k) { return reserved_node_key(k, {"id", "name", "graphics"}, gml_attr_prefix); };
  auto edge_reserved = [](const std::string& k) {
    return reserved_edge_key(k, {"source", "target", "value", "key", "id"}, gml_attr_prefix);
  };
  bool all_directed = !c.edges.empty(), any_directed = false;
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  bool multigraph = false;
  for (const auto& e : c.edges) {
    all_directed &= e.directed;
    any_directed |= e.directed;
  }
  for (const auto& e : c.edges) {
    auto p = all_directed || e.source < e.target ? std::pair{e.source, e.target} : std::pair{e.target, e.source};
    if (!pairs.insert(p).second) multigraph = true;
  }
  const bool mixed = any_directed && !all_directed;
  out << "Creator \"wijknet\"\ngraph [\n";
  if (all_directed) out << "  directed 1\n";
  if (multigraph) out << "  multigraph 1\n";
  if (!c.name.empty()) out << "  name " << gml_string(c.name) << '\n';
  static const std::set<std::string> graph_names = {"directed", "multigraph", "name", "label", "node", "edge"};
  auto graph_reserved = [](const std::string& k) {
    return graph_names.count(k) || has_attr_prefix(k, gml_attr_prefix);
  };
  for (const auto& [k, v] : c.extra.items()) write_value(out, "  ", gml_key(k, graph_reserved), v);
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const Node& n = c.nodes[i];
    out << "  node [\n    id " << i << '\n';
    out << "    label " << gml_string(n.label.empty() ? n.id : n.label) << '\n';
    out << "    name " << gml_string(n.id) << '\n';
    if (!n.kind.empty()) out << "    kind " << gml_string(n.kind) << '\n';
    if (!n.sector.empty()) out << "    sector " << gml_string(n.sector) << '\n';
    if (!n.themes.empty()) {
      std::string joined;
      for (const auto& t : n.themes) joined += (joined.empty() ? "" : "|") + t;
      out << "    themes " << gml_string(joined) << '\n';
    }
    if (!n.role.empty()) out << "    role " << gml_string(n.role) << '\n';
    if (n.since) out << "    since " << gml_string(n.since->str()) << '\n';
    if (n.until) out << "    until " << gml_string(n.until->str()) << '\n';
    if (auto it = c.layout.find(n.id); it != c.layout.end())
      out << "    graphics [\n      x " << real_text(it->second[0]) << "\n      y " << real_text(it->second[1]) << "\n    ]\n";
    for (const auto& [k, v] : n.attrs.items()) write_value(out, "    ", gml_key(k, node_reserved), v);
    out << "  ]\n";
  }
  for (const auto& e : c.edges) {
    out << "  edge [\n    source " << e.source << "\n    target " << e.target << '\n';
    out << "    weight " << real_text(e.weight) << '\n';
    if (!e.kind.empty()) out << "    kind " << gml_string(e.kind) << '\n';
    if (mixed) out << "    directed " << (e.directed ? 1 : 0) << '\n';
    if (e.since) out << "    since " << gml_string(e.since->str()) << '\n';
    if (e.until) out << "    until " << gml_string(e.until->str()) << '\n';
    for (const auto& [k, v] : e.attrs.items()) write_value(out, "    ", gml_key(k, edge_reserved), v);
    out << "  ]\n";
  }
  out << "]\n";
}

}  // namespace wijknet
