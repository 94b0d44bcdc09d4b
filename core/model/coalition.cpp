#include "core/model/coalition.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text/utf8.hpp"

namespace wijknet {

bool Node::is_resident_group() const {
  if (kind != kinds::resident || !attrs.is_object()) return false;
  auto it = attrs.find(std::string(resident_forms::attr));
  if (it == attrs.end() || !it->is_string()) return false;
  return ascii_lower(it->get<std::string>()) == resident_forms::group;  // "Group" from a spreadsheet
}

namespace {

// The largest node count the index can hold (32-bit node numbers); far past any read limit.
constexpr std::size_t most_nodes = IdIndex::empty - 1;

}  // namespace

std::uint32_t Coalition::lookup(std::string_view id, std::uint32_t hash) const {
  return index_.find(id, hash, [&](std::uint32_t i) -> const std::string& { return nodes[i].id; });
}

std::size_t Coalition::add_node(Node node) {
  const std::uint32_t hash = IdIndex::hash_of(node.id);
  if (lookup(node.id, hash) != IdIndex::empty)
    throw std::invalid_argument("duplicate node id '" + node.id + "'");
  if (nodes.size() >= most_nodes) throw std::length_error("more than 4 billion nodes");
  index_.insert(node.id, hash, std::uint32_t(nodes.size()));
  nodes.push_back(std::move(node));
  return nodes.size() - 1;
}

std::pair<std::size_t, bool> Coalition::node_for_id(std::string_view id) {
  const std::uint32_t hash = IdIndex::hash_of(id);
  const auto i = lookup(id, hash);
  if (i != IdIndex::empty) return {i, false};
  if (nodes.size() >= most_nodes) throw std::length_error("more than 4 billion nodes");
  nodes.emplace_back().id = id;
  index_.insert(id, hash, std::uint32_t(nodes.size() - 1));
  return {nodes.size() - 1, true};
}

std::size_t Coalition::add_edge(Edge edge) {
  if (edge.source >= nodes.size() || edge.target >= nodes.size())
    throw std::out_of_range("edge endpoint is not a node of this coalition");
  edges.push_back(std::move(edge));
  return edges.size() - 1;
}

std::optional<std::size_t> Coalition::find(std::string_view id) const {
  const auto i = lookup(id, IdIndex::hash_of(id));
  if (i == IdIndex::empty) return std::nullopt;
  return i;
}

const Node* Coalition::node(std::string_view id) const {
  auto i = find(id);
  return i ? &nodes[*i] : nullptr;
}

const Theme* Coalition::theme(std::string_view id) const {
  for (const auto& t : themes)
    if (t.id == id) return &t;
  return nullptr;
}

void Coalition::remove_nodes(const std::vector<std::size_t>& indices) {
  std::vector<bool> gone(nodes.size(), false);
  for (auto i : indices)
    if (i < nodes.size()) gone[i] = true;
  std::vector<std::size_t> remap(nodes.size(), SIZE_MAX);
  std::vector<Node> kept;
  kept.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (gone[i]) {
      layout.erase(nodes[i].id);
      continue;
    }
    remap[i] = kept.size();
    kept.push_back(std::move(nodes[i]));
  }
  nodes = std::move(kept);
  std::erase_if(edges, [&](const Edge& e) { return gone[e.source] || gone[e.target]; });
  for (auto& e : edges) {
    e.source = remap[e.source];
    e.target = remap[e.target];
  }
  reindex();
}

void Coalition::reindex() {
  if (nodes.size() >= most_nodes) throw std::length_error("more than 4 billion nodes");
  index_.clear(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) index_.insert(nodes[i].id, IdIndex::hash_of(nodes[i].id), std::uint32_t(i));
}

Coalition Coalition::at(const Date& d) const {
  Coalition out;
  out.name = name;
  out.area = area;
  out.themes = themes;
  out.extra = extra;
  std::vector<std::size_t> remap(nodes.size(), SIZE_MAX);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].exists_at(d)) continue;
    remap[i] = out.add_node(nodes[i]);
    if (auto it = layout.find(nodes[i].id); it != layout.end()) out.layout.insert(*it);
  }
  for (const auto& e : edges) {
    if (!e.exists_at(d) || remap[e.source] == SIZE_MAX || remap[e.target] == SIZE_MAX) continue;
    Edge copy = e;
    copy.source = remap[e.source];
    copy.target = remap[e.target];
    out.edges.push_back(std::move(copy));
  }
  return out;
}

}  // namespace wijknet
