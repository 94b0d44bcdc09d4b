// Text at the byte level, the one copy every layer uses (core, importers, cli, viewer): UTF-8
// validation, decoding, encoding, counting and cutting at character boundaries (RFC 3629,
// Unicode 15 table 3-7 "Well-formed UTF-8 byte sequences"), and ASCII case folding. Headless and
// locale-free: nothing here depends on the C locale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wijknet {

// True for a byte that continues a UTF-8 sequence (10xxxxxx): it does not start a character.
inline bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The length (1-4) of the well-formed UTF-8 sequence that starts at s[i], or 0 when the bytes
// there are not one (a stray continuation byte, an overlong form, a surrogate, a code point past
// U+10FFFF, a sequence cut short by the end of `s`). Requires i < s.size(). O(1).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);

// The byte offset of the first byte of `s` that does not start or continue a well-formed UTF-8
// sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s);

// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD, one for each byte that does not
// start a well-formed sequence. O(size).
std::string utf8_or_replacement(std::string_view s);

// The code point at s[i], advancing `i` past it; an ill-formed byte yields U+FFFD and advances
// one byte. Requires i < s.size(). O(1).
std::uint32_t utf8_next(std::string_view s, std::size_t& i);

// Appends code point `cp` as UTF-8 (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8(std::string& out, std::uint32_t cp);

// Length of a UTF-8 byte-order mark at the start of `text` (3), or 0.
std::size_t utf8_bom_length(std::string_view text);

// How many characters (bytes that are not continuation bytes) `s` holds: what a terminal or a
// column count shows for valid UTF-8. O(size).
std::size_t utf8_length(std::string_view s);

// The largest character boundary at or below byte `i` (i past the end: s.size()), so that
// s.substr(0, result) never ends inside a character. O(bytes backed over).
std::size_t utf8_boundary_at_or_before(std::string_view s, std::size_t i);

// The first `max_chars` characters of `s`, with "…" (U+2026) appended when it was longer. O(size).
std::string utf8_clip(std::string_view s, std::size_t max_chars);

// `s` with A-Z turned into a-z and every other byte (UTF-8 included) kept: format keywords,
// attribute names and vocabulary compare case-insensitively in ASCII only, whatever the C locale
// says. O(size).
std::string ascii_lower(std::string_view s);

// True when `a` and `b` are equal after ascii_lower. O(size).
bool ascii_iequal(std::string_view a, std::string_view b);

}  // namespace wijknet
