#include "viz/i18n.hpp"

#include <unordered_map>

namespace wijknet::viz {
namespace {

struct Entry {
  std::string_view key, nl, en;
};

constexpr Entry table[] = {
#include "viz/text/viewer.inc"
};

const std::unordered_map<std::string_view, const Entry*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Entry*> m;
    for (const auto& e : table) m.emplace(e.key, &e);
    return m;
  }();
  return map;
}

std::string fill(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      const auto n = std::size_t(text[i + 1] - '0');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string ui(Lang lang, std::string_view key, std::initializer_list<std::string> args) {
  auto it = index().find(key);
  if (it == index().end()) return tr(lang, key, args);
  return fill(lang == Lang::nl ? it->second->nl : it->second->en, args);
}

bool ui_has(std::string_view key) {
  auto it = index().find(key);
  return it != index().end() && !it->second->nl.empty() && !it->second->en.empty();
}

std::vector<std::string_view> ui_keys() {
  std::vector<std::string_view> keys;
  for (const auto& e : table) keys.push_back(e.key);
  return keys;
}

std::string kind_name(Lang lang, std::string_view kind) {
  std::string key = "kind." + std::string(kind);
  return ui_has(key) ? ui(lang, key) : std::string(kind);
}

std::string sector_name(Lang lang, std::string_view sector) {
  if (sector.empty()) return ui(lang, "sector.none");
  std::string key = "sector." + std::string(sector);
  if (ui_has(key)) return ui(lang, key);
  // Legend keys for nodes without a sector are their kind ("project").
  std::string kkey = "kind." + std::string(sector);
  return ui_has(kkey) ? ui(lang, kkey) : std::string(sector);
}

std::string metric_name(Lang lang, std::string_view metric_id) {
  std::string key = "metric." + std::string(metric_id);
  return ui_has(key) ? ui(lang, key) : std::string(metric_id);
}

}  // namespace wijknet::viz
