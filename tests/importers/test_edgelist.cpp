// Plain edge lists "u v [w]".
#include <doctest/doctest.h>

#include <sstream>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/edgelist.hpp"
#include "importers/io.hpp"

using namespace wijknet;

namespace {

const test::TextFormat edgelist{read_edgelist, "t.edges"};

}  // namespace

TEST_CASE("edge list: fields, weights, comments, blank lines") {
  ImportReport report;
  Coalition c = read_coalition(std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/karate_head.edges", &report);
  CHECK(report.format == "edgelist");
  REQUIRE(c.nodes.size() == 4);
  REQUIRE(c.edges.size() == 5);
  CHECK(c.nodes[0].id == "1");
  CHECK(c.nodes[0].label == "1");
  CHECK(c.nodes[0].kind == "partner");
  CHECK(c.nodes[3].id == "4");
  CHECK(c.edges[0].weight == 1.0);
  CHECK(c.edges[1].weight == 2.5);
  CHECK(c.edges[2].weight == 0.5);
  CHECK(c.nodes[c.edges[2].source].id == "2");
  CHECK(c.edges[3].weight == 4.0);
  CHECK(c.edges[4].weight == 1.0);
  CHECK(c.edges[0].kind == "collaborates");
  CHECK_FALSE(c.edges[0].directed);
}

TEST_CASE("edge list: errors at line and column") {
  InputError e = edgelist.input_error("a b\n\n  lonely\n");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 3);
  CHECK(e.message() == "only one field 'lonely'; expected 'source target [weight]'");

  e = edgelist.input_error("a b 1\na b 1 extra\n");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 7);

  e = edgelist.input_error("# header\nStaedion Gemeente sterk\n");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 19);
  CHECK(std::string(e.what()) == "t.edges:2:19: weight 'sterk' is not a number");

  e = edgelist.input_error("a b 1.5x\n");
  CHECK(e.where().column == 5);
  e = edgelist.input_error("a b nan\n");
  CHECK(e.where().column == 5);
  // Columns count characters: "é" is one.
  e = edgelist.input_error("\xC3\xA9t\xC3\xA9 b c d\n");
  CHECK(e.where().column == 9);
}

TEST_CASE("edge list: write and read back") {
  Coalition c;
  for (const char* id : {"a", "b", "c", "alone"}) {
    Node n;
    n.id = id;
    n.kind = "partner";
    c.add_node(n);
  }
  Edge e;
  e.source = 0;
  e.target = 1;
  c.add_edge(e);
  e.source = 1;
  e.target = 2;
  e.weight = 0.1;
  c.add_edge(e);
  std::ostringstream out;
  write_edgelist(c, out);
  CHECK(out.str() == "# wijknet edge list: source target [weight]\n# 1 node(s) without ties are not listed\na b\nb c 0.1\n");
  Coalition back = edgelist.read(out.str());
  CHECK(back.nodes.size() == 3);
  CHECK(back.edges[1].weight == 0.1);

  // Ids the reader would split are written with '_', distinct from every other id: no coalition
  // fails to write.
  c.nodes[0].id = "two words";
  c.nodes[1].id = "two_words";
  c.reindex();
  std::ostringstream spaced;
  write_edgelist(c, spaced);
  CHECK(spaced.str() ==
        "# wijknet edge list: source target [weight]\n# 1 node(s) without ties are not listed\n"
        "# 1 id(s) with spaces written with '_'\ntwo_words_2 two_words\ntwo_words c 0.1\n");
}
