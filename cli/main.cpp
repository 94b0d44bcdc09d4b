// wijknet: the command line of DOMAIN.md's contract. Exit 0 success, 1 usage, 2 bad input,
// 3 could not write; warnings go to stderr and never stop the run.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/text/error.hpp"

using namespace wijknet;
using namespace wijknet::cli;

namespace {

std::vector<Command> commands() {
  return {
      analyze_command(),
      convert_command(),
      snapshot_command(),
      diff_command(),
      health_command(),
      suggest_command(),
      whatif_command(),
      report_command(),
      render_command(),
  };
}

void print_overview(std::ostream& out) {
  out << "wijknet: map, analyse and judge neighbourhood coalitions.\n\nusage: wijknet COMMAND [ARGS]\n\ncommands:\n";
  for (const auto& c : commands()) {
    std::string left = "  " + c.spec.name;
    left.resize(14, ' ');
    out << left << c.spec.summary << '\n';
  }
  out << "\nRun 'wijknet COMMAND --help' for a command's options.\nInput formats by extension:";
  for (const auto& e : readable_extensions()) out << ' ' << e;
  out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_overview(std::cerr);
    return Exit::usage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview(std::cout);
    return Exit::ok;
  }
  for (const auto& cmd : commands()) {
    if (cmd.spec.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (asks_for_help(rest)) {
      std::cout << usage_text(cmd.spec);
      return Exit::ok;
    }
    try {
      return cmd.run(Args(cmd.spec, rest));
    } catch (const UsageError& e) {
      std::cerr << "wijknet " << cmd.spec.name << ": " << e.what() << "\n\n" << usage_text(cmd.spec);
      return Exit::usage;
    } catch (const InputError& e) {
      std::cerr << e.what() << '\n';
      return Exit::bad_input;
    } catch (const WriteError& e) {
      std::cerr << "wijknet: " << e.what() << '\n';
      return Exit::cannot_write;
    } catch (const std::exception& e) {
      std::cerr << "wijknet: " << e.what() << '\n';
      return Exit::bad_input;
    }
  }
  std::cerr << "wijknet: unknown command '" << args[0] << "'\n\n";
  print_overview(std::cerr);
  return Exit::usage;
}
