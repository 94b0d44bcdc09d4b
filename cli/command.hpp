// The command line's shared pieces: exit codes, loading the input, the commands; argument parsing
// is core/text/command_line.hpp's.
// Executables stay thin: parse arguments, call the library, print.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "core/text/command_line.hpp"
#include "importers/io.hpp"

namespace wijknet::cli {

// DOMAIN.md's exit statuses.
enum Exit { ok = 0, usage = 1, bad_input = 2, cannot_write = 3 };

// Reads a coalition and prints the import's warnings to stderr (they never stop the run).
Coalition load(const std::string& path, const Args& args);

struct Command {
  CommandSpec spec;
  std::function<int(const Args&)> run;
};

// Each command's file defines one of these.
Command analyze_command();
Command convert_command();
Command snapshot_command();
Command diff_command();
Command health_command();
Command suggest_command();
Command whatif_command();
Command report_command();
Command render_command();

}  // namespace wijknet::cli
