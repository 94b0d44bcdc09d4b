// The one translation table: every sentence a user reads, in Dutch and English.
//
// Keys are stable identifiers ("analyze.density"); texts may hold placeholders {0}, {1}, ...
// which `tr` fills in order. A key missing from the table is returned as the key itself, so a
// forgotten translation shows up in a test instead of as an empty string.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.hpp"

namespace wijknet {

enum class Lang { nl, en };

// "nl"/"en" (also "nl_NL.UTF-8", "en-GB", ...); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view text);
// From LC_ALL, LC_MESSAGES or LANG: Dutch when the locale is Dutch, English otherwise.
Lang system_lang();
std::string_view lang_code(Lang lang);

std::string tr(Lang lang, std::string_view key, std::initializer_list<std::string> args = {});
// tr() for a sentence about `count` things: the key with ".one" appended when count is 1 and the
// table has it, else the key ("1 introductie" / "3 introducties"). {0} is usually the count.
std::string tr_count(Lang lang, std::string_view key, std::size_t count, std::initializer_list<std::string> args = {});
// Whether the table has `key`, filled in in both languages.
bool has_text(std::string_view key);
// Every key of the table, in table order (the tests check that both languages are filled in and
// that no key appears twice).
std::vector<std::string_view> text_keys();

// The number as users read it: "0,42" in Dutch, "0.42" in English, with `decimals` digits.
std::string format_number(Lang lang, double value, int decimals = 2);
// An amount (euro) as users read it, thousands grouped: "183.000" in Dutch, "183,000" in English;
// with cents when it has them ("1.250,50" / "1,250.50"). read_number (core/number_text) reads
// both back.
std::string format_amount(Lang lang, double amount);

// A measure as a coordinator reads it: fixed notation, never "4.1e-05", in the user's decimal
// separator. Whole numbers without decimals ("14"); others with `significant` significant digits
// but at least two decimals ("0,413", "0,0000412", "12,35"); "—" for NaN or infinity (an undefined
// measure). `significant` is clamped to [1, 15]; no more than 12 decimals. O(1).
std::string format_measure(Lang lang, double value, int significant = 3);

// A date as a reader writes it, in its own precision: "2 december 2026" / "2 December 2026",
// "juli 2015" / "July 2015", "2015".
std::string long_date(Lang lang, const Date& date);

// A list for a sentence: "A, B en C" / "A, B and C"; beyond `max` names "A, ..., F en nog 3" /
// "... and 3 more". O(total length).
std::string join_names(Lang lang, const std::vector<std::string>& names, std::size_t max = 6);

}  // namespace wijknet
