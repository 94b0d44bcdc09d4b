#include <doctest/doctest.h>

#include <sstream>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/gml.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

const test::TextFormat gml{read_gml, "t.gml"};

TEST_CASE("gml: networkx conventions: label is the node, entities, repeated keys, nested lists") {
  ImportReport r;
  Coalition c = gml.read(R"(# written by hand in the way networkx writes
graph [
  directed 1
  name "Laak"
  node [ id 0 label "Zo&#235; &#214;zt&#252;rk" kind "resident" tags "jong" tags "actief" ]
  node [ id 1 label "Caf&#233;" score 0.75 size 12 big "3000000000"
         graphics [ x 1.5 y -2.0 fill "#ff0000" ] ]
  node [ id 2 label "Solo" one "_networkx_list_start" one "x" info [ a 1 b "two" ] ]
  edge [ source 0 target 1 weight 2.5 kind "tie" ]
  edge [ source 1 target 0 value 3 directed 0 key 0 label "terug" ]
]
)",
                         r);
  CHECK(c.name == "Laak");
  REQUIRE(c.nodes.size() == 3);
  CHECK(c.nodes[0].id == "Zoë Öztürk");
  CHECK(c.nodes[0].label == "Zoë Öztürk");
  CHECK(c.nodes[0].kind == "resident");
  CHECK(c.nodes[0].attrs["tags"] == Json::array({"jong", "actief"}));
  CHECK(c.nodes[1].id == "Café");
  CHECK(c.nodes[1].kind == "partner");
  CHECK(c.nodes[1].attrs["score"] == 0.75);
  CHECK(c.nodes[1].attrs["size"] == 12);
  CHECK(c.nodes[1].attrs["big"] == "3000000000");
  CHECK(c.nodes[1].attrs["graphics"] == Json({{"fill", "#ff0000"}}));
  CHECK(c.layout.at("Café") == std::array<double, 2>{1.5, -2.0});
  CHECK(c.nodes[2].attrs["one"] == Json::array({"x"}));
  CHECK(c.nodes[2].attrs["info"] == Json({{"a", 1}, {"b", "two"}}));
  REQUIRE(c.edges.size() == 2);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.5);
  CHECK(c.edges[0].kind == "tie");
  CHECK_FALSE(c.edges[1].directed);
  CHECK(c.edges[1].weight == 3.0);
  CHECK(c.edges[1].kind == "collaborates");
  CHECK(c.edges[1].attrs == Json({{"label", "terug"}}));
  CHECK(r.warnings.empty());
}

TEST_CASE("gml: ids fall back to the GML id when labels repeat; igraph's name wins") {
  ImportReport r;
  Coalition c = gml.read("graph [ node [ id 1 label \"A\" ] node [ id 2 label \"A\" ] edge [ source 1 target 2 ] ]", r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].id == "1");
  CHECK(c.nodes[1].id == "2");
  CHECK(c.nodes[1].label == "A");
  Coalition d = gml.read("graph [ node [ id 0 name \"staedion\" label \"Staedion\" ] ]", r);
  CHECK(d.nodes[0].id == "staedion");
  CHECK(d.nodes[0].label == "Staedion");
}

TEST_CASE("gml: Latin-1 text is read as such") {
  ImportReport r;
  Coalition c = gml.read("graph [ node [ id 1 label \"Caf\xE9\" ] ]", r);
  CHECK(c.nodes[0].label == "Café");
  CHECK(r.warnings.size() == 1);
}

TEST_CASE("gml: malformed files give file:line:col") {
  CHECK(gml.error("graph [\n  node [ id 1 label \"open ]\n]\n") == "t.gml:2:21: string is never closed (a '\"' is missing)");
  CHECK(gml.error("graph [\n  node [ id 1 ]\n") ==
        "t.gml:3:1: the list 'graph [' opened at line 1, column 7 is never closed");
  CHECK(gml.error("graph [ ]\n]\n") == "t.gml:2:1: ']' without a matching '['");
  CHECK(gml.error("graph [\n  node [ id 1 label ]\n]") == "t.gml:2:21: key 'label' has no value");
  CHECK(gml.error("graph [\n  node [ id 1 @ ]\n]") == "t.gml:2:15: unexpected '@'; expected a key, a value, '[' or ']'");
  CHECK(gml.error("node [ id 1 ]") == "t.gml:1:1: no 'graph [ ... ]' in the file");
  {  // a node without id is kept (as igraph does), with a warning; no edge can name it
    ImportReport r;
    const Coalition c = gml.read("graph [\n  node [ label \"x\" ]\n  node [ id 1 ]\n]", r);
    REQUIRE(c.nodes.size() == 2);
    CHECK(c.nodes[0].id == "node1");
    CHECK(c.nodes[0].label == "x");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == "t.gml:2:3: node without id; it is kept as 'node1', which no edge names");
  }
  CHECK(gml.error("graph [\n  node [ id 1 ]\n  node [ id 1 ]\n]") == "t.gml:3:13: node id 1 is used by an earlier node");
  CHECK(gml.error("graph [\n  node [ id 1 ]\n  edge [ source 1 target 7 ]\n]") == "t.gml:3:26: target 7 is not the id of a node");
  CHECK(gml.error("graph [\n  node [ id 1 ]\n  edge [ source 1 target 1 weight \"zwaar\" ]\n]") ==
        "t.gml:3:35: weight 'zwaar' is not a number");
  std::string deep = "graph [ ";
  for (int i = 0; i < 600; ++i) deep += "a [ ";  // the 512th "a [" opens level 513: its '[' is at 11 + 4 * 511
  CHECK(gml.error(deep) == "t.gml:1:2055: lists nest deeper than 512 levels");
  CHECK(gml.error("graph [\n  node [ id 1 since \"gisteren\" ]\n]") ==
        "t.gml:2:21: 'gisteren' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
}

TEST_CASE("gml: round trip native -> GML -> native keeps the coalition") {
  Coalition a = test::sample_coalition();
  a.nodes[1].attrs["type"] = "corporatie";                    // clashes with a field: attr_type
  a.nodes[2].attrs["tags"] = Json::array({"jong", "actief"});  // repeated keys
  a.nodes[2].attrs["one"] = Json::array({"x"});               // networkx's list marker
  a.nodes[3].attrs["nested"] = Json({{"a", 1}, {"b", 2.5}});
  a.extra["gexf"] = {{"mode", "slice"}, {"timestamp", "2007"}};
  a.extra["area"] = "Den Haag, Laak";
  std::stringstream s;
  write_gml(a, s);
  const std::string text = s.str();
  CHECK(text.find("Zo&#235; &#214;zt&#252;rk") != std::string::npos);  // ASCII only
  CHECK(text.find("multigraph 1") != std::string::npos);               // the parallel edge
  ImportReport r;
  Coalition b = read_gml(s, "rt.gml", r, {});
  CHECK(r.warnings.empty());
  CHECK(b.name == a.name);
  CHECK(b.extra == a.extra);
  Coalition want = a;
  for (auto& n : want.nodes)
    if (n.attrs.contains("active")) n.attrs["active"] = 1;  // GML has no booleans
  test::check_same_coalition(b, want);
}

TEST_CASE("gml: networkx reads what write_gml wrote: same nodes, labels, edges and weights") {
  if (!test::have_networkx()) {
    MESSAGE("python3-networkx not installed; skipped");
    return;
  }
  TempDir dir("gml-nx");
  Coalition c = test::sample_coalition(false);
  const std::string path = dir.file("sample.gml");
  {
    std::ofstream out(path, std::ios::binary);
    write_gml(c, out);
  }
  CHECK(test::networkx_reads_back(c, "gml", path));
  for (auto& e : c.edges) e.directed = true;
  {
    std::ofstream out(path, std::ios::binary);
    write_gml(c, out);
  }
  CHECK(test::networkx_reads_back(c, "gml", path));
}
