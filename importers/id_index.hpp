// A node id index for readers of large files (edge lists, the native JSON's streaming reader).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model/coalition.hpp"

namespace wijknet {

// The node index while a large file is read: open addressing over (hash, node index) pairs, the
// ids compared against the nodes themselves, looked up by string_view so that no id is copied
// to be found. Each id is hashed once per mention; std::unordered_map would allocate a list node
// per id and chase it on every lookup, most of the reading time of a million-edge list.
// Readers add nodes to Coalition::nodes themselves and call Coalition::reindex() at the end.
class IdIndex {
 public:
  explicit IdIndex(const std::vector<Node>& nodes) : nodes_(nodes) { slots_.assign(1024, Slot{}); }

  // The index of the node with this id, or `empty`; `hash` from hash_of(id).
  std::uint32_t find(std::string_view id, std::uint32_t hash) const {
    const std::uint64_t key = short_key(id);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.node == empty) return empty;
      if (s.hash == hash && s.key == key && (key != long_id || nodes_[s.node].id == id)) return s.node;
    }
  }
  // Records node `node` (whose id hashes to `hash`), known to be absent.
  void insert(std::uint32_t hash, std::uint32_t node) {
    if (++size_ * 2 > slots_.size()) grow();
    place({hash, node, short_key(nodes_[node].id)});
  }
  static std::uint32_t hash_of(std::string_view id) {
    // FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char ch : id) h = (h ^ ch) * 0x100000001b3ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return std::uint32_t(h);
  }
  static constexpr std::uint32_t empty = 0xFFFFFFFFu;

 private:
  // An id of up to 7 bytes is held in the slot itself (its bytes and its length), so finding it
  // does not touch the node: one cache miss a lookup instead of two. Longer ids are compared
  // with the node's.
  static constexpr std::uint64_t long_id = ~std::uint64_t(0);
  static std::uint64_t short_key(std::string_view id) {
    if (id.size() > 7) return long_id;
    std::uint64_t key = std::uint64_t(id.size()) << 56;
    for (std::size_t i = 0; i < id.size(); ++i) key |= std::uint64_t(static_cast<unsigned char>(id[i])) << (8 * i);
    return key;
  }
  struct Slot {
    std::uint32_t hash = 0, node = empty;
    std::uint64_t key = 0;
  };
  void place(const Slot& slot) {
    std::size_t i = slot.hash & (slots_.size() - 1);
    while (slots_[i].node != empty) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.node != empty) place(s);
  }
  const std::vector<Node>& nodes_;
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace wijknet
