// Running wijknet-viewer under Xvfb from the tests, and reading back what it wrote.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// Runs the viewer with `args` on a 1280x800 Xvfb screen with Mesa's software renderer; returns
// its exit status. Output goes to `log`.
inline int run_viewer_headless(const std::string& args, const std::filesystem::path& log) {
  std::string cmd = "LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " + quote(WIJKNET_VIEWER_BIN) + " " +
                    args + " >" + quote(log.string()) + " 2>&1";
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

}  // namespace wijknet::test
