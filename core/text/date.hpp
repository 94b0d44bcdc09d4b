// Calendar dates as the model uses them: ISO "YYYY-MM-DD", with "YYYY-MM" and "YYYY" accepted.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wijknet {

// A date with the precision it was written in, so that "2015-07" is written back as "2015-07".
// Comparisons use the first day of the period ("2015-07" compares as 2015-07-01), which is what
// "a node exists at D when since <= D" needs for a partner that joined "in July 2015".
class Date {
 public:
  enum class Precision : std::uint8_t { year, month, day };

  Date() = default;
  Date(int year, int month, int day, Precision p = Precision::day);

  // Parses ISO text. Returns nullopt for anything else (the caller knows where it came from
  // and reports it). Checks the day against the month, leap years included.
  static std::optional<Date> parse(std::string_view text);
  static Date today();

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  Precision precision() const { return precision_; }

  // Days since 1970-01-01 (proleptic Gregorian); negative before.
  long days_since_epoch() const;
  // Whole months from this date to `later` (negative when later is earlier); day-of-month aware.
  int months_until(const Date& later) const;

  std::string str() const;  // in its own precision

  friend bool operator==(const Date& a, const Date& b) { return a.days_since_epoch() == b.days_since_epoch(); }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.days_since_epoch() <=> b.days_since_epoch();
  }

 private:
  // Six bytes, not sixteen: every node and edge holds two optional dates, so on a large network
  // this is a tenth of the memory. Years of four digits (all Date::parse reads) fit easily.
  std::int16_t year_ = 1970;
  std::int8_t month_ = 1, day_ = 1;
  Precision precision_ = Precision::day;
};

// The validity interval of a node or an edge: it exists at D when since <= D and (no until or D < until).
bool exists_at(const std::optional<Date>& since, const std::optional<Date>& until, const Date& at);

}  // namespace wijknet
