#include "importers/dot.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/csv_table.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {
namespace {

// ---- Tokens ----------------------------------------------------------------------------------

enum class Tok { id, lbrace, rbrace, lbracket, rbracket, equal, semi, comma, colon, edgeop, end };

struct Token {
  Tok kind = Tok::end;
  std::string text;
  bool quoted = false;  // a "string" or an <html> id: text, never a number
  int line = 1, column = 1;
};

// A label as Graphviz draws it: the escapes \n, \l and \r end a line (centred, left, right).
std::string label_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 'l' || s[i + 1] == 'r')) {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool id_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool id_char(char c) { return id_start(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

class Lexer : Scanner {
 public:
  using Scanner::Scanner;

  // The tokens of the first graph, up to its closing '}'; then, when anything but space and
  // comments follows, one token "..." standing for the rest, which Graphviz reads as further
  // graphs (or, as it does, fails on only when asked for them). So text after the first graph
  // never stops the import, whatever it is.
  std::vector<Token> all() {
    std::vector<Token> out;
    int depth = 0;
    while (true) {
      out.push_back(next());
      const Tok k = out.back().kind;
      if (k == Tok::end) return out;
      if (k == Tok::lbrace) ++depth;
      if (k == Tok::rbrace && --depth == 0) break;
    }
    skip();
    Token rest;
    rest.line = line_;
    rest.column = column_;
    if (pos_ < text_.size()) {
      rest.kind = Tok::id;
      rest.text = "...";
      out.push_back(rest);
    }
    out.push_back(Token{Tok::end, "", false, line_, column_});
    return out;
  }

 private:

  void skip() {
    while (pos_ < text_.size()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        advance();
      } else if (c == '#' && at_line_start_) {  // C preprocessor output lines
        while (pos_ < text_.size() && peek() != '\n') advance();
      } else if (c == '/' && peek(1) == '/') {
        while (pos_ < text_.size() && peek() != '\n') advance();
      } else if (c == '/' && peek(1) == '*') {
        int l = line_, col = column_;
        advance();
        advance();
        while (pos_ < text_.size() && !(peek() == '*' && peek(1) == '/')) advance();
        if (pos_ >= text_.size()) throw InputError({source_, l, col}, "comment is never closed (a '*/' is missing)");
        advance();
        advance();
      } else {
        break;
      }
    }
  }

  std::string quoted_string(int l, int col) {
    advance();  // the opening quote
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) throw InputError({source_, l, col}, "string is never closed (a '\"' is missing)");
      char c = peek();
      if (c == '"') {
        advance();
        return out;
      }
      if (c == '\\') {
        char n = peek(1);
        if (n == '"') out += '"';
        else if (n == '\\') out += '\\';
        else if (n == 'n') out += "\\n";  // kept: Graphviz turns it into a line break in labels only
        else if (n == '\n') {
        } else if (n == '\r' && peek(2) == '\n') {
          advance();
        } else {
          out += '\\';
          out += n;
        }
        advance();
        if (pos_ < text_.size()) advance();
        continue;
      }
      out += c;
      advance();
    }
  }

  Token next() {
    skip();
    Token t;
    t.line = line_;
    t.column = column_;
    if (pos_ >= text_.size()) return t;
    char c = peek();
    auto single = [&](Tok k) {
      t.kind = k;
      t.text = std::string(1, c);
      advance();
      return t;
    };
    switch (c) {
      case '{': return single(Tok::lbrace);
      case '}': return single(Tok::rbrace);
      case '[': return single(Tok::lbracket);
      case ']': return single(Tok::rbracket);
      case '=': return single(Tok::equal);
      case ';': return single(Tok::semi);
      case ',': return single(Tok::comma);
      case ':': return single(Tok::colon);
      default: break;
    }
    if (c == '-' && (peek(1) == '-' || peek(1) == '>')) {
      t.kind = Tok::edgeop;
      t.text = std::string(text_.substr(pos_, 2));
      advance();
      advance();
      return t;
    }
    t.kind = Tok::id;
    if (c == '"') {
      t.quoted = true;
      t.text = quoted_string(t.line, t.column);
      // "a" + "b" is one string.
      while (true) {
        std::size_t save = pos_;
        int sl = line_, sc = column_;
        bool sls = at_line_start_;
        skip();
        if (peek() != '+') {
          pos_ = save, line_ = sl, column_ = sc, at_line_start_ = sls;
          break;
        }
        advance();
        skip();
        if (peek() != '"') throw InputError({source_, line_, column_}, "expected a quoted string after '+'");
        t.text += quoted_string(line_, column_);
      }
      return t;
    }
    if (c == '<') {
      t.quoted = true;
      int depth = 0;
      std::size_t start = pos_ + 1;
      do {
        if (pos_ >= text_.size()) throw InputError({source_, t.line, t.column}, "HTML string is never closed (a '>' is missing)");
        if (peek() == '<') ++depth;
        else if (peek() == '>') --depth;
        advance();
      } while (depth > 0);
      t.text = std::string(text_.substr(start, pos_ - start - 1));
      return t;
    }
    if (id_start(c)) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && id_char(peek())) advance();
      t.text = std::string(text_.substr(start, pos_ - start));
      return t;
    }
    if (digit(c) || c == '.' || c == '-') {
      std::size_t start = pos_;
      if (c == '-') advance();
      bool dot = false, digits = false;
      while (pos_ < text_.size() && (digit(peek()) || (peek() == '.' && !dot))) {
        if (peek() == '.') dot = true;
        else digits = true;
        advance();
      }
      if (digits) {
        t.text = std::string(text_.substr(start, pos_ - start));
        return t;
      }
    }
    std::string shown = static_cast<unsigned char>(c) >= 0x80 ? std::string("a non-ASCII character") : "'" + std::string(1, c) + "'";
    throw InputError({source_, t.line, t.column}, "unexpected " + shown);
  }

};

// ---- Parsing ---------------------------------------------------------------------------------

struct Value {
  std::string text;
  bool quoted = false;
  int line = 0, column = 0;
};
using Attrs = std::vector<std::pair<std::string, Value>>;

void merge(Attrs& into, const Attrs& from) {
  for (const auto& [k, v] : from) {
    bool found = false;
    for (auto& [k2, v2] : into)
      if (k2 == k) {
        v2 = v;
        found = true;
      }
    if (!found) into.emplace_back(k, v);
  }
}

struct Scope {
  Attrs node_defaults, edge_defaults;
};

struct DotNode {
  std::string dot_id;
  Attrs attrs;
};

struct DotEdge {
  std::size_t source = 0, target = 0;
  bool directed = false;
  Attrs attrs;
};

constexpr int max_depth = 256;

class Parser {
 public:
  Parser(std::vector<Token> tokens, const std::string& source, ImportReport& report, const ReadOptions& options)
      : tokens_(std::move(tokens)), source_(source), report_(report), options_(options) {}

  Coalition parse() {
    if (is_keyword(cur(), "strict")) ++pos_;
    if (is_keyword(cur(), "digraph")) directed_ = true;
    else if (!is_keyword(cur(), "graph")) fail(cur(), "'graph' or 'digraph'");
    ++pos_;
    if (cur().kind == Tok::id) {
      graph_id_ = cur().text;
      ++pos_;
    }
    expect(Tok::lbrace, "'{'");
    Scope scope;
    std::vector<std::size_t> mentioned;
    stmt_list(scope, mentioned, 0, true);
    expect(Tok::rbrace, "'}'");
    if (cur().kind != Tok::end)
      add_warning(report_, options_, at(cur()), "text after the first graph; only the first graph is read");
    return build();
  }

 private:
  const Token& cur() const { return tokens_[pos_]; }
  const Token& ahead(std::size_t k) const { return tokens_[std::min(pos_ + k, tokens_.size() - 1)]; }
  SourceLocation at(const Token& t) const { return {source_, t.line, t.column}; }

  static bool is_keyword(const Token& t, std::string_view word) {
    return t.kind == Tok::id && !t.quoted && ascii_lower(t.text) == word;
  }

  [[noreturn]] void fail(const Token& t, const std::string& expected) const {
    std::string found = t.kind == Tok::end ? "the end of the file" : "'" + t.text + "'";
    throw InputError(at(t), "expected " + expected + ", found " + found);
  }

  void expect(Tok kind, const char* what) {
    if (cur().kind != kind) fail(cur(), what);
    ++pos_;
  }

  // stmt_list up to (not including) the closing '}'.
  void stmt_list(Scope& scope, std::vector<std::size_t>& mentioned, int depth, bool top) {
    while (cur().kind != Tok::rbrace && cur().kind != Tok::end) {
      statement(scope, mentioned, depth, top);
      while (cur().kind == Tok::semi || cur().kind == Tok::comma) ++pos_;
    }
  }

  void statement(Scope& scope, std::vector<std::size_t>& mentioned, int depth, bool top) {
    const Token& t = cur();
    if ((is_keyword(t, "graph") || is_keyword(t, "node") || is_keyword(t, "edge")) && ahead(1).kind == Tok::lbracket) {
      std::string which = ascii_lower(t.text);
      ++pos_;
      Attrs attrs = attr_lists();
      if (which == "node") merge(scope.node_defaults, attrs);
      else if (which == "edge") merge(scope.edge_defaults, attrs);
      else if (top) merge(graph_attrs_, attrs);
      return;
    }
    if (t.kind == Tok::id && ahead(1).kind == Tok::equal && !is_keyword(t, "subgraph")) {
      Value v;
      std::string key = t.text;
      pos_ += 2;
      if (cur().kind != Tok::id) fail(cur(), "a value after '='");
      v = value_of(cur());
      ++pos_;
      if (top) merge(graph_attrs_, {{key, v}});
      return;
    }
    // A node, a subgraph, or the first end of an edge chain.
    std::vector<std::size_t> ends = endpoint(scope, mentioned, depth);
    if (cur().kind != Tok::edgeop) {
      Attrs attrs = cur().kind == Tok::lbracket ? attr_lists() : Attrs{};
      if (!last_was_subgraph_)  // attributes after a subgraph (Graphviz accepts them) set nothing here
        for (auto i : ends) merge(nodes_[i].attrs, attrs);
      return;
    }
    std::vector<std::vector<std::size_t>> chain{ends};
    std::vector<Token> ops;
    while (cur().kind == Tok::edgeop) {
      const Token& op = cur();
      if (op.text == "--" && directed_) throw InputError(at(op), "'--' in a digraph; its edges are written '->'");
      if (op.text == "->" && !directed_) throw InputError(at(op), "'->' in an undirected graph; its edges are written '--'");
      ++pos_;
      chain.push_back(endpoint(scope, mentioned, depth));
    }
    Attrs attrs = scope.edge_defaults;
    if (cur().kind == Tok::lbracket) merge(attrs, attr_lists());
    for (std::size_t k = 0; k + 1 < chain.size(); ++k)
      for (auto s : chain[k])
        for (auto d : chain[k + 1]) edges_.push_back({s, d, directed_, attrs});
  }

  // node_id [port], or a subgraph; the nodes it names.
  std::vector<std::size_t> endpoint(Scope& scope, std::vector<std::size_t>& mentioned, int depth) {
    last_was_subgraph_ = false;
    if (is_keyword(cur(), "subgraph") || cur().kind == Tok::lbrace) {
      if (depth >= max_depth) throw InputError(at(cur()), "subgraphs nest deeper than " + std::to_string(max_depth) + " levels");
      if (is_keyword(cur(), "subgraph")) {
        ++pos_;
        if (cur().kind == Tok::id) ++pos_;  // its name
      }
      expect(Tok::lbrace, "'{'");
      Scope inner = scope;
      std::vector<std::size_t> inside;
      stmt_list(inner, inside, depth + 1, false);
      expect(Tok::rbrace, "'}'");
      for (auto i : inside) mentioned.push_back(i);
      last_was_subgraph_ = true;
      // A subgraph is a set of nodes: `a -> {b b}` is one edge, as Graphviz reads it.
      std::vector<std::size_t> unique;
      for (auto i : inside)
        if (std::find(unique.begin(), unique.end(), i) == unique.end()) unique.push_back(i);
      return unique;
    }
    if (cur().kind != Tok::id) fail(cur(), "a node, a subgraph or an attribute statement");
    const Token& id = cur();
    ++pos_;
    if (cur().kind == Tok::colon) {  // port[:compass]: where the edge attaches in a drawing
      ++pos_;
      if (cur().kind != Tok::id) fail(cur(), "a port name after ':'");
      ++pos_;
      if (cur().kind == Tok::colon) {
        ++pos_;
        if (cur().kind != Tok::id) fail(cur(), "a compass point after ':'");
        ++pos_;
      }
      if (!port_noted_) {
        port_noted_ = true;
        add_warning(report_, options_, at(id), "ports (node:port) are about drawing and are not kept");
      }
    }
    std::size_t index;
    if (auto it = index_.find(id.text); it != index_.end()) {
      index = it->second;
    } else {
      index = nodes_.size();
      index_.emplace(id.text, index);
      nodes_.push_back({id.text, scope.node_defaults});
    }
    mentioned.push_back(index);
    // Graphviz's node list: `a -- b, c, d` ties a to each of b, c and d; `a, b [k=v]` sets both.
    if (cur().kind == Tok::comma && ahead(1).kind == Tok::id && !is_keyword(ahead(1), "node") && !is_keyword(ahead(1), "edge") &&
        !is_keyword(ahead(1), "graph") && !is_keyword(ahead(1), "subgraph") &&
        ahead(2).kind != Tok::equal) {
      ++pos_;
      std::vector<std::size_t> more = endpoint(scope, mentioned, depth);
      last_was_subgraph_ = false;
      more.insert(more.begin(), index);
      return more;
    }
    return {index};
  }

  Value value_of(const Token& t) const { return {t.text, t.quoted, t.line, t.column}; }

  Attrs attr_lists() {
    Attrs out;
    while (cur().kind == Tok::lbracket) {
      ++pos_;
      while (cur().kind != Tok::rbracket) {
        if (cur().kind != Tok::id) fail(cur(), "an attribute name or ']'");
        std::string key = cur().text;
        ++pos_;
        Value v{"true", false, cur().line, cur().column};
        if (cur().kind == Tok::equal) {
          ++pos_;
          if (cur().kind != Tok::id) fail(cur(), "a value after '='");
          v = value_of(cur());
          ++pos_;
        }
        merge(out, {{key, v}});
        while (cur().kind == Tok::comma || cur().kind == Tok::semi) ++pos_;
      }
      ++pos_;
    }
    return out;
  }

  // ---- Building the coalition -----------------------------------------------------------------

  static Json typed(const Value& v) { return v.quoted ? Json(v.text) : infer_value(v.text); }

  std::optional<Date> date(const Value& v) {
    auto d = Date::parse(v.text);
    if (!d) throw InputError({source_, v.line, v.column}, "'" + v.text + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return d;
  }

  static std::string attr_name(const std::string& k) { return attr_key(k).value_or(k); }

  Coalition build() {
    Coalition c;
    // igraph writes numbers as DOT ids and the vertex names as `name`.
    bool by_name = !nodes_.empty();
    std::unordered_set<std::string> names;
    for (const auto& n : nodes_) {
      const Value* name = nullptr;
      for (const auto& [k, v] : n.attrs)
        if (field_key(k) == "name") name = &v;
      if (!name || name->text.empty() || !names.insert(name->text).second) by_name = false;
    }
    for (const auto& dn : nodes_) {
      Node n;
      n.id = dn.dot_id;
      for (const auto& [k, v] : dn.attrs) {
        const std::string key = field_key(k);
        const Field field = node_field(k);
        if (key == "name" && by_name) n.id = v.text;
        else if (field == Field::label) {
          if (v.text != "\\N") n.label = label_text(v.text);
        } else if (set_node_text_field(n, field, v.text)) continue;
        else if (field == Field::since) n.since = date(v);
        else if (field == Field::until) n.until = date(v);
        else if (key == "pos") continue;
        else n.attrs[attr_name(k)] = typed(v);
      }
      for (const auto& [k, v] : dn.attrs) {
        if (field_key(k) != "pos") continue;
        std::string p = v.text;
        if (!p.empty() && p.back() == '!') p.pop_back();
        auto comma = p.find(',');
        auto x = comma == std::string::npos ? std::nullopt : read_plain_number(p.substr(0, comma));
        auto y = comma == std::string::npos ? std::nullopt : read_plain_number(p.substr(comma + 1));
        if (x && y) {
          c.layout[n.id] = {*x, *y};
        } else {
          add_warning(report_, options_, {source_, v.line, v.column}, "pos '" + v.text + "' is not \"x,y\"; kept as attrs.pos");
          n.attrs["pos"] = v.text;
        }
      }
      if (n.label.empty()) n.label = n.id;
      if (n.kind.empty()) n.kind = std::string(kinds::partner);
      c.add_node(std::move(n));
    }
    for (const auto& de : edges_) {
      Edge e;
      e.source = de.source;
      e.target = de.target;
      e.directed = de.directed;
      for (const auto& [k, v] : de.attrs) {
        const std::string key = field_key(k);
        const Field field = edge_field(k);
        if (field == Field::weight) {
          auto w = read_plain_number(v.text);
          if (!w) throw InputError({source_, v.line, v.column}, "weight '" + v.text + "' is not a number");
          e.weight = *w;
        } else if (field == Field::kind) e.kind = field_text(v.text);
        else if (field == Field::since) e.since = date(v);
        else if (field == Field::until) e.until = date(v);
        else if (field == Field::directed && field_flag(v.text)) e.directed = *field_flag(v.text);
        else if (key == "dir") {
          std::string d = ascii_lower(v.text);
          if (d == "none" || d == "both") e.directed = false;
          else if (d == "forward" || d == "back") e.directed = true;
          if (d == "back") std::swap(e.source, e.target);
        } else e.attrs[attr_name(k)] = typed(v);
      }
      if (e.kind.empty()) e.kind = std::string(kinds::collaborates);
      c.add_edge(std::move(e));
    }
    Json dot = Json::object();
    for (const auto& [k, v] : graph_attrs_) {
      if (ascii_lower(k) == "label") c.name = v.text;
      else dot[k] = typed(v);
    }
    if (c.name.empty()) c.name = graph_id_;
    if (!dot.empty()) c.extra["dot"] = dot;
    return c;
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  const std::string& source_;
  ImportReport& report_;
  const ReadOptions& options_;
  bool directed_ = false;
  bool last_was_subgraph_ = false;
  bool port_noted_ = false;
  std::string graph_id_;
  Attrs graph_attrs_;
  std::vector<DotNode> nodes_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<DotEdge> edges_;
};

// ---- Writing ---------------------------------------------------------------------------------

std::string dot_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += "\\\"";
    else if (ch == '\\') out += "\\\\";
    else if (ch == '\n') out += "\\n";
    else if (ch == '\r') continue;
    else out += ch;
  }
  out += '"';
  return out;
}

bool plain_id(std::string_view s) {
  if (s.empty() || !id_start(s[0])) return false;
  for (char ch : s)
    if (!id_char(ch)) return false;
  static const std::set<std::string> keywords = {"graph", "digraph", "node", "edge", "subgraph", "strict"};
  return !keywords.count(ascii_lower(s));
}

std::string dot_value(const Json& v) {
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) {
    std::string text = v.dump();
    return text.find_first_of("eE") == std::string::npos ? text : dot_string(text);
  }
  if (v.is_string()) return dot_string(v.get<std::string>());
  return dot_string(v.dump());
}

// An attrs key the reader would take for a field or for DOT's own syntax is written "attr.KEY".
std::string dot_key(const std::string& key, bool reserved) {
  const std::string k = reserved ? std::string(attr_prefix) + key : key;
  return plain_id(k) ? k : dot_string(k);
}

}  // namespace

Coalition read_dot(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  report.format = "dot";
  const std::string text = read_text(in, source_name, report, options, DeclaredEncoding::dot);
  Lexer lexer(text, source_name);
  Parser parser(lexer.all(), source_name, report, options);
  return parser.parse();
}

void write_dot(const Coalition& c, std::ostream& out) {
  bool digraph = false;  // any directed edge makes a digraph; undirected ones get dir=none
  for (const auto& e : c.edges) digraph |= e.directed;
  out << "// written by wijknet\n" << (digraph ? "digraph " : "graph ") << dot_string(c.name) << " {\n";
  if (!c.name.empty()) out << "  label=" << dot_string(c.name) << ";\n";
  if (c.extra.contains("dot") && c.extra["dot"].is_object())
    for (const auto& [k, v] : c.extra["dot"].items())
      if (ascii_lower(k) != "label" && !v.is_null()) out << "  " << (plain_id(k) ? k : dot_string(k)) << '=' << dot_value(v) << ";\n";
  for (const auto& n : c.nodes) {
    std::vector<std::string> attrs;
    attrs.push_back("label=" + dot_string(n.label.empty() ? n.id : n.label));
    if (!n.kind.empty()) attrs.push_back("kind=" + dot_string(n.kind));
    if (!n.sector.empty()) attrs.push_back("sector=" + dot_string(n.sector));
    if (!n.themes.empty()) {
      std::string joined;
      for (const auto& t : n.themes) joined += (joined.empty() ? "" : "|") + t;
      attrs.push_back("themes=" + dot_string(joined));
    }
    if (!n.role.empty()) attrs.push_back("role=" + dot_string(n.role));
    if (n.since) attrs.push_back("since=" + dot_string(n.since->str()));
    if (n.until) attrs.push_back("until=" + dot_string(n.until->str()));
    if (auto it = c.layout.find(n.id); it != c.layout.end())
      attrs.push_back("pos=" + dot_string(Json(it->second[0]).dump() + "," + Json(it->second[1]).dump() + "!"));
    for (const auto& [k, v] : n.attrs.items())
      if (!v.is_null()) attrs.push_back(dot_key(k, reserved_node_key(k, {"name", "pos"})) + "=" + dot_value(v));
    out << "  " << dot_string(n.id) << " [";
    for (std::size_t i = 0; i < attrs.size(); ++i) out << (i ? ", " : "") << attrs[i];
    out << "];\n";
  }
  for (const auto& e : c.edges) {
    std::vector<std::string> attrs;
    attrs.push_back("weight=" + dot_value(Json(e.weight)));
    if (!e.kind.empty()) attrs.push_back("kind=" + dot_string(e.kind));
    if (digraph && !e.directed) attrs.push_back("dir=none");
    if (e.since) attrs.push_back("since=" + dot_string(e.since->str()));
    if (e.until) attrs.push_back("until=" + dot_string(e.until->str()));
    for (const auto& [k, v] : e.attrs.items())
      if (!v.is_null()) attrs.push_back(dot_key(k, reserved_edge_key(k, {"dir"})) + "=" + dot_value(v));
    out << "  " << dot_string(c.nodes[e.source].id) << (digraph ? " -> " : " -- ") << dot_string(c.nodes[e.target].id)
        << " [";
    for (std::size_t i = 0; i < attrs.size(); ++i) out << (i ? ", " : "") << attrs[i];
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace wijknet
