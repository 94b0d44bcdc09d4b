// Small pugixml tools the XML formats (GEXF, GraphML) share: element names without their
// namespace prefix, and text that every XML 1.0 parser accepts.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace wijknet {

// The element name without its namespace prefix: "viz:position" -> "position",
// "y:NodeLabel" -> "NodeLabel". Files in the wild bind the formats' namespaces to any prefix (or
// none), so readers match local names only. O(length of the name).
std::string_view xml_local_name(const pugi::xml_node& n);

// True when `n` is an element whose local name is `name`; false for text, comments and the like.
bool xml_element_named(const pugi::xml_node& n, std::string_view name);

// `s` with every control character that XML 1.0 cannot hold, not even escaped (below U+0020
// other than tab, line feed and carriage return), replaced by U+FFFD, so that every XML reader
// accepts the file (XML 1.0, section 2.2 "Characters"). Other bytes pass unchanged. O(size).
std::string xml_safe(std::string_view s);

}  // namespace wijknet
