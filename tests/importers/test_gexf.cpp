#include <doctest/doctest.h>

#include <sstream>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/gexf.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

namespace {

const test::TextFormat gexf{read_gexf, "t.gexf"};

// A Gephi 0.9 export as coordinators bring them: viz namespace, edges without id, weight on
// some edges only, a liststring, a spell with dates.
const char* gephi_export = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <meta lastmodifieddate="2023-03-01"><creator>Gephi 0.9</creator><description>Laak</description></meta>
  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="sector" title="Sector" type="string"><default>welfare</default></attribute>
      <attribute id="tags" title="tags" type="liststring"/>
      <attribute id="members" title="members" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="kind" title="kind" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="Buurthuis De Ster" start="2016-01-01">
        <attvalues><attvalue for="tags" value="jeugd|sport"/><attvalue for="members" value="40"/></attvalues>
        <viz:size value="12.5"/>
        <viz:position x="10.5" y="-3.25" z="0.0"/>
        <viz:color r="255" g="51" b="0" a="0.8"/>
      </node>
      <node id="b" label="Café Één">
        <attvalues><attvalue for="sector" value="business"/></attvalues>
        <spells><spell start="2017-03-01" end="2019-12-31"/><spell start="2021-01-01"/></spells>
        <viz:position x="-1" y="2"/>
      </node>
      <node id="c" label="Wijkagent"/>
    </nodes>
    <edges>
      <edge source="a" target="b" weight="3.5"/>
      <edge source="b" target="c" type="directed">
        <attvalues><attvalue for="kind" value="funds"/></attvalues>
      </edge>
      <edge id="7" source="c" target="d" label="kent"/>
    </edges>
  </graph>
</gexf>
)";

}  // namespace

TEST_CASE("gexf: a Gephi export with viz, defaults, spells, edges without id and partial weights") {
  ImportReport r;
  Coalition c = gexf.read(gephi_export, r);
  REQUIRE(c.nodes.size() == 4);  // d is created by the last edge
  CHECK(c.extra["description"] == "Laak");
  const Node& a = c.nodes[0];
  CHECK(a.label == "Buurthuis De Ster");
  CHECK(a.kind == "partner");
  CHECK(a.sector == "welfare");  // from the attribute's <default>
  CHECK(a.attrs["tags"] == Json::array({"jeugd", "sport"}));
  CHECK(a.attrs["members"] == 40);
  CHECK(a.since->str() == "2016-01-01");
  CHECK_FALSE(a.until);
  CHECK(a.attrs["viz"]["size"] == 12.5);
  CHECK(a.attrs["viz"]["color"] == Json({{"r", 255}, {"g", 51}, {"b", 0}, {"a", 0.8}}));
  CHECK(c.layout.at("a") == std::array<double, 2>{10.5, -3.25});
  CHECK(c.layout.at("b") == std::array<double, 2>{-1.0, 2.0});
  const Node& b = c.nodes[1];
  CHECK(b.label == "Café Één");
  CHECK(b.sector == "business");
  CHECK(b.since->str() == "2017-03-01");
  CHECK_FALSE(b.until);  // the second spell never ends
  CHECK(b.attrs["spells"] == Json::array({Json::array({"2017-03-01", "2019-12-31"}), Json::array({"2021-01-01", "Infinity"})}));
  REQUIRE(c.edges.size() == 3);
  CHECK(c.edges[0].weight == 3.5);
  CHECK_FALSE(c.edges[0].directed);
  CHECK(c.edges[0].kind == "collaborates");
  CHECK_FALSE(c.edges[0].extra.contains("id"));
  CHECK(c.edges[1].weight == 1.0);
  CHECK(c.edges[1].directed);
  CHECK(c.edges[1].kind == "funds");
  CHECK(c.edges[2].attrs["label"] == "kent");
  CHECK(c.edges[2].extra["id"] == "7");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "t.gexf:32:39: target 'd' is not a node; added");
}

TEST_CASE("gexf: numeric timelines and dynamic values are kept in attrs") {
  ImportReport r;
  Coalition c = gexf.read(R"(<gexf xmlns="http://gexf.net/1.3" version="1.3">
<graph defaultedgetype="directed" mode="dynamic" timeformat="double">
<attributes class="node" mode="dynamic"><attribute id="0" title="score" type="double"/></attributes>
<nodes>
  <node id="x" start="1.5" end="4">
    <attvalues><attvalue for="0" value="1" start="1.5" end="2"/><attvalue for="0" value="2.5" start="2"/></attvalues>
  </node>
</nodes>
<edges><edge source="x" target="x" kind="tie"/></edges>
</graph></gexf>)",
                          r);
  REQUIRE(c.nodes.size() == 1);
  CHECK_FALSE(c.nodes[0].since);
  CHECK(c.nodes[0].attrs["start"] == "1.5");
  CHECK(c.nodes[0].attrs["end"] == "4");
  CHECK(c.nodes[0].attrs["score"] ==
        Json::array({{{"value", 1.0}, {"start", "1.5"}, {"end", "2"}}, {{"value", 2.5}, {"start", "2"}}}));
  REQUIRE(c.edges.size() == 1);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].kind == "tie");
}

TEST_CASE("gexf: malformed files give file:line:col") {
  CHECK(gexf.error("<gexf version=\"1.2\">\n  <graph>\n    <nodes>\n      <node id=\"a\">\n    </nodes>\n") ==
        "t.gexf:5:7: malformed XML: Start-end tags mismatch");
  CHECK(gexf.error("<graphml/>") == "t.gexf:1:1: not a GEXF file: the root element is <graphml>, expected <gexf>");
  CHECK(gexf.error("<gexf>\n<graph>\n<attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/></attributes>\n"
                   "<nodes>\n  <node id=\"a\"><attvalues><attvalue for=\"0\" value=\"veel\"/></attvalues></node>\n"
                   "</nodes></graph></gexf>") ==
        "t.gexf:5:52: value 'veel' of attribute 'n' is not an integer (declared type integer)");
  CHECK(gexf.error("<gexf><graph><nodes>\n <node label=\"x\"/></nodes></graph></gexf>") == "t.gexf:2:2: node without id");
  CHECK(gexf.error("<gexf><graph><nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" weight=\"zwaar\"/></edges></graph></gexf>") ==
        "t.gexf:2:44: weight 'zwaar' is not a number");
  CHECK(gexf.error("<gexf><graph><nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\"/></edges></graph></gexf>") ==
        "t.gexf:2:8: edge without target");
}

TEST_CASE("gexf: round trip native -> GEXF 1.2draft and 1.3 -> native keeps the coalition") {
  for (GexfVersion version : {GexfVersion::v1_2draft, GexfVersion::v1_3}) {
    CAPTURE(version == GexfVersion::v1_3);
    Coalition a = test::sample_coalition();
    a.nodes[0].attrs["viz"] = {{"size", 20.0}, {"color", {{"r", 10}, {"g", 20}, {"b", 30}, {"a", 1.0}}}};
    a.nodes[1].attrs["type"] = "corporatie";  // a key that the reader would take for the kind
    a.nodes[2].attrs["tags"] = Json::array({"jong", "actief"});
    std::stringstream s;
    write_gexf(a, s, version);
    ImportReport r;
    Coalition b = read_gexf(s, "rt.gexf", r, {});
    CHECK(r.warnings.empty());
    CHECK(b.name == a.name);
    test::check_same_coalition(b, a);
  }
}

TEST_CASE("gexf: networkx reads what write_gexf wrote: same nodes, labels, edges and weights") {
  if (!test::have_networkx()) {
    MESSAGE("python3-networkx not installed; skipped");
    return;
  }
  TempDir dir("gexf-nx");
  for (bool mixed : {false}) {
    Coalition c = test::sample_coalition(mixed);
    const std::string path = dir.file("sample.gexf");
    std::ofstream out(path, std::ios::binary);
    write_gexf(c, out);
    out.close();
    CHECK(test::networkx_reads_back(c, "gexf", path));
  }
  // An all-directed coalition is a DiGraph for networkx.
  Coalition d = test::sample_coalition(false);
  for (auto& e : d.edges) e.directed = true;
  const std::string path = dir.file("directed.gexf");
  {
    std::ofstream out(path, std::ios::binary);
    write_gexf(d, out);
  }
  CHECK(test::networkx_reads_back(d, "gexf", path));
}

TEST_CASE("gexf: Gephi's value=\"null\" is a missing value; a file without <graph> is empty") {
  ImportReport r;
  const Coalition c = gexf.read(R"(<gexf version="1.3"><graph><attributes class="node">
<attribute id="0" title="score" type="double"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="null"/></attvalues></node></nodes></graph></gexf>)", r);
  REQUIRE(c.nodes.size() == 1);
  CHECK(!c.nodes[0].attrs.contains("score"));
  const Coalition empty = gexf.read("<gexf version=\"1.3\"><meta><creator>Gephi</creator></meta></gexf>", r);
  CHECK(empty.nodes.empty());
}

TEST_CASE("gexf: a node attribute named label does not hide the node's label from networkx") {
  Coalition c;
  Node n;
  n.id = "a";
  n.label = "Buurthuis";
  n.kind = "partner";
  n.attrs["label"] = "oude naam";
  c.add_node(n);
  std::ostringstream out;
  write_gexf(c, out);
  CHECK(out.str().find("title=\"attr.label\"") != std::string::npos);
  const Coalition back = gexf.read(out.str());
  CHECK(back.nodes[0].label == "Buurthuis");
  CHECK(back.nodes[0].attrs["label"] == "oude naam");
}
