// The one declarative command-line parser of wijknet's executables: the CLI's commands
// (cli/command.hpp) and the viewer (viz/viewer.cpp). A program describes its options once, in a
// CommandSpec; Args parses argv against it and the usage text is written from it, so a mistake
// reads the same everywhere: "PROGRAM: option '--at' needs a value DATE", then the usage.
// Headless: no window, no file formats.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"

namespace wijknet {

// A command-line mistake: printed with the program's usage, exit status 1.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One option a program accepts: "--json" (a flag), "--at DATE" (takes a value) or
// "--generate-ba N M" (takes one value per word of `value`).
struct OptionSpec {
  std::string name;          // "--at"
  std::string value;         // "DATE", empty for a flag
  std::string help;          // may hold '\n': later lines are indented under the first
  bool repeatable = false;   // "--add-edge A:B" may come several times
};

struct CommandSpec {
  std::string name;          // the command ("suggest"), empty for a program without commands
  std::string synopsis;      // "FILE [--json] [--at DATE]"
  std::string summary;       // one line for `wijknet --help`
  std::size_t min_positional = 0, max_positional = 0;
  std::vector<OptionSpec> options;
};

// Parsed arguments of one command. Options may come anywhere among the positional arguments;
// "--name=value" is "--name value". O(arguments × options).
class Args {
 public:
  Args(const CommandSpec& spec, const std::vector<std::string>& argv);  // throws UsageError

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(const std::string& name) const { return given_.count(name) > 0; }
  // The value of an option given once (the first value of one that takes several).
  std::optional<std::string> value(const std::string& name) const;
  // Every value of the option, in order: each use of a repeatable one, each word of "N M".
  std::vector<std::string> values(const std::string& name) const;

  // Common options with their checks (UsageError on a malformed value).
  std::optional<Date> date(const std::string& name) const;
  Lang lang() const;  // --lang, else the system locale

 private:
  std::vector<std::string> positional_;
  std::set<std::string> given_;
  std::multimap<std::string, std::string> values_;
};

// "usage: PROGRAM [NAME] SYNOPSIS", the summary, and the options with their help, aligned.
std::string usage_text(const CommandSpec& spec, const std::string& program = "wijknet");

// True when argv asks for the usage (--help or -h anywhere): it is printed instead of a run.
bool asks_for_help(const std::vector<std::string>& argv);

}  // namespace wijknet
