// DOT, the language of Graphviz (https://graphviz.org/doc/info/lang.html): written for Graphviz
// and for the many tools that draw it; the common subset read back.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads the first graph of a DOT file: `[strict] graph|digraph [ID] { ... }` with node statements
// `a [k=v, ...]`, edge chains `a -- b -- c [..]` / `a -> b -> c [..]` whose ends may be subgraphs
// (`a -> {b c}`, a set: `a -> {b b}` is one edge) or node lists (`a -- b, c, d` ties a to each, as
// Graphviz reads it), attribute statements `graph|node|edge [..]` (defaults for the statements after
// them in the same braces), `k=v` graph attributes, subgraphs and clusters (flattened), quoted
// ids with \" escapes (other backslashes kept, as Graphviz keeps them in ids; in labels \n, \l
// and \r end a line), text after the first graph ignored with a warning, the encoding by
// `charset` (importers/text_encoding.hpp), line continuations and '+' concatenation, HTML ids <..>, ports (not kept),
// comments (// and /* */) and '#' lines.
// Mapping: node label -> Node::label (the id when absent); `name` -> the id when every node has a
// distinct one (igraph writes its vertex names so, with numbers as DOT ids); kind or type, sector,
// role, themes ('|'-separated), since, until -> the model fields; pos "x,y" (or "x,y!") -> layout;
// other attributes -> attrs ("attr.K" -> attrs[K]): quoted values as text, unquoted ones typed
// (numbers, true/false). Edge weight -> weight; kind or type -> kind; label -> attrs.label;
// dir=none or dir=both makes a digraph's edge undirected, dir=forward a graph's edge directed;
// other attributes -> attrs. Graph label -> name (else the graph's ID); other graph attributes ->
// extra.dot. Defaults: node kind "partner", edge kind "collaborates".
// Errors (InputError at FILE:LINE:COL): a token that does not fit the grammar (with what was
// expected), a string or comment never closed, '--' in a digraph or '->' in a graph, a weight that
// is not a number, a bad date, subgraphs nested deeper than 256. O(size of the text).
Coalition read_dot(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options);

// Writes `graph` (every edge undirected), `digraph` (every edge directed) or, for a mixed
// coalition, `digraph` with dir=none on the undirected edges; the coalition's name as the graph's
// ID and label, and the graph attributes read from DOT (extra.dot) again. Nodes by quoted id with label, kind, sector, themes ('|'-joined), role, since,
// until, pos "x,y!" from the layout (Graphviz's neato -n keeps it) and attrs; edges with weight,
// kind, since, until and attrs. Text is quoted with \" and \\ escaped and line ends as \n;
// numbers and booleans unquoted (numbers that need an exponent quoted, as DOT numerals have
// none); lists and objects as quoted JSON text. Attribute names that would be read as a field are
// written "attr.NAME". O(n + m + attributes).
void write_dot(const Coalition& c, std::ostream& out);

}  // namespace wijknet
