#include "core/graph/layout.hpp"

#include "core/graph/components.hpp"
#include "core/graph/distances.hpp"
#include "core/graph/network.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace wijknet {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// splitmix64 (Steele, Lea, Flood 2014): spreads the bits of the id hash into well mixed words.
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Threads for a force pass over n vertices (see LayoutSettings::threads).
unsigned thread_count(unsigned wanted, std::size_t n) {
  if (n < 2000) return 1;
  unsigned t = wanted ? wanted : std::max(1u, std::thread::hardware_concurrency());
  return std::clamp(t, 1u, 64u);
}

// Calls fn(begin, end, worker) on blocks of [0, n), handed out to `threads` workers (the calling
// thread is worker 0) as they come free: the cost of a vertex's repulsion varies with how
// crowded its neighbourhood is, so fixed shares would leave a thread waiting. What a block
// computes must not depend on which worker takes it.
template <class F>
void parallel_blocks(std::size_t n, unsigned threads, F&& fn) {
  constexpr std::size_t block = 512;
  if (threads <= 1 || n <= block) {
    fn(std::size_t(0), n, 0u);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&](unsigned worker) {
    for (std::size_t b; (b = next.fetch_add(block)) < n;) fn(b, std::min(n, b + block), worker);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
}

// The Barnes-Hut quadtree over the current positions, rebuilt every step. Cells live in one
// flat vector (children of a cell are four consecutive entries) and vertices that share a leaf
// (equal positions, or the depth limit) form a singly linked list, so neither building nor
// walking recurses: a 20,000-node path cannot overflow the stack.
class QuadTree {
 public:
  struct Cell {
    double cx = 0, cy = 0, half = 0;  // the square: centre and half its width
    double mass = 0, mx = 0, my = 0;  // total mass; mass-weighted sums, then the centre of mass
    std::int32_t child = -1;          // first of the four children, -1 for a leaf
    std::int32_t body = -1;           // first vertex of a leaf's list
    std::int32_t depth = 0;
  };

  void build(const std::vector<Vec2>& pos, const std::vector<double>& mass) {
    cells_.clear();
    next_.assign(pos.size(), -1);
    if (pos.empty()) return;
    double x0 = pos[0].x, x1 = x0, y0 = pos[0].y, y1 = y0;
    for (const auto& p : pos) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    Cell root;
    root.cx = (x0 + x1) / 2, root.cy = (y0 + y1) / 2;
    root.half = std::max(x1 - x0, y1 - y0) / 2 * 1.0001 + 1e-9;
    cells_.reserve(pos.size() * 2 + 1);
    cells_.push_back(root);
    for (std::size_t b = 0; b < pos.size(); ++b) insert(std::int32_t(b), pos, mass);
    for (auto& c : cells_)
      if (c.mass > 0) c.mx /= c.mass, c.my /= c.mass;
  }

  // The vertices in the order of the tree's leaves (a Z-order of the plane): consecutive
  // vertices are near each other and open mostly the same cells, which keeps them in cache.
  std::vector<std::int32_t> leaf_order() const {
    std::vector<std::int32_t> order, stack;
    order.reserve(next_.size());
    if (cells_.empty()) return order;
    stack.push_back(0);
    while (!stack.empty()) {
      const Cell& c = cells_[stack.back()];
      stack.pop_back();
      if (c.child < 0) {
        for (std::int32_t e = c.body; e >= 0; e = next_[e]) order.push_back(e);
      } else {
        for (int q = 3; q >= 0; --q) stack.push_back(c.child + q);
      }
    }
    return order;
  }

  // Repulsion on vertex b from every other vertex, far cells approximated.
  Vec2 force_on(std::int32_t b, const std::vector<Vec2>& pos, const std::vector<double>& mass, double scaling,
                double theta, std::vector<std::int32_t>& stack, std::size_t& terms) const {
    const double px = pos[b].x, py = pos[b].y, mb = mass[b], theta2 = theta * theta;
    double fx = 0, fy = 0;
    stack.clear();
    stack.push_back(0);
    while (!stack.empty()) {
      const Cell& c = cells_[stack.back()];
      stack.pop_back();
      if (c.mass <= 0) continue;
      if (c.child < 0) {
        for (std::int32_t e = c.body; e >= 0; e = next_[e]) {
          if (e == b) continue;
          double dx = px - pos[e].x, dy = py - pos[e].y, d2 = dx * dx + dy * dy;
          if (d2 <= 0) continue;
          double f = scaling * mb * mass[e] / d2;
          fx += dx * f, fy += dy * f;
          ++terms;
        }
        continue;
      }
      double dx = px - c.mx, dy = py - c.my, d2 = dx * dx + dy * dy;
      bool inside = std::abs(px - c.cx) <= c.half && std::abs(py - c.cy) <= c.half;
      double width = 2 * c.half;
      if (!inside && width * width < theta2 * d2) {
        double f = scaling * mb * c.mass / d2;
        fx += dx * f, fy += dy * f;
        ++terms;
      } else {
        for (int q = 0; q < 4; ++q) stack.push_back(c.child + q);
      }
    }
    return {fx, fy};
  }

 private:
  static constexpr int max_depth = 48;

  static int quadrant(const Cell& c, double x, double y) { return (x >= c.cx ? 1 : 0) + (y >= c.cy ? 2 : 0); }

  void insert(std::int32_t b, const std::vector<Vec2>& pos, const std::vector<double>& mass) {
    const double px = pos[b].x, py = pos[b].y, m = mass[b];
    std::int32_t c = 0;
    while (true) {
      cells_[c].mass += m, cells_[c].mx += m * px, cells_[c].my += m * py;
      if (cells_[c].child >= 0) {
        c = cells_[c].child + quadrant(cells_[c], px, py);
        continue;
      }
      if (cells_[c].body < 0) {
        cells_[c].body = b;
        return;
      }
      std::int32_t e = cells_[c].body;
      if ((pos[e].x == px && pos[e].y == py) || cells_[c].depth >= max_depth) {
        next_[b] = cells_[c].body;
        cells_[c].body = b;
        return;
      }
      // Split the leaf. Its list holds vertices at one position (a longer list only forms for
      // equal positions), so it moves whole into one child.
      auto first = std::int32_t(cells_.size());
      Cell parent = cells_[c];
      for (int q = 0; q < 4; ++q) {
        Cell ch;
        ch.half = parent.half / 2;
        ch.cx = parent.cx + ((q & 1) ? ch.half : -ch.half);
        ch.cy = parent.cy + ((q & 2) ? ch.half : -ch.half);
        ch.depth = parent.depth + 1;
        cells_.push_back(ch);
      }
      Cell& moved = cells_[first + quadrant(parent, pos[e].x, pos[e].y)];
      moved.body = parent.body;
      for (std::int32_t k = parent.body; k >= 0; k = next_[k])
        moved.mass += mass[k], moved.mx += mass[k] * pos[k].x, moved.my += mass[k] * pos[k].y;
      cells_[c].child = first;
      cells_[c].body = -1;
      c = first + quadrant(parent, px, py);
    }
  }

  std::vector<Cell> cells_;
  std::vector<std::int32_t> next_;
};

}  // namespace

LayoutSettings LayoutSettings::for_size(std::size_t n) {
  LayoutSettings s;
  s.scaling = n < 100 ? 10.0 : 2.0;
  s.jitter_tolerance = n >= 50000 ? 10.0 : 1.0;
  return s;
}

Vec2 seed_position(std::string_view id, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
  for (unsigned char ch : id) h = (h ^ ch) * 0x100000001b3ull;
  std::uint64_t state = h;
  double u1 = double(splitmix(state) >> 11) * 0x1.0p-53;
  double u2 = double(splitmix(state) >> 11) * 0x1.0p-53;
  // Uniform in the disc: r = R sqrt(u1); the area per node stays the same as n grows.
  double radius = 10.0 * std::sqrt(double(std::max<std::size_t>(n, 1))) * std::sqrt(u1);
  double angle = 2 * std::numbers::pi * u2;
  return {radius * std::cos(angle), radius * std::sin(angle)};
}

std::vector<Vec2> repulsion_forces(const std::vector<Vec2>& positions, const std::vector<double>& mass,
                                   double scaling, double theta, std::size_t* terms, unsigned threads) {
  std::size_t count = 0;
  std::vector<Vec2> force(positions.size());
  const std::size_t n = positions.size();
  if (theta <= 0) {
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) {
        double dx = positions[a].x - positions[b].x, dy = positions[a].y - positions[b].y;
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        double f = scaling * mass[a] * mass[b] / d2;
        force[a].x += dx * f, force[a].y += dy * f;
        force[b].x -= dx * f, force[b].y -= dy * f;
        ++count;
      }
    if (terms) *terms = count;
    return force;
  }
  QuadTree tree;
  tree.build(positions, mass);
  const std::vector<std::int32_t> order = tree.leaf_order();
  threads = thread_count(threads, n);
  std::vector<std::size_t> counts(threads, 0);
  parallel_blocks(n, threads, [&](std::size_t begin, std::size_t end, unsigned worker) {
    std::vector<std::int32_t> stack;
    std::size_t c = 0;
    for (std::size_t k = begin; k < end; ++k) {
      const std::int32_t a = order[k];
      force[std::size_t(a)] = tree.force_on(a, positions, mass, scaling, theta, stack, c);
    }
    counts[worker] += c;
  });
  if (terms) *terms = std::accumulate(counts.begin(), counts.end(), count);
  return force;
}

namespace {

constexpr std::uint32_t no_vertex = std::numeric_limits<std::uint32_t>::max();

// A direction drawn from vertex v's index and a level: the same every run.
Vec2 unit_jitter(std::size_t v, std::size_t level) {
  std::uint64_t state = (std::uint64_t(v) << 8) ^ level;
  double u = double(splitmix(state) >> 11) * 0x1.0p-53, r = double(splitmix(state) >> 11) * 0x1.0p-53;
  double a = 2 * std::numbers::pi * u, len = 0.5 + 0.5 * r;
  return {len * std::cos(a), len * std::sin(a)};
}

// One level of coarsening by matching (Hu 2005, section 4; Walshaw 2003): vertices, lightest
// first, are matched with the free neighbour of the heaviest tie relative to their masses
// (w / (m_u m_v): light neighbours first, so coarse vertices stay of similar weight); a vertex
// left over joins the lightest group among its neighbours' (a star's leaves join its centre,
// which matching alone would shrink by one leaf a level). Pinned and isolated vertices stay on
// their own. Writes parent[v], the coarse vertex of v, numbered by their first member, and
// returns the number of coarse vertices. O(m + n log n).
std::uint32_t match_vertices(const std::vector<std::uint32_t>& start, const std::vector<std::uint32_t>& to,
                             const std::vector<double>& weight, const std::vector<double>& mass,
                             const std::vector<std::uint8_t>& pinned, std::vector<std::uint32_t>& parent) {
  const std::size_t n = mass.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return mass[a] < mass[b]; });
  std::vector<std::uint32_t> mate(n, no_vertex);
  for (std::uint32_t v : order) {
    if (pinned[v] || mate[v] != no_vertex) continue;
    std::uint32_t best = no_vertex;
    double best_score = -1;
    for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
      const std::uint32_t u = to[k];
      if (u == v || pinned[u] || mate[u] != no_vertex) continue;
      const double score = weight[k] / (mass[u] * mass[v]);
      if (score > best_score) best = u, best_score = score;
    }
    if (best != no_vertex) mate[v] = best, mate[best] = v;
  }
  parent.assign(n, no_vertex);
  std::uint32_t count = 0;
  std::vector<double> group_mass;
  for (std::uint32_t v = 0; v < n; ++v)
    if (mate[v] != no_vertex && parent[v] == no_vertex) {
      parent[v] = parent[mate[v]] = count++;
      group_mass.push_back(mass[v] + mass[mate[v]]);
    }
  for (std::uint32_t v : order) {
    if (pinned[v] || parent[v] != no_vertex) continue;
    std::uint32_t best = no_vertex;
    for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
      const std::uint32_t g = parent[to[k]];
      if (g != no_vertex && !pinned[to[k]] && (best == no_vertex || group_mass[g] < group_mass[best])) best = g;
    }
    if (best != no_vertex) parent[v] = best, group_mass[best] += mass[v];
  }
  for (std::uint32_t v = 0; v < n; ++v)
    if (parent[v] == no_vertex) parent[v] = count++;
  // Renumber by first member, so the coarse order follows the fine one.
  std::vector<std::uint32_t> renumber(count, no_vertex);
  std::uint32_t next = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (renumber[parent[v]] == no_vertex) renumber[parent[v]] = next++;
    parent[v] = renumber[parent[v]];
  }
  return count;
}

double rms_radius(const std::vector<Vec2>& pos) {
  if (pos.empty()) return 0;
  double cx = 0, cy = 0, r2 = 0;
  for (const auto& p : pos) cx += p.x, cy += p.y;
  cx /= double(pos.size()), cy /= double(pos.size());
  for (const auto& p : pos) r2 += (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
  return std::sqrt(r2 / double(pos.size()));
}

// Cooling (see ForceLayout::cool): ForceAtlas2's adaptive speed keeps a drawing near its
// equilibrium trembling for a long time; a multilevel start begins close to it, so after a few
// free steps the moves shrink geometrically, as in the cooling of Fruchterman and Reingold
// (1991) and of sfdp (Hu 2005).
constexpr int coarse_warm_steps = 10, fine_warm_steps = 20;
constexpr double cooling_rate = 0.9;
constexpr std::size_t coarsest_size = 50;

}  // namespace

// The terms of the sampled stress model (see the top of layout.hpp) on the largest part of the
// graph: for vertex v and pivot p, dist[v * k + p] hops (unreachable: v is outside the part).
// Every pivot term has the weight `scale` / d^2, scale = members / k: the k pivots, drawn
// uniformly, stand for all the members.
struct StressTerms {
  std::size_t k = 0;
  std::vector<std::uint32_t> pivot;
  std::vector<std::uint16_t> dist;
  std::vector<std::uint8_t> member, is_pivot;
  std::uint16_t farthest = 0;  // the largest distance from a pivot
  double scale = 1;
  static constexpr std::uint16_t unreachable = std::numeric_limits<std::uint16_t>::max();

  double weight(std::uint16_t d) const { return scale / (double(d) * double(d)); }
};

namespace {

// Pivots drawn from the largest part (a seeded shuffle: the same graph gets the same pivots),
// and their hop distances to every vertex: the parts and the searches are the Network's
// (Boost.Graph's connected_components and breadth-first search). O(k (n + m)).
std::shared_ptr<const StressTerms> build_stress_terms(std::size_t n, const std::vector<LayoutTie>& ties,
                                                      std::size_t pivots, std::uint64_t seed) {
  auto t = std::make_shared<StressTerms>();
  std::vector<std::pair<Network::Vertex, Network::Vertex>> edges;
  edges.reserve(ties.size());
  for (const auto& tie : ties) edges.emplace_back(tie.u, tie.v);
  const Network net = Network::from_edges(n, edges);
  const Components parts = connected_components(net);
  std::vector<std::size_t> size(parts.count, 0);
  for (auto c : parts.component) ++size[c];
  const auto largest_part = std::uint32_t(std::max_element(size.begin(), size.end()) - size.begin());
  std::vector<std::uint32_t> largest;  // in vertex order, so the draw does not depend on the search
  t->member.assign(n, 0);
  t->is_pivot.assign(n, 0);
  for (std::uint32_t v = 0; v < n; ++v)
    if (parts.count > 0 && parts.component[v] == largest_part) largest.push_back(v), t->member[v] = 1;
  if (largest.size() < 3) return t;
  t->k = std::min(pivots, largest.size());
  for (std::size_t i = 0; i < t->k; ++i) {  // the first k places of a Fisher-Yates shuffle
    const std::size_t j = i + std::size_t(splitmix(seed) % (largest.size() - i));
    std::swap(largest[i], largest[j]);
    t->pivot.push_back(largest[i]);
    t->is_pivot[largest[i]] = 1;
  }
  t->scale = double(largest.size()) / double(t->k);
  t->dist.assign(n * t->k, StressTerms::unreachable);
  for (std::size_t p = 0; p < t->k; ++p) {
    const auto hops = shortest_path_lengths(net, t->pivot[p], false);
    for (std::size_t v = 0; v < n; ++v) {
      if (!std::isfinite(hops[v])) continue;
      const auto d = std::uint16_t(std::min(hops[v], double(StressTerms::unreachable - 1)));
      t->dist[v * t->k + p] = d;
      t->farthest = std::max(t->farthest, d);
    }
  }
  return t;
}

Vec2 members_centre(const std::vector<Vec2>& pos, const std::vector<std::uint8_t>& member) {
  double x = 0, y = 0, count = 0;
  for (std::size_t v = 0; v < pos.size(); ++v)
    if (member[v]) x += pos[v].x, y += pos[v].y, ++count;
  return count > 0 ? Vec2{x / count, y / count} : Vec2{};
}

}  // namespace

ForceLayout::ForceLayout(std::vector<Vec2> positions, std::vector<LayoutTie> ties, LayoutSettings settings)
    : pos_(std::move(positions)), ties_(std::move(ties)), settings_(settings) {
  const std::size_t n = pos_.size();
  mass_.assign(n, 1.0);
  std::erase_if(ties_, [n](const LayoutTie& t) { return t.u >= n || t.v >= n || t.u == t.v; });
  for (const auto& t : ties_) mass_[t.u] += 1, mass_[t.v] += 1;
  force_.assign(n, {});
  old_force_.assign(n, {});
  pinned_.assign(n, 0);
  build_adjacency();
}

ForceLayout::ForceLayout(std::vector<Vec2> positions, std::vector<LayoutTie> ties, std::vector<double> mass,
                         LayoutSettings settings)
    : pos_(std::move(positions)), mass_(std::move(mass)), ties_(std::move(ties)), settings_(settings) {
  const std::size_t n = pos_.size();
  force_.assign(n, {});
  old_force_.assign(n, {});
  pinned_.assign(n, 0);
  build_adjacency();
}

void ForceLayout::build_adjacency() {
  const std::size_t n = pos_.size();
  adj_start_.assign(n + 1, 0);
  for (const auto& t : ties_) ++adj_start_[t.u + 1], ++adj_start_[t.v + 1];
  for (std::size_t v = 0; v < n; ++v) adj_start_[v + 1] += adj_start_[v];
  adj_to_.resize(ties_.size() * 2);
  adj_weight_.resize(ties_.size() * 2);
  std::vector<std::uint32_t> at(adj_start_.begin(), adj_start_.end() - 1);
  for (const auto& t : ties_) {
    adj_to_[at[t.u]] = t.v, adj_weight_[at[t.u]++] = t.weight;
    adj_to_[at[t.v]] = t.u, adj_weight_[at[t.v]++] = t.weight;
  }
}

int ForceLayout::start_multilevel(std::size_t min_vertices) {
  end_multilevel();
  if (pos_.size() < std::max<std::size_t>(min_vertices, 2)) return 0;
  while (true) {
    const ForceLayout& finer = coarse_.empty() ? *this : coarse_.back();
    const std::size_t n = finer.size();
    if (n <= coarsest_size) break;
    std::vector<std::uint32_t> parent;
    const std::uint32_t count =
        match_vertices(finer.adj_start_, finer.adj_to_, finer.adj_weight_, finer.mass_, finer.pinned_, parent);
    if (double(count) > 0.8 * double(n)) break;  // hardly shrinks: many isolated or pinned vertices
    std::vector<Vec2> pos(count);
    std::vector<double> mass(count, 0.0);
    std::vector<std::uint8_t> pinned(count, 0), placed(count, 0);
    for (std::size_t v = 0; v < n; ++v) {
      const std::uint32_t c = parent[v];
      mass[c] += finer.mass_[v];
      if (!placed[c]) pos[c] = finer.pos_[v], placed[c] = 1;  // where its first member is
      if (finer.pinned_[v]) pinned[c] = 1;
    }
    std::vector<LayoutTie> ties;
    ties.reserve(finer.ties_.size());
    for (const auto& t : finer.ties_) {
      std::uint32_t a = parent[t.u], b = parent[t.v];
      if (a == b) continue;
      if (a > b) std::swap(a, b);
      ties.push_back({a, b, t.weight});
    }
    std::sort(ties.begin(), ties.end(), [](const LayoutTie& x, const LayoutTie& y) { return x.u != y.u ? x.u < y.u : x.v < y.v; });
    std::size_t out = 0;
    for (std::size_t i = 0; i < ties.size(); ++i) {
      if (out > 0 && ties[out - 1].u == ties[i].u && ties[out - 1].v == ties[i].v) ties[out - 1].weight += ties[i].weight;
      else ties[out++] = ties[i];
    }
    ties.resize(out);
    LayoutSettings s = settings_;
    s.settle_tolerance = settings_.settle_tolerance * 4;
    s.settle_steps = std::min(settings_.settle_steps, 10);
    ForceLayout coarse(std::move(pos), std::move(ties), std::move(mass), s);
    coarse.pinned_ = std::move(pinned);
    coarse.cool(coarse_warm_steps);
    coarse_.push_back(std::move(coarse));
    parent_.push_back(std::move(parent));
  }
  if (coarse_.empty()) return 0;
  coarse_.back().fit_scale();
  settled_ = false;
  calm_steps_ = 0;
  level_steps_ = 0;
  cool(fine_warm_steps);
  show_coarse();
  return int(coarse_.size());
}

// Lays the next finer graph out from the coarsest one's drawing and drops the coarsest: each
// vertex starts at its coarse vertex, a third of the way towards the coarse vertices of its
// neighbours (so the members of one coarse vertex part in the directions of their own ties),
// plus a small jitter that keeps members with the same neighbours apart. Pinned vertices keep
// their place.
void ForceLayout::prolong() {
  const ForceLayout& coarse = coarse_.back();
  const std::size_t level = coarse_.size();
  ForceLayout& fine = level >= 2 ? coarse_[level - 2] : *this;
  const auto& parent = parent_.back();
  double tie_length = 0;
  for (const auto& t : coarse.ties_)
    tie_length += std::sqrt((coarse.pos_[t.u].x - coarse.pos_[t.v].x) * (coarse.pos_[t.u].x - coarse.pos_[t.v].x) +
                            (coarse.pos_[t.u].y - coarse.pos_[t.v].y) * (coarse.pos_[t.u].y - coarse.pos_[t.v].y));
  tie_length = coarse.ties_.empty() ? rms_radius(coarse.pos_) / std::sqrt(double(coarse.size()))
                                    : tie_length / double(coarse.ties_.size());
  for (std::size_t v = 0; v < fine.size(); ++v) {
    if (fine.pinned_[v]) continue;
    const Vec2 base = coarse.pos_[parent[v]];
    double sx = 0, sy = 0;
    int outside = 0;
    for (std::uint32_t k = fine.adj_start_[v]; k < fine.adj_start_[v + 1]; ++k) {
      const std::uint32_t c = parent[fine.adj_to_[k]];
      if (c == parent[v]) continue;
      sx += coarse.pos_[c].x, sy += coarse.pos_[c].y;
      ++outside;
    }
    Vec2 p = base;
    if (outside > 0) p.x += (sx / outside - base.x) / 3, p.y += (sy / outside - base.y) / 3;
    const Vec2 j = unit_jitter(v, level);
    fine.pos_[v] = {p.x + j.x * 0.1 * tie_length, p.y + j.y * 0.1 * tie_length};
  }
  fine.fit_scale();
  std::fill(fine.old_force_.begin(), fine.old_force_.end(), Vec2{});
  coarse_.pop_back();
  parent_.pop_back();
  level_steps_ = 0;
}

// Scales the drawing about the origin by the factor s that minimises ForceAtlas2's energy
// along that one direction: with attraction w d (potential w d^2 / 2), repulsion
// k_r m_u m_v / d (potential -k_r m_u m_v log d) and gravity k_g m (potential k_g m |x|),
// E(s) = s^2 A - R log s + s G with A = sum over ties w d^2 / 2, R = k_r sum over pairs m_u m_v
// = k_r ((sum m)^2 - sum m^2) / 2 and G = k_g sum m |x|, so dE/ds = 0 at
// s = (sqrt(G^2 + 8 A R) - G) / (4 A) (with strong gravity, potential k_g m |x|^2 / 2:
// s = sqrt(R / (2 (A + G)))). A coarse drawing has no room for the members inside each coarse
// vertex, so the finer one starts too small; this puts it at its own scale at once instead of
// the hundreds of steps that spreading a whole drawing takes. LinLog attraction and pinned
// vertices (which must stay where they are) leave the scale alone. O(n + m).
void ForceLayout::fit_scale() {
  if (settings_.lin_log || ties_.empty() || std::any_of(pinned_.begin(), pinned_.end(), [](std::uint8_t p) { return p != 0; }))
    return;
  // Centred first: gravity's pull on a whole drawing that sits off-centre is the slowest thing
  // for the forces to correct, and a coarse drawing cooled fast may not have corrected it.
  double mx = 0, my = 0, total = 0;
  for (std::size_t v = 0; v < pos_.size(); ++v) mx += mass_[v] * pos_[v].x, my += mass_[v] * pos_[v].y, total += mass_[v];
  for (auto& p : pos_) p.x -= mx / total, p.y -= my / total;
  const double delta = settings_.edge_weight_influence;
  double a = 0, g = 0, sum_m = 0, sum_m2 = 0;
  for (const auto& t : ties_) {
    const double w = delta == 0 ? 1.0 : (delta == 1 ? t.weight : std::pow(t.weight, delta));
    const double dx = pos_[t.u].x - pos_[t.v].x, dy = pos_[t.u].y - pos_[t.v].y;
    a += w * (dx * dx + dy * dy) / 2;
  }
  for (std::size_t v = 0; v < pos_.size(); ++v) {
    const double r2 = pos_[v].x * pos_[v].x + pos_[v].y * pos_[v].y;
    g += settings_.gravity * mass_[v] * (settings_.strong_gravity ? r2 / 2 : std::sqrt(r2));
    sum_m += mass_[v], sum_m2 += mass_[v] * mass_[v];
  }
  const double r = settings_.scaling * (sum_m * sum_m - sum_m2) / 2;
  if (!(a > 0) || !(r > 0)) return;
  const double s = settings_.strong_gravity ? std::sqrt(r / (2 * (a + g))) : (std::sqrt(g * g + 8 * a * r) - g) / (4 * a);
  if (!std::isfinite(s) || s <= 0) return;
  for (auto& p : pos_) p.x *= s, p.y *= s;
}

void ForceLayout::end_multilevel() {
  while (!coarse_.empty()) prolong();
  current_.clear();
}

// Shows the coarse phase in positions(): each vertex at its coarse vertex, spread a little.
void ForceLayout::show_coarse() {
  const ForceLayout& coarse = coarse_.back();
  current_.resize(pos_.size());
  std::iota(current_.begin(), current_.end(), 0u);
  for (const auto& parent : parent_)
    for (auto& c : current_) c = parent[c];
  const double spread = 0.3 * rms_radius(coarse.pos_) / std::sqrt(double(std::max<std::size_t>(coarse.size(), 1)));
  for (std::size_t v = 0; v < pos_.size(); ++v) {
    if (pinned_[v]) continue;
    const Vec2 p = coarse.pos_[current_[v]], j = unit_jitter(v, 0);
    pos_[v] = {p.x + j.x * spread, p.y + j.y * spread};
  }
}

void ForceLayout::set_position(std::size_t i, Vec2 p) {
  if (i >= pos_.size()) return;
  end_multilevel();
  pos_[i] = p;
  old_force_[i] = {};
}

void ForceLayout::set_pinned(std::size_t i, bool pinned) {
  if (i >= pinned_.size()) return;
  if (bool(pinned_[i]) != pinned) end_multilevel();
  pinned_[i] = pinned ? 1 : 0;
}

void ForceLayout::cool(int warm_steps) {
  cooling_ = true;
  warm_steps_ = warm_steps;
  temperature_ = 1.0;
}

void ForceLayout::reheat() {
  end_multilevel();
  stress_round_ = -1;
  cooling_ = false;
  temperature_ = 1.0;
  speed_ = 1.0;
  speed_efficiency_ = 1.0;
  calm_steps_ = 0;
  settled_ = false;
  std::fill(old_force_.begin(), old_force_.end(), Vec2{});
}

double ForceLayout::step() {
  if (coarse_.empty()) {
    if (stress_round_ >= 0) return stress_step();
    const double moved = fa2_step();
    if (settled_ && pos_.size() >= settings_.stress_finish_from && settings_.stress_iterations > 0) {
      settled_ = false;
      stress_round_ = 0;
    }
    return moved;
  }
  ++iterations_;
  ForceLayout& level = coarse_.back();
  const double moved = level.fa2_step();
  last_movement_ = level.last_movement_;
  // Coarse levels are laid out roughly: their drawing is only a start for the next level.
  if (level.settled() || ++level_steps_ >= coarse_step_cap) {
    prolong();
    if (coarse_.empty()) {
      current_.clear();
      return moved;
    }
  }
  show_coarse();
  return moved;
}

double ForceLayout::fa2_step() {
  const std::size_t n = pos_.size();
  ++iterations_;
  if (n <= 1) {
    settled_ = true;
    return 0;
  }
  std::swap(force_, old_force_);
  force_ = repulsion_forces(pos_, mass_, settings_.scaling, settings_.theta, nullptr, settings_.threads);

  // Gravity towards the origin and attraction along the ties, each vertex on its own: the
  // sums do not depend on the threads.
  const double delta = settings_.edge_weight_influence;
  parallel_blocks(n, thread_count(settings_.threads, n), [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t v = begin; v < end; ++v) {
      const double px = pos_[v].x, py = pos_[v].y;
      double fx = force_[v].x, fy = force_[v].y;
      const double d = std::sqrt(px * px + py * py);
      if (d > 0) {
        const double f = settings_.strong_gravity ? settings_.gravity * mass_[v] : settings_.gravity * mass_[v] / d;
        fx -= px * f, fy -= py * f;
      }
      for (std::uint32_t k = adj_start_[v]; k < adj_start_[v + 1]; ++k) {
        const double w = delta == 0 ? 1.0 : (delta == 1 ? adj_weight_[k] : std::pow(adj_weight_[k], delta));
        const Vec2 q = pos_[adj_to_[k]];
        const double dx = px - q.x, dy = py - q.y;
        double f = -w;
        if (settings_.lin_log) {
          const double dist = std::sqrt(dx * dx + dy * dy);
          if (dist <= 0) continue;
          f = -w * std::log1p(dist) / dist;
        }
        fx += dx * f, fy += dy * f;
      }
      force_[v] = {fx, fy};
    }
  });

  // Adaptive speed (Jacomy et al. 2014, as in Gephi's ForceAtlas2.java): a node whose force
  // keeps flipping ("swinging") slows down; the global speed follows the ratio of coherent
  // movement ("traction") to swinging, within the jitter tolerance.
  double swinging_total = 0, traction_total = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (pinned_[v]) continue;
    double sx = force_[v].x - old_force_[v].x, sy = force_[v].y - old_force_[v].y;
    double tx = force_[v].x + old_force_[v].x, ty = force_[v].y + old_force_[v].y;
    swinging_total += mass_[v] * std::sqrt(sx * sx + sy * sy);
    traction_total += mass_[v] * 0.5 * std::sqrt(tx * tx + ty * ty);
  }
  double dn = double(n);
  double estimated_jt = 0.05 * std::sqrt(dn);
  double min_jt = std::sqrt(estimated_jt), max_jt = 10;
  double jt = settings_.jitter_tolerance *
              std::max(min_jt, std::min(max_jt, estimated_jt * traction_total / (dn * dn)));
  const double min_speed_efficiency = 0.05;
  if (traction_total > 0 && swinging_total / traction_total > 2.0) {
    if (speed_efficiency_ > min_speed_efficiency) speed_efficiency_ *= 0.5;
    jt = std::max(jt, settings_.jitter_tolerance);
  }
  double target_speed = swinging_total > 0 ? jt * speed_efficiency_ * traction_total / swinging_total : speed_;
  if (swinging_total > jt * traction_total) {
    if (speed_efficiency_ > min_speed_efficiency) speed_efficiency_ *= 0.7;
  } else if (speed_ < 1000) {
    speed_efficiency_ *= 1.3;
  }
  const double max_rise = 0.5;
  const bool cold = cooling_ && warm_steps_-- <= 0;
  // Cooling: the speed may fall but not rise again, so that the falling temperature is not
  // undone by the adaptive speed (less swinging, more speed).
  speed_ = speed_ + std::min(target_speed - speed_, cold ? 0.0 : max_rise * speed_);
  if (cold) temperature_ *= cooling_rate;
  const double speed = speed_ * temperature_;

  double moved = 0;
  std::size_t movers = 0;
  double cx = 0, cy = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (pinned_[v]) continue;
    double sx = force_[v].x - old_force_[v].x, sy = force_[v].y - old_force_[v].y;
    double swinging = mass_[v] * std::sqrt(sx * sx + sy * sy);
    double factor = speed / (1.0 + std::sqrt(speed * swinging));
    double dx = force_[v].x * factor, dy = force_[v].y * factor;
    if (!std::isfinite(dx) || !std::isfinite(dy)) continue;
    pos_[v].x += dx, pos_[v].y += dy;
    moved += std::sqrt(dx * dx + dy * dy);
    ++movers;
  }
  for (const auto& p : pos_) cx += p.x, cy += p.y;
  cx /= dn, cy /= dn;
  double r2 = 0;
  for (const auto& p : pos_) r2 += (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
  double radius = std::sqrt(r2 / dn);
  double mean_step = movers ? moved / double(movers) : 0;
  last_movement_ = radius > 0 ? mean_step / radius : 0;
  if (last_movement_ < settings_.settle_tolerance) {
    if (++calm_steps_ >= settings_.settle_steps) settled_ = true;
  } else {
    calm_steps_ = 0;
  }
  if (movers == 0) settled_ = true;
  return mean_step;
}

// One round of the stress finish (see layout.hpp): the first builds the terms and measures the
// drawing's hop length; each round visits the pivots' own terms (one pivot after the other),
// then every other member's pivot terms (in parallel: a pivot term moves only its vertex, and
// the pivots no longer move this round), then every tie (in order, moving both ends). Step
// sizes follow Zheng et al.'s exponential annealing, from 1 / (the smallest term weight) down to
// a tenth of 1 / (the largest), and a term never moves a vertex past the place that fits it
// (mu = min(1, eta w)).
double ForceLayout::stress_step() {
  const std::size_t n = pos_.size();
  ++iterations_;
  if (!stress_) stress_ = build_stress_terms(n, ties_, settings_.stress_pivots, 0x5EED);
  const StressTerms& t = *stress_;
  const std::size_t k = t.k;
  if (k == 0 || stress_round_ >= settings_.stress_iterations) {
    stress_round_ = -1;
    settled_ = true;
    return 0;
  }
  if (stress_round_ == 0) {
    // The hop length that fits the drawing best: the scale minimising the normalised stress of
    // the pivot terms, sum (x/d) / sum (x^2/d^2), inverted.
    double a = 0, b = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (!t.member[v]) continue;
      for (std::size_t p = 0; p < k; ++p) {
        const std::uint16_t d = t.dist[v * k + p];
        if (d == 0 || d == StressTerms::unreachable) continue;
        const Vec2 q = pos_[t.pivot[p]];
        const double x = std::hypot(pos_[v].x - q.x, pos_[v].y - q.y);
        a += x / d, b += x * x / (double(d) * d);
      }
    }
    hop_length_ = a > 0 && b > 0 ? b / a : 1.0;
  }
  // Zheng et al.'s annealing: from eta_max = 1 / w_min, where every term moves its vertex all
  // the way, down to eta_min = 0.1 / w_max, exponentially over the rounds.
  const double w_min = std::min(1.0, t.weight(std::max<std::uint16_t>(t.farthest, 1)));
  const double w_max = std::max(1.0, t.weight(1));
  const double eta_max = 1.0 / w_min, eta_min = 0.1 / w_max;
  const int rounds = settings_.stress_iterations;
  const double lambda = rounds > 1 ? std::log(eta_max / eta_min) / (rounds - 1) : 0;
  const double eta = eta_max * std::exp(-lambda * stress_round_);
  const double L = hop_length_;

  const Vec2 centre = members_centre(pos_, t.member);
  // One vertex's pivot terms, in an order of this vertex and round (a drawn start, then in
  // turn); the pivots' places are read as they are now.
  const std::uint64_t round_seed = (std::uint64_t(stress_round_) << 32) ^ 0x5EEDull;
  auto fit_to_pivots = [&](std::size_t v) {
    Vec2 x = pos_[v];
    const Vec2 was = x;
    std::uint64_t state = round_seed ^ (std::uint64_t(v) * 0x9E3779B97F4A7C15ull);
    const std::size_t first = std::size_t(splitmix(state) % k);
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t p = first + j < k ? first + j : first + j - k;
      const std::uint16_t d = t.dist[v * k + p];
      if (d == 0 || d == StressTerms::unreachable) continue;
      const Vec2 q = pos_[t.pivot[p]];
      const double dx = x.x - q.x, dy = x.y - q.y;
      const double m = std::sqrt(dx * dx + dy * dy);
      if (m <= 0) continue;
      const double mu = std::min(1.0, eta * t.weight(d));
      const double r = mu * (m - d * L) / m;
      x.x -= r * dx, x.y -= r * dy;
    }
    pos_[v] = x;
    return std::hypot(x.x - was.x, x.y - was.y);
  };
  // The pivots first, one after the other (each sees the others' new places, as in the descent
  // over single terms); then every other member, in parallel: they read only the pivots, which
  // no longer move this round, so the result does not depend on the threads.
  double moved = 0;
  for (std::size_t p = 0; p < k; ++p)
    if (!pinned_[t.pivot[p]]) moved += fit_to_pivots(t.pivot[p]);
  std::vector<double> moved_by(thread_count(settings_.threads, n), 0.0);
  parallel_blocks(n, thread_count(settings_.threads, n), [&](std::size_t begin, std::size_t end, unsigned worker) {
    double sum = 0;
    for (std::size_t v = begin; v < end; ++v)
      if (t.member[v] && !pinned_[v] && !t.is_pivot[v]) sum += fit_to_pivots(v);
    moved_by[worker] += sum;
  });
  // Ties, each pulling both ends towards one hop apart.
  const double mu_tie = std::min(1.0, eta);
  moved = std::accumulate(moved_by.begin(), moved_by.end(), moved);
  for (const auto& tie : ties_) {
    if (!t.member[tie.u]) continue;
    Vec2& a = pos_[tie.u];
    Vec2& b = pos_[tie.v];
    const double dx = a.x - b.x, dy = a.y - b.y, m = std::sqrt(dx * dx + dy * dy);
    if (m <= 0) continue;
    const double r = mu_tie * (m - L) / (2 * m);
    const double sa = pinned_[tie.u] ? 0.0 : (pinned_[tie.v] ? 2 * r : r);
    const double sb = pinned_[tie.v] ? 0.0 : (pinned_[tie.u] ? 2 * r : r);
    a.x -= sa * dx, a.y -= sa * dy;
    b.x += sb * dx, b.y += sb * dy;
    moved += (sa + sb) * m;
  }
  // Stress does not care where the drawing is; the viewer's camera does: the members' centre
  // stays where it was before the round.
  if (std::none_of(pinned_.begin(), pinned_.end(), [](std::uint8_t p) { return p != 0; })) {
    const Vec2 now = members_centre(pos_, t.member);
    for (std::size_t v = 0; v < n; ++v)
      if (t.member[v]) pos_[v].x += centre.x - now.x, pos_[v].y += centre.y - now.y;
  }
  const double radius = rms_radius(pos_);
  const double mean_step = moved / double(n);
  last_movement_ = radius > 0 ? mean_step / radius : 0;
  if (++stress_round_ >= settings_.stress_iterations) {
    stress_round_ = -1;
    settled_ = true;
  }
  return mean_step;
}

int ForceLayout::run(int max_steps, double budget_ms) {
  auto t0 = Clock::now();
  int steps = 0;
  while (steps < max_steps && !settled_) {
    step();
    ++steps;
    if (ms_since(t0) >= budget_ms) break;
  }
  return steps;
}

LayoutWorker::LayoutWorker() : thread_([this] { loop(); }) {}

LayoutWorker::~LayoutWorker() {
  {
    std::lock_guard lk(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void LayoutWorker::reset(ForceLayout layout, bool run) {
  {
    std::lock_guard lk(mutex_);
    published_ = layout.positions();
    ++generation_;
    settled_ = layout.settled();
    iterations_ = layout.iterations();
    pending_ = std::move(layout);
    commands_.clear();  // they referred to the old vertex numbering
    want_run_ = run;
  }
  wake_.notify_all();
}

void LayoutWorker::pause() {
  std::lock_guard lk(mutex_);
  want_run_ = false;
}

void LayoutWorker::resume() {
  {
    std::lock_guard lk(mutex_);
    want_run_ = true;
    // A settled layout resumes with its speed kept: restart the settle count only.
    commands_.push_back({Command::Kind::unsettle, 0, {}, false});
  }
  wake_.notify_all();
}

void LayoutWorker::reheat() {
  {
    std::lock_guard lk(mutex_);
    want_run_ = true;
    commands_.push_back({Command::Kind::reheat, 0, {}, false});
  }
  wake_.notify_all();
}

void LayoutWorker::move(std::size_t i, Vec2 p, bool pin) {
  {
    std::lock_guard lk(mutex_);
    commands_.push_back({Command::Kind::move, i, p, pin});
  }
  wake_.notify_all();
}

void LayoutWorker::set_pinned(std::size_t i, bool pinned) {
  {
    std::lock_guard lk(mutex_);
    commands_.push_back({pinned ? Command::Kind::pin : Command::Kind::unpin, i, {}, pinned});
  }
  wake_.notify_all();
}

bool LayoutWorker::fetch(std::vector<Vec2>& out, std::uint64_t& generation) const {
  std::lock_guard lk(mutex_);
  if (generation == generation_) return false;
  out = published_;
  generation = generation_;
  return true;
}

bool LayoutWorker::wait_idle(double timeout_ms) const {
  std::unique_lock lk(mutex_);
  return idle_.wait_for(lk, std::chrono::duration<double, std::milli>(timeout_ms),
                        [&] { return !want_run_ && !busy_ && !pending_ && commands_.empty(); });
}

void LayoutWorker::loop() {
#ifdef __linux__
  // The layout is background work: on a machine with few cores the window's thread (and a
  // software renderer's threads) must win, so this thread runs at a lower priority. Linux
  // applies nice values per thread.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
  std::unique_lock lk(mutex_);
  ForceLayout layout;
  bool have = false;
  while (true) {
    // Paused (or nothing to lay out): say so before sleeping. pause() only clears want_run_, so
    // a step that was under way ends here, and running() turns false with it.
    if (!want_run_ || !have) {
      running_ = false;
      idle_.notify_all();
    }
    wake_.wait(lk, [&] { return quit_ || pending_ || !commands_.empty() || (want_run_ && have); });
    if (quit_) break;
    if (pending_) {
      layout = std::move(*pending_);
      pending_.reset();
      have = true;
    }
    bool edited = false;
    for (const auto& c : commands_) {
      if (!have || (c.kind != Command::Kind::reheat && c.kind != Command::Kind::unsettle && c.index >= layout.size())) continue;
      switch (c.kind) {
        case Command::Kind::move:
          layout.set_position(c.index, c.p);
          layout.set_pinned(c.index, c.pin);
          edited = true;
          break;
        case Command::Kind::pin: layout.set_pinned(c.index, true); break;
        case Command::Kind::unpin: layout.set_pinned(c.index, false); break;
        case Command::Kind::reheat: layout.reheat(); break;
        case Command::Kind::unsettle: layout.unsettle(); break;
      }
    }
    commands_.clear();
    if (edited) {
      published_ = layout.positions();
      ++generation_;
    }
    if (!want_run_ || !have) {
      running_ = false;
      idle_.notify_all();
      continue;
    }
    running_ = true;
    busy_ = true;
    lk.unlock();
    auto t0 = Clock::now();
    layout.step();
    double took = ms_since(t0);
    lk.lock();
    busy_ = false;
    last_step_ms_ = took;
    iterations_ = layout.iterations();
    published_ = layout.positions();
    ++generation_;
    settled_ = layout.settled();
    if (layout.settled()) {
      want_run_ = false;
      running_ = false;
      idle_.notify_all();
    } else if (took < 0.5) {
      // A tiny graph steps in microseconds; 2,000 steps a second is plenty and leaves the
      // shared cores to the window.
      wake_.wait_for(lk, std::chrono::microseconds(500), [&] { return quit_ || pending_ || !commands_.empty(); });
    }
  }
}

}  // namespace wijknet
