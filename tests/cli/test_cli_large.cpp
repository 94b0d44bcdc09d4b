// The foundation issue's size check: a 20,000-node, 100,000-tie Barabási–Albert edge list is
// analysed to the end and --timings reports every measure. No time limit is asserted here
// (machines are noisy); bench/ measures speed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "bench/ba_graph.hpp"
#include "tests/cli/run_cli.hpp"

using namespace wijknet::test;

TEST_CASE("analyze finishes on a 20,000-node Barabasi-Albert network and times every measure") {
  const auto dir = std::filesystem::temp_directory_path() / ("wijknet-large-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "ba.edges";
  {
    std::ofstream out(path);
    out << "# Barabasi-Albert n=20000 m=5\n";
    for (auto [u, v] : wijknet::bench::barabasi_albert(20000, 5)) out << 'n' << u << " n" << v << '\n';
  }
  const CliResult r = run_cli("analyze " + quote(path.string()) + " --json --timings");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["graph"]["nodes"] == 20000);
  CHECK(j["graph"]["edges"] == 99975);  // 5 ties for each of the 19,995 later vertices
  CHECK(j["graph"]["components"] == 1);
  CHECK(j["nodes"].size() == 20000);
  for (const char* m : {"degree", "betweenness", "closeness", "eigenvector", "pagerank", "clustering", "core",
                        "constraint", "components", "articulation", "community"})
    CHECK_MESSAGE(j["graph"]["timings_ms"].contains(m), m);
  std::filesystem::remove_all(dir);
}
