#include "core/present/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace wijknet {

std::string Rgba::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

Rgba advice_tint(std::string_view advice) {
  if (advice == "continue") return {217, 240, 211, 255};
  if (advice == "investigate") return {251, 239, 201, 255};
  if (advice == "stop") return {246, 211, 208, 255};
  return {238, 238, 238, 255};
}

Rgba kind_color(std::string_view kind) {
  if (kind == "partner") return {52, 114, 196, 255};   // blue: organisations
  if (kind == "resident") return {46, 160, 90, 255};   // green: people and resident groups
  if (kind == "project") return {232, 130, 40, 255};   // orange: the work they do together
  return {140, 140, 140, 255};
}

Rgba tie_color(std::string_view kind) {
  if (kind == "participates") return {195, 199, 206, 255};
  if (kind == "funds") return {212, 160, 23, 255};
  if (kind == "tie") return {107, 127, 215, 255};
  return {127, 135, 148, 255};
}

Rgba sector_color(std::string_view sector, std::string_view kind) {
  // Tableau-like hues, chosen so that the six sectors of a "vital coalition" (municipality,
  // housing, education, welfare, business, residents) are the most distinct.
  static constexpr std::pair<std::string_view, Rgba> table[] = {
      {"municipality", {31, 119, 180, 255}}, {"housing", {214, 39, 40, 255}},
      {"education", {148, 103, 189, 255}},   {"welfare", {44, 160, 44, 255}},
      {"health", {23, 190, 207, 255}},       {"business", {255, 127, 14, 255}},
      {"civil_society", {140, 86, 75, 255}}, {"residents", {227, 119, 194, 255}},
      {"safety", {57, 59, 121, 255}},        {"culture", {188, 189, 34, 255}},
      {"funder", {230, 190, 0, 255}},
  };
  if (sector.empty()) {
    if (kind == "resident") sector = "residents";
    else if (kind == "project") return kind_color("project");
    else return {160, 167, 180, 255};
  }
  for (const auto& [name, c] : table)
    if (name == sector) return c;
  // Muted tones, apart from the sectors' hues, so an unknown sector never reads as a known one.
  static constexpr Rgba extra[] = {{102, 166, 30, 255},  {166, 118, 29, 255},  {117, 112, 179, 255},
                                   {27, 158, 119, 255},  {231, 41, 138, 255},  {102, 102, 102, 255}};
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char ch : sector) h = (h ^ ch) * 16777619u;
  return extra[h % 6];
}

Rgba community_color(int community) {
  static constexpr std::array<Rgba, 12> table = {{
      {78, 121, 167, 255}, {242, 142, 43, 255}, {225, 87, 89, 255},  {118, 183, 178, 255},
      {89, 161, 79, 255},  {237, 201, 72, 255}, {176, 122, 161, 255}, {255, 157, 167, 255},
      {156, 117, 95, 255}, {186, 176, 172, 255}, {31, 119, 180, 255}, {148, 103, 189, 255},
  }};
  if (community < 0) return {150, 150, 150, 255};
  return table[std::size_t(community) % table.size()];
}

Rgba ramp_color(double t) {
  // viridis at 0, .25, .5, .75, 1 (van der Walt and Smith, matplotlib 2.0).
  static constexpr std::array<Rgba, 5> stops = {{
      {68, 1, 84, 255}, {59, 82, 139, 255}, {33, 145, 140, 255}, {94, 201, 98, 255}, {253, 231, 37, 255},
  }};
  if (!std::isfinite(t)) return {150, 150, 150, 255};
  t = std::clamp(t, 0.0, 1.0) * 4;
  auto i = std::min<std::size_t>(std::size_t(t), 3);
  return mix(stops[i], stops[i + 1], t - double(i));
}

Rgba mix(Rgba a, Rgba b, double t) {
  auto m = [t](std::uint8_t x, std::uint8_t y) { return std::uint8_t(std::lround(x + (y - x) * t)); };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

Rgba with_alpha(Rgba c, std::uint8_t a) {
  c.a = a;
  return c;
}

Rgba darker(Rgba c, double f) {
  return {std::uint8_t(c.r * f), std::uint8_t(c.g * f), std::uint8_t(c.b * f), c.a};
}

}  // namespace wijknet
