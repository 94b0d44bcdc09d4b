// Pseudonymisation of residents for exports (DOMAIN.md, "Privacy"): under the AVG/GDPR a
// resident's name is personal data, so an export for a council report or a funder can replace
// residents by stable pseudonyms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/coalition.hpp"

namespace wijknet {

// Attribute keys that describe a resident's part in the coalition rather than the person:
// effort, impact, status, role, committed_until, resident (person or group; and, on ties, trust,
// value, amount).
// Everything else on a resident (name, email, phone, address, age, birth date, notes, ...) is
// treated as personal, because an unknown key is more likely to hold personal data than not.
bool is_safe_attr(std::string_view key);

// The stable pseudonym code of an id: the first `hex_digits` (1..16) hex digits of the 64-bit
// FNV-1a hash of its bytes. Pure function of the id, so the same resident gets the same code in
// every export and on every machine (std::hash promises neither). O(|id|).
// Fowler, Noll, Vo: http://www.isthe.com/chongo/tech/comp/fnv/
std::string pseudonym_code(std::string_view id, int hex_digits = 4);

// A copy of `coalition` in which every resident person (Node::is_resident_person: a resident
// that is not marked `resident: group`; groups and associations are organisations and keep
// their names, as partners do):
// - gets id "bewoner-CODE" and label "Bewoner CODE" (CODE = pseudonym_code(old id)); when two
//   codes collide or a code hits an existing id, that resident gets 8, then 16 hex digits, then
//   a numeric suffix, so ids stay unique and every other resident keeps its short code;
// - keeps kind, sector, themes, role, since and until (its part in the coalition);
// - keeps only the attrs for which is_safe_attr holds, and drops its unknown keys (extra).
// Edges that touch a resident person keep their kind, weight, direction and dates, but only safe attrs
// and no extra keys (a note on a tie may name the person). Layout keys follow the new ids;
// edges refer to nodes by index and need no change. Other nodes are untouched.
// Stable: the same document gives the same pseudonyms on every run. Note that the code is an
// unsalted hash of the id: it hides names from readers of a report, but someone holding a list
// of candidate ids can test them; pass a secret `salt` when that matters. O(n + m).
Coalition anonymized(const Coalition& coalition, std::string_view salt = {});

}  // namespace wijknet
