// The interop corpus (../shared/corpus/interop, 302 files from Gephi, yEd, Cytoscape, igraph,
// Newman, Graphviz, Pajek and Kumu; see its SOURCES.md): every file its reference reader reads
// imports with the same nodes and edges (counts, and where the reference gives them node ids,
// labels, the sum of the weights and the positions), and every file it refuses is either read or
// refused with FILE:LINE:COL, never a crash; igraph's broken regression files must be refused.
// Expectations: tests/data/importers/interop/expected.json, written by generate.py beside it
// from networkx 2.8, igraph 0.10 and Graphviz's gvpr. Skipped when the folder is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include "formats_sample.hpp"
#include "importers/io.hpp"
#include "importers/text_encoding.hpp"

using namespace wijknet;

namespace {

std::string interop_dir() { return std::string(WIJKNET_SOURCE_DIR) + "/../shared/corpus/interop/"; }

Json interop_expected() {
  return Json::parse(test::read_text(std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/interop/expected.json"));
}

bool close_to(double a, double b, double rel) { return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b)); }

// Every string a writer will meet is valid UTF-8.
bool all_valid_utf8(const Coalition& c) {
  for (const auto& n : c.nodes) {
    if (!valid_utf8(n.id) || !valid_utf8(n.label) || !valid_utf8(n.kind)) return false;
    if (!valid_utf8(n.attrs.dump())) return false;
  }
  for (const auto& e : c.edges)
    if (!valid_utf8(e.kind) || !valid_utf8(e.attrs.dump())) return false;
  return true;
}

void check_read(const std::string& rel, const Json& want) {
  CAPTURE(rel);
  const std::string path = interop_dir() + rel;
  ImportReport report;
  Coalition c;
  try {
    c = read_coalition(path, &report);
  } catch (const InputError& e) {
    FAIL_CHECK("refused: " << e.what());
    return;
  }
  CHECK(c.nodes.size() == want["nodes"].get<std::size_t>());
  CHECK(c.edges.size() == want["edges"].get<std::size_t>());
  CHECK(all_valid_utf8(c));
  if (want.contains("ids")) {
    std::vector<std::string> ids;
    for (const auto& n : c.nodes) ids.push_back(n.id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == want["ids"].get<std::vector<std::string>>());
  }
  if (want.contains("labels")) {
    std::vector<std::string> labels;
    for (const auto& n : c.nodes) labels.push_back(n.label);
    std::sort(labels.begin(), labels.end());
    CHECK(labels == want["labels"].get<std::vector<std::string>>());
  }
  if (want.contains("weight_sum")) {
    double sum = 0;
    for (const auto& e : c.edges) sum += e.weight;
    CHECK(close_to(sum, want["weight_sum"].get<double>(), 1e-6));
  }
  if (want.contains("positions")) {
    const auto& p = want["positions"];
    double x = 0, y = 0;
    for (const auto& [id, xy] : c.layout) x += xy[0], y += xy[1];
    CHECK(c.layout.size() == p[0].get<std::size_t>());
    CHECK(close_to(x, p[1].get<double>(), 1e-4));
    CHECK(close_to(y, p[2].get<double>(), 1e-4));
  }
}

// A file the reference reader refuses: read, or refused at FILE:LINE:COL. Broken files (igraph's
// regression_invalid*, and those expected.json says wijknet refuses) must be refused.
void check_refused_or_read(const std::string& rel, const Json& want) {
  CAPTURE(rel);
  const std::string path = interop_dir() + rel;
  const bool must_refuse = rel.find("invalid") != std::string::npos || want.contains("why");
  try {
    const Coalition c = read_coalition(path);
    CHECK_MESSAGE(!must_refuse, "a broken file was read");
    CHECK(all_valid_utf8(c));
  } catch (const InputError& e) {
    CAPTURE(e.what());
    CHECK(e.where().file == path);
    CHECK(e.where().line >= 1);
    CHECK(e.where().column >= 1);
  }
}

}  // namespace

TEST_CASE("interop corpus: every file as its reference reader reads it") {
  if (!std::filesystem::is_directory(interop_dir())) {
    MESSAGE("corpus " << interop_dir() << " absent; skipped");
    return;
  }
  const Json expected = interop_expected();
  REQUIRE(expected.size() == 302);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(interop_dir()))
    if (entry.is_regular_file() && entry.path().filename() != "SOURCES.md") ++files;
  CHECK(files == expected.size());  // a file added to the corpus needs its expectation
  for (const auto& [rel, want] : expected.items()) {
    if (want["read"].get<bool>()) check_read(rel, want);
    else check_refused_or_read(rel, want);
  }
}

// No writer fails on what was read; networkx and igraph read every export they have a reader
// for (tests/data/importers/interop/check_exports.py) with the same nodes, edges, labels and
// weights, mixed networks included; the native format and GraphML come back through wijknet
// itself unchanged.
TEST_CASE("interop corpus: every file read is written in every format and read back") {
  if (!std::filesystem::is_directory(interop_dir())) {
    MESSAGE("corpus " << interop_dir() << " absent; skipped");
    return;
  }
  const test::TempDir dir("interop");
  const Json expected = interop_expected();
  Json manifest = Json::array();
  std::size_t mixed = 0;
  for (const auto& item : expected.items()) {
    const std::string rel = item.key();  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    Coalition c;
    try {
      c = read_coalition(interop_dir() + rel);
    } catch (const InputError&) {
      continue;
    }
    CAPTURE(rel);
    const std::string sub = std::to_string(manifest.size());
    std::filesystem::create_directories(dir.file(sub));
    for (const auto& ext : writable_extensions()) {
      CAPTURE(ext);
      try {
        write_coalition(c, dir.file(sub + "/out" + ext));
      } catch (const std::exception& e) {
        FAIL_CHECK("writer failed: " << std::string(e.what()));
      }
    }
    for (const char* ext : {".json", ".graphml"}) {
      CAPTURE(ext);
      test::check_same_coalition(read_coalition(dir.file(sub + "/out" + ext)), c);
    }
    bool any_directed = false, all_directed = !c.edges.empty();
    Json labels = Json::array();
    std::vector<std::string> sorted;
    for (const auto& n : c.nodes) sorted.push_back(n.label.empty() ? n.id : n.label);
    std::sort(sorted.begin(), sorted.end());
    double weights = 0;
    for (const auto& e : c.edges) {
      weights += e.weight;
      any_directed = any_directed || e.directed;
      all_directed = all_directed && e.directed;
    }
    mixed += any_directed && !all_directed;
    manifest.push_back({{"dir", sub}, {"source", rel}, {"nodes", c.nodes.size()}, {"edges", c.edges.size()},
                        {"labels", sorted}, {"weight_sum", weights}});
  }
  CHECK(manifest.size() > 250);
  MESSAGE(manifest.size() << " corpus files written in every format, " << mixed << " of them mixed networks");
  if (std::system("/usr/bin/python3 -c 'import networkx, igraph' >/dev/null 2>&1") != 0) {
    MESSAGE("python3-networkx or python3-igraph not installed; the read-back by them is skipped");
    return;
  }
  test::write_text(dir.file("manifest.json"), manifest.dump());
  const std::string script = std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/interop/check_exports.py";
  const std::string log = dir.file("check.log");
  const int status = std::system(("/usr/bin/python3 " + script + " " + dir.file("") + " > " + log + " 2>&1").c_str());
  const std::string out = test::read_text(log);
  CAPTURE(out);
  CHECK(status == 0);
}
