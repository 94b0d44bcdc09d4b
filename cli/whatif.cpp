// wijknet whatif FILE --remove ID[,ID...] [--add-edge A:B ...] [--json] [--at DATE] [--lang nl|en]
#include <iostream>
#include <stdexcept>

#include "cli/command.hpp"
#include "core/model/coalition_network.hpp"
#include "core/text/error.hpp"
#include "core/assess/whatif.hpp"
#include "core/text/utf8.hpp"

namespace wijknet::cli {
namespace {

std::string pad(std::string s, std::size_t width) {
  const std::size_t cps = utf8_length(s);
  if (cps < width) s.append(width - cps, ' ');
  return s;
}

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// "A:B" into two ids. Ids may themselves hold ':', so the split is the one whose two sides are
// both ids of the coalition; else the first ':' (and what_if reports the unknown id).
std::pair<std::string, std::string> split_pair(const std::string& text, const Coalition& c) {
  std::optional<std::pair<std::string, std::string>> first;
  for (std::size_t i = text.find(':'); i != std::string::npos; i = text.find(':', i + 1)) {
    std::pair<std::string, std::string> p{text.substr(0, i), text.substr(i + 1)};
    if (!first) first = p;
    if (c.find(p.first) && c.find(p.second)) return p;
  }
  if (!first || first->first.empty() || first->second.empty())
    throw UsageError("--add-edge: '" + text + "' is not A:B (two node ids)");
  return *first;
}

void print_text(const WhatIf& w, Lang lang, std::ostream& out) {
  out << w.summary << "\n\n";
  out << tr(lang, "network.heading", {scope_name(lang, NetworkScope::actors)}) << '\n';
  out << "  " << pad(tr(lang, "whatif.col.measure"), 24) << pad(tr(lang, "whatif.col.before"), 10)
      << tr(lang, "whatif.col.after") << '\n';
  auto row = [&](const std::string& key, const std::string& a, const std::string& b) {
    out << "  " << pad(tr(lang, key), 24) << pad(a, 10) << b << '\n';
  };
  auto score = [&](const HealthReport& r) { return r.score ? format_number(lang, round1(*r.score), 0) : std::string("-"); };
  const auto &fb = w.figures_before, &fa = w.figures_after;
  auto dist = [&](const NetworkFigures& f) { return f.average_distance ? format_number(lang, *f.average_distance, 2) : "-"; };
  row("whatif.fig.score", score(w.before), score(w.after));
  row("whatif.fig.actors", std::to_string(fb.actors), std::to_string(fa.actors));
  row("whatif.fig.ties", std::to_string(fb.ties), std::to_string(fa.ties));
  row("whatif.fig.components", std::to_string(fb.components), std::to_string(fa.components));
  row("whatif.fig.density", format_number(lang, fb.density, 3), format_number(lang, fa.density, 3));
  row("whatif.fig.unreachable", std::to_string(fb.unreachable_pairs), std::to_string(fa.unreachable_pairs));
  row("whatif.fig.distance", dist(fb), dist(fa));
  row("whatif.fig.centralization", format_number(lang, fb.centralization, 2), format_number(lang, fa.centralization, 2));
  out << '\n' << tr(lang, "whatif.health") << '\n';
  for (std::size_t i = 0; i < w.before.indicators.size(); ++i) {
    const auto &b = w.before.indicators[i], &a = w.after.indicators[i];
    auto cell = [&](const HealthIndicator& ind) {
      return (ind.score ? format_number(lang, round1(*ind.score), 0) : std::string("-")) + " " +
             tr(lang, "health.status." + std::string(status_id(ind.status)));
    };
    out << "  " << pad(indicator_title(lang, b.id), 40) << pad(cell(b), 18) << "-> " << cell(a) << '\n';
  }
  out << '\n';
  for (const auto& ind : w.after.indicators)
    if (ind.status == HealthStatus::alert) out << "  [" << indicator_title(lang, ind.id) << "] " << ind.message << '\n';
}

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  WhatIfOptions opt;
  opt.at = args.date("--at");
  opt.lang = args.lang();
  for (const auto& v : args.values("--remove"))
    for (auto& id : split_ids(v)) opt.remove.push_back(id);
  if (opt.remove.empty() && args.values("--add-edge").empty())
    throw UsageError("give --remove ID[,ID...] or --add-edge A:B");
  const Coalition c = load(path, args);
  for (const auto& v : args.values("--add-edge")) opt.add_edges.push_back(split_pair(v, c));
  WhatIf w;
  try {
    w = what_if(c, opt);
  } catch (const std::invalid_argument& e) {
    throw InputError({path, 0, 0}, e.what());
  }
  if (args.flag("--json")) {
    std::cout << whatif_json(w).dump(2) << '\n';
    return Exit::ok;
  }
  print_text(w, opt.lang, std::cout);
  return Exit::ok;
}

}  // namespace

Command whatif_command() {
  CommandSpec spec{
      "whatif",
      "FILE --remove ID[,ID...] [--add-edge A:B ...] [--json] [--at DATE] [--lang nl|en]",
      "What if members leave (or new ties are made): health and network figures before and after, and what breaks.",
      1,
      1,
      {{"--remove", "ID[,ID...]", "members to take out (comma-separated ids; may be repeated)", true},
       {"--add-edge", "A:B", "a new tie between two members (may be repeated)", true},
       {"--json", "", "machine-readable output: before, after, breaks"},
       {"--at", "DATE", "the coalition as it stood on DATE (default: today)"},
       {"--strict", "", "treat every import warning as an error"},
       {"--lang", "nl|en", "language of the text (default: the system locale)"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
