// The coordinator's side of the viewer: the health dashboard's answers, the what-if scenario,
// the missing partners and what is highlighted or previewed on the map. It owns the background
// jobs (viz/jobs.hpp) and asks them again after every edit; the document itself changes only
// through AppState's undoable edits (Apply, Add to coalition). Headless: tests/viz/test_insight.cpp
// drives it without a window; the panels (viz/panel_*.cpp) only draw it and issue actions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viz/app_state.hpp"
#include "viz/jobs.hpp"

namespace wijknet::viz {

// One entry of the Missing partners panel, in the panel's order: missing sectors (the coalition,
// then per theme), candidates from the registry, introductions, then the succession plan (its
// successors and the introductions that reconnect what the broker held together).
struct MissingItem {
  enum class Kind { sectors, candidate, introduction, successor, reconnect };
  Kind kind = Kind::sectors;
  std::size_t index = 0;    // into its list in Suggestions (successor, reconnect: in succession)
  std::string title;        // "Bewonersgroep + ROC Mondriaan", a candidate's name, "Thema Wonen"
  std::string reason;       // core's sentence, in the user's language
  std::vector<std::string> nodes;  // the members it concerns (shown on the map)
  bool can_add = false;     // "Add to coalition" applies (candidates and introductions)
};
std::string_view missing_kind_id(MissingItem::Kind k);  // "sectors", "candidate", ...

// Adds a `collaborates` tie between members i and j (one undoable edit).
void add_collaboration(AppState& state, std::size_t i, std::size_t j);

// What the map draws on top of the drawing for a previewed suggestion.
struct Ghost {
  bool node = false;       // a candidate: a dashed disc at `at` named `label`
  Vec2 at;
  std::string label;
  std::vector<std::size_t> ties_to;                     // the candidate's would-be ties
  std::vector<std::pair<std::size_t, std::size_t>> ties;  // dashed ties between members
};

class Insight {
 public:
  // Which of its panels are open (the dashboard by default).
  bool show_health = true, show_whatif = false, show_missing = false;
  bool show_matrix = false;  // the project matrix (viz/panel_matrix.cpp)

  // Once a frame: takes finished answers, asks for new ones when the document, the language,
  // the registry or the scenario changed, and mutes the scenario's members on the map.
  // Coalitions above auto_limit members are computed only after compute_now().
  void update(AppState& state, Lang lang);
  // update(), then blocks until the answers are current (tests and --frames runs).
  void settle(AppState& state, Lang lang);
  void compute_now() { compute_requested_ = true; }
  static constexpr std::size_t auto_limit = 1000;

  const Answers* answers() const { return jobs_.latest(); }
  // Whether answers() answer the document as it is now (else they are being recomputed).
  bool current(const AppState& state) const;
  bool computing() const { return jobs_.busy(); }
  double busy_seconds() const { return jobs_.busy_seconds(); }
  bool waiting_for_request(const AppState& state) const;  // large coalition, nothing computed

  // ---- what-if ----
  bool whatif_active() const { return whatif_; }
  const Scenario& scenario() const { return scenario_; }
  void enter_whatif();
  // Leaves the mode: the map shows the document again.
  void leave_whatif(AppState& state);
  // Takes a member out of the scenario, or puts it back (enters the mode).
  void toggle_member(const std::string& id);
  void add_tie(const std::string& a, const std::string& b);
  void remove_tie(std::size_t k);
  // Turns the scenario into real edits (the ties added, the members removed) as one undo step,
  // and leaves the mode. Returns false when an id is unknown.
  bool apply_whatif(AppState& state);
  // The what-if answer for the scenario as it is now, or nullptr while it is computed.
  const WhatIf* whatif(const AppState& state) const;

  // ---- the dashboard ----
  // Highlights the indicator's members on the map and flies to them; the same id again clears.
  void highlight_indicator(AppState& state, const std::string& id);
  const std::string& highlighted_indicator() const { return highlight_; }
  std::vector<std::size_t> highlighted(const AppState& state) const;
  // The member the broker indicator is about: the designated broker, else its first node.
  std::optional<std::string> broker_id(const AppState& state) const;

  // ---- missing partners ----
  // Reads a candidate registry (CSV); on failure keeps the old one and returns false with
  // registry_error() set (file:line:col).
  bool open_registry(const std::string& path);
  const std::string& registry_path() const { return registry_path_; }
  const std::string& registry_error() const { return registry_error_; }
  const std::vector<Candidate>& registry() const { return registry_; }
  std::vector<MissingItem> missing_items(const AppState& state) const;
  // Previews item k (its members highlighted, a ghost on the map) and flies to it; k again clears.
  void preview(AppState& state, std::size_t k);
  std::optional<std::size_t> previewed() const { return preview_; }
  Ghost ghost(const AppState& state) const;
  // "Add to coalition": a candidate becomes a partner with its ties, an introduction a
  // `collaborates` tie; one undo step. Returns the status text ("" when nothing was added).
  std::string accept(AppState& state, std::size_t k, Lang lang);

  // Per open panel, what it shows (for --dump-state).
  Json dump(const AppState& state) const;

 private:
  JobRequest make_request(const AppState& state, Lang lang) const;

  Jobs jobs_;
  bool whatif_ = false, compute_requested_ = false;
  Scenario scenario_;
  std::string highlight_;
  std::optional<std::size_t> preview_;
  std::vector<Candidate> registry_;
  std::string registry_path_, registry_error_;
  std::uint64_t registry_version_ = 0;
  // What was last asked of the jobs.
  struct Key {
    std::uint64_t version = 0, registry = 0;
    Lang lang = Lang::en;
    std::optional<Scenario> scenario;
    std::optional<Date> at;  // the date filter's: the answers are of the coalition as it stood then
    friend bool operator==(const Key&, const Key&) = default;
  };
  std::optional<Key> asked_;
  Key key(const AppState& state, Lang lang) const;
};

}  // namespace wijknet::viz
