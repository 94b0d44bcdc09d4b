// The project matrix and the inspector's typed fields in the real window (wijknet-viewer under
// Xvfb): what the matrix shows (its --dump-state section) is what `wijknet health --json` assesses
// for the same file (Wijkkrant Laak to stop, the two pearls); screenshots at 1280x800 and
// 1920x1080 keep its labels inside the tab and clear of each other; xdotool clicks a dot (at the
// point the dump gives) and the project is selected; it sets effort in the inspector and undoes
// it, and types a budget as a Dutch user writes it.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/viz/image.hpp"
#include "tests/viz/xsession.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json frames_dump(const fs::path& dir, const std::string& args, const std::string& size = "1280x800", const std::string& png = "") {
  const fs::path state = dir / "state.json";
  fs::remove(state);
  std::string cmd = quote(laak_path()) + " --size " + size + " --frames 30 --dump-state " + quote(state.string()) + " " + args;
  if (!png.empty()) cmd += " --screenshot " + quote(png);
  const int rc = run_viewer_headless(cmd, dir / "log.txt", true, size);
  INFO("viewer log: " << slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  return read_json(state);
}

const json* project(const json& matrix, const std::string& id) {
  for (const auto& p : matrix["projects"])
    if (p["id"] == id) return &p;
  return nullptr;
}

// The viewer's dump once the matrix is in it and `done` holds, or the last one after about 5 s.
template <class Done>
json dump_until(XSession& xs, Done done) {
  return xs.dump_until([&](const json& j) { return j.contains("matrix") && done(j); }, 30, 150);
}

// Wijkkrant Laak's entry in the matrix's dump.
json wijkkrant(const json& j) {
  const json* p = project(j["matrix"], "p-wijkkrant");
  return p ? *p : json();
}

}  // namespace

TEST_CASE("window: --panel matrix shows the portfolio of `wijknet health`: Wijkkrant Laak to stop, two pearls") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("matrix-dump");
  const json cli = wijknet_json("health " + quote(laak_path()) + " --json --lang en", dir);
  REQUIRE_FALSE(cli.is_null());
  json details;
  for (const auto& i : cli["indicators"])
    if (i["id"] == "portfolio") details = i["details"];
  REQUIRE_FALSE(details.is_null());
  const json j = frames_dump(dir, "--panel matrix --lang nl");
  CHECK(j["panels"]["matrix"] == true);
  REQUIRE(j.contains("matrix"));
  const json& m = j["matrix"];
  // Project by project: the same ratings, advice and pearls as the command line.
  REQUIRE(m["projects"].size() == details["projects"].size());
  for (std::size_t k = 0; k < m["projects"].size(); ++k) {
    const json &a = m["projects"][k], &b = details["projects"][k];
    CAPTURE(b["id"]);
    CHECK(a["id"] == b["id"]);
    CHECK(a["effort"] == b["effort"]);
    CHECK(a["impact"] == b["impact"]);
    CHECK(a["advice"] == b["advice"]);
    CHECK(a["pearl"] == b["pearl"]);
  }
  // The acceptance, written out: Wijkkrant Laak (effort 4, impact 2) in "stop"; the pearls.
  const json* w = project(m, "p-wijkkrant");
  REQUIRE(w);
  CHECK((*w)["advice"] == "stop");
  std::vector<std::string> pearls;
  for (const auto& p : m["projects"])
    if (p["pearl"] == true) pearls.push_back(p["id"]);
  CHECK(pearls == std::vector<std::string>{"p-wijkconsultatie", "p-ateliers"});
  CHECK(details["pearls"] == json(pearls));
  CHECK(m["pearls"] == 2);
  CHECK(m["unrated"].empty());
  // Every dot inside the grid, in the docked column.
  const auto& g = m["grid"];
  for (const auto& p : m["projects"]) {
    CAPTURE(p["id"]);
    CHECK(p["point"][0].get<double>() > g[0].get<double>());
    CHECK(p["point"][0].get<double>() < g[2].get<double>());
    CHECK(p["point"][1].get<double>() > g[1].get<double>());
    CHECK(p["point"][1].get<double>() < g[3].get<double>());
  }
  CHECK(g[2].get<double>() < j["widgets"]["dock"][2].get<double>());
}

TEST_CASE("window: matrix screenshots at 1280x800 and 1920x1080: labels inside the tab, none over another") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("matrix-screens");
  for (const std::string size : {"1280x800", "1920x1080"}) {
    CAPTURE(size);
    const int width = std::stoi(size.substr(0, size.find('x')));
    const std::string png = (dir / ("matrix-" + size + ".png")).string();
    const json j = frames_dump(dir, "--panel matrix --select p-wijkkrant --lang nl", size, png);
    const Image img = load_png(png);
    CHECK(img.w == width);
    CHECK(colour_stats(img).distinct > 200);
    const json& m = j["matrix"];
    const double dock_right = j["widgets"]["dock"][2].get<double>();
    std::size_t labelled = 0;
    std::vector<std::array<double, 4>> boxes;
    for (const auto& p : m["projects"]) {
      if (p["label"].is_null()) {
        CHECK(p["key"].get<int>() > 0);  // its name is in the key under the picture
        continue;
      }
      ++labelled;
      const auto& b = p["label"]["box"];
      CHECK(b[0].get<double>() >= 0);
      CHECK(b[2].get<double>() <= dock_right);
      for (const auto& o : boxes) CHECK_FALSE((b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]));
      boxes.push_back({b[0], b[1], b[2], b[3]});
    }
    CHECK(labelled >= 7);  // of 9
    // The selected project is highlighted in the matrix too.
    CHECK(wijkkrant(j)["selected"] == true);
    CHECK(wijkkrant(j)["label"]["text"] == "Wijkkrant Laak");
  }
}

TEST_CASE("under Xvfb: a click on a dot in the matrix selects the project on the map and flies to it") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("matrix-click");
  XSession xs(dir);
  REQUIRE(xs.start(quote(laak_path()) + " --panel matrix --lang en", true));
  json j0 = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j0.contains("matrix"));
  CHECK(j0["selection"].empty());
  const json w = wijkkrant(j0);
  REQUIRE_FALSE(w.is_null());
  const Point dot{w["point"][0].get<double>(), w["point"][1].get<double>()};
  xs.x("mousemove " + at(dot), 200);
  xs.x("click 1", 900);
  const json j1 = dump_until(xs, [](const json& j) { return j["selection"] == json::array({"p-wijkkrant"}); });
  CHECK(j1["selection"] == json::array({"p-wijkkrant"}));
  CHECK(j1["primary"] == "p-wijkkrant");
  CHECK(wijkkrant(j1)["selected"] == true);
  CHECK(j1["camera"]["center"] != j0["camera"]["center"]);  // flown to it
  // A click beside every dot selects nothing new.
  const auto& g = j1["matrix"]["grid"];
  xs.x("mousemove " + at({g[0].get<double>() + 6, g[3].get<double>() - 30}), 150);
  xs.x("click 1", 500);
  CHECK(xs.dump()["selection"] == json::array({"p-wijkkrant"}));
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: effort set in the inspector moves the project in the matrix; undo restores it; a budget typed as 25.000") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("matrix-inspector");
  fs::copy_file(laak_path(), dir / "laak.json");
  XSession xs(dir);
  REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --panel matrix --select p-wijkkrant --lang nl", true));
  json j0 = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j0.contains("matrix"));
  CHECK(wijkkrant(j0)["effort"] == 4);
  CHECK(wijkkrant(j0)["advice"] == "stop");
  const int undo0 = j0["history"]["undo"];

  // Effort 2: little effort, little impact: investigate, one undo step.
  auto two = widget(j0, "inspector.field.effort.2");
  REQUIRE(two);
  xs.x("mousemove " + at(*two), 150);
  xs.x("click 1", 600);
  const json j1 = dump_until(xs, [](const json& j) { return wijkkrant(j)["effort"] == 2; });
  CHECK(wijkkrant(j1)["effort"] == 2);
  CHECK(wijkkrant(j1)["advice"] == "investigate");
  CHECK(j1["history"]["undo"] == undo0 + 1);
  CHECK(j1["document"]["dirty"] == true);

  // Undo: back to effort 4, to stop.
  xs.x("mousemove 900 790", 100);
  xs.x("key ctrl+z", 600);
  json j2 = dump_until(xs, [](const json& j) { return wijkkrant(j)["effort"] == 4; });
  CHECK(wijkkrant(j2)["effort"] == 4);
  CHECK(wijkkrant(j2)["advice"] == "stop");
  CHECK(j2["history"]["undo"] == undo0);

  // Until before since is refused, in Dutch, and nothing changes.
  CHECK(j2["primary_node"]["since"] == "2016-06-01");
  auto until = widget(j2, "inspector.field.until");
  REQUIRE(until);
  xs.x("mousemove " + at(*until), 150);
  xs.x("click 1", 300);
  xs.x("type --delay 30 2010-01-01", 200);
  xs.tap("Return");
  pause_ms(300);
  json jd = xs.dump();
  CHECK(jd["primary_node"]["until"].is_null());
  CHECK(jd["history"]["undo"] == undo0);
  CHECK(jd["field_errors"]["inspector.field.until"] == "\"Tot\" (2010-01-01) moet na \"Sinds\" (2016-06-01) liggen.");
  // A date after it is taken.
  xs.x("mousemove " + at(*until), 150);
  xs.x("click 1", 300);
  xs.tap("ctrl+a");
  xs.x("type --delay 30 2027-01-01", 200);
  xs.tap("Return");
  pause_ms(300);
  jd = xs.dump();
  CHECK(jd["primary_node"]["until"] == "2027-01-01");
  CHECK(jd["history"]["undo"] == undo0 + 1);
  CHECK_FALSE(jd["field_errors"].contains("inspector.field.until"));
  xs.x("mousemove 900 790", 100);
  xs.x("key ctrl+z", 600);
  j2 = xs.dump();
  CHECK(j2["primary_node"]["until"].is_null());

  // The budget, typed as a Dutch user writes it; saved as the number 25000.
  auto budget = widget(j2, "inspector.field.budget");
  REQUIRE(budget);
  xs.x("mousemove " + at(*budget), 150);
  xs.x("click 1", 300);
  xs.tap("ctrl+a");
  xs.x("type --delay 30 " + quote("\xE2\x82\xAC 25.000,-"), 300);
  xs.tap("Return");
  pause_ms(400);
  json j3 = xs.dump();
  CHECK(j3["history"]["undo"] == undo0 + 1);
  CHECK(j3["primary_node"]["attrs"]["budget"] == 25000);
  CHECK(j3["error"] == "");
  xs.x("mousemove 900 790", 100);
  xs.x("key ctrl+s", 800);
  const json saved = read_json(dir / "laak.json");
  for (const auto& n : saved["nodes"])
    if (n["id"] == "p-wijkkrant") CHECK(n["attrs"]["budget"] == 25000);

  // A funding tie of Wijkkrant Laak (edge 70: gemeente funds it, 15.000 since 2016-06-01): its
  // period and amount under its row in the inspector's ties.
  auto click = [&](const std::string& name) {
    auto p = widget(xs.dump(), name);
    REQUIRE_MESSAGE(p, name);
    xs.x("mousemove " + at(*p), 150);
    xs.x("click 1", 400);
  };
  click("inspector.attrs");    // folded,
  click("inspector.metrics");  // so the ties are in view
  click("inspector.tie.70");
  click("inspector.tie.70.until");
  xs.x("type --delay 30 2015-01-01", 200);
  xs.tap("Return");
  pause_ms(300);
  json jt = xs.dump();
  CHECK(jt["field_errors"]["inspector.tie.70.until"] == "\"Tot\" (2015-01-01) moet na \"Sinds\" (2016-06-01) liggen.");
  const int undo_tie = jt["history"]["undo"];
  click("inspector.tie.70.until");
  xs.tap("ctrl+a");
  xs.x("type --delay 30 2026-12-31", 200);
  xs.tap("Return");
  pause_ms(300);
  click("inspector.tie.70.amount");
  xs.tap("ctrl+a");
  xs.x("type --delay 30 " + quote("20.000"), 200);
  xs.tap("Return");
  pause_ms(300);
  jt = xs.dump();
  CHECK(jt["history"]["undo"] == undo_tie + 2);
  CHECK(jt["field_errors"].empty());
  xs.x("mousemove 900 790", 100);
  xs.x("key ctrl+s", 800);
  const json tie = read_json(dir / "laak.json")["edges"][70];
  CHECK(tie["kind"] == "funds");
  CHECK(tie["until"] == "2026-12-31");
  CHECK(tie["attrs"]["amount"] == 20000);
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: the matrix opens and closes from View > Panels and is remembered for the next run") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("matrix-remember");
  auto toggle = [](XSession& xs) {
    for (const char* w : {"menu.view", "menu.panels", "panel.matrix"}) {
      auto p = widget(xs.dump(), w);
      REQUIRE_MESSAGE(p, w);
      xs.x("mousemove " + at(*p), 150);
      xs.x("click 1", 500);
    }
  };
  {
    XSession xs(dir);
    REQUIRE(xs.start(quote(laak_path()) + " --lang en", true));
    INFO("viewer log: " << slurp(xs.log()));
    CHECK(xs.dump()["panels"]["matrix"] == false);
    toggle(xs);
    const json j = xs.dump();
    CHECK(j["panels"]["matrix"] == true);
    CHECK(j["matrix"]["projects"].size() == 9);  // its tab is brought forward
    CHECK(xs.stop() == 0);
  }
  CHECK(read_json(dir / "config" / "wijknet" / "viewer.json")["panels"]["matrix"] == true);
  {
    XSession again(dir);
    REQUIRE(again.start(quote(laak_path()) + " --lang en", true, "1280x800", false));
    CHECK(again.dump()["panels"]["matrix"] == true);
    toggle(again);
    CHECK(again.dump()["panels"]["matrix"] == false);
    CHECK_FALSE(again.dump().contains("matrix"));
    CHECK(again.stop() == 0);
  }
  CHECK(read_json(dir / "config" / "wijknet" / "viewer.json")["panels"]["matrix"] == false);
}
