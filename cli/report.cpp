// wijknet report FILE -o OUT.html [--lang nl|en] [--anonymize] [--at DATE] [--candidates CSV]
#include <iostream>

#include "cli/command.hpp"
#include "cli/suggest.hpp"
#include "core/model/privacy.hpp"
#include "core/present/report_html.hpp"
#include "importers/atomic_write.hpp"

namespace wijknet::cli {
namespace {

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  const auto out = args.value("-o");
  if (!out) throw UsageError("-o OUT.html is required");
  ReportOptions opt;
  opt.lang = args.lang();
  opt.at = args.date("--at");
  if (auto csv = args.value("--candidates")) opt.registry = read_registry(*csv);
  Coalition c = load(path, args);
  if (args.flag("--anonymize")) {
    c = anonymized(c);
    opt.anonymized = true;
  }
  const auto slash = path.find_last_of('/');
  opt.source = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string html = report_html(c, opt);
  // A temporary file beside OUT, renamed over it: an existing report survives any failure.
  write_file_atomically(*out, [&](std::ostream& os) { os << html; });
  std::cerr << "wrote " << *out << " (" << html.size() << " bytes)\n";
  return Exit::ok;
}

}  // namespace

Command report_command() {
  CommandSpec spec{"report",
                   "FILE -o OUT.html [--lang nl|en] [--anonymize] [--at DATE] [--candidates CSV]",
                   "One self-contained, printable HTML report: health, network picture, project matrix, suggestions.",
                   1,
                   1,
                   {{"-o", "OUT.html", "the HTML file to write (replaced atomically; exit 3 when it cannot be written)"},
                    {"--lang", "nl|en", "language of the report (default: the system locale)"},
                    {"--anonymize", "", "replace residents' names with stable pseudonyms (AVG/GDPR)"},
                    {"--at", "DATE", "the coalition as it stood on DATE (default: today)"},
                    {"--candidates", "CSV", "registry of possible partners to rank (name,sector,themes,ties)"},
                    {"--strict", "", "treat every import warning as an error"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
