// The command line's shared pieces: argument parsing, exit codes, loading the input.
// Executables stay thin: parse arguments, call the library, print.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet::cli {

// DOMAIN.md's exit statuses.
enum Exit { ok = 0, usage = 1, bad_input = 2, cannot_write = 3 };

// A command-line mistake: printed with the command's usage, exit status 1.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One option a command accepts: "--json" (a flag) or "--at DATE" (takes a value).
struct OptionSpec {
  std::string name;          // "--at"
  std::string value;         // "DATE", empty for a flag
  std::string help;
  bool repeatable = false;   // "--add-edge A:B" may come several times
};

struct CommandSpec {
  std::string name;
  std::string synopsis;      // "FILE [--json] [--at DATE]"
  std::string summary;       // one line for `wijknet --help`
  std::size_t min_positional = 0, max_positional = 0;
  std::vector<OptionSpec> options;
};

// Parsed arguments of one command.
class Args {
 public:
  Args(const CommandSpec& spec, const std::vector<std::string>& argv);  // throws UsageError

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;

  // Common options with their checks (UsageError on a malformed value).
  std::optional<Date> date(const std::string& name) const;
  Lang lang() const;  // --lang, else the system locale

 private:
  std::vector<std::string> positional_;
  std::multimap<std::string, std::string> values_;
};

// Reads a coalition and prints the import's warnings to stderr (they never stop the run).
Coalition load(const std::string& path, const Args& args);

std::string usage_text(const CommandSpec& spec);

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
