// wijknet convert IN OUT [--anonymize] [--strict] [--encoding NAME] [--sheet NAME]
// wijknet snapshot FILE --at DATE -o OUT [--anonymize]
#include <iostream>

#include "cli/command.hpp"
#include "core/graph/analysis.hpp"
#include "core/model/coalition_layout.hpp"
#include "core/graph/network.hpp"
#include "core/model/coalition_network.hpp"

namespace wijknet::cli {
namespace {

void report_written(const std::string& path, const Coalition& c) {
  std::cerr << "wrote " << path << ": " << c.nodes.size() << " nodes, " << c.edges.size() << " edges\n";
}

int convert(const Args& args) {
  const auto& in = args.positional()[0];
  const auto& out = args.positional()[1];
  const Coalition c = load(in, args);
  WriteOptions w;
  w.anonymize = args.flag("--anonymize");
  write_coalition(c, out, w);
  report_written(out, c);
  return Exit::ok;
}

// The coalition as it stood on the date, laid out, with each node's main measures in its attributes
// (prefixed "metric_", so a Gephi or Kumu user can size and colour by them).
int snapshot(const Args& args) {
  const auto at = args.date("--at");
  const auto out = args.value("-o");
  if (!at) throw UsageError("--at DATE is required");
  if (!out) throw UsageError("-o OUT is required");
  Coalition c = load(args.positional()[0], args).at(*at);
  const Network net = build_network(c);
  const Analysis a = analyze(net);
  for (std::size_t v = 0; v < a.nodes.size(); ++v) {
    const auto& m = a.nodes[v];
    auto& attrs = c.nodes[net.node_index(Network::Vertex(v))].attrs;
    attrs["metric_degree"] = m.degree;
    attrs["metric_betweenness"] = m.betweenness;
    attrs["metric_closeness"] = m.closeness;
    attrs["metric_pagerank"] = m.pagerank;
    attrs["metric_community"] = m.community;
    attrs["metric_articulation"] = m.articulation;
  }
  // Positions too, so the snapshot opens laid out in Gephi, Kumu or the viewer.
  bool complete = false;
  auto positions = initial_positions(c, &complete);
  if (!complete) {
    ForceLayout layout(std::move(positions), layout_ties(c), LayoutSettings::for_size(c.nodes.size()));
    if (c.layout.empty()) layout.start_multilevel();
    layout.run(3000, 5000);
    store_layout(c, layout.positions());
  }
  c.extra["snapshot_at"] = at->str();
  WriteOptions w;
  w.anonymize = args.flag("--anonymize");
  write_coalition(c, *out, w);
  report_written(*out, c);
  return Exit::ok;
}

}  // namespace

Command convert_command() {
  return {{"convert",
           "IN OUT [--anonymize] [--strict] [--encoding NAME] [--sheet NAME]",
           "Convert between formats, chosen by the files' extensions.",
           2,
           2,
           {{"--anonymize", "", "replace residents' names and personal attributes with stable pseudonyms"},
            {"--strict", "", "treat every import warning as an error"},
            {"--encoding", "NAME", "read IN in this encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detected)"},
            {"--sheet", "NAME", "the worksheet of an .xlsx IN to read (default: Kumu's Elements and Connections, else the first)"}}},
          convert};
}

Command snapshot_command() {
  return {{"snapshot",
           "FILE --at DATE -o OUT [--anonymize]",
           "The network as it stood on DATE, with each member's measures, written to OUT.",
           1,
           1,
           {{"--at", "DATE", "the date (YYYY-MM-DD)"},
            {"-o", "OUT", "the file to write; format by extension"},
            {"--anonymize", "", "replace residents' names and personal attributes with stable pseudonyms"},
            {"--strict", "", "treat every import warning as an error"}}},
          snapshot};
}

}  // namespace wijknet::cli
