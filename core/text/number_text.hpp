// The one reader of numeric text in the tree, in two kinds:
// - numbers as programs write them into files (GraphML, GEXF, GML, Pajek, DOT, edge lists, CSV
//   cells): read_plain_number / read_plain_integer, the C syntax with a decimal point (or, for a
//   CSV table that uses it throughout, a decimal comma), where "2.000" is two;
// - numbers and amounts as a Dutch or English user writes them in an attribute: read_number, where
//   "183.000" is a hundred and eighty-three thousand. The health model (amounts, survey scores),
//   the portfolio (effort, impact) and the viewer's typed fields call it.
// A format's tie weight is a plain number, an amount in an attribute a user's number: the context
// decides, never a guess per value.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace wijknet {

// The number in `text`, read as people write it in the Netherlands and in English:
//   plain          "12", "-3.5", "1e3", "0,5" (decimal comma), "+7"
//   thousands      "183.000" and "183,000" (one separator followed by exactly three digits, with
//                  one to three digits before it and not "0" alone, is a thousands separator),
//                  "1.234.567", "1,234,567", "183 000", "1'000", "1_000"
//   both           "1.234,56" (Dutch) and "1,234.56" (English): the last separator is the
//                  decimal one, the other groups thousands
//   euro           "€ 183.000,-", "EUR 1.250,50", "183.000 euro", "€1,250.50": the sign € or
//                  "EUR"/"euro" before or after, and a trailing ",-", ".-" or ",--", are dropped
// Surrounding spaces (also non-breaking ones) are ignored. nullopt for anything else: empty text,
// letters, misplaced groups ("1.23.4"), "NaN", "Infinity". So "183.000" is 183000, never 183;
// "0.125" stays 0.125 (a group never follows a lone 0), "1.5" is 1.5.
// Complexity O(length).
std::optional<double> read_number(std::string_view text);

// A number in plain syntax: optional sign ('+' too), digits with at most one decimal separator
// ('.', or ',' when `decimal_comma`; never both in one table), optional exponent; the whole text
// after trimming ASCII white space. No thousands separators, no words: "1.2.3", "12a", "0x10" and
// "" are nullopt, as are values beyond double's range ("1e400"). With `words` the spellings of
// the non-finite values a program may write ("inf", "-Infinity", "NaN", any case) give them;
// without, they are nullopt like any word. O(length).
std::optional<double> read_plain_number(std::string_view text, bool decimal_comma = false, bool words = false);

// A whole number in plain syntax (optional sign, digits; trimmed), within 64 bits. O(length).
std::optional<long long> read_plain_integer(std::string_view text);

// A number from a JSON value: a JSON number as it is, a string through read_number; nullopt for
// anything else (null, bool, objects). O(length).
std::optional<double> number_value(const nlohmann::ordered_json& value);

}  // namespace wijknet
