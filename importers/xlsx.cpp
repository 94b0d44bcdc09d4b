#include "importers/xlsx.hpp"

#include <atomic>
#include <filesystem>
#include <unistd.h>

#include "core/error.hpp"
#include "importers/csv.hpp"

#ifdef WIJKNET_HAVE_XLSX
#include <xlsxwriter.h>
#endif

namespace wijknet {

#ifdef WIJKNET_HAVE_XLSX

namespace {

// Excel's limit on the characters of one cell; cut at a UTF-8 character boundary.
constexpr std::size_t max_cell = 32767;

std::string fit(std::string s) {
  if (s.size() <= max_cell) return s;
  std::size_t cut = max_cell;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

void check(lxw_error err, const std::string& path, const char* what) {
  if (err != LXW_NO_ERROR) throw WriteError(path + ": " + what + ": " + lxw_strerror(err));
}

void write_sheet(lxw_workbook* book, const char* name, const ExportTable& table, lxw_format* bold, const std::string& path) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  if (!sheet) throw WriteError(path + ": cannot add the sheet " + name);
  for (std::size_t col = 0; col < table.header.size(); ++col)
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(col), fit(table.header[col]).c_str(), bold), path,
          "cannot write a header");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t col = 0; col < table.rows[r].size(); ++col) {
      const Json& v = table.rows[r][col];
      const auto c = static_cast<lxw_col_t>(col);
      lxw_error err = LXW_NO_ERROR;
      if (v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty())) continue;
      if (v.is_boolean()) err = worksheet_write_boolean(sheet, row, c, v.get<bool>(), nullptr);
      else if (v.is_number()) err = worksheet_write_number(sheet, row, c, v.get<double>(), nullptr);
      else err = worksheet_write_string(sheet, row, c, fit(export_cell_text(v)).c_str(), nullptr);
      check(err, path, "cannot write a cell");
    }
  }
}

}  // namespace

bool xlsx_available() { return true; }

void write_xlsx(const Coalition& c, const std::string& path) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> counter{0};
  const fs::path target(path);
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(counter++);
  const std::string tmp = (target.parent_path() / name).string();
  // libxlsxwriter reports a missing folder on stderr itself; say it once, in wijknet's words.
  std::error_code dir_ec;
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(folder, dir_ec)) throw WriteError(path + ": cannot write: the folder " + folder.string() + " does not exist");
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(tmp.c_str(), &options);
  if (!book) throw WriteError(path + ": cannot start a workbook");
  try {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    write_sheet(book, "Elements", nodes_export_table(c), bold, path);
    write_sheet(book, "Connections", edges_export_table(c), bold, path);
  } catch (...) {
    workbook_close(book);
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
  lxw_error err = workbook_close(book);
  std::error_code ec;
  if (err != LXW_NO_ERROR) {
    fs::remove(tmp, ec);
    throw WriteError(path + ": cannot write: " + lxw_strerror(err));
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw WriteError(path + ": cannot replace: " + ec.message());
  }
}

#else

bool xlsx_available() { return false; }

void write_xlsx(const Coalition&, const std::string& path) {
  throw WriteError(path + ": Excel export needs libxlsxwriter, which this build of wijknet lacks");
}

#endif

}  // namespace wijknet
