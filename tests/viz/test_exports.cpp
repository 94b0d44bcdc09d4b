#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "core/model/privacy.hpp"
#include "tests/core/svg_geometry.hpp"
#include "tests/viz/image.hpp"
#include "tests/viz/viewer_process.hpp"

using namespace wijknet;
using namespace wijknet::test;

namespace {
std::string laak() { return quote(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json"); }

}  // namespace

TEST_CASE("the PNG export shows the window's picture, at scale 1 and magnified; the SVG the same members") {
  if (!have_xvfb()) {
    MESSAGE("xvfb-run is not installed: skipped");
    return;
  }
  auto dir = scratch_dir("exports");
  auto win = dir / "window.png", png1 = dir / "export1.png", png2 = dir / "export2.png", svg = dir / "view.svg";
  int rc = run_viewer_headless(laak() + " --lang en --frames 4 --screenshot " + quote(win.string()) + " --export-png " +
                                   quote(png1.string()) + " --scale 1 --export-svg " + quote(svg.string()) + " --no-anonymize",
                               dir / "log1.txt");
  INFO(slurp(dir / "log1.txt"));
  REQUIRE(rc == 0);
  rc = run_viewer_headless(laak() + " --lang en --frames 4 --export-png " + quote(png2.string()) + " --scale 2 --no-anonymize",
                           dir / "log2.txt");
  REQUIRE(rc == 0);

  Image w = load_png(win), e1 = load_png(png1), e2 = load_png(png2);
  REQUIRE(w.w == 1280);
  REQUIRE(e1.w == 1280);
  REQUIRE(e1.h == 800);
  REQUIRE(e2.w == 2560);
  REQUIRE(e2.h == 1600);
  // The export frames the whole network afresh, right of its title and legend plates (the
  // window's view follows the running layout too): the same members in the same colours, a
  // little smaller.
  for (const char* kind : {"partner", "resident", "project"}) {
    const std::size_t on_screen = count_near(w, viz::kind_color(kind), 2), exported = count_near(e1, viz::kind_color(kind), 2);
    MESSAGE(std::string(kind) << ": " << on_screen << " pixels in the window, " << exported << " in the export");
    CHECK(exported > on_screen / 3);
  }
  // Magnified twice and shrunk back, the export is the same picture (antialiasing and text
  // rasterised at the larger size differ by a little).
  Image back = downsample(e2, 2);
  double similar = agreement(back, e1, 0, 0, 1280, 800, 40);
  MESSAGE("export at scale 2, shrunk, vs scale 1: " << similar * 100 << "% of pixels agree");
  CHECK(similar > 0.97);
  for (const char* kind : {"partner", "resident", "project"}) CHECK(count_near(e2, viz::kind_color(kind), 2) > 600);
  // The export draws its own legend in the bottom left corner: white plate, kind colours.
  CHECK(count_near(e1, {255, 255, 255, 255}, 3) > 3000);

  std::string text = slurp(svg);
  CHECK(count_of(text, "<line ") == 90 + 4);  // every tie, and the four tie kinds in the legend
  CHECK(count_of(text, "<title>") == 1 + 26);
  CHECK(text.find("<title>Coöperatief Eigenwijzer</title>") != std::string::npos);
  CHECK(text.find("<title>Bewonersgroep Laakkwartier</title>") != std::string::npos);
  CHECK(text.find(">Partner (11)</text>") != std::string::npos);
}

namespace {
// Pixels in [x0,x1) x [y0,y1) darker than `level` in every channel: text and outlines on a
// light ground.
std::size_t dark_pixels(const Image& img, int x0, int y0, int x1, int y1, int level = 110) {
  std::size_t k = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint32_t c = img.at(x, y);
      k += int(c >> 16 & 255) < level && int(c >> 8 & 255) < level && int(c & 255) < level;
    }
  return k;
}
std::size_t white_pixels(const Image& img, int x0, int y0, int x1, int y1) {
  std::size_t k = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint32_t c = img.at(x, y);  // the plates are white at 92% over the background
      k += (c >> 16 & 255) >= 252 && (c >> 8 & 255) >= 252 && (c & 255) >= 252;
    }
  return k;
}
}  // namespace

TEST_CASE("exports for a council: a title band and a legend, no selection, hover or search highlight, at 1280x800 and 1920x1080") {
  if (!have_xvfb()) return;
  auto dir = scratch_dir("exports-council");
  const std::string fixed = " --no-layout --lang nl --frames 3 --no-anonymize";
  // The same view, once plain and once with two members selected (the headless tests add hover,
  // search and what-if: tests/viz/test_labels_export.cpp).
  auto plain = dir / "plain.png", busy = dir / "busy.png", svg = dir / "busy.svg", big = dir / "big.png";
  REQUIRE(run_viewer_headless(laak() + fixed + " --export-png " + quote(plain.string()) + " --scale 1", dir / "a.txt") == 0);
  auto window = dir / "window.png";
  int rc = run_viewer_headless(laak() + fixed + " --select staedion,hhs --screenshot " + quote(window.string()) + " --export-png " + quote(busy.string()) +
                                   " --scale 1 --export-svg " + quote(svg.string()),
                               dir / "b.txt");
  INFO(slurp(dir / "b.txt"));
  REQUIRE(rc == 0);
  Image p = load_png(plain), b = load_png(busy);
  REQUIRE(p.w == 1280);
  REQUIRE(b.w == 1280);
  // The picture has no more orange than the plain one (a selected member gets an orange ring of
  // some 200 pixels) and no label on the selection's light-orange plate.
  const std::size_t orange_plain = count_near(p, viz::selection_color, 30), orange_busy = count_near(b, viz::selection_color, 30);
  MESSAGE("orange pixels: plain " << orange_plain << ", with a selection " << orange_busy);
  CHECK(orange_busy <= orange_plain + 40);
  CHECK(count_near(load_png(window), viz::selection_color, 30) > orange_plain + 100);  // the window rings them
  CHECK(count_near(b, {255, 236, 204, 255}, 4) < 20);
  // The title band at the top left ("Coalitie Laak", "Stand op ..." on a white plate) and the
  // legend at the bottom left are drawn, not background.
  const Image* both[] = {&p, &b};
  for (const Image* img : both) {
    CHECK(dark_pixels(*img, 12, 12, 200, 70) > 300);                  // the title's letters
    CHECK(white_pixels(*img, 12, 12, 170, 62) > 4000);                 // on a white plate
    CHECK(dark_pixels(*img, 12, 800 - 120, 120, 800 - 12) > 150);      // the legend's letters
    CHECK(white_pixels(*img, 12, 800 - 120, 110, 800 - 12) > 4000);    // on a white plate
  }
  const std::string text = slurp(svg);
  CHECK(text.find(">Coalitie Laak</text>") != std::string::npos);
  CHECK(text.find(">Stand op ") != std::string::npos);
  CHECK(text.find(">Partner (11)</text>") != std::string::npos);
  CHECK(text.find(">Bewoner (5)</text>") != std::string::npos);
  CHECK(count_of(text, viz::selection_color.hex()) == 2);  // only the wijkmakelaar's ring and its legend row
  test::check_svg_labels(text, 26, true);

  // A larger window: the band and legend scale with it.
  REQUIRE(run_viewer_headless(laak() + fixed + " --size 1920x1080 --export-png " + quote(big.string()) + " --scale 1", dir / "c.txt",
                              false, "1920x1080") == 0);
  Image g = load_png(big);
  REQUIRE(g.w == 1920);
  CHECK(dark_pixels(g, 12, 12, 200, 70) > 300);
  CHECK(dark_pixels(g, 12, 1080 - 120, 120, 1080 - 12) > 150);
}

TEST_CASE("exports for others pseudonymise resident persons unless told not to; resident groups keep their names") {
  if (!have_xvfb()) return;
  auto dir = scratch_dir("exports-anonymous");
  // Laak (its residents are groups) with a resident person tied to the wijkmakelaar.
  auto doc = nlohmann::ordered_json::parse(slurp(laak_path()));
  doc["nodes"].push_back({{"id", "fatima"}, {"label", "Fatima El Amrani"}, {"kind", "resident"}, {"attrs", {{"resident", "person"}}}});
  doc["edges"].push_back({{"source", "fatima"}, {"target", "wijkmakelaar"}, {"kind", "collaborates"}});
  const auto file = dir / "laak-person.json";
  std::ofstream(file) << doc.dump();
  auto svg = dir / "view.svg", named = dir / "named.svg";
  int rc = run_viewer_headless(quote(file.string()) + " --lang nl --frames 3 --select fatima --export-svg " + quote(svg.string()), dir / "log.txt");
  INFO(slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  std::string text = slurp(svg);
  CHECK(text.find("Fatima") == std::string::npos);  // neither label nor tooltip
  CHECK(text.find(">Bewoner " + pseudonym_code("fatima") + "<") != std::string::npos);
  CHECK(text.find(">Bewonersgroep Laakkwartier<") != std::string::npos);  // groups are organisations
  CHECK(text.find(">Staedion<") != std::string::npos);
  CHECK(text.find(">Bewoner (6)</text>") != std::string::npos);  // the Dutch legend
  REQUIRE(run_viewer_headless(quote(file.string()) + " --lang nl --frames 3 --no-anonymize --export-svg " + quote(named.string()),
                              dir / "log2.txt") == 0);
  CHECK(slurp(named).find("<title>Fatima El Amrani</title>") != std::string::npos);
}

TEST_CASE("the interface speaks Dutch or English: --lang, else the system locale") {
  if (!have_xvfb()) return;
  auto dir = scratch_dir("language");
  REQUIRE(run_viewer_headless(laak() + " --lang nl --frames 2 --dump-state " + quote((dir / "nl.json").string()), dir / "a.txt") == 0);
  auto nl = read_json(dir / "nl.json");
  CHECK(nl["lang"] == "nl");
  CHECK(nl["menu"][0] == "Bestand");
  REQUIRE(run_viewer_headless("--frames 2 --dump-state " + quote((dir / "en.json").string()), dir / "b.txt") == 0);
  std::string cmd = "LANG=nl_NL.UTF-8 LC_ALL= LC_MESSAGES= LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " +
                    quote(WIJKNET_VIEWER_BIN) + " --frames 2 --dump-state " + quote((dir / "locale.json").string()) + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto locale = read_json(dir / "locale.json");
  CHECK(locale["lang"] == "nl");
  CHECK(locale["menu"][1] == "Bewerken");
  cmd = "LANG=en_GB.UTF-8 LC_ALL= LC_MESSAGES= LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " +
        quote(WIJKNET_VIEWER_BIN) + " --frames 2 --dump-state " + quote((dir / "locale-en.json").string()) + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(read_json(dir / "locale-en.json")["menu"][0] == "File");
}

TEST_CASE("--bench prints the median and 95th percentile frame time with the layout running") {
  if (!have_xvfb()) return;
  auto dir = scratch_dir("bench");
  int rc = run_viewer_headless("--generate-ba 1000 3 --bench 8", dir / "out.txt");
  std::string out = slurp(dir / "out.txt");
  INFO(out);
  REQUIRE(rc == 0);
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex(R"(bench \(layout running\): 1000 nodes, 2991 ties, 8 frames at 1280x800: median ([0-9.]+) ms, p95 ([0-9.]+) ms)")));
  double median = std::stod(m[1]), p95 = std::stod(m[2]);
  CHECK(median > 0);
  CHECK(p95 >= median);
  CHECK(out.find("bench (layout paused)") != std::string::npos);
}

TEST_CASE("command-line mistakes exit 1 with a message; --help exits 0") {
  auto dir = scratch_dir("usage");
  auto run = [&](const std::string& args) {
    std::string cmd = quote(WIJKNET_VIEWER_BIN) + " " + args + " >" + quote((dir / "out.txt").string()) + " 2>&1";
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  CHECK(run("--help") == 0);
  CHECK(slurp(dir / "out.txt").find("--screenshot") != std::string::npos);
  CHECK(run("--lang fr") == 1);
  CHECK(slurp(dir / "out.txt").find("wijknet-viewer: --lang: 'fr' is not nl or en") != std::string::npos);  // the CLI's words
  CHECK(run("--frames") == 1);
  CHECK(slurp(dir / "out.txt").find("wijknet-viewer: option '--frames' needs a value N") != std::string::npos);
  CHECK(run("--generate-ba 10 10") == 1);
  CHECK(run("--color-by nonsense") == 1);
  CHECK(run("a.json b.json") == 1);
  CHECK(slurp(dir / "out.txt").find("unexpected argument 'b.json'") != std::string::npos);
  CHECK(run("--bogus") == 1);
  CHECK(slurp(dir / "out.txt").find("unknown option '--bogus'") != std::string::npos);
}
