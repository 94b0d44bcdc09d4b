// Files written by networkx and igraph (tests/data/formats/generate.py) import to the network
// the script meant: the same nodes, labels, kinds, attributes, edges, weights and direction.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "formats_sample.hpp"
#include "importers/io.hpp"

using namespace wijknet;

namespace {

using EdgeKey = std::tuple<std::string, std::string, double, std::string>;

void check_against_expected(const std::string& path) {
  CAPTURE(path);
  const Json want = Json::parse(test::read_text(path + ".expected.json"));
  ImportReport report;
  Coalition c = read_coalition(path, &report);
  CHECK(report.warnings.empty());
  const bool directed = want["directed"].get<bool>();
  REQUIRE(c.nodes.size() == want["nodes"].size());
  for (const auto& wn : want["nodes"]) {
    const std::string id = wn["id"].get<std::string>();
    CAPTURE(id);
    const Node* n = c.node(id);
    REQUIRE(n);
    CHECK(n->label == wn["label"].get<std::string>());
    if (wn.contains("kind")) CHECK(n->kind == wn["kind"].get<std::string>());
    for (const auto& item : wn["attrs"].items()) {
      const std::string& key = item.key();  // not a structured binding: CAPTURE is a lambda (clang 14)
      const Json& value = item.value();
      CAPTURE(key);
      if (key == "sector") {
        CHECK(n->sector == value.get<std::string>());
      } else {
        REQUIRE(n->attrs.contains(key));
        CHECK(n->attrs[key] == value);  // numbers compare by value, so 0 == 0.0
        // Types survive: booleans stay booleans, integers integers (a float written as "0" by
        // igraph's DOT may come back as an integer: only its value is compared).
        if (value.is_boolean()) CHECK(n->attrs[key].is_boolean());
        if (value.is_number_integer()) CHECK(n->attrs[key].is_number_integer());
        if (value.is_string()) CHECK(n->attrs[key].is_string());
      }
    }
  }
  // Edges as a multiset; undirected ones with their ends in a fixed order.
  auto key = [&](std::string s, std::string t, double w, std::string kind) {
    if (!directed && t < s) std::swap(s, t);
    return EdgeKey{s, t, w, kind};
  };
  std::multiset<EdgeKey> want_edges, got_edges;
  bool with_kinds = !want["edges"].empty() && want["edges"][0].contains("kind");
  for (const auto& we : want["edges"])
    want_edges.insert(key(we["source"].get<std::string>(), we["target"].get<std::string>(), we["weight"].get<double>(),
                          with_kinds ? we["kind"].get<std::string>() : ""));
  for (const auto& e : c.edges) {
    CHECK(e.directed == directed);
    got_edges.insert(key(c.nodes[e.source].id, c.nodes[e.target].id, e.weight, with_kinds ? e.kind : ""));
  }
  CHECK(want_edges == got_edges);
}

}  // namespace

TEST_CASE("files written by networkx and igraph import to the network they hold") {
  const std::string dir = test::formats_dir();
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 14 && name.substr(name.size() - 14) == ".expected.json") files.push_back(dir + name.substr(0, name.size() - 14));
  }
  std::sort(files.begin(), files.end());
  // generate.py writes 8 files with networkx and 8 with igraph (when python3-igraph was there).
  CHECK(files.size() >= 8);
  for (const auto& f : files) check_against_expected(f);
}
