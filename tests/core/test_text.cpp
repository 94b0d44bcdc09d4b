// Text at the byte level, one copy for every layer: UTF-8 (core/text/utf8.hpp) and XML escaping
// (core/text/xml_text.hpp). Expected values are written out by hand.
#include <doctest/doctest.h>

#include "core/text/utf8.hpp"
#include "core/text/xml_text.hpp"

using namespace wijknet;

TEST_CASE("utf8: well-formed sequences, as Unicode's table 3-7 draws the line") {
  CHECK(valid_utf8("Co\xC3\xB6peratief"));
  CHECK(valid_utf8("\xF0\x9F\x8F\xA0"));                  // U+1F3E0, four bytes
  CHECK_FALSE(valid_utf8("\xC0\xAF"));                    // overlong '/'
  CHECK_FALSE(valid_utf8("\xE0\x80\xAF"));                // overlong, three bytes
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));                // surrogate U+D800
  CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));            // past U+10FFFF
  CHECK_FALSE(valid_utf8("\xE2\x82"));                    // cut short
  CHECK(first_invalid_utf8("ab\xFF" "c") == 2);
  CHECK(first_invalid_utf8("abc") == std::string_view::npos);
  CHECK(utf8_or_replacement("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(utf8_or_replacement("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("utf8: decoding, encoding, counting and cutting") {
  std::string_view s = "\xC3\xB6\xE2\x82\xAC\xF0\x9F\x8F\xA0" "a\xFF";
  std::size_t i = 0;
  CHECK(utf8_next(s, i) == 0xF6);
  CHECK(utf8_next(s, i) == 0x20AC);
  CHECK(utf8_next(s, i) == 0x1F3E0);
  CHECK(utf8_next(s, i) == 'a');
  CHECK(utf8_next(s, i) == 0xFFFD);
  CHECK(i == s.size());
  std::string out;
  for (std::uint32_t cp : {0x41u, 0xF6u, 0x20ACu, 0x1F3E0u, 0xD800u, 0x110000u}) append_utf8(out, cp);
  CHECK(out == "A\xC3\xB6\xE2\x82\xAC\xF0\x9F\x8F\xA0\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(utf8_length("Co\xC3\xB6p") == 4);
  CHECK(utf8_boundary_at_or_before("a\xC3\xB6", 2) == 1);  // not inside the ö
  CHECK(utf8_boundary_at_or_before("a\xC3\xB6", 9) == 3);
  CHECK(utf8_clip("Co\xC3\xB6peratief", 3) == "Co\xC3\xB6\xE2\x80\xA6");
  CHECK(utf8_clip("abc", 3) == "abc");
  CHECK(utf8_bom_length("\xEF\xBB\xBFx") == 3);
  CHECK(utf8_bom_length("x") == 0);
}

TEST_CASE("ascii_lower: A-Z only, UTF-8 untouched, whatever the locale") {
  CHECK(ascii_lower("Sector K\xC3\x96") == "sector k\xC3\x96");
  CHECK(ascii_iequal("SINCE", "since"));
  CHECK_FALSE(ascii_iequal("since", "sinc"));
}

TEST_CASE("xml_escape: markup, quotes, control characters and invalid UTF-8") {
  CHECK(xml_escape("<a & 'b' \"c\">") == "&lt;a &amp; &#39;b&#39; &quot;c&quot;&gt;");
  CHECK(xml_escape("Co\xC3\xB6peratief") == "Co\xC3\xB6peratief");                 // ö kept
  CHECK(xml_escape("\xF0\x9F\x8F\xA0 huis") == "\xF0\x9F\x8F\xA0 huis");              // 4-byte kept
  CHECK(xml_escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");                      // U+FFFD
  CHECK(xml_escape("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");                // truncated sequence
  CHECK(xml_escape("surrogate \xED\xA0\x80") == "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  // Controls XML 1.0 cannot hold become U+FFFD, as in the GraphML and GEXF writers; tab and line
  // feed stay, a carriage return is a reference so that a parser does not fold it into a line feed.
  CHECK(xml_escape("bell\x07 nul") == "bell\xEF\xBF\xBD nul");
  CHECK(xml_escape(std::string_view("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(xml_escape("tab\t lf\n cr\r") == "tab\t lf\n cr&#13;");
  CHECK(xml_escape("\xEF\xBF\xBE") == "\xEF\xBF\xBD");                                 // U+FFFE
}

TEST_CASE("xml_safe: the same characters as xml_escape, markup left to the XML library") {
  CHECK(xml_safe("<a & \"b\">") == "<a & \"b\">");
  CHECK(xml_safe("bell\x07 tab\t cr\r") == "bell\xEF\xBF\xBD tab\t cr\r");
  CHECK(xml_safe("bad \xFF") == "bad \xEF\xBF\xBD");
  CHECK(xml_safe("Co\xC3\xB6p") == "Co\xC3\xB6p");
}
