// convert, snapshot and diff through the binary, and the privacy promise of --anonymize.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/cli/run_cli.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir() {
  const auto dir = fs::temp_directory_path() / ("wijknet-convert-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

const std::string& laak = laak_sample;

}  // namespace

TEST_CASE("--anonymize leaves no resident person's name in any output format; resident groups keep theirs") {
  const std::string& persons_file = laak_with_persons();
  const auto residents = resident_labels(persons_file);
  REQUIRE(residents.size() == 2);
  const auto groups = resident_labels(persons_file, true);
  REQUIRE(groups.size() == 5);
  const auto dir = scratch_dir();
  for (const char* ext : {"json", "graphml", "gexf", "gml", "net", "dot", "csv", "edges"}) {
    const auto out = dir / (std::string("anon.") + ext);
    const CliResult r = run_cli("convert " + quote(persons_file) + " " + quote(out.string()) + " --anonymize");
    REQUIRE_MESSAGE(r.status == 0, ext << ": " << r.err);
    // Every file the writer produced (CSV writes a nodes table beside the edges table).
    // (.xlsx is a zip archive; tests/importers checks its sheets.)
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().stem().string().rfind("anon", 0) != 0) continue;
      const std::string text = slurp(f.path());
      for (const auto& name : residents) CHECK_MESSAGE(text.find(name) == std::string::npos, f.path() << " names " << name);
      for (const char* phone : {"06-11112222", "06-33334444"}) CHECK(text.find(phone) == std::string::npos);
    }
    // Groups are organisations: named in every format that carries labels (.edges has ids only).
    const std::string text = slurp(out);
    if (std::string(ext) != "edges" && std::string(ext) != "csv")
      for (const auto& name : groups) CHECK_MESSAGE(text.find(name) != std::string::npos, out << " lacks " << name);
  }
  fs::remove_all(dir);
}

TEST_CASE("convert keeps the network: native -> GraphML -> native") {
  const auto dir = scratch_dir();
  const auto graphml = dir / "laak.graphml", back = dir / "back.json";
  REQUIRE(run_cli("convert " + quote(laak) + " " + quote(graphml.string())).status == 0);
  REQUIRE(run_cli("convert " + quote(graphml.string()) + " " + quote(back.string())).status == 0);
  const json a = json::parse(slurp(laak)), b = json::parse(slurp(back));
  CHECK(a["nodes"].size() == b["nodes"].size());
  CHECK(a["edges"].size() == b["edges"].size());
  fs::remove_all(dir);
}

TEST_CASE("convert to an unwritable place exits 3 and leaves no file") {
  const CliResult r = run_cli("convert " + quote(laak) + " /nonexistent-dir/out.json");
  CHECK(r.status == 3);
  CHECK(r.err.find("/nonexistent-dir/out.json") != std::string::npos);
}

TEST_CASE("snapshot writes the network as it stood, laid out, with measures") {
  const auto dir = scratch_dir();
  const auto out = dir / "laak-2016.json";
  const CliResult r = run_cli("snapshot " + quote(laak) + " --at 2016-01-01 -o " + quote(out.string()));
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const json snap = json::parse(slurp(out)), full = json::parse(slurp(laak));
  CHECK(snap["nodes"].size() < full["nodes"].size());
  CHECK(snap["snapshot_at"] == "2016-01-01");
  for (const auto& n : snap["nodes"]) {
    CHECK(n["attrs"].contains("metric_betweenness"));
    CHECK(snap["layout"].contains(n["id"].get<std::string>()));
  }
  CHECK(run_cli("snapshot " + quote(laak) + " -o " + quote(out.string())).status == 1);  // --at is required
  fs::remove_all(dir);
}

TEST_CASE("diff of one file at two dates lists who joined") {
  const CliResult r = run_cli("diff " + quote(laak + "@2015-07-01") + " " + quote(laak) + " --json");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const json d = json::parse(r.out);
  CHECK(d["joined"].size() > 0);
  CHECK(d["left"].size() == 0);
  CHECK(d["ties_made"].size() > 0);
  bool vestia = false;  // seed 001: Vestia is among the corporations, joining after the founders of July 2015
  for (const auto& n : d["joined"]) vestia |= n["label"].get<std::string>().find("Vestia") != std::string::npos;
  CHECK(vestia);
  // The overall score and each of the ten indicators, before and after.
  REQUIRE(d["health"].size() == 11);
  CHECK(d["health"][0]["id"] == "score");
  CHECK(d["health"][0]["before"].is_number());
  CHECK(d["health"][0]["after"].is_number());
}

TEST_CASE("convert: a Dutch Excel CSV in Windows-1252 becomes valid UTF-8 everywhere, with a warning") {
  const auto dir = scratch_dir();
  const auto in = dir / "leden.csv";
  {
    std::ofstream f(in, std::ios::binary);
    f << "Van;Naar;Gewicht\r\nRen\xE9 Ga\xEBlle;Buurthuis De Ster;0,5\r\n";
  }
  const auto out = dir / "leden.graphml";
  CliResult r = run_cli("convert " + quote(in.string()) + " " + quote(out.string()));
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find(in.string() + ":2:4: not valid UTF-8 (byte 0xE9); read as Windows-1252") != std::string::npos);
  CHECK(slurp(out).find("René Gaëlle") != std::string::npos);
  r = run_cli("convert " + quote(in.string()) + " " + quote(out.string()) + " --strict");
  CHECK(r.status == 2);
  CHECK(r.err.find(in.string() + ":2:4: not valid UTF-8") != std::string::npos);
  r = run_cli("convert " + quote(in.string()) + " " + quote((dir / "leden.json").string()) + " --encoding windows-1252");
  CHECK(r.status == 0);
  CHECK(r.err.find("not valid UTF-8") == std::string::npos);
  r = run_cli("analyze " + quote(in.string()) + " --json");
  CHECK(r.status == 0);
  CHECK(json::parse(r.out)["nodes"].size() == 2);
  r = run_cli("convert " + quote(in.string()) + " " + quote(out.string()) + " --encoding klingon");
  CHECK(r.status == 2);
}
