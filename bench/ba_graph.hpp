// A Barabási–Albert preferential-attachment network for benchmarks: n vertices, each new vertex
// tied to m distinct earlier ones chosen with probability proportional to degree (the repeated-
// nodes list of networkx's barabasi_albert_graph, seeded, so every run gets the same graph).
#pragma once

#include <cstdint>
#include <random>
#include <unordered_set>
#include <utility>
#include <vector>

namespace wijknet::bench {

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> barabasi_albert(std::uint32_t n, std::uint32_t m,
                                                                            std::uint64_t seed = 42) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<std::uint32_t> repeated;
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> targets(m);
  for (std::uint32_t i = 0; i < m; ++i) targets[i] = i;
  for (std::uint32_t source = m; source < n; ++source) {
    for (auto t : targets) {
      edges.emplace_back(source, t);
      repeated.push_back(source);
      repeated.push_back(t);
    }
    std::unordered_set<std::uint32_t> chosen;
    std::uniform_int_distribution<std::size_t> pick(0, repeated.size() - 1);
    while (chosen.size() < m) chosen.insert(repeated[pick(rng)]);
    targets.assign(chosen.begin(), chosen.end());
  }
  return edges;
}

}  // namespace wijknet::bench
