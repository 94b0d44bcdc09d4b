// CSV tables as coordinators keep them: a nodes table and an edges table, in the conventions of
// Kumu and Gephi, or a survey table as the PARTNER tool collects it.
//
// What a table is, from its header (names compared without case, spaces, '_', '-' or quotes):
// - an edges table has a source and a target column: Source/Target (Gephi), From/To (Kumu),
//   Van/Naar (Dutch);
// - a survey table has a respondent column (Respondent, Ego) and a named-partner column (Partner,
//   Named, Alter, Genoemde partner): each row is one answer and becomes a directed edge of kind
//   `tie` from respondent to partner, with the Frequency, Trust and Value answers (also Dutch
//   Frequentie, Vertrouwen, Waarde) as attrs.frequency, attrs.trust and attrs.value;
// - Gephi's adjacency matrix (a blank first header cell, the same names across the header and
//   down the first column, a number in every other cell): a tie from the row's member to the
//   column's for every cell that is not 0, the cell its weight; one undirected tie per pair when
//   the matrix is symmetric, else one arc per cell; a diagonal cell ties a member to itself;
// - Gephi's adjacency list (no header: no column name above is known or says it names
//   something, and rows of different lengths): each row a member, then those it is tied to, one
//   undirected `collaborates` tie per pair named;
//   both are reported as a note (how the file was read) and are whole networks by themselves;
// - any other table is a nodes table.
//
// Columns of a nodes table: Id; Label (Name, Naam, Titel); Type (Kind, Soort) as the node's kind,
// with Organisation/Organisatie -> partner, Person/Persoon/Bewoner -> resident; Sector; Themes
// (Thema's, Themas, Thema; several separated by '|'); Role (Rol); Description (Omschrijving) as
// attrs.description; Tags (several separated by '|', as Kumu writes them) as attrs.tags, a list;
// Since/Start and Until/End (Sinds/Vanaf, Tot/Einde) as dates; Timeset (Gephi intervals such as
// "[2016-02-03, Infinity]" or "<[2000, 2005]>": since/until when their bounds are dates,
// otherwise kept as attrs.timeset); X and Y as the layout. A table without an Id column takes the
// label as the id (Kumu identifies elements by label); one without a Label or Id column takes a
// column whose name says name/naam/organisatie/partner, else the first column, as the label and
// reports that guess. Every other column becomes an attribute under its own name, typed
// (infer_value); a name "attr.K" (written for attributes whose key is a known column name)
// becomes attrs[K]. An id seen again updates the node (its non-empty cells win) and is reported.
// Defaults, as the other readers: label = id, kind "partner".
//
// Columns of an edges table: Source/From/Van, Target/To/Naar (node ids, or labels when no id
// matches, as Kumu's From/To refer to labels; several targets in one cell separated by '|' make
// one edge each, as in Kumu); Type (Directed/Undirected/Mutual as Gephi writes it sets the
// direction, any other value is the edge's kind); Kind; Direction (Richting); Weight/Strength/
// Gewicht as the weight (1.0 when empty; text such as Kumu's "Strong" is kept as attrs.strength
// with weight 1.0 and a warning); Since/Until/Timeset as for nodes; Label, Description and Tags
// as attrs.label, attrs.description and attrs.tags; Id as extra.id (as read_graphml keeps it);
// a row whose Id an earlier row has is skipped with a warning (Gephi keeps the first).
// Kind "collaborates" and undirected unless the table says otherwise (DOMAIN.md: undirected
// unless the data says so; Gephi and Kumu would assume directed). Endpoints that are no node are
// created on first mention, label = id, kind "partner" (reported when a nodes table was given).
//
// Parsing (importers/csv_table.hpp): ',', ';', tab or space detected from the header; RFC 4180
// quotes with delimiters, doubled quotes and line ends inside; UTF-8 with or without a BOM; CRLF.
// In ';'- and tab-separated tables a decimal comma is accepted ("0,5"). Blank rows are skipped with
// a note; a row with more or fewer fields than the header is a warning with its line (an error
// under --strict): extra fields are ignored, missing ones are empty. Notes (a blank row, a
// companion table read) go into the report's warnings like the rest but never stop a --strict
// import; every guess, duplicate, ragged row or unreadable value does.
//
// Writing: a coalition is two tables. write_csv writes the edges table ("connections", From, To,
// Type, Direction, Strength, Since, Until, then one column per edge attribute) and
// write_csv_nodes the nodes table ("elements", Id, Label, Type, Sector, Themes, Role, Since,
// Until, Description, Tags, X, Y, then one column per node attribute), both ','-separated UTF-8
// without BOM, the layout Kumu and Gephi import. For a path OUT.csv, write_csv_files writes the
// edges to OUT.csv and the nodes to OUT_nodes.csv, and read_csv on OUT.csv picks OUT_nodes.csv up
// again, so a round trip through one .csv path keeps nodes without edges and node attributes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads one table (nodes, edges or survey: see above) from `in`. When `source_name` is a file
// that exists, the companion table beside it is read too, and the report says so: for an edges
// or survey table STEM.csv the nodes table STEM_nodes.csv (or nodes.csv beside edges.csv,
// elements.csv beside Kumu's connections.csv, or X_nodes.csv beside X_edges.csv); for a nodes
// table STEM.csv the edges table STEM_edges.csv (or edges.csv beside nodes.csv, connections.csv
// beside elements.csv, or X_edges.csv beside X_nodes.csv). Throws InputError with
// file:line:col on bad input. O(size of the tables).
Coalition read_csv(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options);

// Reads a nodes table and an edges (or survey) table given by path; either path may be empty.
// No companion files are looked for. Throws std::runtime_error when a file cannot be opened.
Coalition read_csv_pair(const std::string& nodes_path, const std::string& edges_path, ImportReport& report,
                        const ReadOptions& options);

// The same from two texts already in memory, named for messages.
Coalition read_csv_tables(std::string_view nodes_text, const std::string& nodes_name, std::string_view edges_text,
                          const std::string& edges_name, ImportReport& report, const ReadOptions& options);

// The two tables a coalition is exported as, with typed cells (text, numbers, booleans, null for
// empty; lists of text are joined with '|' when written as text). write_csv, write_csv_nodes and
// write_xlsx (importers/xlsx.hpp) all write these, so the CSV and Excel layouts cannot drift apart.
struct ExportTable {
  std::vector<std::string> header;
  std::vector<std::vector<Json>> rows;
};
ExportTable nodes_export_table(const Coalition& c);
ExportTable edges_export_table(const Coalition& c);
// A cell as the text a spreadsheet shows: lists joined with '|', objects as JSON, null as "".
std::string export_cell_text(const Json& value);

// The edges table of `c` (see above). O(n + m + size of the attributes).
void write_csv(const Coalition& c, std::ostream& out);
// The nodes table of `c` (see above).
void write_csv_nodes(const Coalition& c, std::ostream& out);

// Writes the edges table to `path` and the nodes table to the companion path as one save
// (importers/atomic_write.hpp, write_files_atomically): both old or both new, whatever happens.
// Throws WriteError.
void write_csv_files(const Coalition& c, const std::string& path);

// The companion nodes-table path of an edges-table path: "net.csv" -> "net_nodes.csv",
// "net_edges.csv" -> "net_nodes.csv", "edges.csv" -> "nodes.csv".
std::string csv_nodes_path_for(const std::string& edges_path);
// The companion edges-table path of a nodes-table path: "net_nodes.csv" -> "net_edges.csv",
// "nodes.csv" -> "edges.csv", "net.csv" -> "net_edges.csv".
std::string csv_edges_path_for(const std::string& nodes_path);

}  // namespace wijknet
