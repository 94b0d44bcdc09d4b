#include "importers/graphml.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"
#include "importers/xml_common.hpp"

namespace wijknet {
namespace {

// ---------------------------------------------------------------------------------------------
// Small text helpers.

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// GraphML's doubles may be written INF or NaN (yEd, igraph): they are numbers here, and the
// callers decide what a non-finite value means.
std::optional<double> to_double(std::string_view s) { return read_plain_number(s, false, true); }

std::optional<bool> to_boolean(std::string_view s) {
  const std::string t = ascii_lower(trim(s));
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  return std::nullopt;
}

// Text of all character data below `n`, CDATA included, in document order. Iterative.
std::string all_text(const pugi::xml_node& n) {
  std::string s;
  std::vector<pugi::xml_node> stack;
  for (auto c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node c = stack.back();
    stack.pop_back();
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    for (auto k = c.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
  }
  return s;
}

// The first element below `n` with this local name, depth first. Iterative.
pugi::xml_node find_descendant(const pugi::xml_node& n, std::string_view name) {
  std::vector<pugi::xml_node> stack;
  for (auto c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node c = stack.back();
    stack.pop_back();
    if (xml_element_named(c, name)) return c;
    for (auto k = c.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Reading.

enum class ValueType { boolean, integer, real, string };

struct KeyDef {
  std::string id;
  std::string name;  // attr.name, or the id when there is none
  ValueType type = ValueType::string;
  std::optional<std::string> default_text;
  pugi::xml_node default_element;
  bool yfiles_graphics = false;  // yEd's nodegraphics / edgegraphics
  bool json = false;             // wijknet.json="true": the text is JSON (objects, lists), see write_graphml
};

// The keys of one domain (node, edge or graph), in declaration order.
struct KeyTable {
  std::vector<KeyDef> keys;
  std::unordered_map<std::string, std::size_t> by_id;
  void add(const KeyDef& k) {
    if (auto it = by_id.find(k.id); it != by_id.end()) {
      keys[it->second] = k;  // a later, more specific declaration wins
      return;
    }
    by_id.emplace(k.id, keys.size());
    keys.push_back(k);
  }
  const KeyDef* find(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &keys[it->second];
  }
};

// One value of one element: its key, its text and where it was written.
struct Value {
  const KeyDef* key;
  std::string text;
  pugi::xml_node element;  // the <data> or the key's <default>
  pugi::xml_node data;     // the <data>, for nested content (yEd graphics); empty for defaults
};

class GraphmlReader {
 public:
  GraphmlReader(std::string_view text, const std::string& file, ImportReport& report, const ReadOptions& options)
      : text_(text), file_(file), report_(report), options_(options) {}
  Coalition read();

 private:
  SourceLocation at_offset(std::ptrdiff_t offset) {
    return location_at(text_, offset < 0 ? 0 : std::size_t(offset), file_);
  }
  // An element's position is that of its '<'.
  SourceLocation at(const pugi::xml_node& n) {
    const std::ptrdiff_t o = n.offset_debug();
    return at_offset(o > 0 ? o - 1 : 0);
  }
  SourceLocation at_attribute(const pugi::xml_node& n, std::string_view attribute);
  [[noreturn]] void fail(const SourceLocation& where, const std::string& message) { throw InputError(where, message); }
  void warn(const SourceLocation& where, const std::string& message) { add_warning(report_, options_, where, message); }

  void read_keys(const pugi::xml_node& root);
  std::vector<Value> values_of(const pugi::xml_node& element, const KeyTable& table);
  Json typed(const Value& v);
  std::optional<Date> date(const Value& v);
  void read_node(const pugi::xml_node& element, Coalition& c);
  void read_edge(const pugi::xml_node& element, bool directed_default, Coalition& c);
  void read_graph_data(const pugi::xml_node& graph, Coalition& c);

  std::string_view text_;
  const std::string& file_;
  ImportReport& report_;
  const ReadOptions& options_;
  KeyTable node_keys_, edge_keys_, graph_keys_;
  std::unordered_map<std::string, KeyDef> undeclared_;  // data with a key nobody declared
  std::unordered_set<std::string> warned_;
};

SourceLocation GraphmlReader::at_attribute(const pugi::xml_node& n, std::string_view attribute) {
  // pugixml keeps no offsets for attributes: scan the start tag in the source text for
  // name = "value" and point at the value's first character.
  const std::ptrdiff_t o = n.offset_debug();
  if (o < 0) return at(n);
  char quote = 0;
  for (std::size_t i = std::size_t(o); i < text_.size(); ++i) {
    const char c = text_[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (c == '>') break;
    const bool starts = std::isspace(static_cast<unsigned char>(text_[i - 1]));
    if (starts && text_.compare(i, attribute.size(), attribute) == 0) {
      std::size_t j = i + attribute.size();
      while (j < text_.size() && std::isspace(static_cast<unsigned char>(text_[j]))) ++j;
      if (j >= text_.size() || text_[j] != '=') continue;
      ++j;
      while (j < text_.size() && std::isspace(static_cast<unsigned char>(text_[j]))) ++j;
      if (j < text_.size() && (text_[j] == '"' || text_[j] == '\'')) return at_offset(std::ptrdiff_t(j + 1));
    }
  }
  return at(n);
}

void GraphmlReader::read_keys(const pugi::xml_node& root) {
  // Keys belong under <graphml>, but some writers (Gephi's test files among them) put them
  // inside <graph>: take them from both, at any depth of nested graphs, in document order.
  std::vector<pugi::xml_node> found;
  std::vector<pugi::xml_node> stack = {root};
  while (!stack.empty()) {
    pugi::xml_node parent = stack.back();
    stack.pop_back();
    std::vector<pugi::xml_node> below;
    for (auto child : parent.children()) {
      if (xml_element_named(child, "key")) found.push_back(child);
      else if (xml_element_named(child, "graph") || xml_element_named(child, "node")) below.push_back(child);
    }
    for (auto it = below.rbegin(); it != below.rend(); ++it) stack.push_back(*it);
  }
  for (auto k : found) {
    KeyDef key;
    key.id = k.attribute("id").value();
    if (key.id.empty()) fail(at(k), "<key> without id");
    key.name = k.attribute("attr.name") ? k.attribute("attr.name").value() : key.id;
    const std::string type = ascii_lower(k.attribute("attr.type").value());
    if (type == "boolean") key.type = ValueType::boolean;
    else if (type == "int" || type == "long") key.type = ValueType::integer;
    else if (type == "float" || type == "double") key.type = ValueType::real;
    else if (type.empty() || type == "string") key.type = ValueType::string;
    else warn(at_attribute(k, "attr.type"), "unknown attr.type '" + type + "' of key '" + key.id + "'; read as text");
    key.json = std::string_view(k.attribute("wijknet.json").value()) == "true";
    const std::string yfiles = k.attribute("yfiles.type").value();
    key.yfiles_graphics = yfiles == "nodegraphics" || yfiles == "edgegraphics";
    for (auto d : k.children())
      if (xml_element_named(d, "default")) {
        key.default_text = all_text(d);
        key.default_element = d;
      }
    const std::string domain = k.attribute("for") ? ascii_lower(k.attribute("for").value()) : "all";
    if (domain == "node") node_keys_.add(key);
    else if (domain == "edge") edge_keys_.add(key);
    else if (domain == "graph") graph_keys_.add(key);
    else if (domain == "all") {
      // Declared for all, but a specific declaration with the same id keeps precedence.
      if (!node_keys_.find(key.id)) node_keys_.add(key);
      if (!edge_keys_.find(key.id)) edge_keys_.add(key);
      if (!graph_keys_.find(key.id)) graph_keys_.add(key);
    }
    // for="graphml", "hyperedge", "port", "endpoint": nothing of ours carries them.
  }
}

std::vector<Value> GraphmlReader::values_of(const pugi::xml_node& element, const KeyTable& table) {
  std::vector<Value> values;
  std::vector<bool> seen(table.keys.size(), false);
  for (auto d : element.children()) {
    if (!xml_element_named(d, "data")) continue;
    const std::string id = d.attribute("key").value();
    const KeyDef* key = table.find(id);
    if (!key) {
      auto [it, fresh] = undeclared_.try_emplace(id);
      if (fresh) {
        it->second.id = it->second.name = id;
        warn(at(d), "<data key=\"" + id + "\"> has no <key> declaration; read as text named '" + id + "'");
      }
      key = &it->second;
    } else {
      seen[table.by_id.at(id)] = true;
    }
    values.push_back({key, all_text(d), d, d});
  }
  for (std::size_t k = 0; k < table.keys.size(); ++k)
    if (!seen[k] && table.keys[k].default_text)
      values.push_back({&table.keys[k], *table.keys[k].default_text, table.keys[k].default_element, {}});
  return values;
}

Json GraphmlReader::typed(const Value& v) {
  const std::string what = "value '" + std::string(trim(v.text)) + "' of '" + v.key->name + "'";
  switch (v.key->type) {
    case ValueType::boolean:
      if (auto b = to_boolean(v.text)) return *b;
      fail(at(v.element), what + " is not a boolean (true or false)");
    case ValueType::integer:
      if (auto i = read_plain_integer(v.text)) return *i;
      fail(at(v.element), what + " is not an integer");
    case ValueType::real:
      if (auto d = to_double(v.text)) {
        if (std::isfinite(*d)) return *d;
        warn(at(v.element), what + " is not a finite number; kept as null");
        return nullptr;
      }
      fail(at(v.element), what + " is not a number");
    case ValueType::string: break;
  }
  if (v.key->json && json_depth_exceeded(v.text) == std::string_view::npos) {
    Json j = Json::parse(v.text, nullptr, false);
    if (!j.is_discarded()) return j;
  }
  return v.text;
}

std::optional<Date> GraphmlReader::date(const Value& v) {
  const std::string_view t = trim(v.text);
  if (t.empty()) return std::nullopt;
  auto d = Date::parse(t);
  if (!d) fail(at(v.element), "bad date '" + std::string(t) + "' in '" + v.key->name + "': expected YYYY-MM-DD, YYYY-MM or YYYY");
  return d;
}

void GraphmlReader::read_node(const pugi::xml_node& element, Coalition& c) {
  Node node;
  node.id = element.attribute("id").value();
  if (node.id.empty()) fail(at(element), "<node> without id");
  if (c.find(node.id)) {  // networkx and yEd's own writers: the same node again; keep the first
    warn(at_attribute(element, "id"), "duplicate node id '" + node.id + "'; the first <node> is kept, this one skipped");
    return;
  }
  bool has_label = false, has_kind = false;
  std::optional<double> x, y;
  std::string yed_label;
  std::optional<std::array<double, 2>> yed_position;
  for (const Value& v : values_of(element, node_keys_)) {
    if (v.key->yfiles_graphics && v.data) {
      if (auto label = find_descendant(v.data, "NodeLabel")) yed_label = std::string(trim(all_text(label)));
      if (auto g = find_descendant(v.data, "Geometry")) {
        auto gx = to_double(g.attribute("x").value()), gy = to_double(g.attribute("y").value());
        if (gx && gy) yed_position = std::array<double, 2>{*gx, *gy};
      }
      continue;
    }
    const std::string& name = v.key->name;
    const std::string key = field_key(name);
    const Field field = node_field(name);
    if (auto k = attr_key(name)) {
      node.attrs[*k] = typed(v);
    } else if (auto k = attr_key(name, "extra.")) {
      node.extra[*k] = typed(v);
    } else if (field == Field::label) {
      node.label = v.text;
      has_label = true;
    } else if (set_node_text_field(node, field, v.text)) {
      has_kind = has_kind || field == Field::kind;
    } else if (field == Field::since || field == Field::until) {
      (field == Field::since ? node.since : node.until) = date(v);
    } else if ((key == "x" || key == "y") && to_double(v.text)) {
      (key == "x" ? x : y) = to_double(v.text);
    } else {
      node.attrs[name] = typed(v);
    }
  }
  for (auto d : element.children())
    if (xml_element_named(d, "desc")) node.attrs["description"] = all_text(d);
  if (!has_label) node.label = yed_label.empty() ? node.id : yed_label;
  if (!has_kind) node.kind = std::string(kinds::partner);
  if (x && y) {
    c.layout[node.id] = {*x, *y};
  } else if (x || y) {
    node.attrs[x ? "x" : "y"] = x ? *x : *y;  // half a position is not a position; kept as data
  } else if (yed_position) {
    c.layout[node.id] = *yed_position;
  }
  c.add_node(std::move(node));
}

void GraphmlReader::read_edge(const pugi::xml_node& element, bool directed_default, Coalition& c) {
  Edge edge;
  NodeIndex* ends[2] = {&edge.source, &edge.target};
  const char* names[2] = {"source", "target"};
  for (int k = 0; k < 2; ++k) {
    auto a = element.attribute(names[k]);
    if (!a) fail(at(element), std::string("<edge> without ") + names[k]);
    auto index = c.find(a.value());
    if (!index)
      fail(at_attribute(element, names[k]), std::string("edge ") + names[k] + " '" + a.value() + "' is not a node id");
    *ends[k] = *index;
  }
  if (element.attribute("sourceport") || element.attribute("targetport")) {
    if (warned_.insert("port").second) warn(at(element), "ports are not kept; the edge joins the nodes themselves");
  }
  edge.directed = directed_default;
  if (auto d = element.attribute("directed")) {
    auto b = to_boolean(d.value());
    if (!b) fail(at_attribute(element, "directed"), std::string("directed='") + d.value() + "' is not true or false");
    edge.directed = *b;
  }
  if (auto id = element.attribute("id")) edge.extra["id"] = id.value();
  bool has_kind = false;
  for (const Value& v : values_of(element, edge_keys_)) {
    if (v.key->yfiles_graphics && v.data) {
      if (auto label = find_descendant(v.data, "EdgeLabel")) edge.attrs["label"] = std::string(trim(all_text(label)));
      continue;
    }
    const std::string& name = v.key->name;
    const Field field = edge_field(name);
    if (auto k = attr_key(name)) {
      edge.attrs[*k] = typed(v);
    } else if (auto k = attr_key(name, "extra.")) {
      edge.extra[*k] = typed(v);
    } else if (field == Field::kind) {
      edge.kind = field_text(v.text);
      has_kind = true;
    } else if (field == Field::weight) {
      auto w = to_double(v.text);
      if (!w || !std::isfinite(*w)) fail(at(v.element), "weight '" + std::string(trim(v.text)) + "' is not a number");
      edge.weight = *w;
    } else if (field == Field::since || field == Field::until) {
      (field == Field::since ? edge.since : edge.until) = date(v);
    } else if (field == Field::directed && field_flag(v.text)) {
      edge.directed = *field_flag(v.text);  // a mixed network's own direction (write_graphml)
    } else {
      edge.attrs[name] = typed(v);
    }
  }
  for (auto d : element.children())
    if (xml_element_named(d, "desc")) edge.attrs["description"] = all_text(d);
  if (!has_kind) edge.kind = std::string(kinds::collaborates);
  c.edges.push_back(std::move(edge));
}

void GraphmlReader::read_graph_data(const pugi::xml_node& graph, Coalition& c) {
  static const std::unordered_set<std::string> native_keys = {"format", "nodes", "edges", "layout", "name", "area", "themes"};
  for (const Value& v : values_of(graph, graph_keys_)) {
    const std::string& name = v.key->name;
    const std::string key = ascii_lower(name);
    if (key == "name") {
      c.name = v.text;
    } else if (key == "area") {
      c.area = v.text;
    } else if (key == "themes") {
      // wijknet writes its themes as a JSON list; anything else is kept as it is.
      Json list = json_depth_exceeded(v.text) == std::string_view::npos ? Json::parse(v.text, nullptr, false) : Json();
      bool ok = list.is_array();
      if (ok)
        for (const auto& t : list) ok = ok && t.is_object() && t.contains("id") && t["id"].is_string();
      if (!ok) {
        c.extra["graphml_themes"] = v.text;
        continue;
      }
      for (const auto& t : list) {
        Theme theme;
        theme.id = t["id"].get<std::string>();
        theme.label = t.contains("label") && t["label"].is_string() ? t["label"].get<std::string>() : theme.id;
        for (const auto& [k, value] : t.items())
          if (k != "id" && k != "label") theme.extra[k] = value;
        c.themes.push_back(std::move(theme));
      }
    } else if (native_keys.count(name)) {
      c.extra["graphml_" + name] = typed(v);
    } else {
      c.extra[name] = typed(v);
    }
  }
  for (auto d : graph.children())
    if (xml_element_named(d, "desc")) c.extra["description"] = all_text(d);
}

Coalition GraphmlReader::read() {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    // A file cut short shows as an unclosed element at its very end; say so plainly.
    const bool truncated = std::size_t(result.offset) + 1 >= text_.size() &&
                           (result.status == pugi::status_end_element_mismatch || result.status == pugi::status_bad_start_element ||
                            result.status == pugi::status_bad_attribute || result.status == pugi::status_bad_cdata ||
                            result.status == pugi::status_bad_comment || result.status == pugi::status_bad_pcdata);
    if (truncated) fail(at_offset(std::ptrdiff_t(text_.size())), "malformed XML: the file ends before its elements are closed (cut short?)");
    fail(at_offset(result.offset), std::string("malformed XML: ") + result.description());
  }
  pugi::xml_node root = doc.document_element();
  if (!xml_element_named(root, "graphml"))
    fail(at(root), "not a GraphML document: the root element is <" + std::string(root.name()) + ">, not <graphml>");
  // GraphML's schema allows no text of its own in <graphml>, <key> (outside <default>) or
  // <graph>; text there is a damaged file (igraph's fuzz regressions), never data.
  std::vector<pugi::xml_node> holders{root};
  for (std::size_t i = 0; i < holders.size(); ++i)
    for (auto child : holders[i].children()) {
      if (child.type() == pugi::node_pcdata && !trim(child.value()).empty())
        fail(at(child), "text '" + std::string(trim(child.value())).substr(0, 20) + "' inside <" +
                            std::string(xml_local_name(holders[i])) + ">, where GraphML allows only elements");
      if (xml_element_named(child, "key") || xml_element_named(child, "graph")) holders.push_back(child);
    }
  read_keys(root);

  Coalition c;
  // Nodes first, everywhere (nested graphs included), then edges: GraphML lets an edge come
  // before the nodes it joins.
  struct PendingEdge {
    pugi::xml_node element;
    bool directed_default;
  };
  std::vector<PendingEdge> edges;
  std::vector<std::pair<pugi::xml_node, int>> graphs;  // (graph, depth)
  int top_graphs = 0;
  for (auto g = root.last_child(); g; g = g.previous_sibling())
    if (xml_element_named(g, "graph")) {
      graphs.emplace_back(g, 0);
      ++top_graphs;
    }
  if (top_graphs == 0) fail(at(root), "no <graph> in this GraphML document");
  if (top_graphs > 1) warn(at(root), std::to_string(top_graphs) + " graphs in one file; read as one network");
  bool first_top = true;
  while (!graphs.empty()) {
    auto [graph, depth] = graphs.back();
    graphs.pop_back();
    const std::string edgedefault = ascii_lower(graph.attribute("edgedefault").value());
    if (!edgedefault.empty() && edgedefault != "directed" && edgedefault != "undirected")
      fail(at_attribute(graph, "edgedefault"), "edgedefault='" + edgedefault + "' is not directed or undirected");
    const bool directed = edgedefault == "directed";
    if (depth == 0 && first_top) {
      read_graph_data(graph, c);
      first_top = false;
    } else if (depth > 0 && warned_.insert("nested").second) {
      warn(at(graph), "nested graph flattened into one network");
    }
    std::vector<pugi::xml_node> nested;
    for (auto child : graph.children()) {
      if (xml_element_named(child, "node")) {
        read_node(child, c);
        for (auto g : child.children())
          if (xml_element_named(g, "graph")) nested.push_back(g);
      } else if (xml_element_named(child, "edge")) {
        edges.push_back({child, directed});
        for (auto g : child.children())
          if (xml_element_named(g, "graph")) nested.push_back(g);
      } else if (xml_element_named(child, "hyperedge")) {
        warn(at(child), "hyperedge skipped: a tie joins two nodes");
      }
    }
    for (auto it = nested.rbegin(); it != nested.rend(); ++it) graphs.emplace_back(*it, depth + 1);
  }
  c.edges.reserve(edges.size());
  for (const auto& e : edges) read_edge(e.element, e.directed_default, c);

  report_.format = "graphml";
  report_.nodes_read = c.nodes.size();
  report_.edges_read = c.edges.size();
  return c;
}

// ---------------------------------------------------------------------------------------------
// Writing.

std::string number_text(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

// The narrowest GraphML type that holds every value seen.
struct TypeVote {
  bool any = false, all_bool = true, all_int = true, all_number = true;
  bool structured = false;  // an object or a list: written as JSON text, marked on its key
  bool all_string = true;
  void see(const Json& v) {
    if (v.is_null()) return;
    any = true;
    structured = structured || v.is_object() || v.is_array();
    all_string = all_string && v.is_string();
    all_bool = all_bool && v.is_boolean();
    all_int = all_int && v.is_number_integer();
    all_number = all_number && v.is_number();
  }
  // Text here, numbers there (DOT's color=1 and color=white): no one GraphML type holds both.
  bool mixed() const { return any && !all_string && !all_number && !all_bool; }
  const char* type() const {
    if (!any) return "string";
    if (all_bool) return "boolean";
    if (all_int) return "long";
    if (all_number) return "double";
    return "string";
  }
};

std::string value_text(const Json& v, const std::string& type) {
  if (type == "string") return v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (type == "boolean") return v.get<bool>() ? "true" : "false";
  if (type == "long") return v.dump();
  return number_text(v.get<double>());
}

class KeyRegistry {
 public:
  // Declares (once) a key for this domain and name; returns its id.
  const std::string& key(const char* domain, const std::string& name, const char* type, bool json = false) {
    auto [it, fresh] = ids_.try_emplace(std::string(domain) + '\n' + name);
    if (fresh) {
      it->second = "d" + std::to_string(order_.size());
      order_.push_back({it->second, domain, name, type, json});
    }
    return it->second;
  }
  struct Declared {
    std::string id;
    const char* domain;
    std::string name;
    std::string type;
    bool json = false;
  };
  const std::vector<Declared>& declared() const { return order_; }

 private:
  std::unordered_map<std::string, std::string> ids_;
  std::vector<Declared> order_;
};

// An attrs key the reader would take for a field, a position or an extra is written "attr.KEY".
std::string node_attr_name(const std::string& key) {
  return reserved_node_key(key, {"x", "y"}) || attr_key(key, "extra.") ? std::string(attr_prefix) + key : key;
}
std::string edge_attr_name(const std::string& key) {
  return reserved_edge_key(key) || attr_key(key, "extra.") ? std::string(attr_prefix) + key : key;
}

// The data names of an element's attrs and extra keys, with their GraphML types.
struct AttrSchema {
  std::vector<std::string> names;  // in first-seen order
  std::unordered_map<std::string, TypeVote> votes;
  void see(const std::string& name, const Json& v) {
    auto [it, fresh] = votes.try_emplace(name);
    if (fresh) names.push_back(name);
    it->second.see(v);
  }
};

}  // namespace

Coalition read_graphml(std::istream& in, const std::string& source_name, ImportReport& report,
                       const ReadOptions& options) {
  const std::string text = read_text(in, source_name, report, options, DeclaredEncoding::xml);
  return GraphmlReader(text, source_name, report, options).read();
}

void write_graphml(const Coalition& c, std::ostream& out) {
  // Which data each element carries, and the type of each attribute across all elements.
  AttrSchema node_attrs, edge_attrs, graph_attrs;
  for (const auto& n : c.nodes) {
    for (const auto& [k, v] : n.attrs.items()) node_attrs.see(node_attr_name(k), v);
    for (const auto& [k, v] : n.extra.items()) node_attrs.see("extra." + k, v);
  }
  for (const auto& e : c.edges) {
    for (const auto& [k, v] : e.attrs.items()) edge_attrs.see(edge_attr_name(k), v);
    for (const auto& [k, v] : e.extra.items())
      if (!(k == "id" && v.is_string())) edge_attrs.see("extra." + k, v);
  }
  for (const auto& [k, v] : c.extra.items()) graph_attrs.see(k, v);

  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto graphml = doc.append_child("graphml");
  graphml.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  graphml.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  graphml.append_attribute("xsi:schemaLocation") =
      "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

  // Keys are declared as they are first used; they must precede the graph, so they are
  // inserted before it at the end.
  KeyRegistry keys;
  auto graph = graphml.append_child("graph");
  graph.append_attribute("id") = "G";
  bool all_directed = !c.edges.empty(), any_directed = false;
  for (const auto& e : c.edges) {
    all_directed = all_directed && e.directed;
    any_directed = any_directed || e.directed;
  }
  // A mixed network is written undirected with each tie's own direction in its "directed" data:
  // networkx 2.8 refuses an edge whose directed attribute differs from edgedefault.
  const bool mixed = any_directed && !all_directed;
  graph.append_attribute("edgedefault") = all_directed ? "directed" : "undirected";

  auto data = [&](pugi::xml_node parent, const char* domain, const std::string& name, const char* type,
                  const std::string& text, bool json = false) {
    auto d = parent.append_child("data");
    d.append_attribute("key") = keys.key(domain, name, type, json).c_str();
    d.append_child(pugi::node_pcdata).set_value(xml_safe(text).c_str());
  };
  auto json_data = [&](pugi::xml_node parent, const char* domain, const std::string& name, const Json& v,
                       const AttrSchema& schema) {
    if (v.is_null()) return;
    const TypeVote& vote = schema.votes.at(name);
    // Objects and lists (Gephi's viz, tags) go as JSON text, every value of that key alike, and
    // the key says so (wijknet.json, which other readers ignore), so they come back as they were.
    if (vote.structured || vote.mixed()) return data(parent, domain, name, "string", v.dump(-1, ' ', false, Json::error_handler_t::replace), true);
    const char* type = vote.type();
    data(parent, domain, name, type, value_text(v, type));
  };

  if (!c.name.empty()) data(graph, "graph", "name", "string", c.name);
  if (!c.area.empty()) data(graph, "graph", "area", "string", c.area);
  if (!c.themes.empty()) {
    Json themes = Json::array();
    for (const auto& t : c.themes) {
      Json j = {{"id", t.id}, {"label", t.label}};
      for (const auto& [k, v] : t.extra.items()) j[k] = v;
      themes.push_back(std::move(j));
    }
    data(graph, "graph", "themes", "string", themes.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  for (const auto& [k, v] : c.extra.items()) json_data(graph, "graph", k, v, graph_attrs);

  for (const auto& n : c.nodes) {
    auto node = graph.append_child("node");
    node.append_attribute("id") = xml_safe(n.id).c_str();
    data(node, "node", "label", "string", n.label);
    data(node, "node", "kind", "string", n.kind);
    if (!n.sector.empty()) data(node, "node", "sector", "string", n.sector);
    if (!n.themes.empty()) {
      std::string joined;
      for (const auto& t : n.themes) joined += (joined.empty() ? "" : "|") + t;
      data(node, "node", "themes", "string", joined);
    }
    if (!n.role.empty()) data(node, "node", "role", "string", n.role);
    if (n.since) data(node, "node", "since", "string", n.since->str());
    if (n.until) data(node, "node", "until", "string", n.until->str());
    if (auto it = c.layout.find(n.id); it != c.layout.end()) {
      data(node, "node", "x", "double", number_text(it->second[0]));
      data(node, "node", "y", "double", number_text(it->second[1]));
    }
    for (const auto& [k, v] : n.attrs.items()) json_data(node, "node", node_attr_name(k), v, node_attrs);
    for (const auto& [k, v] : n.extra.items()) json_data(node, "node", "extra." + k, v, node_attrs);
  }

  std::unordered_set<std::string> edge_ids;
  for (std::size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& e = c.edges[i];
    if (e.source >= c.nodes.size() || e.target >= c.nodes.size())
      throw WriteError("edge " + std::to_string(i) + " refers to a node that is not in the coalition");
    auto edge = graph.append_child("edge");
    // An edge id is written once: a repeated one (several targets in one Kumu cell) goes to
    // extra.id data instead, so that the file stays valid and the id comes back.
    bool repeated_id = false;
    if (auto id = e.extra.find("id"); id != e.extra.end() && id->is_string()) {
      if (edge_ids.insert(id->get<std::string>()).second) edge.append_attribute("id") = xml_safe(id->get<std::string>()).c_str();
      else repeated_id = true;
    }
    edge.append_attribute("source") = xml_safe(c.nodes[e.source].id).c_str();
    edge.append_attribute("target") = xml_safe(c.nodes[e.target].id).c_str();
    if (mixed) data(edge, "edge", "directed", "boolean", e.directed ? "true" : "false");
    if (repeated_id) data(edge, "edge", "extra.id", "string", e.extra["id"].get<std::string>());
    data(edge, "edge", "kind", "string", e.kind);
    data(edge, "edge", "weight", "double", number_text(e.weight));
    if (e.since) data(edge, "edge", "since", "string", e.since->str());
    if (e.until) data(edge, "edge", "until", "string", e.until->str());
    for (const auto& [k, v] : e.attrs.items()) json_data(edge, "edge", edge_attr_name(k), v, edge_attrs);
    for (const auto& [k, v] : e.extra.items())
      if (!(k == "id" && v.is_string())) json_data(edge, "edge", "extra." + k, v, edge_attrs);
  }

  for (const auto& k : keys.declared()) {
    auto key = graphml.insert_child_before("key", graph);
    key.append_attribute("id") = k.id.c_str();
    key.append_attribute("for") = k.domain;
    key.append_attribute("attr.name") = xml_safe(k.name).c_str();
    key.append_attribute("attr.type") = k.type.c_str();
    if (k.json) key.append_attribute("wijknet.json") = "true";
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace wijknet
