// The one field-mapping table of the readers and writers: which attribute name in a file sets
// which field of the model, how names and values are normalised, and which attrs keys a writer
// must write with a prefix so that they come back as attributes.
//
// A name is compared after field_key: white space around it trimmed, ASCII letters in lower case
// ("  Since" is since, "TYPE" is kind). The attribute-based formats (GraphML data keys, GEXF
// attribute titles, GML keys, DOT attributes, Pajek parameters) all read the names of
// node_field and edge_field; each format adds only its own syntax (GraphML's x and y, DOT's pos
// and dir, GML's graphics, the ends of an edge), and parses a value where its format says how
// (dates, numbers, booleans), so that errors point at the file's line and column. The spreadsheet
// formats (CSV, Excel) read these names and more synonyms from their headers (importers/csv.cpp,
// whose header table starts from these); the native JSON format writes the model's own names.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/coalition.hpp"

namespace wijknet {

// A field of the model that a file's attribute may set.
enum class Field { none, label, kind, sector, role, themes, since, until, weight, directed };

// How every reader compares an attribute name: white space (space, tab, CR, LF) around it
// trimmed, A-Z in lower case. O(size).
std::string field_key(std::string_view name);

// The node field an attribute named `name` sets: "label", "kind" or "type", "sector", "role",
// "themes", "since", "until" (compared after field_key); Field::none for an ordinary attribute.
Field node_field(std::string_view name);

// The edge field an attribute named `name` sets: "kind" or "type", "weight", "since", "until",
// "directed"; Field::none for an ordinary attribute.
Field edge_field(std::string_view name);

// The prefix with which writers keep an attribute an attribute when its key would be read as a
// field ("attr.kind"); readers take it off again. GML, whose keys cannot hold '.', uses "attr_".
inline constexpr std::string_view attr_prefix = "attr.";

// The attrs key that `name` stands for when it starts with `prefix` (ASCII case ignored, "Attr.x"
// included) and has more after it: "attr.kind" -> "kind". nullopt otherwise. O(size).
std::optional<std::string> attr_key(std::string_view name, std::string_view prefix = attr_prefix);

// True when `key` starts with `prefix`, ASCII case ignored ("Attr." included). O(size of prefix).
bool has_attr_prefix(std::string_view key, std::string_view prefix = attr_prefix);

// For writers: true when an attrs key written as it is would not be read back as that attribute:
// it names a node (edge) field, starts with `prefix`, or is one of `format_names`, the format's
// own syntax (GraphML's "x", "y"; DOT's "pos"), compared as field_key compares. The writer then
// writes prefix + key. O(size).
bool reserved_node_key(std::string_view key, std::initializer_list<std::string_view> format_names = {},
                       std::string_view prefix = attr_prefix);
bool reserved_edge_key(std::string_view key, std::initializer_list<std::string_view> format_names = {},
                       std::string_view prefix = attr_prefix);

// The value of a text field (kind, sector, role) as every reader keeps it: white space around it
// trimmed. A label is kept as the format writes it (DOT's escapes, GraphML's spaces). O(size).
std::string field_text(std::string_view text);

// A '|'-separated list as formats without lists write themes ("wonen | zorg" -> {"wonen",
// "zorg"}): items trimmed as field_text trims, empty items ("a||b", a leading or trailing bar)
// skipped. O(size).
std::vector<std::string> field_list(std::string_view text);

// "true" or "false" (field_key compares), for a `directed` written as text; nullopt otherwise.
std::optional<bool> field_flag(std::string_view text);

// Sets a node's text field from a file's text: kind, sector and role (field_text), themes
// (field_list). Returns false, leaving `n` as it was, for any other field: the reader handles
// those (label, dates) itself. O(size of the text).
bool set_node_text_field(Node& n, Field field, std::string_view text);

}  // namespace wijknet
