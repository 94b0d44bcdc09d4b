// wijknet analyze FILE [--json] [--at DATE] [--weighted] [--actors] [--timings] [--measures LIST]
//                [--epsilon E [--delta D]] [--exact]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <iomanip>
#include <iostream>
#include <numeric>

#include "cli/command.hpp"
#include "core/model/analysis_json.hpp"
#include "core/model/coalition_network.hpp"
#include "core/text/number_text.hpp"
#include "core/graph/components.hpp"
#include "core/graph/network.hpp"
#include "core/graph/analysis.hpp"
#include "core/text/utf8.hpp"

namespace wijknet::cli {
namespace {

// Fits a cell of `width` columns: counts code points, so "Coöperatief" lines up with plain ASCII
// names, and shortens what is too long with an ellipsis, leaving one column of space.
std::string pad(std::string s, std::size_t width) {
  std::size_t cps = utf8_length(s);
  if (cps >= width) {
    s = utf8_clip(s, width - 2);
    cps = width - 1;
  }
  s.append(width - cps, ' ');
  return s;
}

std::size_t largest_component(const Network& net) {
  const Components parts = connected_components(net);
  std::vector<std::size_t> sizes(parts.count, 0);
  for (auto c : parts.component) ++sizes[c];
  return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

void print_notes(const Network& net, Lang lang, std::ostream& out) {
  const auto& n = net.notes();
  if (n.directed_edges) out << "  " << tr(lang, "analyze.note.directed", {std::to_string(n.directed_edges)}) << '\n';
  if (n.self_loops) out << "  " << tr(lang, "analyze.note.selfloops", {std::to_string(n.self_loops)}) << '\n';
  if (n.merged_parallel) out << "  " << tr(lang, "analyze.note.parallel", {std::to_string(n.merged_parallel)}) << '\n';
}

void print_timings(const Analysis& a, Lang lang, std::ostream& out) {
  if (a.timings_ms.empty()) return;
  out << '\n' << tr(lang, "analyze.timings") << '\n';
  for (const auto& [name, ms] : a.timings_ms)
    out << "  " << pad(name, 14) << std::fixed << std::setprecision(1) << ms << " ms\n";
}

// The readable report: the graph in sentences, the top connectors, the broker, the cut points.
void print_text(const Coalition& c, const Network& net, const Analysis& a, const Args& args, NetworkScope scope,
                std::ostream& out) {
  const Lang lang = args.lang();
  const auto& g = a.graph;
  auto label = [&](std::size_t v) { return c.nodes[net.node_index(Network::Vertex(v))].label; };

  out << tr(lang, "analyze.title", {c.name.empty() ? args.positional()[0] : c.name}) << '\n';
  out << tr(lang, "analyze.at", {args.date("--at").value_or(Date::today()).str()}) << '\n';
  out << tr(lang, "network.heading", {scope_name(lang, scope)}) << '\n';
  out << '\n' << tr(lang, "analyze.size", {std::to_string(g.nodes), std::to_string(g.edges)}) << '\n';
  out << tr(lang, "analyze.density", {format_number(lang, g.density, 3), format_number(lang, 100 * g.density, 0)}) << '\n';
  if (g.components <= 1) {
    out << tr(lang, "analyze.components.one") << '\n';
  } else {
    out << tr(lang, "analyze.components.many", {std::to_string(g.components), std::to_string(largest_component(net))})
        << '\n';
  }
  const char* level = g.centralization >= 0.5 ? "analyze.centralization.high"
                      : g.centralization >= 0.25 ? "analyze.centralization.mid"
                                                 : "analyze.centralization.low";
  out << tr(lang, "analyze.centralization", {format_number(lang, g.centralization, 2), tr(lang, level)}) << '\n';
  if (a.has("community")) {
    int groups = 0;
    for (const auto& m : a.nodes) groups = std::max(groups, m.community + 1);
    out << tr(lang, "analyze.communities", {std::to_string(groups), format_number(lang, g.modularity, 2)}) << '\n';
  }
  out << tr(lang, g.weighted ? "analyze.weighted" : "analyze.unweighted") << '\n';
  if (!g.eigenvector_converged) out << tr(lang, "analyze.eigenvector.failed") << '\n';
  if (g.betweenness_epsilon)
    out << tr(lang, "analyze.approximate",
              {std::to_string(g.betweenness_samples), format_number(lang, *g.betweenness_epsilon, 3),
               format_number(lang, 1 - *g.betweenness_delta, 2)})
        << '\n';
  if (g.closeness_epsilon)
    out << tr(lang, "analyze.closeness.approximate",
              {std::to_string(g.closeness_samples), format_number(lang, *g.closeness_epsilon, 3),
               format_number(lang, g.closeness_diameter_bound, 2),
               format_number(lang, *g.closeness_epsilon * g.closeness_diameter_bound, 2),
               format_number(lang, 1 - *g.closeness_delta, 2)})
        << '\n';
  print_notes(net, lang, out);
  if (!a.has("betweenness")) {
    print_timings(a, lang, out);
    return;
  }

  // Top connectors by betweenness.
  std::vector<std::size_t> order(a.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](auto x, auto y) { return a.nodes[x].betweenness > a.nodes[y].betweenness; });
  out << '\n' << tr(lang, "analyze.top") << '\n';
  out << "  " << pad(tr(lang, "analyze.col.name"), 34) << pad(tr(lang, "analyze.col.kind"), 10)
      << pad(tr(lang, "analyze.col.degree"), 7) << pad(tr(lang, "analyze.col.betweenness"), 8)
      << pad(tr(lang, "analyze.col.closeness"), 10) << tr(lang, "analyze.col.group") << '\n';
  for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
    const auto v = order[i];
    const auto& m = a.nodes[v];
    const auto& node = c.nodes[net.node_index(Network::Vertex(v))];
    out << "  " << pad(node.label, 34) << pad(node.kind, 10) << pad(std::to_string(m.degree), 7)
        << pad(format_number(lang, m.betweenness, 3), 8) << pad(format_number(lang, m.closeness, 3), 10)
        << m.community + 1 << '\n';
  }

  // The designated broker, always reported.
  out << '\n';
  bool any_broker = false;
  for (std::size_t v = 0; v < a.nodes.size(); ++v) {
    if (!c.nodes[net.node_index(Network::Vertex(v))].is_broker()) continue;
    any_broker = true;
    const auto rank = 1 + std::size_t(std::find(order.begin(), order.end(), v) - order.begin());
    out << tr(lang, "analyze.broker", {label(v), format_number(lang, a.nodes[v].betweenness, 3), std::to_string(rank),
                                      std::to_string(a.nodes.size())})
        << '\n';
  }
  if (!any_broker) out << tr(lang, "analyze.broker.none") << '\n';

  if (a.has("articulation")) {
    std::string cut;
    for (auto v : order)
      if (a.nodes[v].articulation) cut += (cut.empty() ? "" : ", ") + label(v);
    out << (cut.empty() ? tr(lang, "analyze.articulation.none") : tr(lang, "analyze.articulation", {cut})) << '\n';
  }
  print_timings(a, lang, out);
}

// Progress on stderr for work over a second, only when stderr is a terminal: one line,
// rewritten in place, cleared when the measure is done. Never on stdout, so --json output stays
// clean. WIJKNET_PROGRESS_AFTER (seconds, default 1) sets how long a measure runs before its line
// shows (the tests set 0).
std::function<void(std::string_view, double)> terminal_progress(Lang lang) {
  if (!isatty(STDERR_FILENO)) return {};
  double after = 1.0;
  if (const char* text = std::getenv("WIJKNET_PROGRESS_AFTER"))
    if (const auto x = read_plain_number(text); x && *x >= 0) after = *x;
  struct State {
    std::string measure;
    std::chrono::steady_clock::time_point start, last;
    bool shown = false;
  };
  auto state = std::make_shared<State>();
  return [state, lang, after](std::string_view measure, double done) {
    const auto now = std::chrono::steady_clock::now();
    if (measure != state->measure) {
      state->measure = std::string(measure);
      state->start = state->last = now;
      state->shown = false;
    }
    if (done >= 1.0) {
      if (state->shown) std::fprintf(stderr, "\r\033[K");
      state->shown = false;
      return;
    }
    const double elapsed = std::chrono::duration<double>(now - state->start).count();
    if (elapsed < after || done <= 0) return;
    if (state->shown && std::chrono::duration<double>(now - state->last).count() < 0.25) return;
    state->last = now;
    state->shown = true;
    const double left = elapsed * (1 - done) / done;
    std::fprintf(stderr, "\r\033[K%s",
                 tr(lang, "analyze.progress", {state->measure, std::to_string(int(100 * done)),
                                               std::to_string(int(left + 0.5))})
                     .c_str());
    std::fflush(stderr);
  };
}

std::vector<std::string> measure_list(const std::string& text) {
  std::vector<std::string> names;
  std::stringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    if (name.empty()) continue;
    if (std::find(analysis_measures().begin(), analysis_measures().end(), name) == analysis_measures().end()) {
      std::string known;
      for (const auto& k : analysis_measures()) known += (known.empty() ? "" : ",") + k;
      throw UsageError("unknown measure '" + name + "' in --measures (known: " + known + ")");
    }
    names.push_back(name);
  }
  if (names.empty()) throw UsageError("--measures needs at least one measure");
  return names;
}

double probability_option(const Args& args, const std::string& name, double fallback) {
  const auto text = args.value(name);
  if (!text) return fallback;
  const auto x = read_plain_number(*text);
  if (!x || !(*x > 0 && *x < 1))
    throw UsageError("option '" + name + "' needs a number between 0 and 1, not '" + *text + "'");
  return *x;
}

int run(const Args& args) {
  const std::string& path = args.positional()[0];
  const auto at = args.date("--at");
  args.lang();  // check --lang before the work
  const Coalition doc = load(path, args);

  // The network the suggestions, the report and the viewer measure too (core/model/coalition_network.hpp),
  // as the coalition stands today unless --at says otherwise.
  const NetworkScope scope = args.flag("--actors") ? NetworkScope::actors : NetworkScope::members_and_projects;
  AnalysisOptions aopt;
  aopt.weighted = args.flag("--weighted");
  aopt.timings = args.flag("--timings");
  if (const auto list = args.value("--measures")) aopt.measures = measure_list(*list);
  if (args.flag("--epsilon")) aopt.epsilon = probability_option(args, "--epsilon", 0.01);
  aopt.delta = probability_option(args, "--delta", 0.1);
  if (args.flag("--delta") && !aopt.epsilon) throw UsageError("--delta goes with --epsilon");
  aopt.exact = args.flag("--exact");
  if (aopt.exact && aopt.epsilon) throw UsageError("--exact and --epsilon exclude each other");
  aopt.progress = terminal_progress(args.lang());
  const MeasuredNetwork m = measure_network(doc, scope, at, aopt);
  const Coalition& c = m.snapshot;
  const Network& net = m.net;
  const Analysis& a = m.analysis;
  if (a.graph.betweenness_epsilon && !aopt.epsilon)
    std::cerr << tr(args.lang(), "analyze.approximate.auto",
                    {std::to_string(exact_betweenness_limit), format_number(args.lang(), automatic_epsilon, 2)})
              << '\n';
  if (a.graph.closeness_epsilon)
    std::cerr << tr(args.lang(), "analyze.closeness.approximate.auto",
                    {std::to_string(exact_betweenness_limit), format_number(args.lang(), automatic_closeness_epsilon, 2)})
              << '\n';

  if (args.flag("--json")) {
    Json j = analysis_json(a, net, &c);
    j["graph"]["at"] = m.at.str();
    j["graph"]["network"] = std::string(scope_id(scope));
    if (aopt.timings) {
      Json t = Json::object();
      for (const auto& [name, ms] : a.timings_ms) t[name] = ms;
      j["graph"]["timings_ms"] = t;
    }
    std::cout << j.dump(2) << '\n';
    return Exit::ok;
  }
  print_text(c, net, a, args, scope, std::cout);
  return Exit::ok;
}

}  // namespace

Command analyze_command() {
  CommandSpec spec{
      "analyze",
      "FILE [--json] [--at DATE] [--weighted] [--actors] [--timings] [--measures LIST] [--epsilon E [--delta D]] "
      "[--exact] [--lang nl|en]",
      "Every standard network measure per member and for the whole coalition (values as networkx 2.8 computes them).",
      1,
      1,
      {{"--json", "", "machine-readable output: {\"graph\": {...}, \"nodes\": [...]}"},
       {"--at", "DATE", "the network as it stood on DATE (YYYY-MM-DD; default today)"},
       {"--weighted", "", "use tie strength (distance = 1/strength on shortest paths)"},
       {"--actors", "", "the members' collaboration network: projects projected away, actors tied by the projects they share"},
       {"--timings", "", "print the time each measure took"},
       {"--measures", "LIST",
        "compute only these, comma-separated JSON keys: degree, degree_centrality, betweenness, closeness, "
        "eigenvector, pagerank, clustering, core, constraint, effective_size, community, articulation"},
       {"--epsilon", "E",
        "estimate betweenness within E of the exact value (Riondato-Kornaropoulos sampling); automatic with "
        "E = 0.01 above 50,000 nodes"},
       {"--delta", "D", "with --epsilon: the guarantee holds with probability 1 - D (default 0.1)"},
       {"--exact", "", "exact betweenness and closeness however large the network"},
       {"--strict", "", "treat every import warning as an error"},
       {"--lang", "nl|en", "language of the text report (default: the system locale)"}}};
  return {spec, run};
}

}  // namespace wijknet::cli
