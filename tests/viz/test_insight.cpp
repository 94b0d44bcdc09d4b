// The coordinator's side of the viewer without a window: the background answers, what-if mode,
// the missing partners and their "Add to coalition", the report and the remembered panels. The
// figures are compared with what core/ computes for the same document at run time (the health
// model's numbers may change; the window must always agree with the command line).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/assess/whatif.hpp"
#include "importers/io.hpp"
#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/actions.hpp"
#include "viz/insight.hpp"
#include "viz/settings.hpp"

using namespace wijknet;
using namespace wijknet::viz;
using wijknet::test::fingerprint;

namespace {

AppState laak() { return test::laak_state(); }

std::optional<std::size_t> item_of(const Insight& in, const AppState& s, MissingItem::Kind kind) {
  auto items = in.missing_items(s);
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k].kind == kind) return k;
  return std::nullopt;
}

}  // namespace

TEST_CASE("insight: the dashboard's answers are core's health of the document, recomputed after every edit") {
  AppState s = laak();
  Insight in;
  in.settle(s, Lang::en);
  REQUIRE(in.answers());
  CHECK(in.current(s));
  const HealthReport direct = assess_health(s.document(), HealthOptions{.at = std::nullopt, .lang = Lang::en});
  CHECK(health_json(in.answers()->health) == health_json(direct));
  const Json d = in.dump(s);
  CHECK(d["health"]["score"] == round1(*direct.score));
  CHECK(d["health"]["indicators"].size() == 10);
  CHECK(d["health"]["indicators"][1]["id"] == "broker_dependency");

  // An edit makes the answers stale until the worker has recomputed them.
  const auto broker = *s.document().find("wijkmakelaar");
  s.doc().remove_nodes({broker});
  CHECK_FALSE(in.current(s));
  in.settle(s, Lang::en);
  CHECK(in.current(s));
  CHECK(health_json(in.answers()->health) ==
        health_json(assess_health(s.document(), HealthOptions{.at = std::nullopt, .lang = Lang::en})));
  // The language is part of the question.
  in.settle(s, Lang::nl);
  CHECK(in.answers()->lang == Lang::nl);
}

TEST_CASE("insight: clicking an indicator highlights its members and flies to them; again clears") {
  AppState s = laak();
  Insight in;
  in.settle(s, Lang::en);
  const HealthIndicator* ind = in.answers()->health.find("broker_dependency");
  REQUIRE(ind);
  REQUIRE_FALSE(ind->nodes.empty());
  perform({Action::Kind::highlight_indicator, "broker_dependency"}, s, in, Lang::en);
  CHECK(in.highlighted_indicator() == "broker_dependency");
  std::vector<std::string> lit;
  for (auto i : in.highlighted(s)) lit.push_back(s.document().nodes[i].id);
  CHECK(lit == ind->nodes);
  CHECK(s.view().flying());
  perform({Action::Kind::highlight_indicator, "broker_dependency"}, s, in, Lang::en);
  CHECK(in.highlighted(s).empty());
}

TEST_CASE("insight: what-if takes the broker out without touching the document; apply makes it one undo step") {
  AppState s = laak();
  Insight in;
  const std::string before = fingerprint(s.document());
  perform({Action::Kind::whatif_toggle, "wijkmakelaar"}, s, in, Lang::en);
  in.settle(s, Lang::en);
  CHECK(in.whatif_active());
  CHECK(in.show_whatif);
  const WhatIf* w = in.whatif(s);
  REQUIRE(w);
  WhatIfOptions o;
  o.remove = {"wijkmakelaar"};
  const WhatIf direct = what_if(s.document(), o);
  CHECK(whatif_json(*w) == whatif_json(direct));
  CHECK(w->figures_after.unreachable_pairs == 44);
  CHECK_FALSE(w->split_off.empty());
  CHECK(fingerprint(s.document()) == before);
  CHECK(s.view().muted(*s.document().find("wijkmakelaar")));
  CHECK(s.doc().undo_depth() == 0);

  // Leaving restores the map.
  perform({Action::Kind::whatif_leave}, s, in, Lang::en);
  CHECK_FALSE(s.view().muted(*s.document().find("wijkmakelaar")));

  // Apply: the broker gone for real, with a hypothetical tie made real; one undo brings all back.
  perform({Action::Kind::whatif_toggle, "wijkmakelaar"}, s, in, Lang::en);
  std::vector<std::string> others;
  for (const auto& n : s.document().nodes)
    if (n.id != "wijkmakelaar" && n.is_actor()) others.push_back(n.id);
  const std::string a = others[0], b = others[1];
  perform({Action::Kind::whatif_add_tie, a, b}, s, in, Lang::en);
  const std::size_t nodes = s.doc().node_count(), edges = s.document().edges.size();
  std::size_t broker_ties = 0;
  for (const auto& e : s.document().edges) broker_ties += e.source == *s.document().find("wijkmakelaar") || e.target == *s.document().find("wijkmakelaar");
  perform({Action::Kind::whatif_apply}, s, in, Lang::en);
  CHECK_FALSE(in.whatif_active());
  CHECK(s.doc().node_count() == nodes - 1);
  CHECK(s.document().edges.size() == edges + 1 - broker_ties);
  CHECK_FALSE(s.document().find("wijkmakelaar"));
  CHECK(s.doc().undo_depth() == 1);
  perform({Action::Kind::undo}, s, in, Lang::en);
  CHECK(fingerprint(s.document()) == before);
}

TEST_CASE("insight: the succession introduction, added for real, keeps the network whole without the broker; undo restores") {
  AppState s = laak();
  Insight in;
  in.show_missing = true;
  perform({Action::Kind::whatif_toggle, "wijkmakelaar"}, s, in, Lang::en);
  in.settle(s, Lang::en);
  REQUIRE(in.whatif(s));
  REQUIRE(in.whatif(s)->figures_after.unreachable_pairs > 0);
  const auto k = item_of(in, s, MissingItem::Kind::reconnect);
  REQUIRE(k);
  const auto item = in.missing_items(s)[*k];
  CHECK(item.can_add);
  // Selecting it previews a dashed tie between the two members.
  perform({Action::Kind::preview_item, "", "", *k}, s, in, Lang::en);
  const Ghost g = in.ghost(s);
  REQUIRE(g.ties.size() == 1);
  CHECK(s.document().nodes[g.ties[0].first].id == item.nodes[0]);
  const std::size_t edges = s.document().edges.size();
  const auto r = perform({Action::Kind::accept_item, "", "", *k}, s, in, Lang::en);
  CHECK_FALSE(r.status.empty());
  CHECK(s.document().edges.size() == edges + 1);
  in.settle(s, Lang::en);
  // Every reconnecting introduction accepted: the network stays whole without the broker.
  while (auto more = item_of(in, s, MissingItem::Kind::reconnect)) {
    perform({Action::Kind::accept_item, "", "", *more}, s, in, Lang::en);
    in.settle(s, Lang::en);
  }
  REQUIRE(in.whatif(s));
  CHECK(in.whatif(s)->figures_after.unreachable_pairs == 0);
  CHECK(in.whatif(s)->split_off.empty());
  // The dashboard agrees: the broker dependency indicator of the edited document.
  CHECK(health_json(in.answers()->health) ==
        health_json(assess_health(s.document(), HealthOptions{.at = std::nullopt, .lang = Lang::en})));
  while (s.doc().can_undo()) perform({Action::Kind::undo}, s, in, Lang::en);
  in.settle(s, Lang::en);
  CHECK(in.whatif(s)->figures_after.unreachable_pairs == 44);
}

TEST_CASE("insight: candidates from a registry; Add to coalition makes a partner with its ties in one undo step") {
  AppState s = laak();
  Insight in;
  in.show_missing = true;
  CHECK_FALSE(in.open_registry("/nonexistent/registry.csv"));
  CHECK(in.registry_error().find("/nonexistent/registry.csv") != std::string::npos);
  REQUIRE(in.open_registry(std::string(WIJKNET_SOURCE_DIR) + "/assets/registry_den_haag.csv"));
  in.settle(s, Lang::en);
  const auto k = item_of(in, s, MissingItem::Kind::candidate);
  REQUIRE(k);
  const auto items = in.missing_items(s);
  const auto& c = in.answers()->suggestions.candidates[items[*k].index];
  CHECK(items[*k].title == c.name);
  perform({Action::Kind::preview_item, "", "", *k}, s, in, Lang::en);
  const Ghost g = in.ghost(s);
  CHECK(g.node);
  CHECK(g.ties_to.size() == c.known_members.size());
  const std::string before = fingerprint(s.document());
  const std::size_t nodes = s.doc().node_count(), edges = s.document().edges.size();
  perform({Action::Kind::accept_item, "", "", *k}, s, in, Lang::en);
  CHECK(s.doc().node_count() == nodes + 1);
  CHECK(s.document().edges.size() == edges + c.known_members.size());
  const Node& added = s.document().nodes.back();
  CHECK(added.label == c.name);
  CHECK(added.sector == c.sector);
  CHECK(added.kind == "partner");
  CHECK(s.doc().undo_depth() == 1);
  s.doc().undo();
  CHECK(fingerprint(s.document()) == before);
}

TEST_CASE("insight: the items of the Missing partners panel follow core's suggestions in order") {
  AppState s = laak();
  Insight in;
  in.show_missing = true;
  in.settle(s, Lang::nl);
  const Suggestions direct = suggest(s.document(), {}, SuggestOptions{.at = std::nullopt, .lang = Lang::nl});
  std::vector<std::string> want;
  for (const auto& m : direct.missing_sectors) want.push_back(m.reason);
  for (const auto& x : direct.introductions) want.push_back(x.reason);
  if (direct.succession) {
    for (const auto& x : direct.succession->successors) want.push_back(x.reason);
    for (const auto& x : direct.succession->reconnect) want.push_back(x.reason);
  }
  std::vector<std::string> got;
  const Json d = in.dump(s);
  for (const auto& it : d["missing"]["items"]) got.push_back(it["reason"].get<std::string>());
  CHECK(got.size() == want.size());
  for (std::size_t k = 0; k < std::min(got.size(), want.size()); ++k) CHECK(got[k] == want[k]);
}

TEST_CASE("File > Report writes the HTML report of the current document; a bad path says why") {
  AppState s = laak();
  Insight in;
  const auto dir = test::scratch_dir("report-action");
  const std::string path = (dir / "rapport.html").string();
  Action a{Action::Kind::write_report, path, "2024-06-01"};
  a.lang = Lang::nl;
  const auto r = perform(a, s, in, Lang::en);
  REQUIRE(r.written);
  CHECK(*r.written == path);
  const std::string html = test::slurp(path);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("lang=\"nl\"") != std::string::npos);
  CHECK(html.find("2024-06-01") != std::string::npos);
  Action bad{Action::Kind::write_report, (dir / "missing-dir" / "x.html").string(), ""};
  const auto rb = perform(bad, s, in, Lang::en);
  CHECK_FALSE(rb.written);
  CHECK_FALSE(rb.error.empty());
  Action bad_date{Action::Kind::write_report, path, "yesterday"};
  CHECK_FALSE(perform(bad_date, s, in, Lang::en).written);
}

TEST_CASE("settings: which panels are open survives a restart, in $XDG_CONFIG_HOME") {
  const auto dir = test::scratch_dir("settings");
  ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  CHECK(settings_path() == dir / "wijknet" / "viewer.json");
  CHECK(load_settings().panels.empty());
  ViewerSettings s;
  s.panels = {{"health", false}, {"missing", true}};
  REQUIRE(save_settings(s));
  CHECK(load_settings() == s);
  // A damaged file gives the defaults.
  { std::ofstream(settings_path()) << "{not json"; }
  CHECK(load_settings().panels.empty());
  ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("jobs: the latest request wins and the answers say which document version they answer") {
  Jobs jobs;
  AppState s = laak();
  for (std::uint64_t v = 1; v <= 3; ++v) {
    JobRequest r;
    r.doc = s.document();
    r.version = v;
    jobs.request(std::move(r));
  }
  jobs.wait();
  REQUIRE(jobs.latest());
  CHECK(jobs.latest()->version == 3);
  CHECK_FALSE(jobs.busy());
}

TEST_CASE("actions: the edit commands menus, keys and the inspector issue are one undo step each") {
  AppState s = laak();
  Insight in;
  const std::string start = fingerprint(s.document());
  perform({Action::Kind::add_member}, s, in, Lang::nl);
  REQUIRE(s.view().primary());
  CHECK(s.document().nodes[*s.view().primary()].id == "nieuw-1");
  CHECK(s.document().nodes[*s.view().primary()].label == tr(Lang::nl, "node.new"));
  const std::size_t edges = s.document().edges.size();
  s.select({*s.document().find("nieuw-1"), *s.document().find("wijkmakelaar")});
  perform({Action::Kind::tie_selection}, s, in, Lang::nl);
  CHECK(s.document().edges.size() == edges + 1);
  perform({Action::Kind::remove_selection}, s, in, Lang::nl);
  CHECK_FALSE(s.document().find("wijkmakelaar"));
  CHECK_FALSE(s.document().find("nieuw-1"));
  perform({Action::Kind::remove_member, "", "", *s.document().find("duwo")}, s, in, Lang::nl);
  CHECK_FALSE(s.document().find("duwo"));
  CHECK(s.doc().undo_depth() == 4);
  for (int k = 0; k < 4; ++k) perform({Action::Kind::undo}, s, in, Lang::nl);
  CHECK(fingerprint(s.document()) == start);
  perform({Action::Kind::redo}, s, in, Lang::nl);
  CHECK(s.document().find("nieuw-1"));
}

TEST_CASE("actions: the view's keys and menus are actions too; what needs the window is the viewer's") {
  AppState s = laak();
  Insight in;
  s.view().set_viewport(1280, 800);
  using K = Action::Kind;
  const std::size_t broker = *s.document().find("wijkmakelaar");
  // Search marks the matches; choosing one selects it and flies there.
  perform({K::search, "wijkmak"}, s, in, Lang::en);
  CHECK(s.view().search_query() == "wijkmak");
  CHECK(s.view().match(broker));
  perform({.kind = K::select_node, .index = broker}, s, in, Lang::en);
  CHECK(s.view().primary() == broker);
  CHECK(s.view().flying());
  perform({K::search}, s, in, Lang::en);
  CHECK_FALSE(s.view().match(broker));
  // N shows the selection's neighbourhood; 2 widens it; N again and Escape leave it.
  perform({K::focus_toggle}, s, in, Lang::en);
  REQUIRE(s.view().focus() == broker);
  const std::size_t one_step = s.scene().visible_count();
  perform({.kind = K::focus_depth, .index = 2}, s, in, Lang::en);
  CHECK(s.view().focus_depth() == 2);
  CHECK(s.scene().visible_count() > one_step);
  // The inspector's and the filters' Focus buttons: another member, a given depth; then off.
  const std::size_t gemeente = *s.document().find("gemeente");
  perform({.kind = K::focus, .index = gemeente, .number = 1}, s, in, Lang::en);
  CHECK(s.view().focus() == gemeente);
  CHECK(s.view().focus_depth() == 1);
  perform({K::focus_off}, s, in, Lang::en);
  CHECK_FALSE(s.view().focus());
  perform({.kind = K::focus, .index = broker, .number = 2}, s, in, Lang::en);
  perform({K::escape}, s, in, Lang::en);
  CHECK_FALSE(s.view().focus());
  CHECK(s.view().primary() == broker);  // the first Escape leaves the focus only
  perform({K::escape}, s, in, Lang::en);
  CHECK(s.view().selection().empty());
  // + zooms at the centre by the wheel's step; F fits again and stops following the layout.
  const double zoom = s.view().camera().zoom;
  perform({.kind = K::zoom, .number = 1.25}, s, in, Lang::en);
  CHECK(s.view().camera().zoom == doctest::Approx(zoom * 1.25));
  perform({K::fit}, s, in, Lang::en);
  CHECK(s.view().camera().zoom == doctest::Approx(zoom));
  CHECK_FALSE(s.view().auto_fit);
  // Opening, saving, exporting, quitting, the layout and the language belong to the viewer.
  for (K k : {K::open_file, K::save_file, K::save_as_dialog, K::unsaved_answer, K::recovery_answer, K::export_png, K::export_svg, K::export_doc, K::quit, K::layout_toggle,
              K::layout_reheat, K::compute_measures, K::set_lang})
    CHECK(needs_viewer(k));
  for (K k : {K::undo, K::fit, K::search, K::escape, K::write_report, K::accept_item}) CHECK_FALSE(needs_viewer(k));
}
