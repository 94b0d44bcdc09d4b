// GraphML: keys and types, the Gephi conformance files, round trips, and networkx reading ours.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/graphml.hpp"
#include "importers/io.hpp"
#include "importers/native_json.hpp"

using namespace wijknet;
namespace fs = std::filesystem;

namespace {

const std::string data_dir = std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/";
const fs::path corpus_dir = fs::path(WIJKNET_SOURCE_DIR) / ".." / "shared" / "corpus" / "gephi";

const test::TextFormat graphml{read_graphml, "t.graphml"};

std::string graphml_of(const Coalition& c) {
  std::ostringstream out;
  write_graphml(c, out);
  return out.str();
}

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("wijknet-test-" + std::to_string(::getpid()) + "-" + name)).string();
}

}  // namespace

TEST_CASE("graphml: typed keys, defaults, for=all, CDATA, desc, nested graph") {
  ImportReport report;
  Coalition c = read_coalition(data_dir + "typed.graphml", &report);
  CHECK(report.format == "graphml");
  CHECK(c.name == "Kanaleneiland");
  CHECK(c.extra["year"] == 2019);
  REQUIRE(c.nodes.size() == 4);
  REQUIRE(c.edges.size() == 2);

  const Node* mitros = c.node("mitros");
  CHECK(mitros->label == "Mitros");  // "Label" maps to the label
  CHECK(mitros->kind == "partner");  // from the key's <default>
  CHECK(mitros->sector == "housing");
  CHECK(mitros->attrs["members"] == 120);
  CHECK(mitros->attrs["members"].is_number_integer());
  CHECK(mitros->attrs["score"] == 3.25);
  CHECK(mitros->attrs["active"] == true);  // default
  CHECK(mitros->themes == std::vector<std::string>{"wonen", "werk"});
  CHECK(c.layout.at("mitros")[0] == 10.0);
  CHECK(c.layout.at("mitros")[1] == -4.5);
  CHECK_FALSE(mitros->attrs.contains("x"));

  const Node* buurthuis = c.node("buurthuis");
  CHECK(buurthuis->label == "buurthuis");  // no label: the id
  CHECK(buurthuis->kind == "project");     // "type" maps to the kind
  CHECK(buurthuis->attrs["active"] == false);
  CHECK(buurthuis->attrs["note"] == "Open <on> tuesdays & fridays");
  CHECK(buurthuis->attrs["description"] == "Buurthuis De Kans");

  // The nested graph is flattened.
  CHECK(c.node("school::klas1"));

  const Edge& e = c.edges[0];
  CHECK(c.nodes[e.source].id == "mitros");
  CHECK(e.weight == 2.5);  // "Weight"
  CHECK(e.directed);       // directed="true" in an undirected graph
  CHECK(e.since->str() == "2019-03");
  CHECK(e.kind == "collaborates");
  const Edge& inner = c.edges[1];
  CHECK_FALSE(inner.directed);
  CHECK(inner.weight == 1.0);
  CHECK(inner.attrs["note"] == "inner");  // the for="all" key on an edge
  CHECK(inner.extra["id"] == "e7");
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].find("nested graph flattened") != std::string::npos);
}

TEST_CASE("graphml: yEd files: labels and positions from the graphics keys") {
  ImportReport report;
  Coalition c = read_coalition(data_dir + "yed.graphml", &report);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].label == "Vestia");
  CHECK(c.nodes[0].attrs["description"] == "De woningcorporatie");
  CHECK(c.nodes[1].label == "Gemeente\nRotterdam");
  CHECK(c.layout.at("n0") == std::array<double, 2>{120.5, -40.0});
  CHECK(c.layout.at("n1") == std::array<double, 2>{0.0, 0.0});
  REQUIRE(c.edges.size() == 1);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].attrs["label"] == "huurt van");
  CHECK(report.warnings.empty());
}

TEST_CASE("graphml: the Gephi conformance files import as the corpus README says") {
  if (!fs::is_directory(corpus_dir)) {
    MESSAGE("corpus not found at " << corpus_dir << "; skipped");
    return;
  }
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    if (entry.path().extension() != ".graphml") continue;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    ImportReport report;
    Coalition c = read_coalition(entry.path().string(), &report);
    ++checked;
    if (name == "withdesc.graphml") {
      REQUIRE(c.nodes.size() == 2);
      CHECK(c.nodes[0].id == "n0");
      CHECK(c.nodes[0].attrs["description"] == "Node Zero");
      CHECK(c.nodes[1].id == "n1");
      CHECK(c.nodes[1].attrs["description"] == "Node One");  // from CDATA
      REQUIRE(c.edges.size() == 1);
      CHECK(c.nodes[c.edges[0].source].id == "n0");
      CHECK(c.nodes[c.edges[0].target].id == "n1");
      CHECK(c.edges[0].directed);
      CHECK(c.edges[0].attrs["description"] == "Edge Zero");
    } else if (name == "cdata.graphml") {
      REQUIRE(c.nodes.size() == 2);
      CHECK(c.node("n0")->label == "foo");
      CHECK(c.node("n1")->label == "bar");
      REQUIRE(c.edges.size() == 1);
      CHECK(c.edges[0].attrs["label"] == "foobar");  // the edge key that shares the id "lbl"
      CHECK(c.edges[0].directed);
    } else {
      CHECK(c.nodes.size() > 0);  // a file the README does not describe: it reads
    }
    CHECK(report.warnings.empty());
  }
  CHECK(checked >= 2);
}

TEST_CASE("graphml: errors at line and column") {
  SUBCASE("malformed XML") {
    InputError e = test::file_input_error(data_dir + "malformed.graphml");
    CHECK(e.where().line == 5);
    CHECK(e.where().column == 20);
    CHECK(e.message().find("malformed XML") == 0);
  }
  SUBCASE("edge to a node that does not exist: at the attribute value") {
    InputError e = test::file_input_error(data_dir + "edge_to_missing_node.graphml");
    CHECK(e.where().line == 8);
    CHECK(e.where().column == 19);
    CHECK(e.message() == "edge target 'c' is not a node id");
  }
  SUBCASE("truncated") {
    InputError e = graphml.input_error("<graphml>\n  <graph>\n    <node id=\"a\">");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 18);
  }
  SUBCASE("values that do not fit their type") {
    InputError e = graphml.input_error(
        "<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n"
        "<graph><node id=\"a\"><data key=\"k\">many</data></node></graph></graphml>");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 21);
    CHECK(e.message() == "value 'many' of 'n' is not an integer");
    e = graphml.input_error(
        "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<graph><node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"w\">heavy</data></edge></graph></graphml>");
    CHECK(e.where().column == 50);
    {  // a repeated node id (pyyed writes them) is skipped with a warning, as networkx reads it
      const std::string twice = "<graphml><graph><node id=\"a\"/><node id=\"a\"/><node id=\"b\"/></graph></graphml>";
      ImportReport r;
      const Coalition c = graphml.read(twice, r);
      CHECK(c.nodes.size() == 2);
      REQUIRE(r.warnings.size() == 1);
      CHECK(r.warnings[0] == "t.graphml:1:41: duplicate node id 'a'; the first <node> is kept, this one skipped");
      ReadOptions strict;
      strict.strict = true;
      CHECK(graphml.error(twice, strict).find("t.graphml:1:41: duplicate node id 'a'") == 0);
    }
    e = graphml.input_error("<graph/>");
    CHECK(e.message().find("not a GraphML document") == 0);
    e = graphml.input_error(
        "<graphml><key id=\"s\" for=\"node\" attr.name=\"since\"/>\n"
        "<graph><node id=\"a\"><data key=\"s\">2019-13</data></node></graph></graphml>");
    CHECK(e.message().find("bad date '2019-13'") == 0);
  }
}

TEST_CASE("graphml: round trip native -> graphml -> native keeps the model") {
  Coalition c = read_coalition(data_dir + "laak.json");
  // A node attr named like a model field, and a JSON list value: both have to come back.
  c.nodes[0].attrs["label"] = "shadow";
  const std::string xml = graphml_of(c);
  ImportReport report;
  Coalition back = graphml.read(xml, report);
  CHECK(report.warnings.empty());

  CHECK(back.name == c.name);
  CHECK(back.area == c.area);
  REQUIRE(back.themes.size() == c.themes.size());
  CHECK(back.themes[0].label == "Leefbaarheid en wonen");
  CHECK(back.themes[0].extra["colour"] == "#c0392b");
  REQUIRE(back.nodes.size() == c.nodes.size());
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const Node& a = c.nodes[i];
    const Node& b = back.nodes[i];
    CAPTURE(a.id);
    CHECK(b.id == a.id);
    CHECK(b.label == a.label);
    CHECK(b.kind == a.kind);
    CHECK(b.sector == a.sector);
    CHECK(b.themes == a.themes);
    CHECK(b.role == a.role);
    CHECK(b.since.has_value() == a.since.has_value());
    if (a.since) CHECK(b.since->str() == a.since->str());
    for (const auto& item : a.attrs.items()) {
      const std::string& k = item.key();  // not a structured binding: CAPTURE is a lambda (clang 14)
      const Json& v = item.value();
      CAPTURE(k);
      CHECK(b.attrs[k] == v);  // lists and objects travel as JSON text on a key marked wijknet.json
    }
    CHECK(b.attrs.size() == a.attrs.size());
    CHECK(b.extra.size() == a.extra.size());
  }
  CHECK(back.node("staedion")->extra["colour"] == "blue");
  CHECK(back.nodes[0].attrs["label"] == "shadow");
  REQUIRE(back.edges.size() == c.edges.size());
  for (std::size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& a = c.edges[i];
    const Edge& b = back.edges[i];
    CAPTURE(i);
    CHECK(b.source == a.source);
    CHECK(b.target == a.target);
    CHECK(b.kind == a.kind);
    CHECK(b.weight == a.weight);
    CHECK(b.directed == a.directed);
    CHECK(b.attrs == a.attrs);
    CHECK(b.extra == a.extra);
    CHECK(b.until.has_value() == a.until.has_value());
  }
  CHECK(back.layout == c.layout);

  // And once more: graphml -> native -> graphml is stable.
  CHECK(graphml_of(back) == xml);
}

TEST_CASE("graphml: networkx reads what we write") {
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    MESSAGE("python3-networkx not available; skipped");
    return;
  }
  const std::string script = temp_path("read.py");
  {
    std::ofstream py(script);
    py << "import sys, json, networkx as nx\n"
          "G = nx.read_graphml(sys.argv[1])\n"
          "out = {'directed': G.is_directed(),\n"
          "       'nodes': {n: [d.get('label'), d.get('kind'), d.get('age')] for n, d in G.nodes(data=True)},\n"
          "       'edges': sorted([[u, v, d.get('weight')] if G.is_directed() else sorted([u, v]) + [d.get('weight')]\n"
          "                        for u, v, d in G.edges(data=True)])}\n"
          "json.dump(out, open(sys.argv[2], 'w'))\n";
  }
  for (bool directed : {false, true}) {
    CAPTURE(directed);
    Coalition c = read_coalition(data_dir + "laak.json");
    for (auto& e : c.edges) e.directed = directed;  // networkx refuses mixed graphs
    const std::string xml = temp_path(directed ? "d.graphml" : "u.graphml");
    const std::string result = temp_path("result.json");
    write_coalition(c, xml);
    REQUIRE(std::system(("/usr/bin/python3 " + script + " " + xml + " " + result).c_str()) == 0);
    std::ifstream in(result);
    Json nx = Json::parse(in);
    CHECK(nx["directed"] == directed);
    REQUIRE(nx["nodes"].size() == c.nodes.size());
    for (const auto& n : c.nodes) {
      CAPTURE(n.id);
      CHECK(nx["nodes"][n.id][0] == n.label);
      CHECK(nx["nodes"][n.id][1] == n.kind.str());
    }
    CHECK(nx["nodes"]["fatima"][2] == 41);  // a long attribute comes back as an integer
    std::vector<Json> expected;
    for (const auto& e : c.edges) {
      std::string u = c.nodes[e.source].id, v = c.nodes[e.target].id;
      if (!directed && v < u) std::swap(u, v);
      expected.push_back(Json::array({u, v, e.weight}));
    }
    std::sort(expected.begin(), expected.end());
    REQUIRE(nx["edges"].size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(nx["edges"][i] == expected[i]);
    fs::remove(xml);
    fs::remove(result);
  }
  fs::remove(script);
}

TEST_CASE("graphml and gexf: a mixed network is read by networkx and igraph, each tie's direction kept") {
  if (std::system("/usr/bin/python3 -c 'import networkx, igraph' >/dev/null 2>&1") != 0) {
    MESSAGE("python3-networkx or python3-igraph not available; skipped");
    return;
  }
  const Coalition c = test::sample_coalition(true);  // two directed ties among undirected ones
  std::vector<bool> directed;
  for (const auto& e : c.edges) directed.push_back(e.directed);
  REQUIRE(std::count(directed.begin(), directed.end(), true) == 2);
  const std::string script = temp_path("mixed.py");
  {
    std::ofstream py(script);
    py << "import sys, json, networkx as nx, igraph\n"
          "out = {}\n"
          "g = nx.read_graphml(sys.argv[1])\n"
          "out['graphml'] = [g.number_of_nodes(), [d['directed'] for *_, d in g.edges(data=True)]]\n"
          "g = nx.read_gexf(sys.argv[2])\n"
          "out['gexf'] = [g.number_of_nodes(), [d['directed'] for *_, d in g.edges(data=True)]]\n"
          "h = igraph.Graph.Read_GraphML(sys.argv[1])\n"
          "out['igraph'] = [h.vcount(), [bool(x) for x in h.es['directed']]]\n"
          "json.dump(out, open(sys.argv[3], 'w'))\n";
  }
  const std::string xml = temp_path("mixed.graphml"), gx = temp_path("mixed.gexf"), result = temp_path("mixed.json");
  write_coalition(c, xml);
  write_coalition(c, gx);
  REQUIRE(std::system(("/usr/bin/python3 " + script + " " + xml + " " + gx + " " + result + " 2>/dev/null").c_str()) == 0);
  std::ifstream in(result);
  const Json got = Json::parse(in);
  for (const char* reader : {"graphml", "gexf", "igraph"}) {
    CAPTURE(reader);
    CHECK(got[reader][0] == c.nodes.size());
    // networkx lists the edges of a node together; compare the counts of each direction.
    std::vector<bool> seen = got[reader][1].get<std::vector<bool>>();
    CHECK(seen.size() == directed.size());
    CHECK(std::count(seen.begin(), seen.end(), true) == 2);
  }
  test::check_same_coalition(read_coalition(xml), c);
  const Coalition back = read_coalition(gx);
  REQUIRE(back.edges.size() == c.edges.size());
  for (std::size_t i = 0; i < c.edges.size(); ++i) CHECK(back.edges[i].directed == c.edges[i].directed);
}
