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

namespace {

// A stream that cannot seek back, so the reader decodes the text whole (read_text) instead of
// reading it a chunk at a time: the two ways must give the same coalition and errors.
struct OneWayBuffer : std::streambuf {
  explicit OneWayBuffer(std::string text) : text_(std::move(text)) { setg(text_.data(), text_.data(), text_.data() + text_.size()); }
  std::string text_;
};

std::string both_ways(const std::string& text, bool whole) {
  ImportReport report;
  try {
    Coalition c;
    if (whole) {
      OneWayBuffer buffer(text);
      std::istream in(&buffer);
      c = read_edgelist(in, "t.edges", report, {});
    } else {
      std::istringstream in(text);
      c = read_edgelist(in, "t.edges", report, {});
    }
    std::string s = std::to_string(c.nodes.size()) + " nodes\n";
    for (const auto& e : c.edges) s += c.nodes[e.source].id + " " + c.nodes[e.target].id + " " + std::to_string(e.weight) + "\n";
    for (const auto& w : report.warnings) s += w + "\n";
    return s;
  } catch (const InputError& e) {
    return e.what();
  }
}

}  // namespace

TEST_CASE("edge list: read a chunk at a time, lines across chunks and every line end, as when read whole") {
  // Over 1.5 MB, so lines cross a 1 MB chunk; CRLF, old Mac CR line ends, comments, a BOM.
  std::string text = "\xEF\xBB\xBF# header\r\n";
  for (int i = 0; i < 120000; ++i) {
    text += "node" + std::to_string(i % 5000) + "\tn" + std::to_string((i * 7) % 3000);
    if (i % 3 == 0) text += " 2.5";
    text += i % 11 == 0 ? "\r\n" : i % 13 == 0 ? "\r" : i % 17 == 0 ? "  % note\n" : "\n";
    if (i % 1000 == 0) text += "\n   \n";
  }
  REQUIRE(text.size() > (std::size_t(3) << 19));
  const std::string chunked = both_ways(text, false);
  CHECK(chunked == both_ways(text, true));
  CHECK(chunked.rfind("8000 nodes\n", 0) == 0);

  // An error past the first chunks: the same line and column both ways.
  std::string bad = text + "a b c d\n";
  CHECK(both_ways(bad, false) == both_ways(bad, true));
  CHECK(both_ways(bad, false).find(":7: unexpected fourth field 'd'") != std::string::npos);
  // Not UTF-8: read whole as Windows-1252, with its warning, both ways.
  bad = text + "caf\xE9 b\n";
  CHECK(both_ways(bad, false) == both_ways(bad, true));
  CHECK(both_ways(bad, false).find("caf\xC3\xA9 b") != std::string::npos);
  // A text that ends without a line end, or with a lone CR.
  CHECK(both_ways("a b", false) == "2 nodes\na b 1.000000\n");
  CHECK(both_ways("a b\r", false) == "2 nodes\na b 1.000000\n");
  CHECK(both_ways("a b\rc d\r\n\re f", false) == both_ways("a b\rc d\r\n\re f", true));
  CHECK(both_ways("", false) == "0 nodes\n");
}
