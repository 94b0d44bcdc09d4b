// The one palette of wijknet: colours by kind, by sector, by community and along a ramp for a
// metric. Plain data, no GL: the viewer's renderer and legend, the SVG pictures of `render` and
// the report, and the tests share it, so a member has the same colour on screen and on paper.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wijknet {

// An sRGB colour with alpha, 8 bits a channel.
struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
  std::uint32_t packed() const { return std::uint32_t(r) | std::uint32_t(g) << 8 | std::uint32_t(b) << 16 | std::uint32_t(a) << 24; }
  std::string hex() const;  // "#rrggbb"
};

// The colour of a node kind: partner, resident, project; anything else is grey.
Rgba kind_color(std::string_view kind);
// The colour of a tie kind on paper (SVG, report): collaborates and unknown kinds slate grey,
// participates light grey, funds gold, tie (Kumu's plain tie) blue.
Rgba tie_color(std::string_view kind);
// The colour of a sector of DOMAIN.md; nodes without a sector take the colour of their kind's
// natural sector (residents), the project colour (projects) or a neutral grey (other kinds).
// Unknown sector strings get one of six muted tones, stably chosen by a hash of the name.
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

// The effort-impact matrix (the report's and the viewer's): a cell's tint by its advice
// ("continue" green, "investigate" yellow, "stop" red; anything else grey), the project dots,
// and the gold ring and text of a pearl.
Rgba advice_tint(std::string_view advice);
inline constexpr Rgba matrix_dot_color{52, 73, 94, 255};
inline constexpr Rgba pearl_color{230, 190, 0, 255};
inline constexpr Rgba pearl_text_color{107, 90, 0, 255};

inline constexpr Rgba background_color{247, 247, 244, 255};
inline constexpr Rgba selection_color{255, 140, 0, 255};
inline constexpr Rgba label_color{30, 30, 34, 255};

}  // namespace wijknet
