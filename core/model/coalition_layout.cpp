#include "core/model/coalition_layout.hpp"

#include <cmath>
#include <cstdint>

namespace wijknet {

std::vector<LayoutTie> layout_ties(const Coalition& coalition) {
  std::vector<LayoutTie> ties;
  ties.reserve(coalition.edges.size());
  for (const auto& e : coalition.edges)
    if (e.source != e.target)
      ties.push_back({std::uint32_t(e.source), std::uint32_t(e.target), e.weight > 0 ? e.weight : 1.0});
  return ties;
}

std::vector<Vec2> initial_positions(const Coalition& coalition, bool* complete) {
  std::vector<Vec2> pos(coalition.nodes.size());
  bool all = !coalition.nodes.empty();
  for (std::size_t i = 0; i < pos.size(); ++i) {
    const auto& id = coalition.nodes[i].id;
    auto it = coalition.layout.find(id);
    if (it != coalition.layout.end() && std::isfinite(it->second[0]) && std::isfinite(it->second[1])) {
      pos[i] = {it->second[0], it->second[1]};
    } else {
      pos[i] = seed_position(id, pos.size());
      all = false;
    }
  }
  if (complete) *complete = all;
  return pos;
}

void store_layout(Coalition& coalition, const std::vector<Vec2>& positions) {
  coalition.layout.clear();
  for (std::size_t i = 0; i < coalition.nodes.size() && i < positions.size(); ++i)
    coalition.layout[coalition.nodes[i].id] = {positions[i].x, positions[i].y};
}

}  // namespace wijknet
