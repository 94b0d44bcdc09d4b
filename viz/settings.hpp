// What the viewer remembers between runs: which panels are open, the files opened last. One small
// JSON file,
// $XDG_CONFIG_HOME/wijknet/viewer.json (else ~/.config/wijknet/viewer.json).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace wijknet::viz {

struct ViewerSettings {
  std::map<std::string, bool> panels;  // panel id -> open
  std::vector<std::string> recent;     // File > Recent: absolute paths, the latest first, at most 8
  friend bool operator==(const ViewerSettings&, const ViewerSettings&) = default;
};

// The settings file; empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path settings_path();
// The saved settings; empty ones when the file is missing or unreadable (never an error: the
// viewer then starts with its defaults).
ViewerSettings load_settings();
// Writes the settings atomically, creating the folder. Returns false when it cannot.
bool save_settings(const ViewerSettings& s);

// Puts `path` (made absolute) first in `recent`, once, keeping at most 8.
void add_recent(std::vector<std::string>& recent, const std::string& path);

}  // namespace wijknet::viz
