#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "core/model/coalition_layout.hpp"
#include "core/model/coalition.hpp"
#include "bench/ba_graph.hpp"
#include "core/graph/layout.hpp"

using namespace wijknet;

namespace {

double dist(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Two cliques of k vertices each, joined by one tie between vertex 0 and vertex k.
std::vector<LayoutTie> two_cliques(std::uint32_t k) {
  std::vector<LayoutTie> ties;
  for (std::uint32_t base : {0u, k})
    for (std::uint32_t a = 0; a < k; ++a)
      for (std::uint32_t b = a + 1; b < k; ++b) ties.push_back({base + a, base + b, 1.0});
  ties.push_back({0, k, 1.0});
  return ties;
}

std::vector<Vec2> seeds(std::size_t n) {
  std::vector<Vec2> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = seed_position("v" + std::to_string(i), n);
  return p;
}

std::vector<Vec2> random_points(std::size_t n, unsigned seed, double spread) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0, spread);
  std::vector<Vec2> p(n);
  for (auto& q : p) q = {g(rng), g(rng)};
  return p;
}

}  // namespace

TEST_CASE("seed positions come from the id alone and fill a disc of radius 10 sqrt(n)") {
  Vec2 a = seed_position("staedion", 30), b = seed_position("staedion", 30);
  CHECK(a == b);
  CHECK_FALSE(seed_position("vestia", 30) == a);
  double max_r = 0, sum_r2 = 0;
  const std::size_t n = 4000;
  for (std::size_t i = 0; i < n; ++i) {
    Vec2 p = seed_position("node" + std::to_string(i), n);
    max_r = std::max(max_r, std::hypot(p.x, p.y));
    sum_r2 += p.x * p.x + p.y * p.y;
  }
  double R = 10 * std::sqrt(double(n));
  CHECK(max_r <= R);
  CHECK(max_r > 0.95 * R);
  // Uniform in a disc of radius R: E[r^2] = R^2 / 2.
  CHECK(sum_r2 / n == doctest::Approx(R * R / 2).epsilon(0.05));
}

TEST_CASE("initial positions keep a stored layout and report whether it was complete") {
  Coalition c;
  c.add_node({.id = "a", .label = "A", .kind = "partner"});
  c.add_node({.id = "b", .label = "B", .kind = "partner"});
  c.add_edge({.source = 0, .target = 1, .kind = "collaborates"});
  c.layout["a"] = {12.5, -3.0};
  bool complete = true;
  auto pos = initial_positions(c, &complete);
  CHECK_FALSE(complete);
  CHECK(pos[0] == Vec2{12.5, -3.0});
  CHECK(pos[1] == seed_position("b", 2));
  c.layout["b"] = {1, 2};
  pos = initial_positions(c, &complete);
  CHECK(complete);
  CHECK(pos[1] == Vec2{1, 2});

  store_layout(c, {{5, 6}, {7, 8}});
  CHECK(c.layout.at("a") == std::array<double, 2>{5, 6});
  CHECK(c.layout.at("b") == std::array<double, 2>{7, 8});
  auto ties = layout_ties(c);
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].u == 0);
  CHECK(ties[0].v == 1);
}

TEST_CASE("exact repulsion by hand: k_r m_u m_v / d along the line between them") {
  // a at the origin, b at (2, 0), masses 1 and 2, k_r = 1: |F| = 1 * 1 * 2 / 2 = 1.
  auto f = repulsion_forces({{0, 0}, {2, 0}}, {1, 2}, 1.0, 0.0);
  CHECK(f[0].x == doctest::Approx(-1));
  CHECK(f[0].y == doctest::Approx(0));
  CHECK(f[1].x == doctest::Approx(1));
  // Three on a line, unit masses, k_r = 2: the middle one feels 2/1 - 2/1 = 0, the left one
  // -(2/1 + 2/2) = -3.
  auto g = repulsion_forces({{0, 0}, {1, 0}, {2, 0}}, {1, 1, 1}, 2.0, 0.0);
  CHECK(g[1].x == doctest::Approx(0));
  CHECK(g[0].x == doctest::Approx(-3));
  CHECK(g[2].x == doctest::Approx(3));
  // Coincident points push each other by nothing rather than by infinity.
  auto h = repulsion_forces({{1, 1}, {1, 1}}, {1, 1}, 1.0, 0.0);
  CHECK(h[0].x == 0);
  auto hb = repulsion_forces({{1, 1}, {1, 1}, {3, 1}}, {1, 1, 1}, 1.0, 1.2);
  CHECK(std::isfinite(hb[0].x));
  CHECK(hb[2].x == doctest::Approx(1.0));  // two unit masses at distance 2: 2 * (1/2)
}

TEST_CASE("Barnes-Hut repulsion agrees with the exact sum") {
  const std::size_t n = 600;
  auto pos = random_points(n, 7, 50);
  std::vector<double> mass(n);
  for (std::size_t i = 0; i < n; ++i) mass[i] = 1 + double(i % 5);
  auto exact = repulsion_forces(pos, mass, 2.0, 0.0);
  for (double theta : {0.5, 1.2}) {
    auto approx = repulsion_forces(pos, mass, 2.0, theta);
    double err = 0, norm = 0;
    for (std::size_t i = 0; i < n; ++i) {
      err += std::hypot(exact[i].x - approx[i].x, exact[i].y - approx[i].y);
      norm += std::hypot(exact[i].x, exact[i].y);
    }
    INFO("theta " << theta << " relative error " << err / norm);
    CHECK(err / norm < (theta < 1 ? 0.02 : 0.08));
  }
}

TEST_CASE("Barnes-Hut scales as n log n, not n^2 (force terms counted, not timed)") {
  auto small = random_points(4000, 1, 100), large = random_points(16000, 2, 200);
  std::vector<double> ms(small.size(), 2.0), ml(large.size(), 2.0);
  std::size_t ts = 0, tl = 0, exact = 0;
  repulsion_forces(small, ms, 2.0, 1.2, &ts);
  repulsion_forces(large, ml, 2.0, 1.2, &tl);
  MESSAGE("Barnes-Hut repulsion: 4,000 points " << ts << " terms, 16,000 points " << tl << " terms");
  // Four times the points: n log n predicts about 4.6 times the work, n^2 sixteen times.
  CHECK(double(tl) / double(ts) < 6);
  CHECK(tl < 16000ull * 15999 / 2 / 20);
  // The exact sum counts every pair once.
  auto few = random_points(300, 3, 50);
  repulsion_forces(few, std::vector<double>(300, 1.0), 2.0, 0.0, &exact);
  CHECK(exact == 300 * 299 / 2);
}

TEST_CASE("a layout separates two cliques joined by one tie and is deterministic") {
  const std::uint32_t k = 8;
  auto run = [&] {
    ForceLayout layout(seeds(2 * k), two_cliques(k), LayoutSettings::for_size(2 * k));
    int steps = layout.run(5000);
    CHECK(layout.settled());
    CHECK(steps < 5000);
    return layout.positions();
  };
  auto pos = run();
  double within = 0, between = 0;
  int nw = 0, nb = 0;
  for (std::uint32_t a = 0; a < 2 * k; ++a)
    for (std::uint32_t b = a + 1; b < 2 * k; ++b) {
      bool same = (a < k) == (b < k);
      (same ? within : between) += dist(pos[a], pos[b]);
      (same ? nw : nb) += 1;
    }
  within /= nw, between /= nb;
  INFO("mean distance within a clique " << within << ", between cliques " << between);
  CHECK(between > 2 * within);
  // The same input gives the same drawing, bit for bit.
  auto again = run();
  for (std::size_t i = 0; i < pos.size(); ++i) CHECK(pos[i] == again[i]);
}

TEST_CASE("pinned vertices stay where they were put") {
  auto ties = two_cliques(5);
  ForceLayout layout(seeds(10), ties, LayoutSettings::for_size(10));
  layout.set_position(3, {100, 100});
  layout.set_pinned(3, true);
  layout.run(300);
  CHECK(layout.positions()[3] == Vec2{100, 100});
  CHECK(layout.pinned(3));
  // Its clique mates are pulled towards it.
  double d_before = dist(seeds(10)[4], {100, 100});
  CHECK(dist(layout.positions()[4], {100, 100}) < d_before);
  layout.set_pinned(3, false);
  layout.reheat();
  CHECK_FALSE(layout.settled());
  layout.step();
  CHECK_FALSE(layout.positions()[3] == Vec2{100, 100});
}

TEST_CASE("the worker runs the layout on its own thread, publishes snapshots and settles") {
  auto ties = two_cliques(6);
  ForceLayout layout(seeds(12), ties, LayoutSettings::for_size(12));
  LayoutWorker worker;
  std::vector<Vec2> seen;
  std::uint64_t gen = 0;
  worker.reset(layout, true);
  REQUIRE(worker.wait_idle(10000));
  CHECK(worker.settled());
  CHECK_FALSE(worker.running());
  CHECK(worker.iterations() > 10);
  REQUIRE(worker.fetch(seen, gen));
  REQUIRE(seen.size() == 12);
  CHECK_FALSE(seen[0] == seeds(12)[0]);
  // Nothing new while paused.
  CHECK_FALSE(worker.fetch(seen, gen));

  // A move pins the vertex; after a reheat the layout runs again around it.
  worker.move(2, {50, -50}, true);
  worker.reheat();
  REQUIRE(worker.wait_idle(10000));
  REQUIRE(worker.fetch(seen, gen));
  CHECK(seen[2] == Vec2{50, -50});
  CHECK(worker.settled());

  // Pause stops the stream of snapshots.
  worker.reset(ForceLayout(seeds(12), ties, LayoutSettings::for_size(12)), true);
  worker.pause();
  REQUIRE(worker.wait_idle(10000));
  worker.fetch(seen, gen);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  CHECK_FALSE(worker.fetch(seen, gen));
  CHECK_FALSE(worker.running());
}

TEST_CASE("pausing a layout that is running says so: running() turns false and stays false") {
  // Large enough not to settle in the time the test takes.
  // A path with a chord from each vertex to an earlier one.
  std::vector<LayoutTie> ties;
  const std::uint32_t n = 3000;
  for (std::uint32_t i = 1; i < n; ++i) {
    ties.push_back({i - 1, i, 1.0});
    if (i > 2) ties.push_back({(i * 7919u) % (i - 1), i, 1.0});
  }
  LayoutWorker worker;
  worker.reset(ForceLayout(seeds(n), ties, LayoutSettings::for_size(n)), true);
  for (int i = 0; i < 200 && worker.iterations() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(worker.running());
  worker.pause();
  REQUIRE(worker.wait_idle(10000));
  CHECK_FALSE(worker.running());
  const auto at = worker.iterations();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(worker.running());
  CHECK(worker.iterations() == at);
  worker.resume();
  for (int i = 0; i < 200 && worker.iterations() == at; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(worker.iterations() > at);
  worker.pause();
  REQUIRE(worker.wait_idle(10000));
  CHECK_FALSE(worker.running());
}

// ---------------------------------------------------------------------------------- multilevel

namespace {

std::vector<LayoutTie> ba_ties(std::uint32_t n, std::uint32_t m, std::uint32_t offset = 0, std::uint64_t seed = 42) {
  std::vector<LayoutTie> ties;
  for (auto [u, v] : bench::barabasi_albert(n, m, seed)) ties.push_back({u + offset, v + offset, 1.0});
  return ties;
}

bool all_finite(const std::vector<Vec2>& p) {
  return std::all_of(p.begin(), p.end(), [](Vec2 q) { return std::isfinite(q.x) && std::isfinite(q.y); });
}

// Runs a layout to the end: its coarse levels, then the full graph until settled.
std::vector<Vec2> settle(ForceLayout& layout, int max_steps = 5000) {
  layout.run(max_steps);
  return layout.positions();
}

struct Disc {
  Vec2 centre;
  double radius = 0;  // root mean square distance from the centre
};

Disc disc_of(const std::vector<Vec2>& p, std::size_t begin, std::size_t end) {
  Disc d;
  for (std::size_t i = begin; i < end; ++i) d.centre.x += p[i].x, d.centre.y += p[i].y;
  d.centre.x /= double(end - begin), d.centre.y /= double(end - begin);
  for (std::size_t i = begin; i < end; ++i) d.radius += std::pow(dist(p[i], d.centre), 2);
  d.radius = std::sqrt(d.radius / double(end - begin));
  return d;
}

}  // namespace

TEST_CASE("the force pass gives the same forces on one thread and on several") {
  auto pos = random_points(5000, 11, 300);
  std::vector<double> mass(pos.size());
  for (std::size_t i = 0; i < mass.size(); ++i) mass[i] = 1 + double(i % 7);
  std::size_t t1 = 0, t4 = 0;
  auto one = repulsion_forces(pos, mass, 2.0, 1.2, &t1, 1);
  auto four = repulsion_forces(pos, mass, 2.0, 1.2, &t4, 4);
  CHECK(t1 == t4);
  for (std::size_t i = 0; i < pos.size(); ++i) REQUIRE(one[i] == four[i]);
}

TEST_CASE("a multilevel start coarsens a large graph, settles, and gives the same drawing every run") {
  const std::uint32_t n = 2500;
  auto run = [&](unsigned threads) {
    LayoutSettings s = LayoutSettings::for_size(n);
    s.threads = threads;
    ForceLayout layout(seeds(n), ba_ties(n, 3), s);
    const int levels = layout.start_multilevel();
    CHECK(levels >= 4);  // 2,500 vertices to at most 50: each level at most 0.8 of the last
    CHECK(layout.coarse_levels() == std::size_t(levels));
    CHECK_FALSE(layout.settled());
    // Every step of the coarse phase shows a drawing of the whole graph.
    layout.step();
    CHECK(layout.positions().size() == n);
    CHECK(all_finite(layout.positions()));
    const auto pos = settle(layout);
    CHECK(layout.coarse_levels() == 0);
    CHECK(layout.settled());
    CHECK(all_finite(pos));
    return pos;
  };
  const auto a = run(1), b = run(1), c = run(2);
  for (std::size_t i = 0; i < n; ++i) {
    REQUIRE(a[i] == b[i]);
    REQUIRE(a[i] == c[i]);  // the threads share the work, not the sums
  }
  // Not collapsed: no two vertices on one point, and tied vertices nearer than average.
  std::vector<Vec2> sorted = a;
  std::sort(sorted.begin(), sorted.end(), [](Vec2 p, Vec2 q) { return p.x != q.x ? p.x < q.x : p.y < q.y; });
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  double tied = 0, any = 0;
  const auto ties = ba_ties(n, 3);
  for (const auto& t : ties) tied += dist(a[t.u], a[t.v]);
  for (std::uint32_t i = 0; i < n; ++i) any += dist(a[i], a[(i * 7919u + 13u) % n]);
  CHECK(tied / double(ties.size()) < 0.5 * any / n);
}

TEST_CASE("a multilevel start leaves small graphs alone") {
  ForceLayout layout(seeds(16), two_cliques(8), LayoutSettings::for_size(16));
  CHECK(layout.start_multilevel() == 0);
  CHECK(layout.coarse_levels() == 0);
  CHECK(layout.positions() == seeds(16));
  // Isolated vertices do not coarsen: nothing to start from.
  ForceLayout scattered(seeds(3000), {}, LayoutSettings::for_size(3000));
  CHECK(scattered.start_multilevel() == 0);
}

TEST_CASE("a multilevel start keeps two components apart, as the plain layout does") {
  // Two networks of 700 members with no tie between them.
  const std::uint32_t k = 700;
  auto ties = ba_ties(k, 3, 0, 1);
  for (const auto& t : ba_ties(k, 3, k, 2)) ties.push_back(t);
  for (bool multilevel : {false, true}) {
    ForceLayout layout(seeds(2 * k), ties, LayoutSettings::for_size(2 * k));
    if (multilevel) REQUIRE(layout.start_multilevel() > 0);
    const auto pos = settle(layout);
    CHECK(layout.settled());
    const Disc a = disc_of(pos, 0, k), b = disc_of(pos, k, 2 * k);
    INFO((multilevel ? "multilevel" : "plain") << ": centres " << dist(a.centre, b.centre) << " apart, radii " << a.radius
                                               << " and " << b.radius);
    CHECK(dist(a.centre, b.centre) > a.radius + b.radius);
  }
}

TEST_CASE("pinned vertices stay where they were put through a multilevel start") {
  const std::uint32_t n = 1500;
  const auto ties = ba_ties(n, 3);
  ForceLayout layout(seeds(n), ties, LayoutSettings::for_size(n));
  const std::vector<std::pair<std::size_t, Vec2>> pins = {{0, {400, 400}}, {1, {-400, 400}}, {777, {0, -500}}};
  for (auto [i, p] : pins) {
    layout.set_position(i, p);
    layout.set_pinned(i, true);
  }
  REQUIRE(layout.start_multilevel() > 0);
  for (int s = 0; s < 30; ++s) {
    layout.step();
    for (auto [i, p] : pins) REQUIRE(layout.positions()[i] == p);
  }
  settle(layout);
  for (auto [i, p] : pins) CHECK(layout.positions()[i] == p);
  CHECK(all_finite(layout.positions()));
  // Vertex 0 (a hub of the generator) pulls its neighbours towards its corner.
  double near = 0;
  int count = 0;
  for (const auto& t : ties)
    if (t.u == 0 || t.v == 0) near += dist(layout.positions()[t.u == 0 ? t.v : t.u], {400, 400}), ++count;
  CHECK(near / count < dist({400, 400}, {0, 0}));
}

TEST_CASE("an edit during the coarse phase ends it and the full graph carries on") {
  const std::uint32_t n = 1500;
  ForceLayout layout(seeds(n), ba_ties(n, 3), LayoutSettings::for_size(n));
  REQUIRE(layout.start_multilevel() > 0);
  for (int s = 0; s < 20; ++s) layout.step();
  REQUIRE(layout.coarse_levels() > 0);
  layout.set_position(5, {123, 456});
  CHECK(layout.coarse_levels() == 0);
  CHECK(layout.positions()[5] == Vec2{123, 456});
  CHECK(all_finite(layout.positions()));
  // Every vertex has a place of its own again (the members of a coarse vertex were spread).
  std::vector<Vec2> sorted = layout.positions();
  std::sort(sorted.begin(), sorted.end(), [](Vec2 p, Vec2 q) { return p.x != q.x ? p.x < q.x : p.y < q.y; });
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  layout.reheat();
  layout.run(5000);
  CHECK(layout.settled());
  CHECK(all_finite(layout.positions()));
}

namespace {

// Normalised stress over every pair of vertices that can reach each other (as bench/peers.py
// computes it on sampled pairs): sum (alpha x - d)^2 / d^2 / P with the best scale alpha.
double normalised_stress(const std::vector<Vec2>& pos, const std::vector<LayoutTie>& ties) {
  const std::size_t n = pos.size();
  std::vector<std::vector<std::uint32_t>> adj(n);
  for (const auto& t : ties) adj[t.u].push_back(t.v), adj[t.v].push_back(t.u);
  std::vector<std::pair<double, double>> xd;  // drawing distance, hops
  for (std::uint32_t s = 0; s < n; ++s) {
    std::vector<int> d(n, -1);
    std::vector<std::uint32_t> queue{s};
    d[s] = 0;
    for (std::size_t h = 0; h < queue.size(); ++h)
      for (auto w : adj[queue[h]])
        if (d[w] < 0) d[w] = d[queue[h]] + 1, queue.push_back(w);
    for (std::uint32_t t = s + 1; t < n; ++t)
      if (d[t] > 0) xd.push_back({dist(pos[s], pos[t]), double(d[t])});
  }
  double a = 0, b = 0;
  for (auto [x, d] : xd) a += x / d, b += x * x / (d * d);
  const double alpha = a / b;
  double sum = 0;
  for (auto [x, d] : xd) sum += (alpha * x - d) * (alpha * x - d) / (d * d);
  return sum / double(xd.size());
}

// A grid of w x h vertices, each tied to its right and lower neighbour.
std::vector<LayoutTie> grid(std::uint32_t w, std::uint32_t h) {
  std::vector<LayoutTie> ties;
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) {
      if (x + 1 < w) ties.push_back({y * w + x, y * w + x + 1, 1.0});
      if (y + 1 < h) ties.push_back({y * w + x, (y + 1) * w + x, 1.0});
    }
  return ties;
}

LayoutSettings finish_from(std::size_t n, std::size_t from) {
  LayoutSettings s = LayoutSettings::for_size(n);
  s.stress_finish_from = from;
  return s;
}

}  // namespace

TEST_CASE("the stress finish brings a drawing's distances closer to the graph's") {
  // A 12 x 12 grid: its ideal drawing is the grid itself (stress 0). ForceAtlas2's degree-weighted
  // repulsion bulges it; the finish evens the distances out.
  const auto ties = grid(12, 12);
  ForceLayout forces(seeds(144), ties, finish_from(144, SIZE_MAX));
  ForceLayout finished(seeds(144), ties, finish_from(144, 100));
  settle(forces);
  const int steps = finished.run(5000);
  CHECK(finished.settled());
  CHECK_FALSE(finished.stress_finishing());
  CHECK(steps == int(forces.iterations()) + finished.settings().stress_iterations);
  const double before = normalised_stress(forces.positions(), ties), after = normalised_stress(finished.positions(), ties);
  INFO("stress " << before << " with the forces alone, " << after << " with the finish");
  CHECK(after < 0.6 * before);  // 0.028 to 0.015 here
  CHECK(after < 0.02);
  // The drawing stays where it was: the same centre as the forces' drawing (within a hop).
  const Disc a = disc_of(forces.positions(), 0, 144), b = disc_of(finished.positions(), 0, 144);
  double hop = 0;
  for (const auto& t : ties) hop += dist(finished.positions()[t.u], finished.positions()[t.v]);
  hop /= double(ties.size());
  CHECK(dist(a.centre, b.centre) < hop);
  // Below the threshold (for_size's default) nothing changes: small maps keep ForceAtlas2's look.
  ForceLayout small(seeds(144), ties, LayoutSettings::for_size(144));
  settle(small);
  CHECK(small.positions() == forces.positions());
}

TEST_CASE("the stress finish is the same on one thread and on several, and lowers a large network's stress") {
  const std::uint32_t n = 3000;
  const auto ties = ba_ties(n, 3);
  auto run = [&](unsigned threads, std::size_t from) {
    LayoutSettings s = finish_from(n, from);
    s.threads = threads;
    ForceLayout layout(seeds(n), ties, s);
    layout.start_multilevel();
    settle(layout);
    CHECK(layout.settled());
    CHECK(all_finite(layout.positions()));
    return layout.positions();
  };
  const auto one = run(1, 2000), two = run(2, 2000), forces = run(2, SIZE_MAX);
  for (std::size_t i = 0; i < n; ++i) REQUIRE(one[i] == two[i]);
  const double before = normalised_stress(forces, ties), after = normalised_stress(one, ties);
  INFO("stress " << before << " with the forces alone, " << after << " with the finish");
  CHECK(after < before - 0.005);
}

TEST_CASE("the stress finish leaves pinned vertices and the smaller parts where they are") {
  // A 10 x 10 grid (the largest part) and a separate triangle.
  auto ties = grid(10, 10);
  ties.push_back({100, 101, 1.0}), ties.push_back({101, 102, 1.0}), ties.push_back({100, 102, 1.0});
  ForceLayout layout(seeds(103), ties, finish_from(103, 50));
  layout.set_position(0, {-300, -300});
  layout.set_pinned(0, true);
  for (int s = 0; s < 5000 && !layout.stress_finishing(); ++s) {
    layout.step();
    REQUIRE_FALSE(layout.settled());
  }
  REQUIRE(layout.stress_finishing());
  const std::vector<Vec2> triangle(layout.positions().begin() + 100, layout.positions().end());
  settle(layout);
  CHECK(layout.settled());
  CHECK(layout.positions()[0] == Vec2{-300, -300});
  CHECK(std::equal(triangle.begin(), triangle.end(), layout.positions().begin() + 100));
  // A reheat during the finish ends it; the forces run again and the finish follows them.
  layout.reheat();
  CHECK_FALSE(layout.stress_finishing());
  layout.step();
  CHECK_FALSE(layout.stress_finishing());
  settle(layout);
  CHECK(layout.settled());
}
