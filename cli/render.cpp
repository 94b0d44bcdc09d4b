// wijknet render FILE -o OUT.svg [--at DATE] [--lang nl|en] [--anonymize] [--no-labels]
#include <iostream>

#include "cli/command.hpp"
#include "core/model/privacy.hpp"
#include "core/present/svg_render.hpp"
#include "importers/atomic_write.hpp"

namespace wijknet::cli {
namespace {

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  const auto out = args.value("-o");
  if (!out) throw UsageError("-o OUT.svg is required");
  const auto at = args.date("--at");
  SvgOptions opt;
  opt.lang = args.lang();
  opt.labels = !args.flag("--no-labels");
  Coalition c = load(path, args);
  if (at) c = c.at(*at);
  if (args.flag("--anonymize")) c = anonymized(c);
  opt.title = c.name;
  opt.subtitle = as_of_text(opt.lang, at);
  const std::string svg = network_svg(c, network_positions(c), opt);
  write_file_atomically(*out, [&](std::ostream& os) { os << svg; });
  std::cerr << "wrote " << *out << ": " << c.nodes.size() << " nodes, " << c.edges.size() << " edges\n";
  return Exit::ok;
}

}  // namespace

Command render_command() {
  CommandSpec spec{"render",
                   "FILE -o OUT.svg [--at DATE] [--lang nl|en] [--anonymize] [--no-labels]",
                   "A picture of the network as SVG: partners by sector, projects, the broker, ties by kind, a legend.",
                   1,
                   1,
                   {{"-o", "OUT.svg", "the SVG file to write (replaced atomically)"},
                    {"--at", "DATE", "the coalition as it stood on DATE"},
                    {"--lang", "nl|en", "language of the legend (default: the system locale)"},
                    {"--anonymize", "", "replace residents' names with stable pseudonyms"},
                    {"--no-labels", "", "leave the names out"},
                    {"--strict", "", "treat every import warning as an error"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
