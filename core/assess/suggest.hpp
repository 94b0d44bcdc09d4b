// Missing partners (DOMAIN.md: "find missing partners: sectors or themes with nobody, candidates
// who would fill the gap, members who should be introduced, and who takes over when the broker
// leaves"). Every suggestion carries a `reason` sentence in the user's language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"

namespace wijknet {

// One organisation of a registry of possible partners (the CSV of `wijknet suggest
// --candidates`: name, sector, themes, and optionally ties, the ids of current members it knows).
struct Candidate {
  std::string name, sector;
  std::vector<std::string> themes;  // theme ids or labels
  std::vector<std::string> ties;    // member ids
};

struct SuggestOptions {
  std::optional<Date> at;  // today when empty
  Lang lang = Lang::en;
  std::size_t max_candidates = 10;
  std::size_t max_introductions = 10;
};

// Essential sectors absent from the coalition (theme empty), or from one theme's projects.
struct MissingSectors {
  std::string theme;                 // empty: the coalition as a whole
  std::vector<std::string> sectors;
  std::vector<std::string> members;  // members of those sectors who could join the theme's projects
  std::string reason;
};

struct CandidateSuggestion {
  std::string name, sector;
  std::vector<std::string> fills;        // "sector:business", "theme:wonen", "new_sector:health"
  std::vector<std::string> known_members;  // ids of current members it already knows
  double score = 0;
  std::string reason;
};

// A pair of members who should meet: they have no direct tie.
struct Introduction {
  std::string a, b;  // node ids, a < b in document order
  std::vector<std::string> shared_themes, shared_projects;  // ids
  bool bridges_groups = false;    // in different Louvain communities
  std::uint64_t pairs_kept = 0;   // pairs that stay connected without the broker thanks to this tie
  double score = 0;
  std::string reason;
};

struct Successor {
  std::string id;
  bool municipality = false;  // sector municipality: named after every other partner (seeds 001, 002)
  // networkx-normalised betweenness on the network of all members with their projects (the one
  // `wijknet analyze` and the viewer show), now and without the leaving member
  double betweenness_before = 0, betweenness_after = 0;
  std::size_t shared_contacts = 0;                        // of the broker's contacts it already knows
  std::string reason;
};

struct Succession {
  std::string leaving;           // the designated broker, else the member with most betweenness
  bool designated = false;       // role "broker"
  std::uint64_t pairs_lost = 0;  // actor pairs that lose touch without it
  std::vector<Successor> successors;      // up to three: non-municipal first, then most shared contacts
  std::vector<Introduction> reconnect;    // the fewest introductions that keep the network connected
  std::string reason;
};

struct Suggestions {
  std::vector<MissingSectors> missing_sectors;
  std::vector<CandidateSuggestion> candidates;
  std::vector<Introduction> introductions;
  std::optional<Succession> succession;  // nullopt with fewer than three actors
  bool registry_given = false;
};

// Computes the four kinds of suggestion on the coalition as it stood at options.at, on the
// collaboration network of core/assess/health.hpp.
//
// missing_sectors: the essential sectors (municipality, housing, education, welfare, business,
//   residents) no actor belongs to; and per theme, the essential sectors absent from the actors
//   who take part in its projects, with the members of those sectors who could join.
// candidates: registry rows that are not members already (by name), scored
//   3 per essential sector they bring that the coalition lacks, 1 per sector new to the
//   coalition otherwise, 1 per theme (matched by id or label) whose projects lack their sector
//   and are carried by fewer than three sectors or lack an essential one,
//   plus 0.5 per tie to a current member (at most four): a partner who already knows members
//   is easier to bring in. Rows that fill no gap are left out; best first, ties by name.
// introductions: pairs of actors without a direct tie, scored
//   1 per shared theme, 1.5 per shared project ("work together on paper but have no tie"),
//   2 when they sit in different Louvain communities and share a theme (a tie across a
//   structural hole, Burt 1992), and 4 x the share of the broker's (or most critical member's)
//   lost pairs that the tie would keep connected; at most two introductions per member, so the
//   list does not circle one person. Best first.
// succession: for the designated broker (else the member with the highest betweenness on the
//   network of all members with their projects): up to three members who would bridge once it is
//   gone (betweenness > 0 on that network without it, after the reconnecting introductions),
//   partners who are not the municipality first (seeds 001, 002: the coalition carries on by
//   itself; the municipality facilitates, it does not steer), then those who already know most of
//   its contacts, then the larger betweenness; pure funders are not proposed. When only the
//   municipality can bridge, the reason says so and recalls that it should facilitate; and the smallest set
//   of introductions that reconnects what it held together: one per part split off (k parts need
//   k - 1 ties, so the set is minimal), each joining a part to the rest by the pair that shares
//   the most themes, preferring the first successor; largest parts first.
// Complexity: O(n^2) over actor pairs up to 1,500 actors (above that only pairs that share a
// project or would reconnect the broker's parts), plus two betweenness runs, O(n m).
Suggestions suggest(const Coalition& coalition, const std::vector<Candidate>& registry,
                    const SuggestOptions& options = {});

// {"missing_sectors": [{"theme", "sectors", "members", "reason"}], "candidates": [{"name",
// "sector", "fills", "known_members", "score", "reason"}], "introductions": [{"a", "b",
// "shared_themes", "shared_projects", "bridges_groups", "pairs_kept", "score", "reason"}],
// "succession": {"leaving", "designated", "pairs_lost", "network" ("members_and_projects"),
// "successors": [{"id", "municipality", "betweenness_before", "betweenness_after",
// "shared_contacts", "reason"}], "reconnect": [...], "reason"} or null}. "theme" is null for the coalition as a whole; "candidates" is null when no
// registry was given.
Json suggestions_json(const Suggestions& s);

}  // namespace wijknet
