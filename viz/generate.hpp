// Synthetic networks for the viewer's benchmark and tests.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/model/coalition.hpp"

namespace wijknet::viz {

// A Barabasi-Albert preferential-attachment network (Barabasi and Albert, Science 286, 1999) of
// n nodes: it starts from m nodes without ties, then every new node ties to m distinct earlier
// nodes chosen with probability proportional to their degree (the repeated-nodes list of
// networkx's barabasi_albert_graph). m (n - m) ties; 20,000 nodes with m = 5 give 99,975.
// Nodes get ids "v0".."v{n-1}" and, so that colours mean something, kinds and sectors drawn
// from `seed` (mostly partners spread over the sectors, some residents and projects).
// Deterministic for a given seed. O(n m) expected time.
Coalition barabasi_albert(std::size_t n, std::size_t m, std::uint64_t seed = 42);

}  // namespace wijknet::viz
