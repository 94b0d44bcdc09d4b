#include <doctest/doctest.h>

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "tests/viz/viewer_process.hpp"
#include "viz/palette.hpp"

using namespace wijknet;
using namespace wijknet::test;

namespace {

struct Image {
  int w = 0, h = 0;
  std::vector<std::uint8_t> rgb;
  std::uint32_t at(int x, int y) const {
    const auto* p = &rgb[(std::size_t(y) * std::size_t(w) + std::size_t(x)) * 3];
    return std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2];
  }
};

Image load_png(const std::filesystem::path& path) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &n, 3);
  if (!data) return img;
  img.rgb.assign(data, data + std::size_t(img.w) * std::size_t(img.h) * 3);
  stbi_image_free(data);
  return img;
}

// Pixels within `tol` of colour c in every channel.
std::size_t count_near(const Image& img, viz::Rgba c, int tol) {
  std::size_t k = 0;
  for (std::size_t i = 0; i + 2 < img.rgb.size(); i += 3)
    if (std::abs(img.rgb[i] - c.r) <= tol && std::abs(img.rgb[i + 1] - c.g) <= tol && std::abs(img.rgb[i + 2] - c.b) <= tol) ++k;
  return k;
}

struct ColourStats {
  std::size_t distinct = 0;
  double dominant_share = 0;
};

ColourStats colour_stats(const Image& img) {
  std::unordered_map<std::uint32_t, std::size_t> counts;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) ++counts[img.at(x, y)];
  std::size_t top = 0;
  for (const auto& [c, k] : counts) top = std::max(top, k);
  return {counts.size(), double(top) / double(std::size_t(img.w) * std::size_t(img.h))};
}

}  // namespace

TEST_CASE("the viewer's screenshot of the Laak sample shows nodes, ties, labels and the legend") {
  if (!have_xvfb()) {
    MESSAGE("xvfb-run is not installed: the headless viewer test is skipped (scripts/deps --test installs it)");
    return;
  }
  auto dir = scratch_dir("screenshot");
  auto png = dir / "laak.png", state = dir / "state.json";
  int rc = run_viewer_headless(quote(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json") + " --lang en --frames 5 --screenshot " +
                                   quote(png.string()) + " --dump-state " + quote(state.string()),
                               dir / "log.txt");
  INFO("viewer log: " << slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  Image img = load_png(png);
  REQUIRE(img.w == 1280);
  REQUIRE(img.h == 800);

  // Not a black (or any single-colour) window: the background is most of a network view, but
  // discs, ties, labels, antialiasing and the panels add thousands of colours.
  auto stats = colour_stats(img);
  MESSAGE("distinct colours " << stats.distinct << ", dominant colour share " << stats.dominant_share);
  CHECK(stats.distinct > 1000);
  CHECK(stats.dominant_share < 0.95);
  CHECK(count_near(img, {0, 0, 0, 255}, 4) < img.rgb.size() / 3 / 10);
  // The background is the palette's.
  CHECK(count_near(img, viz::background_color, 1) > img.rgb.size() / 3 / 2);
  // Every kind's fill colour covers the inside of some discs (26 members: 11 partners,
  // 5 residents, 10 projects, discs of 5 to 20 pixels across).
  for (const char* kind : {"partner", "resident", "project"}) {
    std::size_t k = count_near(img, viz::kind_color(kind), 2);
    INFO(kind << " pixels " << k);
    CHECK(k > 150);
  }
  // Labels: dark glyph pixels on light plates (DejaVu text, a few thousand pixels).
  std::size_t text = count_near(img, viz::label_color, 40);
  MESSAGE("text-coloured pixels " << text);
  CHECK(text > 2000);

  auto j = read_json(state);
  CHECK(j["document"]["nodes"] == 26);
  CHECK(j["document"]["edges"] == 90);
  CHECK(j["positions"].size() == 26);
  CHECK(j["visible_nodes"] == 26);
  CHECK(j["camera"]["zoom"].get<double>() > 0);
  CHECK(j["frames"] == 5);
  CHECK(j["lang"] == "en");
  // Every member is on screen after the initial fit.
  for (const auto& [id, p] : j["screen"].items()) {
    INFO(id);
    CHECK(p[0].get<double>() > 0);
    CHECK(p[0].get<double>() < 1280);
    CHECK(p[1].get<double>() > 0);
    CHECK(p[1].get<double>() < 800);
  }
}

TEST_CASE("the viewer exits 2 with a message for a file it cannot read in test mode") {
  if (!have_xvfb()) return;
  auto dir = scratch_dir("bad-input");
  std::ofstream(dir / "broken.json") << "{\"format\": \"wijknet/1\", \"nodes\": [";
  int rc = run_viewer_headless(quote((dir / "broken.json").string()) + " --frames 2 --screenshot " + quote((dir / "x.png").string()),
                               dir / "log.txt");
  CHECK(rc == 2);
  CHECK(slurp(dir / "log.txt").find("broken.json:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
}
