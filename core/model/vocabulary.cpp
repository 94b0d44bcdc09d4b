#include "core/model/vocabulary.hpp"

#include "core/model/coalition.hpp"

namespace wijknet {

std::string_view sector_of(const Node& node) {
  if (!node.sector.empty()) return node.sector;
  if (node.kind == kinds::resident) return "residents";
  return {};
}

std::string sector_name(Lang lang, std::string_view sector) {
  for (auto known : known_sectors)
    if (known == sector) return tr(lang, "sector." + std::string(sector));
  return sector.empty() ? tr(lang, "sector.unknown") : std::string(sector);
}

}  // namespace wijknet
