#include "core/text/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <unordered_map>

namespace wijknet {
namespace {

struct Entry {
  std::string_view key, nl, en;
};

// The table is kept in one file per area under core/text/, each a list of {key, nl, en} entries.
// Sentences address the coordinator, not a network scientist.
constexpr Entry table[] = {
#include "core/text/analyze.inc"
#include "core/text/health.inc"
#include "core/text/viewer.inc"
#include "core/text/table.inc"
#include "core/text/files.inc"
#include "core/text/projects.inc"
};

const std::unordered_map<std::string_view, const Entry*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const Entry*> m;
    for (const auto& e : table) m.emplace(e.key, &e);
    return m;
  }();
  return map;
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view t) {
  if (t.size() >= 2) {
    auto p = t.substr(0, 2);
    if ((t.size() == 2 || t[2] == '_' || t[2] == '-' || t[2] == '.') && (p == "nl" || p == "NL")) return Lang::nl;
    if ((t.size() == 2 || t[2] == '_' || t[2] == '-' || t[2] == '.') && (p == "en" || p == "EN")) return Lang::en;
  }
  return std::nullopt;
}

Lang system_lang() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return parse_lang(v).value_or(Lang::en);
  }
  return Lang::en;
}

std::string_view lang_code(Lang lang) { return lang == Lang::nl ? "nl" : "en"; }

bool has_text(std::string_view key) {
  auto it = index().find(key);
  return it != index().end() && !it->second->nl.empty() && !it->second->en.empty();
}

std::vector<std::string_view> text_keys() {
  std::vector<std::string_view> keys;
  keys.reserve(std::size(table));
  for (const auto& e : table) keys.push_back(e.key);
  return keys;
}

std::string tr(Lang lang, std::string_view key, std::initializer_list<std::string> args) {
  auto it = index().find(key);
  if (it == index().end()) return std::string(key);
  std::string_view text = lang == Lang::nl ? it->second->nl : it->second->en;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      const std::size_t n = std::size_t(text[i + 1] - '0');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string format_number(Lang lang, double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (lang == Lang::nl)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string format_measure(Lang lang, double value, int significant) {
  if (!std::isfinite(value)) return "\xE2\x80\x94";  // U+2014, as the inspector and report show a missing value
  if (value == std::floor(value) && std::abs(value) < 1e15) return format_number(lang, value, 0);
  significant = std::clamp(significant, 1, 15);
  // Digits before the decimal point of |value| (0 for 0.0412: its first significant digit is the
  // second decimal); decimals = significant - that, so 0.0000412 keeps three significant digits.
  const int magnitude = int(std::floor(std::log10(std::abs(value)))) + 1;
  const int decimals = std::clamp(significant - magnitude, 2, 12);
  std::string s = format_number(lang, value, decimals);
  if (s == "-0" || s.find_first_not_of("-0.,") == std::string::npos) s.erase(0, s[0] == '-');  // no "-0,00"
  return s;
}

std::string format_amount(Lang lang, double amount) {
  const long long cents = std::llround(amount * 100);
  const bool whole = cents % 100 == 0;
  std::string digits = std::to_string(std::llabs(cents / 100));
  std::string out = cents < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += lang == Lang::nl ? '.' : ',';
    out += digits[i];
  }
  if (!whole) {
    const long long c = std::llabs(cents % 100);
    out += lang == Lang::nl ? ',' : '.';
    out += char('0' + c / 10);
    out += char('0' + c % 10);
  }
  return out;
}

std::string tr_count(Lang lang, std::string_view key, std::size_t count, std::initializer_list<std::string> args) {
  const std::string one = std::string(key) + ".one";
  return tr(lang, count == 1 && has_text(one) ? std::string_view(one) : key, args);
}

std::string long_date(Lang lang, const Date& date) {
  const std::string year = std::to_string(date.year());
  if (date.precision() == Date::Precision::year) return year;
  const std::string month = tr(lang, "month." + std::to_string(date.month()));
  if (date.precision() == Date::Precision::month) return month + " " + year;
  return std::to_string(date.day()) + " " + month + " " + year;
}

std::string join_names(Lang lang, const std::vector<std::string>& names, std::size_t max) {
  std::string out;
  const std::size_t shown = names.size() > max ? max : names.size();
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0 && i + 1 == shown && names.size() <= max) {
      out += ' ';
      out += tr(lang, "health.and");
      out += ' ';
    } else if (i > 0) {
      out += ", ";
    }
    out += names[i];
  }
  if (names.size() > max) out = tr(lang, "health.more", {out, std::to_string(names.size() - max)});
  return out;
}

}  // namespace wijknet
