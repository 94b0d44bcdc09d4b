// analyze() and its JSON on the edge cases: empty graph, single vertex, isolated vertex.
#include <doctest/doctest.h>

#include "core/model/analysis_json.hpp"
#include "core/model/coalition_network.hpp"

using namespace wijknet;
using Edges = std::vector<std::pair<Network::Vertex, Network::Vertex>>;

TEST_CASE("analyze: the empty network has no nodes and a well-formed graph record") {
  Network empty;
  auto a = analyze(empty);
  CHECK(a.nodes.empty());
  CHECK(a.graph.nodes == 0);
  CHECK(a.graph.components == 0);
  CHECK(a.graph.density == 0.0);
  Json j = analysis_json(a, empty, nullptr);
  CHECK(j["nodes"].empty());
  CHECK(j["graph"]["modularity"] == 0.0);
}

TEST_CASE("analyze: a single vertex") {
  auto net = Network::from_edges(1, Edges{});
  auto a = analyze(net);
  REQUIRE(a.nodes.size() == 1);
  const auto& m = a.nodes[0];
  CHECK(m.degree == 0);
  CHECK(m.degree_centrality == 0.0);
  CHECK(m.betweenness == 0.0);
  CHECK(m.closeness == 0.0);
  CHECK(m.eigenvector == 1.0);
  CHECK(m.pagerank == doctest::Approx(1.0));
  CHECK(m.core == 0);
  CHECK_FALSE(m.constraint);
  CHECK_FALSE(m.effective_size);
  CHECK(m.community == 0);
  CHECK(a.graph.components == 1);
  Json j = analysis_json(a, net, nullptr);
  CHECK(j["nodes"][0]["id"] == "0");
  CHECK(j["nodes"][0]["constraint"].is_null());
  CHECK(j["nodes"][0]["effective_size"].is_null());
}

TEST_CASE("analyze: JSON carries every field of DOMAIN.md, nulls where undefined, ids from the coalition") {
  Coalition c;
  for (const char* id : {"gemeente", "staedion", "school", "bewoners"}) {
    Node node;
    node.id = id;
    node.label = std::string("L-") + id;
    node.kind = "partner";
    c.add_node(node);
  }
  for (auto [s, t] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {0, 2}, {1, 2}}) {
    Edge e;
    e.source = s;
    e.target = t;
    e.kind = "collaborates";
    c.add_edge(e);
  }
  auto net = build_network(c);
  AnalysisOptions options;
  options.timings = true;
  auto a = analyze(net, options);
  std::vector<std::string> names;
  for (const auto& [name, ms] : a.timings_ms) {
    names.push_back(name);
    CHECK(ms >= 0);
  }
  CHECK(names == std::vector<std::string>{"degree", "betweenness", "closeness", "eigenvector", "pagerank", "clustering",
                                          "core", "constraint", "components", "articulation", "community"});
  Json j = analysis_json(a, net, &c);
  for (const char* key : {"nodes", "edges", "density", "components", "modularity", "centralization"})
    CHECK(j["graph"].contains(key));
  CHECK(j["graph"]["nodes"] == 4);
  CHECK(j["graph"]["edges"] == 3);
  CHECK(j["graph"]["components"] == 2);
  REQUIRE(j["nodes"].size() == 4);
  std::vector<std::string> keys;
  for (auto it = j["nodes"][0].begin(); it != j["nodes"][0].end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"id", "label", "kind", "degree", "degree_centrality", "betweenness",
                                         "closeness", "eigenvector", "pagerank", "clustering", "core", "constraint",
                                         "effective_size", "community", "articulation"});
  CHECK(j["nodes"][0]["id"] == "gemeente");
  CHECK(j["nodes"][0]["label"] == "L-gemeente");
  CHECK(j["nodes"][0]["clustering"] == 1.0);
  CHECK(j["nodes"][3]["id"] == "bewoners");
  CHECK(j["nodes"][3]["constraint"].is_null());
  CHECK(j["nodes"][3]["degree"] == 0);
  CHECK(j["nodes"][3]["community"] == 1);
  CHECK(j["nodes"][0]["articulation"] == false);
}
