// wijknet-viewer: the window, its main loop and its command line. main.cpp only calls
// parse_viewer_args and run_viewer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/text/i18n.hpp"

namespace wijknet::viz {

struct ViewerOptions {
  std::string file;                  // empty: the Laak sample
  std::optional<Lang> lang;          // default: the system locale
  std::size_t generate_n = 0, generate_m = 0;  // --generate-ba N M instead of a file
  int width = 1280, height = 800;
  std::string color_by, size_by;     // "kind", "sector", "community", a metric id; "uniform"
  std::vector<std::string> select;   // node ids selected at start
  std::string search;                // searched (and flown to) at start
  std::string focus;                 // "ID" or "ID:K"
  bool no_layout = false;            // keep stored or seed positions
  bool curved = false;
  std::vector<std::string> panels;   // --panel NAME: opened at start (health, whatif, missing, ...)
  std::vector<std::string> whatif;   // --whatif ID[,ID]: what-if mode with these members out
  std::string candidates;            // --candidates CSV: the Missing partners panel's registry
  std::string at, compare;           // --at DATE: the map's date at start; --compare DATE: the timeline compares with it
  // Test and export mode.
  int frames = 0;                    // > 0: render this many frames, write what was asked, exit
  std::string screenshot, dump_state, export_png, export_svg;
  std::string f9_screenshot;         // --f9-screenshot OUT.png: F9 also writes the window's pixels
  double scale = 2.0;                // --export-png scale
  bool anonymize = true;             // exports for others pseudonymise residents by default
  int bench = 0;                     // frames to time with the layout running
};

// Parses the command line. Returns nullopt when the program should exit at once: with `exit_code`
// 0 after --help (usage printed to stdout), 1 for a usage error (message printed to stderr).
std::optional<ViewerOptions> parse_viewer_args(int argc, char** argv, int& exit_code);

// Opens the window and runs until it is closed (or the test/export/bench frames are done).
// Exit status: 0 success, 1 no display or usage, 2 a file it cannot read in test mode,
// 3 an output it cannot write.
int run_viewer(const ViewerOptions& options);

std::string viewer_usage();

}  // namespace wijknet::viz
