// Pajek .net files (Batagelj and Mrvar, "Pajek: Program for Analysis and Visualization of Large
// Networks", reference manual, http://mrvar.fdv.uni-lj.si/pajek/), which UCINET, igraph,
// networkx and Gephi exchange.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Reads a Pajek network. Sections (case-insensitive): `*Network NAME` -> name; `*Vertices N`
// (or `*Vertices N N1` for a two-mode network, whose vertices N1+1..N are taken as projects, with
// a note); vertex lines `NUMBER LABEL [X Y [Z]] [SHAPE] [KEY VALUE]...` (label quoted or one
// word; vertices without a line are labelled by their number); `*Arcs` (directed) and `*Edges`
// lines `A B [WEIGHT] [KEY VALUE]...`, a relation label (`*Arcs :2 "advice"`) becoming the kind;
// `*Arcslist`/`*Edgeslist` lines `A B C ...` (A to each of the others); `*Matrix` (N rows of N
// numbers, or N1 rows of N-N1 in a two-mode network; non-zero cells are ties of that weight,
// undirected when the matrix is symmetric). Other sections (*Partition, *Vector, ...) are skipped
// with a warning. Lines starting with '%' are comments.
// Mapping: a node's id is its label when all labels (and the numbers of vertices without one)
// are distinct, else its number; X Y -> layout;
// Z (when not 0) and shapes other than ellipse -> attrs.z, attrs.shape; key-value pairs (as
// networkx writes them): kind or type -> kind, sector, role, themes ('|'-separated), l or label
// on edges -> attrs.label, others -> attrs, typed as in a CSV cell. Defaults: node kind
// "partner", edge kind "collaborates", weight 1.0.
// Errors (InputError at FILE:LINE:COL): a line before *Vertices, a vertex count or number that is
// not a whole number in range, a quote never closed, a weight or coordinate that is not a number,
// a matrix row of the wrong length. O(size of the text).
Coalition read_pajek(std::istream& in, const std::string& source_name, ImportReport& report,
                     const ReadOptions& options);

// Writes `*Network NAME` (when the coalition has a name), `*Vertices N` with one line per node,
// `NUMBER "LABEL" X Y 0.0` (coordinates from the layout, as they are: Pajek draws in [0,1], so a
// layout from elsewhere may need Pajek's own rescaling), then `*Arcs` with the directed edges and
// `*Edges` with the undirected ones, `A B WEIGHT` each. Pajek has no escape for '"': a quote in a
// label becomes ', a line end a space. Only labels, weights, directions and positions fit: ids,
// kinds, dates and attrs are lost (networkx, igraph and Pajek itself read what is written).
// O(n + m).
void write_pajek(const Coalition& c, std::ostream& out);

}  // namespace wijknet
