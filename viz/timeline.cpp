#include "viz/timeline.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/assess/health.hpp"

namespace wijknet::viz {

namespace {

Date month_of(int year, int month) {
  // Months counted from 0 so that month 13 of 2015 is January 2016.
  const int m0 = year * 12 + (month - 1);
  return Date(m0 / 12, m0 % 12 + 1, 1, Date::Precision::month);
}

bool same_view(const Camera& a, const Camera& b) {
  return a.center.x == b.center.x && a.center.y == b.center.y && a.zoom == b.zoom && a.width == b.width && a.height == b.height;
}

std::vector<std::uint8_t> shown_nodes(AppState& state) {
  std::vector<std::uint8_t> v = state.scene().visible_flags();
  v.resize(state.doc().node_count(), 0);
  return v;
}

// Larger networks change at once: fading them would redraw the whole scene every frame.
constexpr std::size_t fade_limit = 5000;

}  // namespace

// ---------------------------------------------------------------------------------- range

Date TimelineRange::date_at(int k) const {
  const int n = positions();
  k = std::clamp(k, 0, n - 1);
  if (k == n - 1) return last;
  return month_of(first.year(), first.month() + k);
}

int TimelineRange::position_of(const Date& d) const {
  if (d >= last) return positions() - 1;
  return std::clamp(first.months_until(Date(d.year(), d.month(), 1)), 0, positions() - 1);
}

std::optional<TimelineRange> timeline_range(const Coalition& doc, const Date& today) {
  std::optional<Date> first;
  auto take = [&](const std::optional<Date>& since) {
    if (since && (!first || *since < *first)) first = since;
  };
  for (const auto& n : doc.nodes) take(n.since);
  for (const auto& e : doc.edges) take(e.since);
  if (!first || *first > today) return std::nullopt;
  return TimelineRange{month_of(first->year(), first->month()), today};
}

Date step_months(const TimelineRange& range, const Date& d, int months) {
  return range.date_at(range.position_of(d) + months);
}

int Playback::advance(double dt) {
  if (!playing || seconds_per_step <= 0) return 0;
  elapsed += std::max(dt, 0.0);
  const int steps = int(std::floor(elapsed / seconds_per_step));
  elapsed -= steps * seconds_per_step;
  return steps;
}

// ---------------------------------------------------------------------------------- fade

bool Fade::update(const std::vector<std::uint8_t>& nodes, const std::vector<std::uint8_t>& ties, double dt) {
  auto move = [&](std::vector<float>& cur, const std::vector<std::uint8_t>& target) {
    if (cur.size() != target.size()) {
      cur.assign(target.begin(), target.end());
      return false;
    }
    const float step = seconds > 0 ? float(dt / seconds) : 1.0f;
    bool fading = false;
    for (std::size_t i = 0; i < cur.size(); ++i) {
      const float t = target[i] ? 1.0f : 0.0f;
      cur[i] = cur[i] < t ? std::min(t, cur[i] + step) : std::max(t, cur[i] - step);
      fading = fading || cur[i] != t;
    }
    return fading;
  };
  const bool a = move(node_, nodes), b = move(tie_, ties);
  if (a || b) {
    node_out_ = node_;
    tie_out_ = tie_;
  } else {
    node_out_.clear();
    tie_out_.clear();
  }
  return a || b;
}

// ---------------------------------------------------------------------------------- timeline

std::optional<TimelineRange> Timeline::range(const AppState& state) const { return timeline_range(state.document()); }

void Timeline::set_date(AppState& state, std::optional<Date> d) {
  if (d == state.view().filters().at) return;
  fade_armed_ = true;
  const auto before = shown_nodes(state);
  // The view is the timeline's (or the layout's) until the user pans, zooms or flies elsewhere.
  const bool follow = state.view().auto_fit || (fitted_ && same_view(*fitted_, state.view().camera()));
  Filters f = state.view().filters();
  f.at = d;
  state.view().set_filters(std::move(f));
  if (follow && shown_nodes(state) != before) {
    state.fit_view();
    fitted_ = state.view().camera();
  }
}

void Timeline::set_covered(AppState& state, double bottom) {
  if (std::abs(bottom - state.view().inset_bottom()) < 1) return;
  const bool follow = state.view().auto_fit || (fitted_ && same_view(*fitted_, state.view().camera()));
  state.view().set_inset_bottom(bottom);
  if (follow) {
    state.fit_view();
    fitted_ = state.view().camera();
  }
}

void Timeline::set_position(AppState& state, int k) {
  if (auto r = range(state)) set_date(state, r->date_at(k));
}

void Timeline::step(AppState& state, int months) {
  auto r = range(state);
  if (!r) return;
  const Date now = date(state).value_or(r->last);
  set_date(state, step_months(*r, now, months));
}

void Timeline::play(AppState& state) {
  auto r = range(state);
  if (!r) return;
  if (r->position_of(date(state).value_or(r->last)) >= r->positions() - 1) set_position(state, 0);
  playback.playing = true;
  playback.elapsed = 0;
}

std::optional<std::pair<Date, Date>> Timeline::compared_dates(const AppState& state) const {
  if (!compare_to_) return std::nullopt;
  return std::pair{date(state).value_or(Date::today()), *compare_to_};
}

std::optional<Timeline::CompareKey> Timeline::key(const AppState& state) const {
  auto d = compared_dates(state);
  if (!d) return std::nullopt;
  return CompareKey{state.doc().content_version(), d->first, d->second};
}

const CoalitionDiff* Timeline::comparison(const AppState& state) const {
  auto k = key(state);
  if (!k || !done_ || !(done_key_ == k)) return nullptr;
  return &*done_;
}

bool Timeline::update(AppState& state, double dt) {
  bool busy = false;
  // Play.
  if (playback.playing) {
    busy = true;
    if (auto r = range(state)) {
      if (const int n = playback.advance(dt); n > 0) {
        const int k = r->position_of(date(state).value_or(r->last)) + n;
        set_position(state, k);
        if (k >= r->positions() - 1) playback.playing = false;  // today: the end
      }
    } else {
      playback.playing = false;
    }
  }
  // Fade what the date shows in and out.
  if (state.doc().node_count() <= fade_limit) {
    const auto nodes = shown_nodes(state);
    std::vector<std::uint8_t> ties = state.scene().edge_visible_flags();
    ties.resize(state.document().edges.size(), 0);
    // Only what the timeline changes fades; other filters change the map at once.
    if (fade.update(nodes, ties, fade_armed_ ? dt : 1e9)) busy = true;
    else fade_armed_ = false;
    state.view().set_fade(fade.nodes(), fade.ties());
  } else {
    state.view().set_fade({}, {});
  }
  // The comparison: started when the dates or the document changed, taken when done.
  if (running_.valid() && running_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    done_ = running_.get();
    done_key_ = asked_;
  }
  const auto k = key(state);
  if (k && !(asked_ == k) && !running_.valid()) {
    asked_ = k;
    // diff_sides is `wijknet diff FILE@A FILE@B`: the same document at its two dates.
    running_ = std::async(std::launch::async, [doc = state.document(), a = k->a, b = k->b] { return diff_sides(doc, a, doc, b); });
  }
  if (k && !comparison(state)) busy = true;
  return busy;
}

void Timeline::settle(AppState& state) {
  for (int i = 0; i < 3; ++i) {
    update(state, 0);
    if (running_.valid()) running_.wait();
  }
  update(state, 0);
}

std::vector<CompareRow> Timeline::compare_rows(const CoalitionDiff& d, Lang lang) {
  std::vector<CompareRow> rows;
  auto node = [&](CompareRow::Kind k, const CoalitionDiff::NodeChange& n) {
    rows.push_back({k, n.id, n.label.empty() ? n.id : n.label, std::nullopt, std::nullopt});
  };
  auto tie = [&](CompareRow::Kind k, const CoalitionDiff::TieChange& t) {
    rows.push_back({k, t.source + "|" + t.target + "|" + t.kind,
                    (t.source_label.empty() ? t.source : t.source_label) + " – " + (t.target_label.empty() ? t.target : t.target_label),
                    std::nullopt, std::nullopt});
  };
  for (const auto& n : d.joined) node(CompareRow::Kind::joined, n);
  for (const auto& n : d.left) node(CompareRow::Kind::left, n);
  for (const auto& t : d.ties_made) tie(CompareRow::Kind::tie_made, t);
  for (const auto& t : d.ties_lost) tie(CompareRow::Kind::tie_lost, t);
  for (const auto& h : d.health)
    rows.push_back({CompareRow::Kind::health, h.id, h.id == "score" ? tr(lang, "diff.overall") : indicator_title(lang, h.id), h.before,
                    h.after});
  return rows;
}

Json Timeline::dump(AppState& state) const {
  Json j = Json::object();
  const auto d = date(state);
  j["date"] = d ? Json(d->str()) : Json(nullptr);
  if (auto r = range(state)) {
    j["first"] = r->first.str();
    j["last"] = r->last.str();
    j["position"] = r->position_of(d.value_or(r->last));
    j["positions"] = r->positions();
  }
  j["playing"] = playback.playing;
  Json ids = Json::array();
  const auto shown = shown_nodes(state);
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (shown[i]) ids.push_back(state.document().nodes[i].id);
  j["visible_count"] = ids.size();
  j["visible_ids"] = ids;
  if (auto dates = compared_dates(state)) {
    Json c = {{"before", dates->first.str()}, {"after", dates->second.str()}};
    if (const CoalitionDiff* diff = comparison(state)) c["diff"] = diff_json(*diff);
    j["compare"] = c;
  } else {
    j["compare"] = nullptr;
  }
  return j;
}

}  // namespace wijknet::viz
