// health, suggest, whatif, report and render through the binary, on the Laak sample: what the
// seeds fear when the wijkmakelaar leaves, the introductions that would let the coalition carry
// on, and the HTML report opened in headless Chromium.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

// Header-only and static, so it cannot clash with an stb_image compiled elsewhere.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include "tests/cli/run_cli.hpp"
#include "tests/core/svg_geometry.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string& laak = laak_sample;
const std::string registry = source_path("assets/registry_den_haag.csv");
// A fixed date, so that commitments and membership do not change with the calendar.
const std::string at = " --at 2026-06-01";

fs::path scratch() {
  const auto dir = fs::temp_directory_path() / ("wijknet-health-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

json run_json(const std::string& args) {
  const auto r = run_cli(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

std::set<std::string> as_set(const json& a) { return {a.begin(), a.end()}; }

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// Screenshots `file` in headless Chromium; returns the PNG path ("" when Chromium failed).
std::string screenshot(const fs::path& file, int width, int height, const std::string& name) {
  char profile[] = "/tmp/wijknet-chromium-XXXXXX";
  REQUIRE(::mkdtemp(profile) != nullptr);
  const fs::path png = scratch() / name;
  fs::remove(png);
  const std::string cmd = "chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                          std::string(profile) + " --screenshot=" + quote(png.string()) + " --window-size=" +
                          std::to_string(width) + "," + std::to_string(height) + " " +
                          quote("file://" + fs::absolute(file).string()) + " >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  fs::remove_all(profile);
  return rc == 0 && fs::exists(png) ? png.string() : std::string();
}

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> rgb;
  bool has_colour(int r, int g, int b, int tolerance = 6) const {
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
      if (std::abs(rgb[i] - r) <= tolerance && std::abs(rgb[i + 1] - g) <= tolerance && std::abs(rgb[i + 2] - b) <= tolerance)
        return true;
    return false;
  }
  std::size_t distinct_colours() const {
    std::set<int> seen;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) seen.insert((rgb[i] >> 3) << 10 | (rgb[i + 1] >> 3) << 5 | rgb[i + 2] >> 3);
    return seen.size();
  }
};

Image load_png(const std::string& path) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &n, 3);
  REQUIRE_MESSAGE(data != nullptr, "cannot read " << path);
  img.rgb.assign(data, data + std::size_t(img.w) * std::size_t(img.h) * 3);
  stbi_image_free(data);
  return img;
}

}  // namespace

TEST_CASE("health --json on the Laak sample: the shape of DOMAIN.md and the broker's alert") {
  const json j = run_json("health " + quote(laak) + " --json" + at);
  REQUIRE(j["score"].is_number());
  CHECK(j["score"].get<double>() >= 0);
  CHECK(j["score"].get<double>() <= 100);
  const std::vector<std::string> ids = {"cohesion",       "broker_dependency", "centralization", "sector_diversity",
                                        "resident_voice", "theme_coverage",    "reciprocity",    "commitment",
                                        "funding_dependency", "portfolio"};
  REQUIRE(j["indicators"].size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& ind = j["indicators"][i];
    CHECK(ind["id"] == ids[i]);
    for (const char* key : {"score", "status", "message", "nodes"}) CHECK(ind.contains(key));
    CHECK(std::set<std::string>{"ok", "warn", "alert", "no_data"}.count(ind["status"].get<std::string>()) == 1);
    CHECK_FALSE(ind["message"].get<std::string>().empty());
  }
  // Seed 001's worry: the wijkmakelaar holds part of the coalition together.
  const auto& broker = j["indicators"][1];
  CHECK(broker["status"] == "alert");
  CHECK(broker["nodes"][0] == "wijkmakelaar");
  CHECK(broker["details"]["brokers"][0]["id"] == "wijkmakelaar");
  CHECK(broker["details"]["brokers"][0]["lost_pairs"] == 44);
}

TEST_CASE("health text in Dutch and English; bad arguments") {
  const auto nl = run_cli("health " + quote(laak) + " --lang nl" + at);
  CHECK(nl.status == 0);
  CHECK(nl.out.find("Totaalscore") != std::string::npos);
  CHECK(nl.out.find("Afhankelijkheid van de wijkmakelaar") != std::string::npos);
  const auto en = run_cli("health " + quote(laak) + " --lang en" + at);
  CHECK(en.out.find("Overall score") != std::string::npos);
  CHECK(run_cli("health " + quote(laak) + " --lang fr").status == 1);
  CHECK(run_cli("health " + quote(laak) + " --at gisteren").status == 1);
  CHECK(run_cli("health " + quote(source_path("tests/data/missing.json"))).status == 2);
}

TEST_CASE("whatif: without the wijkmakelaar the Laak coalition falls apart, as the seeds fear") {
  const json j = run_json("whatif " + quote(laak) + " --remove wijkmakelaar --json" + at);
  CHECK(j["removed"] == json::array({"wijkmakelaar"}));
  REQUIRE(j["breaks"]["split_off"].size() == 1);
  CHECK(as_set(j["breaks"]["split_off"][0]) == std::set<std::string>{"vestia", "duwo", "bewonersavond", "bewoners-spoorwijk"});
  CHECK(j["breaks"]["pairs_disconnected"] == 44);
  CHECK(j["before"]["figures"]["components"] == 1);
  CHECK(j["after"]["figures"]["components"] == 2);
  CHECK(j["after"]["figures"]["unreachable_pairs"] == 44);
  CHECK(j["after"]["indicators"][0]["status"] == "alert");  // cohesion
  CHECK(j["after"]["score"].get<double>() < j["before"]["score"].get<double>());
  const auto text = run_cli("whatif " + quote(laak) + " --remove wijkmakelaar --lang nl" + at);
  CHECK(text.status == 0);
  CHECK(text.out.find("kan zo niet zelfstandig verder") != std::string::npos);
}

TEST_CASE("suggest proposes the introductions that let Laak carry on without the wijkmakelaar") {
  const json s = run_json("suggest " + quote(laak) + " --json" + at);
  const auto& su = s["succession"];
  CHECK(su["leaving"] == "wijkmakelaar");
  CHECK(su["designated"] == true);
  CHECK(su["pairs_lost"] == 44);
  REQUIRE(su["reconnect"].size() == 1);  // one part split off: one introduction, the minimum
  CHECK_FALSE(su["reconnect"][0]["reason"].get<std::string>().empty());
  CHECK_FALSE(su["successors"].empty());
  // Made, those introductions keep everybody connected.
  std::string adds;
  for (const auto& in : su["reconnect"]) adds += " --add-edge " + quote(in["a"].get<std::string>() + ":" + in["b"].get<std::string>());
  const json w = run_json("whatif " + quote(laak) + " --remove wijkmakelaar" + adds + " --json" + at);
  CHECK(w["breaks"]["split_off"].empty());
  CHECK(w["breaks"]["pairs_disconnected"] == 0);
  CHECK(w["after"]["figures"]["components"] == 1);
  // The general list opens with the same kind of introduction.
  REQUIRE_FALSE(s["introductions"].empty());
  CHECK(s["introductions"][0]["pairs_kept"] == 44);
  for (const auto& key : {"missing_sectors", "candidates", "introductions", "succession"}) CHECK(s.contains(key));
}

TEST_CASE("suggest --candidates ranks the registry with reasons; a bad registry is bad input") {
  const json s = run_json("suggest " + quote(laak) + " --candidates " + quote(registry) + " --json" + at);
  REQUIRE(s["candidates"].is_array());
  REQUIRE_FALSE(s["candidates"].empty());
  double last = 1e9;
  for (const auto& c : s["candidates"]) {
    CHECK_FALSE(c["reason"].get<std::string>().empty());
    CHECK(c["score"].get<double>() <= last);
    last = c["score"].get<double>();
  }
  const auto dir = scratch();
  std::ofstream(dir / "bad.csv") << "naam;thema's\nGGD;gezondheid\n";
  const auto bad = run_cli("suggest " + quote(laak) + " --candidates " + quote((dir / "bad.csv").string()));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.csv:1") != std::string::npos);
}

TEST_CASE("whatif refuses unknown ids with exit 2 and says which") {
  const auto r = run_cli("whatif " + quote(laak) + " --remove wijkmakelaar,nobody");
  CHECK(r.status == 2);
  CHECK(r.err.find("nobody") != std::string::npos);
  CHECK(run_cli("whatif " + quote(laak) + " --add-edge gemeente:niemand").status == 2);
  CHECK(run_cli("whatif " + quote(laak)).status == 1);  // nothing to do
}

TEST_CASE("report: one self-contained HTML file, written atomically") {
  const auto dir = scratch();
  const fs::path out = dir / "laak.html";
  std::ofstream(out) << "old";
  const auto r = run_cli("report " + quote(laak) + " -o " + quote(out.string()) + " --lang nl" + at);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string html = slurp(out);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<html lang=\"nl\">") != std::string::npos);
  CHECK(html.find("Totaalscore") != std::string::npos);
  CHECK(html.find("Afhankelijkheid van de wijkmakelaar") != std::string::npos);
  CHECK(html.find("Suggesties") != std::string::npos);
  CHECK(html.find("Inspanning-impactmatrix") != std::string::npos);
  CHECK(std::count(html.begin(), html.end(), '\n') > 50);
  // Nothing to fetch: no scripts, stylesheets, images or fonts from elsewhere. The only URL is
  // the SVG namespace, which is a name, not a download.
  for (const char* banned : {"<script", "<link", "<img", "<iframe", "@import"}) CHECK(html.find(banned) == std::string::npos);
  for (auto p = html.find("url("); p != std::string::npos; p = html.find("url(", p + 1))
    CHECK(html.compare(p, 5, "url(#") == 0);  // only references inside the document (the arrow marker)
  for (auto p = html.find("http"); p != std::string::npos; p = html.find("http", p + 1))
    CHECK(html.compare(p, 26, "http://www.w3.org/2000/svg") == 0);
  // Exit 3 when it cannot write, and the existing report stays as it was.
  const auto fail = run_cli("report " + quote(laak) + " -o " + quote((out / "x.html").string()) + at);
  CHECK(fail.status == 3);
  CHECK(slurp(out) == html);
  CHECK(run_cli("report " + quote(laak)).status == 1);  // -o is required
}

TEST_CASE("report --anonymize leaves no resident person's name in the file; resident groups keep theirs") {
  const auto dir = scratch();
  const fs::path out = dir / "anon.html";
  const auto r = run_cli("report " + quote(laak_with_persons()) + " -o " + quote(out.string()) + " --anonymize --lang en" + at);
  REQUIRE(r.status == 0);
  const std::string html = slurp(out);
  REQUIRE(resident_labels(laak_with_persons()).size() == 2);
  for (const auto& label : resident_labels(laak_with_persons())) {
    CAPTURE(label);
    CHECK(html.find(label) == std::string::npos);
  }
  CHECK(html.find("Bewonersgroep Laakkwartier") != std::string::npos);
  CHECK(html.find("Bewoner ") != std::string::npos);
  CHECK(html.find("pseudonyms") != std::string::npos);
}

TEST_CASE("Laak: an indicator in alert keeps the overall status from ok; splitting it lowers the score visibly") {
  const json j = run_json("health " + quote(laak) + " --json" + at);
  bool alert = false;
  for (const auto& ind : j["indicators"]) alert = alert || ind["status"] == "alert";
  REQUIRE(alert);  // the wijkmakelaar's alert
  CHECK(j["status"] != "ok");
  const json w = run_json("whatif " + quote(laak) + " --remove wijkmakelaar --json" + at);
  // 44 of the C(15, 2) = 105 pairs of the remaining 15 actors are lost: the score is multiplied by
  // 61/105 on top of what the indicators lose.
  CHECK(w["health_after"]["connected_share"].get<double>() == doctest::Approx(61.0 / 105.0));
  CHECK(w["after"]["score"].get<double>() < w["before"]["score"].get<double>() - 20);
  CHECK(w["health_after"]["status"] != "ok");
}

TEST_CASE("one network: a member's betweenness is the same in analyze, suggest and the report") {
  const json a = run_json("analyze " + quote(laak) + " --json" + at);
  CHECK(a["graph"]["network"] == "members_and_projects");
  CHECK(a["graph"]["at"] == "2026-06-01");
  std::map<std::string, double> between;
  for (const auto& n : a["nodes"]) between[n["id"].get<std::string>()] = n["betweenness"].get<double>();
  const json s = run_json("suggest " + quote(laak) + " --json" + at);
  CHECK(s["succession"]["network"] == "members_and_projects");
  REQUIRE_FALSE(s["succession"]["successors"].empty());
  for (const auto& x : s["succession"]["successors"]) {
    CAPTURE(x["id"]);
    CHECK(x["betweenness_before"].get<double>() == doctest::Approx(between.at(x["id"].get<std::string>())).epsilon(1e-12));
  }
  // analyze's text says which network; --actors is the health model's network.
  const auto text = run_cli("analyze " + quote(laak) + " --lang nl" + at);
  CHECK(text.out.find("Netwerk: het netwerk van alle leden met hun projecten.") != std::string::npos);
  const json actors = run_json("analyze " + quote(laak) + " --actors --json" + at);
  CHECK(actors["graph"]["network"] == "actors");
  const json h = run_json("health " + quote(laak) + " --json" + at);
  CHECK(actors["graph"]["nodes"] == h["indicators"][0]["details"]["actors"]);
  CHECK(actors["graph"]["components"] == h["indicators"][0]["details"]["components"]);
  // The report prints the successor's figure as suggest gives it, and names the network.
  const auto dir = scratch();
  const fs::path out = dir / "net.html";
  REQUIRE(run_cli("report " + quote(laak) + " -o " + quote(out.string()) + " --lang en" + at).status == 0);
  const std::string html = slurp(out);
  CHECK(html.find(s["succession"]["successors"][0]["reason"].get<std::string>()) != std::string::npos);
  CHECK(html.find("measured in the network of all members with their projects") != std::string::npos);
}

TEST_CASE("Laak's succession names a partner, not the municipality, first") {
  const json s = run_json("suggest " + quote(laak) + " --json" + at);
  const auto& first = s["succession"]["successors"][0];
  CHECK(first["id"] != "gemeente");
  CHECK(first["municipality"] == false);
  CHECK(s["succession"]["reason"].get<std::string>().find("Only the municipality") == std::string::npos);
}

TEST_CASE("the report speaks to a council: no command line, one language, plurals, what to do first, trend") {
  const auto dir = scratch();
  for (const char* lang : {"nl", "en"}) {
    CAPTURE(lang);
    const fs::path out = dir / (std::string("council-") + lang + ".html");
    REQUIRE(run_cli("report " + quote(laak) + " -o " + quote(out.string()) + " --lang " + lang + at).status == 0);
    const std::string html = slurp(out);
    for (const char* banned : {"wijknet suggest", "wijknet analyze", "--candidates", "--remove", "CSV", "README", "(s)",
                               "(en)"})
      CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
    // What to do first: the first section after the overview, three numbered actions.
    const auto first = html.find(std::string("<section class=\"first\"><h2>") + (lang == std::string("nl") ? "Wat eerst te doen" : "What to do first"));
    REQUIRE(first != std::string::npos);
    CHECK(first < html.find("<section class=\"indicators\">"));
    const auto end = html.find("</section>", first);
    const std::string section = html.substr(first, end - first);
    std::size_t items = 0;
    for (auto p = section.find("<li>"); p != std::string::npos; p = section.find("<li>", p + 1)) ++items;
    CHECK(items == 3);
    // Laak has history (members since 2015): the trend table runs from 2022 to the report date.
    CHECK(html.find("<section class=\"trend\">") != std::string::npos);
    CHECK(html.find("<th class=\"n\">2022-06-01</th>") != std::string::npos);
    CHECK(html.find("<th class=\"n\">2026-06-01</th>") != std::string::npos);
    if (lang == std::string("nl")) {
      for (const char* english : {"Commitment", "Broker", "Funding", "betweenness from", "Coalition health"}) CHECK_MESSAGE(html.find(english) == std::string::npos, english);
      CHECK(html.find("Vastgelegde inzet") != std::string::npos);
    }
  }
}

TEST_CASE("health reads amounts as written and warns about one it cannot read, naming the tie") {
  json doc = json::parse(slurp(laak));
  int n = 0;
  for (auto& e : doc["edges"]) {
    if (e["kind"] != "funds") continue;
    // gemeente -> p-ateliers 25000 becomes unreadable; gemeente -> p-leerplekken 30000 "30.000".
    if (n == 0) e["attrs"]["amount"] = "ongeveer een ton";
    if (n == 1) e["attrs"]["amount"] = "30.000";
    if (n == 2) e["attrs"]["amount"] = "\u20ac 15.000,-";
    ++n;
  }
  const auto dir = scratch();
  const fs::path file = dir / "amounts.json";
  std::ofstream(file) << doc.dump();
  const auto r = run_cli("health " + quote(file.string()) + " --json --lang en" + at);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("warning: " + file.string() + ": the amount from gemeente to p-ateliers cannot be read (\"ongeveer een ton\") and is not counted") !=
        std::string::npos);
  const json j = json::parse(r.out);
  const auto& f = j["indicators"][8];
  // 183,000 in the sample, less the 25,000 that cannot be read; the rest read as written.
  CHECK(f["details"]["total"].get<double>() == doctest::Approx(158000.0));
  CHECK(f["details"]["unreadable_amounts"].size() == 1);
}

TEST_CASE("render writes the network as SVG") {
  const auto dir = scratch();
  const fs::path out = dir / "laak.svg";
  const auto r = run_cli("render " + quote(laak) + " -o " + quote(out.string()) + " --lang nl");
  REQUIRE(r.status == 0);
  const std::string svg = slurp(out);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(svg.find("Wijkmakelaar") != std::string::npos);
  CHECK(svg.find("Legenda") != std::string::npos);
  CHECK(svg.find("Co\xC3\xB6peratief") != std::string::npos);  // UTF-8 kept
  // Titled and dated in the chosen language; no name covers a member or another name.
  CHECK(svg.find(">Coalitie Laak<") != std::string::npos);
  CHECK(svg.find(">Stand op ") != std::string::npos);
  check_svg_labels(svg, 26, true);
  const fs::path en = dir / "laak-en.svg";
  REQUIRE(run_cli("render " + quote(laak) + " -o " + quote(en.string()) + " --lang en --at 2020-01-01").status == 0);
  CHECK(slurp(en).find(">As of 1 January 2020<") != std::string::npos);
  CHECK(slurp(en).find(">Legend<") != std::string::npos);
  // The same document gives the same picture.
  const fs::path again = dir / "laak2.svg";
  REQUIRE(run_cli("render " + quote(laak) + " -o " + quote(again.string()) + " --lang nl").status == 0);
  CHECK(slurp(again) == svg);
}

TEST_CASE("the HTML report opens in headless Chromium and shows scores, map and matrix") {
  if (!have_chromium()) {
    MESSAGE("chromium not installed: skipped (scripts/deps --test installs it)");
    return;
  }
  const auto dir = scratch();
  const fs::path out = dir / "chromium.html";
  REQUIRE(run_cli("report " + quote(laak) + " -o " + quote(out.string()) + " --lang nl" + at).status == 0);

  const std::string first = screenshot(out, 1200, 1600, "report.png");
  REQUIRE_MESSAGE(!first.empty(), "chromium did not write a screenshot");
  const Image top = load_png(first);
  CHECK(top.w == 1200);
  CHECK(top.h == 1600);
  CHECK(top.distinct_colours() > 50);   // not one colour, not blank
  CHECK(top.has_colour(192, 57, 43));   // an alert badge (broker dependency)
  CHECK(top.has_colour(46, 139, 87));   // an ok badge

  // The whole page: the network picture and the matrix further down.
  const std::string full = screenshot(out, 1200, 4600, "report-full.png");
  REQUIRE(!full.empty());
  const Image page = load_png(full);
  CHECK(page.has_colour(255, 140, 0, 2));    // the wijkmakelaar's ring on the map
  CHECK(page.has_colour(214, 39, 40, 2));    // housing corporations on the map
  CHECK(page.has_colour(217, 240, 211, 2));  // the matrix's "continue" cells
  CHECK(page.has_colour(246, 211, 208, 2));  // and its "stop" cells
}
