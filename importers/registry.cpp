#include "importers/registry.hpp"

#include <fstream>
#include <sstream>

#include "core/text/error.hpp"
#include "importers/csv_table.hpp"
#include "core/text/utf8.hpp"

namespace wijknet {
namespace {


std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const auto b = cur.find_first_not_of(" \t");
    const auto e = cur.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
    cur.clear();
  };
  for (char c : text) {
    if (c == '|' || c == ';')
      flush();
    else
      cur += c;
  }
  flush();
  return out;
}

}  // namespace

std::vector<Candidate> read_registry(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "cannot open the candidate registry");
  std::ostringstream buf;
  buf << in.rdbuf();
  const CsvTable table = parse_csv(buf.str(), path);
  if (table.rows.empty()) throw InputError({path, 1, 1}, "the candidate registry is empty (expected a header: name,sector,themes,ties)");
  int col_name = -1, col_sector = -1, col_themes = -1, col_ties = -1;
  const auto& header = table.rows[0];
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string h = ascii_lower(header.fields[i].text);
    if (h == "name" || h == "naam") col_name = int(i);
    else if (h == "sector") col_sector = int(i);
    else if (h == "themes" || h == "themas" || h == "thema's" || h == "theme") col_themes = int(i);
    else if (h == "ties" || h == "banden" || h == "knows") col_ties = int(i);
  }
  if (col_name < 0 || col_sector < 0)
    throw InputError({path, header.line, 1}, "the candidate registry needs the columns name and sector (header: name,sector,themes,ties)");
  std::vector<Candidate> out;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.blank()) continue;
    auto cell = [&](int col) -> std::string {
      return col >= 0 && std::size_t(col) < row.fields.size() ? row.fields[std::size_t(col)].text : std::string();
    };
    Candidate c;
    c.name = cell(col_name);
    if (c.name.empty()) {
      const int column = std::size_t(col_name) < row.fields.size() ? row.fields[std::size_t(col_name)].column : 1;
      throw InputError({path, row.line, column}, "a candidate without a name");
    }
    c.sector = ascii_lower(cell(col_sector));
    c.themes = split_list(cell(col_themes));
    c.ties = split_list(cell(col_ties));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace wijknet
