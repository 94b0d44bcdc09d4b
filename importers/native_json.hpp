// The native document, "format": "wijknet/1" (DOMAIN.md, "Data model"): one JSON object per
// coalition. Lossless: unknown keys (top level, nodes, edges, themes) and attrs are carried
// through in the order they were read, so write(read(write(x))) == write(x), byte for byte.
#pragma once

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
// Positions of semantic errors come from a second scan of the text that is run only when a
// message needs a position, so a valid file costs one nlohmann parse. O(size of the text).
Coalition read_native_json(std::istream& in, const std::string& source_name, ImportReport& report,
                           const ReadOptions& options);
// The same, from text already in memory.
Coalition read_native_json_text(std::string_view text, const std::string& source_name, ImportReport& report,
                                const ReadOptions& options = {});

// The document as JSON: format, name, area, themes, nodes, edges, layout, then the unknown
// top-level keys. Every node carries id, label, kind, sector, themes, role, since, until, attrs
// (null where empty) and then its unknown keys; every edge source, target, kind, weight,
// directed, since, until, attrs and its unknown keys. Layout follows node order; positions that
// are not finite numbers are left out (JSON cannot hold them). O(n + m).
Json to_native_json(const Coalition& coalition);

// Writes to_native_json(c), indented by 2, UTF-8 (invalid UTF-8 replaced by U+FFFD), with a
// final newline.
void write_native_json(const Coalition& coalition, std::ostream& out);

}  // namespace wijknet
