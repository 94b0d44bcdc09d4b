// The coalition model of DOMAIN.md ("wijknet/1"): partners, residents and projects, the ties
// between them, the themes they serve, and where they were drawn.
//
// This is the editable document. Analytics never run on it directly: they run on a `Network`
// (core/graph/network.hpp), a compact index-based snapshot taken at a date.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/id_index.hpp"
#include "core/model/vocabulary.hpp"
#include "core/text/date.hpp"
#include "core/text/interned.hpp"

namespace wijknet {

// Attribute values and unknown keys are carried as JSON, in the order they were read, so that a
// document read and written again keeps everything it had.
using Json = nlohmann::ordered_json;

struct Theme {
  std::string id;
  std::string label;
  Json extra = Json::object();  // keys other than id and label
};

// A node's place in Coalition::nodes as an edge holds it.
using NodeIndex = std::uint32_t;

struct Node {
  std::string id;
  std::string label;
  // kind, sector and role are words of a small vocabulary that thousands of nodes share: each is
  // held once (Interned) and a node keeps a pointer to it.
  Interned kind;    // partner, resident, project, or anything else
  Interned sector;  // empty when the document has none
  std::vector<std::string> themes;
  Interned role;    // "broker" marks the wijkmakelaar; empty when none
  std::optional<Date> since, until;
  // attrs and extra start as null, which nlohmann treats as an empty collection (size 0, find
  // gives end(), items() is empty, operator[] makes it an object): an empty object would cost a
  // heap allocation each, two per node and edge, about a third of a large edge list's memory.
  // Test with is_object() or contains() before const access.
  Json attrs;
  Json extra;  // unknown keys of the node object

  bool is_actor() const { return kind != kinds::project; }
  bool is_broker() const { return role == "broker"; }
  // A resident group or association: kind resident with attrs.resident == "group".
  bool is_resident_group() const;
  // A resident person: every other resident. A resident without the attribute counts as a
  // person, the safe default for privacy (a group wrongly taken for a person only loses its
  // name in exports for others; the reverse would publish a person's name).
  bool is_resident_person() const { return kind == kinds::resident && !is_resident_group(); }
  bool exists_at(const Date& d) const { return wijknet::exists_at(since, until, d); }
};

struct Edge {
  // Indexes into Coalition::nodes, 32 bits as the id index's (a coalition holds fewer than 2^32 - 1
  // nodes): 8 bytes a tie less, 110 MB on a list of 14 million ties.
  NodeIndex source = 0;
  NodeIndex target = 0;
  Interned kind;           // collaborates, participates, funds, tie, or anything else (as Node's)
  double weight = 1.0;     // tie strength
  std::optional<Date> since, until;
  bool directed = false;
  Json attrs;  // null when empty, as in Node
  Json extra;

  bool exists_at(const Date& d) const { return wijknet::exists_at(since, until, d); }
};

// One coalition document. Nodes are addressed by index; `find` maps a string id to its index.
// Edges refer to nodes by index, so ids can be renamed without touching the edges.
class Coalition {
 public:
  std::string name;
  std::string area;
  std::vector<Theme> themes;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::unordered_map<std::string, std::array<double, 2>> layout;  // node id -> position
  Json extra = Json::object();  // unknown top-level keys, carried through

  // Adds a node; returns its index. Throws std::invalid_argument on a duplicate id
  // (readers check first, so that they can say where the duplicate is).
  std::size_t add_node(Node node);
  // Adds an edge between existing nodes; returns its index.
  std::size_t add_edge(Edge edge);

  std::optional<std::size_t> find(std::string_view id) const;
  // The node with this id, appended with only its id when there is none: its index and whether
  // it was appended. For readers of large files (one hash a mention, no copy of the id).
  std::pair<std::size_t, bool> node_for_id(std::string_view id);
  const Node* node(std::string_view id) const;
  const Theme* theme(std::string_view id) const;

  // Removes the nodes (by index) and every edge that touches them; keeps the order of the rest.
  void remove_nodes(const std::vector<std::size_t>& indices);

  // Rebuilds the id index after nodes were edited in place (ids changed, vector reordered).
  void reindex();

  // The coalition as it stood at `at`: nodes and edges that exist then, and edges whose
  // endpoints both do. Layout, themes and unknown keys are kept.
  Coalition at(const Date& at) const;

 private:
  // The node with this id in index_ (`hash` from IdIndex::hash_of), or IdIndex::empty.
  std::uint32_t lookup(std::string_view id, std::uint32_t hash) const;
  IdIndex index_;
};

}  // namespace wijknet
