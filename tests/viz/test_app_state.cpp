#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "importers/io.hpp"
#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/app_state.hpp"

using namespace wijknet;
using namespace wijknet::viz;
using wijknet::test::fingerprint;
using wijknet::test::small_coalition;

namespace {

std::size_t idx(const AppState& s, const char* id) { return *s.document().find(id); }

AppState loaded() {
  AppState s;
  s.view().set_viewport(800, 600);
  Coalition c = small_coalition();
  // Fixed positions on a line, so screen positions are known: x = 10 * index, y = 0.
  for (std::size_t i = 0; i < c.nodes.size(); ++i) c.layout[c.nodes[i].id] = {10.0 * double(i), 0.0};
  s.load(std::move(c));
  return s;
}

std::vector<std::string> ids(const AppState& s, const std::vector<std::size_t>& v) {
  std::vector<std::string> out;
  for (auto i : v) out.push_back(s.document().nodes[i].id);
  return out;
}

}  // namespace

TEST_CASE("camera: screen and world coordinates, zoom to the cursor, pan and fit") {
  Camera cam;
  cam.width = 800, cam.height = 600, cam.zoom = 2, cam.center = {10, 20};
  Vec2 s = cam.to_screen({10, 20});
  CHECK(s.x == doctest::Approx(400));
  CHECK(s.y == doctest::Approx(300));
  // World y grows upwards, screen y downwards.
  CHECK(cam.to_screen({10, 25}).y == doctest::Approx(290));
  Vec2 w = cam.to_world({123, 456});
  CHECK(cam.to_screen(w).x == doctest::Approx(123));
  CHECK(cam.to_screen(w).y == doctest::Approx(456));

  // Zooming keeps the world point under the cursor in place.
  Vec2 cursor{100, 50};
  Vec2 under = cam.to_world(cursor);
  cam.zoom_at(cursor, 1.5);
  CHECK(cam.zoom == doctest::Approx(3));
  CHECK(cam.to_world(cursor).x == doctest::Approx(under.x));
  CHECK(cam.to_world(cursor).y == doctest::Approx(under.y));

  // Dragging 30 px right and 10 px down moves the drawing with the mouse.
  Vec2 before = cam.to_screen({0, 0});
  cam.pan(30, 10);
  CHECK(cam.to_screen({0, 0}).x == doctest::Approx(before.x + 30));
  CHECK(cam.to_screen({0, 0}).y == doctest::Approx(before.y + 10));

  // Fit [0,100] x [0,50] in 800x600 with 50 px margins: zoom min(700/100, 500/50) = 7.
  cam.fit({0, 0}, {100, 50}, 50);
  CHECK(cam.zoom == doctest::Approx(7));
  CHECK(cam.center.x == doctest::Approx(50));
  CHECK(cam.center.y == doctest::Approx(25));
  CHECK(cam.reference_zoom == doctest::Approx(7));
}

TEST_CASE("loading keeps a complete stored layout and fits it") {
  AppState s = loaded();
  CHECK(s.doc().layout_complete_on_load());
  CHECK(s.doc().positions()[3] == Vec2{30, 0});
  CHECK(s.scene().visible_count() == 7);
  // All nodes inside the viewport after the fit.
  for (const auto& p : s.doc().positions()) {
    Vec2 q = s.view().camera().to_screen(p);
    CHECK(q.x > 0);
    CHECK(q.x < 800);
  }
  AppState t;
  Coalition c = small_coalition();
  t.load(c);
  CHECK_FALSE(t.doc().layout_complete_on_load());
  CHECK(t.doc().positions()[0] == seed_position("gemeente", 7));
}

TEST_CASE("selection: click, shift-click, box, clear") {
  AppState s = loaded();
  s.click(idx(s, "staedion"), false);
  CHECK(ids(s, s.view().selection()) == std::vector<std::string>{"staedion"});
  CHECK(s.view().primary() == idx(s, "staedion"));
  s.click(idx(s, "roc"), true);
  CHECK(ids(s, s.view().selection()) == std::vector<std::string>{"staedion", "roc"});
  CHECK(s.view().primary() == idx(s, "roc"));
  s.click(idx(s, "staedion"), true);  // shift-click again removes it
  CHECK(ids(s, s.view().selection()) == std::vector<std::string>{"roc"});
  s.click(idx(s, "gemeente"), false);  // a plain click replaces
  CHECK(s.view().selection().size() == 1);

  // Box around nodes 2..4 (x = 20..40 in the world).
  Vec2 a = s.view().camera().to_screen({15, 5}), b = s.view().camera().to_screen({45, -5});
  s.select_box(a, b, false);
  CHECK(ids(s, s.view().selection()) == std::vector<std::string>{"broker", "roc", "bewoners"});
  s.select_box(s.view().camera().to_screen({-5, 5}), s.view().camera().to_screen({5, -5}), true);
  CHECK(s.view().selection().size() == 4);
  CHECK(s.view().selected(idx(s, "gemeente")));
  s.view().clear_selection();
  CHECK(s.view().selection().empty());
  CHECK_FALSE(s.view().primary());
}

TEST_CASE("picking finds the node under the cursor, not one beside it") {
  AppState s = loaded();
  Vec2 p = s.view().camera().to_screen(s.doc().positions()[idx(s, "roc")]);
  CHECK(s.node_at(p) == idx(s, "roc"));
  CHECK(s.node_at({p.x + 2, p.y + 1}) == idx(s, "roc"));
  CHECK_FALSE(s.node_at({p.x, p.y + 100}));
}

TEST_CASE("filters: kinds, sectors, themes, date, tie strength") {
  AppState s = loaded();
  Filters f;
  f.hidden_kinds = {"project"};
  s.view().set_filters(f);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 5);
  CHECK_FALSE(s.scene().visible(idx(s, "p-portiek")));
  // Ties to hidden nodes are hidden too.
  CHECK_FALSE(s.scene().edge_visible(2));  // gemeente - p-portiek
  CHECK(s.scene().edge_visible(0));

  f = {};
  f.hidden_sectors = {"housing", ""};  // "" is every node without a sector
  s.view().set_filters(f);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 3);

  // Theme "onderwijs": roc and p-stage serve it; broker has no themes but is tied to roc.
  f = {};
  f.themes = {"onderwijs"};
  s.view().set_filters(f);
  s.scene().node_styles();
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < s.doc().node_count(); ++i)
    if (s.scene().visible(i)) shown.push_back(s.document().nodes[i].id);
  CHECK(shown == std::vector<std::string>{"broker", "roc", "p-stage"});

  // At 2017-06-01 p-stage did not exist yet; the gemeente-roc tie still did.
  f = {};
  f.at = Date::parse("2017-06-01");
  s.view().set_filters(f);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 6);
  CHECK(s.scene().edge_visible(8));
  f.at = Date::parse("2019-06-01");
  s.view().set_filters(f);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 7);
  CHECK_FALSE(s.scene().edge_visible(8));  // ended in 2019

  // Minimum strength hides weak ties but keeps their nodes.
  f = {};
  f.min_weight = 1.5;
  s.view().set_filters(f);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 7);
  std::size_t ties = 0;
  for (std::size_t e = 0; e < s.document().edges.size(); ++e) ties += s.scene().edge_visible(e);
  CHECK(ties == 1);  // staedion - p-portiek, weight 2
}

TEST_CASE("focus mode shows a node and its neighbourhood up to k steps") {
  AppState s = loaded();
  s.set_focus(idx(s, "roc"), 1);
  s.scene().node_styles();
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < s.doc().node_count(); ++i)
    if (s.scene().visible(i)) shown.push_back(s.document().nodes[i].id);
  CHECK(shown == std::vector<std::string>{"gemeente", "broker", "roc", "p-stage"});
  s.set_focus(idx(s, "roc"), 2);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 7);  // everyone within two steps of roc
  s.set_focus(idx(s, "p-stage"), 1);
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 2);
  // Focus combines with filters: without the gemeente-roc tie (weight 0.5) gemeente is 2 away.
  Filters f;
  f.min_weight = 1.0;
  s.view().set_filters(f);
  s.set_focus(idx(s, "roc"), 1);
  s.scene().node_styles();
  CHECK_FALSE(s.scene().visible(idx(s, "gemeente")));
  s.view().clear_focus();
  s.scene().node_styles();
  CHECK(s.scene().visible_count() == 7);
}

TEST_CASE("search folds case and accents and ranks prefix matches first") {
  AppState s = loaded();
  CHECK(fold_for_search("Coöperatief ÉÉN ĳs Straße") == "cooperatief een ijs strasse");
  auto hits = s.search("coop");
  REQUIRE(hits.size() == 1);
  CHECK(s.document().nodes[hits[0]].id == "p-stage");
  hits = s.search("laak");  // "Bewonersgroep Laakkwartier": inside, not a prefix
  REQUIRE(hits.size() == 1);
  hits = s.search("ST");  // "Staedion" (prefix) before "Coöperatieve stageplekken", "p-stage" ...
  REQUIRE(hits.size() >= 2);
  CHECK(s.document().nodes[hits[0]].id == "staedion");
  const auto& styles = s.scene().node_styles();
  CHECK(((styles[idx(s, "staedion")].flags) & node_match) != 0);
  CHECK(((styles[idx(s, "gemeente")].flags) & node_dimmed) != 0);
  s.search("");
  CHECK_FALSE(((s.scene().node_styles()[idx(s, "gemeente")].flags) & node_dimmed) != 0);
}

TEST_CASE("fly_to moves the camera to the node in an animation") {
  AppState s = loaded();
  std::size_t roc = idx(s, "roc");
  double zoom0 = s.view().camera().zoom;
  s.fly_to(roc);
  CHECK(s.view().flying());
  CHECK_FALSE(s.view().auto_fit);
  s.animate(0.3);
  CHECK(s.view().flying());
  while (s.animate(0.1)) {
  }
  CHECK(s.view().camera().center.x == doctest::Approx(s.doc().positions()[roc].x));
  CHECK(s.view().camera().center.y == doctest::Approx(s.doc().positions()[roc].y));
  CHECK(s.view().camera().zoom == doctest::Approx(zoom0 * 2.5));
}

TEST_CASE("styles: colour by kind and sector, selection and pin flags, size by degree") {
  AppState s = loaded();
  s.view().set_color_by(ColorBy::kind);
  auto styles = s.scene().node_styles();
  CHECK(styles[idx(s, "staedion")].fill == kind_color("partner"));
  CHECK(styles[idx(s, "bewoners")].fill == kind_color("resident"));
  CHECK(styles[idx(s, "p-stage")].fill == kind_color("project"));
  s.view().set_color_by(ColorBy::sector);
  styles = s.scene().node_styles();
  CHECK(styles[idx(s, "staedion")].fill == sector_color("housing", "partner"));
  CHECK(styles[idx(s, "bewoners")].fill == sector_color("residents", "resident"));
  // Degree sizing: gemeente (4 ties) is drawn larger than p-stage (1 tie).
  s.view().set_size_by(SizeBy::metric, Metric::degree);
  styles = s.scene().node_styles();
  CHECK(styles[idx(s, "gemeente")].radius > styles[idx(s, "p-stage")].radius);
  s.view().set_size_by(SizeBy::uniform);
  styles = s.scene().node_styles();
  CHECK(styles[idx(s, "gemeente")].radius == styles[idx(s, "p-stage")].radius);
  s.click(idx(s, "roc"), false);
  s.doc().set_pinned(idx(s, "roc"), true);
  styles = s.scene().node_styles();
  CHECK(((styles[idx(s, "roc")].flags) & node_selected) != 0);
  CHECK(((styles[idx(s, "roc")].flags) & node_pinned) != 0);
  CHECK_FALSE(((styles[idx(s, "gemeente")].flags) & node_selected) != 0);
  // Ties of the selection are lit.
  const auto& es = s.scene().edge_styles();
  CHECK(es[4].color.a > es[0].color.a);  // broker - roc vs gemeente - staedion
}

TEST_CASE("legend entries count the visible nodes per colour") {
  AppState s = loaded();
  s.view().set_color_by(ColorBy::kind);
  auto legend = s.scene().legend();
  REQUIRE(legend.size() == 3);
  CHECK(legend[0].key == "partner");
  CHECK(legend[0].count == 4);
  CHECK(legend[1].key == "resident");
  CHECK(legend[1].count == 1);
  CHECK(legend[2].key == "project");
  CHECK(legend[2].count == 2);
  CHECK(legend[2].color == kind_color("project"));
  s.view().set_color_by(ColorBy::sector);
  legend = s.scene().legend();
  CHECK(legend.front().key == "municipality");
  CHECK(legend.size() == 6);  // municipality, housing, education, welfare, residents, project
}

TEST_CASE("metrics: values, ranks and the importance order") {
  AppState s = loaded();
  CHECK(s.scene().metric(Metric::degree, idx(s, "gemeente")) == 4);  // degree works before the analysis
  CHECK(std::isnan(s.scene().metric(Metric::betweenness, 0)));
  s.compute_metrics();
  REQUIRE(s.scene().has_metrics());
  // The measures are of the coalition as it stands today, as `analyze` gives them: the tie to
  // ROC ended in 2019, so three ties remain.
  CHECK(s.scene().metric(Metric::degree, idx(s, "gemeente")) == 3);
  auto [r, of] = s.scene().rank(Metric::degree, idx(s, "gemeente"));
  CHECK(r == 1);
  CHECK(of == 7);
  CHECK(s.scene().metric(Metric::betweenness, idx(s, "p-stage")) == doctest::Approx(0));
  CHECK(s.scene().importance_order().front() == idx(s, "gemeente"));
  // A structural edit drops the now mismatched analysis.
  s.doc().remove_edge(0);
  CHECK_FALSE(s.scene().has_metrics());
}

TEST_CASE("edits of a node's fields undo and redo") {
  AppState s = loaded();
  std::string original = fingerprint(s.document());
  std::size_t i = idx(s, "staedion");
  s.doc().set_label(i, "Staedion (corporatie)");
  s.doc().set_kind(i, "funder-ish");
  s.doc().set_sector(i, "funder");
  s.doc().set_themes(i, {"wonen", "onderwijs"});
  s.doc().set_attrs(i, Json{{"committed_until", "2027-12-31"}});
  s.doc().set_role(i, "broker");
  CHECK(s.document().nodes[i].label == "Staedion (corporatie)");
  CHECK(s.document().nodes[i].attrs["committed_until"] == "2027-12-31");
  CHECK(s.doc().undo_depth() == 6);
  CHECK(s.doc().dirty());
  std::string edited = fingerprint(s.document());
  while (s.doc().undo()) {
  }
  CHECK(fingerprint(s.document()) == original);
  while (s.doc().redo()) {
  }
  CHECK(fingerprint(s.document()) == edited);
  // Renaming the id keeps the index consistent; a taken id is refused.
  CHECK_FALSE(s.doc().set_node(i, [&] { Node n = s.document().nodes[i]; n.id = "gemeente"; return n; }()));
  CHECK_FALSE(s.doc().error().empty());
  Node renamed = s.document().nodes[i];
  renamed.id = "staedion-2";
  CHECK(s.doc().set_node(i, renamed));
  CHECK(s.document().find("staedion-2") == i);
  CHECK_FALSE(s.document().find("staedion"));
  s.doc().undo();
  CHECK(s.document().find("staedion") == i);
}

TEST_CASE("adding and removing nodes and ties undo exactly, selection follows") {
  AppState s = loaded();
  const std::string original = fingerprint(s.document());
  auto positions = s.doc().positions();

  // Remove two nodes at once (one step), with their ties.
  s.click(idx(s, "p-stage"), false);
  s.click(idx(s, "bewoners"), true);
  s.click(idx(s, "broker"), true);
  s.doc().remove_nodes({idx(s, "broker"), idx(s, "roc")});
  CHECK(s.doc().node_count() == 5);
  CHECK_FALSE(s.document().find("broker"));
  CHECK(s.document().edges.size() == 4);  // nine minus broker's three, roc's two, gemeente-roc
  // Selection renumbered: bewoners and p-stage remain selected.
  CHECK(ids(s, s.view().selection()) == std::vector<std::string>{"bewoners", "p-stage"});
  for (const auto& e : s.document().edges) {
    CHECK(e.source < 5);
    CHECK(e.target < 5);
  }
  CHECK(s.doc().undo_depth() == 1);
  s.doc().undo();
  CHECK(fingerprint(s.document()) == original);
  CHECK(s.doc().positions() == positions);
  s.doc().redo();
  CHECK(s.doc().node_count() == 5);
  s.doc().undo();
  CHECK(fingerprint(s.document()) == original);

  // Add a node and a tie, then undo both.
  Node n;
  n.id = "esloo";
  n.label = "Esloo College";
  n.kind = "partner";
  n.sector = "education";
  auto added = s.doc().add_node(n, {5, 5});
  REQUIRE(added);
  CHECK(s.doc().positions()[*added] == Vec2{5, 5});
  CHECK_FALSE(s.doc().add_node(n, {0, 0}));  // duplicate id
  Edge e;
  e.source = *added;
  e.target = idx(s, "roc");
  auto tie = s.doc().add_edge(e);
  REQUIRE(tie);
  CHECK(s.document().edges[*tie].kind == "collaborates");
  CHECK(s.scene().degree(*added) == 1);
  s.doc().set_edge_weight(*tie, 3.0);
  CHECK(s.document().edges[*tie].weight == 3.0);
  s.doc().undo();
  s.doc().undo();
  s.doc().undo();
  CHECK(fingerprint(s.document()) == original);

  // Remove one tie in the middle and put it back at its place.
  s.doc().remove_edge(3);
  CHECK(s.document().edges.size() == 8);
  s.doc().undo();
  CHECK(fingerprint(s.document()) == original);
}

TEST_CASE("moving and pinning are undoable; a drag is one step") {
  AppState s = loaded();
  std::size_t i = idx(s, "roc");
  Vec2 start = s.doc().positions()[i];
  s.doc().move_node(i, {1, 1}, true, false);
  s.doc().move_node(i, {2, 2}, true, false);
  CHECK(s.doc().positions()[i] == Vec2{2, 2});
  CHECK(s.doc().undo_depth() == 0);
  s.doc().move_node(i, {3, 3}, true, true);
  CHECK(s.doc().undo_depth() == 1);
  CHECK(s.doc().positions()[i] == Vec2{3, 3});
  CHECK(s.doc().pinned()[i]);
  // A layout snapshot does not move a pinned node.
  auto snapshot = s.doc().positions();
  for (auto& p : snapshot) p = {99, 99};
  s.doc().set_positions(snapshot);
  CHECK(s.doc().positions()[i] == Vec2{3, 3});
  CHECK(s.doc().positions()[0] == Vec2{99, 99});
  s.doc().undo();
  CHECK(s.doc().positions()[i] == start);
  CHECK_FALSE(s.doc().pinned()[i]);
  s.doc().redo();
  CHECK(s.doc().pinned()[i]);
  s.doc().unpin_all();
  CHECK_FALSE(s.doc().pinned()[i]);
  s.doc().undo();
  CHECK(s.doc().pinned()[i]);
}

TEST_CASE("edits reach the layout worker; structural edits restart it") {
  AppState s = loaded();
  LayoutWorker worker;
  s.doc().attach_layout(&worker);
  s.doc().restart_layout(false);
  std::size_t i = idx(s, "roc");
  s.doc().move_node(i, {123, 45}, true, true);
  REQUIRE(worker.wait_idle(5000));
  std::vector<Vec2> seen;
  std::uint64_t gen = 0;
  REQUIRE(worker.fetch(seen, gen));
  CHECK(seen[i] == Vec2{123, 45});
  // Let the layout run: the pinned node stays, the others move and reach the state.
  worker.reheat();
  REQUIRE(worker.wait_idle(20000));
  s.doc().sync_layout();
  CHECK(s.doc().positions()[i] == Vec2{123, 45});
  CHECK_FALSE(s.doc().positions()[0] == Vec2{0, 0});
  // Removing a node hands the worker a renumbered simulation of the right size.
  s.doc().remove_nodes({idx(s, "p-stage")});
  REQUIRE(worker.wait_idle(5000));
  worker.fetch(seen, gen);
  CHECK(seen.size() == 6);
  s.doc().attach_layout(nullptr);
}

TEST_CASE("the state dump says what a test needs") {
  AppState s = loaded();
  s.click(idx(s, "roc"), false);
  s.doc().set_pinned(idx(s, "roc"), true);
  Filters f;
  f.hidden_kinds = {"resident"};
  s.view().set_filters(f);
  s.search("stae");
  s.scene().node_styles();
  Json j = s.dump();
  CHECK(j["selection"] == Json::array({"roc"}));
  CHECK(j["primary"] == "roc");
  CHECK(j["pinned"] == Json::array({"roc"}));
  CHECK(j["filters"]["hidden_kinds"] == Json::array({"resident"}));
  CHECK(j["search"]["matches"] == Json::array({"staedion"}));
  CHECK(j["visible_nodes"] == 6);
  CHECK(j["positions"]["roc"][0] == 30.0);
  CHECK(j["history"]["undo"] == 1);
  Vec2 scr = s.view().camera().to_screen({30, 0});
  CHECK(j["screen"]["roc"][0].get<double>() == doctest::Approx(scr.x));
}

TEST_CASE("the window's measures are those of `wijknet analyze`, member for member, today and at a date") {
  // One network everywhere (DOMAIN.md): the inspector and the colours show what the command line
  // prints for the same member on the same network at the same date.
  const auto dir = wijknet::test::scratch_dir("measures-as-analyze");
  AppState s;
  s.load(read_coalition(wijknet::test::laak_path()), wijknet::test::laak_path());
  for (std::optional<std::string> at : {std::optional<std::string>{}, std::optional<std::string>{"2017-06-01"}}) {
    INFO((at ? *at : std::string("today")));
    Filters f = s.view().filters();
    f.at = at ? Date::parse(*at) : std::nullopt;
    s.view().set_filters(f);
    CHECK_FALSE(s.scene().has_metrics());  // a new date: the measures are recomputed
    s.compute_metrics();
    REQUIRE(s.scene().has_metrics());
    const auto cli = wijknet::test::wijknet_json("analyze " + wijknet::test::quote(wijknet::test::laak_path()) + " --json" +
                                                     (at ? " --at " + *at : std::string()),
                                                 dir);
    REQUIRE(cli.is_object());
    CHECK(cli["graph"]["network"] == "members_and_projects");
    std::size_t compared = 0;
    for (const auto& n : cli["nodes"]) {
      auto i = s.document().find(n["id"].get<std::string>());
      REQUIRE(i);
      INFO(n["id"].get<std::string>());
      CHECK(s.scene().metric(Metric::betweenness, *i) == doctest::Approx(n["betweenness"].get<double>()).epsilon(1e-9));
      CHECK(s.scene().metric(Metric::closeness, *i) == doctest::Approx(n["closeness"].get<double>()).epsilon(1e-9));
      CHECK(s.scene().metric(Metric::degree, *i) == doctest::Approx(n["degree"].get<double>()));
      ++compared;
    }
    // Members that had not joined yet have no measure at that date.
    if (at) {
      CHECK(compared < s.document().nodes.size());
      CHECK(std::isnan(s.scene().metric(Metric::betweenness, *s.document().find("bewoners-spoorwijk"))));  // since 2019
    } else {
      CHECK(compared > 20);
    }
  }
}

TEST_CASE("the parts: the scene follows the document and the view by itself; the view's references follow edits") {
  AppState s = loaded();
  const std::size_t roc = idx(s, "roc"), stage = idx(s, "p-stage");
  // A change of the view alone is seen by the scene at its next reading, without a call.
  const auto styles_before = s.scene().style_version();
  s.click(roc, false);
  CHECK((s.scene().node_styles()[roc].flags & node_selected) != 0);
  CHECK(s.scene().style_version() > styles_before);
  const auto unchanged = s.scene().style_version();
  CHECK(s.scene().style_version() == unchanged);  // reading twice derives nothing again

  // Another date asks for other measures: the old ones are dropped and late ones refused.
  s.compute_metrics();
  REQUIRE(s.scene().has_metrics());
  const auto today = s.scene().measures_version();
  MemberMeasures late = measure_members(s.document(), std::nullopt);
  Filters f = s.view().filters();
  f.at = Date::parse("2016-06-01");
  s.view().set_filters(f);
  CHECK_FALSE(s.scene().has_metrics());
  CHECK(s.scene().measures_version() != today);
  CHECK_FALSE(s.set_analysis(std::move(late), today));
  CHECK(s.scene().visible_count() == 5);  // ROC (2017) and the stage project (2018) had not joined
  CHECK_FALSE(s.scene().visible(roc));
  s.compute_metrics();
  CHECK(s.scene().has_metrics());
  CHECK(std::isnan(s.scene().metric(Metric::betweenness, stage)));  // not in the network in 2016

  // Removing a node before the selected one shifts the view's selection to the same member.
  s.view().set_filters({});
  s.click(stage, false);
  REQUIRE(idx(s, "gemeente") < stage);
  s.doc().remove_nodes({idx(s, "gemeente")});
  REQUIRE(s.view().primary());
  CHECK(s.document().nodes[*s.view().primary()].id == "p-stage");
  s.doc().undo();
  CHECK(s.document().nodes[*s.view().primary()].id == "p-stage");
  // Removing the selected member itself clears the selection.
  s.doc().remove_nodes({idx(s, "p-stage")});
  CHECK(s.view().selection().empty());
  CHECK_FALSE(s.view().primary());
}
