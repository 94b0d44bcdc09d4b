// Numbers and amounts as a Dutch or English user writes them (core/text/number_text.hpp).
#include <doctest/doctest.h>

#include "core/model/coalition.hpp"
#include "core/text/number_text.hpp"

using namespace wijknet;

TEST_CASE("read_number: thousands separators, decimal comma, euro sign and ',-'") {
  const std::pair<const char*, double> cases[] = {
      {"183.000", 183000},      {"183,000", 183000},      {"\u20ac 183.000,-", 183000}, {"\u20ac183.000", 183000},
      {"183.000 euro", 183000}, {"EUR 1.250,50", 1250.5}, {"1.234,56", 1234.56},        {"1,234.56", 1234.56},
      {"1.234.567", 1234567},   {"1,234,567", 1234567},   {"183 000", 183000},          {"1.000,-", 1000},
      {"0,5", 0.5},             {"3,5", 3.5},             {"1.5", 1.5},                 {"0.125", 0.125},
      {"12", 12},               {"-3,25", -3.25},         {"+7", 7},                    {"1e3", 1000},
      {"  42  ", 42},           {"-\u20ac 500", -500},    {"12.5000", 12.5}};
  for (const auto& c : cases) {
    const auto& text = c.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    const auto value = c.second;
    CAPTURE(text);
    const auto v = read_number(text);
    REQUIRE(v);
    CHECK(*v == doctest::Approx(value));
  }
  for (const char* bad : {"", "abc", "1.23.4", "1,2,3", "NaN", "Infinity", "ongeveer een ton", "12 euro 50", "\u20ac", "1.234,5.6"}) {
    CAPTURE(bad);
    CHECK_FALSE(read_number(bad));
  }
}

TEST_CASE("number_value: JSON numbers as they are, text through read_number, nothing else") {
  CHECK(number_value(Json(183000)) == 183000.0);
  CHECK(number_value(Json("183.000")) == 183000.0);
  CHECK_FALSE(number_value(Json(nullptr)));
  CHECK_FALSE(number_value(Json(true)));
  CHECK_FALSE(number_value(Json::array()));
}

TEST_CASE("plain numbers, as programs write them into files: '2.000' is two, never two thousand") {
  CHECK(read_plain_number("2.000") == 2.0);
  CHECK(read_plain_number(" -1e3 ") == -1000.0);
  CHECK(read_plain_number("+7") == 7.0);
  CHECK(read_plain_number(".5") == 0.5);
  CHECK(read_plain_number("0,5", true) == 0.5);  // a CSV table with a decimal comma throughout
  CHECK_FALSE(read_plain_number("0,5"));
  CHECK_FALSE(read_plain_number("183.000,00", true));  // no thousands separators in a file's numbers
  CHECK_FALSE(read_plain_number("1.2.3"));
  CHECK_FALSE(read_plain_number("12a"));
  CHECK_FALSE(read_plain_number("0x10"));
  CHECK_FALSE(read_plain_number(""));
  CHECK_FALSE(read_plain_number("1e400"));  // beyond double's range
  CHECK_FALSE(read_plain_number("Infinity"));
  CHECK(std::isinf(*read_plain_number("-INF", false, true)));
  CHECK(*read_plain_number("-INF", false, true) < 0);
  CHECK(std::isnan(*read_plain_number("NaN", false, true)));
  CHECK_FALSE(read_plain_number("nano", false, true));
  // The same text as a user's amount in an attribute: Dutch thousands.
  CHECK(read_number("2.000") == 2000.0);
  CHECK(read_plain_integer(" 42 ") == 42);
  CHECK(read_plain_integer("+42") == 42);
  CHECK(read_plain_integer("-42") == -42);
  CHECK_FALSE(read_plain_integer("+-42"));
  CHECK_FALSE(read_plain_integer("4.0"));
  CHECK_FALSE(read_plain_integer("99999999999999999999"));
}
