#include "viz/thinning.hpp"

#include <algorithm>

#include "core/model/coalition_network.hpp"
#include "core/graph/kcore.hpp"

namespace wijknet::viz {

MemberDegrees member_degrees(const Coalition& doc, std::optional<Date> at) {
  MemberDegrees out;
  out.degree.assign(doc.nodes.size(), -1);
  out.core.assign(doc.nodes.size(), -1);
  // As measure_network takes it: the coalition at the date, its members-and-projects network.
  const Coalition snapshot = doc.at(at.value_or(Date::today()));
  const Network net = coalition_network(snapshot, NetworkScope::members_and_projects);
  const std::vector<int> core = core_number(net);
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    const auto k = snapshot.find(doc.nodes[i].id);
    if (!k) continue;
    const auto v = net.vertex_of(*k);
    if (!v) continue;
    out.degree[i] = int(net.degree(*v));
    out.core[i] = core[*v];
  }
  return out;
}

std::size_t count_at_least(const std::vector<int>& values, int k) {
  return std::size_t(std::count_if(values.begin(), values.end(), [k](int v) { return v >= k; }));
}

int largest(const std::vector<int>& values) {
  int best = 0;
  for (int v : values) best = std::max(best, v);
  return best;
}

}  // namespace wijknet::viz
