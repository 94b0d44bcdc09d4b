// Colours of the viewer: by kind, by sector, by community and along a ramp for a metric.
// Plain data, no GL: the renderer, the legend, the SVG export and the tests share them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wijknet::viz {

// An sRGB colour with alpha, 8 bits a channel.
struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
  std::uint32_t packed() const { return std::uint32_t(r) | std::uint32_t(g) << 8 | std::uint32_t(b) << 16 | std::uint32_t(a) << 24; }
  std::string hex() const;  // "#rrggbb"
};

// The colour of a node kind: partner, resident, project; anything else is grey.
Rgba kind_color(std::string_view kind);
// The colour of a sector of DOMAIN.md; nodes without a sector take the colour of their kind's
// natural sector (residents) or a neutral grey (projects, unknown kinds). Unknown sector strings
// get a stable colour from a hash of the name.
Rgba sector_color(std::string_view sector, std::string_view kind);
// Community c of a Louvain partition: twelve well separated colours, repeated.
Rgba community_color(int community);
// A value t in [0, 1] on a perceptually ordered ramp (viridis, five stops interpolated).
Rgba ramp_color(double t);

// Mixes a with b by t (0 = a, 1 = b), alpha included.
Rgba mix(Rgba a, Rgba b, double t);
Rgba with_alpha(Rgba c, std::uint8_t a);
// A darker shade for outlines.
Rgba darker(Rgba c, double factor = 0.6);

inline constexpr Rgba background_color{247, 247, 244, 255};
inline constexpr Rgba selection_color{255, 140, 0, 255};
inline constexpr Rgba label_color{30, 30, 34, 255};

}  // namespace wijknet::viz
