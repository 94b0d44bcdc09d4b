// The facts about a coalition snapshot that the health indicators, the suggestions and the
// what-if read, computed once: the actor network, the brokers, who takes part in which project,
// and the sentences' words in the reader's language.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/assess/health.hpp"
#include "core/graph/network.hpp"

namespace wijknet {

// One actor's part in a project: a `participates` edge between them.
struct Participation {
  std::size_t actor = 0;  // node index
  std::string role;       // attrs.role: lead, member, volunteer, ... ("" when absent)
};

struct HealthContext {
  HealthContext(const Coalition& snapshot, Date at, Lang lang);

  const Coalition& c;  // the coalition as it stood at `at`: every node and edge exists then
  Date at;
  Lang lang;
  Network actors;                  // actors_only: projects projected away
  std::vector<std::size_t> brokers;  // node indices with role "broker", actors only
  std::vector<bool> pure_funder;     // per node index: only `funds` ties (core/model/coalition_network.hpp)
  // Per node index: for a project, who takes part in it (document order, one entry per edge).
  std::vector<std::vector<Participation>> participants;
  // Per node index: the projects an actor takes part in (sorted, unique).
  std::vector<std::vector<std::size_t>> projects_of;

  const std::string& label(std::size_t node) const;
  // "A, B en C" / "A, B and C"; beyond `max` names "..., F en nog 3" / "... and 3 more".
  std::string labels(const std::vector<std::size_t>& nodes, std::size_t max = 6) const;
  std::string ids_joined(const std::vector<std::string>& names, std::size_t max = 6) const;
  // "wijkmakelaar X" / "the neighbourhood broker X"; "de wijkmakelaar" when the label already
  // says so ("Wijkmakelaar", "Neighbourhood broker").
  std::string broker_phrase(std::size_t node) const;
  std::string tr(std::string_view key, std::initializer_list<std::string> args = {}) const {
    return wijknet::tr(lang, key, args);
  }
  std::string tr_count(std::string_view key, std::size_t count, std::initializer_list<std::string> args = {}) const {
    return wijknet::tr_count(lang, key, count, args);
  }
  std::string num(double x, int decimals) const { return format_number(lang, x, decimals); }
  std::string percent(double share) const { return format_number(lang, 100.0 * share, 0) + "%"; }
};

// The theme ids of the coalition: its declared themes, else those its nodes name (first seen
// order).
std::vector<std::string> theme_ids(const Coalition& c);
std::string theme_label(const Coalition& c, const std::string& id);

// Is this a participation in the resident-voice sense: lead, member or volunteer (an absent role
// counts as member, since the edge says the actor takes part); "beneficiary", "target" and other
// roles do not.
bool voice_role(std::string_view role);

}  // namespace wijknet
