// The viewer driven by real X input under Xvfb: xdotool moves the mouse, drags, scrolls, clicks
// and types; the viewer's state dump (written on F9 and at exit) says what happened.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <optional>
#include <fstream>
#include <thread>

#include "tests/viz/xsession.hpp"
#include "viz/palette.hpp"

using namespace wijknet::test;
using nlohmann::json;


TEST_CASE("under Xvfb, xdotool drags, zooms, clicks, searches and focuses; the state dump follows") {
  if (!can_drive_x()) return;
  auto dir = scratch_dir("xdotool");
  XSession xs(dir);
  REQUIRE(xs.start(quote(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json") + " --lang en"));
  json j0 = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE_FALSE(j0.is_null());
  REQUIRE(j0["document"]["nodes"] == 26);
  CHECK(j0["selection"].empty());
  const double zoom0 = j0["camera"]["zoom"].get<double>();

  // 1. Drag on empty space pans: the view follows the mouse by (100, 50) pixels.
  auto spot = empty_spot(j0, 250, 900, 80, 620);
  REQUIRE(spot);
  xs.x("mousemove " + at(*spot), 200);
  xs.x("mousedown 1", 200);
  xs.x("mousemove " + at({spot->x + 50, spot->y + 25}), 200);
  xs.x("mousemove " + at({spot->x + 100, spot->y + 50}), 200);
  xs.x("mouseup 1");
  json j1 = xs.dump();
  CHECK(j1["camera"]["center"][0].get<double>() == doctest::Approx(j0["camera"]["center"][0].get<double>() - 100 / zoom0).epsilon(1e-3));
  CHECK(j1["camera"]["center"][1].get<double>() == doctest::Approx(j0["camera"]["center"][1].get<double>() + 50 / zoom0).epsilon(1e-3));
  CHECK(j1["camera"]["auto_fit"] == false);
  CHECK(j1["selection"].empty());
  Point gem0 = screen(j0, "gemeente"), gem1 = screen(j1, "gemeente");
  CHECK(gem1.x == doctest::Approx(gem0.x + 100).epsilon(1e-3));
  CHECK(gem1.y == doctest::Approx(gem0.y + 50).epsilon(1e-3));

  // 2. Two wheel notches up at a point zoom in by 1.2^2 around it: the member under the
  // cursor stays under the cursor.
  Point target = screen(j1, "esloo");
  Point cursor{target.x + 30, target.y + 20};
  xs.x("mousemove " + at(cursor), 200);
  xs.x("click 4", 150);
  xs.x("click 4", 300);
  json j2 = xs.dump();
  CHECK(j2["camera"]["zoom"].get<double>() == doctest::Approx(zoom0 * 1.44).epsilon(1e-6));
  Point esloo2 = screen(j2, "esloo");
  // The world point under the cursor is fixed, so esloo's offset from it grew by 1.44.
  CHECK(esloo2.x - cursor.x == doctest::Approx((target.x - cursor.x) * 1.44).epsilon(0.02));
  CHECK(esloo2.y - cursor.y == doctest::Approx((target.y - cursor.y) * 1.44).epsilon(0.02));

  // 3. Hover shows the member under the mouse; a click selects it.
  Point staedion = screen(j2, "staedion");
  xs.x("mousemove " + at(staedion), 300);
  json j3 = xs.dump();
  CHECK(j3["hovered"] == "staedion");
  xs.x("click 1", 300);
  json j4 = xs.dump();
  CHECK(strings(j4["selection"]) == std::vector<std::string>{"staedion"});
  CHECK(j4["primary"] == "staedion");

  // 4. Shift-click adds a second member.
  Point vestia = screen(j4, "vestia");
  xs.x("mousemove " + at(vestia), 200);
  xs.x("keydown shift", 200);
  xs.x("click 1", 200);
  xs.x("keyup shift", 250);
  json j5 = xs.dump();
  CHECK(strings(j5["selection"]) == std::vector<std::string>{"staedion", "vestia"});
  CHECK(j5["primary"] == "vestia");

  // 5. Dragging a member moves it with the mouse and pins it (one undo step).
  Point duwo = screen(j5, "duwo");
  const double zoom = j5["camera"]["zoom"].get<double>();
  auto duwo_world = j5["positions"]["duwo"];
  xs.x("mousemove " + at(duwo), 200);
  xs.x("mousedown 1", 200);
  xs.x("mousemove " + at({duwo.x + 30, duwo.y - 20}), 200);
  xs.x("mousemove " + at({duwo.x + 60, duwo.y - 40}), 200);
  xs.x("mouseup 1", 300);
  json j6 = xs.dump();
  CHECK(strings(j6["pinned"]) == std::vector<std::string>{"duwo"});
  CHECK(j6["positions"]["duwo"][0].get<double>() == doctest::Approx(duwo_world[0].get<double>() + 60 / zoom).epsilon(1e-3));
  CHECK(j6["positions"]["duwo"][1].get<double>() == doctest::Approx(duwo_world[1].get<double>() + 40 / zoom).epsilon(1e-3));
  CHECK(j6["history"]["undo"] == j5["history"]["undo"].get<int>() + 1);
  CHECK(j6["document"]["dirty"] == true);
  CHECK(j6["primary"] == "duwo");

  // 6. Ctrl+Z puts it back where it was, unpinned.
  xs.x("key ctrl+z", 300);
  json j7 = xs.dump();
  CHECK(j7["pinned"].empty());
  CHECK(j7["positions"]["duwo"][0].get<double>() == doctest::Approx(duwo_world[0].get<double>()));
  CHECK(j7["history"]["redo"] == 1);

  // 7. Ctrl+F, type, Enter: the search selects the best match and flies to it.
  xs.x("key ctrl+f", 300);
  xs.x("type --delay 60 coop", 300);
  xs.x("key Return", 1200);  // the flight takes 0.6 s
  json j8 = xs.dump();
  CHECK(j8["panels"]["search"] == true);
  CHECK(j8["search"]["query"] == "coop");
  CHECK(strings(j8["search"]["matches"]) == std::vector<std::string>{"eigenwijzer"});
  CHECK(j8["primary"] == "eigenwijzer");
  Point eig = screen(j8, "eigenwijzer");
  // Centred in the part of the 1280x800 view the panels leave free (the inspector on the right).
  const double free_mid = (j8["insets"][0].get<double>() + 1280 - j8["insets"][1].get<double>()) / 2;
  CHECK(j8["insets"][1].get<double>() > 300);
  CHECK(eig.x == doctest::Approx(free_mid).epsilon(0.01));
  CHECK(eig.y == doctest::Approx(400).epsilon(0.01));
  xs.x("key Escape", 300);  // closes the search box
  json j9 = xs.dump();
  CHECK(j9["panels"]["search"] == false);

  // 8. N focuses on the selected member's neighbourhood; N again shows everyone.
  xs.x("key n", 300);
  json j10 = xs.dump();
  CHECK(j10["focus"]["node"] == "eigenwijzer");
  CHECK(j10["visible_nodes"].get<int>() < 26);
  CHECK(j10["visible_nodes"].get<int>() > 1);
  xs.x("key n", 300);
  CHECK(xs.dump()["visible_nodes"] == 26);

  // 9. F fits everything again; shift-drag draws a box that selects the members inside.
  xs.x("key Escape", 200);  // clear the selection, so the inspector closes
  xs.x("key f", 400);
  json j11 = xs.dump();
  CHECK(j11["selection"].empty());
  // A box around the lower half of the drawing, starting and ending on empty space.
  auto sa = empty_spot(j11, 250, 420, 400, 480, 30), sb = empty_spot(j11, 950, 1080, 640, 720, 30);
  REQUIRE(sa);
  REQUIRE(sb);
  Point a = *sa, b = *sb;
  std::vector<std::string> expected;
  for (const auto& [id, p] : j11["screen"].items())
    if (p[0].get<double>() > a.x && p[0].get<double>() < b.x && p[1].get<double>() > a.y && p[1].get<double>() < b.y) expected.push_back(id);
  std::sort(expected.begin(), expected.end());
  REQUIRE(expected.size() >= 3);
  xs.x("mousemove " + at(a), 200);
  xs.x("keydown shift", 200);
  xs.x("mousedown 1", 200);
  xs.x("mousemove " + at({(a.x + b.x) / 2, (a.y + b.y) / 2}), 200);
  xs.x("mousemove " + at(b), 200);
  xs.x("mouseup 1", 200);
  xs.x("keyup shift", 250);
  json j12 = xs.dump();
  CHECK(strings(j12["selection"]) == expected);

  // 10. SIGTERM ends the viewer cleanly; it writes the final dump on the way out.
  std::filesystem::remove(xs.state());
  CHECK(xs.stop() == 0);
  REQUIRE(std::filesystem::exists(xs.state()));
  CHECK(strings(read_json(xs.state())["selection"]) == expected);
}

TEST_CASE("under Xvfb: save with Ctrl+S keeps the layout; Ctrl+O opens by path; a broken file gives a message") {
  if (!can_drive_x()) return;
  auto dir = scratch_dir("xdotool-documents");
  std::filesystem::copy_file(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json", dir / "laak.json");
  std::filesystem::copy_file(std::string(WIJKNET_SOURCE_DIR) + "/assets/zuidwest.json", dir / "zuidwest.json");
  std::ofstream(dir / "broken.json") << "{\"format\": \"wijknet/1\",\n \"nodes\": [ {\"id\": \"a\" ";
  const std::size_t zuidwest_nodes = read_json(dir / "zuidwest.json")["nodes"].size();

  XSession xs(dir);
  REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --lang en"));
  json j0 = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE_FALSE(j0.is_null());
  CHECK(j0["document"]["dirty"] == false);

  // Move a member, then Ctrl+S: the file now holds a layout for every member, the moved one
  // where it was put.
  Point p = screen(j0, "staedion");
  xs.x("mousemove " + at(p), 200);
  xs.x("mousedown 1", 200);
  xs.x("mousemove " + at({p.x + 40, p.y + 30}), 200);
  xs.x("mouseup 1", 300);
  json j1 = xs.dump();
  CHECK(j1["document"]["dirty"] == true);
  xs.x("key ctrl+s", 600);
  json j2 = xs.dump();
  CHECK(j2["document"]["dirty"] == false);
  json saved = read_json(dir / "laak.json");
  REQUIRE(saved.contains("layout"));
  CHECK(saved["layout"].size() == 26);
  CHECK(saved["layout"]["staedion"][0].get<double>() == doctest::Approx(j2["positions"]["staedion"][0].get<double>()));
  CHECK(saved["nodes"].size() == 26);

  // Ctrl+O, replace the path, Enter: a broken file gives a message and keeps the document.
  auto type_path = [&](const std::filesystem::path& path) {
    xs.x("key ctrl+o", 400);
    xs.x("keydown ctrl", 100);
    xs.x("keydown a", 150);
    xs.x("keyup a", 100);
    xs.x("keyup ctrl", 150);
    xs.x("type --delay 20 " + quote(path.string()), 300);
    xs.x("key Return", 800);
  };
  type_path(dir / "broken.json");
  json j3 = xs.dump();
  CHECK(j3["error"].get<std::string>().find("broken.json:2:") != std::string::npos);
  CHECK(j3["document"]["nodes"] == 26);
  CHECK(j3["document"]["path"].get<std::string>().find("laak.json") != std::string::npos);
  xs.x("key Return", 400);  // OK on the message
  CHECK(xs.dump()["error"] == "");

  // And a good one opens, with its own layout run and history cleared.
  type_path(dir / "zuidwest.json");
  json j4 = xs.settled();
  CHECK(j4["error"] == "");
  CHECK(j4["document"]["path"].get<std::string>().find("zuidwest.json") != std::string::npos);
  CHECK(j4["document"]["nodes"] == zuidwest_nodes);
  CHECK(j4["history"]["undo"] == 0);
  CHECK(j4["positions"].size() == zuidwest_nodes);
  CHECK(xs.stop() == 0);
}


TEST_CASE("under Xvfb: menus, filters, the inspector, delete, undo and redo, language and export by the menu") {
  if (!can_drive_x()) return;
  auto dir = scratch_dir("xdotool-panels");
  std::filesystem::copy_file(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json", dir / "laak.json");
  XSession xs(dir);
  REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --lang en"));
  json j = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE_FALSE(j.is_null());
  auto click = [&](const std::string& name) {
    json now = xs.dump();
    auto p = widget(now, name);
    INFO("widget " << name);
    REQUIRE(p);
    xs.x("mousemove " + at(*p), 200);
    xs.x("click 1", 400);
  };

  // View > Panels > Filters opens the filters panel.
  click("menu.view");
  click("menu.panels");
  click("panel.filters");
  j = xs.dump();
  CHECK(j["panels"]["filters"] == true);
  // Hide the residents: five members fewer.
  click("filters.kind.resident");
  j = xs.dump();
  CHECK(strings(j["filters"]["hidden_kinds"]) == std::vector<std::string>{"resident"});
  CHECK(j["visible_nodes"] == 21);
  click("filters.kind.resident");
  CHECK(xs.dump()["visible_nodes"] == 26);
  // Hide the housing corporations by sector, then show them again.
  click("filters.sector.housing");
  j = xs.dump();
  CHECK(strings(j["filters"]["hidden_sectors"]) == std::vector<std::string>{"housing"});
  CHECK(j["visible_nodes"].get<int>() < 26);
  click("filters.sector.housing");
  // Only the theme "onderwijs".
  click("filters.theme.onderwijs");
  j = xs.dump();
  CHECK(strings(j["filters"]["themes"]) == std::vector<std::string>{"onderwijs"});
  const int with_theme = j["visible_nodes"].get<int>();
  CHECK(with_theme < 26);
  CHECK(with_theme > 0);
  click("filters.theme.onderwijs");
  // The network as it stood on a date, typed into the field.
  click("filters.date");
  xs.x("type --delay 30 2015-08-01", 200);
  xs.tap("Return");
  pause_ms(300);
  j = xs.dump();
  CHECK(j["filters"]["at"] == "2015-08-01");
  const int then = j["visible_nodes"].get<int>();
  CHECK(then < 26);  // partners who joined later are not there yet
  click("filters.date");
  xs.tap("ctrl+a");
  xs.tap("BackSpace");
  xs.tap("Return");
  pause_ms(300);
  CHECK(xs.dump()["filters"]["at"].is_null());
  // Minimum tie strength: Ctrl+click on the slider types a value.
  {
    auto p = widget(xs.dump(), "filters.min_weight");
    REQUIRE(p);
    xs.x("mousemove " + at(*p), 200);
    xs.x("keydown ctrl", 100);
    xs.x("click 1", 200);
    xs.x("keyup ctrl", 200);
    xs.tap("ctrl+a");
    xs.x("type --delay 30 2", 200);
    xs.tap("Return");
  pause_ms(300);
    j = xs.dump();
    CHECK(j["filters"]["min_weight"].get<double>() == doctest::Approx(2.0));
    CHECK(j["visible_edges"].get<int>() < 90);
  }

  // The inspector: click a member, give it a new label, save; the file has it.
  j = xs.dump();
  Point p = screen(j, "esloo");
  xs.x("mousemove " + at(p), 200);
  xs.x("click 1", 500);
  CHECK(xs.dump()["primary"] == "esloo");
  click("inspector.label");
  xs.tap("ctrl+a");
  xs.x("type --delay 30 " + quote("Esloo Onderwijsgroep"), 200);
  xs.tap("Return");
  pause_ms(300);
  // Sector from its list, one more theme, an attribute added as a name/value row, and one tie removed.
  click("inspector.sector");
  click("inspector.sector.welfare");
  CHECK(xs.dump()["primary_node"]["sector"] == "welfare");
  click("inspector.theme.samenleven");
  CHECK(strings(xs.dump()["primary_node"]["themes"]) == std::vector<std::string>{"onderwijs", "samenleven"});
  click("inspector.field.add.key");
  xs.x("type --delay 30 contact", 200);
  click("inspector.field.add.value");
  xs.x("type --delay 30 directie", 200);
  click("inspector.field.add");
  CHECK(xs.dump()["primary_node"]["attrs"] ==
        json{{"committed_until", "2029-07-31"}, {"source", "000_4bcca98ce12a974b.txt"}, {"contact", "directie"}});
  click("inspector.attrs");    // folded,
  click("inspector.metrics");  // so the ties are in view
  std::string tie_to;
  {
    const json original = read_json(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json");
    std::vector<std::string> ids;
    for (const auto& n : original["nodes"]) ids.push_back(n["id"].get<std::string>());
    for (const auto& e : original["edges"]) {
      if (e["source"] == "esloo") tie_to = e["target"].get<std::string>();
      if (e["target"] == "esloo") tie_to = e["source"].get<std::string>();
      if (!tie_to.empty()) break;
    }
  }
  REQUIRE_FALSE(tie_to.empty());
  const int edges_at_start = xs.dump()["document"]["edges"].get<int>();
  click("inspector.remove_tie." + tie_to);
  CHECK(xs.dump()["document"]["edges"].get<int>() == edges_at_start - 1);
  xs.x("mousemove " + at(p), 200);  // back over the view, so keys go to the viewer
  xs.x("key ctrl+s", 600);
  auto saved_label = [&] {
    const json saved = read_json(dir / "laak.json");  // kept alive: the loop walks inside it
    for (const auto& n : saved["nodes"])
      if (n["id"] == "esloo") return n["label"].get<std::string>();
    return std::string();
  };
  for (int i = 0; i < 20 && saved_label() != "Esloo Onderwijsgroep"; ++i) pause_ms(150);
  CHECK(saved_label() == "Esloo Onderwijsgroep");
  {
    const json saved = read_json(dir / "laak.json");
    json esloo;
    for (const auto& n : saved["nodes"])
      if (n["id"] == "esloo") esloo = n;
    CHECK(esloo["sector"] == "welfare");
    CHECK(strings(esloo["themes"]) == std::vector<std::string>{"onderwijs", "samenleven"});
    CHECK(esloo["attrs"]["contact"] == "directie");
    CHECK(saved["edges"].size() == std::size_t(edges_at_start - 1));
  }
  CHECK(xs.dump()["document"]["dirty"] == false);

  // Delete removes the selection, Ctrl+Z brings it back, Ctrl+Y removes it again.
  const int undo_before = xs.dump()["history"]["undo"].get<int>();
  xs.x("key Delete", 400);
  j = xs.dump();
  CHECK(j["document"]["nodes"] == 25);
  CHECK(j["history"]["undo"].get<int>() == undo_before + 1);
  xs.x("key ctrl+z", 400);
  CHECK(xs.dump()["document"]["nodes"] == 26);
  xs.x("key ctrl+y", 400);
  CHECK(xs.dump()["document"]["nodes"] == 25);
  xs.x("key ctrl+z", 400);
  // Edit > Add member adds one, selected.
  click("menu.edit");
  click("menu.add_node");
  j = xs.dump();
  CHECK(j["document"]["nodes"] == 27);
  CHECK(j["primary"] == "nieuw-1");

  // Two members selected (click, shift-click), Edit > Tie between selection adds a tie. F first:
  // the drawing fits the part the filters and the inspector leave free, so both can be clicked.
  xs.x("key f", 500);
  j = xs.dump();
  const int edges_before = j["document"]["edges"].get<int>();
  Point a = screen(j, "mooi"), b = screen(j, "duwo");
  xs.x("mousemove " + at(a), 200);
  xs.x("click 1", 400);
  xs.x("mousemove " + at(b), 200);
  xs.x("keydown shift", 100);
  xs.x("click 1", 300);
  xs.x("keyup shift", 300);
  CHECK(strings(xs.dump()["selection"]) == std::vector<std::string>{"duwo", "mooi"});
  click("menu.edit");
  click("menu.add_tie");
  CHECK(xs.dump()["document"]["edges"].get<int>() == edges_before + 1);

  // A resident group shows as a group in the inspector; made a person there, the document says so.
  j = xs.dump();
  Point g = screen(j, "bewonersgroep-laakkwartier");
  xs.x("mousemove " + at(g), 200);
  xs.x("click 1", 400);
  j = xs.dump();
  CHECK(j["primary"] == "bewonersgroep-laakkwartier");
  CHECK(j["primary_node"]["attrs"]["resident"] == "group");
  click("inspector.resident");
  click("inspector.resident.person");
  CHECK(xs.dump()["primary_node"]["attrs"]["resident"] == "person");
  xs.x("mousemove " + at(g), 200);  // back over the view, so keys go to the viewer
  xs.x("key ctrl+z", 400);
  CHECK(xs.dump()["primary_node"]["attrs"]["resident"] == "group");

  // Language > Nederlands: the menus speak Dutch.
  click("menu.language");
  click("lang.nl");
  j = xs.dump();
  CHECK(j["lang"] == "nl");
  CHECK(j["menu"][0] == "Bestand");

  // File > Export > View as PNG, then as SVG: the dialog writes the picture where it is told.
  auto export_by_menu = [&](const std::string& item, int dialog, const std::filesystem::path& out) {
    click("menu.file");
    click("menu.export");
    click(item);
    CHECK(xs.dump()["dialog"] == dialog);
    xs.tap("ctrl+a");
    xs.x("type --delay 20 " + quote(out.string()), 300);
    xs.tap("Return");
    pause_ms(1500);
    CHECK(xs.dump()["dialog"] == 0);
    return std::filesystem::exists(out);
  };
  const auto png = dir / "view.png", svg = dir / "view.svg";
  REQUIRE(export_by_menu("menu.export_png", 3, png));
  CHECK(std::filesystem::file_size(png) > 10000);
  REQUIRE(export_by_menu("menu.export_svg", 4, svg));
  const std::string svg_text = slurp(svg);
  CHECK(svg_text.find("<svg") != std::string::npos);
  CHECK(svg_text.find("Gemeente Den Haag") != std::string::npos);
  CHECK(svg_text.find("Esloo Onderwijsgroep") != std::string::npos);
  // For a council: titled, dated, a legend; the selected group is named (an organisation) and
  // not highlighted: the only orange is the wijkmakelaar's ring and its legend row.
  CHECK(svg_text.find(">Coalitie Laak</text>") != std::string::npos);
  CHECK(svg_text.find(">Stand op ") != std::string::npos);
  CHECK(svg_text.find(">Partner (") != std::string::npos);  // the legend (its counts follow the edits above)
  CHECK(svg_text.find("<title>Bewonersgroep Laakkwartier</title>") != std::string::npos);
  CHECK(count_of(svg_text, wijknet::selection_color.hex()) == 2);
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: Space pauses and resumes the layout of a large network, R reheats it") {
  if (!can_drive_x()) return;
  auto dir = scratch_dir("xdotool-layout");
  XSession xs(dir);
  // Large enough that its layout (a multilevel start, then the full graph) still runs when
  // the window is up: 3,000 members now settle in about a second.
  REQUIRE(xs.start("--generate-ba 8000 3 --lang en"));
  json j;
  for (int i = 0; i < 40 && (j.is_null() || j["layout"]["running"] != true); ++i) j = xs.dump();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j["layout"]["running"] == true);
  xs.x("mousemove 640 792", 100);  // the status line: a click there gives the window the keyboard
  xs.x("click 1", 300);
  xs.x("key space", 600);
  j = xs.dump();
  CHECK(j["layout"]["running"] == false);
  const auto paused_at = j["layout"]["iterations"].get<std::size_t>();
  pause_ms(500);
  CHECK(xs.dump()["layout"]["iterations"].get<std::size_t>() == paused_at);  // paused stays paused
  xs.x("key space", 600);  // resumes (and may settle again soon after)
  const auto resumed_to = xs.dump()["layout"]["iterations"].get<std::size_t>();
  CHECK(resumed_to > paused_at);
  for (int i = 0; i < 40 && xs.dump()["layout"]["running"] == true; ++i) pause_ms(250);
  const auto settled_at = xs.dump()["layout"]["iterations"].get<std::size_t>();
  xs.x("key r", 600);  // reheat runs it again with its speed restarted
  CHECK(xs.dump()["layout"]["iterations"].get<std::size_t>() > settled_at);
  CHECK(xs.stop() == 0);
}

TEST_CASE("under Xvfb: a file dropped on the window opens; a file it cannot read leaves a message") {
  if (!can_drive_x()) return;
  auto dir = scratch_dir("xdnd-drop");
  std::filesystem::copy_file(std::string(WIJKNET_SOURCE_DIR) + "/assets/zuidwest.json", dir / "zuidwest.json");
  std::ofstream(dir / "broken.gml") << "graph [\n  node [ id 1 \n";
  XSession xs(dir);
  REQUIRE(xs.start(quote(std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json") + " --lang en"));
  json j = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j["document"]["nodes"] == 26);
  REQUIRE(xs.run("xdotool search --name wijknet > " + quote((dir / "window.txt").string())) == 0);
  const std::string window = slurp(dir / "window.txt").substr(0, slurp(dir / "window.txt").find('\n'));
  auto drop = [&](const std::filesystem::path& file) {
    return xs.run(quote(WIJKNET_XDND_DROP) + " " + window + " " + quote(file.string()) + " 640 400 2>>" +
                  quote((dir / "drop.txt").string()));
  };
  INFO("drop log: " << slurp(dir / "drop.txt"));

  CHECK(drop(dir / "broken.gml") == 0);
  pause_ms(500);
  j = xs.dump();
  CHECK(j["error"].get<std::string>().find("broken.gml:") != std::string::npos);
  CHECK(j["document"]["nodes"] == 26);  // the open document stays
  xs.tap("Return");  // OK on the message

  CHECK(drop(dir / "zuidwest.json") == 0);
  j = xs.settled();
  CHECK(j["error"] == "");
  CHECK(j["document"]["path"].get<std::string>().find("zuidwest.json") != std::string::npos);
  CHECK(j["document"]["nodes"] == read_json(dir / "zuidwest.json")["nodes"].size());
  CHECK(xs.stop() == 0);
}
