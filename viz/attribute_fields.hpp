// The inspector's fields, apart from any window: which typed fields a member or a tie gets, how a
// value is shown in the user's language, and how what the user typed becomes the document's
// value, refused with a sentence in the user's language when it is not one (never a parser's
// message). The inspector (viz/panel_inspector.cpp) only draws these and hands the result to
// AppState as one undoable edit. Tested in tests/viz/test_attribute_fields.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"

namespace wijknet::viz {

// What kind of value a typed field holds.
enum class FieldType {
  rating,  // 1..5 (attrs.effort, attrs.impact of a project); absent means "not rated"
  amount,  // euro, typed as people write it ("183.000", "€ 183.000,-"); stored as a number
  status,  // one of core's project statuses (core/assess/portfolio.hpp), or the document's own word
};

struct FieldSpec {
  std::string key;  // the attrs key
  FieldType type = FieldType::rating;
};

// The typed attribute fields of a member: a project gets effort, impact, budget and status (DOMAIN.md);
// other kinds none. Dates (since, until) belong to every member and tie and are not attrs.
std::vector<FieldSpec> node_fields(const Node& node);
// The typed attribute fields of a tie: a `funds` tie gets its amount.
std::vector<FieldSpec> edge_fields(const Edge& edge);

// The user's name of a field: "Inspanning" / "Effort", "Begroting" / "Budget".
std::string field_title(Lang lang, std::string_view key);
// The user's name of a project status: "loopt" / "running"; an unknown word as written, "—" for none.
std::string status_title(Lang lang, std::string_view status);

// A field's value as the user reads and edits it: a rating "4" ("3,5" for a fractional one in
// Dutch), an amount "183.000", a status as stored; "" when absent. A value that cannot be read as
// its type is shown as it is written in the document.
std::string field_text(const Json& attrs, const FieldSpec& field, Lang lang);
// The rating of `key` in attrs, when it is a readable number in 1..5.
std::optional<double> field_rating(const Json& attrs, std::string_view key);

// The outcome of an edit: the new attrs, or why the text was refused.
struct AttrsEdit {
  Json attrs;         // the whole attrs object after the edit (valid when error is empty)
  std::string error;  // in the user's language; empty when accepted
  bool ok() const { return error.empty(); }
};

// Sets field `field` of `attrs` from the text the user typed. Empty text removes the key (not
// rated, no budget, no status). A rating must be a number in 1..5 (read_number: "4", "3,5"); an
// amount is read by read_number and must not be negative; a status is taken as written (trimmed).
AttrsEdit set_field(const Json& attrs, const FieldSpec& field, std::string_view text, Lang lang);

// ---- since / until ----
// A date field's text: the date as written in the document ("2015-07-01", "2015-07"), "" for none.
std::string date_text(const std::optional<Date>& date);

struct DatesEdit {
  std::optional<Date> since, until;
  std::string error;
  bool ok() const { return error.empty(); }
};
// Sets `since` (which = "since") or `until` (which = "until") from text: ISO JJJJ-MM-DD,
// JJJJ-MM or JJJJ, or empty for none. Refuses any other text and an `until` that is not after
// `since` (the member or tie would never exist).
DatesEdit set_date(const std::optional<Date>& since, const std::optional<Date>& until, std::string_view which,
                   std::string_view text, Lang lang);

// ---- free attributes ----
// The attrs keys shown as key/value rows: every key that is not one of `typed`, in the
// document's order.
std::vector<std::string> free_keys(const Json& attrs, const std::vector<FieldSpec>& typed);
// A free value as text: a string as it is, a number in the user's notation, true/false as
// "ja"/"nee" or "yes"/"no", a list or object as compact JSON (shown, not edited).
std::string free_text(const Json& value, Lang lang);
// Whether a free value is edited as text (strings, numbers, booleans, null); lists and objects
// are only shown and deleted.
bool free_editable(const Json& value);
// Sets free attribute `key` from text, keeping the kind of value it had: a number stays a number
// (read_number; refused when the text is not one), a boolean a boolean (ja/nee, yes/no,
// true/false); anything else, and a new key, becomes the text. Refuses an empty key, a key that
// is one of `typed` (edited by its own field) and, when `adding`, a key already present.
AttrsEdit set_free(const Json& attrs, const std::vector<FieldSpec>& typed, std::string_view key, std::string_view text,
                   bool adding, Lang lang);
// Renames free attribute `from` to `to`, keeping its value and place. Refuses as set_free does.
AttrsEdit rename_free(const Json& attrs, const std::vector<FieldSpec>& typed, std::string_view from, std::string_view to,
                      Lang lang);
// Removes attribute `key`.
AttrsEdit remove_free(const Json& attrs, std::string_view key);

}  // namespace wijknet::viz
