// wijknet report (being written)
#include "cli/command.hpp"

namespace wijknet::cli {
Command report_command() {
  return {{"report", "FILE", "(not yet available)", 1, 1, {}}, [](const Args&) { return int(Exit::usage); }};
}
}  // namespace wijknet::cli
