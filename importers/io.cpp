#include "importers/io.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <filesystem>
#include <fstream>

#include "core/text/error.hpp"
#include "core/model/privacy.hpp"
#include "importers/atomic_write.hpp"
#include "importers/csv.hpp"
#include "importers/dot.hpp"
#include "importers/edgelist.hpp"
#include "importers/gexf.hpp"
#include "importers/gml.hpp"
#include "importers/graphml.hpp"
#include "importers/native_json.hpp"
#include "importers/pajek.hpp"
#include "importers/text_encoding.hpp"
#include "core/text/utf8.hpp"
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
    {".xlsx", read_xlsx, nullptr, write_xlsx},
};

// The extension of the file name, lower case, with the dot; "" when there is none.
std::string extension_of(const std::string& path) {
  return ascii_lower(std::filesystem::path(path).extension().string());
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

std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

// The limits of ReadLimits that only the whole document shows, checked after the reader: counts
// (a file within file_mb can hold more nodes than the limit allows) and the length of each text.
void check_limits(const Coalition& c, const std::string& path, const ReadLimits& limits) {
  const std::string how = " (WIJKNET_LIMITS=";
  if (c.nodes.size() > limits.nodes)
    throw InputError(SourceLocation{path}, std::to_string(c.nodes.size()) + " nodes; wijknet reads up to " +
                                               std::to_string(limits.nodes) + how + "nodes=N raises the limit)");
  if (c.edges.size() > limits.edges)
    throw InputError(SourceLocation{path}, std::to_string(c.edges.size()) + " edges; wijknet reads up to " +
                                               std::to_string(limits.edges) + how + "edges=N raises the limit)");
  // `what` names the text only when it is too long: building the name for every edge of a large
  // file would cost more than the check.
  auto too_long = [&](auto&& what, std::size_t size) {
    if (size > limits.attribute_bytes)
      throw InputError(SourceLocation{path}, what() + " is " + std::to_string(size) + " bytes long; wijknet reads texts up to " +
                                                 std::to_string(limits.attribute_bytes >> 10) + " KB" + how +
                                                 "attribute_kb=N raises the limit)");
  };
  auto check_json = [&](auto&& owner, const Json& attrs) {
    for (const auto& item : attrs.items()) {
      too_long([&] { return owner() + " attribute name '" + item.key().substr(0, 40) + "'"; }, item.key().size());
      if (item.value().is_string())
        too_long([&] { return owner() + " attribute '" + item.key() + "'"; }, item.value().get_ref<const std::string&>().size());
    }
  };
  for (const auto& n : c.nodes) {
    auto node = [&] { return "node '" + n.id.substr(0, 40) + "'"; };
    too_long([] { return std::string("a node id"); }, n.id.size());
    too_long([&] { return "the label of " + node(); }, n.label.size());
    check_json(node, n.attrs);
  }
  for (std::size_t i = 0; i < c.edges.size(); ++i)
    check_json([i] { return "edge " + std::to_string(i + 1); }, c.edges[i].attrs);
}

std::size_t parse_limit(const std::string& name, const std::string& value) {
  std::size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || value[0] == '-')
    throw std::invalid_argument("WIJKNET_LIMITS: " + name + "='" + value + "' is not a whole number");
  return std::size_t(n);
}

}  // namespace

const ReadLimits& ReadLimits::standard() {
  static const ReadLimits limits = [] {
    ReadLimits l;
    const char* env = std::getenv("WIJKNET_LIMITS");
    if (!env) return l;
    std::string spec = env;
    for (std::size_t start = 0; start <= spec.size();) {
      std::size_t end = spec.find(',', start);
      if (end == std::string::npos) end = spec.size();
      const std::string item = spec.substr(start, end - start);
      start = end + 1;
      if (item.empty()) continue;
      const auto eq = item.find('=');
      const std::string name = item.substr(0, eq), value = eq == std::string::npos ? "" : item.substr(eq + 1);
      if (name == "file_mb") l.file_bytes = std::uint64_t(parse_limit(name, value)) << 20;
      else if (name == "nodes") l.nodes = parse_limit(name, value);
      else if (name == "edges") l.edges = parse_limit(name, value);
      else if (name == "attribute_kb") l.attribute_bytes = parse_limit(name, value) << 10;
      else if (name == "depth") l.depth = int(std::min<std::size_t>(parse_limit(name, value), 100000));
      else
        throw std::invalid_argument("WIJKNET_LIMITS: unknown limit '" + name +
                                    "' (known: file_mb, nodes, edges, attribute_kb, depth)");
    }
    return l;
  }();
  return limits;
}

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
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > options.limits.file_bytes)
    throw InputError(SourceLocation{path}, "the file is " + megabytes(size) + "; wijknet reads files up to " +
                                               megabytes(options.limits.file_bytes) +
                                               " (WIJKNET_LIMITS=file_mb=N raises the limit)");
  ImportReport local;
  ImportReport& r = report ? *report : local;
  Coalition c;
  try {
    c = format->read(in, path, r, options);
  } catch (const std::bad_alloc&) {
    throw InputError(SourceLocation{path}, "not enough memory to read this file of " +
                                               megabytes(size_error ? 0 : size));
  }
  if (in.bad()) throw InputError(SourceLocation{path}, "read error");
  make_strings_valid_utf8(c);  // readers decode their text; this guards what escapes build
  check_limits(c, path, options.limits);
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
  try {
    if (format->write_path) return format->write_path(out, path);
    write_file_atomically(path, [&](std::ostream& stream) {
      try {
        format->write(out, stream);
      } catch (const WriteError& e) {
        throw WriteError(path + ": " + e.what());
      }
    });
  } catch (const std::bad_alloc&) {
    throw WriteError(path + ": cannot write: not enough memory (the old file is left as it was)");
  }
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
