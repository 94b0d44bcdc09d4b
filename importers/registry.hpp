// The candidate registry of `wijknet suggest --candidates`, `wijknet report --candidates` and the
// viewer's Missing partners panel: possible partners who are not members yet.
#pragma once

#include <string>
#include <vector>

#include "core/assess/suggest.hpp"

namespace wijknet {

// Reads the registry CSV: a header with "name" and "sector" (Dutch "naam" also), and optionally
// "themes" ("themas", "thema's") and "ties" ("banden"); lists inside a cell are separated by '|'
// (or ';' in a comma-separated file). Throws InputError with file:line:col for a missing column
// or a row without a name, and when the file cannot be opened.
std::vector<Candidate> read_registry(const std::string& path);

}  // namespace wijknet
