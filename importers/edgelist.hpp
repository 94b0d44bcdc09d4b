// Plain edge lists (.edges, .txt): one tie per line, "source target [weight]", the format of
// networkx's read_weighted_edgelist and of many exports from spreadsheets and scripts.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads "u v [w]" lines: fields separated by spaces or tabs; a field that starts with '#' or '%'
// starts a comment that runs to the end of the line (Matrix Market and KONECT use '%'); blank
// lines are skipped. A node is created the first time its id is mentioned, with label = id and
// kind "partner"; every tie gets kind "collaborates", undirected, weight w (1.0 when absent).
// Errors (InputError at FILE:LINE:COL): a line with one field (at that field), with more than
// three (at the fourth), a weight that is not a finite number (at the weight).
// O(size of the text) with hashing of ids.
Coalition read_edgelist(std::istream& in, const std::string& source_name, ImportReport& report,
                        const ReadOptions& options);

// Writes one line per edge, "source target" or "source target weight" when the weight is not 1,
// after a comment header. Only ids and weights fit this format: a node without ties cannot be
// listed (the header says how many were left out), and kinds, labels, dates and attrs are lost.
// An id that the reader would split or take for a comment (empty, with whitespace, or starting
// with '#' or '%') is written with '_' for each space (and '_' before it when empty or starting
// with '#' or '%'), distinct from every other id, and the header says how many; so no
// coalition fails to write. O(n + m).
void write_edgelist(const Coalition& coalition, std::ostream& out);

}  // namespace wijknet
