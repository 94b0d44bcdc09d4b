// The timeline in the real window (wijknet-viewer under Xvfb, driven by xdotool): dragging the
// slider to July 2015 shows the founding partners of seed 000 and the dashboard of that date (as
// `wijknet health --at 2015-07`), the step and play buttons move it, "Compare with..." lists what
// `wijknet diff FILE@D1 FILE@D2 --json` lists and a member clicked there is selected; the panel is
// opened and closed from the menu and remembered; screenshots at 1280x800 and 1920x1080 keep the
// members shown clear of the bar.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/viz/image.hpp"
#include "tests/viz/xsession.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Seed 000's founders (gemeente, Staedion, Haagse Hogeschool, ROC Mondriaan, Stichting Mooi,
// Coöperatief Eigenwijzer, Esloo College), and the sample's wijkmakelaar, whose since is also
// 2015-07-01 in assets/laak.json (the seed does not date the broker's appointment).
const std::vector<std::string> founders_and_broker = {"eigenwijzer", "esloo", "gemeente", "hhs", "mooi", "roc-mondriaan",
                                                      "staedion", "wijkmakelaar"};

void click(XSession& xs, Point p, int settle_ms = 400) {
  xs.x("mousemove " + at(p), 150);
  xs.x("click 1", settle_ms);
}

// Clicks the widgets named in turn (a menu path).
void click_path(XSession& xs, std::initializer_list<const char*> names) {
  for (const char* w : names) {
    json j = xs.dump();
    auto p = widget(j, w);
    REQUIRE_MESSAGE(p, w);
    click(xs, *p, 500);
  }
}

}  // namespace

TEST_CASE("under Xvfb: dragging the timeline to July 2015 shows the founding partners and that date's dashboard") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("timeline-xdotool");
  const json health = wijknet_json("health " + quote(laak_path()) + " --at 2015-07 --json --lang en", dir);
  REQUIRE_FALSE(health.is_null());
  XSession xs(dir);
  REQUIRE(xs.start(quote(laak_path()) + " --panel timeline --lang en", true));
  auto until = [&](auto done) {
    json j;
    for (int i = 0; i < 40; ++i) {
      j = xs.dump();
      if (!j.is_null() && j["insight"]["current"] == true && j.contains("timeline") && done(j)) break;
      pause_ms(150);
    }
    return j;
  };
  json j0 = until([](const json&) { return true; });
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j0.contains("timeline"));
  CHECK(j0["panels"]["timeline"] == true);
  CHECK(j0["timeline"]["date"].is_null());  // every member, until the slider is moved
  CHECK(j0["timeline"]["first"] == "2015-07");
  CHECK(j0["timeline"]["visible_count"] == 26);
  REQUIRE(j0["widgets"].contains("timeline.slider"));

  // Drag the slider's grab from its right end (today) past its left end.
  const auto& r = j0["widgets"]["timeline.slider"];
  const double x0 = r[0].get<double>(), x1 = r[2].get<double>(), y = (r[1].get<double>() + r[3].get<double>()) / 2;
  xs.x("mousemove " + at({x1 - 5, y}), 150);
  xs.x("mousedown 1", 150);
  xs.x("mousemove " + at({(x0 + x1) / 2, y}), 150);
  xs.x("mousemove " + at({x0 + 2, y}), 150);
  xs.x("mousemove " + at({x0 - 40, y}), 200);
  xs.x("mouseup 1", 400);
  json j1 = until([](const json& j) { return j["timeline"]["date"] == "2015-07"; });
  CHECK(j1["timeline"]["date"] == "2015-07");
  CHECK(j1["filters"]["at"] == "2015-07");
  CHECK(strings(j1["timeline"]["visible_ids"]) == founders_and_broker);
  CHECK(j1["timeline"]["visible_count"] == 8);
  // The dashboard is that date's: `wijknet health --at 2015-07`.
  CHECK(j1["insight"]["health"]["at"] == "2015-07");
  CHECK(j1["insight"]["health"]["score"] == health["score"]);
  CHECK(indicator_rows(j1["insight"]["health"]["indicators"]) == indicator_rows(health["indicators"]));
  // The view re-fitted on the eight: each is on the map, clear of the dock and the timeline's bar.
  const double dock_right = j1["widgets"]["dock"][2].get<double>(), bar_top = j1["widgets"]["timeline"][1].get<double>();
  for (const auto& id : founders_and_broker) {
    CAPTURE(id);
    const Point p = screen(j1, id);
    CHECK(p.x > dock_right);
    CHECK(p.x < 1280 - 10);
    CHECK(p.y > 20);
    CHECK(p.y < bar_top);
  }

  // A month forward, and back.
  click(xs, *widget(j1, "timeline.forward"));
  json j2 = until([](const json& j) { return j["timeline"]["date"] == "2015-08"; });
  CHECK(j2["timeline"]["date"] == "2015-08");
  click(xs, *widget(j2, "timeline.back"));
  json j3 = until([](const json& j) { return j["timeline"]["date"] == "2015-07"; });
  CHECK(j3["timeline"]["date"] == "2015-07");

  // Play moves it on by itself; pause stops it.
  click(xs, *widget(j3, "timeline.play"));
  json j4 = until([](const json& j) { return j["timeline"]["date"] != "2015-07"; });
  CHECK(j4["timeline"]["playing"] == true);
  CHECK(j4["timeline"]["date"] != "2015-07");
  click(xs, *widget(j4, "timeline.play"));
  json j5 = until([](const json& j) { return j["timeline"]["playing"] == false; });
  CHECK(j5["timeline"]["playing"] == false);
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: Compare with... lists what `wijknet diff FILE@D1 FILE@D2` lists; a member clicked there is selected") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("timeline-compare");
  json cli = wijknet_json("diff " + quote(laak_path() + "@2015-07") + " " + quote(laak_path() + "@2017-06") + " --json", dir);
  REQUIRE_FALSE(cli.is_null());
  cli.erase("before");
  cli.erase("after");
  XSession xs(dir);
  REQUIRE(xs.start(quote(laak_path()) + " --at 2015-07 --compare 2017-06 --lang en", true));
  // Until the list is there and the bar has grown to hold it (the same place in two dumps).
  json j, last;
  for (int i = 0; i < 40; ++i) {
    j = xs.dump();
    if (!j.is_null() && j.contains("timeline") && j["timeline"]["compare"].contains("diff") &&
        j["widgets"].contains("timeline.joined.vestia") && !last.is_null() && last["widgets"].contains("timeline.joined.vestia") &&
        last["widgets"]["timeline.joined.vestia"] == j["widgets"]["timeline.joined.vestia"])
      break;
    last = j;
    pause_ms(150);
  }
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j["timeline"]["compare"].contains("diff"));
  CHECK(j["timeline"]["compare"]["before"] == "2015-07");
  CHECK(j["timeline"]["compare"]["after"] == "2017-06");
  CHECK(j["timeline"]["compare"]["diff"] == cli);
  CHECK(cli["joined"].size() == 13);  // by hand: everyone with a since from 2015-07-02 to 2017-06-01
  CHECK(cli["left"].empty());
  // Vestia joined in January 2017: clicking it in the list selects it on the map.
  auto vestia = widget(j, "timeline.joined.vestia");
  REQUIRE(vestia);
  click(xs, *vestia, 600);
  json k = xs.dump();
  CHECK(k["primary"] == "vestia");
  CHECK(k["selection"] == json::array({"vestia"}));
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: the timeline opens and closes from the menu and is remembered for the next run") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("timeline-remember");
  {
    XSession xs(dir);
    REQUIRE(xs.start(quote(laak_path()) + " --lang nl"));
    json j = xs.dump();
    INFO("viewer log: " << slurp(xs.log()));
    REQUIRE(j["panels"]["timeline"] == false);
    click_path(xs, {"menu.view", "menu.panels", "panel.timeline"});
    j = xs.dump();
    CHECK(j["panels"]["timeline"] == true);
    CHECK(j.contains("timeline"));
    CHECK(xs.stop() == 0);
  }
  CHECK(read_json(dir / "config" / "wijknet" / "viewer.json")["panels"]["timeline"] == true);
  XSession again(dir);
  REQUIRE(again.start(quote(laak_path()) + " --lang nl", false, "1280x800", false));
  json j = again.dump();
  CHECK(j["panels"]["timeline"] == true);
  click_path(again, {"menu.view", "menu.panels", "panel.timeline"});
  j = again.dump();
  CHECK(j["panels"]["timeline"] == false);
  CHECK_FALSE(j.contains("timeline"));
  CHECK(again.stop() == 0);
  CHECK(read_json(dir / "config" / "wijknet" / "viewer.json")["panels"]["timeline"] == false);
}

TEST_CASE("window: timeline screenshots at 1280x800 and 1920x1080 keep the members shown clear of the bar") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("timeline-screens");
  for (const std::string size : {"1280x800", "1920x1080"}) {
    for (const std::string lang : {"nl", "en"}) {
      CAPTURE(size);
      CAPTURE(lang);
      const int width = std::stoi(size.substr(0, size.find('x'))), height = std::stoi(size.substr(size.find('x') + 1));
      const std::string png = (dir / ("timeline-" + size + "-" + lang + ".png")).string();
      const fs::path state = dir / "state.json";
      fs::remove(state);
      const int rc = run_viewer_headless(quote(laak_path()) + " --size " + size + " --at 2016-06 --compare 2019-01 --lang " + lang +
                                             " --frames 40 --dump-state " + quote(state.string()) + " --screenshot " + quote(png),
                                         dir / "log.txt", true, size);
      INFO("viewer log: " << slurp(dir / "log.txt"));
      REQUIRE(rc == 0);
      const json j = read_json(state);
      const Image img = load_png(png);
      CHECK(img.w == width);
      CHECK(img.h == height);
      CHECK(colour_stats(img).distinct > 200);
      CHECK(j["timeline"]["date"] == "2016-06");
      CHECK(j["insight"]["health"]["at"] == "2016-06");
      REQUIRE(j["timeline"]["compare"].contains("diff"));
      const double dock_right = j["widgets"]["dock"][2].get<double>(), bar_top = j["widgets"]["timeline"][1].get<double>();
      const double bar_left = j["widgets"]["timeline"][0].get<double>();
      CHECK(bar_left >= dock_right);
      CHECK(bar_top > height * 0.45);  // the bar leaves the map more than half the window
      for (const auto& id : j["timeline"]["visible_ids"]) {
        CAPTURE(id);
        const Point p = screen(j, id.get<std::string>());
        CHECK(p.x > dock_right);
        CHECK(p.x < width - 10);
        CHECK(p.y > 20);
        CHECK(p.y < bar_top);
      }
    }
  }
}
