// `wijknet analyze X.graphml --json` against networkx 2.8.8's values for the same files
// (tests/data/reference/generate.py), through the real binary, the GraphML reader included.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/cli/run_cli.hpp"

using namespace wijknet::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr double tolerance = 1e-6;

json analyze_json(const std::string& args) {
  const CliResult r = run_cli("analyze " + args + " --json");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

// Compares every per-node measure of `ours` (the CLI's JSON) with networkx's `ref` block.
void compare(const std::string& name, const json& expected, const json& ref, const json& ours) {
  std::map<std::string, const json*> by_id;
  for (const auto& n : ours["nodes"]) by_id[n["id"].get<std::string>()] = &n;
  const auto& ids = expected["nodes"];
  REQUIRE(by_id.size() == ids.size());
  const char* measures[] = {"degree", "degree_centrality", "betweenness", "closeness", "eigenvector", "pagerank",
                            "clustering", "core", "constraint", "effective_size"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string id = ids[i].get<std::string>();
    REQUIRE_MESSAGE(by_id.count(id), name << ": node " << id << " missing");
    const json& node = *by_id[id];
    for (const char* m : measures) {
      const json& want = ref[m][i];
      const json& got = node[m];
      INFO(name, " node ", id, " ", m, ": networkx ", want.dump(), ", wijknet ", got.dump());
      if (want.is_null()) {
        CHECK(got.is_null());
      } else {
        REQUIRE(got.is_number());
        CHECK(std::abs(got.get<double>() - want.get<double>()) <= tolerance);
      }
    }
    CHECK_MESSAGE(node["articulation"] == ref["articulation"][i], name << " node " << id << " articulation");
  }
  const json& g = ours["graph"];
  CHECK(g["nodes"] == ids.size());
  CHECK(g["edges"] == expected["edges"].size());
  CHECK(g["components"] == ref["components"]);
  CHECK(std::abs(g["density"].get<double>() - ref["density"].get<double>()) <= tolerance);
  CHECK(std::abs(g["centralization"].get<double>() - ref["centralization"].get<double>()) <= tolerance);
  // Louvain is randomised in networkx; ours must find a partition at least about as good.
  CHECK_MESSAGE(g["modularity"].get<double>() >= ref["louvain_modularity"].get<double>() - 0.02,
                name << ": modularity " << g["modularity"] << " vs networkx " << ref["louvain_modularity"]);
}

std::vector<fs::path> reference_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(source_path("tests/data/reference")))
    if (e.path().string().ends_with(".expected.json")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("analyze --json agrees with networkx on every reference network") {
  const auto files = reference_files();
  REQUIRE(files.size() >= 7);
  for (const auto& f : files) {
    const json expected = json::parse(slurp(f));
    const std::string name = expected["name"];
    const std::string graphml = source_path("tests/data/reference/" + name + ".graphml");
    SUBCASE(name.c_str()) {
      compare(name, expected, expected["unweighted"], analyze_json(quote(graphml)));
      if (expected["weighted"].get<bool>())
        compare(name + " (weighted)", expected, expected["weighted_metrics"], analyze_json(quote(graphml) + " --weighted"));
    }
  }
}

TEST_CASE("--actors projects two-mode data exactly as networkx's weighted_projected_graph") {
  const json expected = json::parse(slurp(source_path("tests/data/reference/davis_women.expected.json")));
  const std::string twomode = quote(source_path("tests/data/projection/davis_twomode.json"));
  compare("davis two-mode projected", expected, expected["unweighted"], analyze_json(twomode + " --actors"));
  compare("davis two-mode projected (weighted)", expected, expected["weighted_metrics"],
          analyze_json(twomode + " --actors --weighted"));
}

TEST_CASE("analyze --at leaves out what did not exist yet") {
  const std::string laak = quote(source_path("assets/laak.json"));
  const json now = analyze_json(laak);
  const json early = analyze_json(laak + " --at 2015-07-01");
  CHECK(early["graph"]["nodes"].get<int>() < now["graph"]["nodes"].get<int>());
  CHECK(early["graph"]["at"] == "2015-07-01");
}
