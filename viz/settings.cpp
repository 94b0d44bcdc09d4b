#include "viz/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/model.hpp"
#include "importers/atomic_write.hpp"

namespace wijknet::viz {

std::filesystem::path settings_path() {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "wijknet" / "viewer.json";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".config" / "wijknet" / "viewer.json";
  return {};
}

ViewerSettings load_settings() {
  ViewerSettings s;
  const auto p = settings_path();
  if (p.empty()) return s;
  std::ifstream in(p);
  if (!in) return s;
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    Json j = Json::parse(ss.str());
    if (j.contains("panels") && j["panels"].is_object())
      for (const auto& [k, v] : j["panels"].items())
        if (v.is_boolean()) s.panels[k] = v.get<bool>();
  } catch (const std::exception&) {
    // A damaged file: start with the defaults; the next save replaces it.
  }
  return s;
}

bool save_settings(const ViewerSettings& s) {
  const auto p = settings_path();
  if (p.empty()) return false;
  try {
    std::filesystem::create_directories(p.parent_path());
    Json j = Json::object();
    j["panels"] = Json::object();
    for (const auto& [k, v] : s.panels) j["panels"][k] = v;
    write_file_atomically(p.string(), [&](std::ostream& os) { os << j.dump(2) << '\n'; });
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace wijknet::viz
