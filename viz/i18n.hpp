// The viewer's texts in Dutch and English. The entries live in one table (viz/text/viewer.inc,
// {key, Dutch, English}); a key that is not there is looked up in the project's table of
// core/i18n (metric and health sentences), so every sentence a user reads comes from a table.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace wijknet::viz {

// The text of `key` in `lang`, placeholders {0}, {1}, ... filled from `args`. A key in neither
// table comes back as the key itself, which the tests catch.
std::string ui(Lang lang, std::string_view key, std::initializer_list<std::string> args = {});
// Whether the viewer table has `key` in both languages (tests).
bool ui_has(std::string_view key);
// Every key of the viewer table (tests check that both languages are filled in).
std::vector<std::string_view> ui_keys();

// Display names of model values: "partner" -> "Partner"/"Partner", "housing" ->
// "Wonen (corporatie)"/"Housing"; unknown values are shown as they are.
std::string kind_name(Lang lang, std::string_view kind);
std::string sector_name(Lang lang, std::string_view sector);
std::string metric_name(Lang lang, std::string_view metric_id);

}  // namespace wijknet::viz
