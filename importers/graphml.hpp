// GraphML (http://graphml.graphdrawing.org/), the XML graph format of yEd, Gephi, networkx,
// igraph and Cytoscape.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads a GraphML document with pugixml.
// Keys: `<key id for attr.name attr.type>` with for = node, edge, graph or all (the default);
// attr.type boolean, int, long, float, double or string (the default) gives the JSON type of the
// value; `<default>` fills elements that lack the data. A node key and an edge key may share an
// id (Gephi's files do). Values may be CDATA, or split over text and CDATA; data holding nested
// elements gives their text, and yEd's graphics keys give the label (y:NodeLabel) and the
// position (y:Geometry) when the file has no label or x/y of its own.
// Mapping, by attr.name, case-insensitive: label -> Node::label (edges: attrs.label), kind or
// type -> kind, sector, role, themes (ids joined by "|"), weight -> Edge::weight, since/until ->
// dates, x and y (both numbers) -> layout; names "attr.K" and "extra.K" (written by
// write_graphml for keys that would clash) -> attrs[K] and extra[K]; every other name ->
// attrs[name] with its typed value. `<desc>` of a node or an edge -> attrs.description. Graph
// data: name, area, themes (wijknet's JSON list) -> the coalition, other keys -> its extra.
// Defaults: label = id, kind "partner" for nodes and "collaborates" for edges, weight 1.0;
// direction from the graph's edgedefault (undirected when absent, as networkx), overridden by
// an edge's directed="true|false" or its boolean "directed" data (what write_graphml writes for
// a mixed network). An edge's id is kept as extra.id. A key marked wijknet.json="true" holds
// JSON text, read back as the list or object it was. Nested graphs are
// flattened (GraphML ids are unique in the document); hyperedges and ports cannot be
// represented and are skipped with a warning.
// A repeated node id (pyyed writes them) keeps the first <node>, with a warning, as networkx
// reads it.
// Errors (InputError at FILE:LINE:COL): malformed XML, a document that is not GraphML, text
// where GraphML allows only elements (in <graphml>, <key> or <graph>), a node without id, an
// edge whose source or target is not a node (at the attribute value), a value that does not
// fit its attr.type, a bad date. O(size of the text).
Coalition read_graphml(std::istream& in, const std::string& source_name, ImportReport& report,
                       const ReadOptions& options);

// Writes GraphML 1.0 that networkx's read_graphml, Gephi and yEd read. One `<key>` per attribute
// in use, with attr.type from its values (all booleans -> boolean, all integers -> long, all
// numbers -> double, all text -> string; lists, objects and keys whose values mix text and
// numbers are written as JSON text on a key marked wijknet.json="true"). Nodes carry
// label, kind, sector, themes ("|"-joined), role, since, until, x/y from the layout, attrs and
// extra keys; edges kind, weight, since, until, attrs and extra; the graph name, area, themes
// and extra keys. edgedefault is "directed" when every edge is directed, otherwise
// "undirected"; in a mixed network every edge carries its own direction as boolean "directed"
// data (per-edge directed="true", which GraphML allows, networkx 2.8 refuses). An edge id is
// written once; a repeated one goes to extra.id data. Attribute names that the reader would map to a model field are written
// as "attr.NAME" so that they come back as attrs. O(n + m + attributes).
void write_graphml(const Coalition& coalition, std::ostream& out);

}  // namespace wijknet
