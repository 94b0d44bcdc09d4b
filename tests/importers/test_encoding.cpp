// Text encodings at the boundary (importers/text_encoding.hpp): what Excel, Notepad and old
// tools write comes in as UTF-8, with a warning where wijknet had to guess.
#include <doctest/doctest.h>

#include "formats_sample.hpp"
#include "importers/csv.hpp"
#include "importers/dot.hpp"
#include "importers/graphml.hpp"
#include "importers/pajek.hpp"
#include "importers/text_encoding.hpp"

using namespace wijknet;

namespace {

const test::TextFormat csv{read_csv, "t.csv"};

// `s` as UTF-16 with a byte-order mark: what Excel saves as "Unicode text".
std::string utf16(const std::u16string& s, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t u : s) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

}  // namespace

TEST_CASE("encoding: a Dutch Excel CSV in Windows-1252 keeps its letters, with a warning") {
  // "CSV (gescheiden door lijstscheidingsteken)": ';', CRLF, Windows-1252 (é = E9, ë = EB, € = 80).
  const std::string text = "Naam;Organisatie\r\nRen\xE9 Ga\xEBlle;Buurthuis \x80 De Ster\r\n";
  ImportReport r;
  const Coalition c = csv.read(text, r);
  REQUIRE(c.nodes.size() == 1);
  CHECK(c.nodes[0].label == "René Gaëlle");
  CHECK(c.nodes[0].attrs["Organisatie"] == "Buurthuis € De Ster");
  REQUIRE(!r.warnings.empty());
  CHECK(r.warnings[0] ==
        "t.csv:2:4: not valid UTF-8 (byte 0xE9); read as Windows-1252, as Excel writes on Windows (use --encoding NAME if it is another)");
  ReadOptions strict;
  strict.strict = true;
  CHECK(csv.error(text, strict).find("t.csv:2:4: not valid UTF-8") == 0);
  // Forced, it is no guess: no warning.
  ReadOptions forced;
  forced.encoding = "windows-1252";
  ImportReport quiet;
  CHECK(csv.read(text, quiet, forced).nodes[0].label == "René Gaëlle");
  CHECK(quiet.warnings.empty());
}

TEST_CASE("encoding: UTF-8 with and without BOM, UTF-16 LE and BE with BOM") {
  for (const std::string& text : {std::string("Source,Target\nZoë,Één\n"), std::string("\xEF\xBB\xBFSource,Target\nZoë,Één\n"),
                                  utf16(u"Source,Target\nZoë,Één\n", true), utf16(u"Source,Target\r\nZoë,Één\r\n", false)}) {
    ImportReport r;
    const Coalition c = csv.read(text, r);
    REQUIRE(c.nodes.size() == 2);
    CHECK(c.nodes[0].id == "Zoë");
    CHECK(c.nodes[1].id == "Één");
    CHECK(c.edges.size() == 1);
    CHECK(r.warnings.empty());
  }
}

TEST_CASE("encoding: XML's declared encoding and DOT's charset") {
  const test::TextFormat graphml{read_graphml, "t.graphml"};
  ImportReport r;
  const Coalition g = graphml.read(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
      "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">Caf\xE9</data></node></graph></graphml>",
      r);
  CHECK(g.nodes[0].label == "Café");
  CHECK(r.warnings.empty());

  const test::TextFormat dot{read_dot, "t.dot"};
  const Coalition d = dot.read("graph G { charset=latin1; a [label=\"Ren\xE9\"]; }");
  CHECK(d.nodes[0].label == "René");
  // Declared UTF-8 (Graphviz's default) but not UTF-8: the Windows-1252 guess, with a warning.
  ImportReport w;
  CHECK(dot.read("graph G { a [label=\"Ren\xE9\"]; }", w).nodes[0].label == "René");
  CHECK(w.warnings.size() == 1);
}

TEST_CASE("encoding: --encoding names and their errors") {
  ReadOptions o;
  o.encoding = "klingon";
  CHECK(csv.error("a,b\n", o) ==
        "t.csv: unknown encoding 'klingon'; known: utf-8, utf-16le, utf-16be, utf-16, windows-1252, iso-8859-1");
  o.encoding = "UTF-16LE";
  const std::string text = utf16(u"Source,Target\nx,y\n", true).substr(2);  // no BOM: only the name says it
  ImportReport r;
  CHECK(csv.read(text, r, o).edges.size() == 1);
}

TEST_CASE("encoding: old Mac line ends (CR only) are line ends") {
  const test::TextFormat pajek{read_pajek, "t.net"};
  ImportReport r;
  const Coalition c = pajek.read("*Vertices 3\r1 \"a\"\r2 \"b\"\r3 \"c\"\r*Edges\r1 2\r2 3\r", r);
  CHECK(c.nodes.size() == 3);
  CHECK(c.edges.size() == 2);
  ReadOptions strict;
  strict.strict = true;
  CHECK(pajek.error("*Vertices 2\r1 \"a\"\r*Edges\r1 3\r", strict) == "t.net:4:3: vertex number '3' is not between 1 and 2");
}

TEST_CASE("encoding: every string is valid UTF-8 after read_coalition, whatever the escapes built") {
  CHECK(valid_utf8("Zoë"));
  CHECK(!valid_utf8("Zo\xEB"));
  CHECK(!valid_utf8("\xED\xA0\x80"));  // a surrogate, as "&#xD800;" would make it
  CHECK(!valid_utf8("\xC0\xAF"));      // overlong
  CHECK(utf8_or_replacement("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  Coalition c;
  Node n;
  n.id = "x\xFF";
  n.label = "\xED\xA0\x80";
  n.attrs["k\xFE"] = "v\xFD";
  c.add_node(n);
  c.layout["x\xFF"] = {1, 2};
  CHECK(make_strings_valid_utf8(c) == 4);  // id, label, the attribute's value and its key
  CHECK(c.nodes[0].id == "x\xEF\xBF\xBD");
  CHECK(c.find("x\xEF\xBF\xBD"));
  CHECK(c.layout.count("x\xEF\xBF\xBD") == 1);
  CHECK(c.nodes[0].attrs.dump() == "{\"k\xEF\xBF\xBD\":\"v\xEF\xBF\xBD\"}");
}
