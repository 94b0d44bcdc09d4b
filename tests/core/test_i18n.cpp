#include <doctest/doctest.h>

#include <cmath>

#include <set>
#include <string>

#include "core/text/i18n.hpp"

using namespace wijknet;

TEST_CASE("the one translation table: every key in Dutch and English, none twice") {
  std::set<std::string_view> seen;
  auto keys = text_keys();
  CHECK(keys.size() > 300);  // analyze, health, suggest and the viewer together
  for (auto key : keys) {
    INFO(key);
    CHECK(has_text(key));
    CHECK(seen.insert(key).second);
  }
  CHECK_FALSE(has_text("no.such.key"));
}

TEST_CASE("tr fills placeholders in order; an unknown key comes back as itself") {
  CHECK(tr(Lang::nl, "menu.file") == "Bestand");
  CHECK(tr(Lang::en, "menu.file") == "File");
  CHECK(tr(Lang::nl, "filters.shown", {"3", "7"}) == "3 van 7 deelnemers zichtbaar");
  CHECK(tr(Lang::en, "analyze.size", {"26", "90"}) == "26 members and 90 ties.");
  CHECK(tr(Lang::en, "no.such.key") == "no.such.key");
}

TEST_CASE("languages from codes and locales; numbers as users read them") {
  CHECK(parse_lang("nl") == Lang::nl);
  CHECK(parse_lang("nl_NL.UTF-8") == Lang::nl);
  CHECK(parse_lang("en-GB") == Lang::en);
  CHECK_FALSE(parse_lang("de").has_value());
  CHECK_FALSE(parse_lang("nlx").has_value());
  CHECK(format_number(Lang::nl, 0.4251) == "0,43");
  CHECK(format_number(Lang::en, 0.4251, 3) == "0.425");
}

TEST_CASE("measures in fixed notation with the user's decimal separator, never 'e'") {
  CHECK(format_measure(Lang::nl, 0.41314938968) == "0,413");
  CHECK(format_measure(Lang::en, 0.41314938968) == "0.413");
  CHECK(format_measure(Lang::nl, 0.0000412345) == "0,0000412");  // %g would print 4.12e-05
  CHECK(format_measure(Lang::en, 12.3456) == "12.35");           // at least two decimals
  CHECK(format_measure(Lang::nl, 1234.5678) == "1234,57");
  CHECK(format_measure(Lang::nl, 14.0) == "14");                  // a count stays a count
  CHECK(format_measure(Lang::en, 0.0) == "0");
  CHECK(format_measure(Lang::en, -0.25) == "-0.250");
  CHECK(format_measure(Lang::en, 0.123456789, 6) == "0.123457");
  CHECK(format_measure(Lang::en, 1e-14) == "0.000000000000");     // no more than 12 decimals, no sign
  CHECK(format_measure(Lang::en, -1e-14) == "0.000000000000");
  CHECK(format_measure(Lang::nl, std::nan("")) == "\xE2\x80\x94");
}

TEST_CASE("amounts as users read them: thousands grouped, cents when there are any; read_number reads them back") {
  CHECK(format_amount(Lang::nl, 183000) == "183.000");
  CHECK(format_amount(Lang::en, 183000) == "183,000");
  CHECK(format_amount(Lang::nl, 1050000) == "1.050.000");
  CHECK(format_amount(Lang::nl, 999) == "999");
  CHECK(format_amount(Lang::nl, 0) == "0");
  CHECK(format_amount(Lang::nl, 1250.5) == "1.250,50");
  CHECK(format_amount(Lang::en, 1250.05) == "1,250.05");
  CHECK(format_amount(Lang::nl, -4500) == "-4.500");
}
