#include "viz/generate.hpp"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>

namespace wijknet::viz {

Coalition barabasi_albert(std::size_t n, std::size_t m, std::uint64_t seed) {
  if (m < 1 || m >= n) throw std::invalid_argument("Barabasi-Albert needs 1 <= m < n");
  std::mt19937_64 rng(seed);
  Coalition c;
  c.name = "Barabasi-Albert n=" + std::to_string(n) + " m=" + std::to_string(m);
  c.nodes.reserve(n);
  c.edges.reserve(m * (n - m));
  std::uniform_int_distribution<int> pick_kind(0, 9), pick_sector(0, int(known_sectors.size()) - 1);
  for (std::size_t i = 0; i < n; ++i) {
    Node v;
    v.id = "v" + std::to_string(i);
    v.label = "Node " + std::to_string(i);
    int k = pick_kind(rng);
    v.kind = k < 7 ? "partner" : k < 9 ? "resident" : "project";
    if (v.kind == "partner") v.sector = std::string(known_sectors[std::size_t(pick_sector(rng))]);
    c.add_node(std::move(v));
  }
  std::vector<std::size_t> repeated;  // every tie end once: sampling it is sampling by degree
  repeated.reserve(2 * m * n);
  std::vector<std::size_t> targets(m);
  for (std::size_t i = 0; i < m; ++i) targets[i] = i;
  for (std::size_t source = m; source < n; ++source) {
    for (auto t : targets) {
      Edge e;
      e.source = source;
      e.target = t;
      e.kind = "collaborates";
      c.edges.push_back(std::move(e));
    }
    repeated.insert(repeated.end(), targets.begin(), targets.end());
    repeated.insert(repeated.end(), m, source);
    targets.clear();
    while (targets.size() < m) {
      std::uniform_int_distribution<std::size_t> pick(0, repeated.size() - 1);
      std::size_t t = repeated[pick(rng)];
      if (std::find(targets.begin(), targets.end(), t) == targets.end()) targets.push_back(t);
    }
  }
  return c;
}

}  // namespace wijknet::viz
