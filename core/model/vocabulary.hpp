// The coalition's words: the kinds of members and ties, the forms of a resident, the sectors of
// DOMAIN.md and their names in a sentence. One copy, read by the model, the health model, the
// suggestions, the SVG and the viewer.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/text/i18n.hpp"

namespace wijknet {

struct Node;

// Well-known values of Node::kind and Edge::kind. Unknown kinds are kept as they are.
namespace kinds {
inline constexpr std::string_view partner = "partner";
inline constexpr std::string_view resident = "resident";
inline constexpr std::string_view project = "project";

inline constexpr std::string_view collaborates = "collaborates";
inline constexpr std::string_view participates = "participates";
inline constexpr std::string_view funds = "funds";
inline constexpr std::string_view tie = "tie";
}  // namespace kinds

// A resident is a person or a group (DOMAIN.md): a resident person is personal data under the
// AVG, a resident group or association (bewonersgroep, huurdersvereniging) is an organisation.
// Carried as the node attribute `resident` ("person" or "group"), so every format that keeps
// node attributes keeps the distinction (GraphML, GEXF, GML, CSV, Kumu's sheets, DOT).
namespace resident_forms {
inline constexpr std::string_view attr = "resident";
inline constexpr std::string_view person = "person";
inline constexpr std::string_view group = "group";
}  // namespace resident_forms

// The sectors of DOMAIN.md, in the order the UI lists them. Other strings are kept.
inline constexpr std::array<std::string_view, 11> known_sectors = {
    "municipality", "housing", "education", "welfare", "health", "business",
    "civil_society", "residents", "safety", "culture", "funder"};

// The essential sectors of a vital coalition (seeds 000, 001, 002): municipality, housing,
// education, welfare, business and residents.
inline constexpr std::array<std::string_view, 6> essential_sectors = {"municipality", "housing", "education",
                                                                      "welfare",      "business", "residents"};

// The sector a node stands for: its `sector`, or "residents" for a resident without one.
std::string_view sector_of(const Node& node);

// A sector's name for a sentence ("gemeente" / "municipality"); unknown sectors as written.
std::string sector_name(Lang lang, std::string_view sector);

}  // namespace wijknet
