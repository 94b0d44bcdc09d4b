// Excel (.xlsx): read with libzip and pugixml, exported with libxlsxwriter, in the layout Kumu imports
// (https://docs.kumu.io/guides/import/import: an "Elements" sheet whose first column is Label or
// ID, and a "Connections" sheet whose first columns are From and To).
#pragma once

#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads a workbook (.xlsx, Office Open XML: a zip of XML parts, opened with libzip and parsed
// with pugixml) as the CSV tables of importers/csv.hpp, with the same column conventions:
// - Kumu's workbook: the sheets "Elements" and "Connections" (case ignored; either may be
//   missing) as the nodes and the edges table, which is what write_xlsx writes;
// - otherwise the first sheet, or the one options.sheet names (--sheet), as one table (nodes,
//   edges or survey, by its header).
// Cells: shared and inline strings as text, numbers as Excel stores them, booleans as
// true/false, errors (#N/A) as empty. Messages name the sheet: "FILE[Elements]:ROW:COL" (line
// N is row N). Throws InputError for a file that is not a workbook, a missing sheet, malformed
// XML. O(size of the workbook).
Coalition read_xlsx(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options);

// True when this build has libxlsxwriter (CMake found XLSXWRITER_LIB); write_xlsx throws otherwise.
bool xlsx_available();

// Writes `c` to PATH as a workbook with two sheets, the tables of importers/csv.hpp
// (nodes_export_table, edges_export_table) with typed cells:
// - "Elements": Id, Label, Type (the kind), Sector, Themes, Role, Since, Until, Description,
//   Tags ('|'-separated, as Kumu reads multiple values), X, Y, then one column per attribute;
// - "Connections": From, To (element ids, which Kumu matches to the Id column), Type (the kind),
//   Direction, Strength (the weight), Since, Until, Label, Description, Tags, then attributes.
// Columns that no element or connection uses are left out. Numbers and booleans are written as
// Excel numbers and booleans, text as text (cut at Excel's limit of 32,767 characters), the
// header row in bold. libxlsxwriter writes to a path, not a stream: the workbook is made in a
// private folder beside PATH, then saved like every format (importers/atomic_write.hpp), so a
// failure or a kill leaves the old file. The creation time inside is SOURCE_DATE_EPOCH when set
// (the same document then gives the same bytes), otherwise now. Rows are
// streamed (constant-memory mode), so the sheets' XML holds the text inline. Throws WriteError
// ("PATH: ..."). O(n + m + size of the attributes).
void write_xlsx(const Coalition& c, const std::string& path);

}  // namespace wijknet
