#include "core/text/number_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "core/text/utf8.hpp"

namespace wijknet {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Drops ASCII spaces, tabs and the UTF-8 no-break spaces (U+00A0, U+202F) at both ends.
std::string_view trim(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r') s.remove_prefix(1), changed = true;
    else if (starts_with(s, "\xC2\xA0")) s.remove_prefix(2), changed = true;
    else if (starts_with(s, "\xE2\x80\xAF")) s.remove_prefix(3), changed = true;
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r') s.remove_suffix(1), changed = true;
    else if (ends_with(s, "\xC2\xA0")) s.remove_suffix(2), changed = true;
    else if (ends_with(s, "\xE2\x80\xAF")) s.remove_suffix(3), changed = true;
  }
  return s;
}

bool iequal_prefix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && ascii_iequal(s.substr(0, p.size()), p);
}
bool iequal_suffix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && iequal_prefix(s.substr(s.size() - p.size()), p);
}

// Drops the currency (€, EUR, euro) before or after and a trailing ",-" / ".-" / ",--".
std::string_view strip_currency(std::string_view s) {
  s = trim(s);
  for (std::string_view dash : {",--", ",-", ".-"})
    if (ends_with(s, dash)) {
      s.remove_suffix(dash.size());
      break;
    }
  s = trim(s);
  for (std::string_view cur : {"\xE2\x82\xAC", "eur", "euro"}) {
    // Longest first would matter only for "euro" vs "eur"; both are checked at each end.
    if (iequal_prefix(s, "euro")) s.remove_prefix(4);
    else if (iequal_prefix(s, cur)) s.remove_prefix(cur.size());
    if (iequal_suffix(s, "euro")) s.remove_suffix(4);
    else if (iequal_suffix(s, cur)) s.remove_suffix(cur.size());
    s = trim(s);
  }
  return s;
}

std::optional<double> plain(const std::string& s) {
  if (s.empty()) return std::nullopt;
  std::size_t b = s[0] == '+' ? 1 : 0;
  if (b >= s.size()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data() + b, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Digits separated by `sep` into groups of three after a first group of one to three digits.
bool grouped(std::string_view digits, char sep) {
  std::size_t first = digits.find(sep);
  if (first == std::string_view::npos || first == 0 || first > 3) return false;
  for (std::size_t i = 0; i < first; ++i)
    if (!is_digit(digits[i])) return false;
  std::size_t i = first;
  while (i < digits.size()) {
    if (digits[i] != sep || i + 4 > digits.size()) return false;
    for (std::size_t k = 1; k <= 3; ++k)
      if (!is_digit(digits[i + k])) return false;
    i += 4;
  }
  return true;
}

std::string without(std::string_view s, char sep) {
  std::string out;
  for (char c : s)
    if (c != sep) out += c;
  return out;
}

// "-12.5e3": optional sign, digits with at most one decimal separator, optional exponent.
bool number_shape(std::string_view s, char separator) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == separator) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<double> read_plain_number(std::string_view text, bool decimal_comma, bool words) {
  std::string_view s = trim_ascii(text);
  if (s.empty()) return std::nullopt;
  if (words) {
    std::string_view w = s;
    const bool negative = w.front() == '-';
    if (w.front() == '-' || w.front() == '+') w.remove_prefix(1);
    if (iequal_prefix(w, "nan") && w.size() == 3) return std::numeric_limits<double>::quiet_NaN();
    if ((iequal_prefix(w, "inf") && w.size() == 3) || (iequal_prefix(w, "infinity") && w.size() == 8))
      return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  std::string copy(s);
  if (!number_shape(copy, '.')) {
    if (!decimal_comma || !number_shape(copy, ',')) return std::nullopt;
    std::replace(copy.begin(), copy.end(), ',', '.');
  }
  return plain(copy);
}

std::optional<long long> read_plain_integer(std::string_view text) {
  std::string_view s = trim_ascii(text);
  if (s.size() > 1 && s[0] == '+' && s[1] != '-') s.remove_prefix(1);
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> read_number(std::string_view text) {
  std::string_view s = strip_currency(text);
  if (s.empty()) return std::nullopt;
  std::string sign;
  if (s.front() == '-' || s.front() == '+') {
    if (s.front() == '-') sign = "-";
    s.remove_prefix(1);
    s = strip_currency(s);  // "-€ 500"
  }
  if (s.empty() || !(is_digit(s.front()) || s.front() == '.' || s.front() == ',')) return std::nullopt;
  // Spaces, apostrophes and underscores only ever group thousands.
  std::string body(s);
  for (char sep : {' ', '\'', '_'})
    if (body.find(sep) != std::string::npos) {
      if (!grouped(body.substr(0, body.find_first_of(".,") == std::string::npos ? body.size() : body.find_first_of(".,")),
                   sep))
        return std::nullopt;
      body = without(body, sep);
    }
  const auto dot = body.find('.'), comma = body.find(',');
  const bool has_dot = dot != std::string::npos, has_comma = comma != std::string::npos;
  if (has_dot && has_comma) {
    // The last separator is the decimal one; the other groups the integer part.
    const char dec = body.rfind('.') > body.rfind(',') ? '.' : ',';
    const char group = dec == '.' ? ',' : '.';
    const auto at = body.rfind(dec);
    const std::string integer = body.substr(0, at), fraction = body.substr(at + 1);
    if (integer.find(dec) != std::string::npos || !grouped(integer, group)) return std::nullopt;
    for (char c : fraction)
      if (!is_digit(c)) return std::nullopt;
    return plain(sign + without(integer, group) + "." + fraction);
  }
  if (has_dot || has_comma) {
    const char sep = has_dot ? '.' : ',';
    const std::size_t count = std::size_t(std::count(body.begin(), body.end(), sep));
    const std::size_t first = body.find(sep);
    // Thousands: several separators in groups of three, or one followed by exactly three digits
    // after one to three digits that are not a lone 0 ("0.125" is a fraction).
    const bool lone_zero = first == 1 && body[0] == '0';
    if (grouped(body, sep) && !lone_zero && (count > 1 || body.size() - first == 4))
      return plain(sign + without(body, sep));
    if (count > 1) return std::nullopt;
    if (sep == ',') body[first] = '.';
    return plain(sign + body);
  }
  return plain(sign + body);
}

std::optional<double> number_value(const nlohmann::ordered_json& value) {
  if (value.is_number()) {
    const double v = value.get<double>();
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
  }
  if (value.is_string()) return read_number(value.get<std::string>());
  return std::nullopt;
}

}  // namespace wijknet
