// The members table in the real window (wijknet-viewer under Xvfb): xdotool clicks the
// betweenness heading and a row; the dump's table is in the order the click asked for, with the
// wijkmakelaar first among the partners (the acceptance check); the legend of a measure reads in
// the user's locale; screenshots at 1280x800 and 1920x1080 keep the selected member clear of the
// table.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "tests/viz/xsession.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json frames_dump(const fs::path& dir, const std::string& args, const std::string& size, const std::string& screenshot = "") {
  const fs::path state = dir / "state.json";
  fs::remove(state);
  std::string cmd = quote(laak_path()) + " --size " + size + " --frames 40 --dump-state " + quote(state.string()) + " " + args;
  if (!screenshot.empty()) cmd += " --screenshot " + quote(screenshot);
  const int rc = run_viewer_headless(cmd, dir / "log.txt", true, size);
  INFO("viewer log: " << slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  return read_json(state);
}

}  // namespace

TEST_CASE("under Xvfb: a click on the betweenness heading sorts the table; a row click selects the member") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("table-sort");
  XSession xs(dir);
  REQUIRE(xs.start(quote(laak_path()) + " --panel table --lang nl", true));
  json j0 = xs.settled();
  REQUIRE_FALSE(j0.is_null());
  REQUIRE(j0["panels"]["table"] == true);
  REQUIRE(j0.contains("table"));
  CHECK(j0["table"]["sort"] == "label");
  CHECK(j0["table"]["total"] == 25);  // the members of Laak today, as `wijknet analyze` counts them
  auto header = widget(j0, "table.header.betweenness");
  REQUIRE(header);
  xs.x("mousemove " + at(*header), 150);
  xs.x("click 1", 600);
  json j1 = xs.dump();
  INFO("log: " << slurp(xs.log()));
  REQUIRE(j1.contains("table"));
  const json& t = j1["table"];
  CHECK(t["sort"] == "betweenness");
  CHECK(t["descending"] == true);
  CHECK(t["rank_by"] == "betweenness");
  REQUIRE(t["rows"].size() == 25);
  // Highest first; the acceptance check: the wijkmakelaar first among the partners, rank 1.
  for (std::size_t k = 1; k < t["rows"].size(); ++k)
    CHECK(t["rows"][k - 1]["values"]["betweenness"].get<double>() >= t["rows"][k]["values"]["betweenness"].get<double>());
  json first_partner;
  for (const auto& r : t["rows"])
    if (r["kind"] == "partner") {
      first_partner = r;
      break;
    }
  CHECK(first_partner["id"] == "wijkmakelaar");
  CHECK(first_partner["rank"] == 1);
  // The numbers are those of `wijknet analyze --json`.
  const json cli = wijknet_json("analyze " + quote(laak_path()) + " --json", dir);
  REQUIRE_FALSE(cli.is_null());
  for (const auto& n : cli["nodes"])
    if (n["id"] == "wijkmakelaar") CHECK(first_partner["values"]["betweenness"].get<double>() == doctest::Approx(n["betweenness"].get<double>()).epsilon(1e-12));
  // A second click turns the order round.
  xs.x("click 1", 600);
  json j2 = xs.dump();
  CHECK(j2["table"]["descending"] == false);
  // A click on the third row selects that member.
  const std::string third = j2["table"]["rows"][2]["id"];
  auto row = widget(j2, "table.row.2");
  REQUIRE(row);
  xs.x("mousemove " + at(*row), 150);
  xs.x("click 1", 800);
  json j3 = xs.dump();
  CHECK(j3["selection"] == json::array({third}));
  CHECK(xs.stop() == 0);
}

TEST_CASE("window: the legend of a measure on Laak in Dutch has decimal commas and no 'e'") {
  if (!have_xvfb()) return;
  const auto dir = scratch_dir("table-legend");
  const json j = frames_dump(dir, "--lang nl --color-by pagerank", "1280x800");
  REQUIRE(j["legend"].size() == 5);
  bool comma = false;
  for (const auto& e : j["legend"]) {
    const std::string text = e.get<std::string>();
    INFO(text);
    CHECK(std::regex_match(text, std::regex("[0-9]+(,[0-9]+)?")));
    comma = comma || text.find(',') != std::string::npos;
  }
  CHECK(comma);
}

TEST_CASE("screenshots: the table at 1280x800 and 1920x1080 leaves the selected member in sight") {
  if (!have_xvfb()) return;
  for (const std::string size : {"1280x800", "1920x1080"}) {
    const auto dir = scratch_dir("table-shot-" + size);
    const fs::path shot = dir / ("table-" + size + ".png");
    const json j = frames_dump(dir, "--lang nl --panel table --select wijkmakelaar", size, shot.string());
    CHECK(fs::exists(shot));
    REQUIRE(j["widgets"].contains("table"));
    const auto r = j["widgets"]["table"];
    const double x = j["screen"]["wijkmakelaar"][0], y = j["screen"]["wijkmakelaar"][1];
    INFO(size << ": wijkmakelaar at " << x << "," << y << ", table " << r.dump());
    CHECK_FALSE((x >= r[0].get<double>() && x <= r[2].get<double>() && y >= r[1].get<double>() && y <= r[3].get<double>()));
    // Readable: at least 180 pixels tall (eight rows) and 40 % of the window wide, between the dock
    // and the inspector.
    CHECK(r[3].get<double>() - r[1].get<double>() >= 180);
    CHECK(r[2].get<double>() - r[0].get<double>() >= 0.4 * j["camera"]["width"].get<double>());
  }
}
