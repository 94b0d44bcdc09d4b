// Text for XML and HTML, the one rule every writer uses: the SVG pictures, the HTML report, and
// the GraphML and GEXF writers (importers/). XML 1.0 (section 2.2, "Characters") can hold tab,
// line feed, carriage return and the characters from U+0020 up, less the surrogates, U+FFFE and
// U+FFFF; the rest cannot be written, not even as a character reference. So both functions put
// U+FFFD (the replacement character) where the text had an ill-formed UTF-8 byte or a character
// XML cannot hold: a reader sees that something was there, and every XML parser accepts the file.
#pragma once

#include <string>
#include <string_view>

namespace wijknet {

// `s` with what XML 1.0 cannot hold replaced by U+FFFD (see above); markup is not escaped: for
// writers whose XML library escapes it (pugixml). O(size).
std::string xml_safe(std::string_view s);

// xml_safe(s) with & < > " ' escaped (as &amp; &lt; &gt; &quot; &#39;) and a carriage return as
// &#13;, which a parser would otherwise turn into a line feed: text and attribute values for XML,
// SVG and HTML written by hand. O(size).
std::string xml_escape(std::string_view s);

}  // namespace wijknet
