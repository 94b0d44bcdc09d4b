// The viewer's files without a window: the Open / Save As browser on a folder made here, what a
// file that cannot be read is told as, recent files, and the rules that keep unsaved work (when to
// autosave, where the recovery file goes, when to offer it, the unsaved-edits question).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <optional>

#include "importers/io.hpp"
#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/app_state.hpp"
#include "viz/file_browser.hpp"
#include "viz/settings.hpp"
#include "viz/unsaved_work.hpp"

using namespace wijknet;
using namespace wijknet::viz;
using namespace wijknet::test;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& p, const std::string& text = "") { std::ofstream(p) << text; }

std::vector<std::string> names(const FileBrowser& b) {
  std::vector<std::string> out;
  for (const auto& e : b.entries()) out.push_back(e.folder ? e.name + "/" : e.name);
  return out;
}

// Sets an environment variable for one scope, restoring what was there.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~EnvVar() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A folder: two folders and a hidden one, files of known formats in mixed case, one wijknet does
// not read, and a hidden file.
fs::path browse_folder() {
  const auto dir = scratch_dir("files-browser");
  for (const char* d : {"Beta", "alpha", ".hidden"}) fs::create_directories(dir / d);
  for (const char* f : {"zeta.GML", "Alpha.json", "b.txt", "notes.pdf", ".secret.json"}) touch(dir / f);
  touch(dir / "alpha" / "inner.gml");
  return dir;
}

std::size_t index_of(const std::vector<std::string>& v, const std::string& x) {
  return std::size_t(std::find(v.begin(), v.end(), x) - v.begin());
}

}  // namespace

TEST_CASE("the browser lists folders first, then the files wijknet reads, case-insensitively, hidden ones off") {
  const auto dir = browse_folder();
  FileBrowser b;
  b.start(FileBrowser::Mode::open, dir / "Alpha.json", readable_extensions());
  CHECK(b.active());
  CHECK(b.folder() == dir);
  CHECK(names(b) == std::vector<std::string>{"alpha/", "Beta/", "Alpha.json", "b.txt", "zeta.GML"});
  b.set_show_hidden(true);
  CHECK(names(b) == std::vector<std::string>{".hidden/", "alpha/", "Beta/", ".secret.json", "Alpha.json", "b.txt", "zeta.GML"});
  b.set_show_hidden(false);

  // Into a folder, up again; a file is no folder to enter.
  CHECK(b.enter("alpha"));
  CHECK(b.folder() == dir / "alpha");
  CHECK(names(b) == std::vector<std::string>{"inner.gml"});
  CHECK(b.up());
  CHECK(b.folder() == dir);
  CHECK_FALSE(b.enter("zeta.GML"));
  CHECK(b.folder() == dir);

  // A start path that does not exist opens its nearest existing folder.
  b.start(FileBrowser::Mode::open, dir / "gone" / "deeper" / "x.json", readable_extensions());
  CHECK(b.folder() == dir);
}

TEST_CASE("a typed path goes to a folder, chooses a file, or says what is wrong") {
  const auto dir = browse_folder();
  FileBrowser b;
  b.start(FileBrowser::Mode::open, dir, readable_extensions());
  b.name = "alpha";  // relative to the folder shown
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::navigated);
  CHECK(b.folder() == dir / "alpha");
  CHECK(b.name.empty());
  b.name = (dir / "Beta").string();  // absolute
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::navigated);
  CHECK(b.folder() == dir / "Beta");
  b.name = "../zeta.GML";
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::chosen);
  CHECK(b.chosen() == dir / "zeta.GML");
  b.name = "missing.json";
  CHECK(b.accept(Lang::nl) == FileBrowser::Outcome::error);
  CHECK(b.error() == "Bestand bestaat niet: " + (dir / "Beta" / "missing.json").string());
  b.name.clear();
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::none);
}

TEST_CASE("Save As takes the format from the extension or the combo and asks before replacing a file") {
  const auto dir = browse_folder();
  const auto exts = writable_extensions();
  FileBrowser b;
  b.start(FileBrowser::Mode::save, dir / "Alpha.json", exts);
  CHECK(b.name == "Alpha.json");
  CHECK(exts[b.format()] == ".json");
  // Onto the existing file: the question, nothing chosen for good until Yes.
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::confirm_overwrite);
  CHECK(b.confirming());
  CHECK(b.chosen() == dir / "Alpha.json");
  b.reject_overwrite();
  CHECK_FALSE(b.confirming());
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::confirm_overwrite);
  b.confirm_overwrite();
  CHECK_FALSE(b.confirming());

  // The combo changes the name's extension; a name without one gets the combo's.
  b.set_format(index_of(exts, ".gml"));
  CHECK(b.name == "Alpha.gml");
  b.name = "nieuw";
  b.set_format(index_of(exts, ".graphml"));
  CHECK(b.name == "nieuw.graphml");
  b.name = "kaart";
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::chosen);
  CHECK(b.chosen() == dir / "kaart.graphml");
  // A typed extension sets the combo.
  b.name = "kaart.NET";
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::chosen);
  CHECK(exts[b.format()] == ".net");
  CHECK(b.chosen() == dir / "kaart.NET");
  // An extension wijknet does not write, a folder that is not there.
  b.name = "kaart.pdf";
  CHECK(b.accept(Lang::en) == FileBrowser::Outcome::error);
  CHECK(b.error() == "Unknown format .pdf; choose one from the list");
  b.name = "nergens/kaart.json";
  CHECK(b.accept(Lang::nl) == FileBrowser::Outcome::error);
  CHECK(b.error() == "Map bestaat niet: " + (dir / "nergens").string());
  // Save lists what wijknet writes: .txt (edge list) and .json, not .pdf.
  CHECK(names(b) == std::vector<std::string>{"alpha/", "Beta/", "Alpha.json", "b.txt", "zeta.GML"});
}

TEST_CASE("the dump lists the dialog's folder and its first 50 entries, recent files and the questions") {
  const auto dir = scratch_dir("files-dump");
  for (int k = 0; k < 60; ++k) touch(dir / ("n" + std::to_string(100 + k) + ".gml"));
  FilesUi ui;
  CHECK(ui.dump()["dialog"].is_null());
  ui.browser.start(FileBrowser::Mode::open, dir, readable_extensions());
  ui.recent = {(dir / "n100.gml").string(), (dir / "gone.json").string()};
  ui.unsaved_name = "laak.json";
  const Json j = ui.dump();
  CHECK(j["dialog"] == "open");
  CHECK(j["folder"] == dir.string());
  CHECK(j["entries"].size() == 50);
  CHECK(j["entry_count"] == 60);
  CHECK(j["entries"][0]["name"] == "n100.gml");
  CHECK(j["entries"][49]["name"] == "n149.gml");
  CHECK(j["recent"][0]["exists"] == true);
  CHECK(j["recent"][1]["exists"] == false);
  CHECK(j["unsaved_question"] == true);
  CHECK(j["recovery_offer"].is_null());
  CHECK(ui.showing());
}

TEST_CASE("a broken JSON file is told in the user's language with its line, never in the JSON library's words") {
  const auto dir = scratch_dir("files-errors");
  std::ofstream(dir / "broken.json") << "{\"format\": \"wijknet/1\",\n \"nodes\": [ {\"id\": \"a\" ";
  std::ofstream(dir / "comma.json") << "{\"format\": \"wijknet/1\",\n \"nodes\": [ {\"id\": \"a\" \"label\": 1} ]}";
  AppState s;
  s.load(small_coalition());
  const std::string broken = (dir / "broken.json").string();
  CHECK_FALSE(s.open(broken, Lang::nl));
  CHECK(s.doc().error() == broken + ":2:24: het bestand houdt te vroeg op (er ontbreekt een haakje, aanhalingsteken of komma)");
  CHECK_FALSE(s.open(broken, Lang::en));
  CHECK(s.doc().error() == broken + ":2:24: the file ends too early (a bracket, quote or comma is missing)");
  CHECK_FALSE(s.open((dir / "comma.json").string(), Lang::en));
  // nlohmann stops at the end of the token after the missing comma.
  CHECK(s.doc().error() == (dir / "comma.json").string() + ":2:30: not valid JSON here (a character is missing or out of place)");
  for (const char* raw : {"syntax error", "parse_error", "json.exception", "unexpected"}) CHECK(s.doc().error().find(raw) == std::string::npos);
  CHECK_FALSE(s.open((dir / "nothing.json").string(), Lang::nl));
  CHECK(s.doc().error() == (dir / "nothing.json").string() + ": bestand niet gevonden");
  CHECK_FALSE(s.open((dir / "kaart.pdf").string(), Lang::en));
  CHECK(s.doc().error().rfind((dir / "kaart.pdf").string() + ": wijknet cannot read this kind of file; it reads: .json .edges", 0) == 0);
  // Not the reader's own error: said without the library's text.
  CHECK(read_error_text(Lang::en, "x.json", std::bad_alloc()) == "x.json: too large to read into memory");
  CHECK(read_error_text(Lang::nl, "x.json", std::runtime_error("[json.exception.type_error.302] type must be string")) ==
        "x.json: kan dit bestand niet lezen (onverwachte fout)");
  CHECK(s.doc().node_count() == 7);  // the open document stays
}

TEST_CASE("recent files: the latest first, once, at most 8, remembered in the settings") {
  const auto dir = scratch_dir("files-recent");
  EnvVar config("XDG_CONFIG_HOME", dir.c_str());
  std::vector<std::string> recent;
  for (int k = 0; k < 10; ++k) add_recent(recent, (dir / ("f" + std::to_string(k) + ".json")).string());
  REQUIRE(recent.size() == 8);
  CHECK(recent.front() == (dir / "f9.json").string());
  CHECK(recent.back() == (dir / "f2.json").string());
  add_recent(recent, (dir / "x" / ".." / "f5.json").string());  // the same file, written otherwise
  CHECK(recent.size() == 8);
  CHECK(recent.front() == (dir / "f5.json").string());
  CHECK(recent[1] == (dir / "f9.json").string());
  ViewerSettings s;
  s.panels["health"] = false;
  s.recent = recent;
  REQUIRE(save_settings(s));
  CHECK(load_settings() == s);
}

TEST_CASE("autosave: while dirty, an interval after the first edit and then every interval, only when changed") {
  double now = 0;
  AutosavePolicy p(60, [&] { return now; });
  CHECK_FALSE(p.due(false, 1));
  now = 10;
  CHECK_FALSE(p.due(true, 2));  // dirty from 10 on
  now = 69;
  CHECK_FALSE(p.due(true, 2));
  now = 70;
  CHECK(p.due(true, 2));
  p.written(2);
  now = 200;
  CHECK_FALSE(p.due(true, 2));  // nothing new since the last write
  CHECK(p.due(true, 3));
  p.written(3);
  now = 259;
  CHECK_FALSE(p.due(true, 4));
  now = 260;
  CHECK(p.due(true, 4));
  // Saved (clean): the clock stops; the next edit starts it again.
  now = 300;
  CHECK_FALSE(p.due(false, 4));
  now = 301;
  CHECK_FALSE(p.due(true, 5));
  now = 360;
  CHECK_FALSE(p.due(true, 5));
  now = 361;
  CHECK(p.due(true, 5));

  {
    EnvVar e("WIJKNET_AUTOSAVE_SECONDS", "2");
    CHECK(AutosavePolicy::interval_from_environment() == 2);
  }
  {
    EnvVar e("WIJKNET_AUTOSAVE_SECONDS", "soon");
    CHECK(AutosavePolicy::interval_from_environment() == 60);
  }
  {
    EnvVar e("WIJKNET_AUTOSAVE_SECONDS", nullptr);
    CHECK(AutosavePolicy::interval_from_environment() == 60);
  }
}

TEST_CASE("the recovery file: beside the settings, one per document, offered only when newer than the document") {
  const auto dir = scratch_dir("files-recovery");
  EnvVar state("XDG_STATE_HOME", (dir / "state").c_str());
  EnvVar config("XDG_CONFIG_HOME", (dir / "config").c_str());
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  const std::string doc = (dir / "a" / "laak.json").string();
  const fs::path rec = recovery_file(doc);
  CHECK(rec.parent_path() == dir / "state" / "wijknet" / "recovery");
  CHECK(rec.filename().string().rfind("laak-", 0) == 0);
  CHECK(rec.extension() == ".json");
  CHECK(rec.filename().string().size() == std::string("laak-").size() + 16 + std::string(".json").size());
  CHECK(recovery_file(doc) == rec);
  CHECK(recovery_file((dir / "b" / "laak.json").string()) != rec);
  CHECK(recovery_file("") == dir / "state" / "wijknet" / "recovery" / "untitled.json");
  {
    EnvVar no_state("XDG_STATE_HOME", nullptr);
    CHECK(recovery_file(doc).parent_path() == dir / "config" / "wijknet" / "recovery");
  }

  // The document on disk, then unsaved work written after it: offered; an older one is not.
  AppState s;
  s.load(small_coalition());
  REQUIRE(s.doc().save(doc));
  CHECK_FALSE(recovery_offer(doc));
  s.doc().set_label(1, "Staedion (hersteld)");
  s.doc().move_node(2, {12.5, -3}, true);
  CHECK(write_recovery(recovery_document(s), rec) == "");
  const auto t = fs::last_write_time(doc);
  fs::last_write_time(rec, t + std::chrono::seconds(30));
  auto offer = recovery_offer(doc);
  REQUIRE(offer);
  CHECK(offer->file == rec);
  fs::last_write_time(rec, t - std::chrono::seconds(30));
  CHECK_FALSE(recovery_offer(doc));  // saved since: stale
  fs::last_write_time(rec, t + std::chrono::seconds(30));

  // What it holds is the work: the label and the moved member's place.
  const Coalition back = read_coalition(rec.string());
  CHECK(back.nodes.size() == 7);
  CHECK(back.nodes[1].label == "Staedion (hersteld)");
  AppState r;
  r.load(back, doc);
  CHECK(r.doc().layout_complete_on_load());
  CHECK(r.doc().positions()[2].x == doctest::Approx(12.5));
  CHECK(r.doc().positions()[2].y == doctest::Approx(-3));
  remove_recovery(rec);
  CHECK_FALSE(fs::exists(rec));
  CHECK_FALSE(recovery_offer(doc));
}

TEST_CASE("the time of the work offered: the clock time today, the date too on another day") {
  EnvVar tz("TZ", "UTC");
  tzset();
  const std::time_t written = 1796135520;  // 2026-12-01 14:32:00 UTC
  CHECK(recovery_time_text(written, written + 60) == "14:32");
  CHECK(recovery_time_text(written, written + 3 * 86400) == "2026-12-01 14:32");
}

TEST_CASE("the unsaved-edits question holds opening and quitting until Save, Don't save or Cancel") {
  UnsavedGuard g;
  const Action open{Action::Kind::open_file, "/tmp/x.gml"};
  CHECK(g.allow(open, false));  // clean: at once
  CHECK_FALSE(g.asking());
  CHECK_FALSE(g.allow(open, true));
  CHECK(g.asking());
  CHECK_FALSE(g.answer(UnsavedGuard::Answer::cancel));
  CHECK_FALSE(g.asking());
  CHECK_FALSE(g.pending());

  CHECK_FALSE(g.allow(Action{Action::Kind::quit}, true));
  auto next = g.answer(UnsavedGuard::Answer::discard);
  REQUIRE(next);
  CHECK(next->kind == Action::Kind::quit);
  CHECK_FALSE(g.asking());

  CHECK_FALSE(g.allow(open, true));
  CHECK_FALSE(g.answer(UnsavedGuard::Answer::save));  // held until the save is done
  CHECK_FALSE(g.asking());
  next = g.saved();
  REQUIRE(next);
  CHECK(next->text == "/tmp/x.gml");
  CHECK_FALSE(g.saved());

  CHECK_FALSE(g.allow(open, true));
  g.answer(UnsavedGuard::Answer::save);
  g.save_failed();  // the save failed: nothing happens after it
  CHECK_FALSE(g.saved());
}
