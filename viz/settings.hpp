// What the viewer remembers between runs: which panels are open. One small JSON file,
// $XDG_CONFIG_HOME/wijknet/viewer.json (else ~/.config/wijknet/viewer.json).
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace wijknet::viz {

struct ViewerSettings {
  std::map<std::string, bool> panels;  // panel id -> open
  friend bool operator==(const ViewerSettings&, const ViewerSettings&) = default;
};

// The settings file; empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path settings_path();
// The saved settings; empty ones when the file is missing or unreadable (never an error: the
// viewer then starts with its defaults).
ViewerSettings load_settings();
// Writes the settings atomically, creating the folder. Returns false when it cannot.
bool save_settings(const ViewerSettings& s);

}  // namespace wijknet::viz
