// The timeline: the coalition as it stood month by month, from the first `since` in the document
// to today. Its date is the date filter's (Filters::at), so the map, the measures and the
// dashboard all follow it; it plays (a month a step), steps, re-fits the view when the members
// shown change (unless the user has moved the view), fades members in and out, and compares two
// dates as `wijknet diff FILE@D1 FILE@D2` does (core/assess/diff.hpp's diff_sides, on a thread).
// Headless: tests/viz/test_timeline.cpp drives it without a window; viz/panel_timeline.cpp draws it.
#pragma once

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "core/assess/diff.hpp"
#include "core/text/i18n.hpp"
#include "viz/app_state.hpp"

namespace wijknet::viz {

// The slider's months: `first` is the month of the earliest `since` of a member or a tie, `last`
// today. Position k is the month `first` + k; the last position is today itself (a month
// position stands for the coalition on the month's first day, as `--at 2015-07` does).
struct TimelineRange {
  Date first, last;
  // Number of positions: first's month up to and including last's month.
  int positions() const { return first.months_until(Date(last.year(), last.month(), 1)) + 1; }
  // The date at position k (clamped): a month "2015-07", or `last` at the end.
  Date date_at(int k) const;
  // The position a date falls in (clamped; a date before `first` is position 0).
  int position_of(const Date& d) const;
};
// nullopt when no member or tie has a `since` (nothing to slide through) or it lies after today.
std::optional<TimelineRange> timeline_range(const Coalition& doc, const Date& today = Date::today());

// `d` moved by `months` months, as a month date ("2015-08"); the range's ends clamp it.
Date step_months(const TimelineRange& range, const Date& d, int months);

// Play: one month every `seconds_per_step`; stops at the range's end. `advance` is given the time
// since the last frame and returns how many months to step now (0 most frames).
struct Playback {
  bool playing = false;
  double seconds_per_step = 0.6;
  double elapsed = 0;
  int advance(double dt);
};

// Members fading in and out over `seconds`: per node and per tie an opacity that moves towards 1
// for what is shown and towards 0 for what is not.
class Fade {
 public:
  double seconds = 0.35;
  // Moves the opacities dt seconds towards the targets. A new size (another document) starts
  // settled, with nothing fading. Returns whether anything is still between 0 and 1.
  bool update(const std::vector<std::uint8_t>& nodes, const std::vector<std::uint8_t>& ties, double dt);
  // Opacity per node and per tie; empty when nothing is fading.
  const std::vector<float>& nodes() const { return node_out_; }
  const std::vector<float>& ties() const { return tie_out_; }

 private:
  std::vector<float> node_, tie_, node_out_, tie_out_;
};

// One row of the comparison, in the panel's order: joined, left, ties made, ties lost, health.
struct CompareRow {
  enum class Kind { joined, left, tie_made, tie_lost, health };
  Kind kind = Kind::joined;
  std::string id;                // a member's id (joined, left), "source|target|kind" for a tie, an indicator id
  std::string text;              // what the panel shows
  std::optional<double> before, after;  // health
};

class Timeline {
 public:
  bool show = false;  // the panel is open

  // The date the map is at: the filter's; nullopt when no date is set (every member shown).
  std::optional<Date> date(const AppState& state) const { return state.view().filters().at; }
  std::optional<TimelineRange> range(const AppState& state) const;
  // Moves the map to `d` (nullopt: no date): sets the date filter, and re-fits the view when the
  // members shown change and the view is the one the timeline or the layout last fitted.
  void set_date(AppState& state, std::optional<Date> d);
  // The height the panel's bar covers at the bottom of the view: fits keep clear of it, and a
  // view the timeline fitted is fitted again when the bar grows or shrinks (comparing, closing).
  void set_covered(AppState& state, double bottom);
  void set_position(AppState& state, int k);
  void step(AppState& state, int months);
  void play(AppState& state);  // from the start when at the end
  void pause() { playback.playing = false; }
  bool playing() const { return playback.playing; }

  // ---- compare with... ----
  // Compares the map's date (before) with `other` (after); nullopt stops comparing.
  void compare_with(std::optional<Date> other) { compare_to_ = other; }
  const std::optional<Date>& compare_date() const { return compare_to_; }
  // The comparison of the current document between the two dates, or nullptr while it is computed
  // (or when not comparing). Rows and diff are core's (diff_sides).
  const CoalitionDiff* comparison(const AppState& state) const;
  static std::vector<CompareRow> compare_rows(const CoalitionDiff& d, Lang lang);
  // The dates being compared: (map's date or today, the other).
  std::optional<std::pair<Date, Date>> compared_dates(const AppState& state) const;

  // Once a frame: plays, fades, and starts or takes the comparison. Returns whether frames must
  // keep coming (playing, fading, computing).
  bool update(AppState& state, double dt);
  // Blocks until the comparison is ready (tests, --frames runs).
  void settle(AppState& state);

  // For --dump-state: date, range, playing, the members shown, and the comparison.
  Json dump(AppState& state) const;

  Playback playback;
  Fade fade;

 private:
  struct CompareKey {
    std::uint64_t version = 0;
    Date a, b;
    friend bool operator==(const CompareKey&, const CompareKey&) = default;
  };
  std::optional<CompareKey> key(const AppState& state) const;
  std::optional<Date> compare_to_;
  bool fade_armed_ = false;  // the timeline changed what is shown: fade, do not switch
  std::optional<CompareKey> asked_, done_key_;
  std::future<CoalitionDiff> running_;
  std::optional<CoalitionDiff> done_;
  // The camera as the timeline last fitted it: the view is the user's once it differs.
  std::optional<Camera> fitted_;
};

}  // namespace wijknet::viz
