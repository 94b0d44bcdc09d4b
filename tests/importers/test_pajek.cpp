#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/pajek.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

const test::TextFormat pajek{read_pajek, "t.net"};

TEST_CASE("pajek: vertices with quoted labels and coordinates, arcs, edges, lists, relations") {
  ImportReport r;
  Coalition c = pajek.read(
      "% exported by hand\r\n"
      "*Network Laak\r\n"
      "*Vertices 5\r\n"
      "1 \"Gemeente Den Haag\" 0.1 0.2 0.5 box ic Red\r\n"
      "2 Staedion 0.3 0.4 0.0\r\n"
      "3 \"Zoë Öztürk\" kind resident\r\n"
      "4 \"Café\"\r\n"
      "*Arcs\r\n"
      "1 2 2.5\r\n"
      "3 1 1 l \"vraagt\"\r\n"
      "*Edges :2 \"funds\"\r\n"
      "1 4 3000\r\n"
      "*Edgeslist\r\n"
      "2 3 4\r\n"
      "*Partition\r\n"
      "1\r\n",
      r);
  CHECK(c.name == "Laak");
  REQUIRE(c.nodes.size() == 5);
  CHECK(c.nodes[0].id == "Gemeente Den Haag");
  CHECK(c.nodes[0].attrs == Json({{"z", 0.5}, {"shape", "box"}, {"ic", "Red"}}));
  CHECK(c.layout.at("Gemeente Den Haag") == std::array<double, 2>{0.1, 0.2});
  CHECK(c.layout.at("Staedion") == std::array<double, 2>{0.3, 0.4});
  CHECK(c.nodes[2].label == "Zoë Öztürk");
  CHECK(c.nodes[2].kind == "resident");
  CHECK(c.nodes[3].kind == "partner");
  CHECK(c.nodes[4].id == "5");  // no vertex line: named by its number
  REQUIRE(c.edges.size() == 5);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.5);
  CHECK(c.edges[1].attrs["label"] == "vraagt");
  CHECK_FALSE(c.edges[2].directed);
  CHECK(c.edges[2].kind == "funds");
  CHECK(c.edges[2].weight == 3000.0);
  CHECK(c.nodes[c.edges[3].source].id == "Staedion");
  CHECK(c.nodes[c.edges[4].target].id == "Café");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "t.net:15:1: section *Partition is not read");
}

TEST_CASE("pajek: a symmetric matrix gives undirected ties; a two-mode network gives projects") {
  ImportReport r;
  Coalition c = pajek.read("*Vertices 3\n*Matrix\n0 2 0\n2 0 1\n0 1 0\n", r);
  REQUIRE(c.edges.size() == 2);
  CHECK_FALSE(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.0);
  Coalition d = pajek.read("*Vertices 4 2\n1 a\n2 b\n3 p\n4 q\n*Edges\n1 3\n2 4\n", r);
  CHECK(d.nodes[0].kind == "partner");
  CHECK(d.nodes[2].kind == "project");
  CHECK(d.nodes[3].kind == "project");
  CHECK(r.warnings.back() == "t.net: two-mode network: vertices 3..4 taken as projects");
}

TEST_CASE("pajek: duplicate labels keep the numbers as ids") {
  ImportReport r;
  Coalition c = pajek.read("*Vertices 2\n1 \"A\"\n2 \"A\"\n*Edges\n1 2\n", r);
  CHECK(c.nodes[0].id == "1");
  CHECK(c.nodes[1].id == "2");
  CHECK(c.nodes[1].label == "A");
}

TEST_CASE("pajek: malformed files give file:line:col") {
  CHECK(pajek.error("1 2\n") == "t.net:1:1: expected *Vertices before the first vertex or edge");
  CHECK(pajek.error("*Vertices drie\n") == "t.net:1:11: number of vertices 'drie' is not a whole number");
  CHECK(pajek.error("*Vertices 2\n1 \"open\n") == "t.net:2:3: quoted label is never closed (a '\"' is missing)");
  CHECK(pajek.error("*Vertices 2\n3 \"x\"\n") == "t.net:2:1: vertex number '3' is not between 1 and 2");
  CHECK(pajek.error("*Vertices 2\n*Arcs\n1 9\n") == "t.net:3:3: vertex number '9' is not between 1 and 2");
  CHECK(pajek.error("*Vertices 2\n*Arcs\n1 2 zwaar\n") == "t.net:3:5: weight 'zwaar' is not a number");
  CHECK(pajek.error("*Vertices 2\n1 \"a\" 0.5 links\n") == "t.net:2:11: coordinate 'links' is not a number");
  CHECK(pajek.error("*Vertices 2\n*Matrix\n0 1\n1\n") == "t.net:4:1: matrix row has 1 cells; expected 2");
}

TEST_CASE("pajek: round trip native -> Pajek -> native keeps labels, weights, directions, layout") {
  Coalition a = test::sample_coalition();
  std::stringstream s;
  write_pajek(a, s);
  CHECK(s.str().find("\"René 'de' Wijkmakelaar\"") != std::string::npos);  // Pajek cannot escape '"'
  ImportReport r;
  Coalition b = read_pajek(s, "rt.net", r, {});
  CHECK(r.warnings.empty());
  CHECK(b.name == a.name);
  REQUIRE(b.nodes.size() == a.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    std::string label = a.nodes[i].label;
    std::replace(label.begin(), label.end(), '"', '\'');
    CHECK(b.nodes[i].label == label);
    CHECK(b.nodes[i].id == label);  // Pajek holds labels only; they are distinct here
    CHECK(b.layout.at(b.nodes[i].id) == a.layout.at(a.nodes[i].id));
  }
  REQUIRE(b.edges.size() == a.edges.size());
  // Arcs are written first, then edges: compare as multisets.
  auto key = [](const Coalition&, const Edge& e) {
    return std::tuple{e.source, e.target, e.weight, e.directed};
  };
  std::multiset<std::tuple<std::size_t, std::size_t, double, bool>> want, got;
  for (const auto& e : a.edges) want.insert(key(a, e));
  for (const auto& e : b.edges) got.insert(key(b, e));
  CHECK(want == got);
}

TEST_CASE("pajek: networkx reads what write_pajek wrote: same nodes, labels, edges and weights") {
  if (!test::have_networkx()) {
    MESSAGE("python3-networkx not installed; skipped");
    return;
  }
  TempDir dir("pajek-nx");
  for (bool directed : {false, true}) {
    Coalition c = test::sample_coalition(false);
    for (auto& e : c.edges) e.directed = directed;
    const std::string path = dir.file("sample.net");
    {
      std::ofstream out(path, std::ios::binary);
      write_pajek(c, out);
    }
    for (auto& n : c.nodes) std::replace(n.label.begin(), n.label.end(), '"', '\'');
    CHECK(test::networkx_reads_back(c, "pajek", path));
  }
}
