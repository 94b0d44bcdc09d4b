#include "core/text/xml_text.hpp"

#include <cstdint>

#include "core/text/utf8.hpp"

namespace wijknet {
namespace {

// True for a code point XML 1.0 can hold (its production Char).
bool xml_char(std::uint32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;  // surrogates never come out of utf8_next
}

template <class Emit>
void each_xml_char(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const bool well_formed = utf8_sequence_length(s, i) != 0;
    const std::uint32_t cp = utf8_next(s, i);  // one byte further when not well formed
    const bool ok = well_formed && xml_char(cp);
    emit(ok ? cp : 0xFFFD, ok ? s.substr(start, i - start) : std::string_view("\xEF\xBF\xBD"));
  }
}

}  // namespace

std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  each_xml_char(s, [&](std::uint32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  each_xml_char(s, [&](std::uint32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': out += "&#13;"; break;
      default: out += bytes;
    }
  });
  return out;
}

}  // namespace wijknet
