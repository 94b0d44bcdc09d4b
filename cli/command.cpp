#include "cli/command.hpp"

#include <iostream>

namespace wijknet::cli {

Coalition load(const std::string& path, const Args& args) {
  ImportReport report;
  ReadOptions options;
  options.strict = args.flag("--strict");
  if (auto e = args.value("--encoding")) options.encoding = *e;  // commands that offer them
  if (auto s = args.value("--sheet")) options.sheet = *s;
  Coalition c = read_coalition(path, &report, options);
  for (const auto& w : report.warnings) std::cerr << "warning: " << w << '\n';
  return c;
}

}  // namespace wijknet::cli
