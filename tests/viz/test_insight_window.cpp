// The coordinator's panels in the real window (wijknet-viewer under Xvfb): what the dashboard,
// what-if and missing partners panels show (their --dump-state section) is what the command line
// computes for the same file at run time; screenshots of each panel at 1280x800 and 1920x1080
// keep every member clear of the panels; xdotool clicks an indicator, takes the broker out,
// accepts the succession introduction, undoes it and writes the report from the File menu.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "tests/viz/image.hpp"
#include "tests/viz/xsession.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Runs the viewer for `frames` frames with `args`; returns its dump (null when it failed).
json frames_dump(const fs::path& dir, const std::string& args, int frames = 30, const std::string& size = "1280x800",
                 const std::string& screenshot = "") {
  const fs::path state = dir / "state.json";
  fs::remove(state);
  std::string cmd = quote(laak_path()) + " --size " + size + " --frames " + std::to_string(frames) + " --dump-state " +
                    quote(state.string()) + " " + args;
  if (!screenshot.empty()) cmd += " --screenshot " + quote(screenshot);
  const int rc = run_viewer_headless(cmd, dir / "log.txt", true, size);
  INFO("viewer log: " << slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  return read_json(state);
}

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("window: the dashboard shows the score, status and indicators of `wijknet health`") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("insight-health");
  const json cli = wijknet_json("health " + quote(laak_path()) + " --json --lang en", dir);
  REQUIRE_FALSE(cli.is_null());
  const json j = frames_dump(dir, "--lang en");
  CHECK(j["panels"]["health"] == true);  // open by default
  const json& h = j["insight"]["health"];
  CHECK(j["insight"]["current"] == true);
  CHECK(h["score"] == cli["score"]);
  CHECK(h["status"] == cli["status"]);
  CHECK(h["network"] == "actors");
  CHECK(h["network"] == cli["network"]);
  CHECK(indicator_rows(h["indicators"]) == indicator_rows(cli["indicators"]));
}

TEST_CASE("window: --whatif wijkmakelaar gives the figures of `wijknet whatif --remove wijkmakelaar --json`") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("insight-whatif");
  const json cli = wijknet_json("whatif " + quote(laak_path()) + " --remove wijkmakelaar --json --lang en", dir);
  REQUIRE_FALSE(cli.is_null());
  const json j = frames_dump(dir, "--whatif wijkmakelaar --lang en", 60);
  const json& w = j["insight"]["whatif"];
  CHECK(j["panels"]["whatif"] == true);
  CHECK(w["active"] == true);
  CHECK(w["removed"] == json::array({"wijkmakelaar"}));
  CHECK(w["before"] == cli["before"]);
  CHECK(w["after"] == cli["after"]);
  CHECK(w["breaks"] == cli["breaks"]);
  CHECK(w["summary"] == cli["summary"]);
  // The acceptance figure: 44 pairs lose touch, and one group splits off.
  CHECK(w["after"]["figures"]["unreachable_pairs"] == 44);
  CHECK(w["breaks"]["split_off"].size() == 1);
  // The document is untouched.
  CHECK(j["document"]["nodes"] == 26);
  CHECK(j["history"]["undo"] == 0);
}

TEST_CASE("window: the Missing partners panel lists `wijknet suggest --candidates` in order") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("insight-missing");
  const std::string registry = std::string(WIJKNET_SOURCE_DIR) + "/assets/registry_den_haag.csv";
  const json cli = wijknet_json("suggest " + quote(laak_path()) + " --candidates " + quote(registry) + " --json --lang nl", dir);
  REQUIRE_FALSE(cli.is_null());
  const json j = frames_dump(dir, "--panel missing --candidates " + quote(registry) + " --lang nl");
  std::vector<std::string> want;
  for (const auto& m : cli["missing_sectors"]) want.push_back(m["reason"]);
  for (const auto& c : cli["candidates"]) want.push_back(c["reason"]);
  for (const auto& x : cli["introductions"]) want.push_back(x["reason"]);
  if (!cli["succession"].is_null()) {
    for (const auto& x : cli["succession"]["successors"]) want.push_back(x["reason"]);
    for (const auto& x : cli["succession"]["reconnect"]) want.push_back(x["reason"]);
  }
  std::vector<std::string> got;
  for (const auto& it : j["insight"]["missing"]["items"]) got.push_back(it["reason"]);
  REQUIRE(got.size() == want.size());
  for (std::size_t k = 0; k < got.size(); ++k) CHECK(got[k] == want[k]);
  CHECK(j["insight"]["missing"]["items"][0]["kind"] == (cli["missing_sectors"].empty() ? "candidate" : "sectors"));
}

TEST_CASE("window: screenshots of each panel at 1280x800 and 1920x1080 keep every member clear of the panels") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("insight-screens");
  const std::string registry = std::string(WIJKNET_SOURCE_DIR) + "/assets/registry_den_haag.csv";
  const std::vector<std::pair<std::string, std::string>> panels = {
      {"health", "--select wijkmakelaar"},
      {"whatif", "--whatif wijkmakelaar"},
      {"missing", "--panel missing --candidates " + quote(registry) + " --select wijkmakelaar"}};
  for (const std::string size : {"1280x800", "1920x1080"}) {
    const int width = std::stoi(size.substr(0, size.find('x'))), height = std::stoi(size.substr(size.find('x') + 1));
    for (const auto& panel : panels) {
      const auto& [name, args] = panel;
      const std::string shown = name;  // CAPTURE's lambda cannot take a structured binding (clang 14)
      CAPTURE(size);
      CAPTURE(shown);
      const std::string png = (dir / (name + "-" + size + ".png")).string();
      const json j = frames_dump(dir, args + " --lang nl", 30, size, png);
      const Image img = load_png(png);
      CHECK(img.w == width);
      CHECK(img.h == height);
      CHECK(colour_stats(img).distinct > 200);  // panels, text and the drawing, not a blank window
      REQUIRE(j["widgets"].contains("dock"));
      const double dock_right = j["widgets"]["dock"][2].get<double>();
      double right = width;
      if (!j["selection"].empty()) {
        REQUIRE(j["widgets"].contains("inspector"));
        right = j["widgets"]["inspector"][0].get<double>();
      }
      for (const auto& item : j["screen"].items()) {
        const std::string id = item.key();
        const json& p = item.value();
        CAPTURE(id);
        CHECK(p[0].get<double>() > dock_right);
        CHECK(p[0].get<double>() < right);
        CHECK(p[1].get<double>() > 20);
        CHECK(p[1].get<double>() < height - 20);
      }
    }
  }
}

TEST_CASE("under Xvfb: click an indicator, take the broker out, accept the succession introduction, undo, write the report") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("insight-xdotool");
  fs::copy_file(laak_path(), dir / "laak.json");
  XSession xs(dir);
  REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --lang en", true));
  auto until = [&](auto done) {
    json j;
    for (int i = 0; i < 40; ++i) {
      j = xs.dump();
      if (!j.is_null() && j["insight"]["current"] == true && done(j)) break;
      pause_ms(150);
    }
    return j;
  };
  json j0 = until([](const json&) { return true; });
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE_FALSE(j0.is_null());
  const json health = wijknet_json("health " + quote(laak_path()) + " --json --lang en", dir);
  CHECK(j0["insight"]["health"]["score"] == health["score"]);
  CHECK(indicator_rows(j0["insight"]["health"]["indicators"]) == indicator_rows(health["indicators"]));

  // 1. Click the broker dependency indicator: its members light up and the view flies to them.
  auto broker = widget(j0, "health.broker_dependency");
  REQUIRE(broker);
  xs.x("mousemove " + at(*broker), 150);
  xs.x("click 1", 900);
  json j1 = until([](const json& j) { return j["insight"]["health"]["highlighted"] == "broker_dependency"; });
  CHECK(j1["insight"]["health"]["highlighted"] == "broker_dependency");
  CHECK(j1["insight"]["health"]["highlighted_nodes"] == health["indicators"][1]["nodes"]);
  CHECK(j1["camera"]["zoom"] != j0["camera"]["zoom"]);

  // 2. "What if the broker leaves?": 44 unreachable pairs and the split-off group, as the CLI says.
  const json whatif = wijknet_json("whatif " + quote(laak_path()) + " --remove wijkmakelaar --json --lang en", dir);
  auto leave = widget(j1, "health.broker_whatif");
  REQUIRE(leave);
  xs.x("mousemove " + at(*leave), 150);
  xs.x("click 1", 600);
  json j2 = until([](const json& j) { return j["insight"].contains("whatif") && j["insight"]["whatif"].contains("after"); });
  REQUIRE(j2["insight"].contains("whatif"));
  CHECK(j2["insight"]["whatif"]["removed"] == json::array({"wijkmakelaar"}));
  CHECK(j2["insight"]["whatif"]["after"] == whatif["after"]);
  CHECK(j2["insight"]["whatif"]["after"]["figures"]["unreachable_pairs"] == 44);
  CHECK(j2["insight"]["whatif"]["breaks"]["split_off"] == whatif["breaks"]["split_off"]);
  CHECK(j2["document"]["nodes"] == 26);

  // 3. Open Missing partners from the menu; accept the succession introduction.
  for (const char* w : {"menu.view", "menu.panels", "panel.missing"}) {
    json jm = xs.dump();
    auto p = widget(jm, w);
    REQUIRE_MESSAGE(p, w);
    xs.x("mousemove " + at(*p), 150);
    xs.x("click 1", 500);
  }
  json j3 = until([](const json& j) { return j["insight"].contains("missing"); });
  REQUIRE(j3["insight"].contains("missing"));
  std::optional<std::size_t> reconnect;
  const auto& items = j3["insight"]["missing"]["items"];
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k]["kind"] == "reconnect") reconnect = k;
  REQUIRE(reconnect);
  const std::string add = "missing.add." + std::to_string(*reconnect);
  // The list is longer than the panel: scroll until the button is in sight.
  for (int i = 0; i < 20; ++i) {
    const auto& r = j3["widgets"][add];
    if (!r.is_null() && r[3].get<double>() < j3["widgets"]["dock"][3].get<double>() - 10 && r[1].get<double>() > 60) break;
    auto dock = widget(j3, "dock");
    xs.x("mousemove " + at(*dock), 100);
    xs.x("click 5", 250);
    j3 = xs.dump();
  }
  auto add_button = widget(j3, add);
  REQUIRE(add_button);
  const std::size_t edges = j3["document"]["edges"];
  xs.x("mousemove " + at(*add_button), 150);
  xs.x("click 1", 600);
  json j4 = until([&](const json& j) { return j["document"]["edges"] == edges + 1 && j["insight"]["whatif"].contains("after"); });
  CHECK(j4["document"]["edges"] == edges + 1);
  // The network stays whole without the broker, and the dashboard says so: it shows what the CLI
  // computes for the document with the new tie (saved with Ctrl+S).
  CHECK(j4["insight"]["whatif"]["after"]["figures"]["unreachable_pairs"] == 0);
  CHECK(j4["insight"]["whatif"]["breaks"]["split_off"].empty());
  xs.x("mousemove 900 790", 100);
  xs.x("key ctrl+s", 600);
  const json health_after = wijknet_json("health " + quote((dir / "laak.json").string()) + " --json --lang en", dir);
  CHECK(indicator_rows(j4["insight"]["health"]["indicators"]) == indicator_rows(health_after["indicators"]));
  CHECK(j4["insight"]["health"]["score"] == health_after["score"]);
  CHECK(health_after["indicators"][1]["score"] != health["indicators"][1]["score"]);  // broker dependency changed

  // 4. Undo restores the tie count, the 44 pairs and the dashboard.
  xs.x("key ctrl+z", 500);
  json j5 = until([&](const json& j) { return j["document"]["edges"] == edges; });
  CHECK(j5["document"]["edges"] == edges);
  CHECK(j5["insight"]["whatif"]["after"]["figures"]["unreachable_pairs"] == 44);
  CHECK(indicator_rows(j5["insight"]["health"]["indicators"]) == indicator_rows(health["indicators"]));

  // 5. File > Report: a path, Enter; the report is written and offered.
  const fs::path report = dir / "report.html";
  for (const char* w : {"menu.file", "menu.report"}) {
    json jm = xs.dump();
    auto p = widget(jm, w);
    REQUIRE_MESSAGE(p, w);
    xs.x("mousemove " + at(*p), 150);
    xs.x("click 1", 500);
  }
  xs.tap("ctrl+a");
  xs.x("type --delay 20 " + quote(report.string()), 300);
  xs.x("key Return", 1200);
  json j6 = until([&](const json& j) { return j["report"]["written"] == report.string(); });
  CHECK(j6["report"]["written"] == report.string());
  CHECK(j6["report"]["offer"] == true);
  const std::string html = slurp(report);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("Coalitie Laak") != std::string::npos);
  xs.x("key Escape", 400);
  CHECK(xs.dump()["report"]["offer"] == false);
  CHECK(xs.stop() == 0);

  // Chromium renders it (when installed): a page with colour, not blank.
  if (have_chromium()) {
    const fs::path png = dir / "report.png";
    const std::string cmd = "chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run "
                            "--user-data-dir=" + quote((dir / "chromium").string()) + " --screenshot=" + quote(png.string()) +
                            " --window-size=1200,1600 " + quote("file://" + report.string()) + " >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    const Image img = load_png(png);
    CHECK(img.w == 1200);
    CHECK(colour_stats(img).distinct > 50);
    CHECK(count_near(img, {192, 57, 43, 255}, 6) > 0);  // an alert badge
  } else {
    MESSAGE("chromium not installed: the report's rendering is not checked (scripts/deps --test installs it)");
  }
}

TEST_CASE("under Xvfb: panels closed and opened from the menu are remembered for the next run") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("insight-remember");
  {
    XSession xs(dir);
    REQUIRE(xs.start(quote(laak_path()) + " --lang en", true));
    json j = xs.dump();
    INFO("viewer log: " << slurp(xs.log()));
    REQUIRE(j["panels"]["health"] == true);
    for (const char* item : {"panel.health", "panel.missing"})
      for (const char* w : {"menu.view", "menu.panels", item}) {
        json jm = xs.dump();
        auto p = widget(jm, w);
        REQUIRE_MESSAGE(p, w);
        xs.x("mousemove " + at(*p), 150);
        xs.x("click 1", 500);
      }
    j = xs.dump();
    CHECK(j["panels"]["health"] == false);
    CHECK(j["panels"]["missing"] == true);
    CHECK(xs.stop() == 0);
  }
  const json saved = read_json(dir / "config" / "wijknet" / "viewer.json");
  CHECK(saved["panels"]["health"] == false);
  CHECK(saved["panels"]["missing"] == true);
  XSession again(dir);
  REQUIRE(again.start(quote(laak_path()) + " --lang en", true, "1280x800", false));
  json j = again.dump();
  CHECK(j["panels"]["health"] == false);
  CHECK(j["panels"]["missing"] == true);
  CHECK(j["insight"].contains("missing"));
  CHECK_FALSE(j["insight"].contains("health"));
  CHECK(again.stop() == 0);
}
