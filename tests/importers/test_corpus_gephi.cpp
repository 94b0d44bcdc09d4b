// The conformance corpus: files written by Gephi's own test suite (../shared/corpus/gephi/, see
// its README.md). Each fact the README states is asserted. Skipped when the folder is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "formats_sample.hpp"
#include "importers/csv.hpp"
#include "importers/gexf.hpp"
#include "importers/io.hpp"

using namespace wijknet;

namespace {

bool corpus_present(const std::string& file) {
  if (std::filesystem::exists(test::corpus_dir() + file)) return true;
  MESSAGE("corpus file " << test::corpus_dir() + file << " absent; skipped");
  return false;
}

// Through read_coalition, as the command line reads them: the format comes from the extension.
Coalition read_corpus(const std::string& file, ImportReport& report) {
  return read_coalition(test::corpus_dir() + file, &report);
}

}  // namespace

TEST_CASE("corpus gephi/data.gexf: one node with typed attributes and a default, one self-loop") {
  if (!corpus_present("data.gexf")) return;
  ImportReport r;
  Coalition c = read_corpus("data.gexf", r);
  CHECK(r.format == "gexf");
  REQUIRE(c.nodes.size() == 1);
  const Node& n = c.nodes[0];
  CHECK(n.id == "0");
  CHECK(n.label == "Node1");
  CHECK(n.attrs["url"] == "http://gephi.org");
  CHECK(n.attrs["indegree"].is_number_float());
  CHECK(n.attrs["indegree"] == 1.0);
  CHECK(n.attrs["valid"] == true);  // from the attribute's <default>
  REQUIRE(c.edges.size() == 1);
  CHECK(c.edges[0].source == 0);
  CHECK(c.edges[0].target == 0);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 1.0);
  CHECK(r.warnings.empty());
}

TEST_CASE("corpus gephi/slice.gexf: GEXF 1.3 slice with attvalue directly under node and id =\"0\"") {
  if (!corpus_present("slice.gexf")) return;
  ImportReport r;
  Coalition c = read_corpus("slice.gexf", r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].id == "1");
  CHECK(c.nodes[0].label == "Node 1");
  CHECK(c.nodes[0].attrs["Price"] == 12);
  CHECK(c.nodes[1].id == "2");
  CHECK(c.nodes[1].label == "Node 2");
  CHECK(c.nodes[1].attrs["Price"] == 8);
  CHECK(c.extra["gexf"]["mode"] == "slice");
  CHECK(c.extra["gexf"]["timestamp"] == "2007");
  REQUIRE(c.edges.size() == 1);
  CHECK(c.nodes[c.edges[0].source].id == "1");
  CHECK(c.nodes[c.edges[0].target].id == "2");
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.0);
  CHECK(c.edges[0].extra["id"] == "0");
  CHECK(r.warnings.empty());
}

TEST_CASE("corpus gephi/nodes_utf8_bom.csv: BOM, Gephi timeset, a duplicate id and an empty last row") {
  if (!corpus_present("nodes_utf8_bom.csv")) return;
  ImportReport r;
  Coalition c = read_corpus("nodes_utf8_bom.csv", r);
  REQUIRE(c.nodes.size() == 2);
  const Node& uno = c.nodes[0];
  CHECK(uno.id == "1");
  CHECK(uno.label == "uno");
  CHECK(uno.attrs["utf8"] == "漢語");
  // Bounds 1, 5, 10.5 are points on Gephi's own timeline, not dates: kept as written.
  CHECK(uno.attrs["timeset"] == "[1,5]; [10, 10.5]; [11, 16];");
  CHECK_FALSE(uno.since);
  const Node& dos = c.nodes[1];
  CHECK(dos.id == "2");
  CHECK(dos.label == "dos");
  CHECK(dos.attrs["utf8"] == "bla");  // the second row updates the first
  CHECK(c.edges.empty());
  const std::string path = test::corpus_dir() + "nodes_utf8_bom.csv";
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0] == path + ":4:1: node '2' appears again (first on line 3); this row updates it");
  CHECK(r.warnings[1] == path + ":5: empty row skipped");
  // The empty row is a note, not an error: --strict stops at the duplicate, not at the empty row.
  ImportReport strict_report;
  std::ifstream in(path, std::ios::binary);
  CHECK_THROWS_WITH(read_csv(in, path, strict_report, ReadOptions{true}),
                    (path + ":4:1: node '2' appears again (first on line 3); this row updates it (strict mode: warnings are errors)").c_str());
}

TEST_CASE("corpus gephi/edges_timeset_intervals.csv: space-separated, directed, infinite bounds") {
  if (!corpus_present("edges_timeset_intervals.csv")) return;
  ImportReport r;
  Coalition c = read_corpus("edges_timeset_intervals.csv", r);
  REQUIRE(c.nodes.size() == 3);
  CHECK(c.node("Fred"));
  CHECK(c.node("Alice"));
  CHECK(c.node("Dirk"));
  REQUIRE(c.edges.size() == 5);
  for (const auto& e : c.edges) CHECK(e.directed);
  auto pair = [&](std::size_t i) { return c.nodes[c.edges[i].source].id + "->" + c.nodes[c.edges[i].target].id; };
  CHECK(pair(0) == "Fred->Alice");
  CHECK(pair(3) == "Fred->Alice");  // the same pair in another interval is a second edge
  CHECK(c.edges[0].since->str() == "2016-02-03");
  CHECK(c.edges[0].until->str() == "2016-02-04");
  CHECK(c.edges[3].since->str() == "2016-02-05");
  CHECK(c.edges[3].until->str() == "2016-02-08");
  CHECK(pair(1) == "Alice->Fred");
  CHECK(c.edges[1].since->str() == "2016-03-04");
  CHECK_FALSE(c.edges[1].until);  // Infinity
  CHECK(pair(2) == "Dirk->Fred");
  CHECK_FALSE(c.edges[2].since);  // -Infinity
  CHECK(c.edges[2].until->str() == "2016-02-04");
  CHECK(pair(4) == "Dirk->Fred");
  CHECK(c.edges[4].since->str() == "2016-02-04");
  CHECK(c.edges[4].until->str() == "2016-02-26");
  CHECK(r.warnings.empty());
}

TEST_CASE("corpus gephi/withdesc.graphml: descriptions, CDATA included, of nodes and the edge") {
  if (!corpus_present("withdesc.graphml")) return;
  ImportReport r;
  Coalition c = read_corpus("withdesc.graphml", r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].id == "n0");
  CHECK(c.nodes[0].attrs["description"] == "Node Zero");
  CHECK(c.nodes[1].id == "n1");
  CHECK(c.nodes[1].attrs["description"] == "Node One");
  REQUIRE(c.edges.size() == 1);
  CHECK(c.nodes[c.edges[0].source].id == "n0");
  CHECK(c.nodes[c.edges[0].target].id == "n1");
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].attrs["description"] == "Edge Zero");
}

TEST_CASE("corpus gephi/cdata.graphml: a node key and an edge key sharing the id lbl") {
  if (!corpus_present("cdata.graphml")) return;
  ImportReport r;
  Coalition c = read_corpus("cdata.graphml", r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].label == "foo");
  CHECK(c.nodes[1].label == "bar");
  REQUIRE(c.edges.size() == 1);
  CHECK(c.edges[0].attrs["label"] == "foobar");
}
