#include "importers/xlsx.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "importers/atomic_write.hpp"
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
  const fs::path target(save_target(path));
  // libxlsxwriter reports a missing folder on stderr itself; say it once, in wijknet's words.
  std::error_code dir_ec;
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(folder, dir_ec)) throw WriteError(path + ": cannot write: the folder " + folder.string() + " does not exist");
  // libxlsxwriter writes to a path, not a stream: it writes into a folder of our own (mkdtemp,
  // mode 0700, named like the temporary files of atomic_write.hpp so that a killed save's folder
  // is removed by the next save), and the finished workbook is saved from memory like every other
  // format (write_file_atomically: O_EXCL, fsync, rename, folder fsync, link and permissions).
  std::string private_dir = target.string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  if (!::mkdtemp(private_dir.data())) throw WriteError(path + ": cannot write: " + std::strerror(errno));
  struct RemoveDir {
    std::string dir;
    ~RemoveDir() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove_dir{private_dir};
  const std::string book_path = private_dir + "/book.xlsx";
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = private_dir.data();
  lxw_workbook* book = workbook_new_opt(book_path.c_str(), &options);
  if (!book) throw WriteError(path + ": cannot start a workbook");
  // The creation time inside the workbook: now, or SOURCE_DATE_EPOCH when set (the convention of
  // reproducible builds), so that the same document can give the same bytes.
  lxw_doc_properties properties = {};
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) properties.created = std::time_t(std::strtoll(epoch, nullptr, 10));
  if (properties.created) workbook_set_properties(book, &properties);
  try {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    write_sheet(book, "Elements", nodes_export_table(c), bold, path);
    write_sheet(book, "Connections", edges_export_table(c), bold, path);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  const lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) throw WriteError(path + ": cannot write: " + lxw_strerror(err));
  std::ifstream in(book_path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || !bytes) throw WriteError(path + ": cannot write: the workbook could not be read back from " + private_dir);
  const std::string workbook = std::move(bytes).str();
  write_file_atomically(path, [&](std::ostream& out) { out << workbook; });
}

#else

bool xlsx_available() { return false; }

void write_xlsx(const Coalition&, const std::string& path) {
  throw WriteError(path + ": Excel export needs libxlsxwriter, which this build of wijknet lacks");
}

#endif

}  // namespace wijknet
