// Text encodings at the boundary: every reader gets its file as UTF-8, whatever the file was
// written in, so that every string in the model is valid UTF-8 and no writer can fail on one.
//
// The bytes of a file are decoded, in this order of precedence:
// 1. ReadOptions::encoding when set (`--encoding NAME`): utf-8, utf-16le, utf-16be, utf-16 (by
//    its BOM, little-endian without one), windows-1252 (cp1252), iso-8859-1 (latin1, l1);
// 2. a byte-order mark: UTF-8 (kept, readers skip it), UTF-16 LE or BE (Excel's "Unicode text");
// 3. what the file declares: XML's `<?xml ... encoding="..."?>`, DOT's `charset=latin1`;
// 4. UTF-8 when the bytes are valid UTF-8;
// 5. otherwise Windows-1252 (what Excel and Notepad on a Dutch or English Windows write), with a
//    warning that says so and where the first byte that is not UTF-8 is (an error under --strict).
// ISO-8859-1 is decoded as Windows-1252 (as browsers and Excel do: the two differ only in
// 0x80-0x9F, which Latin-1 gives to control characters nobody writes). Carriage returns that do
// not start a CRLF (old Mac line ends) become line feeds, so every reader sees its lines.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "core/model/coalition.hpp"
#include "core/text/utf8.hpp"
#include "importers/io.hpp"

namespace wijknet {

// Which declaration in the text names its encoding (step 3 above).
enum class DeclaredEncoding { none, xml, dot };

// Reads `in` whole and returns it as UTF-8 (see above). Throws InputError "FILE: unknown encoding
// 'NAME'" for an --encoding this does not know, and, under --strict, for a file that was not
// UTF-8 and was not declared otherwise. O(size).
std::string read_text(std::istream& in, const std::string& source_name, ImportReport& report,
                      const ReadOptions& options, DeclaredEncoding declared = DeclaredEncoding::none);

// The same on bytes already in memory.
std::string decode_text(std::string bytes, const std::string& source_name, ImportReport& report,
                        const ReadOptions& options, DeclaredEncoding declared = DeclaredEncoding::none);

// Validation, U+FFFD replacement and encoding of code points: core/text/utf8.hpp.

// Replaces ill-formed UTF-8 in every string of `c` (names, ids, labels, attributes, keys, extra)
// by U+FFFD: the last guard after a reader, for text a reader builds itself from escapes such as
// GML's "&#xD800;". Returns how many strings it changed. O(size of the model).
std::size_t make_strings_valid_utf8(Coalition& c);

}  // namespace wijknet
