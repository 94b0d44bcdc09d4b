// The files in the real window (wijknet-viewer under Xvfb, driven by xdotool): the Open dialog's
// folder browser, the "Save changes to X?" question on Ctrl+Q, and unsaved work that survives a
// SIGKILL of the viewer through the recovery file. Screenshots (F9 with --f9-screenshot) of the
// dialogs at 1920x1080 and 1280x800 are kept under build/test-viz/ to be looked at.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "tests/viz/image.hpp"
#include "tests/viz/xsession.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Clicks the widget the dump reports under `name`; false when it has none. A dump gives the places
// of the frame before it, and a modal that just opened is placed on its second frame, so the place
// is read until two dumps agree.
bool click(XSession& xs, const std::string& name, int settle_ms = 500) {
  json j = xs.dump();
  for (int i = 0; i < 8; ++i) {
    const json again = xs.dump();
    const bool same = !again.is_null() && !j.is_null() && again["widgets"][name] == j["widgets"][name];
    j = again;
    if (same) break;
  }
  auto p = widget(j, name);
  if (!p) return false;
  xs.x("mousemove " + at(*p), 150);
  xs.x("click 1", settle_ms);
  return true;
}

// Adds a member from the Edit menu.
void add_member(XSession& xs) {
  REQUIRE(click(xs, "menu.edit"));
  REQUIRE(click(xs, "menu.add_node"));
}

const char* small_gml = R"(graph [
  node [ id 1 label "Buurthuis De Stek" ]
  node [ id 2 label "Bibliotheek Laak" ]
  node [ id 3 label "Basisschool De Regenboog" ]
  edge [ source 1 target 2 ]
  edge [ source 2 target 3 ]
]
)";

// The F9 screenshot written beside the dump: waits for it and checks its size.
void check_screenshot(const fs::path& png, int width, int height) {
  for (int i = 0; i < 40 && !fs::exists(png); ++i) pause_ms(100);
  REQUIRE(fs::exists(png));
  const Image img = load_png(png.string());
  CHECK(img.w == width);
  CHECK(img.h == height);
  CHECK(colour_stats(img).distinct > 50);  // the dialog over the drawing, not a blank window
  // Kept under its own name: every later dump (F9) writes the screenshot again.
  fs::path kept = png;
  kept.replace_extension(".dialog.png");
  fs::copy_file(png, kept, fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("under Xvfb: Ctrl+O, click into a folder, click a .gml file, Open: the new document shows") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("files-open");
  const auto docs = dir / "docs";  // apart from the session's own files (settings, dump, log)
  fs::create_directories(docs / "wijk");
  fs::create_directories(docs / ".verborgen");
  fs::copy_file(laak_path(), docs / "laak.json");
  std::ofstream(docs / "wijk" / "buurt.gml") << small_gml;
  std::ofstream(docs / "wijk" / "notities.pdf") << "%PDF";
  const fs::path shot = dir / "open-1920x1080.png";
  XSession xs(dir);
  REQUIRE(xs.start(quote((docs / "laak.json").string()) + " --lang nl --size 1920x1080 --f9-screenshot " + quote(shot.string()),
                   false, "1920x1080"));
  json j = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j["document"]["nodes"] == 26);
  CHECK(j["files"]["dialog"].is_null());

  // The dialog opens on the document's folder: folders first, hidden ones left out.
  xs.x("key ctrl+o", 500);
  j = xs.dump_until([](const json& d) { return d["files"]["dialog"] == "open"; });
  REQUIRE(j["files"]["dialog"] == "open");
  CHECK(j["files"]["folder"] == docs.string());
  REQUIRE(j["files"]["entries"].size() == 2);
  CHECK(j["files"]["entries"][0] == json({{"name", "wijk"}, {"folder", true}}));
  CHECK(j["files"]["entries"][1] == json({{"name", "laak.json"}, {"folder", false}}));

  // Into the folder by a click; the PDF is not listed.
  REQUIRE(click(xs, "files.entry.wijk"));
  j = xs.dump_until([&](const json& d) { return d["files"]["folder"] == (docs / "wijk").string(); });
  CHECK(j["files"]["folder"] == (docs / "wijk").string());
  REQUIRE(j["files"]["entries"].size() == 1);
  CHECK(j["files"]["entries"][0]["name"] == "buurt.gml");
  check_screenshot(shot, 1920, 1080);

  // The file by a click, then Open.
  REQUIRE(click(xs, "files.entry.buurt.gml"));
  CHECK(xs.dump_until([](const json& d) { return d["files"]["name"] == "buurt.gml"; })["files"]["name"] == "buurt.gml");
  REQUIRE(click(xs, "files.ok", 800));
  j = xs.dump_until([](const json& d) { return d["document"]["nodes"] == 3; });
  CHECK(j["files"]["dialog"].is_null());
  CHECK(j["error"] == "");
  CHECK(j["document"]["path"] == (docs / "wijk" / "buurt.gml").string());
  CHECK(j["document"]["nodes"] == 3);
  CHECK(j["document"]["edges"] == 2);
  // File > Recent: the file opened first, the one before it next.
  REQUIRE(j["files"]["recent"].size() == 2);
  CHECK(j["files"]["recent"][0]["path"] == (docs / "wijk" / "buurt.gml").string());
  CHECK(j["files"]["recent"][1]["path"] == (docs / "laak.json").string());

  // File > Recent > laak.json: back to the first document.
  REQUIRE(click(xs, "menu.file"));
  REQUIRE(click(xs, "menu.recent"));
  REQUIRE(click(xs, "recent.1", 800));
  j = xs.dump_until([](const json& d) { return d["document"]["nodes"] == 26; });
  CHECK(j["document"]["path"] == (docs / "laak.json").string());
  CHECK(j["files"]["recent"][0]["path"] == (docs / "laak.json").string());
  CHECK(xs.stop() == 0);
  const json settings = read_json(dir / "config" / "wijknet" / "viewer.json");
  CHECK(settings["recent"][0] == (docs / "laak.json").string());
  CHECK(settings["recent"][1] == (docs / "wijk" / "buurt.gml").string());
}

TEST_CASE("under Xvfb: an edit, then Ctrl+O or Ctrl+Q asks to save; Cancel keeps the window, Don't save quits") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("files-quit");
  fs::copy_file(laak_path(), dir / "laak.json");
  const std::string before = slurp(dir / "laak.json");
  const fs::path shot = dir / "unsaved-1280x800.png";
  XSession xs(dir);
  REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --lang en --f9-screenshot " + quote(shot.string())));
  json j = xs.settled();
  INFO("viewer log: " << slurp(xs.log()));
  REQUIRE(j["document"]["nodes"] == 26);
  add_member(xs);
  j = xs.dump_until([](const json& d) { return d["document"]["nodes"] == 27; });
  REQUIRE(j["document"]["dirty"] == true);

  // Ctrl+O, a path typed, Enter: the question first; Cancel keeps the document and its edit.
  fs::copy_file(std::string(WIJKNET_SOURCE_DIR) + "/assets/zuidwest.json", dir / "zuidwest.json");
  xs.x("key ctrl+o", 600);
  REQUIRE(xs.dump_until([](const json& d) { return d["files"]["dialog"] == "open"; })["files"]["dialog"] == "open");
  xs.x("type --delay 20 " + quote((dir / "zuidwest.json").string()), 300);
  xs.x("key Return", 800);
  j = xs.dump_until([](const json& d) { return d["files"]["unsaved_question"] == true; });
  CHECK(j["files"]["unsaved_question"] == true);
  CHECK(j["files"]["dialog"].is_null());
  REQUIRE(click(xs, "unsaved.cancel", 600));
  j = xs.dump_until([](const json& d) { return d["files"]["unsaved_question"] == false; });
  CHECK(j["document"]["path"] == (dir / "laak.json").string());
  CHECK(j["document"]["nodes"] == 27);

  xs.x("key ctrl+q", 600);
  j = xs.dump_until([](const json& d) { return d["files"]["unsaved_question"] == true; });
  CHECK(j["files"]["unsaved_question"] == true);
  CHECK(j["files"]["unsaved_name"] == "laak.json");
  check_screenshot(shot, 1280, 800);

  // Cancel: the window stays, with the edit.
  REQUIRE(click(xs, "unsaved.cancel", 600));
  j = xs.dump_until([](const json& d) { return d["files"]["unsaved_question"] == false; });
  REQUIRE_FALSE(j.is_null());  // the viewer still answers
  CHECK(j["files"]["unsaved_question"] == false);
  CHECK(j["document"]["nodes"] == 27);
  CHECK(j["document"]["dirty"] == true);

  // Ctrl+Q again, Don't save: the viewer ends cleanly, the file as it was, no recovery file.
  xs.x("key ctrl+q", 600);
  j = xs.dump_until([](const json& d) { return d["files"]["unsaved_question"] == true; });
  REQUIRE(j["files"]["unsaved_question"] == true);
  const fs::path recovery = j["files"]["recovery_file"].get<std::string>();
  CHECK(recovery.parent_path() == dir / "config" / "wijknet" / "recovery");
  const json last = j;
  auto discard = widget(last, "unsaved.discard");
  REQUIRE(discard);
  xs.x("mousemove " + at(*discard), 150);
  xs.x("click 1", 300);
  std::string status;
  for (int i = 0; i < 100 && status.empty(); ++i) {
    pause_ms(100);
    status = slurp(xs.status_file());
  }
  CHECK(status == "0\n");
  CHECK(slurp(dir / "laak.json") == before);
  CHECK_FALSE(fs::exists(recovery));
}

TEST_CASE("under Xvfb: an edit autosaved, the viewer killed with SIGKILL, restarted: the work is restored") {
  if (!can_drive_x()) return;
  const auto dir = scratch_dir("files-recovery");
  fs::copy_file(laak_path(), dir / "laak.json");
  const std::string before = slurp(dir / "laak.json");
  const char* old = std::getenv("WIJKNET_AUTOSAVE_SECONDS");
  const std::optional<std::string> saved_env = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("WIJKNET_AUTOSAVE_SECONDS", "2", 1);  // the viewer inherits it
  struct Restore {
    std::optional<std::string> v;
    ~Restore() {
      if (v) setenv("WIJKNET_AUTOSAVE_SECONDS", v->c_str(), 1);
      else unsetenv("WIJKNET_AUTOSAVE_SECONDS");
    }
  } restore{saved_env};

  fs::path recovery;
  {
    XSession xs(dir);
    REQUIRE(xs.start(quote((dir / "laak.json").string()) + " --lang en"));
    json j = xs.settled();
    INFO("viewer log: " << slurp(xs.log()));
    CHECK(j["files"]["autosave_seconds"] == 2);
    CHECK(j["files"]["recovery_exists"] == false);
    add_member(xs);
    j = xs.dump_until([](const json& d) { return d["files"]["recovery_exists"] == true; });
    REQUIRE(j["files"]["recovery_exists"] == true);
    REQUIRE(j["document"]["nodes"] == 27);
    recovery = j["files"]["recovery_file"].get<std::string>();
    CHECK(read_json(recovery)["nodes"].size() == 27);
    const int pid = std::atoi(slurp(xs.pid_file()).c_str());
    REQUIRE(pid > 0);
    REQUIRE(::kill(pid, SIGKILL) == 0);
    CHECK(xs.stop() == 128 + SIGKILL);
  }
  CHECK(slurp(dir / "laak.json") == before);  // the document itself was never written
  REQUIRE(fs::exists(recovery));

  // The next start offers the work, from the time it was written; Restore brings the member back.
  const fs::path shot = dir / "restore-1280x800.png";
  XSession again(dir);
  REQUIRE(again.start(quote((dir / "laak.json").string()) + " --lang en --f9-screenshot " + quote(shot.string()), false,
                      "1280x800", false));
  json j = again.dump_until([](const json& d) { return !d["files"]["recovery_offer"].is_null(); });
  INFO("viewer log: " << slurp(again.log()));
  REQUIRE_FALSE(j["files"]["recovery_offer"].is_null());
  CHECK(j["files"]["recovery_offer"]["file"] == recovery.string());
  CHECK(j["files"]["recovery_offer"]["time"].get<std::string>().size() == 5);  // "14:32"
  CHECK(j["document"]["nodes"] == 26);
  check_screenshot(shot, 1280, 800);
  REQUIRE(click(again, "recovery.restore", 800));
  j = again.dump_until([](const json& d) { return d["document"]["nodes"] == 27; });
  CHECK(j["document"]["nodes"] == 27);
  CHECK(j["document"]["dirty"] == true);
  CHECK(j["positions"].contains("nieuw-1"));
  CHECK(j["files"]["recovery_offer"].is_null());

  // Ctrl+S: the work is in the file, the recovery file gone.
  again.x("key ctrl+s", 800);
  j = again.dump_until([](const json& d) { return d["document"]["dirty"] == false; });
  CHECK(j["document"]["dirty"] == false);
  CHECK(read_json(dir / "laak.json")["nodes"].size() == 27);
  CHECK_FALSE(fs::exists(recovery));
  CHECK(again.stop() == 0);
}
