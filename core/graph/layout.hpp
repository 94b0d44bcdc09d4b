// Force-directed layout in the spirit of ForceAtlas2, headless, for the viewer and for exports.
//
// ForceAtlas2 (Jacomy, Venturini, Heymann, Bastian, "ForceAtlas2, a continuous graph layout
// algorithm for handy network visualization designed for the Gephi software", PLoS ONE 9(6),
// 2014) moves every node by the sum of three forces:
//   repulsion   F_r(u,v) = k_r (deg u + 1)(deg v + 1) / d(u,v)   between every pair,
//   attraction  F_a(u,v) = w(u,v)^delta * d(u,v)                  along every tie
//               (log(1 + d) in LinLog mode),
//   gravity     F_g(u)   = k_g (deg u + 1)                         towards the origin
//               (k_g (deg u + 1) d(u, 0) with strong gravity),
// and sets each node's step from its "swinging" (how much its force changes direction between
// steps) with the adaptive global speed of section "Adaptive speed" of the paper, as Gephi's
// ForceAtlas2.java implements it. Repulsion over all pairs is O(n^2); the Barnes-Hut quadtree
// (Barnes and Hut, Nature 324, 1986) approximates a far cell by its centre of mass when
// cell width / distance < theta, which makes a step O(n log n + m). The force pass (repulsion,
// attraction, gravity: each vertex's sum on its own) runs on every core; a vertex's force does
// not depend on how the vertices were shared out, so a drawing is the same whatever the number
// of threads.
//
// Multilevel start (start_multilevel()): a large graph laid out from random seeds needs
// thousands of steps to untangle. Following Walshaw ("A multilevel algorithm for force-directed
// graph drawing", JGAA 7(3), 2003) and Hu ("Efficient, high-quality force-directed graph
// drawing", Mathematica Journal 10(1), 2005; graphviz's sfdp), the graph is coarsened by
// matching: each vertex is merged with one neighbour, vertices left without a free neighbour
// join a neighbour's pair, until a few dozen vertices remain. A coarse vertex weighs what its
// members weigh and a coarse tie pulls with the summed strength of the ties it stands for, so the
// coarse graph's forces are the far field of the fine graph's and its drawing has the fine
// drawing's scale. The coarsest graph is laid out from the seeds, each finer one starts from its
// coarse parent's position (nudged towards its neighbours') and is refined by a few steps, and
// the full graph's ForceAtlas2 finishes. Coarsening merges neighbours only, so components stay
// apart; pinned vertices are never merged and stay pinned on every level.
//
// Stress finish (large graphs): ForceAtlas2 settles into a drawing whose distances follow the
// forces, not the graph's distances, and on a large graph the forces' equilibrium is reached
// only roughly. Once it has settled, the drawing is refined towards the graph's distances
// (normalised stress, Gansner, Koren and North, GD 2004) by stochastic gradient descent
// (Zheng, Pawar and Goodman, "Graph drawing by stochastic gradient descent", IEEE TVCG 25(9),
// 2019) on sampled stress: each tie is a term at distance 1, and each vertex has a term with
// each of k pivots drawn at random from the largest part, at their hop distance d, with weight
// (members / k) / d^2, so that the pivots stand for all the members. (Max-min pivots weighted by
// their regions, Ortmann, Klimenta and Brandes, GD 2016, were tried and were unstable on
// small-world networks.) A tie term moves both ends, a pivot term only the vertex. The descent
// starts from the forces' drawing in the forces' scale (the hop length is the one that fits that
// drawing best) and keeps the drawing's centre. O(k (n + m)) for the pivots' searches, O(k n + m)
// a round; on the largest part of the graph (other parts keep their place); pinned vertices stay.
//
// Threading: `ForceLayout` is a plain value owned by one thread. `LayoutWorker` runs one on its
// own thread and publishes a copy of the positions after every step under a mutex; the viewer
// fetches the latest copy once a frame and sends edits (move, pin, reheat) as queued commands,
// so the window never waits for a step.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace wijknet {

struct Vec2 {
  double x = 0, y = 0;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

// One undirected tie of the layout graph between vertices u and v with strength `weight`.
struct LayoutTie {
  std::uint32_t u = 0, v = 0;
  double weight = 1.0;
};

struct LayoutSettings {
  double scaling = 2.0;         // k_r: repulsion strength; larger spreads the drawing
  double gravity = 1.0;         // k_g: pull towards the origin, keeps components together
  bool strong_gravity = false;  // gravity grows with distance
  bool lin_log = false;         // attraction log(1 + d): tighter clusters
  double edge_weight_influence = 1.0;  // delta: attraction scales with weight^delta
  double jitter_tolerance = 1.0;       // how much swinging the adaptive speed accepts
  double theta = 1.2;           // Barnes-Hut opening criterion; 0 computes every pair exactly
  // Settled when the mean step is below this fraction of the drawing's radius for
  // `settle_steps` steps in a row.
  double settle_tolerance = 5e-4;
  int settle_steps = 15;
  // Threads for the force pass; 0: every core (std::thread::hardware_concurrency). Small graphs
  // (under 2,000 vertices) use one: starting threads would cost more than the step.
  unsigned threads = 0;
  // The stress finish (see the top of this file) runs once the forces have settled on a graph
  // of at least this many vertices: `stress_iterations` rounds of stochastic gradient descent
  // on sampled stress with `stress_pivots` pivots. SIZE_MAX: never.
  std::size_t stress_finish_from = 10000;
  int stress_iterations = 30;
  std::size_t stress_pivots = 200;

  // Gephi's defaults for a graph of n nodes: scaling 10 under 100 nodes, else 2; more jitter
  // tolerance for very large graphs.
  static LayoutSettings for_size(std::size_t n);
};

// The position a node gets before any layout: a point in the disc of radius 10 sqrt(n) drawn
// from a 64-bit FNV-1a hash of its id, so that the same id always starts at the same place,
// whatever the order of the nodes or the run. O(length of id).
Vec2 seed_position(std::string_view id, std::size_t n);

// The repulsion force on every vertex (ForceAtlas2's F_r, masses deg + 1 given in `mass`),
// exactly when theta = 0, else with the Barnes-Hut approximation. Coincident vertices push each
// other by nothing (they are separated by the attraction and the jitter of the next steps).
// O(n log n) for theta > 0 on points that are not pathologically clustered, O(n^2) for theta = 0.
// `terms`, when given, receives the number of force terms summed (a pair of points, or a point
// and a tree cell standing for many): the work, counted rather than timed. `threads` share the
// Barnes-Hut pass (0: every core; see LayoutSettings::threads); the forces do not depend on it.
std::vector<Vec2> repulsion_forces(const std::vector<Vec2>& positions, const std::vector<double>& mass,
                                   double scaling, double theta, std::size_t* terms = nullptr,
                                   unsigned threads = 1);

struct StressTerms;  // the stress finish's pivots and distances (layout.cpp)

// One ForceAtlas2 simulation. Not thread-safe: one owner at a time (see LayoutWorker).
class ForceLayout {
 public:
  ForceLayout() = default;
  // `positions` has one entry per vertex; ties refer to vertices 0..positions.size()-1.
  ForceLayout(std::vector<Vec2> positions, std::vector<LayoutTie> ties, LayoutSettings settings);

  // Prepares a multilevel start (see the top of this file) for a graph of at least
  // `min_vertices` vertices, from the current positions as seeds: the next steps lay out the
  // coarse graphs, coarsest first, with positions() showing each fine vertex near its coarse
  // vertex, then the full graph. Call it on a fresh layout from seed positions, not on a drawing
  // to keep. Any edit (set_position, set_pinned, reheat) ends the coarse phase where it is and
  // carries on with the full graph. O(m log m) to build the levels; returns how many coarse
  // levels there are (0: the graph is too small or would not coarsen).
  int start_multilevel(std::size_t min_vertices = 1000);
  // Coarse levels still to lay out before the full graph; each takes at most coarse_step_cap
  // steps (it stops earlier when it settles).
  std::size_t coarse_levels() const { return coarse_.size(); }
  static constexpr int coarse_step_cap = 150;

  // One iteration: forces, adaptive speed, moves (pinned vertices keep their place); during a
  // multilevel start, an iteration of the current coarse level; during the stress finish, one
  // round of it. Returns the mean displacement of the vertices that moved. O(n log n + m).
  double step();
  // Runs step() until settled(), `max_steps` steps or `budget_ms` milliseconds, whichever first.
  // Returns the number of steps run.
  int run(int max_steps, double budget_ms = 1e300);

  std::size_t size() const { return pos_.size(); }
  const std::vector<Vec2>& positions() const { return pos_; }
  const LayoutSettings& settings() const { return settings_; }
  void set_settings(const LayoutSettings& s) { settings_ = s; }

  // Places vertex i at p (an edit from the user); pinned vertices stay where they are put.
  void set_position(std::size_t i, Vec2 p);
  void set_pinned(std::size_t i, bool pinned);
  bool pinned(std::size_t i) const { return pinned_[i] != 0; }
  const std::vector<std::uint8_t>& pinned_flags() const { return pinned_; }

  // Restarts the adaptive speed so the layout moves again after it settled or after edits.
  void reheat();
  // Clears the settled state but keeps the speed: a paused layout carries on where it was.
  void unsettle() { calm_steps_ = 0, settled_ = false; }
  bool settled() const { return settled_; }
  // The forces have settled and the stress finish is under way (see the top of this file).
  bool stress_finishing() const { return stress_round_ >= 0; }
  std::size_t iterations() const { return iterations_; }
  double last_movement() const { return last_movement_; }  // mean step / radius

 private:
  // A coarse graph: vertex masses given (the sums of its members'), not 1 + degree.
  ForceLayout(std::vector<Vec2> positions, std::vector<LayoutTie> ties, std::vector<double> mass,
              LayoutSettings settings);
  void build_adjacency();
  void cool(int warm_steps);
  void fit_scale();
  void prolong();
  void end_multilevel();
  void show_coarse();
  double fa2_step();
  double stress_step();

  std::vector<Vec2> pos_, force_, old_force_;
  std::vector<double> mass_;
  std::vector<LayoutTie> ties_;
  // Ties by vertex (both directions), for the attraction of each vertex on its own thread.
  std::vector<std::uint32_t> adj_start_, adj_to_;
  std::vector<double> adj_weight_;
  std::vector<std::uint8_t> pinned_;
  LayoutSettings settings_;
  double speed_ = 1.0, speed_efficiency_ = 1.0;
  std::size_t iterations_ = 0;
  int calm_steps_ = 0;
  bool settled_ = false;
  double last_movement_ = 0;
  // The multilevel start: coarse_[k] is the graph of level k + 1 (coarse_.back() the coarsest,
  // the one laid out now); parent_[k] maps the vertices of the next finer graph (this one for
  // k = 0, else coarse_[k - 1]) to coarse_[k]'s; current_[v] is the coarse_.back() vertex
  // that vertex v belongs to.
  std::vector<ForceLayout> coarse_;
  std::vector<std::vector<std::uint32_t>> parent_;
  std::vector<std::uint32_t> current_;
  int level_steps_ = 0;
  // Cooling after a multilevel start: moves are scaled by `temperature_`, which stays 1 for
  // `warm_steps_` steps and then falls by `cooling_rate_` a step (reheat() ends it).
  bool cooling_ = false;
  int warm_steps_ = 0;
  double temperature_ = 1.0;
  // The stress finish: its terms (built at its first round, kept while the ties stay), the round
  // under way (-1: not in the finish) and the drawing's length of one hop.
  std::shared_ptr<const StressTerms> stress_;
  int stress_round_ = -1;
  double hop_length_ = 1.0;
};

// Runs a ForceLayout on its own thread. Every public member may be called from any thread.
// The worker applies queued edits between steps, publishes the positions after each step, and
// pauses itself when the layout settles (reheat() or resume() starts it again).
class LayoutWorker {
 public:
  LayoutWorker();
  ~LayoutWorker();  // stops and joins the thread
  LayoutWorker(const LayoutWorker&) = delete;
  LayoutWorker& operator=(const LayoutWorker&) = delete;

  // Replaces the simulation (after a structural edit or on opening a document) and runs it
  // when `run` is true. Pinned flags travel with the layout.
  void reset(ForceLayout layout, bool run);
  void pause();
  void resume();
  void reheat();  // resume with the adaptive speed restarted
  void move(std::size_t i, Vec2 p, bool pin);  // place vertex i, pinned or not
  void set_pinned(std::size_t i, bool pinned);

  bool running() const { return running_.load(); }
  bool settled() const { return settled_.load(); }
  std::size_t iterations() const { return iterations_.load(); }
  double last_step_ms() const { return last_step_ms_.load(); }

  // Copies the latest published positions into `out` when they are newer than `generation`
  // and updates `generation`; returns whether it copied. O(n) when it copies, O(1) otherwise.
  bool fetch(std::vector<Vec2>& out, std::uint64_t& generation) const;
  // Blocks until the worker has paused (settled or paused) or `timeout_ms` passed; for tests.
  bool wait_idle(double timeout_ms) const;

 private:
  void loop();

  struct Command {
    enum class Kind { move, pin, unpin, reheat, unsettle } kind;
    std::size_t index = 0;
    Vec2 p;
    bool pin = false;
  };

  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  mutable std::condition_variable idle_;
  std::optional<ForceLayout> pending_;  // a new layout handed over by reset()
  std::vector<Command> commands_;
  std::vector<Vec2> published_;
  std::uint64_t generation_ = 0;
  bool want_run_ = false;
  bool quit_ = false;
  bool busy_ = false;  // the worker is inside a step
  std::atomic<bool> running_{false}, settled_{false};
  std::atomic<std::size_t> iterations_{0};
  std::atomic<double> last_step_ms_{0};
  std::thread thread_;
};

}  // namespace wijknet
