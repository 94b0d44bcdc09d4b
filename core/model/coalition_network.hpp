// The two networks a measure can be on (DOMAIN.md, "Analytics conventions": every place that
// shows a measure says which, and the same measure on the same network is the same number
// everywhere). `wijknet analyze`, the suggestions, the report and the viewer all build their
// network here, so a member's betweenness is one number wherever it is shown.
//
//   members_and_projects  every member and every project as a node, tied by the document's ties
//                         (a member to the projects it takes part in or funds). The default of
//                         `wijknet analyze` and of the viewer's inspector.
//   actors                the actors' collaboration network: projects projected away, two actors
//                         tied by their direct ties and by the projects they share
//                         (`wijknet analyze --actors`, the health model, the what-if).
//
// Pure funders. A partner whose every tie is a `funds` tie to a project takes part in the
// coalition through the projects it pays for: in the actors network it is tied to the members
// of those projects, as in members_and_projects, so both networks have the same parts and a
// foundation that only funds is never "outside the network". Another actor's funding of a project
// adds no tie: a partner that pays for a project it does not work in does not thereby work with
// everyone in it (funding has its own indicator).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/graph/analysis.hpp"
#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "core/graph/network.hpp"

namespace wijknet {

struct NetworkOptions {
  // The network as it stood at this date; every node and tie when empty.
  std::optional<Date> at;
  // Project the two-mode data (actors x projects) onto the actors: two actors are tied with a
  // weight equal to the number of projects they share (networkx's weighted_projected_graph),
  // added to the strength of any direct tie between them. Projects are left out.
  bool actors_only = false;
};

// The snapshot of a coalition as a Network: vertex v stands for coalition.nodes[net.node_index(v)].
// Undirected and simple (DOMAIN.md's "Analytics conventions"); what was dropped or merged is in
// net.notes(). O(n + m log m + sum of project sizes^2).
Network build_network(const Coalition& coalition, const NetworkOptions& options = {});

enum class NetworkScope { members_and_projects, actors };

// "members_and_projects" / "actors", for JSON.
std::string_view scope_id(NetworkScope scope);
// The network's name for a sentence: "het netwerk van alle leden met hun projecten" / "the network
// of all members with their projects"; "het samenwerkingsnetwerk van de deelnemers (zonder
// projecten)" / "the members' collaboration network (projects left out)".
std::string scope_name(Lang lang, NetworkScope scope);

// Per node index of `snapshot`: whether it is a pure funder (an actor with at least one `funds`
// tie to a project and no tie of another kind). O(n + m).
std::vector<bool> pure_funders(const Coalition& snapshot);

// The network of `snapshot` (take Coalition::at first for a date) in the given scope, as the
// header describes. O(n + m log m + sum of project sizes^2).
Network coalition_network(const Coalition& snapshot, NetworkScope scope);

// A coalition's network as it stood at a date, with every measure of `analyze` on it: what the
// command line, the report and the viewer show for a member.
struct MeasuredNetwork {
  Date at;
  NetworkScope scope = NetworkScope::members_and_projects;
  Coalition snapshot;  // the coalition at `at`; net's node indices refer to it
  Network net;
  Analysis analysis;
};

// The collaboration network the health model, the suggestions and the what-if read:
// coalition_network(coalition, NetworkScope::actors), the network
// `wijknet analyze --actors` measures. Projects are projected away; actors are tied by their
// direct ties and by the projects they share. A pure funder (only `funds` ties) is tied to the
// members of the projects it pays for; another actor's funding adds no tie. Pass a snapshot
// (Coalition::at) for a date. O(n + m log m + sum of project sizes^2).
Network collaboration_network(const Coalition& coalition);

// The snapshot at options_at (today when empty), its network in `scope` and analyze() on it.
// Complexity: analyze's, O(n m).
MeasuredNetwork measure_network(const Coalition& coalition, NetworkScope scope, std::optional<Date> at = std::nullopt,
                                const AnalysisOptions& options = {});

}  // namespace wijknet
