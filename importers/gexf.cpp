#include "importers/gexf.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/csv_table.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"
#include "importers/xml_common.hpp"

namespace wijknet {
namespace {

// ---- Text helpers -------------------------------------------------------------------------

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c : n.children())
    if (xml_element_named(c, name)) return c;
  return {};
}

bool non_finite_word(std::string_view s) {
  std::string t = ascii_lower(trim(s));
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.erase(0, 1);
  return t == "nan" || t == "inf" || t == "infinity";
}

// ---- Positions in the source ----------------------------------------------------------------

class Source {
 public:
  Source(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {}
  const std::string& name() const { return name_; }

  SourceLocation at_offset(std::size_t offset) const { return location_at(text_, offset, name_); }

  // The '<' that opens element `n`.
  SourceLocation at(const pugi::xml_node& n) const {
    auto off = n.offset_debug();
    if (off < 0) return SourceLocation{name_};
    return at_offset(off > 0 && text_[off - 1] == '<' ? off - 1 : off);
  }

  // The first character of attribute `name`'s value in the start tag of `n` (the element when
  // the attribute is absent).
  SourceLocation at(const pugi::xml_node& n, std::string_view name) const {
    auto off = n.offset_debug();
    if (off < 0) return SourceLocation{name_};
    std::size_t i = off;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < text_.size() && !is_space(text_[i]) && text_[i] != '>' && text_[i] != '/') ++i;  // element name
    while (i < text_.size()) {
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i >= text_.size() || text_[i] == '>' || text_[i] == '/') break;
      std::size_t name_start = i;
      while (i < text_.size() && !is_space(text_[i]) && text_[i] != '=' && text_[i] != '>') ++i;
      std::string_view an = text_.substr(name_start, i - name_start);
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i >= text_.size() || text_[i] != '=') break;
      ++i;
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i >= text_.size() || (text_[i] != '"' && text_[i] != '\'')) break;
      char quote = text_[i++];
      if (an == name) return at_offset(i);
      auto close = text_.find(quote, i);
      if (close == std::string_view::npos) break;
      i = close + 1;
    }
    return at(n);
  }

 private:
  std::string_view text_;
  std::string name_;
};

// ---- Reading ---------------------------------------------------------------------------------

enum class ValueType { integer, real, boolean, string, list_integer, list_real, list_boolean, list_string };

ValueType value_type(std::string_view declared) {
  std::string t = ascii_lower(trim(declared));
  bool list = t.rfind("list", 0) == 0;
  if (list) t.erase(0, 4);
  ValueType scalar = ValueType::string;
  if (t == "integer" || t == "long" || t == "short" || t == "byte" || t == "biginteger" || t == "int")
    scalar = ValueType::integer;
  else if (t == "float" || t == "double" || t == "bigdecimal")
    scalar = ValueType::real;
  else if (t == "boolean")
    scalar = ValueType::boolean;
  if (!list) return scalar;
  switch (scalar) {
    case ValueType::integer: return ValueType::list_integer;
    case ValueType::real: return ValueType::list_real;
    case ValueType::boolean: return ValueType::list_boolean;
    default: return ValueType::list_string;
  }
}

struct AttributeDef {
  std::string id, title;
  ValueType type = ValueType::string;
  std::string type_name;
  std::optional<Json> default_value;
};

struct AttributeTable {
  std::vector<AttributeDef> defs;
  std::unordered_map<std::string, std::size_t> by_id;
};

// One scalar in its declared type; nullopt when it does not fit.
std::optional<Json> scalar(std::string_view text, ValueType t) {
  switch (t) {
    case ValueType::integer:
      if (auto v = read_plain_integer(text)) return Json(*v);
      // Gephi writes integers of a float column as "1.0"; accept a whole number.
      if (auto d = read_plain_number(text); d && std::floor(*d) == *d && std::fabs(*d) < 9e15) return Json(static_cast<long long>(*d));
      return std::nullopt;
    case ValueType::real:
      if (auto v = read_plain_number(text)) return Json(*v);
      if (non_finite_word(text)) return Json(std::string(trim(text)));  // JSON holds no NaN or infinity
      return std::nullopt;
    case ValueType::boolean: {
      std::string b = ascii_lower(trim(text));
      if (b == "true" || b == "1") return Json(true);
      if (b == "false" || b == "0") return Json(false);
      return std::nullopt;
    }
    default:
      return Json(std::string(text));
  }
}

std::optional<Json> typed(std::string_view text, ValueType t) {
  ValueType element;
  switch (t) {
    case ValueType::list_integer: element = ValueType::integer; break;
    case ValueType::list_real: element = ValueType::real; break;
    case ValueType::list_boolean: element = ValueType::boolean; break;
    case ValueType::list_string: element = ValueType::string; break;
    default: return scalar(text, t);
  }
  // Lists: "[a, b, c]" (Gephi 0.9) or "a|b|c" (GEXF 1.2 liststring).
  std::string_view s = trim(text);
  char sep = '|';
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
    s = s.substr(1, s.size() - 2);
    sep = ',';
  }
  Json out = Json::array();
  if (trim(s).empty()) return out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) pos = s.size();
    std::string_view item = trim(s.substr(start, pos - start));
    auto v = scalar(item, element);
    if (!v) return std::nullopt;
    out.push_back(*v);
    start = pos + 1;
  }
  return out;
}

const char* type_word(ValueType t) {
  switch (t) {
    case ValueType::integer: return "an integer";
    case ValueType::real: return "a number";
    case ValueType::boolean: return "true or false";
    case ValueType::list_integer: return "a list of integers";
    case ValueType::list_real: return "a list of numbers";
    case ValueType::list_boolean: return "a list of booleans";
    default: return "text";
  }
}

class Reader {
 public:
  Reader(const Source& src, ImportReport& report, const ReadOptions& options)
      : src_(src), report_(report), options_(options) {}

  Coalition read(const pugi::xml_document& doc) {
    pugi::xml_node root = doc.document_element();
    if (!root) throw InputError(SourceLocation{src_.name(), 1, 1}, "empty document; expected <gexf>");
    if (xml_local_name(root) != "gexf")
      throw InputError(src_.at(root), "not a GEXF file: the root element is <" + std::string(root.name()) + ">, expected <gexf>");
    if (auto meta = child(root, "meta")) {
      if (auto t = child(meta, "title")) c_.name = std::string(trim(t.text().get()));
      if (auto d = child(meta, "description")) c_.extra["description"] = std::string(trim(d.text().get()));
    }
    pugi::xml_node graph = child(root, "graph");
    if (!graph) {  // Gephi's own meta-only file: an empty network, as Gephi opens it
      add_warning(report_, options_, src_.at(root), "no <graph> element in <gexf>; the network is empty");
      return std::move(c_);
    }

    std::string edge_default = ascii_lower(graph.attribute("defaultedgetype").as_string("undirected"));
    if (edge_default != "directed" && edge_default != "undirected" && edge_default != "mutual" && edge_default != "mixed")
      add_warning(report_, options_, src_.at(graph, "defaultedgetype"),
                  "defaultedgetype '" + edge_default + "' is not directed, undirected or mutual; undirected used");
    default_directed_ = edge_default == "directed";
    Json graph_extra = Json::object();
    for (auto a : graph.attributes()) {
      std::string n = a.name();
      if (n == "defaultedgetype" || n == "timeformat" || n == "idtype") continue;
      graph_extra[n] = a.value();
    }
    if (!graph_extra.empty()) c_.extra["gexf"] = graph_extra;

    for (auto a : graph.children()) {
      if (!xml_element_named(a, "attributes")) continue;
      std::string cls = ascii_lower(a.attribute("class").as_string("node"));
      AttributeTable& table = cls == "edge" ? edge_attrs_ : node_attrs_;
      for (auto def : a.children()) {
        if (!xml_element_named(def, "attribute")) continue;
        AttributeDef d;
        d.id = def.attribute("id").as_string();
        d.title = def.attribute("title").as_string(d.id.c_str());
        if (d.id.empty()) d.id = d.title;
        d.type_name = def.attribute("type").as_string("string");
        d.type = value_type(d.type_name);
        if (auto dv = child(def, "default")) {
          auto v = typed(dv.text().get(), d.type);
          if (!v) throw InputError(src_.at(dv), "default '" + std::string(dv.text().get()) + "' of attribute '" + d.title +
                                                    "' is not " + type_word(d.type));
          d.default_value = *v;
        }
        if (auto it = table.by_id.find(d.id); it != table.by_id.end()) {
          table.defs[it->second] = d;
        } else {
          table.by_id.emplace(d.id, table.defs.size());
          table.defs.push_back(d);
        }
      }
    }

    // Nodes, nested ones included, without recursion: (element, parent id).
    if (auto nodes = child(graph, "nodes")) {
      std::vector<std::pair<pugi::xml_node, std::string>> stack;
      for (auto n = nodes.last_child(); n; n = n.previous_sibling())
        if (xml_element_named(n, "node")) stack.emplace_back(n, "");
      while (!stack.empty()) {
        auto [n, parent] = stack.back();
        stack.pop_back();
        std::string id = read_node(n, parent);
        if (auto sub = child(n, "nodes"))
          for (auto k = sub.last_child(); k; k = k.previous_sibling())
            if (xml_element_named(k, "node")) stack.emplace_back(k, id);
      }
    }
    if (auto edges = child(graph, "edges"))
      for (auto e : edges.children())
        if (xml_element_named(e, "edge")) read_edge(e);
    return std::move(c_);
  }

 private:
  // attvalues of `el` into `attrs` (typed), then defaults for what is missing.
  void read_attvalues(const pugi::xml_node& el, const AttributeTable& table, Json& attrs) {
    std::vector<pugi::xml_node> values;
    for (auto a : el.children()) {
      if (xml_element_named(a, "attvalue")) values.push_back(a);
      if (xml_element_named(a, "attvalues"))
        for (auto v : a.children())
          if (xml_element_named(v, "attvalue")) values.push_back(v);
    }
    std::set<std::string> seen;
    for (const auto& v : values) {
      std::string key = v.attribute("for").as_string(v.attribute("id").as_string());
      auto it = table.by_id.find(key);
      const AttributeDef* def = nullptr;
      if (it == table.by_id.end()) {
        // A title used as the reference is a common slip; accept it.
        for (const auto& d : table.defs)
          if (d.title == key) def = &d;
        if (!def) {
          add_warning(report_, options_, src_.at(v, "for"),
                      "attvalue for undeclared attribute '" + key + "'; kept as text");
          attrs[key] = v.attribute("value").as_string();
          continue;
        }
      } else {
        def = &table.defs[it->second];
      }
      // Gephi writes value="null" for a missing number or boolean (includenullattvalues).
      if (std::string_view(v.attribute("value").as_string()) == "null" && def->type != ValueType::string) continue;
      auto value = typed(v.attribute("value").as_string(), def->type);
      if (!value)
        throw InputError(src_.at(v, "value"), "value '" + std::string(v.attribute("value").as_string()) +
                                                  "' of attribute '" + def->title + "' is not " + type_word(def->type) +
                                                  " (declared type " + def->type_name + ")");
      seen.insert(def->id);
      const bool timed = v.attribute("start") || v.attribute("end") || v.attribute("startopen") || v.attribute("endopen");
      if (timed) {
        Json item = {{"value", *value}};
        for (const char* b : {"start", "end", "startopen", "endopen"})
          if (auto a = v.attribute(b)) item[b] = a.value();
        Json& slot = attrs[def->title];
        if (!slot.is_array() || slot.empty() || !slot[0].is_object() || !slot[0].contains("value")) slot = Json::array();
        slot.push_back(item);
      } else {
        attrs[def->title] = *value;
      }
    }
    for (const auto& d : table.defs)
      if (d.default_value && !seen.count(d.id) && !attrs.contains(d.title)) attrs[d.title] = *d.default_value;
  }

  static std::string text_of(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

  // A date in an attribute titled "since" or "until"; an error at the element when it is none.
  std::optional<Date> date_of(const pugi::xml_node& el, const std::string& title, const Json& value) {
    auto d = Date::parse(field_text(text_of(value)));
    if (!d) throw InputError(src_.at(el), "'" + text_of(value) + "' in '" + title + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return d;
  }

  // Moves attributes whose titles name model fields (importers/fields.hpp) into the node.
  void node_fields(const pugi::xml_node& el, Node& n, Json& attrs) {
    Json kept = Json::object();
    for (auto& item : attrs.items()) {
      // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
      const std::string& key = item.key();
      Json& value = item.value();
      const Field field = node_field(key);
      if (field == Field::label) n.label = text_of(value);
      else if (field == Field::themes && value.is_array()) n.themes = list_of(value);
      else if (set_node_text_field(n, field, text_of(value))) continue;
      else if (field == Field::since) n.since = date_of(el, key, value);
      else if (field == Field::until) n.until = date_of(el, key, value);
      else kept[attr_key(key).value_or(key)] = value;
    }
    attrs = std::move(kept);
  }

  // A liststring's items (GEXF 1.3 lists), each trimmed as field_list trims.
  static std::vector<std::string> list_of(const Json& v) {
    std::vector<std::string> out;
    for (const auto& x : v)
      if (auto item = field_text(text_of(x)); !item.empty()) out.push_back(std::move(item));
    return out;
  }

  // start/end, spells and slices of `el` -> since/until or attrs.
  void read_time(const pugi::xml_node& el, std::optional<Date>& since, std::optional<Date>& until, Json& attrs) {
    std::vector<TimeInterval> intervals;
    auto bound = [](const pugi::xml_node& x, const char* closed, const char* open, const char* infinity) {
      if (auto a = x.attribute(closed)) return std::string(a.value());
      if (auto a = x.attribute(open)) return std::string(a.value());
      return std::string(infinity);
    };
    auto has_time = [](const pugi::xml_node& x) {
      return x.attribute("start") || x.attribute("end") || x.attribute("startopen") || x.attribute("endopen");
    };
    if (has_time(el)) intervals.push_back({bound(el, "start", "startopen", "-Infinity"), bound(el, "end", "endopen", "Infinity")});
    for (const char* group : {"spells", "slices"}) {
      pugi::xml_node g = child(el, group);
      for (auto s : g.children())
        if (xml_element_named(s, "spell") || xml_element_named(s, "slice"))
          intervals.push_back({bound(s, "start", "startopen", "-Infinity"), bound(s, "end", "endopen", "Infinity")});
    }
    if (auto ts = el.attribute("timestamps")) attrs["timestamps"] = ts.value();
    if (auto ts = child(el, "timestamps")) {
      Json list = Json::array();
      for (auto t : ts.children())
        if (xml_element_named(t, "timestamp")) list.push_back(t.attribute("value").as_string());
      attrs["timestamps"] = list;
    }
    if (auto ts = el.attribute("timestamp")) attrs["timestamp"] = ts.value();
    if (intervals.empty()) return;
    if (auto p = period_of(intervals)) {
      since = p->since;
      until = p->until;
      if (intervals.size() > 1) attrs["spells"] = spells_json(intervals);
      return;
    }
    if (intervals.size() == 1) {
      if (intervals[0].start != "-Infinity") attrs["start"] = intervals[0].start;
      if (intervals[0].end != "Infinity") attrs["end"] = intervals[0].end;
    } else {
      attrs["spells"] = spells_json(intervals);
    }
  }

  static Json spells_json(const std::vector<TimeInterval>& intervals) {
    Json out = Json::array();
    for (const auto& iv : intervals) out.push_back(Json::array({iv.start, iv.end}));
    return out;
  }

  double number(const pugi::xml_node& el, const char* name, double fallback) {
    auto a = el.attribute(name);
    if (!a) return fallback;
    auto v = read_plain_number(a.value());
    if (!v) throw InputError(src_.at(el, name), std::string(name) + " '" + a.value() + "' is not a number");
    return *v;
  }

  // viz:* children -> layout (nodes only) and attrs.viz.
  void read_viz(const pugi::xml_node& el, const std::string* node_id, Json& attrs) {
    Json viz = Json::object();
    for (auto v : el.children()) {
      if (v.type() != pugi::node_element) continue;
      std::string_view name = xml_local_name(v);
      if (name == "position") {
        double x = number(v, "x", 0), y = number(v, "y", 0), z = number(v, "z", 0);
        if (node_id) c_.layout[*node_id] = {x, y};
        if (z != 0) viz["z"] = z;
      } else if (name == "color") {
        Json color = Json::object();
        if (auto hex = v.attribute("hex")) {
          color["hex"] = hex.value();
        } else {
          for (const char* ch : {"r", "g", "b"}) {
            auto a = v.attribute(ch);
            auto i = read_plain_integer(a.value());
            if (a && (!i || *i < 0 || *i > 255))
              throw InputError(src_.at(v, ch), std::string("colour component ") + ch + " '" + a.value() +
                                                   "' is not a whole number from 0 to 255");
            color[ch] = i ? *i : 0;
          }
        }
        if (v.attribute("a")) color["a"] = number(v, "a", 1.0);
        viz["color"] = color;
      } else if (name == "size") {
        viz["size"] = number(v, "value", 1.0);
      } else if (name == "thickness") {
        viz["thickness"] = number(v, "value", 1.0);
      } else if (name == "shape") {
        viz["shape"] = v.attribute("value").as_string();
        if (auto uri = v.attribute("uri")) viz["uri"] = uri.value();
      }
    }
    if (!viz.empty()) attrs["viz"] = viz;
  }

  std::string read_node(const pugi::xml_node& n, const std::string& parent) {
    std::string id = n.attribute("id").as_string();
    if (!n.attribute("id") || trim(id).empty()) throw InputError(src_.at(n), "node without id");
    std::size_t index;
    if (auto found = c_.find(id)) {
      index = *found;
      add_warning(report_, options_, src_.at(n, "id"), "node id '" + id + "' appears twice; the later node updates it");
    } else {
      Node node;
      node.id = id;
      index = c_.add_node(std::move(node));
    }
    Node& node = c_.nodes[index];
    if (auto l = n.attribute("label")) node.label = l.value();
    Json attrs = Json::object();
    read_attvalues(n, node_attrs_, attrs);
    read_time(n, node.since, node.until, attrs);
    read_viz(n, &node.id, attrs);
    if (auto pid = n.attribute("pid")) attrs["pid"] = pid.value();
    else if (!parent.empty()) attrs["pid"] = parent;
    if (auto parents = child(n, "parents")) {
      Json list = Json::array();
      for (auto p : parents.children())
        if (xml_element_named(p, "parent")) list.push_back(p.attribute("for").as_string());
      attrs["parents"] = list;
    }
    node_fields(n, node, attrs);
    for (auto& [k, v] : attrs.items()) node.attrs[k] = v;
    if (node.label.empty()) node.label = node.id;
    if (node.kind.empty()) node.kind = std::string(kinds::partner);
    return id;
  }

  std::size_t endpoint(const pugi::xml_node& e, const char* which) {
    auto a = e.attribute(which);
    if (!a) throw InputError(src_.at(e), std::string("edge without ") + which);
    std::string id = a.value();
    if (auto i = c_.find(id)) return *i;
    add_warning(report_, options_, src_.at(e, which), std::string(which) + " '" + id + "' is not a node; added");
    Node n;
    n.id = id;
    n.label = id;
    n.kind = std::string(kinds::partner);
    return c_.add_node(std::move(n));
  }

  void read_edge(const pugi::xml_node& el) {
    Edge e;
    e.source = endpoint(el, "source");
    e.target = endpoint(el, "target");
    e.directed = default_directed_;
    if (auto t = el.attribute("type")) {
      std::string v = ascii_lower(t.value());
      if (v == "directed") e.directed = true;
      else if (v == "undirected" || v == "mutual") e.directed = false;
      else add_warning(report_, options_, src_.at(el, "type"), "edge type '" + v + "' is not directed, undirected or mutual; ignored");
    }
    e.weight = number(el, "weight", 1.0);
    bool weight_given = static_cast<bool>(el.attribute("weight"));
    Json attrs = Json::object();
    read_attvalues(el, edge_attrs_, attrs);
    read_time(el, e.since, e.until, attrs);
    read_viz(el, nullptr, attrs);
    if (auto l = el.attribute("label")) attrs["label"] = l.value();
    if (auto id = el.attribute("id")) e.extra["id"] = std::string(trim(id.value()));
    if (auto k = el.attribute("kind")) e.kind = k.value();
    Json kept = Json::object();
    for (auto& item : attrs.items()) {
      // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
      const std::string& key = item.key();
      Json& value = item.value();
      const Field field = edge_field(key);
      if (field == Field::kind) {
        e.kind = field_text(text_of(value));
      } else if (field == Field::weight && value.is_number()) {
        if (!weight_given) e.weight = value.get<double>();  // Gephi's dynamic weight column
      } else if (field == Field::directed && value.is_boolean()) {
        e.directed = value.get<bool>();  // a mixed network's own direction (write_gexf)
      } else if (field == Field::since || field == Field::until) {
        (field == Field::since ? e.since : e.until) = date_of(el, key, value);
      } else {
        kept[attr_key(key).value_or(key)] = value;
      }
    }
    e.attrs = std::move(kept);
    if (e.kind.empty()) e.kind = std::string(kinds::collaborates);
    c_.add_edge(std::move(e));
  }

  const Source& src_;
  ImportReport& report_;
  const ReadOptions& options_;
  Coalition c_;
  AttributeTable node_attrs_, edge_attrs_;
  bool default_directed_ = false;
};

// ---- Writing ---------------------------------------------------------------------------------

std::string number_text(double v) { return Json(v).dump(); }

std::string full_date(const Date& d) { return Date(d.year(), d.month(), d.day()).str(); }

struct Column {
  std::string id, title, type;
  std::string key;  // attrs key
};

// A title the reader would take for a field is written "attr.KEY". An edge's "label" is its
// label attribute (which networkx also takes an attribute titled so for).
bool reserved_node_title(const std::string& key) { return reserved_node_key(key); }
bool reserved_edge_title(const std::string& key) { return reserved_edge_key(key, {"label"}); }

// The GEXF type of one attrs key over all elements that have it.
std::string column_type(const std::vector<const Json*>& values) {
  bool all_bool = true, all_int = true, all_num = true, all_str_list = true;
  for (const Json* v : values) {
    all_bool &= v->is_boolean();
    all_int &= v->is_number_integer();
    all_num &= v->is_number();
    bool str_list = v->is_array();
    if (str_list)
      for (const auto& x : *v) str_list &= x.is_string() && x.get_ref<const std::string&>().find('|') == std::string::npos;
    all_str_list &= str_list;
  }
  if (all_bool) return "boolean";
  if (all_int) return "long";
  if (all_num) return "double";
  if (all_str_list) return "liststring";
  return "string";
}

std::string value_text(const Json& v, const std::string& type) {
  if (type == "liststring") {
    std::string out;
    for (const auto& x : v) {
      if (!out.empty()) out += '|';
      out += x.get<std::string>();
    }
    return out;
  }
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

std::vector<Column> columns_for(const std::vector<const Json*>& all, bool nodes, const char* skip) {
  std::vector<std::string> keys;
  std::map<std::string, std::vector<const Json*>> values;
  for (const Json* attrs : all)
    for (const auto& [k, v] : attrs->items()) {
      if (k == skip || (nodes && k == "viz") || (!nodes && (k == "label" || k == "viz"))) continue;
      if (v.is_null()) continue;
      auto& list = values[k];
      if (list.empty()) keys.push_back(k);
      list.push_back(&v);
    }
  std::vector<Column> cols;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Column col;
    col.key = keys[i];
    col.id = std::to_string(i);
    col.title = (nodes ? reserved_node_title(keys[i]) : reserved_edge_title(keys[i])) ? "attr." + keys[i] : keys[i];
    col.type = column_type(values[keys[i]]);
    cols.push_back(std::move(col));
  }
  return cols;
}

void declare(pugi::xml_node attributes, const std::string& id, const std::string& title, const std::string& type) {
  auto a = attributes.append_child("attribute");
  a.append_attribute("id") = id.c_str();
  a.append_attribute("title") = xml_safe(title).c_str();
  a.append_attribute("type") = type.c_str();
}

void attvalue(pugi::xml_node values, const std::string& id, const std::string& text) {
  auto v = values.append_child("attvalue");
  v.append_attribute("for") = id.c_str();
  v.append_attribute("value") = xml_safe(text).c_str();
}

// attrs.viz back to viz:* elements, in the order of its keys, so that a round trip keeps it.
void write_viz(pugi::xml_node el, const Json& viz) {
  if (!viz.is_object()) return;
  for (const auto& [key, value] : viz.items()) {
    if (key == "color" && value.is_object()) {
      auto v = el.append_child("viz:color");
      if (value.contains("hex") && value["hex"].is_string()) v.append_attribute("hex") = value["hex"].get<std::string>().c_str();
      for (const char* ch : {"r", "g", "b"})
        if (value.contains(ch) && value[ch].is_number()) v.append_attribute(ch) = value[ch].get<long long>();
      if (value.contains("a") && value["a"].is_number()) v.append_attribute("a") = number_text(value["a"].get<double>()).c_str();
    } else if ((key == "size" || key == "thickness") && value.is_number()) {
      el.append_child(("viz:" + key).c_str()).append_attribute("value") = number_text(value.get<double>()).c_str();
    } else if (key == "shape" && value.is_string()) {
      auto v = el.append_child("viz:shape");
      v.append_attribute("value") = value.get<std::string>().c_str();
      if (viz.contains("uri") && viz["uri"].is_string()) v.append_attribute("uri") = viz["uri"].get<std::string>().c_str();
    }
  }
}

}  // namespace

Coalition read_gexf(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  report.format = "gexf";
  const std::string text = read_text(in, source_name, report, options, DeclaredEncoding::xml);
  Source src(text, source_name);
  pugi::xml_document doc;
  pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) throw InputError(src.at_offset(result.offset), std::string("malformed XML: ") + result.description());
  Reader reader(src, report, options);
  return reader.read(doc);
}

void write_gexf(const Coalition& c, std::ostream& out) { write_gexf(c, out, GexfVersion::v1_2draft); }

void write_gexf(const Coalition& c, std::ostream& out, GexfVersion version) {
  const bool v13 = version == GexfVersion::v1_3;
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("gexf");
  const char* ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  root.append_attribute("xmlns") = ns;
  root.append_attribute("xmlns:viz") = v13 ? "http://gexf.net/1.3/viz" : "http://www.gexf.net/1.2draft/viz";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") =
      v13 ? "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
          : "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd";
  root.append_attribute("version") = v13 ? "1.3" : "1.2";
  auto meta = root.append_child("meta");
  meta.append_child("creator").text() = "wijknet";
  if (!c.name.empty()) meta.append_child("title").text() = xml_safe(c.name).c_str();
  if (c.extra.contains("description") && c.extra["description"].is_string())
    meta.append_child("description").text() = xml_safe(c.extra["description"].get<std::string>()).c_str();

  bool all_directed = !c.edges.empty(), any_directed = false, timed = false;
  for (const auto& e : c.edges) {
    all_directed &= e.directed;
    any_directed |= e.directed;
    timed |= e.since || e.until;
  }
  for (const auto& n : c.nodes) timed |= n.since || n.until;
  auto graph = root.append_child("graph");
  graph.append_attribute("defaultedgetype") = all_directed ? "directed" : "undirected";
  graph.append_attribute("mode") = timed ? "dynamic" : "static";
  if (timed) graph.append_attribute("timeformat") = "date";

  std::vector<const Json*> node_attrs, edge_attrs;
  bool any_sector = false, any_role = false, any_themes = false;
  for (const auto& n : c.nodes) {
    node_attrs.push_back(&n.attrs);
    any_sector |= !n.sector.empty();
    any_role |= !n.role.empty();
    any_themes |= !n.themes.empty();
  }
  for (const auto& e : c.edges) edge_attrs.push_back(&e.attrs);
  auto ncols = columns_for(node_attrs, true, "");
  auto ecols = columns_for(edge_attrs, false, "");

  auto nattr = graph.append_child("attributes");
  nattr.append_attribute("class") = "node";
  nattr.append_attribute("mode") = "static";
  declare(nattr, "kind", "kind", "string");
  if (any_sector) declare(nattr, "sector", "sector", "string");
  if (any_themes) declare(nattr, "themes", "themes", "liststring");
  if (any_role) declare(nattr, "role", "role", "string");
  for (const auto& col : ncols) declare(nattr, col.id, col.title, col.type);
  auto eattr = graph.append_child("attributes");
  eattr.append_attribute("class") = "edge";
  eattr.append_attribute("mode") = "static";
  declare(eattr, "kind", "kind", "string");
  // A mixed network is written undirected with each tie's own direction in "directed":
  // networkx 2.8 refuses an edge type that differs from defaultedgetype.
  const bool mixed = any_directed && !all_directed;
  if (mixed) declare(eattr, "directed", "directed", "boolean");
  for (const auto& col : ecols) declare(eattr, col.id, col.title, col.type);

  auto nodes = graph.append_child("nodes");
  for (const auto& n : c.nodes) {
    auto el = nodes.append_child("node");
    el.append_attribute("id") = xml_safe(n.id).c_str();
    el.append_attribute("label") = xml_safe(n.label.empty() ? n.id : n.label).c_str();
    if (n.since) el.append_attribute("start") = full_date(*n.since).c_str();
    if (n.until) el.append_attribute("end") = full_date(*n.until).c_str();
    auto values = el.append_child("attvalues");
    attvalue(values, "kind", n.kind);
    if (!n.sector.empty()) attvalue(values, "sector", n.sector);
    if (!n.themes.empty()) {
      std::string joined;
      for (const auto& t : n.themes) joined += (joined.empty() ? "" : "|") + t;
      attvalue(values, "themes", joined);
    }
    if (!n.role.empty()) attvalue(values, "role", n.role);
    for (const auto& col : ncols)
      if (n.attrs.contains(col.key) && !n.attrs[col.key].is_null()) attvalue(values, col.id, value_text(n.attrs[col.key], col.type));
    if (n.attrs.contains("viz")) write_viz(el, n.attrs["viz"]);
    if (auto it = c.layout.find(n.id); it != c.layout.end()) {
      auto p = el.append_child("viz:position");
      p.append_attribute("x") = number_text(it->second[0]).c_str();
      p.append_attribute("y") = number_text(it->second[1]).c_str();
      double z = n.attrs.contains("viz") && n.attrs["viz"].is_object() && n.attrs["viz"].contains("z") &&
                         n.attrs["viz"]["z"].is_number()
                     ? n.attrs["viz"]["z"].get<double>()
                     : 0.0;
      p.append_attribute("z") = number_text(z).c_str();
    }
  }

  // Edge ids: the ones read (extra.id) when they are all present and distinct, else positions.
  bool keep_ids = true;
  {
    std::set<std::string> ids;
    for (const auto& e : c.edges) {
      if (!e.extra.contains("id") || !e.extra["id"].is_string() || !ids.insert(e.extra["id"].get<std::string>()).second) {
        keep_ids = false;
        break;
      }
    }
  }
  auto edges = graph.append_child("edges");
  for (std::size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& e = c.edges[i];
    auto el = edges.append_child("edge");
    el.append_attribute("id") = keep_ids ? xml_safe(e.extra["id"].get<std::string>()).c_str() : std::to_string(i).c_str();
    el.append_attribute("source") = xml_safe(c.nodes[e.source].id).c_str();
    el.append_attribute("target") = xml_safe(c.nodes[e.target].id).c_str();
    if (v13 && !e.kind.empty()) el.append_attribute("kind") = xml_safe(e.kind).c_str();
    el.append_attribute("weight") = number_text(e.weight).c_str();
    if (e.attrs.contains("label") && !e.attrs["label"].is_null())
      el.append_attribute("label") = xml_safe(value_text(e.attrs["label"], "string")).c_str();
    if (e.since) el.append_attribute("start") = full_date(*e.since).c_str();
    if (e.until) el.append_attribute("end") = full_date(*e.until).c_str();
    auto values = el.append_child("attvalues");
    attvalue(values, "kind", e.kind);
    if (mixed) attvalue(values, "directed", e.directed ? "true" : "false");
    for (const auto& col : ecols)
      if (e.attrs.contains(col.key) && !e.attrs[col.key].is_null()) attvalue(values, col.id, value_text(e.attrs[col.key], col.type));
    if (e.attrs.contains("viz")) write_viz(el, e.attrs["viz"]);
  }
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace wijknet
