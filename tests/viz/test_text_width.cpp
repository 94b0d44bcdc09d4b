// The SVG pictures place names with an estimate of their width (core/present/label_placement.hpp): it
// must never be narrower than the text DejaVu Sans really draws, or a name could cover a member.
// Checked against the font's own advance widths (stb_truetype), regular and bold.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <stb/stb_truetype.h>

#include "core/present/label_placement.hpp"

namespace {

std::vector<unsigned char> read_font(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Decodes UTF-8 (valid input only: the names below).
std::vector<int> code_points(const std::string& s) {
  std::vector<int> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    int cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += std::size_t(len);
  }
  return out;
}

double real_width(const stbtt_fontinfo& font, const std::string& text, double size) {
  const float scale = stbtt_ScaleForMappingEmToPixels(&font, float(size));
  double w = 0;
  const auto cps = code_points(text);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    int advance = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&font, cps[i], &advance, &bearing);
    w += advance * scale;
    if (i + 1 < cps.size()) w += stbtt_GetCodepointKernAdvance(&font, cps[i], cps[i + 1]) * scale;
  }
  return w;
}

}  // namespace

TEST_CASE("estimated_text_width is at least DejaVu Sans's real width, regular and bold") {
  const std::string dir = "/usr/share/fonts/truetype/dejavu/";
  for (bool bold : {false, true}) {
    const auto data = read_font(dir + (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"));
    REQUIRE_FALSE(data.empty());  // fonts-dejavu-core, a build dependency
    stbtt_fontinfo font;
    REQUIRE(stbtt_InitFont(&font, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)));
    // The Laak and Zuidwest names, and the letters at each end of the scale.
    for (const std::string text :
         {"Wijkmakelaar", "Gemeente Den Haag", "Co\xC3\xB6peratief Eigenwijzer", "Bewonersvereniging Spoorwijk",
          "Huiswerkbegeleiding (studenten\xE2\x80\xA6", "De Haagse Hogeschool", "ROC Mondriaan", "Stichting Mooi",
          "WWWWMMMM", "mmmmwwww", "iiiilll...", "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
          "abcdefghijklmnopqrstuvwxyz", "Ren\xC3\xA9 Ga\xC3\xABlle", "Bewoner 3f2a"}) {
      INFO(text, bold ? " bold" : " regular");
      const double real = real_width(font, text, 11);
      const double estimate = wijknet::estimated_text_width(text, 11, bold);
      CHECK(estimate >= real);
      CHECK(estimate <= 1.45 * real + 2);  // an upper bound, not a wild one
    }
  }
}
