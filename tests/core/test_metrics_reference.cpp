// Every metric against networkx 2.8.8 on seven networks (tests/data/reference/generate.py).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"
#include "core/graph/analysis.hpp"
#include "core/graph/closeness.hpp"
#include "core/graph/community.hpp"
#include "core/graph/network.hpp"

using namespace wijknet;

namespace {

Json load_reference(const std::string& name) {
  std::string path = WIJKNET_SOURCE_DIR;
  path += "/tests/data/reference/";
  path += name;
  path += ".expected.json";
  std::ifstream in(path);
  REQUIRE(in.good());
  return Json::parse(in);
}

Network network_of(const Json& doc) {
  std::vector<std::pair<Network::Vertex, Network::Vertex>> edges;
  std::vector<double> weights;
  for (const auto& e : doc["edges"]) {
    edges.emplace_back(e[0].get<Network::Vertex>(), e[1].get<Network::Vertex>());
    weights.push_back(e[2].get<double>());
  }
  return Network::from_edges(doc["nodes"].size(), edges, weights);
}

// Compares one value to `tolerance` (absolute); null in the reference must be nullopt here.
void check_value(const char* metric, const std::string& node, const Json& expected, std::optional<double> actual,
                 double tolerance = 1e-6) {
  INFO(metric << " of node " << node << ": expected " << expected.dump() << ", got "
              << (actual ? std::to_string(*actual) : std::string("null")));
  if (expected.is_null()) {
    CHECK_FALSE(actual.has_value());
  } else {
    REQUIRE(actual.has_value());
    CHECK(std::abs(*actual - expected.get<double>()) <= tolerance);
  }
}

void check_mode(const Json& doc, const Json& ref, bool weighted) {
  const Network net = network_of(doc);
  AnalysisOptions options;
  options.weighted = weighted;
  const Analysis a = analyze(net, options);
  const std::size_t n = net.vertex_count();
  REQUIRE(a.nodes.size() == n);
  CHECK(a.graph.nodes == n);
  CHECK(a.graph.edges == doc["edges"].size());
  CHECK(a.graph.components == ref["components"].get<std::size_t>());
  CHECK(std::abs(a.graph.density - ref["density"].get<double>()) <= 1e-12);
  CHECK(std::abs(a.graph.centralization - ref["centralization"].get<double>()) <= 1e-12);
  CHECK(a.graph.eigenvector_converged == ref["eigenvector_converged"].get<bool>());

  for (std::size_t v = 0; v < n; ++v) {
    const NodeMetrics& m = a.nodes[v];
    const std::string id = doc["nodes"][v].get<std::string>();
    CHECK(m.degree == ref["degree"][v].get<std::size_t>());
    check_value("degree_centrality", id, ref["degree_centrality"][v], m.degree_centrality);
    check_value("betweenness", id, ref["betweenness"][v], m.betweenness);
    check_value("closeness", id, ref["closeness"][v], m.closeness);
    // The same power iteration as networkx, so the same iterate, not only the same eigenvector.
    check_value("eigenvector", id, ref["eigenvector"][v], m.eigenvector, 1e-9);
    check_value("pagerank", id, ref["pagerank"][v], m.pagerank, 1e-9);
    check_value("clustering", id, ref["clustering"][v], m.clustering);
    CHECK(m.core == ref["core"][v].get<int>());
    check_value("constraint", id, ref["constraint"][v], m.constraint);
    check_value("effective_size", id, ref["effective_size"][v], m.effective_size);
    CHECK(m.articulation == ref["articulation"][v].get<bool>());
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;
  for (const auto& b : ref["bridges"]) bridges.emplace_back(b[0].get<std::uint32_t>(), b[1].get<std::uint32_t>());
  CHECK(a.graph.bridges == bridges);

  // Closeness on its own (the bit-parallel search when unweighted), and analyze asked for
  // closeness only: the same values.
  const auto alone = closeness_centrality(net, weighted, 2);
  AnalysisOptions only = options;
  only.measures = {"closeness"};
  const Analysis c = analyze(net, only);
  for (std::size_t v = 0; v < n; ++v) {
    const std::string id = doc["nodes"][v].get<std::string>();
    check_value("closeness alone", id, ref["closeness"][v], alone[v]);
    CHECK(c.nodes[v].closeness == alone[v]);
  }

  // Leiden: at least as good as networkx's Louvain (seed 0), and every community connected.
  INFO("modularity " << a.graph.modularity << " vs networkx louvain " << ref["louvain_modularity"].get<double>());
  CHECK(a.graph.modularity >= ref["louvain_modularity"].get<double>() - 1e-9);
  std::vector<int> community;
  for (const auto& m : a.nodes) community.push_back(m.community);
  for (int k = 0; k < int(a.graph.communities); ++k) {
    // Breadth-first search inside community k from its first member reaches all of it.
    std::vector<Network::Vertex> queue;
    std::vector<char> seen(n, 0);
    std::size_t members = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (community[v] == k && ++members == 1) queue.push_back(Network::Vertex(v)), seen[v] = 1;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (auto w : net.neighbors(queue[i]))
        if (!seen[w] && community[w] == k) seen[w] = 1, queue.push_back(w);
    INFO("community " << k << " of " << a.graph.communities);
    CHECK(queue.size() == members);
  }
  CHECK(std::abs(modularity(net, community, weighted) - a.graph.modularity) <= 1e-12);
  // modularity() exactly as networkx's on two fixed partitions.
  for (const char* key : {"fixed_partition", "louvain_partition"}) {
    std::vector<int> partition = ref[key].get<std::vector<int>>();
    const double expected = std::string(key) == "fixed_partition" ? ref["fixed_partition_modularity"].get<double>()
                                                                  : ref["louvain_modularity"].get<double>();
    INFO(key);
    CHECK(std::abs(modularity(net, partition, weighted) - expected) <= 1e-9);
  }
}

void check_reference(const std::string& name) {
  const Json doc = load_reference(name);
  {
    INFO(name << ", unweighted");
    check_mode(doc, doc["unweighted"], false);
  }
  if (doc["weighted"].get<bool>()) {
    INFO(name << ", weighted");
    check_mode(doc, doc["weighted_metrics"], true);
  }
}

}  // namespace

TEST_CASE("metrics match networkx 2.8.8: karate club") { check_reference("karate"); }
TEST_CASE("metrics match networkx 2.8.8: Les Miserables") { check_reference("lesmis"); }
TEST_CASE("metrics match networkx 2.8.8: Florentine families") { check_reference("florentine"); }
TEST_CASE("metrics match networkx 2.8.8: Davis Southern Women, women projected") { check_reference("davis_women"); }
TEST_CASE("metrics match networkx 2.8.8: star") { check_reference("star"); }
TEST_CASE("metrics match networkx 2.8.8: path of 60 (eigenvector does not converge to 1e-10 in 1000 steps)") { check_reference("path"); }
TEST_CASE("metrics match networkx 2.8.8: disconnected G(n,p) with isolated nodes") { check_reference("gnp"); }
