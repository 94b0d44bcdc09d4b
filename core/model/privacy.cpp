#include "core/model/privacy.hpp"

#include <array>
#include <unordered_set>

namespace wijknet {
namespace {

constexpr std::array<std::string_view, 9> safe_attrs = {
    "effort", "impact", "status", "role", "committed_until", "trust", "value", "amount", resident_forms::attr};

std::uint64_t fnv1a(std::string_view salt, std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;  // FNV-1a 64-bit prime
    }
  };
  mix(salt);
  mix(text);
  return h;
}

std::string hex_code(std::uint64_t h, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string code;
  for (int i = 0; i < digits; ++i) code += hex[(h >> (60 - 4 * i)) & 0xF];
  return code;
}

Json only_safe(const Json& attrs) {
  Json kept = Json::object();
  if (!attrs.is_object()) return kept;
  for (const auto& [key, value] : attrs.items())
    if (is_safe_attr(key)) kept[key] = value;
  return kept;
}

}  // namespace

bool is_safe_attr(std::string_view key) {
  for (auto safe : safe_attrs)
    if (key == safe) return true;
  return false;
}

std::string pseudonym_code(std::string_view id, int hex_digits) {
  if (hex_digits < 1) hex_digits = 1;
  if (hex_digits > 16) hex_digits = 16;
  return hex_code(fnv1a({}, id), hex_digits);
}

Coalition anonymized(const Coalition& coalition, std::string_view salt) {
  Coalition out = coalition;
  std::unordered_set<std::string> taken;  // ids that a pseudonym must not reuse
  for (const auto& n : coalition.nodes)
    if (!n.is_resident_person()) taken.insert(n.id);

  std::vector<bool> is_person(out.nodes.size(), false);
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    Node& n = out.nodes[i];
    if (!n.is_resident_person()) continue;  // groups are organisations and keep their name
    is_person[i] = true;
    const std::uint64_t h = fnv1a(salt, n.id);
    std::string code;
    for (int digits : {4, 8, 16}) {
      code = hex_code(h, digits);
      if (!taken.count("bewoner-" + code)) break;
    }
    if (taken.count("bewoner-" + code)) {
      const std::string base = code;
      for (int k = 2; taken.count("bewoner-" + code); ++k) code = base + "-" + std::to_string(k);
    }
    const std::string new_id = "bewoner-" + code;
    taken.insert(new_id);
    n.id = new_id;
    n.label = "Bewoner " + code;
    n.attrs = only_safe(n.attrs);
    n.extra = Json::object();
  }
  // Positions follow the nodes; built afresh so that an old id equal to a new one cannot clash.
  out.layout.clear();
  for (std::size_t i = 0; i < out.nodes.size(); ++i)
    if (auto it = coalition.layout.find(coalition.nodes[i].id); it != coalition.layout.end())
      out.layout[out.nodes[i].id] = it->second;
  for (auto& e : out.edges) {
    if (!is_person[e.source] && !is_person[e.target]) continue;
    e.attrs = only_safe(e.attrs);
    e.extra = Json::object();
  }
  out.reindex();
  return out;
}

}  // namespace wijknet
