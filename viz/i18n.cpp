#include "viz/i18n.hpp"

#include "core/model/vocabulary.hpp"

namespace wijknet::viz {

std::string kind_name(Lang lang, std::string_view kind) {
  std::string key = "kind." + std::string(kind);
  return has_text(key) ? tr(lang, key) : std::string(kind);
}

std::string sector_title(Lang lang, std::string_view sector) {
  if (sector.empty()) return tr(lang, "sector.none");
  if (!has_text("sector." + std::string(sector))) {
    std::string kkey = "kind." + std::string(sector);
    return has_text(kkey) ? tr(lang, kkey) : std::string(sector);
  }
  // Sector names are written to stand inside a sentence ("woningcorporaties"); all begin with
  // an ASCII letter, so capitalising the first byte is safe.
  std::string name = sector_name(lang, sector);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = char(name[0] - 'a' + 'A');
  return name;
}

std::string metric_name(Lang lang, std::string_view metric_id) {
  std::string key = "metric." + std::string(metric_id);
  return has_text(key) ? tr(lang, key) : std::string(metric_id);
}

}  // namespace wijknet::viz
