#include <doctest/doctest.h>

#include <sstream>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/dot.hpp"

using namespace wijknet;

const test::TextFormat dot{read_dot, "t.dot"};

TEST_CASE("dot: the common subset: chains, defaults, subgraphs, quoting, comments, ports") {
  ImportReport r;
  Coalition c = dot.read(R"(/* a coalition */
strict digraph Laak {
  // defaults for what follows
  node [kind=partner, sector="welfare"]
  rankdir=LR;
  graph [label="Coalitie " + "Laak"]
  "Zoë" [label="Zoë \"Ö\"", kind=resident, budget=1200, score=0.5, open=true, code="0123", pos="1.5,-2!"];
  a -> b -> c [weight=2.5, kind=collaborates];
  c -> {d e} [dir=none];
  subgraph cluster_x { edge [kind=funds]; d -> a:n }
  # a preprocessor line
  b -> "Zoë" [label=<vraagt <b>hulp</b>>, since="2016-05"];
}
)",
                         r);
  CHECK(c.name == "Coalitie Laak");
  CHECK(c.extra["dot"] == Json({{"rankdir", "LR"}}));
  REQUIRE(c.nodes.size() == 6);
  const Node& z = c.nodes[0];
  CHECK(z.id == "Zoë");
  CHECK(z.label == "Zoë \"Ö\"");
  CHECK(z.kind == "resident");
  CHECK(z.sector == "welfare");
  CHECK(z.attrs["budget"] == 1200);
  CHECK(z.attrs["score"] == 0.5);
  CHECK(z.attrs["open"] == true);
  CHECK(z.attrs["code"] == "0123");  // quoted: text
  CHECK(c.layout.at("Zoë") == std::array<double, 2>{1.5, -2.0});
  CHECK(c.nodes[1].id == "a");
  CHECK(c.nodes[1].label == "a");
  CHECK(c.nodes[1].kind == "partner");
  REQUIRE(c.edges.size() == 6);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.5);
  CHECK(c.nodes[c.edges[1].source].id == "b");
  CHECK(c.nodes[c.edges[1].target].id == "c");
  CHECK(c.edges[1].kind == "collaborates");
  CHECK_FALSE(c.edges[2].directed);  // dir=none
  CHECK(c.nodes[c.edges[3].target].id == "e");
  CHECK(c.edges[4].kind == "funds");
  CHECK(c.nodes[c.edges[4].target].id == "a");
  CHECK(c.edges[5].attrs["label"] == "vraagt <b>hulp</b>");
  CHECK(c.edges[5].since->str() == "2016-05");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "t.dot:10:48: ports (node:port) are about drawing and are not kept");
}

TEST_CASE("dot: igraph's numbered nodes with name attributes take the names as ids") {
  ImportReport r;
  Coalition c = dot.read("graph {\n  0 [name=gemeente label=\"Gemeente\"];\n  1 [name=staedion];\n  1 -- 0 [weight=3];\n}\n", r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].id == "gemeente");
  CHECK(c.nodes[0].label == "Gemeente");
  CHECK(c.nodes[1].label == "staedion");
  CHECK(c.edges[0].weight == 3.0);
  CHECK_FALSE(c.edges[0].directed);
}

TEST_CASE("dot: malformed files give file:line:col") {
  CHECK(dot.error("digraph {\n  a -- b\n}") == "t.dot:2:5: '--' in a digraph; its edges are written '->'");
  CHECK(dot.error("graph {\n  a -> b\n}") == "t.dot:2:5: '->' in an undirected graph; its edges are written '--'");
  CHECK(dot.error("graph {\n  a [label=\"open]\n}") == "t.dot:2:12: string is never closed (a '\"' is missing)");
  CHECK(dot.error("graph {\n  a -- b [weight=zwaar]\n}") == "t.dot:2:18: weight 'zwaar' is not a number");
  CHECK(dot.error("network {\n}") == "t.dot:1:1: expected 'graph' or 'digraph', found 'network'");
  CHECK(dot.error("graph {\n  a -- \n}") == "t.dot:3:1: expected a node, a subgraph or an attribute statement, found '}'");
  CHECK(dot.error("graph {\n  a -- b") == "t.dot:2:9: expected '}', found the end of the file");
  CHECK(dot.error("graph {\n  /* open\n}") == "t.dot:2:3: comment is never closed (a '*/' is missing)");
  CHECK(dot.error("graph {\n  a [since=gisteren]\n}") == "t.dot:2:12: 'gisteren' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  CHECK(dot.error("graph {\n  a @ b\n}") == "t.dot:2:5: unexpected '@'");
}

TEST_CASE("dot: round trip native -> DOT -> native keeps the coalition") {
  Coalition a = test::sample_coalition();
  a.nodes[1].attrs["type"] = "corporatie";  // would be read as the kind: written attr.type
  a.nodes[1].attrs["met spatie"] = "x";     // not a DOT id: quoted
  a.extra["dot"] = {{"rankdir", "LR"}, {"nodesep", 0.5}};
  std::stringstream s;
  write_dot(a, s);
  ImportReport r;
  Coalition b = read_dot(s, "rt.dot", r, {});
  CHECK(r.warnings.empty());
  CHECK(b.name == a.name);
  CHECK(b.extra == a.extra);
  test::check_same_coalition(b, a);
}

TEST_CASE("dot: node lists and subgraphs as Graphviz reads them") {
  // usa.gv writes "AL -- FL, GA, MS, TN": an edge to each name.
  Coalition c = dot.read("graph { AL -- FL, GA, MS; x, y [color=red]; }");
  REQUIRE(c.edges.size() == 3);
  CHECK(c.nodes[c.edges[2].target].id == "MS");
  CHECK(c.node("y")->attrs["color"] == "red");
  CHECK(c.node("x")->attrs["color"] == "red");
  // A subgraph is a set: `a -> { b c b }` is two arcs, not three (japanese.gv).
  c = dot.read("digraph { a -> { b c b } }");
  CHECK(c.edges.size() == 2);
  // Attributes after a subgraph, text after the graph: read, the second with a warning.
  ImportReport r;
  c = dot.read("digraph { subgraph s { n } [label=\"f\"] }\n@\n", r);
  CHECK(c.nodes.size() == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "t.dot:2:1: text after the first graph; only the first graph is read");
  // An id keeps "\n" as written (Graphviz's ids); a label draws it as a line break.
  c = dot.read("graph { \"a\\nb\" [label=\"x\\ny\"] }");
  CHECK(c.nodes[0].id == "a\\nb");
  CHECK(c.nodes[0].label == "x\ny");
}
