#include "viz/attribute_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/text/number_text.hpp"
#include "core/assess/portfolio.hpp"
#include "core/text/utf8.hpp"

namespace wijknet::viz {
namespace {

std::string trimmed(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  return std::string(t);
}

bool is_typed(const std::vector<FieldSpec>& typed, std::string_view key) {
  return std::any_of(typed.begin(), typed.end(), [&](const FieldSpec& f) { return f.key == key; });
}

// A number as the user reads it: whole numbers without decimals, others with up to three.
std::string number_text(Lang lang, double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return format_number(lang, v, 0);
  std::string s = format_number(lang, v, 3);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

Json object_or_empty(const Json& attrs) { return attrs.is_object() ? attrs : Json::object(); }

}  // namespace

std::vector<FieldSpec> node_fields(const Node& node) {
  if (node.kind != kinds::project) return {};
  return {{"effort", FieldType::rating}, {"impact", FieldType::rating}, {"budget", FieldType::amount}, {"status", FieldType::status}};
}

std::vector<FieldSpec> edge_fields(const Edge& edge) {
  if (edge.kind == kinds::funds) return {{"amount", FieldType::amount}};
  return {};
}

std::string field_title(Lang lang, std::string_view key) {
  const std::string k = "field." + std::string(key);
  return has_text(k) ? tr(lang, k) : std::string(key);
}

std::string status_title(Lang lang, std::string_view status) {
  if (status.empty()) return "—";
  const std::string k = "project_status." + std::string(status);
  return has_text(k) ? tr(lang, k) : std::string(status);
}

std::optional<double> field_rating(const Json& attrs, std::string_view key) { return rating(attrs, key); }

std::string field_text(const Json& attrs, const FieldSpec& field, Lang lang) {
  if (!attrs.is_object()) return {};
  auto it = attrs.find(field.key);
  if (it == attrs.end() || it->is_null()) return {};
  const std::optional<double> v = number_value(*it);
  switch (field.type) {
    case FieldType::rating:
      if (auto r = rating(attrs, field.key)) return number_text(lang, *r);
      break;
    case FieldType::amount:
      if (v) return format_amount(lang, *v);
      break;
    case FieldType::status:
      if (it->is_string()) return it->get<std::string>();
      break;
  }
  return it->is_string() ? it->get<std::string>() : it->dump();
}

AttrsEdit set_field(const Json& attrs, const FieldSpec& field, std::string_view text, Lang lang) {
  AttrsEdit out{object_or_empty(attrs), {}};
  const std::string t = trimmed(text);
  if (t.empty()) {
    out.attrs.erase(field.key);
    return out;
  }
  const std::string title = field_title(lang, field.key);
  switch (field.type) {
    case FieldType::rating: {
      const auto v = read_number(t);
      if (!v || !(*v >= 1 && *v <= 5)) {
        out.error = tr(lang, "field.bad_rating", {title, t});
        return out;
      }
      // Whole ratings are stored as integers, as the documents write them.
      out.attrs[field.key] = *v == std::floor(*v) ? Json(static_cast<int>(*v)) : Json(*v);
      return out;
    }
    case FieldType::amount: {
      const auto v = read_number(t);
      if (!v || *v < 0) {
        out.error = tr(lang, "field.bad_amount", {title, t});
        return out;
      }
      out.attrs[field.key] = *v == std::floor(*v) && *v < 1e15 ? Json(static_cast<long long>(*v)) : Json(*v);
      return out;
    }
    case FieldType::status: out.attrs[field.key] = t; return out;
  }
  return out;
}

std::string date_text(const std::optional<Date>& date) { return date ? date->str() : std::string(); }

DatesEdit set_date(const std::optional<Date>& since, const std::optional<Date>& until, std::string_view which,
                   std::string_view text, Lang lang) {
  DatesEdit out{since, until, {}};
  const std::string t = trimmed(text);
  std::optional<Date> d;
  if (!t.empty()) {
    d = Date::parse(t);
    if (!d) {
      out.error = tr(lang, "field.bad_date", {field_title(lang, which), t});
      return out;
    }
  }
  (which == "until" ? out.until : out.since) = d;
  if (out.since && out.until && !(*out.since < *out.until)) {
    out.error = tr(lang, "field.until_before_since", {out.until->str(), out.since->str()});
    out.since = since;
    out.until = until;
  }
  return out;
}

std::vector<std::string> free_keys(const Json& attrs, const std::vector<FieldSpec>& typed) {
  std::vector<std::string> keys;
  if (!attrs.is_object()) return keys;
  for (const auto& [k, v] : attrs.items())
    if (!is_typed(typed, k)) keys.push_back(k);
  return keys;
}

std::string free_text(const Json& value, Lang lang) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return number_text(lang, value.get<double>());
  if (value.is_boolean()) return tr(lang, value.get<bool>() ? "field.yes" : "field.no");
  if (value.is_null()) return {};
  return value.dump();
}

bool free_editable(const Json& value) { return !value.is_object() && !value.is_array(); }

namespace {
std::optional<std::string> bad_key(const std::vector<FieldSpec>& typed, std::string_view key, Lang lang) {
  if (key.empty()) return tr(lang, "field.empty_key");
  if (is_typed(typed, key)) return tr(lang, "field.typed_key", {std::string(key)});
  return std::nullopt;
}
}  // namespace

AttrsEdit set_free(const Json& attrs, const std::vector<FieldSpec>& typed, std::string_view key_text, std::string_view text,
                   bool adding, Lang lang) {
  AttrsEdit out{object_or_empty(attrs), {}};
  const std::string key = trimmed(key_text);
  if (auto e = bad_key(typed, key, lang)) {
    out.error = *e;
    return out;
  }
  if (adding && out.attrs.contains(key)) {
    out.error = tr(lang, "field.key_exists", {key});
    return out;
  }
  const auto it = out.attrs.find(key);
  const Json old = it == out.attrs.end() ? Json(nullptr) : *it;
  const std::string t = trimmed(text);
  if (old.is_number() && !t.empty()) {
    const auto v = read_number(t);
    if (!v) {
      out.error = tr(lang, "field.bad_number", {key, t});
      return out;
    }
    out.attrs[key] = *v == std::floor(*v) && std::abs(*v) < 1e15 ? Json(static_cast<long long>(*v)) : Json(*v);
  } else if (old.is_boolean() && !t.empty()) {
    const std::string l = ascii_lower(t);
    if (l == "ja" || l == "yes" || l == "true" || l == "waar") out.attrs[key] = true;
    else if (l == "nee" || l == "no" || l == "false" || l == "onwaar") out.attrs[key] = false;
    else out.error = tr(lang, "field.bad_bool", {key, t});
  } else {
    out.attrs[key] = std::string(text);
  }
  return out;
}

AttrsEdit rename_free(const Json& attrs, const std::vector<FieldSpec>& typed, std::string_view from, std::string_view to_text,
                      Lang lang) {
  AttrsEdit out{object_or_empty(attrs), {}};
  const std::string to = trimmed(to_text);
  if (to == from) return out;
  if (auto e = bad_key(typed, to, lang)) {
    out.error = *e;
    return out;
  }
  if (out.attrs.contains(to)) {
    out.error = tr(lang, "field.key_exists", {to});
    return out;
  }
  // Rebuilt in order, so the renamed row keeps its place.
  Json renamed = Json::object();
  for (const auto& [k, v] : out.attrs.items()) renamed[k == from ? to : k] = v;
  out.attrs = std::move(renamed);
  return out;
}

AttrsEdit remove_free(const Json& attrs, std::string_view key) {
  AttrsEdit out{object_or_empty(attrs), {}};
  out.attrs.erase(std::string(key));
  return out;
}

}  // namespace wijknet::viz
