// The native wijknet/1 document: lossless round trip and exact error positions.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/text/error.hpp"
#include "formats_sample.hpp"
#include "importers/io.hpp"
#include "importers/native_json.hpp"

using namespace wijknet;

namespace {

const std::string data_dir = std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/";

std::string written(const Coalition& c) {
  std::ostringstream out;
  write_native_json(c, out);
  return out.str();
}

const test::TextFormat native{read_native_json, "t.json"};

}  // namespace

TEST_CASE("native: the sample document reads into the model") {
  ImportReport report;
  Coalition c = read_coalition(data_dir + "laak.json", &report);
  CHECK(report.format == "wijknet/1");
  CHECK(report.nodes_read == 5);
  CHECK(report.edges_read == 4);
  CHECK(c.name == "Coalitie Laak");
  CHECK(c.area == "Den Haag, Laak");
  REQUIRE(c.themes.size() == 2);
  CHECK(c.themes[0].label == "Leefbaarheid en wonen");
  CHECK(c.themes[0].extra["colour"] == "#c0392b");

  const Node* staedion = c.node("staedion");
  REQUIRE(staedion);
  CHECK(staedion->sector == "housing");
  CHECK(staedion->since->str() == "2015-07-01");
  CHECK(staedion->attrs["fte"] == 2.5);
  CHECK(staedion->extra["colour"] == "blue");
  const Node* broker = c.node("broker");
  CHECK(broker->is_broker());
  CHECK(broker->since->str() == "2015-07");  // month precision kept
  CHECK(broker->since->precision() == Date::Precision::month);
  CHECK(c.node("gemeente")->since->str() == "2015");
  CHECK(c.node("p-portieken")->attrs["impact"] == 5);

  // Edge defaults: kind collaborates, weight 1, undirected.
  const Edge& e2 = c.edges[2];
  CHECK(c.nodes[e2.source].id == "broker");
  CHECK(e2.kind == "collaborates");
  CHECK(e2.weight == 3.0);
  CHECK_FALSE(e2.directed);
  CHECK(e2.extra["id"] == "e-1");
  CHECK(c.edges[1].weight == 1.0);
  CHECK(c.edges[3].directed);
  CHECK(c.edges[3].until->str() == "2024-01");
  CHECK(c.edges[3].attrs["trust"] == 4);

  CHECK(c.layout.at("staedion")[0] == 12.5);
  CHECK(c.layout.at("staedion")[1] == -3.0);
  CHECK(c.layout.at("fatima")[1] == 1e-3);
  CHECK(c.extra["generator"]["version"] == 3);
  CHECK(c.extra["zz_last"] == true);
  // "broker" has no themes, "fatima" no since: nothing made up.
  CHECK(c.node("broker")->themes.empty());
  CHECK_FALSE(c.node("fatima")->since);
  CHECK(report.warnings.empty());
}

TEST_CASE("native: write(read(write(x))) is byte-identical and unknown keys survive in order") {
  Coalition c = read_coalition(data_dir + "laak.json");
  const std::string once = written(c);
  const std::string twice = written(native.read(once));
  CHECK(once == twice);
  const std::string thrice = written(native.read(twice));
  CHECK(twice == thrice);

  // Unknown keys and attrs are in the output, in the order they were read.
  CHECK(once.find("\"generator\"") != std::string::npos);
  CHECK(once.find("\"zz_last\": true") != std::string::npos);
  CHECK(once.find("\"colour\": \"#c0392b\"") != std::string::npos);
  CHECK(once.find("\"contacts\"") != std::string::npos);
  CHECK(once.find("\"notes\"") < once.size());
  CHECK(once.find("\"z\": 1") < once.find("\"a\": 2"));  // not sorted: insertion order kept
  CHECK(once.find("\"committed_until\"") < once.find("\"fte\""));
  CHECK(once.find("\"generator\"") < once.find("\"zz_last\""));
  CHECK(once.find("\"since\": \"2015-07\"") != std::string::npos);
  CHECK(once.back() == '\n');

  // The model survives too.
  Coalition back = native.read(once);
  CHECK(back.nodes.size() == c.nodes.size());
  CHECK(back.edges.size() == c.edges.size());
  CHECK(back.node("staedion")->extra["notes"]["z"] == 1);
  CHECK(back.layout.at("fatima")[1] == 1e-3);
  CHECK(back.edges[2].extra["id"] == "e-1");
}

TEST_CASE("native: defaults and warnings") {
  ImportReport report;
  Coalition c = native.read(R"({"format": "wijknet/1",
"nodes": [{"id": "a"}, {"id": "b", "kind": "resident", "label": null, "themes": ["nope"]}],
"edges": [{"source": "a", "target": "b"}]})",
                      report);
  CHECK(c.node("a")->kind == "partner");
  CHECK(c.node("a")->label == "a");
  CHECK(c.node("b")->label == "b");
  CHECK(c.edges[0].kind == "collaborates");
  REQUIRE(report.warnings.size() == 2);
  CHECK(report.warnings[0] == "t.json:2:11: node 'a' has no \"kind\"; taken as \"partner\"");
  CHECK(report.warnings[1].rfind("t.json:2:82: theme 'nope'", 0) == 0);

  // Strict mode: the first warning is an error.
  ReadOptions strict;
  strict.strict = true;
  ImportReport strict_report;
  CHECK_THROWS_AS(native.read(R"({"format": "wijknet/1", "nodes": [{"id": "a"}]})", strict_report, strict), InputError);
}

TEST_CASE("native: errors point at file:line:col of the culprit") {
  SUBCASE("truncated JSON: at the end of the text") {
    InputError e = test::file_input_error(data_dir + "truncated.json");
    CHECK(e.where().file == data_dir + "truncated.json");
    CHECK(e.where().line == 5);
    CHECK(e.where().column == 30);
    CHECK(e.message().find("invalid JSON") == 0);
  }
  SUBCASE("duplicate node id: at the second one") {
    InputError e = test::file_input_error(data_dir + "duplicate_id.json");
    CHECK(e.where().line == 6);
    CHECK(e.where().column == 31);
    CHECK(e.message() == "duplicate node id 'a' (first used at line 4)");
  }
  SUBCASE("edge to a node that does not exist: at the target value") {
    InputError e = test::file_input_error(data_dir + "edge_to_missing_node.json");
    CHECK(e.where().line == 7);
    CHECK(e.where().column == 16);
    CHECK(e.message() == "edge target 'c' is not a node id");
  }
  SUBCASE("bad date") {
    InputError e = test::file_input_error(data_dir + "bad_date.json");
    CHECK(e.where().line == 4);
    CHECK(e.where().column == 45);
    CHECK(e.message().find("bad date '2015-02-30'") == 0);
  }
  SUBCASE("weight as a string") {
    InputError e = test::file_input_error(data_dir + "weight_string.json");
    CHECK(e.where().line == 4);
    CHECK(e.where().column == 54);
    CHECK(e.message() == "\"weight\" must be a number, not a string");
    CHECK(std::string(e.what()) == data_dir + "weight_string.json:4:54: \"weight\" must be a number, not a string");
  }
  SUBCASE("tiny inline inputs") {
    // Syntax: the stray 'x' on line 2.
    InputError e = native.input_error("{\"format\": \"wijknet/1\",\n \"name\": x}");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 10);
    // Truncated in the middle of a list: just after the last character.
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 35);
    e = native.input_error("");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 1);
    // Missing and wrong format.
    e = native.input_error("\n  {\"nodes\": []}");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 3);
    CHECK(e.message().find("missing \"format\"") == 0);
    e = native.input_error("{\"format\": \"gexf\"}");
    CHECK(e.where().column == 12);
    CHECK(e.message().find("unsupported format \"gexf\"") == 0);
    e = native.input_error("[1, 2]");
    CHECK(e.where().column == 1);
    // Wrong types.
    e = native.input_error("{\"format\": \"wijknet/1\", \"themes\": \"wonen\"}");
    CHECK(e.where().column == 35);
    CHECK(e.message() == "\"themes\" must be a list, not a string");
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": \"a\", \"themes\": \"wonen\"}]}");
    CHECK(e.where().column == 57);
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": \"a\", \"attrs\": [1]}]}");
    CHECK(e.message() == "\"attrs\" must be an object, not a array");
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"label\": \"no id\"}]}");
    CHECK(e.where().column == 35);
    CHECK(e.message() == "node without \"id\"");
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": true}]}");
    CHECK(e.where().column == 42);
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\", \"directed\": \"yes\"}]}");
    CHECK(e.message() == "\"directed\" must be true or false, not a string");
    e = native.input_error("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": \"a\"}], \"layout\": {\"a\": [1]}}");
    CHECK(e.where().column == 65);
  }
  SUBCASE("positions count characters, not bytes, and skip a byte-order mark") {
    // "é" is two bytes in UTF-8; the bad date is the 69th character.
    InputError e = native.input_error("\xEF\xBB\xBF{\"format\": \"wijknet/1\", \"name\": \"\xC3\xA9\", \"nodes\": [{\"id\": \"a\", \"until\": \"2015-7\"}]}");
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 69);
  }
  SUBCASE("escaped keys and strings do not throw positions off") {
    InputError e = native.input_error("{\"for\\u006dat\": \"wijknet/1\", \"a\\\"b\": \"}]\", \"nodes\": [{\"id\": \"x\"}, {\"id\": \"x\"}]}");
    CHECK(e.where().column == 74);
  }
}

TEST_CASE("native: integer ids are read as text, with a warning") {
  ImportReport report;
  Coalition c = native.read(R"({"format": "wijknet/1", "nodes": [{"id": 1, "kind": "partner"}, {"id": "2", "kind": "partner"}],
                          "edges": [{"source": 1, "target": "2"}]})",
                      report);
  CHECK(c.node("1"));
  CHECK(c.edges.size() == 1);
  CHECK(report.warnings.size() == 2);
}

TEST_CASE("native: a layout entry for an unknown node is reported and left out") {
  ImportReport report;
  Coalition c = native.read(R"({"format": "wijknet/1", "nodes": [{"id": "a", "kind": "partner"}],
 "layout": {"a": [1, 2], "ghost": [3, 4]}})",
                      report);
  CHECK(c.layout.size() == 1);
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].rfind("t.json:2:35:", 0) == 0);
}

TEST_CASE("native: the layout, parsed apart for speed, still reports exact positions") {
  // A syntax error inside the layout.
  InputError e = native.input_error("{\"format\": \"wijknet/1\", \"layout\": {\"a\": [1, 2],\n \"b\": [3 4]}, \"nodes\": []}");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 10);
  // An error after a multi-line layout: line numbers are not thrown off.
  e = native.input_error("{\"format\": \"wijknet/1\", \"layout\": {\"a\": [1, 2]\n},\n \"nodes\": [{\"id\": \"a\", \"since\": \"x\"}]}");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 33);
  // A layout that is not an object.
  e = native.input_error("{\"format\": \"wijknet/1\", \"layout\": [1, 2]}");
  CHECK(e.message() == "\"layout\" must be an object of node id -> [x, y], not a array");
  // A repeated id: the last position wins, as for any JSON object.
  Coalition c = native.read("{\"format\": \"wijknet/1\", \"nodes\": [{\"id\": \"a\", \"kind\": \"partner\"}],"
                      " \"layout\": {\"a\": [1, 2], \"a\": [5, 6]}}");
  CHECK(c.layout.at("a") == std::array<double, 2>{5, 6});
}

TEST_CASE("native: a hostile nesting depth is an error, not a stack overflow") {
  const std::string prefix = "{\"format\": \"wijknet/1\", \"x\": ";
  const std::string deep = prefix + std::string(200000, '[') + std::string(200000, ']') + "}";
  InputError e = native.input_error(deep);
  CHECK(e.where().line == 1);
  // The root object is level 1, so the 512th '[' is the first too many.
  CHECK(e.where().column == int(prefix.size()) + 512);
  CHECK(e.message().find("nested more than 512 levels") == 0);
  // A '[' inside a string does not count.
  Coalition c = native.read(prefix + "\"" + std::string(1000, '[') + "\"}");
  CHECK(c.extra["x"].get<std::string>().size() == 1000);
}
