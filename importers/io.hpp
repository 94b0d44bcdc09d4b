// Reading and writing coalition documents, the format chosen by the file's extension.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace wijknet {

// What an import did: rows read, rows skipped and why, guesses made. Nothing is dropped
// without a line here.
struct ImportReport {
  std::string format;               // "wijknet/1", "graphml", "edgelist", ...
  std::size_t nodes_read = 0;
  std::size_t edges_read = 0;
  std::vector<std::string> warnings;  // "FILE:LINE[:COL]: what was done"
};

struct ReadOptions {
  bool strict = false;  // every warning becomes an error (InputError)
};

struct WriteOptions {
  bool anonymize = false;  // residents' labels and personal attributes become stable pseudonyms
};

// Reads FILE by its extension (.json, .graphml, .edges, .txt, ...). Throws InputError with
// file:line:col on bad input, std::runtime_error when the file cannot be opened.
Coalition read_coalition(const std::string& path, ImportReport* report = nullptr, const ReadOptions& options = {});

// Writes by extension. Writes to a temporary file beside the target, flushes it and renames it
// over the target, so the previous file survives any failure. Throws WriteError.
void write_coalition(const Coalition& coalition, const std::string& path, const WriteOptions& options = {});

// The extensions read_coalition and write_coalition accept, for --help texts.
std::vector<std::string> readable_extensions();
std::vector<std::string> writable_extensions();

}  // namespace wijknet
