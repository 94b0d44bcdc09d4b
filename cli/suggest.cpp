// wijknet suggest FILE [--candidates CSV] [--json] [--at DATE] [--lang nl|en]
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/suggest.hpp"
#include "core/text/error.hpp"
#include "core/model/vocabulary.hpp"
#include "core/assess/suggest.hpp"

namespace wijknet::cli {
namespace {

void print_text(const Coalition& c, const Suggestions& s, Lang lang, const std::string& name, std::ostream& out) {
  auto label = [&](const std::string& id) {
    const Node* n = c.node(id);
    return n && !n->label.empty() ? n->label : id;
  };
  out << tr(lang, "suggest.title", {name}) << "\n\n";
  out << tr(lang, "suggest.head.missing") << '\n';
  if (s.missing_sectors.empty()) out << "  " << tr(lang, "suggest.none") << '\n';
  for (const auto& m : s.missing_sectors) out << "  - " << m.reason << '\n';
  out << '\n' << tr(lang, "suggest.head.candidates") << '\n';
  if (!s.registry_given)
    out << "  " << tr(lang, "suggest.no_registry") << '\n';
  else if (s.candidates.empty())
    out << "  " << tr(lang, "suggest.none") << '\n';
  for (const auto& cand : s.candidates)
    out << "  - " << cand.name << " (" << sector_name(lang, cand.sector) << ", " << format_number(lang, cand.score, 1)
        << "): " << cand.reason << '\n';
  out << '\n' << tr(lang, "suggest.head.introductions") << '\n';
  if (s.introductions.empty()) out << "  " << tr(lang, "suggest.none") << '\n';
  for (const auto& in : s.introductions) out << "  - " << label(in.a) << " + " << label(in.b) << ": " << in.reason << '\n';
  out << '\n' << tr(lang, "suggest.head.succession") << '\n';
  if (!s.succession) {
    out << "  " << tr(lang, "suggest.none") << '\n';
    return;
  }
  const auto& su = *s.succession;
  out << "  " << su.reason << '\n';
  if (!su.successors.empty()) {
    out << "  " << tr(lang, "suggest.head.successors") << '\n';
    for (const auto& x : su.successors) out << "    - " << x.reason << '\n';
  }
  if (!su.reconnect.empty()) {
    out << "  " << tr(lang, "suggest.head.reconnect") << '\n';
    for (const auto& in : su.reconnect) out << "    - " << label(in.a) << " + " << label(in.b) << ": " << in.reason << '\n';
  }
}

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  SuggestOptions opt;
  opt.at = args.date("--at");
  opt.lang = args.lang();
  std::vector<Candidate> registry;
  if (auto csv = args.value("--candidates")) registry = read_registry(*csv);
  const Coalition c = load(path, args);
  Suggestions s = suggest(c, registry, opt);
  if (auto csv = args.value("--candidates")) s.registry_given = true;
  if (args.flag("--json")) {
    std::cout << suggestions_json(s).dump(2) << '\n';
    return Exit::ok;
  }
  print_text(c, s, opt.lang, c.name.empty() ? path : c.name, std::cout);
  return Exit::ok;
}

}  // namespace

Command suggest_command() {
  CommandSpec spec{
      "suggest",
      "FILE [--candidates CSV] [--json] [--at DATE] [--lang nl|en]",
      "Missing sectors, candidate partners, introductions, and who takes over when the broker leaves.",
      1,
      1,
      {{"--candidates", "CSV", "registry of possible partners: name,sector,themes,ties (lists separated by '|')"},
       {"--json", "", "machine-readable output: missing_sectors, candidates, introductions, succession"},
       {"--at", "DATE", "the coalition as it stood on DATE (default: today)"},
       {"--strict", "", "treat every import warning as an error"},
       {"--lang", "nl|en", "language of the reasons (default: the system locale)"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
