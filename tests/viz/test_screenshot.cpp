#include <doctest/doctest.h>

#include "tests/viz/image.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/palette.hpp"

using namespace wijknet;
using namespace wijknet::test;



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
  for (const auto& item : j["screen"].items()) {
    const std::string id = item.key();  // INFO's lambda cannot take a structured binding (clang 14)
    const auto& p = item.value();
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
