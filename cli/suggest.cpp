// wijknet suggest FILE [--candidates CSV] [--json] [--at DATE] [--lang nl|en]
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/suggest.hpp"
#include "core/error.hpp"
#include "core/health.hpp"
#include "core/suggest.hpp"
#include "importers/csv_table.hpp"

namespace wijknet::cli {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const auto b = cur.find_first_not_of(" \t");
    const auto e = cur.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
    cur.clear();
  };
  for (char c : text) {
    if (c == '|' || c == ';')
      flush();
    else
      cur += c;
  }
  flush();
  return out;
}

}  // namespace

std::vector<Candidate> read_registry(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "cannot open the candidate registry");
  std::ostringstream buf;
  buf << in.rdbuf();
  const CsvTable table = parse_csv(buf.str(), path);
  if (table.rows.empty()) throw InputError({path, 1, 1}, "the candidate registry is empty (expected a header: name,sector,themes,ties)");
  int col_name = -1, col_sector = -1, col_themes = -1, col_ties = -1;
  const auto& header = table.rows[0];
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string h = lower(header.fields[i].text);
    if (h == "name" || h == "naam") col_name = int(i);
    else if (h == "sector") col_sector = int(i);
    else if (h == "themes" || h == "themas" || h == "thema's" || h == "theme") col_themes = int(i);
    else if (h == "ties" || h == "banden" || h == "knows") col_ties = int(i);
  }
  if (col_name < 0 || col_sector < 0)
    throw InputError({path, header.line, 1}, "the candidate registry needs the columns name and sector (header: name,sector,themes,ties)");
  std::vector<Candidate> out;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.blank()) continue;
    auto cell = [&](int col) -> std::string {
      return col >= 0 && std::size_t(col) < row.fields.size() ? row.fields[std::size_t(col)].text : std::string();
    };
    Candidate c;
    c.name = cell(col_name);
    if (c.name.empty()) {
      const int column = std::size_t(col_name) < row.fields.size() ? row.fields[std::size_t(col_name)].column : 1;
      throw InputError({path, row.line, column}, "a candidate without a name");
    }
    c.sector = lower(cell(col_sector));
    c.themes = split_list(cell(col_themes));
    c.ties = split_list(cell(col_ties));
    out.push_back(std::move(c));
  }
  return out;
}

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
