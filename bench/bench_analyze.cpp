// Times every measure of `wijknet analyze` on a Barabási–Albert network, or on an edge list.
//
//   bench_analyze [N M]            generated network, default 20000 5 (about 100,000 ties)
//   bench_analyze --edges FILE     a whitespace edge list "u v" with integer ids
//   bench_analyze ... --write FILE also write the generated network as an edge list
//
// Prints one line per measure in milliseconds. bench/compare.sh runs the same network through
// networkx (and igraph when installed) and prints the ratios.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/ba_graph.hpp"
#include "core/analysis.hpp"
#include "core/network.hpp"

using namespace wijknet;

int main(int argc, char** argv) {
  std::uint32_t n = 20000, m = 5;
  std::string edges_path, write_path;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--edges" && i + 1 < argc) edges_path = argv[++i];
    else if (a == "--write" && i + 1 < argc) write_path = argv[++i];
    else if (positional == 0) n = std::uint32_t(std::stoul(a)), ++positional;
    else m = std::uint32_t(std::stoul(a));
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::uint32_t vertices = n;
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
  const Analysis a = analyze(net, options);
  const auto t2 = std::chrono::steady_clock::now();
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::printf("network: %zu nodes, %zu ties\n", net.vertex_count(), net.edge_count());
  std::printf("%-14s %10.1f ms\n", "build", ms(t1 - t0));
  for (const auto& [name, t] : a.timings_ms) std::printf("%-14s %10.1f ms\n", name.c_str(), t);
  std::printf("%-14s %10.1f ms\n", "total", ms(t2 - t1));
  return 0;
}
