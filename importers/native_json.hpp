// The native document, "format": "wijknet/1" (DOMAIN.md, "Data model"): one JSON object per
// coalition. Lossless: unknown keys (top level, nodes, edges, themes) and attrs are carried
// through in the order they were read, so write(read(write(x))) == write(x), byte for byte.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet {

// The value of "format" this reader accepts and the writer writes.
inline constexpr std::string_view native_format = "wijknet/1";

// Reads a wijknet/1 document. Defaults for absent optional fields: label = id, kind "partner"
// (with a warning: a node without a kind is probably a mistake), edge kind "collaborates",
// weight 1.0, directed false; null means absent. Integer ids are accepted as their decimal text,
// with a warning. Dates go through Date::parse, keeping their precision ("2015-07" stays a month).
// Throws InputError at "FILE:LINE:COL" for: malformed or truncated JSON; a missing or other
// "format"; a missing or empty id; a duplicate node id (at the second one); an edge whose
// source or target is not a node id (at that value); a bad date; a value of the wrong type
// (weight as a string, themes not a list, ...), each at the offending value.
// A text of native_json_streaming_bytes or more is read by the streaming reader, a smaller one
// by the DOM reader; both give the same coalition, warnings and errors. O(size of the text).
Coalition read_native_json(std::istream& in, const std::string& source_name, ImportReport& report,
                           const ReadOptions& options);
// The same, from text already in memory.
Coalition read_native_json_text(std::string_view text, const std::string& source_name, ImportReport& report,
                                const ReadOptions& options = {});

// From this size on the text is read by read_native_json_streaming.
inline constexpr std::size_t native_json_streaming_bytes = std::size_t(1) << 20;

// The DOM reader: nlohmann parses the whole text, then the DOM becomes a coalition. Positions
// of semantic errors come from a second scan of the text, run only when a message needs one.
// Simple, and about five times the text's size in memory while it reads.
Coalition read_native_json_dom(std::string_view text, const std::string& source_name, ImportReport& report,
                               const ReadOptions& options = {});

// The streaming reader: one pass over the text builds the coalition directly, with no DOM (the
// text and the coalition are all it holds; attrs and unknown keys are parsed by nlohmann one
// value at a time). Same result as read_native_json_dom for every text: the same coalition and
// warnings, and the same first error at the same FILE:LINE:COL. For that it asks nlohmann where
// a syntax error is when it stops, reports a semantic error only when the JSON before the
// layout is valid, and hands the document to the DOM reader when its keys are not in the order
// the writer uses (format first, then name, area, themes, nodes, edges, layout, each once;
// unknown keys anywhere) or a key of a node or edge repeats, cases whose first error depends on
// reading the whole document first. O(size of the text).
Coalition read_native_json_streaming(std::string_view text, const std::string& source_name, ImportReport& report,
                                     const ReadOptions& options = {});

// The document as JSON: format, name, area, themes, nodes, edges, layout, then the unknown
// top-level keys. Every node carries id, label, kind, sector, themes, role, since, until, attrs
// (null where empty) and then its unknown keys; every edge source, target, kind, weight,
// directed, since, until, attrs and its unknown keys. Layout follows node order; positions that
// are not finite numbers are left out (JSON cannot hold them). O(n + m).
Json to_native_json(const Coalition& coalition);

// From this many nodes and edges together, write_native_json writes the compact form.
inline constexpr std::size_t native_json_compact_items = 20'000;

// Writes to_native_json(c), indented by 2, UTF-8 (invalid UTF-8 replaced by U+FFFD), with a
// final newline. A large document (native_json_compact_items or more nodes and edges) is
// written compactly instead, without building it in memory: one node, edge or layout entry a
// line, no indentation, and keys whose value is the reader's default left out (a node's null
// or empty sector, themes, role, since, until and attrs; an edge's weight 1, directed false,
// null since and until, empty attrs): read back, it gives the same coalition. A 1,000,000-edge
// network takes about a quarter of the indented size.
void write_native_json(const Coalition& coalition, std::ostream& out);

}  // namespace wijknet
