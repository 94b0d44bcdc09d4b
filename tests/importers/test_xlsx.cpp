#include <doctest/doctest.h>

#include <filesystem>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/xlsx.hpp"

using namespace wijknet;
using wijknet::test::TempDir;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("xlsx: Elements and Connections sheets in Kumu's layout") {
  if (!xlsx_available()) {
    MESSAGE("built without libxlsxwriter; skipped");
    CHECK_THROWS_AS(write_xlsx(test::sample_coalition(), "x.xlsx"), WriteError);
    return;
  }
  if (std::system("unzip -v >/dev/null 2>&1") != 0) {
    MESSAGE("unzip not installed; skipped");
    return;
  }
  TempDir dir("xlsx");
  const std::string path = dir.file("coalitie.xlsx");
  test::write_text(path, "old");
  write_xlsx(test::sample_coalition(), path);
  // Only the workbook is left: the temporary file was renamed over the old one.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator{}) == 1);

  const std::string workbook = test::unzip_text(path, "xl/workbook.xml");
  CHECK(contains(workbook, "name=\"Elements\""));
  CHECK(contains(workbook, "name=\"Connections\""));
  CHECK(workbook.find("Elements") < workbook.find("Connections"));

  const std::string elements = test::unzip_text(path, "xl/worksheets/sheet1.xml");
  for (const char* text : {"Id", "Label", "Type", "Sector", "Themes", "Role", "Description", "gemeente",
                           "Gemeente Den Haag", "Staedion", "Zoë Öztürk", "Portiekenaanpak", "Stichting Één",
                           "wonen|veiligheid", "broker", "municipality", "committed_until", "2027-12-31"})
    CHECK_MESSAGE(contains(elements, std::string(">") + text + "<"), text);
  CHECK(contains(elements, "<v>25000</v>"));  // the budget as a number, not as text

  const std::string connections = test::unzip_text(path, "xl/worksheets/sheet2.xml");
  for (const char* text : {"From", "To", "Type", "Direction", "Strength", "collaborates", "participates", "funds",
                           "undirected", "directed", "lead", "volunteer"})
    CHECK_MESSAGE(contains(connections, std::string(">") + text + "<"), text);
  CHECK(contains(connections, "<v>2.5</v>"));   // a weight
  CHECK(contains(connections, "<v>5000</v>"));  // attrs.amount
}

TEST_CASE("xlsx: a path that cannot be written is a WriteError and leaves nothing behind") {
  if (!xlsx_available()) return;
  TempDir dir("xlsx-fail");
  CHECK_THROWS_AS(write_xlsx(test::sample_coalition(), dir.file("no/such/dir/x.xlsx")), WriteError);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator{}) == 0);
}

TEST_CASE("xlsx: a workbook wijknet writes reads back as its CSV tables do; one sheet by --sheet") {
  if (!xlsx_available()) {
    MESSAGE("built without libxlsxwriter; skipped");
    return;
  }
  TempDir dir("xlsx-read");
  Coalition a = test::sample_coalition();
  a.nodes[1].label = "=Staedion+1";  // formula-like text comes back as written
  a.reindex();
  write_coalition(a, dir.file("kumu.xlsx"));
  write_coalition(a, dir.file("kumu.csv"));
  ImportReport r;
  const Coalition from_xlsx = read_coalition(dir.file("kumu.xlsx"), &r);
  CHECK(r.format == "xlsx");
  CHECK(r.warnings.empty());
  const Coalition from_csv = read_coalition(dir.file("kumu.csv"));
  test::check_same_coalition(from_xlsx, from_csv);
  REQUIRE(from_xlsx.nodes.size() == a.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    CHECK(from_xlsx.nodes[i].id == a.nodes[i].id);
    CHECK(from_xlsx.nodes[i].label == a.nodes[i].label);
    CHECK(from_xlsx.nodes[i].kind == a.nodes[i].kind);
  }
  REQUIRE(from_xlsx.edges.size() == a.edges.size());
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    CHECK(from_xlsx.edges[i].weight == a.edges[i].weight);
    CHECK(from_xlsx.edges[i].directed == a.edges[i].directed);
  }
  // Written again, the workbook reads back the same once more.
  write_coalition(from_xlsx, dir.file("again.xlsx"));
  test::check_same_coalition(read_coalition(dir.file("again.xlsx")), from_xlsx);

  ReadOptions sheet;
  sheet.sheet = "connections";
  const Coalition edges_only = read_coalition(dir.file("kumu.xlsx"), nullptr, sheet);
  CHECK(edges_only.edges.size() == a.edges.size());
  sheet.sheet = "Blad1";
  try {
    read_coalition(dir.file("kumu.xlsx"), nullptr, sheet);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == dir.file("kumu.xlsx") + ": no sheet named 'Blad1'; the workbook has: Elements, Connections");
  }
  test::write_text(dir.file("not.xlsx"), "Id,Label\n");
  CHECK_THROWS_AS(read_coalition(dir.file("not.xlsx")), InputError);
}
