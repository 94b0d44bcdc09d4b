// Large networks stay readable (headless): labels go to the most important members, colour
// scales of skewed measures are by rank with the stops' values in the user's locale, and the
// degree and k-core filters thin a hairball.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/colour_scale.hpp"
#include "viz/export.hpp"
#include "viz/generate.hpp"
#include "viz/labels.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {

double seven_px_a_byte(std::string_view t) { return 7.0 * double(t.size()); }

std::size_t idx(const AppState& s, const char* id) { return *s.document().find(id); }

}  // namespace

TEST_CASE("labels of a Barabasi-Albert network of 5,000 go to its highest-degree members") {
  AppState s;
  s.view().set_viewport(1280, 800);
  s.load(barabasi_albert(5000, 3));  // seed positions; sized by degree (the default)
  s.fit_view();
  const auto labels = place_labels(s, seven_px_a_byte);
  const std::size_t budget = label_budget(1280, 800, 1.0);
  REQUIRE(budget == 170);
  REQUIRE(labels.size() > 20);
  CHECK(labels.size() <= budget);
  // The degree of the budget-th member by degree: no labelled member is below it.
  std::vector<std::size_t> degrees;
  for (std::size_t i = 0; i < s.doc().node_count(); ++i) degrees.push_back(s.scene().degree(i));
  std::vector<std::size_t> sorted = degrees;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  const std::size_t threshold = sorted[budget - 1];
  CHECK(threshold > 3);  // every member has at least m = 3 ties: the periphery is at 3
  std::size_t below = 0;
  for (const auto& l : labels) below += degrees[l.node] < threshold;
  CHECK(below == 0);
  // The five hubs are all named.
  for (std::size_t k = 0; k < 5; ++k) {
    const std::size_t hub = s.scene().importance_order()[k];
    CHECK(degrees[hub] == sorted[k]);
    CHECK(std::any_of(labels.begin(), labels.end(), [&](const PlacedLabel& l) { return l.node == hub; }));
  }
}

TEST_CASE("colour scales: by rank for skewed measures, linear for bounded ones") {
  CHECK(scale_kind(Metric::betweenness) == ScaleKind::rank);
  CHECK(scale_kind(Metric::degree) == ScaleKind::rank);
  CHECK(scale_kind(Metric::pagerank) == ScaleKind::rank);
  CHECK(scale_kind(Metric::clustering) == ScaleKind::linear);
  const std::vector<double> v = {0, 0, 0, 1, 100, std::nan("")};
  const ColourScale rank(ScaleKind::rank, v), linear(ScaleKind::linear, v);
  // Three zeros share ranks 0..2 of 0..4: the middle, 1/4. The one at 1 is rank 3: 3/4.
  CHECK(rank.position(0) == doctest::Approx(0.25));
  CHECK(rank.position(1) == doctest::Approx(0.75));
  CHECK(rank.position(100) == doctest::Approx(1.0));
  CHECK(std::isnan(rank.position(std::nan(""))));
  CHECK(linear.position(1) == doctest::Approx(0.01));  // where a linear ramp loses it
  // The legend's stops: the quartiles on a rank scale, even steps on a linear one.
  CHECK(rank.value_at(0) == 0);
  CHECK(rank.value_at(0.5) == 0);
  CHECK(rank.value_at(0.75) == 1);
  CHECK(rank.value_at(1) == 100);
  CHECK(linear.value_at(0.5) == 50);
  CHECK(ColourScale(ScaleKind::rank, {std::nan("")}).empty());
  CHECK(ColourScale(ScaleKind::linear, {2, 2}).position(2) == 0.5);
}

TEST_CASE("the legend of a measure on Laak in Dutch: decimal commas, no 'e' notation") {
  AppState s;
  REQUIRE(s.open(test::laak_path()));
  s.compute_metrics();
  for (Metric m : {Metric::betweenness, Metric::pagerank, Metric::closeness, Metric::eigenvector}) {
    s.view().set_color_by(ColorBy::metric, m);
    const auto legend = s.scene().legend();
    REQUIRE(legend.size() == 5);
    bool comma = false;
    for (const auto& e : legend) {
      const std::string text = legend_text(s, Lang::nl, e);
      INFO(metric_id(m) << ": " << text);
      CHECK(std::regex_match(text, std::regex("[0-9]+(,[0-9]+)?")));
      comma = comma || text.find(',') != std::string::npos;
    }
    CHECK(comma);
  }
  // The top stop is the largest value: the wijkmakelaar's betweenness, 0,413.
  s.view().set_color_by(ColorBy::metric, Metric::betweenness);
  CHECK(legend_text(s, Lang::nl, s.scene().legend().back()) == "0,413");
  CHECK(legend_text(s, Lang::en, s.scene().legend().back()) == "0.413");
}

// small_coalition today: degrees G 3, S 2, B 3, R 2, W 2, P 3, T 1 (see test_members_table.cpp);
// the 2-core is the triangle G-S-P with the cycle G-B-W-P: {G, S, B, W, P}; R and T are core 1.
TEST_CASE("filters by minimum degree and k-core thin the network, with their counts") {
  AppState s;
  s.load(test::small_coalition());
  const MemberDegrees& d = s.member_degrees();
  CHECK(d.degree[idx(s, "gemeente")] == 3);
  CHECK(d.core[idx(s, "roc")] == 1);
  CHECK(count_at_least(d.degree, 3) == 3);
  CHECK(count_at_least(d.core, 2) == 5);
  CHECK(largest(d.core) == 2);
  Filters f;
  f.min_degree = 3;
  s.view().set_filters(f);
  s.scene().node_styles();  // visibility is derived with the styles, once a frame
  CHECK(s.scene().visible_count() == 3);
  CHECK(s.scene().visible(idx(s, "gemeente")));
  CHECK(s.scene().visible(idx(s, "broker")));
  CHECK(s.scene().visible(idx(s, "p-portiek")));
  CHECK_FALSE(s.scene().visible(idx(s, "staedion")));
  f.min_degree = 0;
  f.min_core = 2;
  s.view().set_filters(f);
  s.scene().node_styles();  // visibility is derived with the styles, once a frame
  CHECK(s.scene().visible_count() == 5);
  CHECK_FALSE(s.scene().visible(idx(s, "roc")));
  CHECK_FALSE(s.scene().visible(idx(s, "p-stage")));
  // Ties to a hidden member are hidden with it.
  for (std::size_t e = 0; e < s.document().edges.size(); ++e)
    if (s.document().edges[e].source == idx(s, "roc") || s.document().edges[e].target == idx(s, "roc")) CHECK_FALSE(s.scene().edge_visible(e));
  f.min_core = 3;
  s.view().set_filters(f);
  s.scene().node_styles();  // visibility is derived with the styles, once a frame
  CHECK(s.scene().visible_count() == 0);
  // At a date the numbers are of that date: in mid-2018 the gemeente--ROC tie still ran.
  f.min_core = 0;
  f.min_degree = 4;
  f.at = Date::parse("2018-06-01");
  s.view().set_filters(f);
  s.scene().node_styles();  // visibility is derived with the styles, once a frame
  CHECK(s.scene().visible_count() == 1);
  CHECK(s.scene().visible(idx(s, "gemeente")));
  f.min_degree = 3;
  s.view().set_filters(f);
  s.scene().node_styles();  // visibility is derived with the styles, once a frame
  CHECK(s.scene().visible_count() == 4);  // gemeente 4, broker 3, roc 3, p-portiek 3
}

TEST_CASE("degree and k-core are analyze's numbers") {
  AppState s;
  REQUIRE(s.open(test::laak_path()));
  const MemberDegrees d = s.member_degrees();
  s.compute_metrics();
  for (std::size_t i = 0; i < s.doc().node_count(); ++i) {
    if (d.degree[i] < 0) continue;
    CHECK(d.degree[i] == s.scene().metric(Metric::degree, i));
    CHECK(d.core[i] == s.scene().metric(Metric::core, i));
  }
}
