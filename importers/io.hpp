// Reading and writing coalition documents, the format chosen by the file's extension.
//
// Each format lives in its own file, importers/<fmt>.hpp|cpp, with a reader and a writer side by
// side:
//   Coalition read_<fmt>(std::istream& in, const std::string& source_name, ImportReport& report,
//                        const ReadOptions& options);
//   void write_<fmt>(const Coalition& c, std::ostream& out);
// and one row in the extension table at the top of importers/io.cpp. Readers throw InputError
// at FILE:LINE:COL (importers/source_text.hpp turns offsets into lines and columns and records
// warnings); writers throw WriteError for what their format cannot hold. Anonymisation and the
// atomic replacement of the file are done here, once, for every format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"

namespace wijknet {

// What an import did: rows read, rows skipped and why, guesses made. Nothing is dropped
// without a line here.
struct ImportReport {
  std::string format;               // "wijknet/1", "graphml", "edgelist", ...
  std::size_t nodes_read = 0;
  std::size_t edges_read = 0;
  std::vector<std::string> warnings;  // "FILE:LINE[:COL]: what was done"
};

// What one file may hold, so that no file can exhaust the machine: a file past a limit is refused
// with a message that names the file and the limit, never read halfway. The defaults are far
// beyond any coalition (the largest real ones have a few thousand nodes). A read's memory grows
// with the nodes and ties: about 15 times the file's size for an edge list of short numeric ids
// (README, "Speed"), less for files that spell their members out. The environment variable WIJKNET_LIMITS overrides
// them for the command line and the viewer: "file_mb=4096,nodes=20000000" (names as below,
// file_mb and attribute_kb in MiB and KiB); a program sets ReadOptions::limits itself.
struct ReadLimits {
  std::uint64_t file_bytes = 1ull << 30;   // file_mb: 1 GiB
  std::size_t nodes = 10'000'000;          // nodes, declared or read (Pajek's *Vertices N too)
  std::size_t edges = 50'000'000;          // edges
  std::size_t attribute_bytes = 1 << 20;   // attribute_kb: one label, id or attribute value, 1 MiB
  int depth = 512;                         // depth: nesting of JSON values (importers/source_text.hpp)

  // The defaults with WIJKNET_LIMITS applied; an unknown name or a value that is no whole
  // number throws std::invalid_argument naming WIJKNET_LIMITS. Read once per process.
  static const ReadLimits& standard();
};

struct ReadOptions {
  bool strict = false;  // every warning becomes an error (InputError)
  std::string encoding;  // --encoding: force the text encoding (importers/text_encoding.hpp); "" detects
  std::string sheet;     // --sheet: the worksheet of an .xlsx to read (importers/xlsx.hpp); "" the first
  ReadLimits limits = ReadLimits::standard();
};

struct WriteOptions {
  bool anonymize = false;  // residents' labels and personal attributes become stable pseudonyms
};

// Reads FILE by its extension, case-insensitive (.json, .graphml, .edges, .txt, ...). Throws
// InputError with file:line:col on bad input, and InputError with the file name alone ("FILE:
// cannot open: No such file or directory") when the file cannot be opened or its extension is
// not one read_coalition knows. Fills `report` (format, counts, warnings) when given. A save of
// FILE with several files (CSV) that was interrupted after its commit point is completed first
// (importers/atomic_write.hpp, finish_interrupted_save), so the tables read belong together.
Coalition read_coalition(const std::string& path, ImportReport* report = nullptr, const ReadOptions& options = {});

// Writes by extension. With options.anonymize, the writer gets anonymized(coalition) (core/
// privacy.hpp) instead. Every format, CSV's two tables and XLSX included, is saved by
// importers/atomic_write.hpp: a temporary file "PATH.tmp-PID-XXXXXX" created with O_EXCL beside the
// target, written, checked, fsynced, renamed over the target, the folder fsynced; a symbolic link
// is followed and the permission bits of the old file are kept; a CSV pair is committed by a
// manifest, so both tables are old or both new. The previous file survives any failure, a
// SIGKILL included; temporary files a killed save left are removed by the next save. Throws
// WriteError "PATH: what went wrong".
void write_coalition(const Coalition& coalition, const std::string& path, const WriteOptions& options = {});

// The extensions read_coalition and write_coalition accept, for --help texts.
std::vector<std::string> readable_extensions();
std::vector<std::string> writable_extensions();

}  // namespace wijknet
