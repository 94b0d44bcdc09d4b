#include "importers/fields.hpp"

#include <algorithm>

#include "core/text/utf8.hpp"

namespace wijknet {
namespace {

struct Name {
  std::string_view name;  // as field_key gives it
  Field field;
};

// The table. A name that both kinds of element read ("kind", "since") is in both lists.
constexpr Name node_names[] = {
    {"label", Field::label}, {"kind", Field::kind},   {"type", Field::kind},   {"sector", Field::sector},
    {"role", Field::role},   {"themes", Field::themes}, {"since", Field::since}, {"until", Field::until},
};
constexpr Name edge_names[] = {
    {"kind", Field::kind},   {"type", Field::kind},     {"weight", Field::weight},
    {"since", Field::since}, {"until", Field::until},   {"directed", Field::directed},
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

template <std::size_t N>
Field lookup(const Name (&table)[N], std::string_view name) {
  const std::string key = field_key(name);
  for (const Name& n : table)
    if (n.name == key) return n.field;
  return Field::none;
}

bool reserved(Field field, std::string_view key, std::initializer_list<std::string_view> format_names,
              std::string_view prefix) {
  if (field != Field::none || has_attr_prefix(key, prefix)) return true;
  const std::string k = field_key(key);
  return std::any_of(format_names.begin(), format_names.end(), [&](std::string_view f) { return k == f; });
}

}  // namespace

std::string field_key(std::string_view name) { return ascii_lower(trimmed(name)); }

Field node_field(std::string_view name) { return lookup(node_names, name); }

Field edge_field(std::string_view name) { return lookup(edge_names, name); }

bool has_attr_prefix(std::string_view key, std::string_view prefix) {
  return key.size() >= prefix.size() && ascii_iequal(key.substr(0, prefix.size()), prefix);
}

std::optional<std::string> attr_key(std::string_view name, std::string_view prefix) {
  if (name.size() <= prefix.size() || !has_attr_prefix(name, prefix)) return std::nullopt;
  return std::string(name.substr(prefix.size()));
}

bool reserved_node_key(std::string_view key, std::initializer_list<std::string_view> format_names,
                       std::string_view prefix) {
  return reserved(node_field(key), key, format_names, prefix);
}

bool reserved_edge_key(std::string_view key, std::initializer_list<std::string_view> format_names,
                       std::string_view prefix) {
  return reserved(edge_field(key), key, format_names, prefix);
}

std::string field_text(std::string_view text) { return std::string(trimmed(text)); }

std::vector<std::string> field_list(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t bar = text.find('|');
    const std::string_view item = trimmed(text.substr(0, bar));
    if (!item.empty()) out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return out;
}

std::optional<bool> field_flag(std::string_view text) {
  const std::string t = field_key(text);
  if (t == "true") return true;
  if (t == "false") return false;
  return std::nullopt;
}

bool set_node_text_field(Node& n, Field field, std::string_view text) {
  switch (field) {
    case Field::kind: n.kind = field_text(text); return true;
    case Field::sector: n.sector = field_text(text); return true;
    case Field::role: n.role = field_text(text); return true;
    case Field::themes: n.themes = field_list(text); return true;
    default: return false;
  }
}

}  // namespace wijknet
