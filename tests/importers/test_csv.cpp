#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "core/text/error.hpp"
#include "core/text/i18n.hpp"
#include "formats_sample.hpp"
#include "core/text/number_text.hpp"
#include "importers/csv.hpp"
#include "importers/csv_table.hpp"
#include "importers/graphml.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

namespace {

const test::TextFormat csv{read_csv, "t.csv"};

bool has_warning(const ImportReport& r, const std::string& text) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) { return w == text; });
}

}  // namespace

TEST_CASE("csv tokenizer: quotes with delimiters, doubled quotes, line ends, CRLF, BOM") {
  std::string text = "\xEF\xBB\xBFid,label,note\r\n1,\"Smit, Jan\",\"zei \"\"ja\"\"\"\r\n2,Bakker,\"twee\r\nregels\"\r\n";
  auto t = parse_csv(text, "t.csv");
  CHECK(t.delimiter == ',');
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields[0].text == "id");  // the BOM is not part of the first name
  CHECK(t.rows[0].fields[0].column == 1);
  CHECK(t.rows[1].fields[1].text == "Smit, Jan");
  CHECK(t.rows[1].fields[2].text == "zei \"ja\"");
  CHECK(t.rows[1].fields[2].column == 15);
  CHECK(t.rows[2].fields[2].text == "twee\nregels");
  CHECK(t.rows[2].line == 3);
  CHECK(detect_csv_delimiter("a;b;c\n") == ';');
  CHECK(detect_csv_delimiter("a\tb\n") == '\t');
  CHECK(detect_csv_delimiter("Source Target Type\n") == ' ');
  CHECK(detect_csv_delimiter("\"a,b\";c\n") == ';');  // the comma is inside quotes
  CHECK(csv_quote("a,b") == "\"a,b\"");
  CHECK(csv_quote("zei \"ja\"") == "\"zei \"\"ja\"\"\"");
  CHECK(csv_quote("plain") == "plain");
}

TEST_CASE("csv cell values: numbers, decimal commas, dates, timesets") {
  CHECK(read_plain_number("0,5", true) == 0.5);
  CHECK_FALSE(read_plain_number("0,5", false));
  CHECK(read_plain_number(" -1e3 ") == -1000.0);
  CHECK_FALSE(read_plain_number("Infinity"));
  CHECK(infer_value("12") == Json(12));
  CHECK(infer_value("0612345678") == Json("0612345678"));
  CHECK(infer_value("2.5") == Json(2.5));
  CHECK(infer_value("TRUE") == Json(true));
  CHECK(infer_value("Den Haag") == Json("Den Haag"));
  CHECK(parse_date_cell("3-2-2016")->str() == "2016-02-03");
  CHECK(parse_date_cell("2016-02-03T10:00:00")->str() == "2016-02-03");
  CHECK_FALSE(parse_date_cell("31-2-2016"));
  auto ts = parse_timeset("<[2000, 2005]; [2008,2010]>");
  REQUIRE(ts);
  CHECK(ts->size() == 2);
  auto p = period_of(*ts);
  REQUIRE(p);
  CHECK(p->since->str() == "2000");
  CHECK(p->until->str() == "2010");
  auto open = period_of(*parse_timeset("[-Infinity, 2016-02-04]"));
  REQUIRE(open);
  CHECK_FALSE(open->since);
  CHECK(open->until->str() == "2016-02-04");
  CHECK_FALSE(period_of(*parse_timeset("[1,5]; [10, 10.5]; [11, 16];")));
  CHECK_FALSE(parse_timeset("yesterday"));
}

TEST_CASE("csv: Kumu elements and connections") {
  const std::string elements =
      "Label,Type,Description,Tags,Sector\n"
      "Gemeente Den Haag,Organisation,Facilitates the coalition,gemeente|trekker,municipality\n"
      "Staedion,Organisatie,,corporatie,housing\n"
      "Zoë,Person,Bewoner,,\n"
      "Portiekenaanpak,Project,,,\n";
  const std::string connections =
      "From,To,Type,Strength,Label\n"
      "Gemeente Den Haag,Staedion,collaborates,3,convenant\n"
      "Staedion|Zoë,Portiekenaanpak,participates,,\n"
      "Zoë,Portiekenaanpak|Gemeente Den Haag,participates,Strong,\n";
  ImportReport r;
  Coalition c = read_csv_tables(elements, "elements.csv", connections, "connections.csv", r, {});
  REQUIRE(c.nodes.size() == 5);  // the four elements and "Staedion|Zoë" (see below)
  const Node* g = c.node("Gemeente Den Haag");  // Kumu identifies elements by label
  REQUIRE(g);
  CHECK(g->kind == "partner");
  CHECK(g->sector == "municipality");
  CHECK(g->attrs["description"] == "Facilitates the coalition");
  CHECK(g->attrs["tags"] == Json::array({"gemeente", "trekker"}));
  CHECK(c.node("Staedion")->kind == "partner");
  CHECK(c.node("Zoë")->kind == "resident");
  CHECK(c.node("Portiekenaanpak")->kind == "project");
  // Row 3 names "Staedion|Zoë" as one source: no such element, so it becomes one new node;
  // row 4 splits its To cell on '|' into two connections.
  REQUIRE(c.edges.size() == 4);
  CHECK(c.edges[0].kind == "collaborates");
  CHECK(c.edges[0].weight == 3.0);
  CHECK(c.edges[0].attrs["label"] == "convenant");
  CHECK_FALSE(c.edges[0].directed);
  CHECK(c.nodes[c.edges[2].target].id == "Portiekenaanpak");
  CHECK(c.nodes[c.edges[3].target].id == "Gemeente Den Haag");
  CHECK(c.edges[3].attrs["strength"] == "Strong");
  CHECK(c.edges[3].weight == 1.0);
  CHECK(has_warning(r, "connections.csv:3:1: node 'Staedion|Zoë' is not in the nodes table; added"));
  CHECK(has_warning(r, "connections.csv:4:52: strength 'Strong' is not a number; weight 1 used, text kept as attrs.strength"));
}

TEST_CASE("csv: Gephi nodes and edges tables with ids, direction, weights and date timesets") {
  const std::string nodes =
      "Id,Label,Timeset,Budget\n"
      "n1,Buurthuis,\"<[2016-01-01, 2018-06-30]>\",1200.50\n"
      "n2,School,\"[2017, Infinity]\",\n"
      "n3,Club,\"[1,5]; [10, 10.5]\",\n";
  const std::string edges =
      "Source,Target,Type,Id,Weight\n"
      "n1,n2,Directed,0,2\n"
      "n2,n3,Undirected,1,0.5\n";
  ImportReport r;
  Coalition c = read_csv_tables(nodes, "n.csv", edges, "e.csv", r, {});
  REQUIRE(c.nodes.size() == 3);
  CHECK(c.nodes[0].label == "Buurthuis");
  CHECK(c.nodes[0].since->str() == "2016-01-01");
  CHECK(c.nodes[0].until->str() == "2018-06-30");
  CHECK(c.nodes[0].attrs["Budget"] == Json(1200.5));
  CHECK(c.nodes[1].since->str() == "2017");
  CHECK_FALSE(c.nodes[1].until);
  CHECK_FALSE(c.nodes[2].since);
  CHECK(c.nodes[2].attrs["timeset"] == "[1,5]; [10, 10.5]");
  REQUIRE(c.edges.size() == 2);
  CHECK(c.edges[0].directed);
  CHECK(c.edges[0].weight == 2.0);
  CHECK_FALSE(c.edges[1].directed);
  CHECK(c.edges[1].weight == 0.5);
  CHECK_FALSE(c.edges[0].attrs.contains("Id"));
  CHECK(c.edges[1].extra["id"] == "1");
  CHECK(c.edges[1].kind == "collaborates");
  CHECK(c.nodes[0].kind == "partner");
  CHECK(r.warnings.empty());
}

TEST_CASE("csv: a semicolon-separated Excel file with BOM and Dutch letters keeps every name") {
  const std::string text =
      "\xEF\xBB\xBFNaam;Soort;Sector;Thema's;Budget\r\n"
      "Gemeente Den Haag;organisatie;municipality;wonen|veiligheid;1.500\r\n"
      "Stichting Zoë;organisatie;welfare;zorg;0,5\r\n"
      "Jürgen Özdemir;bewoner;;wonen;\r\n"
      "Café Het Hoekje;organisatie;business;;\r\n"
      "René Coëlho;bewoner;;;\r\n";
  ImportReport r;
  Coalition c = csv.read(text, r);
  REQUIRE(c.nodes.size() == 5);
  CHECK(c.nodes[0].label == "Gemeente Den Haag");
  CHECK(c.nodes[1].label == "Stichting Zoë");
  CHECK(c.nodes[1].id == "Stichting Zoë");
  CHECK(c.nodes[2].label == "Jürgen Özdemir");
  CHECK(c.nodes[2].kind == "resident");
  CHECK(c.nodes[3].label == "Café Het Hoekje");
  CHECK(c.nodes[4].label == "René Coëlho");
  CHECK(c.nodes[0].themes == std::vector<std::string>{"wonen", "veiligheid"});
  CHECK(c.nodes[1].attrs["Budget"] == Json(0.5));  // decimal comma in a ';' table
  CHECK(r.warnings.empty());
}

TEST_CASE("csv: guessed label column, duplicates, blank rows and ragged rows are reported") {
  ImportReport r;
  Coalition c = csv.read(
      "Organisatie,Contactpersoon,Telefoon\n"
      "Staedion,Piet,0701234567\n"
      "\n"
      "Haagwonen,Kees,0707654321,extra\n"
      "Staedion,Marie\n",
      r);
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[0].id == "Staedion");
  CHECK(c.nodes[0].attrs["Contactpersoon"] == "Marie");       // the later row updates
  CHECK(c.nodes[0].attrs["Telefoon"] == "0701234567");        // an empty cell does not clear
  CHECK(has_warning(r, "t.csv:1:1: column 'Organisatie' taken as label (no Id or Label column)"));
  CHECK(has_warning(r, "t.csv:3: empty row skipped"));
  CHECK(has_warning(r, "t.csv:4:27: 4 fields where the header has 3; the extra fields are ignored"));
  CHECK(has_warning(r, "t.csv:5:1: node 'Staedion' appears again (first on line 2); this row updates it"));
  CHECK(has_warning(r, "t.csv:5: 2 fields where the header has 3; the missing ones are taken as empty"));
  CHECK(csv.error("Id,Label\n1,a,b\n", ReadOptions{true}) ==
        "t.csv:2:5: 3 fields where the header has 2; the extra fields are ignored (strict mode: warnings are errors)");
}

TEST_CASE("csv: a PARTNER-style survey table becomes directed tie edges") {
  ImportReport r;
  Coalition c = csv.read(
      "Respondent;Partner;Frequency;Trust;Value\n"
      "Staedion;Gemeente;weekly;4;3\n"
      "Gemeente;Staedion;monthly;3;4\n"
      "Gemeente;Buurthuis;;2;\n",
      r);
  REQUIRE(c.nodes.size() == 3);
  REQUIRE(c.edges.size() == 3);
  for (const auto& e : c.edges) {
    CHECK(e.kind == "tie");
    CHECK(e.directed);
  }
  CHECK(c.nodes[c.edges[0].source].id == "Staedion");
  CHECK(c.nodes[c.edges[0].target].id == "Gemeente");
  CHECK(c.edges[0].attrs["trust"] == 4);
  CHECK(c.edges[0].attrs["value"] == 3);
  CHECK(c.edges[0].attrs["frequency"] == "weekly");
  CHECK_FALSE(c.edges[2].attrs.contains("value"));
  CHECK(r.warnings.empty());
}

TEST_CASE("csv: space-separated Gephi edges with infinite interval bounds") {
  ImportReport r;
  Coalition c = csv.read(
      "Source Target Type timeset\n"
      "Fred Alice Directed \"[2016-02-03, 2016-02-04]\"\n"
      "Alice Fred Directed \"[2016-03-04, Infinity]\"\n"
      "Dirk Fred Directed \"[-Infinity, 2016-02-04]\"\n",
      r);
  REQUIRE(c.nodes.size() == 3);
  REQUIRE(c.edges.size() == 3);
  CHECK(c.edges[0].since->str() == "2016-02-03");
  CHECK(c.edges[0].until->str() == "2016-02-04");
  CHECK(c.edges[1].since->str() == "2016-03-04");
  CHECK_FALSE(c.edges[1].until);
  CHECK_FALSE(c.edges[2].since);
  CHECK(c.edges[2].until->str() == "2016-02-04");
}

TEST_CASE("csv: malformed files give file:line:col") {
  CHECK(csv.error("Id,Label\n1,\"open\n2,b\n") == "t.csv:2:3: quoted field is never closed (a '\"' is missing)");
  CHECK(csv.error("Id,Label\n1,\"closed\"x\n") ==
        "t.csv:2:11: unexpected text after a closing quote; a quote inside a quoted field is written \"\"");
  CHECK(csv.error("Id;Label;Since\n1;a;gisteren\n", ReadOptions{true}) ==
        "t.csv:2:5: 'gisteren' is not a date; kept as attrs.since (strict mode: warnings are errors)");
  CHECK(csv.error("Partnerorganisatie;Omschrijving\nStaedion;x\n", ReadOptions{true}) ==
        "t.csv:1:1: column 'Partnerorganisatie' taken as label (no Id or Label column) (strict mode: warnings are errors)");
}

TEST_CASE("csv: round trip through OUT.csv and OUT_nodes.csv keeps the coalition") {
  TempDir dir("csv");
  Coalition a = test::sample_coalition();
  const std::string path = dir.file("net.csv");
  write_csv_files(a, path);
  CHECK(std::filesystem::exists(dir.file("net_nodes.csv")));
  CHECK(csv_nodes_path_for("x/edges.csv") == "x/nodes.csv");
  CHECK(csv_nodes_path_for("x/a_edges.csv") == "x/a_nodes.csv");
  CHECK(csv_edges_path_for("x/a_nodes.csv") == "x/a_edges.csv");

  ImportReport r;
  std::ifstream in(path, std::ios::binary);
  Coalition b = read_csv(in, path, r, {});
  CHECK(has_warning(r, path + ": nodes table " + dir.file("net_nodes.csv") + " beside it read too"));
  test::check_same_coalition(b, a);
  CHECK(r.warnings.size() == 1);

  // The nodes table read alone finds its edges table (net.csv) again.
  ImportReport r2;
  std::ifstream in2(dir.file("net_nodes.csv"), std::ios::binary);
  Coalition c = read_csv(in2, dir.file("net_nodes.csv"), r2, {});
  CHECK(c.edges.size() == a.edges.size());
}

TEST_CASE("csv: an edges table picks up nodes.csv beside edges.csv") {
  TempDir dir("csv-pair");
  test::write_text(dir.file("nodes.csv"), "Id,Label\na,Alpha\nb,Beta\nc,Gamma\n");
  test::write_text(dir.file("edges.csv"), "Source,Target\na,b\n");
  ImportReport r;
  std::ifstream in(dir.file("edges.csv"), std::ios::binary);
  Coalition c = read_csv(in, dir.file("edges.csv"), r, {});
  CHECK(c.nodes.size() == 3);
  CHECK(c.nodes[2].label == "Gamma");
  CHECK(c.edges.size() == 1);
  Coalition d = read_csv_pair(dir.file("nodes.csv"), dir.file("edges.csv"), r, {});
  CHECK(d.nodes.size() == 3);
}

TEST_CASE("csv: a repeated edge Id keeps the first row, as Gephi does, and GraphML writes each id once") {
  ImportReport r;
  Coalition c = csv.read("Id,Source,Target,Weight\na,1,2,1\nb,3,4,2\na,1,2,5\n", r);
  REQUIRE(c.edges.size() == 2);
  CHECK(c.edges[0].weight == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "t.csv:4:1: edge id 'a' appears again (first on line 2); this row is skipped, as Gephi does");
  // Several targets in one Kumu cell share the row's id: one <edge id>, the others as data.
  c = csv.read("Id,From,To\nk1,a,b|c\n", r);
  REQUIRE(c.edges.size() == 2);
  std::ostringstream xml;
  write_graphml(c, xml);
  CHECK(xml.str().find("id=\"k1\"") == xml.str().rfind("id=\"k1\""));
  const test::TextFormat graphml{read_graphml, "t.graphml"};
  const Coalition back = graphml.read(xml.str());
  CHECK(back.edges[1].extra["id"] == "k1");
}

TEST_CASE("csv: exports neutralise text a spreadsheet would run as a formula (OWASP), and reading undoes it") {
  Coalition c;
  Node n;
  n.kind = "partner";
  for (const char* id : {"=HYPERLINK(\"http://x\")", "+31 70", "-min", "@SUM(A1)", "'=quoted", "gewoon"}) {
    n.id = n.label = id;
    c.add_node(n);
  }
  n.attrs["score"] = -2.5;  // a number stays a number
  n.id = n.label = "getal";
  c.add_node(n);
  std::ostringstream out;
  write_csv_nodes(c, out);
  const std::string text = out.str();
  CHECK(text.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  CHECK(text.find("'+31 70") != std::string::npos);
  CHECK(text.find("'-min") != std::string::npos);
  CHECK(text.find("'@SUM(A1)") != std::string::npos);
  CHECK(text.find("''=quoted") != std::string::npos);
  CHECK(text.find(",-2.5") != std::string::npos);
  const Coalition back = csv.read(text);
  REQUIRE(back.nodes.size() == c.nodes.size());
  for (std::size_t i = 0; i < c.nodes.size(); ++i) CHECK(back.nodes[i].label == c.nodes[i].label);
  CHECK(back.nodes.back().attrs["score"] == -2.5);
}

TEST_CASE("csv: Gephi's adjacency matrix, symmetric (one tie a pair) and not (an arc a cell), with its weights") {
  ImportReport r;
  // Symmetric: the three ties of a triangle, weights from the cells, the zero pair left out.
  Coalition sym = csv.read(
      ";Staedion;ROC Mondriaan;Wijkmakelaar;Mooi\n"
      "Staedion;0;2;1;0\n"
      "ROC Mondriaan;2;0;0,5;0\n"
      "Wijkmakelaar;1;0,5;0;0\n"
      "Mooi;0;0;0;0\n",
      r);
  REQUIRE(sym.nodes.size() == 4);
  REQUIRE(sym.edges.size() == 3);
  CHECK(has_warning(r, "t.csv:1: read as an adjacency matrix (names across and down, a tie for every cell that is not 0)"));
  double total = 0;
  for (const auto& e : sym.edges) {
    CHECK_FALSE(e.directed);
    CHECK(e.kind == "collaborates");
    total += e.weight;
  }
  CHECK(total == doctest::Approx(3.5));
  CHECK(sym.find("Mooi"));  // a member without ties is still a member
  // Not symmetric: one arc per cell that is not 0, from the row's member to the column's, and a
  // diagonal cell ties a member to itself (Gephi's own matrix.csv).
  ImportReport r2;
  Coalition arcs = csv.read(" ,A,B,C\nA,0,1,2\nB,1,0,0\nC,0,3.5,4\n", r2);
  REQUIRE(arcs.edges.size() == 5);
  std::vector<std::string> got;
  for (const auto& e : arcs.edges) {
    CHECK(e.directed);
    got.push_back(arcs.nodes[e.source].id + ">" + arcs.nodes[e.target].id + "=" + format_number(Lang::en, e.weight, 1));
  }
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::string>{"A>B=1.0", "A>C=2.0", "B>A=1.0", "C>B=3.5", "C>C=4.0"});
  // Names down that differ from those across, or a word in a cell: a plain table, not a matrix.
  ImportReport r3;
  Coalition plain = csv.read(",A,B\nA,0,x\nB,1,0\n", r3);
  CHECK(plain.edges.empty());
  CHECK_FALSE(has_warning(r3, "t.csv:1: read as an adjacency matrix (names across and down, a tie for every cell that is not 0)"));
}

TEST_CASE("csv: Gephi's adjacency list, a member then those it is tied to, one tie per pair") {
  ImportReport r;
  Coalition c = csv.read("a;b\nb;c;d\ne\nf; a ;g;h; i\nc;b\n", r);
  CHECK(has_warning(r, "t.csv:1: read as an adjacency list (each row: a member, then those it is tied to)"));
  CHECK(c.nodes.size() == 9);   // a..i, e without ties
  CHECK(c.edges.size() == 7);   // c;b repeats b;c
  std::vector<std::string> got;
  for (const auto& e : c.edges) got.push_back(c.nodes[e.source].id + "-" + c.nodes[e.target].id);
  CHECK(got == std::vector<std::string>{"a-b", "b-c", "b-d", "f-a", "f-g", "f-h", "f-i"});
  // A matrix or list is a whole network: as one of a pair of tables it is refused with its file.
  CHECK_THROWS_WITH(read_csv_tables("a;b\nb;c;d\n", "lijst.csv", "Source,Target\na,b\n", "e.csv", r, {}),
                    doctest::Contains("lijst.csv:1: an adjacency matrix or list is a whole network by itself"));
}
