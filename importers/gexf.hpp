// GEXF (https://gexf.net), Gephi's own format: versions 1.1draft, 1.2draft and 1.3 read, 1.2draft
// and 1.3 written.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads a GEXF document with pugixml.
// Graph: defaultedgetype (directed, undirected or mutual; undirected when absent); meta <title>
// -> name, meta <description> -> extra.description; graph attributes other than
// defaultedgetype, timeformat and idtype (mode="slice", timestamp="2007", timerepresentation,
// start, end) are kept in extra.gexf, an object.
// Attributes: every `<attributes class="node|edge">` (static or dynamic) declares
// `<attribute id title type>` with an optional `<default>`; values are typed by it: integer,
// long, short, byte, biginteger -> integers; float, double, bigdecimal -> numbers; boolean ->
// true/false; list types ("[a, b]" or "a|b") -> lists; string, anyURI, date, char -> text. A
// node or edge without a value takes the default. `<attvalue>` may stand in `<attvalues>` or
// directly in the node (Gephi writes both). A value with start/end (a dynamic attribute) is kept
// as a list of {"value", "start", "end"} objects.
// Mapping, by title (case-insensitive): kind or type -> kind; sector; role; themes (a list, or
// text split on '|'); on edges weight -> Edge::weight and a boolean "directed" -> the edge's
// direction (write_gexf's mixed networks); value="null" (Gephi) is no value; "attr.K" -> attrs[K]; every other title
// -> attrs[title] with its typed value. Node label -> Node::label (the id when absent); edge
// label -> attrs.label; edge id -> extra.id; `kind` on an edge (GEXF 1.3) -> Edge::kind.
// Time: start/end (and startopen/endopen), `<spells>` and GEXF 1.1 `<slices>` become since/until
// when every bound is a date or a year (period_of in importers/csv_table.hpp; an open bound is
// none); otherwise they are kept as attrs.start/attrs.end (one interval) or attrs.spells, a list
// of [start, end] pairs. `timestamps` are kept as attrs.timestamps.
// Viz: viz:position x,y -> Coalition::layout (z, when not 0, -> attrs.viz.z); viz:size, viz:color
// (r, g, b, a or hex), viz:shape and viz:thickness -> attrs.viz.{size,color,shape,thickness},
// color as {"r","g","b","a"}.
// Edges: type (directed, undirected, mutual) overrides the default; weight missing -> 1.0; an
// endpoint that is no node is created (label = id) with a warning, as Gephi does. Nested nodes
// are flattened, their parent kept as attrs.pid. Defaults: node kind "partner", edge kind
// "collaborates".
// Errors (InputError at FILE:LINE:COL): malformed XML, a root that is not <gexf>, a node without
// id, an edge without source or target, an attvalue whose value does not fit its declared type,
// a weight or viz value that is not a number (each at the attribute value). A duplicate node id
// is a warning; the second element updates the first. O(size of the text).
Coalition read_gexf(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options);

enum class GexfVersion { v1_2draft, v1_3 };

// Writes GEXF 1.2draft (namespace http://www.gexf.net/1.2draft), which Gephi and networkx 2.8
// (Debian 12's, whose read_gexf knows 1.1draft and 1.2draft only) both read. Declared node
// attributes: kind, sector, themes (liststring, "a|b"), role, then one per attrs key, typed
// from its values (all booleans -> boolean, all integers -> long, all numbers -> double, lists
// of text -> liststring, otherwise string with lists and objects as JSON text); edge attributes:
// kind, then one per attrs key. A key that the reader would map to a field is titled "attr.KEY".
// Nodes: id, label, start/end from since/until (mode="dynamic", timeformat="date", dates
// written as full days), attvalues, viz:position from the layout and viz:size/color/shape from
// attrs.viz. Edges: id (extra.id when it is unique, else the edge's position), source, target,
// weight, label from attrs.label, start/end. defaultedgetype is "directed" when every edge is
// directed, otherwise "undirected", with type="directed" on the directed edges of a mixed graph
// (Gephi reads it; networkx refuses mixed graphs). Characters XML 1.0 cannot hold are written as
// U+FFFD. Output is deterministic (no modification date). O(n + m + attributes).
void write_gexf(const Coalition& c, std::ostream& out);

// The same in the chosen version; GEXF 1.3 (namespace http://gexf.net/1.3) adds the edge's
// `kind` attribute and the meta <title>, and is what Gephi 0.10 writes.
void write_gexf(const Coalition& c, std::ostream& out, GexfVersion version);

}  // namespace wijknet
