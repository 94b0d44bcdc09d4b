// wijknet render (being written)
#include "cli/command.hpp"

namespace wijknet::cli {
Command render_command() {
  return {{"render", "FILE", "(not yet available)", 1, 1, {}}, [](const Args&) { return int(Exit::usage); }};
}
}  // namespace wijknet::cli
