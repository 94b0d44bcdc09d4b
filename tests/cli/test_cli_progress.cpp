// Progress of long measures: on stderr when it is a terminal (closeness included), never inside
// the --json output on stdout. The terminal is util-linux's `script`; WIJKNET_PROGRESS_AFTER=0
// shows the line at once, so the test needs no slow network.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "bench/ba_graph.hpp"
#include "tests/cli/run_cli.hpp"

using namespace wijknet::test;

TEST_CASE("analyze --json: progress on the terminal's stderr for closeness, none in the JSON") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    MESSAGE("util-linux script is not installed: skipped");
    return;
  }
  const auto dir = std::filesystem::temp_directory_path() / ("wijknet-progress-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto edges = dir / "ba.edges";
  {
    std::ofstream out(edges);
    for (auto [u, v] : wijknet::bench::barabasi_albert(3000, 3)) out << 'n' << u << " n" << v << '\n';
  }
  for (const std::string measures : {"closeness", "betweenness"}) {
    const auto json = dir / ("out-" + measures + ".json");
    const auto terminal = dir / ("tty-" + measures + ".txt");
    const std::string inner = "WIJKNET_PROGRESS_AFTER=0 " + quote(WIJKNET_CLI) + " analyze " + quote(edges.string()) +
                              " --json --lang en --measures " + measures + " >" + quote(json.string());
    const std::string cmd = "script -qec " + quote(inner) + " /dev/null >" + quote(terminal.string()) + " 2>&1 </dev/null";
    const int raw = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 0);
    const std::string shown = slurp(terminal), out = slurp(json);
    CHECK_MESSAGE(shown.find(measures + ": ") != std::string::npos, shown);
    CHECK_MESSAGE(shown.find("% done") != std::string::npos, shown);
    CHECK(out.find('\r') == std::string::npos);
    CHECK(out.find('\033') == std::string::npos);
    CHECK(out.find("% done") == std::string::npos);
    const auto j = nlohmann::json::parse(out);
    CHECK(j["nodes"].size() == 3000);
    CHECK(j["nodes"][0].contains(measures));
  }
  std::filesystem::remove_all(dir);
}
