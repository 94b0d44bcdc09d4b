// Excel export (.xlsx) with libxlsxwriter, in the layout Kumu imports
// (https://docs.kumu.io/guides/import/import: an "Elements" sheet whose first column is Label or
// ID, and a "Connections" sheet whose first columns are From and To).
#pragma once

#include <string>

#include "core/model.hpp"

namespace wijknet {

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
