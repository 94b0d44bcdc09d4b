#include "importers/xlsx.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/atomic_write.hpp"
#include "importers/csv.hpp"
#include "importers/csv_table.hpp"
#include "importers/source_text.hpp"
#include "importers/xml_common.hpp"

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
  s.resize(utf8_boundary_at_or_before(s, max_cell));
  return s;
}

void check(lxw_error err, const std::string& path, const char* what) {
  if (err != LXW_NO_ERROR) throw WriteError(path + ": " + what + ": " + lxw_strerror(err));
}

void write_sheet(lxw_workbook* book, const char* name, const ExportTable& table, lxw_format* bold, const std::string& path) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  if (!sheet) throw WriteError(path + ": cannot add the sheet " + name);
  for (std::size_t col = 0; col < table.header.size(); ++col)
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(col), fit(spreadsheet_text(table.header[col])).c_str(), bold), path,
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
      else err = worksheet_write_string(sheet, row, c, fit(spreadsheet_text(export_cell_text(v))).c_str(), nullptr);
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
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    if (const auto seconds = read_plain_integer(epoch); seconds && *seconds > 0) properties.created = std::time_t(*seconds);
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

// ---- Reading ---------------------------------------------------------------------------------

namespace {

// One part of the workbook's zip, or nullopt when the workbook has no such part.
std::optional<std::string> zip_part(zip_t* archive, const std::string& name, const std::string& source) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, name.c_str(), 0, &st) != 0) return std::nullopt;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(archive, name.c_str(), 0), zip_fclose);
  if (!f) throw InputError(SourceLocation{source}, "cannot read " + name + " in the workbook: " + zip_strerror(archive));
  std::string out;
  char buffer[65536];
  for (zip_int64_t n; (n = zip_fread(f.get(), buffer, sizeof buffer)) > 0;) {
    out.append(buffer, std::size_t(n));
    if (out.size() > (std::size_t(1) << 31)) throw InputError(SourceLocation{source}, name + " in the workbook is over 2 GB");
  }
  return out;
}

pugi::xml_document parse_part(const std::string& text, const std::string& part, const std::string& source) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
  if (!result) {
    const SourceLocation at = location_at(text, std::size_t(result.offset), source + "[" + part + "]");
    throw InputError(at, std::string("malformed XML in the workbook: ") + result.description());
  }
  return doc;
}

// All text of a shared string or inline string: <t> directly, or the <t> of each rich-text run.
std::string cell_text(const pugi::xml_node& n) {
  std::string out;
  for (auto child : n.children()) {
    if (xml_element_named(child, "t")) out += child.text().get();
    else if (xml_element_named(child, "r"))
      for (auto t : child.children())
        if (xml_element_named(t, "t")) out += t.text().get();
  }
  return out;
}

// "BC12" -> column 54 (0-based: 54 = B*26 + C - 1 ...); -1 when the reference has no letters.
long column_of(std::string_view ref) {
  long col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return -1;  // Excel's last column is XFD
  }
  return i == 0 ? -1 : col - 1;
}

std::string csv_quoted(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

struct Sheet {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
};

// The sheet as a ','-separated table, a line per row (rows the sheet skips stay as empty lines,
// so that line N of the table is row N of the sheet in messages).
std::string sheet_as_csv(const std::string& xml, const std::string& part, const std::vector<std::string>& shared,
                         const std::string& source) {
  const pugi::xml_document doc = parse_part(xml, part, source);
  std::string out;
  long line = 0;
  std::size_t width = 0;
  for (auto data : doc.document_element().children()) {
    if (!xml_element_named(data, "sheetData")) continue;
    for (auto row : data.children()) {
      if (!xml_element_named(row, "row")) continue;
      const long r = row.attribute("r").as_llong(line + 1);
      if (r <= line || r > 1048576) throw InputError({source, int(line + 1), 0}, "rows out of order in sheet " + part);
      for (; line + 1 < r; ++line) out += '\n';
      std::vector<std::string> cells;
      for (auto c : row.children()) {
        if (!xml_element_named(c, "c")) continue;
        long col = c.attribute("r") ? column_of(c.attribute("r").value()) : long(cells.size());
        if (col < 0) col = long(cells.size());
        const std::string type = c.attribute("t").value();
        std::string value;
        pugi::xml_node v;
        for (auto child : c.children())
          if (xml_element_named(child, "v")) v = child;
        if (type == "s") {
          const auto index = v.text().as_ullong(shared.size());
          if (index >= shared.size()) throw InputError({source, int(r), int(col + 1)}, "shared string " + std::string(v.text().get()) + " does not exist");
          value = shared[index];
        } else if (type == "inlineStr") {
          for (auto child : c.children())
            if (xml_element_named(child, "is")) value = cell_text(child);
        } else if (type == "b") {
          value = std::string(v.text().get()) == "1" ? "true" : "false";
        } else if (type == "e") {
          value = "";  // #N/A, #DIV/0!: no value
        } else {
          value = v.text().get();  // numbers as Excel stores them, "str" formula results
        }
        if (std::size_t(col) >= cells.size()) cells.resize(std::size_t(col) + 1);
        cells[std::size_t(col)] = std::move(value);
      }
      // Excel leaves out empty cells at the end of a row; the header says how wide rows are.
      if (line == 0 || width == 0) width = cells.size();
      if (cells.size() < width) cells.resize(width);
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_quoted(cells[i]);
      out += '\n';
      ++line;
    }
  }
  return out;
}

}  // namespace

Coalition read_xlsx(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  const std::string bytes = read_all(in);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw InputError(SourceLocation{source_name}, std::string("cannot read the workbook: ") + zip_error_strerror(&error));
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!raw) {
    zip_source_free(src);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw InputError(SourceLocation{source_name}, "not an Excel workbook (.xlsx is a zip archive): " + why);
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(raw, zip_discard);

  const auto workbook = zip_part(archive.get(), "xl/workbook.xml", source_name);
  if (!workbook) throw InputError(SourceLocation{source_name}, "not an Excel workbook: it has no xl/workbook.xml");
  // Sheet names and their parts, through the workbook's relationships.
  std::map<std::string, std::string> targets;
  if (const auto rels = zip_part(archive.get(), "xl/_rels/workbook.xml.rels", source_name)) {
    const auto doc = parse_part(*rels, "xl/_rels/workbook.xml.rels", source_name);
    for (auto rel : doc.document_element().children()) {
      std::string target = rel.attribute("Target").value();
      if (target.rfind("/", 0) == 0) target.erase(0, 1);
      else target = "xl/" + target;
      targets[rel.attribute("Id").value()] = target;
    }
  }
  std::vector<Sheet> sheets;
  {
    const auto doc = parse_part(*workbook, "xl/workbook.xml", source_name);
    for (auto part : doc.document_element().children()) {
      if (!xml_element_named(part, "sheets")) continue;
      for (auto sheet : part.children()) {
        if (!xml_element_named(sheet, "sheet")) continue;
        std::string rid;
        for (auto a : sheet.attributes())
          if (std::string_view(a.name()).size() >= 3 && std::string_view(a.name()).substr(std::string_view(a.name()).size() - 3) == ":id") rid = a.value();
        const auto it = targets.find(rid);
        sheets.push_back({sheet.attribute("name").value(),
                          it != targets.end() ? it->second : "xl/worksheets/sheet" + std::to_string(sheets.size() + 1) + ".xml"});
      }
    }
  }
  if (sheets.empty()) throw InputError(SourceLocation{source_name}, "the workbook has no sheets");
  std::vector<std::string> shared;
  if (const auto strings = zip_part(archive.get(), "xl/sharedStrings.xml", source_name)) {
    const auto doc = parse_part(*strings, "xl/sharedStrings.xml", source_name);
    for (auto si : doc.document_element().children())
      if (xml_element_named(si, "si")) shared.push_back(cell_text(si));
  }
  auto table = [&](const Sheet& s) {
    const auto xml = zip_part(archive.get(), s.part, source_name);
    if (!xml) throw InputError(SourceLocation{source_name}, "sheet '" + s.name + "' has no part " + s.part);
    return sheet_as_csv(*xml, s.part, shared, source_name + "[" + s.name + "]");
  };
  auto named = [&](std::string_view name) -> const Sheet* {
    for (const auto& s : sheets)
      if (ascii_lower(s.name) == ascii_lower(name)) return &s;
    return nullptr;
  };
  Coalition c;
  if (!options.sheet.empty()) {
    const Sheet* s = named(options.sheet);
    if (!s) {
      std::string names;
      for (const auto& sh : sheets) names += (names.empty() ? "" : ", ") + sh.name;
      throw InputError(SourceLocation{source_name}, "no sheet named '" + options.sheet + "'; the workbook has: " + names);
    }
    c = read_csv_tables(table(*s), source_name + "[" + s->name + "]", "", "", report, options);
  } else if (const Sheet* elements = named("Elements"), *connections = named("Connections"); elements || connections) {
    // Kumu's workbook: elements and connections, either may be missing.
    c = read_csv_tables(elements ? table(*elements) : std::string(), elements ? source_name + "[" + elements->name + "]" : "",
                        connections ? table(*connections) : std::string(),
                        connections ? source_name + "[" + connections->name + "]" : "", report, options);
  } else {
    c = read_csv_tables(table(sheets.front()), source_name + "[" + sheets.front().name + "]", "", "", report, options);
  }
  report.format = "xlsx";
  return c;
}

}  // namespace wijknet
