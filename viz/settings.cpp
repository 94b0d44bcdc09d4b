#include "viz/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/model/coalition.hpp"
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
    if (j.contains("recent") && j["recent"].is_array())
      for (const auto& r : j["recent"])
        if (r.is_string() && s.recent.size() < 8) s.recent.push_back(r.get<std::string>());
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
    j["recent"] = s.recent;
    write_file_atomically(p.string(), [&](std::ostream& os) { os << j.dump(2) << '\n'; });
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void add_recent(std::vector<std::string>& recent, const std::string& path) {
  std::error_code ec;
  const std::string p = std::filesystem::absolute(path, ec).lexically_normal().string();
  std::erase(recent, p);
  recent.insert(recent.begin(), p);
  if (recent.size() > 8) recent.resize(8);
}

}  // namespace wijknet::viz
