#include <doctest/doctest.h>

#include "core/text/date.hpp"
#include "core/model/coalition.hpp"
#include "core/graph/network.hpp"
#include "core/model/coalition_network.hpp"

using namespace wijknet;

TEST_CASE("dates parse in three precisions and reject impossible days") {
  CHECK(Date::parse("2015-07-01")->str() == "2015-07-01");
  CHECK(Date::parse("2015-07")->str() == "2015-07");
  CHECK(Date::parse("2015")->str() == "2015");
  CHECK(*Date::parse("2015-07") == *Date::parse("2015-07-01"));
  CHECK(Date::parse("2016-02-29"));
  CHECK_FALSE(Date::parse("2015-02-29"));
  CHECK_FALSE(Date::parse("2015-13-01"));
  CHECK_FALSE(Date::parse("15-07-01"));
  CHECK_FALSE(Date::parse("2015-07-01T00:00"));
  CHECK(Date::parse("1970-01-02")->days_since_epoch() == 1);
  CHECK(Date::parse("2015-07-01")->months_until(*Date::parse("2016-06-30")) == 11);
  CHECK(Date::parse("2015-07-01")->months_until(*Date::parse("2016-07-01")) == 12);
}

TEST_CASE("existence at a date: since inclusive, until exclusive") {
  auto since = Date::parse("2015-07-01"), until = Date::parse("2017-07-01");
  CHECK_FALSE(exists_at(since, until, *Date::parse("2015-06-30")));
  CHECK(exists_at(since, until, *Date::parse("2015-07-01")));
  CHECK(exists_at(since, until, *Date::parse("2017-06-30")));
  CHECK_FALSE(exists_at(since, until, *Date::parse("2017-07-01")));
  CHECK(exists_at(std::nullopt, std::nullopt, *Date::parse("1900")));
}

namespace {
Coalition small_coalition() {
  // a - b - c, two actors in project p, a late partner d.
  Coalition c;
  for (auto [id, kind] : {std::pair{"a", "partner"}, {"b", "partner"}, {"c", "resident"}, {"p", "project"}, {"d", "partner"}}) {
    Node n;
    n.id = id;
    n.kind = kind;
    c.add_node(n);
  }
  c.nodes[4].since = Date::parse("2018");
  auto tie = [&](const char* s, const char* t, const char* kind, double w = 1.0) {
    Edge e;
    e.source = *c.find(s);
    e.target = *c.find(t);
    e.kind = kind;
    e.weight = w;
    c.add_edge(e);
  };
  tie("a", "b", "collaborates", 2.0);
  tie("b", "a", "tie", 0.5);  // parallel, merged
  tie("b", "c", "collaborates");
  tie("a", "p", "participates");
  tie("c", "p", "participates");
  tie("d", "a", "collaborates");
  tie("d", "d", "collaborates");  // self-loop, left out
  return c;
}
}  // namespace

TEST_CASE("the network snapshot is undirected, simple and sorted") {
  const Coalition c = small_coalition();
  const Network net = build_network(c);
  CHECK(net.vertex_count() == 5);
  CHECK(net.edge_count() == 5);  // a-b, b-c, a-p, c-p, d-a
  CHECK(net.notes().self_loops == 1);
  CHECK(net.notes().merged_parallel == 1);
  CHECK(net.weight(0, 1) == doctest::Approx(2.5));
  CHECK(net.weight(1, 0) == doctest::Approx(2.5));
  CHECK(net.weight(1, 4) == 0.0);
  auto nb = net.neighbors(0);
  CHECK(std::vector<Network::Vertex>(nb.begin(), nb.end()) == std::vector<Network::Vertex>{1, 3, 4});
}

TEST_CASE("a snapshot at a date leaves out later partners and their ties") {
  const Coalition c = small_coalition();
  NetworkOptions at2016;
  at2016.at = Date::parse("2016-01-01");
  const Network net = build_network(c, at2016);
  CHECK(net.vertex_count() == 4);
  CHECK(net.edge_count() == 4);
  CHECK_FALSE(net.vertex_of(4));
  CHECK(c.at(*Date::parse("2016-01-01")).nodes.size() == 4);
}

TEST_CASE("two-mode projection: actors tied by the number of projects they share") {
  Coalition c = small_coalition();
  NetworkOptions actors;
  actors.actors_only = true;
  const Network net = build_network(c, actors);
  CHECK(net.vertex_count() == 4);  // a, b, c, d
  const auto a = *net.vertex_of(0), cc = *net.vertex_of(2);
  CHECK(net.weight(a, cc) == doctest::Approx(1.0));  // share project p
  // A second shared project adds one.
  Node q;
  q.id = "q";
  q.kind = "project";
  const auto qi = c.add_node(q);
  c.add_edge(Edge{0, NodeIndex(qi), "participates"});
  c.add_edge(Edge{2, NodeIndex(qi), "participates"});
  const Network net2 = build_network(c, actors);
  CHECK(net2.weight(*net2.vertex_of(0), *net2.vertex_of(2)) == doctest::Approx(2.0));
  CHECK(net2.notes().merged_parallel == 1);  // only the a-b pair, not the shared projects
}

TEST_CASE("removing nodes drops their ties and keeps the ids findable") {
  Coalition c = small_coalition();
  c.remove_nodes({*c.find("b")});
  CHECK(c.nodes.size() == 4);
  CHECK_FALSE(c.find("b"));
  CHECK(*c.find("c") == 1);
  for (const auto& e : c.edges) {
    CHECK(e.source < c.nodes.size());
    CHECK(e.target < c.nodes.size());
  }
  CHECK(c.edges.size() == 4);  // a-p, c-p, d-a, d-d
}
