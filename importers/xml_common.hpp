// Small pugixml tools the XML formats (GEXF, GraphML) share: element names without their
// namespace prefix. Text that every XML 1.0 parser accepts is core's xml_safe (core/text/xml_text.hpp).
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "core/text/xml_text.hpp"

namespace wijknet {

// The element name without its namespace prefix: "viz:position" -> "position",
// "y:NodeLabel" -> "NodeLabel". Files in the wild bind the formats' namespaces to any prefix (or
// none), so readers match local names only. O(length of the name).
std::string_view xml_local_name(const pugi::xml_node& n);

// True when `n` is an element whose local name is `name`; false for text, comments and the like.
bool xml_element_named(const pugi::xml_node& n, std::string_view name);

}  // namespace wijknet
