// The timeline without a window (viz/timeline.hpp): its months from the document's first `since`
// to today, stepping and playing, the fade, the date filter it drives (the map, the re-fit, the
// dashboard's answers at that date) and "Compare with...", whose rows are core's diff_sides, the
// computation of `wijknet diff FILE@D1 FILE@D2`. Dates are hand-checked against assets/laak.json.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/assess/diff.hpp"
#include "core/assess/health.hpp"
#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/actions.hpp"
#include "viz/insight.hpp"
#include "viz/timeline.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {

AppState laak() { return test::laak_state(); }

Date day(const char* text) { return *Date::parse(text); }

std::vector<std::string> shown_ids(AppState& s) {
  s.scene().node_styles();  // brings the visibility up to date
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.doc().node_count(); ++i)
    if (s.scene().visible(i)) out.push_back(s.document().nodes[i].id);
  std::sort(out.begin(), out.end());
  return out;
}

// Seed 000: "Samen met woningcorporatie Staedion, de Haagse Hogeschool, ROC Mondriaan, Stichting
// Mooi, Coöperatief Eigenwijzer en het Esloo College startten zij [de gemeente] in juli 2015
// Coalitie Laak", and the sample's wijkmakelaar, also since 2015-07-01 (the seed does not date the
// broker's appointment).
const std::vector<std::string> founders_and_broker = {"eigenwijzer", "esloo", "gemeente", "hhs", "mooi", "roc-mondriaan",
                                                      "staedion", "wijkmakelaar"};

}  // namespace

TEST_CASE("timeline: the months run from the first since in the document to today") {
  const AppState s = laak();
  const auto r = timeline_range(s.document(), day("2026-12-02"));
  REQUIRE(r);
  CHECK(r->first.str() == "2015-07");  // the founders' since, 2015-07-01
  CHECK(r->last.str() == "2026-12-02");
  // July 2015 .. December 2026: 11 years and 6 months.
  CHECK(r->positions() == 11 * 12 + 6);
  CHECK(r->date_at(0).str() == "2015-07");
  CHECK(r->date_at(1).str() == "2015-08");
  CHECK(r->date_at(6).str() == "2016-01");  // over the year's end
  CHECK(r->date_at(r->positions() - 2).str() == "2026-11");
  CHECK(r->date_at(r->positions() - 1).str() == "2026-12-02");  // the end is today itself
  CHECK(r->date_at(-5).str() == "2015-07");                     // clamped
  CHECK(r->date_at(1000).str() == "2026-12-02");
  CHECK(r->position_of(day("2015-07-20")) == 0);
  CHECK(r->position_of(day("2016-01-15")) == 6);
  CHECK(r->position_of(day("2010-01-01")) == 0);
  CHECK(r->position_of(day("2030-01-01")) == r->positions() - 1);
  // The month names the slider shows.
  CHECK(long_date(Lang::nl, r->date_at(0)) == "juli 2015");
  CHECK(long_date(Lang::en, r->date_at(0)) == "July 2015");

  // A tie's since counts too; a document without any since has no timeline.
  Coalition c = s.document();
  c.edges.front().since = day("2014-11-03");
  CHECK(timeline_range(c, day("2026-12-02"))->first.str() == "2014-11");
  for (auto& n : c.nodes) n.since.reset();
  for (auto& e : c.edges) e.since.reset();
  CHECK_FALSE(timeline_range(c, day("2026-12-02")));
}

TEST_CASE("timeline: a month back and forward, clamped at the ends") {
  const TimelineRange r{day("2015-07"), day("2026-12-02")};
  CHECK(step_months(r, day("2015-12"), 1).str() == "2016-01");
  CHECK(step_months(r, day("2016-01-15"), -1).str() == "2015-12");
  CHECK(step_months(r, day("2015-07"), -1).str() == "2015-07");
  CHECK(step_months(r, day("2026-12-02"), -1).str() == "2026-11");
  CHECK(step_months(r, day("2026-11"), 1).str() == "2026-12-02");
  CHECK(step_months(r, day("2026-12-02"), 1).str() == "2026-12-02");
}

TEST_CASE("timeline: play steps a month per interval, however the frames fall") {
  Playback p;
  p.seconds_per_step = 0.6;
  CHECK(p.advance(1.0) == 0);  // not playing
  p.playing = true;
  CHECK(p.advance(0.5) == 0);
  CHECK(p.advance(0.2) == 1);  // 0.7 s: one step, 0.1 s left over
  CHECK(p.advance(1.2) == 2);  // 1.3 s: two steps

  // Playing from the start stops at today.
  AppState s = laak();
  Timeline t;
  const int n = t.range(s)->positions();
  t.play(s);  // no date (the end): starts from the first month
  CHECK(s.view().filters().at->str() == "2015-07");
  CHECK(t.playing());
  t.update(s, 0.6 * 5 + 0.01);
  CHECK(s.view().filters().at->str() == "2015-12");
  t.update(s, 0.6 * n);
  CHECK(*s.view().filters().at == Date::today());
  CHECK_FALSE(t.playing());
}

TEST_CASE("timeline: members fade in and out instead of popping") {
  Fade f;
  f.seconds = 0.4;
  CHECK_FALSE(f.update({1, 1, 0}, {1}, 0.1));  // a first look: settled at once
  CHECK(f.nodes().empty());
  CHECK(f.update({1, 0, 1}, {0}, 0.1));  // node 1 leaves, node 2 joins, the tie goes
  REQUIRE(f.nodes().size() == 3);
  CHECK(f.nodes()[0] == doctest::Approx(1.0));
  CHECK(f.nodes()[1] == doctest::Approx(0.75));
  CHECK(f.nodes()[2] == doctest::Approx(0.25));
  CHECK(f.ties()[0] == doctest::Approx(0.75));
  CHECK(f.update({1, 0, 1}, {0}, 0.2));
  CHECK(f.nodes()[2] == doctest::Approx(0.75));
  CHECK_FALSE(f.update({1, 0, 1}, {0}, 0.2));  // done
  CHECK(f.nodes().empty());

  // On the map: a member that left is still drawn, fainter, while it fades.
  AppState s = laak();
  Timeline t;
  t.update(s, 0);  // settled on what is shown now
  const std::size_t spoorwijk = *s.document().find("bewoners-spoorwijk");  // since 2019-04-01
  const auto alpha = s.scene().node_styles()[spoorwijk].fill.a;
  t.set_date(s, day("2018-01"));
  s.scene().node_styles();
  CHECK_FALSE(s.scene().visible(spoorwijk));
  t.update(s, t.fade.seconds / 2);
  const NodeStyle& mid = s.scene().node_styles()[spoorwijk];
  CHECK((mid.flags & node_visible) != 0);
  CHECK(mid.fill.a < alpha);
  CHECK(mid.fill.a > 0);
  t.update(s, t.fade.seconds);
  CHECK((s.scene().node_styles()[spoorwijk].flags & node_visible) == 0);
}

TEST_CASE("timeline: July 2015 shows the founding partners, and the view re-fits unless the user moved it") {
  AppState s = laak();
  s.fit_view();
  Timeline t;
  const Camera all = s.view().camera();
  t.set_position(s, 0);
  CHECK(s.view().filters().at->str() == "2015-07");
  CHECK(shown_ids(s) == founders_and_broker);
  // Eight members fill the view: it zoomed in.
  CHECK(s.view().camera().zoom > all.zoom);
  // A month on, the same eight: nothing moves.
  const Camera july = s.view().camera();
  t.step(s, 1);
  CHECK(s.view().filters().at->str() == "2015-08");
  CHECK(s.view().camera().zoom == july.zoom);
  // The user pans: the view stays theirs when the members change (October 2015 + a month:
  // the residents' evening of 2015-10-07 joins on 1 November).
  s.view().camera().pan(40, 0);
  s.view().auto_fit = false;
  const Camera panned = s.view().camera();
  t.set_date(s, day("2015-11"));
  const auto nov = shown_ids(s);
  CHECK(std::count(nov.begin(), nov.end(), "bewonersavond") == 1);
  CHECK(s.view().camera().center.x == panned.center.x);
  CHECK(s.view().camera().zoom == panned.zoom);
}

TEST_CASE("timeline: the dashboard's answers are those of `wijknet health --at` for the map's date") {
  AppState s = laak();
  Insight in;
  Timeline t;
  t.set_date(s, day("2015-07"));
  in.settle(s, Lang::en);
  REQUIRE(in.answers());
  CHECK(in.current(s));
  const HealthReport want = assess_health(s.document(), {day("2015-07"), Lang::en});
  CHECK(in.answers()->health.at.str() == "2015-07");
  CHECK(in.answers()->health.score == want.score);
  for (const auto& ind : want.indicators) CHECK(in.answers()->health.find(ind.id)->score == ind.score);
  // Eight partners, all connected in July 2015: the score differs from today's.
  CHECK(in.dump(s)["health"]["at"] == "2015-07");
  CHECK(want.score != assess_health(s.document(), {std::nullopt, Lang::en}).score);
  // A new date: the answers are out of date until recomputed.
  t.step(s, 12);
  CHECK_FALSE(in.current(s));
  in.settle(s, Lang::en);
  CHECK(in.answers()->health.at.str() == "2016-07");
}

TEST_CASE("timeline: Compare with... lists core's diff of the two dates") {
  AppState s = laak();
  Timeline t;
  t.set_date(s, day("2018-01"));
  t.compare_with(day("2020-01"));
  t.settle(s);
  const CoalitionDiff* d = t.comparison(s);
  REQUIRE(d);
  const Coalition& doc = s.document();
  CHECK(diff_json(*d) == diff_json(diff_sides(doc, day("2018-01"), doc, day("2020-01"))));
  // By hand from assets/laak.json: Duwo (2018-03), the youth platform and its jobs project
  // (2018-09) and Spoorwijk's residents (2019-04) joined; the homework project ended 2019-07-01.
  std::vector<std::string> joined, left;
  for (const auto& n : d->joined) joined.push_back(n.id);
  for (const auto& n : d->left) left.push_back(n.id);
  std::sort(joined.begin(), joined.end());
  CHECK(joined == std::vector<std::string>{"bewoners-spoorwijk", "duwo", "jongeren-laak", "p-wijkbanen"});
  CHECK(left == std::vector<std::string>{"p-huiswerk"});

  // The panel's rows: joined, left, ties made, ties lost, then health (overall first), in core's order.
  const auto rows = Timeline::compare_rows(*d, Lang::nl);
  REQUIRE(rows.size() == d->joined.size() + d->left.size() + d->ties_made.size() + d->ties_lost.size() + d->health.size());
  std::size_t k = 0;
  for (const auto& n : d->joined) CHECK((rows[k].kind == CompareRow::Kind::joined && rows[k++].id == n.id));
  for (const auto& n : d->left) CHECK((rows[k].kind == CompareRow::Kind::left && rows[k++].id == n.id));
  for (const auto& e : d->ties_made) CHECK((rows[k].kind == CompareRow::Kind::tie_made && rows[k++].id == e.source + "|" + e.target + "|" + e.kind));
  for (const auto& e : d->ties_lost) CHECK((rows[k].kind == CompareRow::Kind::tie_lost && rows[k++].id == e.source + "|" + e.target + "|" + e.kind));
  CHECK(rows[k].id == "score");
  CHECK(rows[k].text == "Totaal");
  for (const auto& h : d->health) {
    CHECK(rows[k].kind == CompareRow::Kind::health);
    CHECK(rows[k].before == h.before);
    CHECK(rows[k++].after == h.after);
  }

  // The dump lists both dates and core's lists.
  const Json j = t.dump(s);
  CHECK(j["compare"]["before"] == "2018-01");
  CHECK(j["compare"]["after"] == "2020-01");
  CHECK(j["compare"]["diff"] == diff_json(*d));

  // Another date: stale until recomputed; stop comparing.
  t.compare_with(day("2016-01"));
  CHECK(t.comparison(s) == nullptr);
  t.settle(s);
  REQUIRE(t.comparison(s));
  // 2018-01 -> 2016-01: the eleven who joined after 1 January 2016 and before 2018.
  CHECK(t.comparison(s)->left.size() == 11);
  t.compare_with(std::nullopt);
  CHECK(t.dump(s)["compare"].is_null());
}

TEST_CASE("timeline: the panel's actions") {
  AppState s = laak();
  Insight in;
  Timeline t;
  auto act = [&](Action::Kind k, std::string text = {}, std::size_t index = 0) {
    Action a{k, std::move(text)};
    a.index = index;
    perform(a, s, in, Lang::en, &t);
  };
  act(Action::Kind::show_panel, "timeline");
  CHECK(t.show);
  act(Action::Kind::timeline_position, {}, 0);
  CHECK(s.view().filters().at->str() == "2015-07");
  act(Action::Kind::timeline_forward);
  act(Action::Kind::timeline_forward);
  CHECK(s.view().filters().at->str() == "2015-09");
  act(Action::Kind::timeline_back);
  CHECK(s.view().filters().at->str() == "2015-08");
  act(Action::Kind::timeline_date, "2017-03");
  CHECK(s.view().filters().at->str() == "2017-03");
  act(Action::Kind::timeline_play);
  CHECK(t.playing());
  act(Action::Kind::timeline_pause);
  CHECK_FALSE(t.playing());
  act(Action::Kind::timeline_compare, "2019-01");
  CHECK(t.compare_date()->str() == "2019-01");
  act(Action::Kind::select_member, "duwo");  // a member in the list: selected on the map
  CHECK(s.view().primary() == s.document().find("duwo"));
  act(Action::Kind::timeline_date, "");
  CHECK_FALSE(s.view().filters().at);
  act(Action::Kind::hide_panel, "timeline");
  CHECK_FALSE(t.show);
  CHECK(known_panel("timeline"));
}
