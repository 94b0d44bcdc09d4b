// Constructed coalitions for the health, suggestion and what-if tests: one healthy, diverse
// coalition, and variants of it with exactly one problem each.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"

namespace wijknet::test {

// Builds a coalition by hand; every date is optional text.
class CoalitionBuilder {
 public:
  explicit CoalitionBuilder(std::string name) { c.name = std::move(name); }

  CoalitionBuilder& theme(const std::string& id, const std::string& label) {
    c.themes.push_back({id, label, Json::object()});
    return *this;
  }
  CoalitionBuilder& actor(const std::string& id, const std::string& kind, const std::string& sector,
                          std::vector<std::string> themes, const std::string& role = "",
                          const std::string& committed_until = "2030-12-31") {
    Node n;
    n.id = id;
    n.label = "L-" + id;
    n.kind = kind;
    n.sector = sector;
    n.themes = std::move(themes);
    n.role = role;
    n.since = Date(2015, 7, 1);
    if (!committed_until.empty() && kind == "partner") n.attrs["committed_until"] = committed_until;
    c.add_node(std::move(n));
    return *this;
  }
  CoalitionBuilder& project(const std::string& id, std::vector<std::string> themes, int effort, int impact) {
    Node n;
    n.id = id;
    n.label = "L-" + id;
    n.kind = "project";
    n.themes = std::move(themes);
    n.since = Date(2016, 1, 1);
    n.attrs["effort"] = effort;
    n.attrs["impact"] = impact;
    c.add_node(std::move(n));
    return *this;
  }
  CoalitionBuilder& edge(const std::string& a, const std::string& b, const std::string& kind, bool directed,
                         Json attrs = Json::object()) {
    Edge e;
    e.source = *c.find(a);
    e.target = *c.find(b);
    e.kind = kind;
    e.directed = directed;
    e.attrs = std::move(attrs);
    c.add_edge(std::move(e));
    return *this;
  }
  CoalitionBuilder& part(const std::string& actor, const std::string& project, const std::string& role = "member") {
    return edge(actor, project, "participates", false, {{"role", role}});
  }
  CoalitionBuilder& collab(const std::string& a, const std::string& b) { return edge(a, b, "collaborates", false); }
  CoalitionBuilder& tie(const std::string& a, const std::string& b, int trust, int value) {
    return edge(a, b, "tie", true, {{"trust", trust}, {"value", value}});
  }
  CoalitionBuilder& mutual(const std::string& a, const std::string& b, int trust = 4, int value = 3) {
    tie(a, b, trust, value);
    return tie(b, a, trust, value);
  }
  CoalitionBuilder& fund(const std::string& funder, const std::string& project, double amount) {
    return edge(funder, project, "funds", true, {{"amount", amount}});
  }

  Coalition c;
};

// The date every constructed test judges at.
inline Date test_date() { return Date(2026, 6, 1); }

// Ten actors of all six essential sectors (and a foundation), six projects on three themes, each
// theme carried by at least three sectors besides the residents, residents taking part (one
// project led by them), mutual survey ties with high trust, commitments until 2030, four funders.
inline CoalitionBuilder healthy_builder() {
  CoalitionBuilder b("Gezonde coalitie");
  b.theme("wonen", "Wonen").theme("onderwijs", "Onderwijs en werk").theme("samenleven", "Samenleven");
  b.actor("gemeente", "partner", "municipality", {"wonen", "onderwijs", "samenleven"})
      .actor("makelaar", "partner", "municipality", {"wonen", "onderwijs", "samenleven"}, "broker")
      .actor("corporatie", "partner", "housing", {"wonen", "samenleven"})
      .actor("school", "partner", "education", {"onderwijs", "samenleven"})
      .actor("roc", "partner", "education", {"onderwijs", "wonen"})
      .actor("welzijn", "partner", "welfare", {"samenleven", "wonen"})
      .actor("ondernemers", "partner", "business", {"onderwijs", "wonen"})
      .actor("fonds", "partner", "funder", {"samenleven"})
      .actor("bewonersgroep", "resident", "residents", {"wonen", "samenleven"})
      .actor("bewonersraad", "resident", "", {"onderwijs", "wonen"});
  b.project("p-portiek", {"wonen", "samenleven"}, 2, 4)
      .project("p-renovatie", {"wonen"}, 3, 4)
      .project("p-stage", {"onderwijs"}, 3, 4)
      .project("p-taal", {"onderwijs", "samenleven"}, 2, 3)
      .project("p-buurthuis", {"samenleven"}, 2, 5)
      .project("p-groen", {"samenleven", "wonen"}, 3, 4);
  b.part("corporatie", "p-portiek", "lead").part("bewonersgroep", "p-portiek", "volunteer").part("welzijn", "p-portiek").part("makelaar", "p-portiek");
  b.part("corporatie", "p-renovatie", "lead").part("roc", "p-renovatie").part("ondernemers", "p-renovatie").part("bewonersraad", "p-renovatie");
  b.part("school", "p-stage", "lead").part("ondernemers", "p-stage").part("roc", "p-stage").part("gemeente", "p-stage");
  b.part("roc", "p-taal", "lead").part("welzijn", "p-taal").part("school", "p-taal").part("bewonersraad", "p-taal", "volunteer").part("fonds", "p-taal");
  b.part("bewonersgroep", "p-buurthuis", "lead").part("welzijn", "p-buurthuis").part("school", "p-buurthuis").part("fonds", "p-buurthuis");
  b.part("welzijn", "p-groen", "lead").part("gemeente", "p-groen").part("corporatie", "p-groen").part("makelaar", "p-groen");
  b.collab("makelaar", "gemeente").collab("makelaar", "ondernemers").collab("makelaar", "school").collab("gemeente", "corporatie");
  b.mutual("gemeente", "corporatie").mutual("school", "roc").mutual("welzijn", "bewonersgroep").mutual("makelaar", "welzijn")
      .mutual("ondernemers", "roc").mutual("corporatie", "welzijn", 3, 4);
  b.tie("fonds", "welzijn", 3, 3);
  b.fund("gemeente", "p-stage", 30000).fund("corporatie", "p-portiek", 25000).fund("fonds", "p-buurthuis", 20000)
      .fund("ondernemers", "p-renovatie", 15000).fund("gemeente", "p-groen", 5000);
  return b;
}

inline Coalition healthy_coalition() { return healthy_builder().c; }

// The healthy coalition's actors, but every one tied only to the broker: each project is run by
// the broker and one partner, who funds it, and every survey tie is with the broker.
inline Coalition star_coalition() {
  CoalitionBuilder b("Ster rond de makelaar");
  b.theme("wonen", "Wonen").theme("onderwijs", "Onderwijs en werk").theme("samenleven", "Samenleven");
  b.actor("makelaar", "partner", "municipality", {"wonen", "onderwijs", "samenleven"}, "broker")
      .actor("gemeente", "partner", "municipality", {"wonen", "onderwijs", "samenleven"})
      .actor("corporatie", "partner", "housing", {"wonen"})
      .actor("school", "partner", "education", {"onderwijs"})
      .actor("welzijn", "partner", "welfare", {"samenleven"})
      .actor("ondernemers", "partner", "business", {"onderwijs"})
      .actor("bewonersgroep", "resident", "residents", {"wonen", "samenleven"})
      .actor("bewonersraad", "resident", "residents", {"onderwijs"})
      .actor("ouderen", "resident", "residents", {"samenleven"});
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"corporatie", {"wonen"}},   {"bewonersgroep", {"wonen", "samenleven"}}, {"school", {"onderwijs"}},
      {"ondernemers", {"onderwijs"}}, {"welzijn", {"samenleven"}},           {"bewonersraad", {"onderwijs"}},
      {"gemeente", {"samenleven"}}, {"ouderen", {"samenleven"}}};
  for (const auto& [partner, themes] : runs) {
    const std::string p = "p-" + partner;
    b.project(p, themes, 2, 4).part("makelaar", p).part(partner, p, "lead");
    b.collab("makelaar", partner).mutual("makelaar", partner);
    b.fund(partner, p, 10000);
  }
  return b.c;
}

// The healthy coalition without its residents.
inline Coalition no_residents_coalition() {
  Coalition c = healthy_coalition();
  c.remove_nodes({*c.find("bewonersgroep"), *c.find("bewonersraad")});
  return c;
}

// The healthy coalition with a fourth theme, "werk", whose one project only business carries.
inline Coalition one_sector_theme_coalition() {
  auto b = healthy_builder();
  b.theme("werk", "Werk en wijkeconomie");
  b.actor("winkeliers", "partner", "business", {"werk"});
  b.project("p-werkplaats", {"werk"}, 2, 4).part("ondernemers", "p-werkplaats", "lead").part("winkeliers", "p-werkplaats");
  b.collab("winkeliers", "makelaar").collab("winkeliers", "gemeente");
  b.fund("winkeliers", "p-werkplaats", 5000);
  return b.c;
}

// The healthy coalition in which two commitments end within twelve months of test_date().
inline Coalition commitments_ending_coalition() {
  Coalition c = healthy_coalition();
  c.nodes[*c.find("corporatie")].attrs["committed_until"] = "2027-03-31";
  c.nodes[*c.find("school")].attrs["committed_until"] = "2026-09-30";
  return c;
}

// The healthy coalition in which the municipality pays almost everything.
inline Coalition dominant_funder_coalition() {
  auto b = healthy_builder();
  b.fund("gemeente", "p-portiek", 400000).fund("gemeente", "p-taal", 300000);
  return b.c;
}

// The healthy coalition whose money comes only from three foundations that do nothing but fund:
// each pays for two of the six projects (a third of the money each) and has no other tie. They
// take part through the projects they pay for; the coalition is as healthy as before (issue 13:
// they were counted as outside the network and as one dependent sector).
inline Coalition pure_funders_coalition() {
  auto b = healthy_builder();
  auto& edges = b.c.edges;
  edges.erase(std::remove_if(edges.begin(), edges.end(), [](const Edge& e) { return e.kind == "funds"; }), edges.end());
  b.actor("fonds-a", "partner", "funder", {"wonen"}).actor("fonds-b", "partner", "funder", {"onderwijs"})
      .actor("fonds-c", "partner", "funder", {"samenleven"});
  b.fund("fonds-a", "p-portiek", 20000).fund("fonds-a", "p-renovatie", 20000);
  b.fund("fonds-b", "p-stage", 20000).fund("fonds-b", "p-taal", 20000);
  b.fund("fonds-c", "p-buurthuis", 20000).fund("fonds-c", "p-groen", 20000);
  return b.c;
}

// The healthy coalition with two more partners, a sports club and a church, who know each other
// and are tied to the rest only through the broker: removing the broker splits them off.
inline Coalition pendant_group_coalition() {
  auto b = healthy_builder();
  b.actor("sport", "partner", "civil_society", {"samenleven"}).actor("kerk", "partner", "civil_society", {"samenleven"});
  b.collab("sport", "kerk").collab("makelaar", "sport").collab("makelaar", "kerk");
  return b.c;
}

// Succession after the broker: groups {a1, a2} and {b1, b2} meet only through the broker and the
// municipality (tied to all four). With `with_partner`, a welfare organisation tied to a1 and b1
// can bridge too; it has fewer ties than the municipality.
inline Coalition succession_coalition(bool with_partner) {
  CoalitionBuilder b("Opvolging");
  b.actor("makelaar", "partner", "municipality", {}, "broker")
      .actor("gemeente", "partner", "municipality", {})
      .actor("a1", "partner", "housing", {})
      .actor("a2", "resident", "residents", {})
      .actor("b1", "partner", "education", {})
      .actor("b2", "partner", "business", {});
  b.collab("makelaar", "a1").collab("makelaar", "b1").collab("a1", "a2").collab("b1", "b2");
  for (const char* x : {"a1", "a2", "b1", "b2"}) b.collab("gemeente", x);
  if (with_partner) {
    b.actor("welzijn", "partner", "welfare", {});
    b.collab("welzijn", "a1").collab("welzijn", "b1").collab("welzijn", "makelaar");
  }
  return b.c;
}

}  // namespace wijknet::test
