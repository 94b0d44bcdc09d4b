#include "importers/xml_common.hpp"

namespace wijknet {

std::string_view xml_local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

bool xml_element_named(const pugi::xml_node& n, std::string_view name) {
  return n.type() == pugi::node_element && xml_local_name(n) == name;
}

}  // namespace wijknet
