#include <doctest/doctest.h>

#include <filesystem>

#include "core/error.hpp"
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
