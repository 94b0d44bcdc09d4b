// The batched Brandes kernel (core/graph/multi_source_brandes.hpp) and the degree-1 reduction
// (core/graph/betweenness.cpp) against the plain one-source-at-a-time Brandes, and against
// values worked out by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/ba_graph.hpp"
#include "core/graph/betweenness.hpp"
#include "core/graph/closeness.hpp"
#include "core/graph/shortest_paths.hpp"

using namespace wijknet;
using doctest::Approx;

namespace {

using Edges = std::vector<std::pair<Network::Vertex, Network::Vertex>>;

// Plain Brandes: one source at a time, no reduction, in the vertices' own order.
PathCentralities plain(const Network& net, bool weighted) {
  detail::PathSearchOptions options;
  options.lanes = detail::Lanes::none;
  return detail::shortest_path_centralities_in_order(net, weighted, 1, true, true, {}, options);
}

// The batched kernels this CPU runs: AVX-512 and AVX2 on a CPU with both.
std::vector<detail::Lanes> batched_kernels() {
  std::vector<detail::Lanes> out;
  if (detail::best_lanes() == detail::Lanes::avx512) out.push_back(detail::Lanes::avx512);
  if (detail::best_lanes() != detail::Lanes::none) out.push_back(detail::Lanes::avx2);
  return out;
}

void check_batched_equals_plain(const Network& net, unsigned threads) {
  const auto reference = plain(net, false);
  for (auto lanes : batched_kernels()) {
    INFO("lanes " << unsigned(lanes) << ", threads " << threads);
    detail::PathSearchOptions options;
    options.lanes = lanes;
    const auto both = detail::shortest_path_centralities_in_order(net, false, threads, true, true, {}, options);
    const auto only = detail::shortest_path_centralities_in_order(net, false, threads, true, false, {}, options);
    REQUIRE(both.betweenness.size() == net.vertex_count());
    for (std::size_t v = 0; v < net.vertex_count(); ++v) {
      CHECK(both.betweenness[v] == Approx(reference.betweenness[v]).epsilon(1e-12));
      CHECK(only.betweenness[v] == both.betweenness[v]);
      CHECK(both.closeness[v] == reference.closeness[v]);  // integer totals: the same doubles
    }
  }
}

Network karate(bool with_weights) {
  std::ifstream in(std::string(WIJKNET_SOURCE_DIR) + "/tests/data/reference/karate.expected.json");
  REQUIRE(in.good());
  const auto doc = nlohmann::json::parse(in);
  Edges edges;
  std::vector<double> weights;
  for (const auto& e : doc["edges"]) {
    edges.emplace_back(e[0].get<Network::Vertex>(), e[1].get<Network::Vertex>());
    weights.push_back(with_weights ? e[2].get<double>() : 1.0);
  }
  return Network::from_edges(doc["nodes"].size(), edges, weights);
}

}  // namespace

TEST_CASE("batched betweenness: every kernel equals the plain Brandes") {
  if (batched_kernels().empty()) return;  // nothing to compare on this CPU
  SUBCASE("hand-checkable graphs, partial batches") {
    // A path, a star, a triangle with a tail and a 4-cycle: fewer vertices than lanes.
    check_batched_equals_plain(Network::from_edges(3, Edges{{0, 1}, {1, 2}}), 1);
    check_batched_equals_plain(Network::from_edges(5, Edges{{0, 1}, {0, 2}, {0, 3}, {0, 4}}), 1);
    check_batched_equals_plain(Network::from_edges(5, Edges{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}}), 1);
    check_batched_equals_plain(Network::from_edges(4, Edges{{0, 1}, {1, 2}, {2, 3}, {3, 0}}), 1);
    // The 4-cycle by hand: each vertex carries half of its opposite pair, 2 * (1/2) / (3 * 2).
    detail::PathSearchOptions options;
    options.lanes = detail::best_lanes();
    const auto cycle = detail::shortest_path_centralities_in_order(
        Network::from_edges(4, Edges{{0, 1}, {1, 2}, {2, 3}, {3, 0}}), false, 1, true, false, {}, options);
    for (double b : cycle.betweenness) CHECK(b == Approx(1.0 / 6));
  }
  SUBCASE("disconnected: two components, an isolated vertex, sources across them in one batch") {
    check_batched_equals_plain(
        Network::from_edges(11, Edges{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {7, 8}, {9, 10}}), 1);
  }
  SUBCASE("Zachary's karate club and a Barabasi-Albert network, on several workers") {
    check_batched_equals_plain(karate(false), 1);
    check_batched_equals_plain(karate(false), 3);
    const auto ba = bench::barabasi_albert(700, 3);
    check_batched_equals_plain(Network::from_edges(700, ba), 2);
  }
  SUBCASE("deeper than the kernel's byte levels: the plain search takes over") {
    // A 700-cycle with chords every 100 vertices: 300 levels and more from most sources.
    Edges edges;
    for (Network::Vertex v = 0; v < 700; ++v) edges.emplace_back(v, (v + 1) % 700);
    edges.emplace_back(0, 350);
    check_batched_equals_plain(Network::from_edges(700, edges), 2);
  }
}

TEST_CASE("betweenness of large networks (vertex reordering, batches) equals the plain Brandes") {
  // Above 4096 vertices the searches run on a Cuthill-McKee copy; the values map back.
  const auto edges = bench::barabasi_albert(5000, 2);
  const Network net = Network::from_edges(5000, edges);
  const auto reference = plain(net, false);
  const auto ours = path_centralities(net, false, 2);
  for (std::size_t v = 0; v < net.vertex_count(); ++v) {
    CHECK(ours.betweenness[v] == Approx(reference.betweenness[v]).epsilon(1e-11));
    CHECK(ours.closeness[v] == reference.closeness[v]);
  }
}

TEST_CASE("degree-1 reduction: trees and stars by hand") {
  // Path 0-1-2-3-4: vertex 1 carries (0,2) (0,3) (0,4), vertex 2 (0,3) (0,4) (1,3) (1,4);
  // normalised by 2 / (4 * 3).
  auto path = betweenness_centrality(Network::from_edges(5, Edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}}), false);
  CHECK(path == std::vector<double>{0.0, 0.5, 4.0 / 6, 0.5, 0.0});
  // A star of 6 leaves: the centre carries all 15 leaf pairs: 15 * 2 / (6 * 5) = 1, exactly.
  auto star = betweenness_centrality(
      Network::from_edges(7, Edges{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}}), false);
  CHECK(star == std::vector<double>{1.0, 0, 0, 0, 0, 0, 0});
  // A spider: centre 0 with legs 0-1-2 and 0-3-4 and leaf 5 (n = 6, scale 2 / (5 * 4)).
  // Vertex 1 carries 2 against 0, 3, 4, 5: 4 pairs; vertex 0 carries {1,2} x {3,4,5} and
  // {3,4} x {5}: 8 pairs.
  auto spider = betweenness_centrality(
      Network::from_edges(6, Edges{{0, 1}, {1, 2}, {0, 3}, {3, 4}, {0, 5}}), false);
  CHECK(spider[0] == Approx(8.0 / 10));
  CHECK(spider[1] == Approx(4.0 / 10));
  CHECK(spider[3] == Approx(4.0 / 10));
  CHECK(spider[2] == 0.0);
  CHECK(spider[4] == 0.0);
  CHECK(spider[5] == 0.0);
  // A forest: the path 0-1-2 and the star 3-{4,5,6} apart: pairs across the two carry nothing.
  auto forest = betweenness_centrality(Network::from_edges(7, Edges{{0, 1}, {1, 2}, {3, 4}, {3, 5}, {3, 6}}), false);
  CHECK(forest[1] == Approx(2.0 / 30));   // the pair (0, 2)
  CHECK(forest[3] == Approx(6.0 / 30));   // three leaf pairs
  // A triangle 0-1-2 with the leaf 3 on vertex 0: vertex 0 carries (3,1) and (3,2): 2 * 2 / (3 * 2).
  auto tailed = betweenness_centrality(Network::from_edges(4, Edges{{0, 1}, {1, 2}, {0, 2}, {0, 3}}), false);
  CHECK(tailed == std::vector<double>{2.0 / 3, 0, 0, 0});
}

TEST_CASE("degree-1 reduction equals the plain Brandes, unweighted and weighted") {
  // A 4-cycle with trees hanging off two corners, a 4-cycle through 1 and 14, a separate star,
  // an isolated vertex (17), and ties of strength 0, which carry no weighted path: 3-14 and
  // 5-13. (Weighted, the reduction is not used; the weighted checks guard that.)
  const Edges edges{{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 4}, {4, 5}, {4, 6}, {6, 7}, {2, 8}, {9, 10},
                    {9, 11}, {9, 12}, {1, 14}, {3, 14}, {14, 15}, {15, 16}, {16, 1}, {0, 13}, {5, 13}};
  std::vector<double> strengths;
  for (std::size_t e = 0; e < edges.size(); ++e) strengths.push_back(double(1 + e % 3));
  strengths[13] = 0;  // 3-14
  strengths[18] = 0;  // 5-13
  const Network net = Network::from_edges(18, edges, strengths);
  for (bool weighted : {false, true}) {
    INFO("weighted " << weighted);
    const auto reference = plain(net, weighted);
    const auto ours = betweenness_centrality(net, weighted, 2);
    const auto both = path_centralities(net, weighted, 2);
    const auto closeness = closeness_centrality(net, weighted, 1);
    for (std::size_t v = 0; v < net.vertex_count(); ++v) {
      CHECK(ours[v] == Approx(reference.betweenness[v]).epsilon(1e-12));
      CHECK(both.betweenness[v] == Approx(reference.betweenness[v]).epsilon(1e-12));
      CHECK(both.closeness[v] == closeness[v]);
    }
  }
  // Karate (one vertex of degree 1), weighted and not.
  for (bool weighted : {false, true}) {
    const Network k = karate(weighted);
    const auto reference = plain(k, weighted);
    const auto ours = betweenness_centrality(k, weighted, 1);
    for (std::size_t v = 0; v < k.vertex_count(); ++v)
      CHECK(ours[v] == Approx(reference.betweenness[v]).epsilon(1e-12));
  }
  // Large enough for the reordered copy: a Barabasi-Albert network with pendant paths added.
  auto ba = bench::barabasi_albert(4500, 2);
  for (Network::Vertex v = 0; v < 300; ++v) ba.emplace_back(v * 7, 4500 + v);
  for (Network::Vertex v = 0; v < 100; ++v) ba.emplace_back(4500 + v, 4800 + v);
  const Network big = Network::from_edges(4900, ba);
  const auto reference = plain(big, false);
  const auto ours = betweenness_centrality(big, false, 2);
  for (std::size_t v = 0; v < big.vertex_count(); ++v)
    CHECK(ours[v] == Approx(reference.betweenness[v]).epsilon(1e-11));
}
