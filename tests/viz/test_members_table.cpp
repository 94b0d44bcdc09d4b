// The members table without a window (viz/members_table.hpp): ranks within kind, sort, filter,
// the inspector's tie count and the CSV, on graphs whose answers are worked out by hand below.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/actions.hpp"
#include "viz/members_table.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {

AppState measured(Coalition c) {
  AppState s;
  s.view().set_viewport(800, 600);
  s.load(std::move(c));
  s.compute_metrics();
  return s;
}

const MemberRow& row_of(const std::vector<MemberRow>& rows, const std::string& id) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const MemberRow& r) { return r.id == id; });
  REQUIRE(it != rows.end());
  return *it;
}

std::size_t slot(Metric m) { return std::size_t(std::find(std::begin(all_metrics), std::end(all_metrics), m) - std::begin(all_metrics)); }

std::vector<std::string> ids(const std::vector<MemberRow>& rows, const std::vector<std::size_t>& shown) {
  std::vector<std::string> out;
  for (auto r : shown) out.push_back(rows[r].id);
  return out;
}

// A path: partner "a" -- project "p" -- partner "b" ("=Beta", a label a spreadsheet would run).
Coalition tiny() {
  Coalition c;
  c.name = "Tiny";
  auto node = [&](std::string id, std::string label, std::string kind) {
    Node n;
    n.id = std::move(id);
    n.label = std::move(label);
    n.kind = std::move(kind);
    return c.add_node(std::move(n));
  };
  auto a = node("a", "Alfa", "partner");
  auto p = node("p", "Project; \xC3\xA9\xC3\xA9n", "project");  // "Project; één"
  auto b = node("b", "=Beta", "partner");
  for (auto x : {a, b}) {
    Edge e;
    e.source = x;
    e.target = p;
    e.kind = "participates";
    c.add_edge(std::move(e));
  }
  return c;
}

}  // namespace

// small_coalition (tests/viz/fixtures.hpp) today: the gemeente--ROC tie ended in 2019, so the
// network is G-S, G-B, G-P, S-P, B-R, B-W, R-T, W-P (G gemeente, S staedion, B broker, R roc,
// W bewoners, P p-portiek, T p-stage). Degrees: G 3, S 2, B 3, R 2, W 2, P 3, T 1.
// Betweenness by hand (pairs through each node, shares of equal shortest paths):
//   B: R and T reach G, S, W, P only through B (8 pairs) + G-W half (G-B-W, G-P-W)  = 8.5
//   R: T to G, S, W, P, B (5 pairs)                                                     = 5
//   G: R-S, T-S (1 each), R-P, T-P (half each: via G or W), S-B (1), P-B (half)        = 4.5
//   W: R-P, T-P, P-B (half each) = 1.5;  P: G-W (half), S-W (1) = 1.5;  S, T: 0
// normalised by 2/((n-1)(n-2)) = 1/15.
TEST_CASE("members table: values are analyze's, ranks are within the member's kind") {
  AppState s = measured(test::small_coalition());
  const auto rows = member_rows(s);
  REQUIRE(rows.size() == 7);
  const std::size_t bt = slot(Metric::betweenness), dg = slot(Metric::degree);
  CHECK(row_of(rows, "broker").values[bt] == doctest::Approx(8.5 / 15));
  CHECK(row_of(rows, "roc").values[bt] == doctest::Approx(5.0 / 15));
  CHECK(row_of(rows, "gemeente").values[bt] == doctest::Approx(4.5 / 15));
  CHECK(row_of(rows, "bewoners").values[bt] == doctest::Approx(1.5 / 15));
  CHECK(row_of(rows, "p-portiek").values[bt] == doctest::Approx(1.5 / 15));
  CHECK(row_of(rows, "staedion").values[bt] == 0);
  // Partners against partners: broker 1, roc 2, gemeente 3, staedion 4 of 4.
  CHECK(row_of(rows, "broker").rank[bt] == 1);
  CHECK(row_of(rows, "roc").rank[bt] == 2);
  CHECK(row_of(rows, "gemeente").rank[bt] == 3);
  CHECK(row_of(rows, "staedion").rank[bt] == 4);
  CHECK(row_of(rows, "staedion").of[bt] == 4);
  // Projects against projects: p-portiek (0.1) first, p-stage (0) second of 2.
  CHECK(row_of(rows, "p-portiek").rank[bt] == 1);
  CHECK(row_of(rows, "p-stage").rank[bt] == 2);
  CHECK(row_of(rows, "p-stage").of[bt] == 2);
  // The only resident is first of one.
  CHECK(row_of(rows, "bewoners").rank[bt] == 1);
  CHECK(row_of(rows, "bewoners").of[bt] == 1);
  // Equal values share a rank: gemeente and broker both have 3 ties, staedion and roc 2.
  CHECK(row_of(rows, "gemeente").rank[dg] == 1);
  CHECK(row_of(rows, "broker").rank[dg] == 1);
  CHECK(row_of(rows, "staedion").rank[dg] == 3);
  CHECK(row_of(rows, "roc").rank[dg] == 3);
  // Every value is the state's (the inspector's) measure.
  for (const auto& r : rows)
    for (std::size_t k = 0; k < metric_count; ++k) {
      const double v = s.scene().metric(all_metrics[k], r.node);
      if (std::isnan(v)) CHECK(std::isnan(r.values[k]));
      else CHECK(r.values[k] == v);
    }
}

TEST_CASE("members table: the tie count is the inspector's, ended ties included") {
  AppState s = measured(test::small_coalition());
  const auto rows = member_rows(s);
  const auto ties = ties_by_member(s.document());
  for (const auto& r : rows) CHECK(r.ties == ties[r.node].size());
  // gemeente has 4 ties in the document (one to ROC, ended in 2019) and degree 3 today.
  CHECK(row_of(rows, "gemeente").ties == 4);
  CHECK(row_of(rows, "gemeente").values[slot(Metric::degree)] == 3);
  CHECK(row_of(rows, "p-stage").ties == 1);
}

TEST_CASE("members table: sorting by any column, a missing value last") {
  AppState s = measured(test::small_coalition());
  const auto rows = member_rows(s);
  MembersTableView v;
  // By name (folded: "Coöperatieve" sorts as "cooperatieve").
  CHECK(ids(rows, shown_rows(rows, v)) ==
        std::vector<std::string>{"bewoners", "p-stage", "gemeente", "p-portiek", "roc", "staedion", "broker"});
  v.descending = true;
  CHECK(ids(rows, shown_rows(rows, v)).front() == "broker");
  // By betweenness, highest first; equal values by name.
  v.sort = "betweenness";
  CHECK(ids(rows, shown_rows(rows, v)) ==
        std::vector<std::string>{"broker", "roc", "gemeente", "bewoners", "p-portiek", "p-stage", "staedion"});
  v.descending = false;
  CHECK(ids(rows, shown_rows(rows, v)).back() == "broker");
  // By the inspector's tie count.
  v.sort = "ties";
  v.descending = true;
  CHECK(ids(rows, shown_rows(rows, v)).front() == "gemeente");
  // By kind: partners, residents, projects.
  v.sort = "kind";
  v.descending = false;
  CHECK(ids(rows, shown_rows(rows, v)) ==
        std::vector<std::string>{"gemeente", "roc", "staedion", "broker", "bewoners", "p-stage", "p-portiek"});
  // A member without a value (Burt's constraint of an isolated member is undefined) goes last
  // both ways; small_coalition has none, so one is made by hand.
  auto with_gap = rows;
  with_gap[0].values[slot(Metric::constraint)] = std::nan("");
  v.sort = "constraint";
  for (bool d : {false, true}) {
    v.descending = d;
    CHECK(ids(with_gap, shown_rows(with_gap, v)).back() == with_gap[0].id);
  }
}

TEST_CASE("members table: filtering by text (accents folded) and by kind") {
  AppState s = measured(test::small_coalition());
  const auto rows = member_rows(s);
  MembersTableView v;
  v.text = "coop";
  CHECK(ids(rows, shown_rows(rows, v)) == std::vector<std::string>{"p-stage"});
  v.text = "RO";  // "ROC Mondriaan", "Bewonersgroep", and the id "broker"
  CHECK(ids(rows, shown_rows(rows, v)) == std::vector<std::string>{"bewoners", "roc", "broker"});
  v.text.clear();
  v.kind = "partner";
  CHECK(shown_rows(rows, v).size() == 4);
  v.kind = "project";
  v.sort = "betweenness";
  v.descending = true;
  CHECK(ids(rows, shown_rows(rows, v)) == std::vector<std::string>{"p-portiek", "p-stage"});
}

TEST_CASE("members table: only members in the network at the date; degree and core before the analysis") {
  AppState s;
  s.load(test::small_coalition());
  Filters f;
  f.at = Date::parse("2017-06-01");  // before p-stage (2018); ROC joined in 2017
  s.view().set_filters(f);
  REQUIRE_FALSE(s.scene().has_metrics());
  auto rows = member_rows(s);
  CHECK(rows.size() == 6);
  // Without the analysis: degree and core from viz/thinning, the rest empty.
  CHECK(row_of(rows, "gemeente").values[slot(Metric::degree)] == 4);  // the ROC tie still ran
  CHECK(row_of(rows, "gemeente").values[slot(Metric::core)] == 2);
  CHECK(std::isnan(row_of(rows, "gemeente").values[slot(Metric::betweenness)]));
  s.compute_metrics();
  rows = member_rows(s);
  CHECK(row_of(rows, "gemeente").values[slot(Metric::degree)] == 4);
  CHECK(row_of(rows, "gemeente").values[slot(Metric::core)] == 2);
}

// The path a -- p -- b: degree 1, 2, 1; betweenness 0, 1, 0; closeness 2/3, 1, 2/3; eigenvector
// (1, sqrt 2, 1) / 2; PageRank x = 0.05 + 0.425 y, y = 0.05 + 1.7 x, so x = 0.07125 / 0.2775 =
// 0.256757, y = 0.486486; clustering 0; core 1; constraint 1, 0.5, 1; effective size 1, 2, 1.
TEST_CASE("members table: the CSV, exactly, in Dutch and in English") {
  AppState s = measured(tiny());
  MembersTable t;
  t.refresh(s);
  REQUIRE(t.shown.size() == 3);
  const std::string nl =
      "\xEF\xBB\xBF"
      "Naam;Id;Soort;Banden;Plaats in soort (verbindt groepen);directe contacten;verbindt groepen;dicht bij iedereen;"
      "contact met invloedrijken;gewicht in het netwerk;contacten kennen elkaar;in de harde kern;leunt op weinig contacten;"
      "eigen bereik\r\n"
      "'=Beta;b;Partner;1;1;1;0;0,666667;0,500000;0,256757;0;1;1;1\r\n"
      "Alfa;a;Partner;1;1;1;0;0,666667;0,500000;0,256757;0;1;1;1\r\n"
      "\"Project; \xC3\xA9\xC3\xA9n\";p;Project;2;1;2;1;1;0,707107;0,486486;0;1;0,500000;2\r\n";
  CHECK(members_csv(t.rows, t.shown, t.view, Lang::nl) == nl);
  const std::string en =
      "\xEF\xBB\xBF"
      "Name,Id,Kind,Ties,Rank in kind (bridges groups),direct contacts,bridges groups,close to everyone,"
      "tied to the influential,weight in the network,contacts know each other,in the tight core,leans on few contacts,"
      "own reach\r\n"
      "'=Beta,b,Partner,1,1,1,0,0.666667,0.500000,0.256757,0,1,1,1\r\n"
      "Alfa,a,Partner,1,1,1,0,0.666667,0.500000,0.256757,0,1,1,1\r\n"
      "Project; \xC3\xA9\xC3\xA9n,p,Project,2,1,2,1,1,0.707107,0.486486,0,1,0.500000,2\r\n";
  CHECK(members_csv(t.rows, t.shown, t.view, Lang::en) == en);
  CHECK(csv_separator(Lang::nl) == ';');
  CHECK(csv_separator(Lang::en) == ',');
  // Filtered and sorted as shown: the rows follow the table.
  t.view.kind = "project";
  t.refresh(s);
  const std::string only = members_csv(t.rows, t.shown, t.view, Lang::en);
  CHECK(std::count(only.begin(), only.end(), '\n') == 2);
}

TEST_CASE("members table: the state dump lists columns, sort, filter and rows in order") {
  AppState s = measured(test::small_coalition());
  MembersTable t;
  t.view.sort = "betweenness";
  t.view.descending = true;
  t.view.kind = "partner";
  t.refresh(s);
  const Json j = table_dump(t.rows, t.shown, t.view);
  CHECK(j["sort"] == "betweenness");
  CHECK(j["descending"] == true);
  CHECK(j["filter"]["kind"] == "partner");
  CHECK(j["columns"][2] == "ties");
  REQUIRE(j["rows"].size() == 4);
  CHECK(j["rows"][0]["id"] == "broker");
  CHECK(j["rows"][0]["rank"] == 1);
  CHECK(j["rows"][3]["id"] == "staedion");
  CHECK(j["rows"][3]["rank"] == 4);
  CHECK(j["rows"][0]["values"]["betweenness"].get<double>() == doctest::Approx(8.5 / 15));
  CHECK(table_dump(t.rows, t.shown, t.view, 2)["rows"].size() == 2);
  // The table follows an edit: a label change is in the next refresh.
  s.doc().set_label(*s.document().find("broker"), "Makelaar");
  t.refresh(s);
  CHECK(t.rows[t.shown[0]].label == "Makelaar");
}

TEST_CASE("members table: column words and tooltips in both languages") {
  CHECK(column_title(Lang::nl, "betweenness") == "verbindt groepen");
  CHECK(column_title(Lang::en, "betweenness") == "bridges groups");
  CHECK(column_tooltip(Lang::en, "betweenness").rfind("Betweenness", 0) == 0);
  CHECK(column_tooltip(Lang::nl, "rank", "verbindt groepen").find("'verbindt groepen'") != std::string::npos);
  for (const auto& c : table_columns())
    for (Lang l : {Lang::nl, Lang::en}) {
      CHECK(has_text("table.col." + c));
      CHECK(has_text("table.tip." + c));
      CHECK(column_title(l, c) != "table.col." + c);
    }
}

TEST_CASE("members table: cells in the user's locale") {
  AppState s = measured(test::small_coalition());
  const auto rows = member_rows(s);
  const auto& b = row_of(rows, "broker");
  CHECK(cell_text(Lang::nl, b, "betweenness", Metric::betweenness) == "0,567");
  CHECK(cell_text(Lang::en, b, "betweenness", Metric::betweenness) == "0.567");
  CHECK(cell_text(Lang::nl, b, "rank", Metric::betweenness) == "1 van 4");
  CHECK(cell_text(Lang::en, b, "kind", Metric::betweenness) == "Partner");
  CHECK(cell_text(Lang::en, b, "ties", Metric::betweenness) == "3");
}

TEST_CASE("members table actions: a row selects the member; Save as CSV writes the file whole") {
  AppState s = measured(test::small_coalition());
  Insight in;
  Action select{Action::Kind::select_node};
  select.index = *s.document().find("roc");
  perform(select, s, in, Lang::nl);
  CHECK(s.view().selection() == std::vector<std::size_t>{select.index});
  CHECK(s.view().flying());
  MembersTable t;
  t.refresh(s);
  const auto dir = test::scratch_dir("members-csv");
  const std::string path = (dir / "leden.csv").string();
  const std::string csv = members_csv(t.rows, t.shown, t.view, Lang::nl);
  const ActionResult r = perform({Action::Kind::write_table, path, csv}, s, in, Lang::nl);
  CHECK(r.error.empty());
  CHECK(r.status == "Tabel opgeslagen als " + path);
  CHECK(test::slurp(path) == csv);
  // A folder that does not exist: an error to show, nothing written.
  const ActionResult bad = perform({Action::Kind::write_table, (dir / "nope" / "x.csv").string(), csv}, s, in, Lang::nl);
  CHECK_FALSE(bad.error.empty());
}
