// wijknet suggest (being written)
#include "cli/command.hpp"

namespace wijknet::cli {
Command suggest_command() {
  return {{"suggest", "FILE", "(not yet available)", 1, 1, {}}, [](const Args&) { return int(Exit::usage); }};
}
}  // namespace wijknet::cli
