#include "core/graph/layout.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

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
                                   double scaling, double theta, std::size_t* terms) {
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
  std::vector<std::int32_t> stack;
  for (std::size_t a = 0; a < n; ++a)
    force[a] = tree.force_on(std::int32_t(a), positions, mass, scaling, theta, stack, count);
  if (terms) *terms = count;
  return force;
}

ForceLayout::ForceLayout(std::vector<Vec2> positions, std::vector<LayoutTie> ties, LayoutSettings settings)
    : pos_(std::move(positions)), ties_(std::move(ties)), settings_(settings) {
  const std::size_t n = pos_.size();
  mass_.assign(n, 1.0);
  std::erase_if(ties_, [n](const LayoutTie& t) { return t.u >= n || t.v >= n || t.u == t.v; });
  for (const auto& t : ties_) mass_[t.u] += 1, mass_[t.v] += 1;
  force_.assign(n, {});
  old_force_.assign(n, {});
  pinned_.assign(n, 0);
}

void ForceLayout::set_position(std::size_t i, Vec2 p) {
  if (i >= pos_.size()) return;
  pos_[i] = p;
  old_force_[i] = {};
}

void ForceLayout::set_pinned(std::size_t i, bool pinned) {
  if (i < pinned_.size()) pinned_[i] = pinned ? 1 : 0;
}

void ForceLayout::reheat() {
  speed_ = 1.0;
  speed_efficiency_ = 1.0;
  calm_steps_ = 0;
  settled_ = false;
  std::fill(old_force_.begin(), old_force_.end(), Vec2{});
}

double ForceLayout::step() {
  const std::size_t n = pos_.size();
  ++iterations_;
  if (n <= 1) {
    settled_ = true;
    return 0;
  }
  std::swap(force_, old_force_);
  force_ = repulsion_forces(pos_, mass_, settings_.scaling, settings_.theta);

  // Gravity towards the origin.
  for (std::size_t v = 0; v < n; ++v) {
    double d = std::hypot(pos_[v].x, pos_[v].y);
    if (d <= 0) continue;
    double f = settings_.strong_gravity ? settings_.gravity * mass_[v] : settings_.gravity * mass_[v] / d;
    force_[v].x -= pos_[v].x * f, force_[v].y -= pos_[v].y * f;
  }
  // Attraction along the ties.
  const double delta = settings_.edge_weight_influence;
  for (const auto& t : ties_) {
    double w = delta == 0 ? 1.0 : (delta == 1 ? t.weight : std::pow(t.weight, delta));
    double dx = pos_[t.u].x - pos_[t.v].x, dy = pos_[t.u].y - pos_[t.v].y;
    double f = -w;
    if (settings_.lin_log) {
      double d = std::hypot(dx, dy);
      if (d <= 0) continue;
      f = -w * std::log1p(d) / d;
    }
    force_[t.u].x += dx * f, force_[t.u].y += dy * f;
    force_[t.v].x -= dx * f, force_[t.v].y -= dy * f;
  }

  // Adaptive speed (Jacomy et al. 2014, as in Gephi's ForceAtlas2.java): a node whose force
  // keeps flipping ("swinging") slows down; the global speed follows the ratio of coherent
  // movement ("traction") to swinging, within the jitter tolerance.
  double swinging_total = 0, traction_total = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (pinned_[v]) continue;
    double sx = force_[v].x - old_force_[v].x, sy = force_[v].y - old_force_[v].y;
    double tx = force_[v].x + old_force_[v].x, ty = force_[v].y + old_force_[v].y;
    swinging_total += mass_[v] * std::hypot(sx, sy);
    traction_total += mass_[v] * 0.5 * std::hypot(tx, ty);
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
  speed_ = speed_ + std::min(target_speed - speed_, max_rise * speed_);

  double moved = 0;
  std::size_t movers = 0;
  double cx = 0, cy = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (pinned_[v]) continue;
    double sx = force_[v].x - old_force_[v].x, sy = force_[v].y - old_force_[v].y;
    double swinging = mass_[v] * std::hypot(sx, sy);
    double factor = speed_ / (1.0 + std::sqrt(speed_ * swinging));
    double dx = force_[v].x * factor, dy = force_[v].y * factor;
    if (!std::isfinite(dx) || !std::isfinite(dy)) continue;
    pos_[v].x += dx, pos_[v].y += dy;
    moved += std::hypot(dx, dy);
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
