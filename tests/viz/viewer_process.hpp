// Running wijknet-viewer under Xvfb from the tests, and reading back what it wrote.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

namespace wijknet::test {

// Whether the headless X server wrapper is installed (scripts/deps --test installs it).
inline bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

// A fresh scratch directory under the build tree.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::path(WIJKNET_BINARY_DIR) / "test-viz" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A settings folder for the viewer ($XDG_CONFIG_HOME) under `dir`, so no test reads or writes the
// user's ~/.config. With `insight_panels` false the coordinator's docked panels start closed (the
// map tests see the whole window); true leaves the viewer's defaults (the dashboard open).
inline std::filesystem::path test_config(const std::filesystem::path& dir, bool insight_panels) {
  const auto config = dir / "config";
  std::filesystem::remove_all(config);
  std::filesystem::create_directories(config / "wijknet");
  if (!insight_panels) {
    std::ofstream out(config / "wijknet" / "viewer.json");
    out << R"({"panels": {"health": false, "whatif": false, "missing": false}})" << '\n';
  }
  return config;
}

// Runs the viewer with `args` on a Xvfb screen (1280x800 unless `screen` says otherwise) with
// Mesa's software renderer; returns its exit status. Output goes to `log`; its settings folder is
// beside `log` (see test_config).
inline int run_viewer_headless(const std::string& args, const std::filesystem::path& log, bool insight_panels = false,
                               const std::string& screen = "1280x800") {
  const auto config = test_config(log.parent_path(), insight_panels);
  std::string cmd = "XDG_CONFIG_HOME=" + quote(config.string()) + " LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 " + screen +
                    "x24' " + quote(WIJKNET_VIEWER_BIN) + " " + args + " >" + quote(log.string()) + " 2>&1";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// How many times `what` occurs in `s` (overlapping occurrences counted).
inline std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t k = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++k;
  return k;
}

inline nlohmann::json read_json(const std::filesystem::path& p) { return nlohmann::json::parse(slurp(p)); }

// Runs the `wijknet` command line with `args` (quote paths) and parses what it prints as JSON;
// null when it failed.
inline nlohmann::json wijknet_json(const std::string& args, const std::filesystem::path& dir) {
  const auto out = dir / "cli-out.json";
  const int rc = std::system((quote(WIJKNET_CLI) + " " + args + " >" + quote(out.string()) + " 2>/dev/null").c_str());
  if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 0) return nullptr;
  return read_json(out);
}

inline std::string laak_path() { return std::string(WIJKNET_SOURCE_DIR) + "/assets/laak.json"; }

}  // namespace wijknet::test
