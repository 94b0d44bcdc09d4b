// The Network as a Boost.Graph graph, and the functions that are BGL's algorithms on it: the same
// answers as before on hand-checkable graphs. Also the closeness estimate's stated bound.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <vector>

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/range/iterator_range.hpp>

#include "bench/ba_graph.hpp"
#include "core/graph/reach.hpp"
#include "core/graph/closeness.hpp"
#include "core/graph/components.hpp"
#include "core/graph/distances.hpp"
#include "core/graph/kcore.hpp"

using namespace wijknet;
using doctest::Approx;

namespace {

using Edges = std::vector<std::pair<Network::Vertex, Network::Vertex>>;
constexpr double infinite = std::numeric_limits<double>::infinity();

// Two triangles {0,1,2} and {2,3,4} sharing vertex 2.
Network bowtie() { return Network::from_edges(5, Edges{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}}); }

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Network>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Network>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<Network>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Network>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<Network, Network::Edge, boost::edge_index_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<Network, Network::Edge, boost::edge_weight_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<Network, Network::Vertex, boost::vertex_index_t>));

}  // namespace

TEST_CASE("the Network through Boost.Graph's interface") {
  const Network g = Network::from_edges(4, Edges{{2, 0}, {0, 1}, {1, 2}, {2, 3}, {1, 0}}, std::vector<double>{1, 2, 3, 4, 5});
  CHECK(num_vertices(g) == 4);
  CHECK(num_edges(g) == 4);  // 0-1 twice, merged
  CHECK(out_degree(Network::Vertex(2), g) == 3);
  std::vector<Network::Vertex> adjacent;
  for (auto w : boost::make_iterator_range(adjacent_vertices(Network::Vertex(2), g))) adjacent.push_back(w);
  CHECK(adjacent == std::vector<Network::Vertex>{0, 1, 3});

  // Each tie once, from its smaller end, numbered 0..m-1 in that order, with its strength.
  std::vector<std::tuple<Network::Vertex, Network::Vertex, std::size_t, double>> ties;
  for (const auto& e : boost::make_iterator_range(edges(g)))
    ties.emplace_back(source(e, g), target(e, g), get(boost::edge_index, g, e), get(boost::edge_weight, g, e));
  CHECK(ties == std::vector<std::tuple<Network::Vertex, Network::Vertex, std::size_t, double>>{
                    {0, 1, 0, 7.0}, {0, 2, 1, 1.0}, {1, 2, 2, 3.0}, {2, 3, 3, 4.0}});

  // Seen from the other end a tie is the same edge: equal descriptor, same index and strength.
  const auto index = get(boost::edge_index, g);
  for (const auto& e : boost::make_iterator_range(out_edges(Network::Vertex(2), g))) {
    CHECK(source(e, g) == 2);
    bool found = false;
    for (const auto& back : boost::make_iterator_range(out_edges(target(e, g), g)))
      if (target(back, g) == 2) {
        found = true;
        CHECK(back == e);
        CHECK(get(index, back) == get(index, e));
        CHECK(get(boost::edge_weight, g, back) == get(boost::edge_weight, g, e));
      }
    CHECK(found);
  }
  CHECK(get(boost::vertex_index, g, Network::Vertex(3)) == 3);
  CHECK(num_edges(Network{}) == 0);
  CHECK(edges(Network{}).first == edges(Network{}).second);
}

TEST_CASE("a network built from a tie list with repeats and self-ties agrees with a pair-by-pair count") {
  // 300 vertices, 4,000 ties drawn with many repeats (in both directions) and some self-ties;
  // the reference merges them in a map.
  std::mt19937 rng(7);
  std::uniform_int_distribution<Network::Vertex> pick(0, 299);
  std::vector<std::tuple<Network::Vertex, Network::Vertex, double>> ties;
  std::map<std::pair<Network::Vertex, Network::Vertex>, double> strength;
  std::size_t self = 0, repeats = 0;
  for (int i = 0; i < 4000; ++i) {
    const Network::Vertex u = pick(rng), v = i % 50 == 0 ? u : Network::Vertex(pick(rng) % 40);
    const double w = 1 + i % 3;
    ties.emplace_back(u, v, w);
    if (u == v) {
      ++self;
      continue;
    }
    const auto key = std::minmax(u, v);
    repeats += strength.count(key);
    strength[key] += w;
  }
  std::vector<std::size_t> index(300);
  for (std::size_t i = 0; i < index.size(); ++i) index[i] = i;
  const Network g = Network::from_ties(index, ties, {});
  CHECK(g.notes().self_loops == self);
  CHECK(g.notes().merged_parallel == repeats);
  REQUIRE(g.edge_count() == strength.size());
  // Ties numbered 0..m-1 in the order of (smaller end, larger end), the same from both ends.
  std::size_t expected = 0;
  for (const auto& [pair, w] : strength) {
    const auto [u, v] = pair;
    const auto row_u = g.neighbors(u), row_v = g.neighbors(v);
    const auto a = g.offsets()[u] + std::size_t(std::lower_bound(row_u.begin(), row_u.end(), v) - row_u.begin());
    const auto b = g.offsets()[v] + std::size_t(std::lower_bound(row_v.begin(), row_v.end(), u) - row_v.begin());
    REQUIRE(g.targets()[a] == v);
    REQUIRE(g.targets()[b] == u);
    CHECK(g.arc_ties()[a] == expected);
    CHECK(g.arc_ties()[b] == expected);
    CHECK(g.arc_weights()[a] == w);
    CHECK(g.arc_weights()[b] == w);
    ++expected;
  }
  // Only the ties named as counted count their repeats: the rest add up silently.
  const Network partly = Network::from_ties(index, ties, {}, 2000);
  std::map<std::pair<Network::Vertex, Network::Vertex>, int> first_half;
  std::size_t first_repeats = 0;
  for (std::size_t i = 0; i < 2000; ++i) {
    const auto [u, v, w] = ties[i];
    if (u != v) first_repeats += first_half[std::minmax(u, v)]++ > 0;
  }
  CHECK(partly.notes().merged_parallel == first_repeats);
  CHECK(partly.arc_weights() == g.arc_weights());
}

TEST_CASE("biconnected components (BGL) of two triangles sharing a vertex") {
  const Network g = bowtie();
  std::vector<std::size_t> block(num_edges(g));
  std::vector<Network::Vertex> cut;
  const auto [blocks, _] = boost::biconnected_components(
      g, boost::make_iterator_property_map(block.begin(), get(boost::edge_index, g)), std::back_inserter(cut));
  CHECK(blocks == 2);
  CHECK(cut == std::vector<Network::Vertex>{2});
  // Ties 0-1, 0-2, 1-2 (indices 0, 1, 2) in one block, 2-3, 2-4, 3-4 in the other.
  CHECK(block[0] == block[1]);
  CHECK(block[1] == block[2]);
  CHECK(block[3] == block[4]);
  CHECK(block[4] == block[5]);
  CHECK(block[0] != block[3]);

  const CutStructure s = articulation_points_and_bridges(g);
  CHECK(s.articulation == std::vector<bool>{false, false, true, false, false});
  CHECK(s.bridges.empty());
  // Removing 2 separates {0, 1} from {3, 4}: 4 pairs.
  CHECK(pairs_lost_by_removal(g) == std::vector<std::uint64_t>{0, 0, 4, 0, 0});
}

TEST_CASE("articulation points and bridges of a bow tie with a tail and a separate tie") {
  // The bow tie, a tail 4-5-6, and a separate tie 7-8.
  const Network g = Network::from_edges(9, Edges{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}, {4, 5}, {5, 6}, {7, 8}});
  const CutStructure s = articulation_points_and_bridges(g);
  CHECK(s.articulation == std::vector<bool>{false, false, true, false, true, true, false, false, false});
  CHECK(s.bridges == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{4, 5}, {5, 6}, {7, 8}});
  // 2 separates {0,1} from {3,4,5,6}: 8 pairs; 4 separates {5,6} from {0,1,2,3}: 8; 5 separates 6
  // from the five others: 5.
  CHECK(pairs_lost_by_removal(g) == std::vector<std::uint64_t>{0, 0, 8, 0, 8, 5, 0, 0, 0});
  const Components parts = connected_components(g);
  CHECK(parts.count == 2);
  CHECK(parts.component == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 0, 1, 1});
  // Without 4 and 7: {0,1,2,3}, {5,6}, {8}, numbered by their smallest vertex.
  std::vector<std::uint8_t> removed(9, 0);
  removed[4] = removed[7] = 1;
  const Reach r = reach(g, removed, 0, 0);
  CHECK(r.components == 3);
  CHECK(r.component == std::vector<std::uint32_t>{0, 0, 0, 0, UINT32_MAX, 1, 1, UINT32_MAX, 2});
  CHECK(r.connected_pairs == 6 + 1);
}

TEST_CASE("core numbers (BGL) of a known graph") {
  // K4 on 0-3 (core 3); a triangle 3-4-5 hanging on it (4 and 5: core 2); 6 pendant on 5 (core 1);
  // 7 isolated (core 0).
  const Network g = Network::from_edges(
      8, Edges{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {3, 5}, {5, 6}});
  CHECK(core_number(g) == std::vector<int>{3, 3, 3, 3, 2, 2, 1, 0});
  CHECK(core_number(bowtie()) == std::vector<int>{2, 2, 2, 2, 2});
  CHECK(core_number(Network::from_edges(1, Edges{})) == std::vector<int>{0});
}

TEST_CASE("single-source distances: BGL's breadth-first search and Dijkstra") {
  // Lengths 1/strength: 0-1 length 1, 1-2 length 1/2, 0-2 length 2, 2-3 length 1/4; 3-5 has
  // strength 0 (no finite length); 4 is isolated.
  const Network g = Network::from_edges(6, Edges{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 5}},
                                        std::vector<double>{1, 2, 0.5, 4, 0});
  CHECK(shortest_path_lengths(g, 0, false) == std::vector<double>{0, 1, 1, 2, infinite, 3});
  CHECK(shortest_path_lengths(g, 0, true) == std::vector<double>{0, 1, 1.5, 1.75, infinite, infinite});
  CHECK(shortest_path_lengths(g, 3, true) == std::vector<double>{1.75, 0.75, 0.25, 0, infinite, infinite});
  CHECK(shortest_path_lengths(g, 4, true) == std::vector<double>{infinite, infinite, infinite, infinite, 0, infinite});
}

namespace {

// Per node its exact mean distance to the others of its component, and the largest diameter.
struct MeanDistances {
  std::vector<double> mean;
  double diameter = 0;
};
MeanDistances mean_distances(const Network& g, bool weighted) {
  MeanDistances out;
  out.mean.assign(g.vertex_count(), 0.0);
  for (Network::Vertex s = 0; s < g.vertex_count(); ++s) {
    const auto d = shortest_path_lengths(g, s, weighted);
    double sum = 0;
    std::size_t reached = 0;
    for (double x : d)
      if (x < infinite && x > 0) sum += x, ++reached, out.diameter = std::max(out.diameter, x);
    out.mean[s] = reached ? sum / double(reached) : 0.0;
  }
  return out;
}

// The mean distance closeness stands for: closeness = (c - 1) / ((n - 1) a), c = reached + 1.
double mean_from_closeness(double closeness, double reached, double n) {
  return closeness > 0 ? reached / ((n - 1) * closeness) : 0.0;
}

}  // namespace

TEST_CASE("closeness estimate: within epsilon times the diameter of the exact mean distance") {
  const auto ba = wijknet::bench::barabasi_albert(3000, 3);
  const Network g = Network::from_edges(3000, ba);
  const double epsilon = 0.1, delta = 0.1;
  const auto estimate = approximate_closeness(g, false, epsilon, delta, 42, 2);
  const std::size_t k = closeness_sources(3000, 3000, epsilon, delta);
  CHECK(k == 551);  // ln(2 * 3000 / 0.1) / (2 * 0.01) * (3000 / 2999)^2, rounded up
  CHECK(estimate.samples == k);
  CHECK_FALSE(estimate.exact);
  const auto exact = mean_distances(g, false);
  CHECK(estimate.diameter_bound >= exact.diameter);
  double worst = 0;
  for (std::size_t v = 0; v < 3000; ++v)
    worst = std::max(worst, std::abs(mean_from_closeness(estimate.closeness[v], 2999, 3000) - exact.mean[v]));
  MESSAGE("largest error of the mean distance: " << worst << " (bound " << epsilon * exact.diameter << ")");
  CHECK(worst <= epsilon * exact.diameter);
  // The same estimate on any number of threads.
  CHECK(approximate_closeness(g, false, epsilon, delta, 42, 1).closeness == estimate.closeness);

  // Weighted: strengths 1..4, lengths 1/strength, the bound in those lengths.
  std::vector<double> strength(ba.size());
  for (std::size_t i = 0; i < strength.size(); ++i) strength[i] = double(1 + i % 4);
  const Network w = Network::from_edges(3000, ba, strength);
  const auto west = approximate_closeness(w, true, epsilon, delta, 42, 2);
  const auto wexact = mean_distances(w, true);
  CHECK(west.diameter_bound >= wexact.diameter);
  double wworst = 0;
  for (std::size_t v = 0; v < 3000; ++v)
    wworst = std::max(wworst, std::abs(mean_from_closeness(west.closeness[v], 2999, 3000) - wexact.mean[v]));
  MESSAGE("weighted: largest error " << wworst << " (bound " << epsilon * wexact.diameter << ")");
  CHECK(wworst <= epsilon * wexact.diameter);
}

TEST_CASE("closeness estimate: small components are exact, and a loose epsilon on a small graph is exact") {
  // A 3000-node BA network plus a path of 4 (exact: fewer nodes than sources).
  auto edges = wijknet::bench::barabasi_albert(3000, 3);
  edges.insert(edges.end(), {{3000, 3001}, {3001, 3002}, {3002, 3003}});
  const Network g = Network::from_edges(3004, edges);
  const auto estimate = approximate_closeness(g, false, 0.1, 0.1);
  const auto exact = closeness_centrality(g, false);
  for (Network::Vertex v = 3000; v < 3004; ++v) CHECK(estimate.closeness[v] == Approx(exact[v]).epsilon(1e-12));
  // 3 / (3003 * a): the ends of the path have a = 2, the middle a = 4/3.
  CHECK(estimate.closeness[3000] == Approx(3.0 / (3003 * 2.0)));
  CHECK(estimate.closeness[3001] == Approx(3.0 / (3003 * 4.0 / 3.0)));

  const Network small = Network::from_edges(5, Edges{{0, 1}, {1, 2}, {2, 3}, {0, 2}});
  const auto all = approximate_closeness(small, false, 0.5, 0.1);
  CHECK(all.exact);
  CHECK(all.samples == 4);  // the isolated vertex 4 is no source
  CHECK(all.diameter_bound == 0);
  const auto c = closeness_centrality(small, false);
  for (std::size_t v = 0; v < 5; ++v) CHECK(all.closeness[v] == Approx(c[v]).epsilon(1e-12));
}

TEST_CASE("closeness reports progress up to done") {
  const Network g = Network::from_edges(1000, wijknet::bench::barabasi_albert(1000, 3));
  for (int estimate = 0; estimate < 2; ++estimate) {
    std::vector<double> seen;
    const Progress progress = [&](double done) { seen.push_back(done); };
    if (estimate)
      approximate_closeness(g, false, 0.2, 0.1, 42, 1, progress);
    else
      closeness_centrality(g, false, 1, progress);
    REQUIRE(seen.size() >= 2);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.front() < 1.0);
    CHECK(seen.back() == 1.0);
  }
}
