// Display names of model values in the viewer. Every text comes from the project's one
// translation table (core/i18n, entries under core/text/); the viewer's own sentences are in
// core/text/viewer.inc and are looked up with `tr` like any other.
#pragma once

#include <string>
#include <string_view>

#include "core/text/i18n.hpp"

namespace wijknet::viz {

// "partner" -> "Partner", "resident" -> "Bewoner"/"Resident"; unknown kinds are shown as they are.
std::string kind_name(Lang lang, std::string_view kind);
// A sector as a heading (legend, filters, inspector): "housing" -> "Woningcorporaties"/"Housing";
// "" -> "(geen sector)"; a legend key that is a kind ("project") gets the kind's name; other
// values are shown as they are.
std::string sector_title(Lang lang, std::string_view sector);
std::string metric_name(Lang lang, std::string_view metric_id);

}  // namespace wijknet::viz
