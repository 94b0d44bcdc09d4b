// The node id index of a Coalition (Coalition::find), also what readers of large files use
// while they add nodes (Coalition::node_for_id).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wijknet {

// Open addressing over (hash, node index) pairs, the ids compared against the nodes themselves
// (`id_of(i)` gives node i's id), looked up by string_view so that no id is copied to be found.
// Each id is hashed once per mention; std::unordered_map would allocate a list node per id
// (about 70 bytes) and chase it on every lookup, most of the reading time of a million-edge list.
// 16 bytes a slot, at most 3/4 of the slots used.
class IdIndex {
 public:
  IdIndex() { slots_.assign(16, Slot{}); }

  // Empties the index and makes room for `count` ids without growing.
  void clear(std::size_t count = 0) {
    std::size_t size = 16;
    while (size * 3 < count * 4 + 4) size *= 2;
    slots_.assign(size, Slot{});
    size_ = 0;
  }

  // The index of the node with this id, or `empty`; `hash` from hash_of(id).
  template <class IdOf>
  std::uint32_t find(std::string_view id, std::uint32_t hash, IdOf&& id_of) const {
    const std::uint64_t key = short_key(id);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.node == empty) return empty;
      if (s.hash == hash && s.key == key && (key != long_id || std::string_view(id_of(s.node)) == id)) return s.node;
    }
  }
  // Records node `node` with id `id` (hashing to `hash`), known to be absent; if it is present,
  // find keeps giving the node recorded first.
  void insert(std::string_view id, std::uint32_t hash, std::uint32_t node) {
    if (++size_ * 4 > slots_.size() * 3) grow();
    place({hash, node, short_key(id)});
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
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace wijknet
