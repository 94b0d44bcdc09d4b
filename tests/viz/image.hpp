// Reading the viewer's PNGs back in the tests and measuring what they show.
#pragma once

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>

#include "viz/palette.hpp"

namespace wijknet::test {



struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> rgb;
  std::uint32_t at(int x, int y) const {
    const auto* p = &rgb[(std::size_t(y) * std::size_t(w) + std::size_t(x)) * 3];
    return std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2];
  }
};

inline Image load_png(const std::filesystem::path& path) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &n, 3);
  if (!data) return img;
  img.rgb.assign(data, data + std::size_t(img.w) * std::size_t(img.h) * 3);
  stbi_image_free(data);
  return img;
}

// Pixels within `tol` of colour c in every channel.
inline std::size_t count_near(const Image& img, viz::Rgba c, int tol) {
  std::size_t k = 0;
  for (std::size_t i = 0; i + 2 < img.rgb.size(); i += 3)
    if (std::abs(img.rgb[i] - c.r) <= tol && std::abs(img.rgb[i + 1] - c.g) <= tol && std::abs(img.rgb[i + 2] - c.b) <= tol) ++k;
  return k;
}

struct ColourStats {
  std::size_t distinct = 0;
  double dominant_share = 0;
};

inline ColourStats colour_stats(const Image& img) {
  std::unordered_map<std::uint32_t, std::size_t> counts;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) ++counts[img.at(x, y)];
  std::size_t top = 0;
  for (const auto& [c, k] : counts) top = std::max(top, k);
  return {counts.size(), double(top) / double(std::size_t(img.w) * std::size_t(img.h))};
}


// Share of pixels in the rectangle [x0,x1) x [y0,y1) whose channels all differ by at most
// `tol` between two images of the same size.
inline double agreement(const Image& a, const Image& b, int x0, int y0, int x1, int y1, int tol) {
  std::size_t same = 0, all = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const auto* p = &a.rgb[(std::size_t(y) * std::size_t(a.w) + std::size_t(x)) * 3];
      const auto* q = &b.rgb[(std::size_t(y) * std::size_t(b.w) + std::size_t(x)) * 3];
      bool ok = true;
      for (int c = 0; c < 3; ++c) ok = ok && std::abs(int(p[c]) - int(q[c])) <= tol;
      same += ok;
      ++all;
    }
  return all ? double(same) / double(all) : 0;
}

// The image shrunk by an integer factor, each pixel the mean of its block.
inline Image downsample(const Image& img, int f) {
  Image out;
  out.w = img.w / f, out.h = img.h / f;
  out.rgb.resize(std::size_t(out.w) * std::size_t(out.h) * 3);
  for (int y = 0; y < out.h; ++y)
    for (int x = 0; x < out.w; ++x)
      for (int c = 0; c < 3; ++c) {
        int sum = 0;
        for (int dy = 0; dy < f; ++dy)
          for (int dx = 0; dx < f; ++dx) sum += img.rgb[(std::size_t(y * f + dy) * std::size_t(img.w) + std::size_t(x * f + dx)) * 3 + std::size_t(c)];
        out.rgb[(std::size_t(y) * std::size_t(out.w) + std::size_t(x)) * 3 + std::size_t(c)] = std::uint8_t(sum / (f * f));
      }
  return out;
}

}  // namespace wijknet::test
