// GML, the Graph Modelling Language (Himsolt, "GML: A portable Graph File Format", Universität
// Passau 1997), as networkx, igraph, Gephi, Cytoscape and yEd read and write it.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads `graph [ ... ]`: keys ([A-Za-z_][A-Za-z0-9_]*), integers, reals (also INF and NAN in
// any case, signed or not,
// kept as text), strings in double quotes (may span lines; HTML entities such as &#235; and &quot;
// are decoded, as networkx writes non-ASCII characters), nested lists in [ ], '#' comments. Text
// that is not valid UTF-8 is taken as ISO-8859-1 (the encoding the GML paper prescribes).
// Graph: directed 0/1 (undirected when absent); name or label -> name; other keys -> extra.
// Node: `id` (required, unique) identifies it within the file; wijknet's id is `name` when the
// node has one (written by write_gml, and igraph's vertex name), else `label` when every node has
// a distinct label (networkx's convention: the label is the node), else the id's text. Label ->
// Node::label (the id when absent); kind or type, sector, role, themes ('|'-separated or repeated
// keys), since, until -> the model fields; graphics [ x y ... ] -> layout, its other keys ->
// attrs.graphics; every other key -> attrs (a key starting "attr_" loses that prefix; a key
// repeated -> a list, networkx's "_networkx_list_start" marker dropped; a nested list -> an
// object). Edge: source and target (node ids, required), weight or value -> weight (1.0 when
// absent), directed 0/1 -> the edge's direction (else the graph's), kind or type -> kind, label
// -> attrs.label, since, until, graphics -> attrs.graphics, other keys -> attrs; networkx's
// integer multigraph `key` is not kept. Defaults: node kind "partner", edge kind "collaborates".
// Errors (InputError at FILE:LINE:COL): a character that starts no token, a string that is never
// closed, a '[' never closed or a ']' without '[', a key without a value, no `graph`, a node
// id used before (a node without id is kept as "nodeK", K its position, with a warning, as
// igraph keeps it), an edge without source or target or naming no node, a
// weight that is not a number, a bad date. O(size of the text).
Coalition read_gml(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options);

// Writes GML that networkx's read_gml (by label, or with label="name" by wijknet id), igraph and
// Gephi read: `Creator "wijknet"`, then graph [ directed 1 when every edge is directed;
// multigraph 1 when two edges join the same pair; name; the unknown top-level keys (extra) ];
// each node id (its position), label,
// name (wijknet's id), kind, sector, themes ('|'-joined), role, since, until, graphics [ x y ]
// from the layout, then attrs; each edge source, target, weight, kind, since, until, directed 0/1
// when the graph mixes directions, then attrs. Strings are ASCII with non-ASCII characters, '"'
// and '&' as &#N; (networkx reads only ASCII). Values: integers within 32 bits as integers,
// larger ones as strings (GML's integers are 32-bit); reals always with a '.'; booleans 1/0;
// lists as repeated keys (networkx's convention); objects as nested lists. Attribute keys that
// are not GML keys get '_' for each other character; keys that would clash with the fields above
// get "attr_" in front. Lost: booleans' type, and characters of keys GML cannot hold.
// O(n + m + attributes).
void write_gml(const Coalition& c, std::ostream& out);

}  // namespace wijknet
