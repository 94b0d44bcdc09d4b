// wijknet health FILE [--json] [--at DATE] [--lang nl|en]
#include <iostream>

#include "cli/command.hpp"
#include "core/model/coalition_network.hpp"
#include "core/assess/health.hpp"
#include "core/text/utf8.hpp"

namespace wijknet::cli {
namespace {

// Wraps a paragraph at `width` code points after an indent, so messages read well in a terminal.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out = indent, word;
  std::size_t col = 0;
  auto cps = [](const std::string& s) { return utf8_length(s); };
  auto flush = [&] {
    if (word.empty()) return;
    if (col > 0 && col + 1 + cps(word) > width) {
      out += "\n" + indent;
      col = 0;
    } else if (col > 0) {
      out += ' ';
      ++col;
    }
    out += word;
    col += cps(word);
    word.clear();
  };
  for (char c : text) {
    if (c == ' ')
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

std::string status_tag(Lang lang, HealthStatus s) {
  std::string t = tr(lang, "health.status." + std::string(status_id(s)));
  for (auto& c : t) c = char(std::toupper(static_cast<unsigned char>(c)));
  return "[" + t + "]";
}

void print_text(const Coalition& c, const HealthReport& r, const std::string& name, std::ostream& out) {
  const Lang lang = r.lang;
  out << tr(lang, "health.title", {name}) << '\n' << tr(lang, "health.at", {r.at.str()}) << "\n\n";
  if (r.score)
    out << tr(lang, "health.overall",
              {format_number(lang, round1(*r.score), 0), tr(lang, "health.status." + std::string(status_id(r.overall_status())))})
        << '\n';
  else
    out << tr(lang, "health.overall.none") << '\n';
  out << wrap(tr(lang, "health.overall.note"), 96, "") << '\n';
  out << wrap(tr(lang, "health.network", {scope_name(lang, NetworkScope::actors)}), 96, "") << "\n\n";
  for (const auto& ind : r.indicators) {
    out << status_tag(lang, ind.status) << ' ' << indicator_title(lang, ind.id);
    if (ind.score) out << ": " << format_number(lang, round1(*ind.score), 0) << "/100";
    out << '\n' << wrap(ind.message, 96, "    ") << '\n';
    if (!ind.nodes.empty()) {
      std::string names;
      for (std::size_t i = 0; i < ind.nodes.size() && i < 12; ++i) {
        const Node* n = c.node(ind.nodes[i]);
        names += (i ? ", " : "") + (n && !n->label.empty() ? n->label : ind.nodes[i]);
      }
      if (ind.nodes.size() > 12) names += ", ...";
      out << wrap(tr(lang, "health.concerns", {names}), 96, "    ") << '\n';
    }
    out << '\n';
  }
}

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  HealthOptions opt;
  opt.at = args.date("--at");
  opt.lang = args.lang();
  const Coalition c = load(path, args);
  const HealthReport report = assess_health(c, opt);
  for (const auto& w : health_warnings(report)) std::cerr << "warning: " << path << ": " << w << '\n';
  if (args.flag("--json")) {
    std::cout << health_json(report).dump(2) << '\n';
    return Exit::ok;
  }
  print_text(c, report, c.name.empty() ? path : c.name, std::cout);
  return Exit::ok;
}

}  // namespace

Command health_command() {
  CommandSpec spec{
      "health",
      "FILE [--json] [--at DATE] [--lang nl|en]",
      "Coalition health: ten indicators with a score, a status and what to do, and an overall score.",
      1,
      1,
      {{"--json", "", "machine-readable output: {\"score\", \"status\", \"network\", \"indicators\": [{\"id\", \"score\", \"status\", \"message\", \"nodes\"}]}"},
       {"--at", "DATE", "the coalition as it stood on DATE (default: today); commitments are judged from then"},
       {"--strict", "", "treat every import warning as an error"},
       {"--lang", "nl|en", "language of the messages (default: the system locale)"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
