#include "core/text/date.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace wijknet {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

Date::Date(int year, int month, int day, Precision p)
    : year_(std::int16_t(year)), month_(std::int8_t(month)), day_(std::int8_t(day)), precision_(p) {}

std::optional<Date> Date::parse(std::string_view t) {
  auto y = digits(t, 0, 4);
  if (!y) return std::nullopt;
  if (t.size() == 4) return Date(*y, 1, 1, Precision::year);
  if (t.size() < 7 || t[4] != '-') return std::nullopt;
  auto m = digits(t, 5, 2);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (t.size() == 7) return Date(*y, *m, 1, Precision::month);
  if (t.size() != 10 || t[7] != '-') return std::nullopt;
  auto d = digits(t, 8, 2);
  if (!d || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
  return Date(*y, *m, *d, Precision::day);
}

Date Date::today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{now};
  return Date(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

long Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil.
  const int y = year_ - (month_ <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + long(doe) - 719468;
}

int Date::months_until(const Date& later) const {
  int months = (later.year_ - year_) * 12 + (later.month_ - month_);
  if (months > 0 && later.day_ < day_) --months;
  if (months < 0 && later.day_ > day_) ++months;
  return months;
}

std::string Date::str() const {
  char buf[32];  // room for any int year, month and day (the compiler checks the widest case)
  switch (precision_) {
    case Precision::year: std::snprintf(buf, sizeof buf, "%04d", year_); break;
    case Precision::month: std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_); break;
    case Precision::day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_); break;
  }
  return buf;
}

bool exists_at(const std::optional<Date>& since, const std::optional<Date>& until, const Date& at) {
  if (since && at < *since) return false;
  if (until && !(at < *until)) return false;
  return true;
}

}  // namespace wijknet
