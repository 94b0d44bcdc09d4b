#include "importers/io.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/privacy.hpp"
#include "importers/atomic_write.hpp"
#include "importers/csv.hpp"
#include "importers/dot.hpp"
#include "importers/edgelist.hpp"
#include "importers/gexf.hpp"
#include "importers/gml.hpp"
#include "importers/graphml.hpp"
#include "importers/native_json.hpp"
#include "importers/pajek.hpp"
#include "importers/xlsx.hpp"

namespace wijknet {
namespace {

using Reader = Coalition (*)(std::istream&, const std::string&, ImportReport&, const ReadOptions&);
using Writer = void (*)(const Coalition&, std::ostream&);

// One row per extension: adding a format is adding a line (and its file).
// A null reader or writer means the format goes one way only.
struct FileFormat {
  const char* extension;  // lower case, with the dot
  Reader read;
  Writer write;
  // For writers that need the path (CSV's two tables, libxlsxwriter): used instead of `write`;
  // they save through importers/atomic_write.hpp like the rest.
  void (*write_path)(const Coalition&, const std::string&) = nullptr;
};

constexpr FileFormat formats[] = {
    {".json", read_native_json, write_native_json},
    {".edges", read_edgelist, write_edgelist},
    {".txt", read_edgelist, write_edgelist},
    {".graphml", read_graphml, write_graphml},
    {".gexf", read_gexf, write_gexf},
    {".gml", read_gml, write_gml},
    {".net", read_pajek, write_pajek},
    {".dot", read_dot, write_dot},
    {".gv", read_dot, write_dot},
    {".csv", read_csv, write_csv, write_csv_files},
    {".xlsx", nullptr, nullptr, write_xlsx},
};

// The extension of the file name, lower case, with the dot; "" when there is none.
std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

const FileFormat* format_for(const std::string& path) {
  const std::string ext = extension_of(path);
  for (const auto& f : formats)
    if (ext == f.extension) return &f;
  return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
  return s;
}

}  // namespace

Coalition read_coalition(const std::string& path, ImportReport* report, const ReadOptions& options) {
  const FileFormat* format = format_for(path);
  if (!format || !format->read)
    throw InputError(SourceLocation{path}, "cannot read files of type '" + extension_of(path) +
                                                "'; readable: " + joined(readable_extensions()));
  try {
    finish_interrupted_save(path);  // a save of several files killed after its commit point
  } catch (const WriteError& e) {
    std::string what = e.what();
    if (what.rfind(path + ": ", 0) == 0) what.erase(0, path.size() + 2);
    throw InputError(SourceLocation{path}, what);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourceLocation{path}, std::string("cannot open: ") + std::strerror(errno));
  if (std::filesystem::is_directory(path)) throw InputError(SourceLocation{path}, "cannot open: it is a directory");
  ImportReport local;
  ImportReport& r = report ? *report : local;
  Coalition c = format->read(in, path, r, options);
  if (in.bad()) throw InputError(SourceLocation{path}, "read error");
  r.nodes_read = c.nodes.size();
  r.edges_read = c.edges.size();
  return c;
}

void write_coalition(const Coalition& coalition, const std::string& path, const WriteOptions& options) {
  const FileFormat* format = format_for(path);
  if (!format || (!format->write && !format->write_path))
    throw WriteError(path + ": cannot write files of type '" + extension_of(path) +
                     "'; writable: " + joined(writable_extensions()));
  // Pseudonyms are applied here, once, on a copy, so that no writer can forget them.
  const Coalition anonymous = options.anonymize ? anonymized(coalition) : Coalition{};
  const Coalition& out = options.anonymize ? anonymous : coalition;
  if (format->write_path) return format->write_path(out, path);
  write_file_atomically(path, [&](std::ostream& stream) {
    try {
      format->write(out, stream);
    } catch (const WriteError& e) {
      throw WriteError(path + ": " + e.what());
    }
  });
}

std::vector<std::string> readable_extensions() {
  std::vector<std::string> exts;
  for (const auto& f : formats)
    if (f.read) exts.push_back(f.extension);
  return exts;
}

std::vector<std::string> writable_extensions() {
  std::vector<std::string> exts;
  for (const auto& f : formats)
    if (f.write || f.write_path) exts.push_back(f.extension);
  return exts;
}

}  // namespace wijknet
