// Times every measure of `wijknet analyze` on a Barabási–Albert network, or on an edge list.
//
//   bench_analyze [N M]             generated network, default 20000 5 (about 100,000 ties)
//   bench_analyze --edges FILE      a whitespace edge list "u v" with integer ids
//   bench_analyze --read FILE       only the "load" of any format wijknet reads (CSV, JSON, ...)
//   ... --write FILE                also write the generated network as an edge list
//   ... --measures LIST             only these measures (analyze's --measures), e.g. closeness
//   ... --epsilon E                 approximate betweenness (analyze's --epsilon)
//   ... --threads T                 worker threads (default: all cores)
//   ... --bgl                       also time Boost.Graph's brandes_betweenness_centrality
//   ... --layout STEPS              also run the force layout until settled or STEPS steps
//   ... --single-level              the layout without its multilevel start
//   ... --positions FILE            write the layout as lines "id x y" (bench/peers.py stress)
//   ... --settle TOLERANCE          the layout's settle_tolerance (default LayoutSettings's)
//   ... --theta THETA               the layout's Barnes-Hut theta (default LayoutSettings's)
//   ... --stress-rounds R           rounds of the layout's stress finish (0: none; default LayoutSettings's)
//
// Prints one line per measure in milliseconds. bench/compare.sh runs the same network through
// graph-tool, igraph and networkx and prints the ratios.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "bench/ba_graph.hpp"
#include "core/graph/analysis.hpp"
#include "core/graph/layout.hpp"
#include "core/graph/network.hpp"
#include "core/model/coalition_network.hpp"
#include "importers/io.hpp"

using namespace wijknet;

int main(int argc, char** argv) {
  std::uint32_t n = 20000, m = 5;
  std::string edges_path, write_path, measures;
  bool read_only = false;
  double epsilon = 0;
  unsigned threads = 0;
  bool bgl = false, single_level = false;
  int layout_steps = 0;
  std::string positions_path;
  double settle = 0, theta = -1;
  int stress_rounds = -1;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--edges" && i + 1 < argc) edges_path = argv[++i];
    else if (a == "--read" && i + 1 < argc) edges_path = argv[++i], read_only = true;
    else if (a == "--write" && i + 1 < argc) write_path = argv[++i];
    else if (a == "--measures" && i + 1 < argc) measures = argv[++i];
    else if (a == "--epsilon" && i + 1 < argc) epsilon = std::stod(argv[++i]);
    else if (a == "--threads" && i + 1 < argc) threads = unsigned(std::stoul(argv[++i]));
    else if (a == "--layout" && i + 1 < argc) layout_steps = std::stoi(argv[++i]);
    else if (a == "--settle" && i + 1 < argc) settle = std::stod(argv[++i]);
    else if (a == "--theta" && i + 1 < argc) theta = std::stod(argv[++i]);
    else if (a == "--stress-rounds" && i + 1 < argc) stress_rounds = std::stoi(argv[++i]);
    else if (a == "--positions" && i + 1 < argc) positions_path = argv[++i];
    else if (a == "--single-level") single_level = true;
    else if (a == "--bgl") bgl = true;
    else if (positional == 0) n = std::uint32_t(std::stoul(a)), ++positional;
    else m = std::uint32_t(std::stoul(a));
  }
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::uint32_t vertices = n;
  // "load": what `wijknet analyze FILE` does before it measures: the edge list read by wijknet's
  // reader into a coalition, and the coalition's network built (igraph's Read_Edgelist and
  // simplify are its peers). The plain read below feeds the kernels and the layout with vertex v
  // standing for id v, as the peers number them (the reader numbers by first mention), so that
  // the layout's positions and the peers' are scored on the same pairs.
  double load_ms = 0;
  if (!edges_path.empty()) {
    const auto r0 = std::chrono::steady_clock::now();
    const Coalition c = read_coalition(edges_path);
    const auto r1 = std::chrono::steady_clock::now();
    const Network read = build_network(c);
    load_ms = ms(std::chrono::steady_clock::now() - r0);
    std::printf("# load: wijknet's reader, %zu nodes and %zu ties read (%.0f ms), a network of %zu vertices and %zu ties "
                "built (%.0f ms)\n",
                c.nodes.size(), c.edges.size(), ms(r1 - r0), read.vertex_count(), read.edge_count(), load_ms - ms(r1 - r0));
    if (read_only) {
      std::printf("%-14s %10.1f ms\n", "load", load_ms);
      return 0;
    }
  }
  if (!edges_path.empty()) {
    std::ifstream in(edges_path);
    std::uint32_t u, v;
    vertices = 0;
    while (in >> u >> v) {
      edges.emplace_back(u, v);
      vertices = std::max({vertices, u + 1, v + 1});
    }
  } else {
    edges = bench::barabasi_albert(n, m);
  }
  if (!write_path.empty()) {
    std::ofstream out(write_path);
    for (auto [u, v] : edges) out << u << ' ' << v << '\n';
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Network net = Network::from_edges(vertices, edges);
  const auto t1 = std::chrono::steady_clock::now();
  AnalysisOptions options;
  options.timings = true;
  options.threads = threads;
  options.exact = epsilon <= 0;
  if (epsilon > 0) options.epsilon = epsilon;
  std::stringstream list(measures);
  for (std::string name; std::getline(list, name, ',');) options.measures.push_back(name);
  const Analysis a = analyze(net, options);
  const auto t2 = std::chrono::steady_clock::now();
  std::printf("network: %zu nodes, %zu ties\n", net.vertex_count(), net.edge_count());
  if (!edges_path.empty()) std::printf("%-14s %10.1f ms\n", "load", load_ms);
  std::printf("%-14s %10.1f ms\n", "build", ms(t1 - t0));
  for (const auto& [name, t] : a.timings_ms) std::printf("%-14s %10.1f ms\n", name.c_str(), t);
  std::printf("%-14s %10.1f ms\n", "total", ms(t2 - t1));
  if (a.graph.betweenness_samples)
    std::printf("# betweenness approximated: epsilon %g, %zu samples\n", *a.graph.betweenness_epsilon,
                a.graph.betweenness_samples);
  if (a.has("community")) std::printf("# modularity %.4f, %zu communities\n", a.graph.modularity, a.graph.communities);

  if (bgl) {
    // Boost.Graph's Brandes on the same Network (a BGL graph), one thread, unnormalised: the
    // textbook kernel.
    const Network& g = net;
    std::vector<double> centrality(net.vertex_count(), 0.0);
    const auto b0 = std::chrono::steady_clock::now();
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, g))));
    std::printf("%-14s %10.1f ms\n", "bgl_brandes", ms(std::chrono::steady_clock::now() - b0));
  }
  if (layout_steps > 0) {
    std::vector<Vec2> seeds(net.vertex_count());
    for (std::size_t v = 0; v < seeds.size(); ++v) seeds[v] = seed_position(std::to_string(v), seeds.size());
    std::vector<LayoutTie> ties;
    for (auto [u, v] : edges) ties.push_back({u, v, 1.0});
    const auto l0 = std::chrono::steady_clock::now();
    LayoutSettings settings = LayoutSettings::for_size(seeds.size());
    settings.threads = threads;
    if (settle > 0) settings.settle_tolerance = settle;
    if (theta >= 0) settings.theta = theta;
    if (stress_rounds >= 0) settings.stress_iterations = stress_rounds;
    ForceLayout layout(seeds, ties, settings);
    const int levels = single_level ? 0 : layout.start_multilevel();
    int coarse_steps = 0;
    while (layout.coarse_levels() > 0) layout.step(), ++coarse_steps;
    const auto l1 = std::chrono::steady_clock::now();
    int steps = 0, rounds = 0;
    while (steps < layout_steps && !layout.settled() && !layout.stress_finishing()) layout.step(), ++steps;
    const auto l2 = std::chrono::steady_clock::now();
    while (steps + rounds < layout_steps && !layout.settled()) layout.step(), ++rounds;
    const auto l3 = std::chrono::steady_clock::now();
    std::printf("%-14s %10.1f ms\n", "layout", ms(l3 - l0));
    std::printf("# layout: %d coarse levels in %d steps (%.0f ms), %d steps of the full graph (%.0f ms), "
                "%d rounds of the stress finish (%.0f ms), %s\n",
                levels, coarse_steps, ms(l1 - l0), steps, ms(l2 - l1), rounds, ms(l3 - l2),
                layout.settled() ? "settled" : "not settled");
    if (!positions_path.empty()) {
      std::ofstream out(positions_path);
      out.precision(17);
      for (std::size_t v = 0; v < layout.size(); ++v)
        out << v << ' ' << layout.positions()[v].x << ' ' << layout.positions()[v].y << '\n';
    }
  }
  return 0;
}
