// wijknet whatif (being written)
#include "cli/command.hpp"

namespace wijknet::cli {
Command whatif_command() {
  return {{"whatif", "FILE", "(not yet available)", 1, 1, {}}, [](const Args&) { return int(Exit::usage); }};
}
}  // namespace wijknet::cli
