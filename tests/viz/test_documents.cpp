#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "importers/io.hpp"
#include "tests/viz/fixtures.hpp"
#include "tests/viz/viewer_process.hpp"
#include "viz/app_state.hpp"

using namespace wijknet;
using namespace wijknet::viz;
using namespace wijknet::test;

TEST_CASE("save writes the positions into the document's layout; opening it keeps them") {
  auto dir = scratch_dir("save");
  AppState s;
  s.load(small_coalition());
  CHECK_FALSE(s.doc().layout_complete_on_load());
  ForceLayout layout = s.doc().make_layout();
  layout.run(2000);
  s.doc().set_positions(layout.positions());
  s.doc().set_label(0, "Gemeente Den Haag (DSO)");
  s.doc().move_node(3, {42, -7}, true);
  REQUIRE(s.doc().dirty());
  auto path = (dir / "laid-out.json").string();
  REQUIRE(s.doc().save(path));
  CHECK_FALSE(s.doc().dirty());
  CHECK(s.doc().path() == path);

  AppState t;
  REQUIRE(t.open(path));
  CHECK(t.doc().layout_complete_on_load());
  CHECK(t.document().nodes[0].label == "Gemeente Den Haag (DSO)");
  for (std::size_t i = 0; i < t.doc().node_count(); ++i) {
    CHECK(t.doc().positions()[i].x == doctest::Approx(s.doc().positions()[i].x));
    CHECK(t.doc().positions()[i].y == doctest::Approx(s.doc().positions()[i].y));
  }
  CHECK(t.doc().positions()[3] == Vec2{42, -7});
}

TEST_CASE("a failed save or open leaves everything as it was, with a message") {
  auto dir = scratch_dir("failures");
  AppState s;
  s.load(small_coalition());
  auto good = (dir / "good.json").string();
  REQUIRE(s.doc().save(good));
  std::string before = slurp(good);
  s.doc().set_label(1, "Changed");
  // A path whose directory does not exist: nothing written, the document still dirty.
  CHECK_FALSE(s.doc().save((dir / "missing" / "x.json").string()));
  CHECK_FALSE(s.doc().error().empty());
  CHECK(s.doc().dirty());
  CHECK(s.doc().path() == good);
  CHECK(slurp(good) == before);
  s.doc().clear_error();

  // A truncated file: the message names the file, line and column; the document stays.
  std::ofstream(dir / "broken.json") << "{\"format\": \"wijknet/1\",\n \"nodes\": [ {\"id\": \"a\", ";
  CHECK_FALSE(s.open((dir / "broken.json").string()));
  CHECK(s.doc().error().find("broken.json:2:") != std::string::npos);
  CHECK(s.document().nodes[1].label == "Changed");
  CHECK_FALSE(s.open((dir / "nothing-here.json").string()));
  CHECK_FALSE(s.doc().error().empty());
  CHECK(s.doc().node_count() == 7);
}

TEST_CASE("the viewer keeps a layout the document brings (a Gephi GEXF) and does not run its own") {
  if (!have_xvfb()) {
    MESSAGE("xvfb-run is not installed: skipped");
    return;
  }
  auto dir = scratch_dir("gexf");
  // A GEXF as Gephi writes it, with viz:position for every node.
  std::ofstream(dir / "gephi.gexf") << R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <nodes>
      <node id="a" label="Staedion"><viz:position x="100.0" y="50.0" z="0.0"/></node>
      <node id="b" label="Vestia"><viz:position x="-80.5" y="20.25" z="0.0"/></node>
      <node id="c" label="Coöperatief Eigenwijzer"><viz:position x="10.0" y="-90.0" z="0.0"/></node>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b"/>
      <edge id="1" source="b" target="c"/>
    </edges>
  </graph>
</gexf>
)";
  int rc = run_viewer_headless(quote((dir / "gephi.gexf").string()) + " --frames 4 --dump-state " + quote((dir / "state.json").string()),
                               dir / "log.txt");
  INFO(slurp(dir / "log.txt"));
  REQUIRE(rc == 0);
  auto j = read_json(dir / "state.json");
  CHECK(j["positions"]["a"][0] == 100.0);
  CHECK(j["positions"]["a"][1] == 50.0);
  CHECK(j["positions"]["b"][0] == -80.5);
  CHECK(j["positions"]["c"][1] == -90.0);
  CHECK(j["layout"]["running"] == false);
}
