// A small coalition built in code for the viewer's state tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/model/coalition.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/app_state.hpp"

namespace wijknet::test {

// The Laak sample opened in a state with a 1280x800 view, as the window starts.
inline viz::AppState laak_state() {
  viz::AppState s;
  s.view().set_viewport(1280, 800);
  REQUIRE(s.open(laak_path()));
  return s;
}

// Seven nodes, eight ties:
//   gemeente (partner, municipality, themes wonen)     -- staedion, -- broker, -- p-portiek
//   staedion (partner, housing, wonen)                 -- p-portiek (weight 2)
//   broker   (partner, welfare, role broker)           -- roc, -- bewoners
//   roc      (partner, education, onderwijs, since 2017)-- p-stage
//   bewoners (resident, no themes)                     -- p-portiek
//   p-portiek (project, wonen)
//   p-stage   (project, onderwijs, since 2018)
// and the tie gemeente--roc with weight 0.5 that ends in 2019.
inline Coalition small_coalition() {
  Coalition c;
  c.name = "Test";
  c.themes = {{"wonen", "Wonen", {}}, {"onderwijs", "Onderwijs", {}}};
  auto node = [&](std::string id, std::string label, std::string kind, std::string sector, std::vector<std::string> themes) {
    Node n;
    n.id = std::move(id);
    n.label = std::move(label);
    n.kind = std::move(kind);
    n.sector = std::move(sector);
    n.themes = std::move(themes);
    return c.add_node(std::move(n));
  };
  auto gemeente = node("gemeente", "Gemeente Den Haag", "partner", "municipality", {"wonen"});
  auto staedion = node("staedion", "Staedion", "partner", "housing", {"wonen"});
  auto broker = node("broker", "Wijkmakelaar", "partner", "welfare", {});
  c.nodes[broker].role = "broker";
  auto roc = node("roc", "ROC Mondriaan", "partner", "education", {"onderwijs"});
  c.nodes[roc].since = Date::parse("2017-01-01");
  auto bewoners = node("bewoners", "Bewonersgroep Laakkwartier", "resident", "", {});
  auto portiek = node("p-portiek", "Portieken schoon en heel", "project", "", {"wonen"});
  auto stage = node("p-stage", "Coöperatieve stageplekken", "project", "", {"onderwijs"});
  c.nodes[stage].since = Date::parse("2018-01-01");
  auto tie = [&](std::size_t a, std::size_t b, std::string kind, double w = 1.0) {
    Edge e;
    e.source = a;
    e.target = b;
    e.kind = std::move(kind);
    e.weight = w;
    return c.add_edge(std::move(e));
  };
  tie(gemeente, staedion, "collaborates");
  tie(gemeente, broker, "collaborates");
  tie(gemeente, portiek, "participates");
  tie(staedion, portiek, "participates", 2.0);
  tie(broker, roc, "collaborates");
  tie(broker, bewoners, "collaborates");
  tie(roc, stage, "participates");
  tie(bewoners, portiek, "participates");
  auto e = tie(gemeente, roc, "collaborates", 0.5);
  c.edges[e].until = Date::parse("2019-01-01");
  return c;
}

// The parts of a coalition an edit may touch, as text, so two documents compare in one CHECK.
inline std::string fingerprint(const Coalition& c) {
  std::string s;
  for (const auto& n : c.nodes) {
    s += n.id + "|" + n.label + "|" + n.kind + "|" + n.sector + "|" + n.role + "|" + n.attrs.dump() + "|";
    for (const auto& t : n.themes) s += t + ",";
    s += "\n";
  }
  for (const auto& e : c.edges)
    s += c.nodes[e.source].id + "-" + c.nodes[e.target].id + ":" + e.kind + ":" + std::to_string(e.weight) + "\n";
  return s;
}

}  // namespace wijknet::test
