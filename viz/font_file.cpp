#include "viz/font_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace wijknet::viz {
namespace {

namespace fs = std::filesystem;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::vector<fs::path> font_dirs() {
  std::vector<fs::path> dirs;
  const std::string home = env("HOME");
  const std::string data_home = env("XDG_DATA_HOME");
  if (!data_home.empty()) dirs.emplace_back(fs::path(data_home) / "fonts");
  else if (!home.empty()) dirs.emplace_back(fs::path(home) / ".local/share/fonts");
  if (!home.empty()) dirs.emplace_back(fs::path(home) / ".fonts");
  std::string data_dirs = env("XDG_DATA_DIRS");
  if (data_dirs.empty()) data_dirs = "/usr/local/share:/usr/share";
  std::stringstream list(data_dirs);
  for (std::string dir; std::getline(list, dir, ':');)
    if (!dir.empty()) dirs.emplace_back(fs::path(dir) / "fonts");
  return dirs;
}

}  // namespace

FontSearch find_font_file() {
  FontSearch out;
  if (const std::string chosen = env("WIJKNET_FONT"); !chosen.empty()) {
    out.searched = "WIJKNET_FONT=" + chosen;
    if (std::ifstream(chosen).good()) out.path = chosen;
    return out;
  }
  for (const auto& dir : font_dirs()) {
    out.searched += (out.searched.empty() ? "" : ", ") + dir.string();
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->path().filename() == "DejaVuSans.ttf" && it->is_regular_file(ec)) {
        out.path = it->path().string();
        return out;
      }
    }
  }
  return out;
}

}  // namespace wijknet::viz
