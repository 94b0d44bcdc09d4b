#include "importers/text_encoding.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/text/error.hpp"
#include "importers/source_text.hpp"

namespace wijknet {
namespace {

// Windows-1252's 0x80-0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
// the five bytes it leaves undefined keep their Latin-1 meaning, as Windows' own decoder does.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

enum class Encoding { utf8, utf16le, utf16be, utf16, cp1252 };

// The encoding a name means (case, '-', '_' and spaces ignored), or false when unknown.
bool encoding_named(std::string_view name, Encoding& out) {
  std::string key;
  for (char ch : ascii_lower(name))
    if (ch != '-' && ch != '_' && ch != ' ') key += ch;
  if (key == "utf8" || key == "ascii" || key == "usascii") out = Encoding::utf8;
  else if (key == "utf16le" || key == "ucs2le") out = Encoding::utf16le;
  else if (key == "utf16be" || key == "ucs2be") out = Encoding::utf16be;
  else if (key == "utf16" || key == "ucs2" || key == "unicode") out = Encoding::utf16;
  else if (key == "windows1252" || key == "cp1252" || key == "iso88591" || key == "latin1" || key == "l1" ||
           key == "iso885915" || key == "latin9" || key == "ansi")
    out = Encoding::cp1252;
  else return false;
  return true;
}

std::string from_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out += ch;
    else append_utf8(out, c < 0xA0 ? cp1252_high[c - 0x80] : c);
  }
  return out;
}

std::string from_utf16(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  std::size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < s.size()) {
      const std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    append_utf8(out, u);  // a lone surrogate becomes U+FFFD
  }
  if (i < s.size()) out += "\xEF\xBF\xBD";  // an odd last byte
  return out;
}

// The value of `key` in XML's declaration at the start of `text` ("" when none).
std::string xml_declared(std::string_view text) {
  std::size_t start = utf8_bom_length(text);
  while (start < text.size() && (text[start] == ' ' || text[start] == '\n' || text[start] == '\r' || text[start] == '\t')) ++start;
  if (text.substr(start, 5) != "<?xml") return "";
  const auto end = text.find("?>", start);
  if (end == std::string_view::npos) return "";
  const std::string_view decl = text.substr(start, end - start);
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  at = decl.find_first_of("\"'", at);
  if (at == std::string_view::npos) return "";
  const auto close = decl.find(decl[at], at + 1);
  if (close == std::string_view::npos) return "";
  return std::string(decl.substr(at + 1, close - at - 1));
}

// The value of DOT's graph attribute `charset` ("" when none). Graphviz reads "latin1",
// "latin-1", "l1", "ISO-8859-1", "ISO_8859-1", "ISO8859-1", "ISO-IR-100" as Latin-1, anything
// else as UTF-8 (https://graphviz.org/docs/attrs/charset/). Found by a plain scan for
// `charset = VALUE` outside nothing in particular: the attribute may stand anywhere.
std::string dot_declared(std::string_view text) {
  const std::string lower = ascii_lower(text);
  for (std::size_t at = lower.find("charset"); at != std::string::npos; at = lower.find("charset", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(lower[at - 1])) || lower[at - 1] == '_')) continue;
    std::size_t i = at + 7;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    if (i >= lower.size() || lower[i] != '=') continue;
    ++i;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    const bool quoted = i < lower.size() && lower[i] == '"';
    if (quoted) ++i;
    std::size_t j = i;
    while (j < lower.size() && (quoted ? lower[j] != '"' : (std::isalnum(static_cast<unsigned char>(lower[j])) || lower[j] == '-' || lower[j] == '_')))
      ++j;
    const std::string value = lower.substr(i, j - i);
    if (value == "iso-ir-100") return "latin1";
    return value;
  }
  return "";
}

std::string decode_as(Encoding e, std::string_view bytes) {
  switch (e) {
    case Encoding::utf16le: return from_utf16(bytes, true);
    case Encoding::utf16be: return from_utf16(bytes, false);
    case Encoding::utf16:
      if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return from_utf16(bytes.substr(2), false);
      if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return from_utf16(bytes.substr(2), true);
      return from_utf16(bytes, true);
    case Encoding::cp1252: return from_cp1252(bytes);
    case Encoding::utf8: break;
  }
  return utf8_or_replacement(bytes);
}

// Old Mac line ends (CR alone) become LF; CRLF stays.
void lone_cr_to_lf(std::string& s) {
  // memchr jumps over the text between carriage returns: most files have none.
  for (char* p = s.data(); (p = static_cast<char*>(std::memchr(p, '\r', std::size_t(s.data() + s.size() - p))));) {
    if (p + 1 == s.data() + s.size() || p[1] != '\n') *p = '\n';
    ++p;
  }
}

std::string fixed(std::string s) {
  lone_cr_to_lf(s);
  return s;
}

// A std::string or an Interned word: replaced by its valid UTF-8 form when it is not valid.
template <class Text>
bool fix_string(Text& s) {
  const std::string_view text = s;
  if (valid_utf8(text)) return false;
  s = utf8_or_replacement(text);
  return true;
}

std::size_t fix_json(Json& j) {
  std::size_t changed = 0;
  if (j.is_string()) {
    changed += fix_string(j.get_ref<std::string&>());
  } else if (j.is_array()) {
    for (auto& item : j) changed += fix_json(item);
  } else if (j.is_object()) {
    bool bad_key = false;
    for (auto it = j.begin(); it != j.end(); ++it) {
      bad_key = bad_key || !valid_utf8(it.key());
      changed += fix_json(it.value());
    }
    if (bad_key) {
      Json copy = Json::object();
      for (auto it = j.begin(); it != j.end(); ++it) copy[utf8_or_replacement(it.key())] = std::move(it.value());
      j = std::move(copy);
      ++changed;
    }
  }
  return changed;
}

}  // namespace

std::string decode_text(std::string bytes, const std::string& source_name, ImportReport& report,
                        const ReadOptions& options, DeclaredEncoding declared) {
  Encoding e;
  if (!options.encoding.empty()) {
    if (!encoding_named(options.encoding, e))
      throw InputError(SourceLocation{source_name},
                       "unknown encoding '" + options.encoding +
                           "'; known: utf-8, utf-16le, utf-16be, utf-16, windows-1252, iso-8859-1");
    if (e == Encoding::utf8) {
      const std::string_view body = std::string_view(bytes).substr(utf8_bom_length(bytes));
      if (!valid_utf8(body)) {
        const auto at = first_invalid_utf8(body) + utf8_bom_length(bytes);
        add_warning(report, options, location_at(bytes, at, source_name),
                    "not valid UTF-8 although --encoding says so; the bad bytes became U+FFFD");
      }
      return fixed(utf8_or_replacement(bytes));
    }
    if ((e == Encoding::utf16le && bytes.rfind("\xFF\xFE", 0) == 0) || (e == Encoding::utf16be && bytes.rfind("\xFE\xFF", 0) == 0))
      bytes.erase(0, 2);  // the byte-order mark is no character
    return fixed(decode_as(e, bytes));
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return fixed(from_utf16(std::string_view(bytes).substr(2), true));
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return fixed(from_utf16(std::string_view(bytes).substr(2), false));
  if (utf8_bom_length(bytes) == 0) {
    const std::string name = declared == DeclaredEncoding::xml ? xml_declared(bytes)
                             : declared == DeclaredEncoding::dot ? dot_declared(bytes)
                                                                 : std::string();
    if (!name.empty() && encoding_named(name, e) && e == Encoding::cp1252) return fixed(from_cp1252(bytes));
  }
  const std::size_t bad = first_invalid_utf8(bytes);
  if (bad == std::string::npos) return fixed(std::move(bytes));
  // Not UTF-8 and not declared: what a Windows program writes in Western Europe.
  const SourceLocation where = location_at(bytes, bad, source_name);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[bad]));
  add_warning(report, options, where,
              std::string("not valid UTF-8 (byte ") + byte +
                  "); read as Windows-1252, as Excel writes on Windows (use --encoding NAME if it is another)");
  return fixed(from_cp1252(bytes));
}

std::string read_text(std::istream& in, const std::string& source_name, ImportReport& report,
                      const ReadOptions& options, DeclaredEncoding declared) {
  return decode_text(read_all(in), source_name, report, options, declared);
}

std::size_t make_strings_valid_utf8(Coalition& c) {
  std::size_t changed = fix_string(c.name) + fix_string(c.area) + fix_json(c.extra);
  for (auto& t : c.themes) changed += fix_string(t.id) + fix_string(t.label) + fix_json(t.extra);
  bool ids = false;
  for (auto& n : c.nodes) {
    const bool id = fix_string(n.id);
    ids = ids || id;
    changed += id + fix_string(n.label) + fix_string(n.kind) + fix_string(n.sector) + fix_string(n.role) +
               fix_json(n.attrs) + fix_json(n.extra);
    for (auto& t : n.themes) changed += fix_string(t);
  }
  for (auto& e : c.edges) changed += fix_string(e.kind) + fix_json(e.attrs) + fix_json(e.extra);
  if (ids) {
    decltype(c.layout) layout;
    for (auto& [id, xy] : c.layout) layout[utf8_or_replacement(id)] = xy;
    c.layout = std::move(layout);
    c.reindex();
  }
  return changed;
}

}  // namespace wijknet
