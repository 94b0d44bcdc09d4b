// Every exchange format through the public entry points (write_coalition, read_coalition), as
// `wijknet convert` uses them: what each format can hold comes back, and --anonymize leaves no
// resident's name in any output file.
#include <doctest/doctest.h>

#include <set>
#include <tuple>

#include "formats_sample.hpp"
#include "importers/io.hpp"
#include "importers/xlsx.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

TEST_CASE("write_coalition then read_coalition keeps what each format holds") {
  TempDir dir("roundtrip");
  const Coalition a = test::sample_coalition();
  for (const char* ext : {".csv", ".gexf", ".gml", ".net", ".dot", ".gv"}) {
    CAPTURE(ext);
    const std::string path = dir.file(std::string("net") + ext);
    write_coalition(a, path);
    ImportReport r;
    Coalition b = read_coalition(path, &r);
    const bool pajek = std::string(ext) == ".net";  // labels, weights, directions and positions only
    REQUIRE(b.nodes.size() == a.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
      CAPTURE(a.nodes[i].id);
      std::string label = a.nodes[i].label;
      if (pajek) std::replace(label.begin(), label.end(), '"', '\'');
      CHECK(b.nodes[i].label == label);
      CHECK(b.nodes[i].id == (pajek ? label : a.nodes[i].id));
      if (!pajek) {
        CHECK(b.nodes[i].kind == a.nodes[i].kind);
        CHECK(b.nodes[i].sector == a.nodes[i].sector);
        CHECK(b.nodes[i].since == a.nodes[i].since);
      }
      CHECK(b.layout.at(b.nodes[i].id) == a.layout.at(a.nodes[i].id));
    }
    REQUIRE(b.edges.size() == a.edges.size());
    std::multiset<std::tuple<std::size_t, std::size_t, double, bool, std::string>> want, got;
    for (const auto& e : a.edges) want.emplace(e.source, e.target, e.weight, e.directed, pajek ? "" : e.kind);
    for (const auto& e : b.edges) got.emplace(e.source, e.target, e.weight, e.directed, pajek ? "" : e.kind);
    CHECK(want == got);
  }
}

TEST_CASE("--anonymize: no resident's name, id or personal attribute in any output format") {
  TempDir dir("anonymize");
  const Coalition a = test::sample_coalition();  // resident "zoe", "Zoë Öztürk", with a description
  std::vector<std::string> exts = {".csv", ".gexf", ".gml", ".net", ".dot", ".json", ".graphml", ".edges"};
  if (xlsx_available()) exts.push_back(".xlsx");
  for (const auto& ext : exts) {
    CAPTURE(ext);
    const std::string path = dir.file("anon" + ext);
    write_coalition(a, path, WriteOptions{true});
    std::string text = ext == ".xlsx" ? test::unzip_text(path) : test::read_text(path);
    if (ext == ".csv") text += test::read_text(dir.file("anon_nodes.csv"));
    REQUIRE_FALSE(text.empty());
    for (const char* secret : {"Zoë", "Zo&#235;", "Öztürk", "zt&#252;rk", "zoe", "actief in de wijk"})
      CHECK_MESSAGE(text.find(secret) == std::string::npos, secret);
    CHECK(text.find("taedion") != std::string::npos);  // partners keep their names (ids in .edges)
  }
}
