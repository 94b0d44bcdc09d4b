#include "core/present/label_placement.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace wijknet {

long Occupancy::key(double v) const { return long(std::floor(v / cell_)); }

static long long pack(long x, long y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned long>(y); }

bool Occupancy::free(const Box& b) const {
  for (long cy = key(b.y0); cy <= key(b.y1); ++cy)
    for (long cx = key(b.x0); cx <= key(b.x1); ++cx) {
      auto it = cells_.find(pack(cx, cy));
      if (it == cells_.end()) continue;
      for (auto r : it->second)
        if (b.overlaps(boxes_[r])) return false;
    }
  return true;
}

void Occupancy::add(const Box& b) {
  const std::size_t r = boxes_.size();
  boxes_.push_back(b);
  for (long cy = key(b.y0); cy <= key(b.y1); ++cy)
    for (long cx = key(b.x0); cx <= key(b.x1); ++cx) cells_[pack(cx, cy)].push_back(r);
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, const std::vector<Box>& obstacles,
                                      const std::function<double(std::string_view)>& measure,
                                      const LabelLayout& layout) {
  std::vector<PlacedLabel> out;
  Occupancy occupied(std::max(16.0, layout.line_height * 4));
  // Obstacles count only inside the picture (a panel's edge may be given as reaching far beyond);
  // clipped, so the grid never spans more cells than the picture has.
  for (const auto& b : obstacles) {
    const Box in{std::max(b.x0, 0.0), std::max(b.y0, 0.0), std::min(b.x1, layout.width), std::min(b.y1, layout.height)};
    if (in.x0 < in.x1 && in.y0 < in.y1) occupied.add(in);
  }
  const double h = layout.line_height;
  std::size_t plain = 0;
  for (const auto& c : candidates) {
    if (!c.emphasis && plain >= layout.budget) continue;
    const double w = measure(c.text) + 2 * layout.padding;
    const double r = c.radius, g = layout.gap;
    // The eight positions of Christensen et al., in their order of preference: beside the disc,
    // then above and below, then the corners.
    const double d = r * 0.7071 + g;  // the disc's rim on the diagonal
    const Box spots[8] = {{c.x + r + g, c.y - h / 2, c.x + r + g + w, c.y + h / 2},
                          {c.x - r - g - w, c.y - h / 2, c.x - r - g, c.y + h / 2},
                          {c.x - w / 2, c.y - r - g - h, c.x + w / 2, c.y - r - g},
                          {c.x - w / 2, c.y + r + g, c.x + w / 2, c.y + r + g + h},
                          {c.x + d, c.y - d - h, c.x + d + w, c.y - d},
                          {c.x + d, c.y + d, c.x + d + w, c.y + d + h},
                          {c.x - d - w, c.y - d - h, c.x - d, c.y - d},
                          {c.x - d - w, c.y + d, c.x - d, c.y + d + h}};
    const Box* chosen = nullptr;
    for (const auto& b : spots) {
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > layout.width || b.y1 > layout.height) continue;
      if (!occupied.free(b)) continue;
      chosen = &b;
      break;
    }
    if (!chosen && c.emphasis) chosen = &spots[0];
    if (!chosen) continue;
    occupied.add(*chosen);
    out.push_back({c.node, c.text, chosen->x0, chosen->y0, w, h, c.emphasis});
    if (!c.emphasis) ++plain;
  }
  return out;
}

double estimated_text_width(std::string_view text, double font_size, bool bold) {
  // DejaVu Sans advance widths in em (2048 units): i j l ' . , : ; | ! about 0.28-0.35; f r t
  // about 0.39-0.41; other lower case about 0.56-0.64; upper case and digits about 0.64-0.77;
  // m w M W about 0.86-1.0. The largest of each group is taken, so the estimate is an upper bound.
  double em = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (utf8_continuation(char(ch))) continue;  // counted with its lead byte
    if (ch >= 0x80) em += 0.70;         // accented letters, dashes, the ellipsis
    else if (ch == ' ') em += 0.32;
    else if (std::string_view("ijl'.,:;|!").find(char(ch)) != std::string_view::npos) em += 0.35;
    else if (std::string_view("frt()-/[]").find(char(ch)) != std::string_view::npos) em += 0.42;
    else if (std::string_view("mwMW").find(char(ch)) != std::string_view::npos) em += 1.0;
    else if (ch >= 'a' && ch <= 'z') em += 0.64;
    else em += 0.78;
  }
  return em * font_size * (bold ? 1.1 : 1.0);
}

}  // namespace wijknet
