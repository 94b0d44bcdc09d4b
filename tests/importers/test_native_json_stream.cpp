// The streaming reader of the native document against the DOM reader: the same coalition,
// warnings and first error (at the same FILE:LINE:COL) for every JSON file of the tests, the
// samples and the shared corpus, for inline edge cases, for every byte of a sample changed or
// cut, and for a large network written indented and compactly.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text/error.hpp"
#include "importers/io.hpp"
#include "importers/native_json.hpp"
#include "importers/source_text.hpp"

using namespace wijknet;

namespace {

const std::string source_dir = WIJKNET_SOURCE_DIR;

// What a read gives, to compare: the document written out and the warnings, or the error.
std::string outcome(Coalition (*read)(std::string_view, const std::string&, ImportReport&, const ReadOptions&),
                    std::string_view text, const ReadOptions& options) {
  ImportReport report;
  try {
    const Coalition c = read(text, "doc.json", report, options);
    std::string s = "ok " + report.format + " " + std::to_string(report.nodes_read) + " " +
                    std::to_string(report.edges_read) + "\n" + to_native_json(c).dump(1);
    for (const auto& w : report.warnings) s += "\nwarning " + w;
    return s;
  } catch (const InputError& e) {
    return std::string("error ") + e.what();
  }
}

void same_as_dom(std::string_view text, const std::string& what) {
  ReadOptions plain, strict;
  strict.strict = true;
  INFO(what);
  CHECK(outcome(read_native_json_streaming, text, plain) == outcome(read_native_json_dom, text, plain));
  CHECK(outcome(read_native_json_streaming, text, strict) == outcome(read_native_json_dom, text, strict));
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return read_all(in);
}

}  // namespace

TEST_CASE("native stream: every JSON file of the tests, the samples and the corpus reads as with the DOM") {
  std::size_t files = 0;
  for (const char* dir : {"/tests/data", "/assets", "/../shared/corpus", "/fuzz"}) {
    const std::filesystem::path root = source_dir + dir;
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      same_as_dom(file_text(entry.path()), entry.path().string());
      ++files;
    }
  }
  CHECK(files >= 40);
}

TEST_CASE("native stream: inline edge cases read as with the DOM") {
  const std::string head = R"({"format": "wijknet/1", )";
  const std::vector<std::string> cases = {
      "", "  ", "{}", "[1, 2]", "null", "{\"format\": \"wijknet/1\"}", "{\"format\": \"gexf\"}",
      "{\"format\": null}", "{\"format\": 2}", "{\"nodes\": [], \"format\": \"wijknet/1\"}",
      "{\"format\": \"wijknet/1\",\n \"name\": x}", "{\"format\": \"wijknet/1\", \"nodes\": [",
      "{\"format\": \"wijknet/1\"} x", "{\"format\": \"wijknet/1\"}}", "\xEF\xBB\xBF{\"format\": \"wijknet/1\"}",
      "{\"for\\u006dat\": \"wijknet/1\", \"a\\\"b\": \"}]\", \"nodes\": [{\"id\": \"x\"}, {\"id\": \"x\"}]}",
      head + R"("name": 1})", head + R"("name": null, "area": ["x"]})", head + R"("area": "a", "name": 5})",
      head + R"("themes": "wonen"})", head + R"("themes": [{"id": "w"}, {"id": "w"}]})",
      head + R"("themes": [{"id": 3, "label": "drie"}], "nodes": [{"id": "a", "kind": "partner", "themes": ["3", "x", "x"]}]})",
      head + R"("nodes": [{"id": "a", "themes": "wonen"}]})", head + R"("nodes": [{"id": "a", "attrs": [1]}]})",
      head + R"("nodes": [{"label": "no id"}]})", head + R"("nodes": [{"id": true}]})", head + R"("nodes": [{"id": ""}]})",
      head + R"("nodes": [{"id": null}]})", head + R"("nodes": [1, {"id": "a"}]})", head + R"("nodes": {"id": "a"}})",
      head + R"("nodes": [{"id": 7, "kind": "partner"}, {"id": -0, "kind": "partner"}, {"id": 18446744073709551615, "kind": "x"}]})",
      head + R"("nodes": [{"id": 18446744073709551616}]})", head + R"("nodes": [{"id": 1.5}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "label": "x", "label": "y"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "label": null, "label": "y"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "z": 1, "z": 2}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "since": "2015-02-30"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "until": 2015}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "since": "2015-07", "until": "2016", "role": "broker", "sector": "housing"}]})",
      head + R"("nodes": [{"kind": "partner", "id": "a", "attrs": {"b": {"c": [1, 2.5e3, -0.0, true, null]}, "a": "x"}, "extra": {"q": 1}}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner", "attrs": {}}, {"id": "b", "kind": 3}]})",
      head + R"("nodes": [{"id": "a\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r", "kind": "partner"}]})",
      head + R"("nodes": [{"id": "a\ud83d", "kind": "partner"}]})", head + R"("nodes": [{"id": "a\ude00", "kind": "partner"}]})",
      head + R"("nodes": [{"id": "a\x", "kind": "partner"}]})", head + "\"nodes\": [{\"id\": \"a\tb\"}]}",
      head + "\"nodes\": [{\"id\": \"a\xC3\"}]}", head + "\"nodes\": [{\"id\": \"a\xED\xA0\x80\"}]}",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "directed": "yes"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "b"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"target": "a"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": "2"}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": 1e400}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": 1e-400}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": 12345678901234567890123}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": -3, "directed": true, "kind": "funds", "since": "2020", "attrs": {"amount": 5}, "x": [1]}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": 01}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": 1.}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "weight": -}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a", "attrs": {"x": 1e400}}]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": 1, "target": "a"}]})",
      head + R"("edges": [{"source": "a", "target": "a"}], "nodes": [{"id": "a", "kind": "partner"}]})",
      head + R"("nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a"},]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": {"a": [1]}})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": {"b": [1, 2], "a": [3, 4], "c": [5, 6]}})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": {"a": [1, 2], "a": [3, 4]}})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": {"a": [1, 2] "b": [3, 4]}})",
      head + R"("nodes": [{"id": "b"}], "layout": {"a": [1, 2] "b": [3, 4]}})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": [1, 2]})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": null, "zz": {"y": [true, false, null]}, "aa": 1})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "layout": {}, "nodes": []})",
      head + R"("x": 1, "x": 2})", head + R"("nodes": null, "edges": null, "themes": null})",
      head + R"("nodes": [{"id": "a", "kind": "partner"}], "edges": [{"source": "a", "target": "a"}], "tail": 1e400})",
      head + R"("nodes": [{"id": "a"}], "tail": tru})", head + R"("nodes": [{"id": 1}], "x": [[[[[[1]]]]]]})",
  };
  for (const auto& text : cases) same_as_dom(text, text);
}

TEST_CASE("native stream: every byte of a sample changed or cut reads as with the DOM") {
  const std::string sample = file_text(source_dir + "/tests/data/importers/laak.json");
  REQUIRE(sample.size() > 100);
  const std::string replacements[] = {"", "x", "\"", "}", "[", ",", "0", "\\", "\xC3"};
  for (std::size_t i = 0; i < sample.size(); ++i) {
    same_as_dom(std::string_view(sample).substr(0, i), "cut at " + std::to_string(i));
    for (const auto& r : replacements) {
      std::string changed = sample;
      changed.replace(i, 1, r);
      same_as_dom(changed, "byte " + std::to_string(i) + " -> '" + r + "'");
    }
  }
}

TEST_CASE("native stream: the nesting limit holds with the DOM's message") {
  ReadOptions shallow;
  shallow.limits.depth = 3;
  const std::string text = R"({"format": "wijknet/1", "nodes": [{"id": "a", "kind": "partner", "attrs": {"b": 1}}]})";
  CHECK(outcome(read_native_json_streaming, text, shallow) == outcome(read_native_json_dom, text, shallow));
  CHECK(outcome(read_native_json_streaming, text, shallow).find("nested more than 3 levels deep") != std::string::npos);
  const std::string deep = std::string(R"({"format": "wijknet/1", "x": )") + std::string(100000, '[');
  CHECK(outcome(read_native_json_streaming, deep, {}) == outcome(read_native_json_dom, deep, {}));
}

TEST_CASE("native stream: a large network, written indented and compactly, reads back the same") {
  Coalition c;
  c.name = "groot";
  for (int i = 0; i < 5000; ++i) {
    Node n;
    n.id = "n" + std::to_string(i);
    n.label = i % 7 ? n.id : "Naam é \"" + n.id + "\"";
    n.kind = i % 3 ? "partner" : "resident";
    if (i % 5 == 0) n.sector = "housing";
    if (i % 11 == 0) n.attrs["resident"] = "group";
    if (i % 13 == 0) n.since = Date(2015, 7, 1);
    c.add_node(std::move(n));
    c.layout["n" + std::to_string(i)] = {i * 0.5, -i * 0.25};
  }
  for (int i = 0; i < 20000; ++i) {
    Edge e;
    e.source = std::size_t(i) % 5000;
    e.target = std::size_t(i * 7 + 1) % 5000;
    e.kind = i % 4 ? "collaborates" : "funds";
    if (i % 9 == 0) e.weight = 0.1 * i;
    if (i % 17 == 0) e.directed = true;
    if (i % 19 == 0) e.attrs["amount"] = i;
    if (i % 23 == 0) e.extra["note"] = "x";
    c.add_edge(std::move(e));
  }
  const std::string indented = to_native_json(c).dump(2) + "\n";
  std::ostringstream out;
  write_native_json(c, out);
  const std::string compact = out.str();
  CHECK(compact.size() * 2 < indented.size());  // the compact form is written for this size
  CHECK(compact.find("\n{\"source\":\"n0\",\"target\":\"n1\",\"kind\":\"funds\",\"weight\":0.0,\"directed\":true,\"attrs\":{\"amount\":0},\"note\":\"x\"}") !=
        std::string::npos);
  const std::string expected = outcome(read_native_json_dom, indented, {});
  CHECK(outcome(read_native_json_streaming, indented, {}) == expected);
  CHECK(outcome(read_native_json_streaming, compact, {}) == expected);
  CHECK(outcome(read_native_json_dom, compact, {}) == expected);
  // write(read(write(x))) is byte-identical in the compact form too.
  ImportReport report;
  std::ostringstream again;
  write_native_json(read_native_json_text(compact, "big.json", report), again);
  CHECK(again.str() == compact);

  SUBCASE("an error deep in a large document: FILE:LINE:COL of the value") {
    std::string bad = compact;
    const std::string edge = "{\"source\":\"n4\",\"target\":\"n29\"";
    const std::size_t at = bad.find(edge);
    REQUIRE(at != std::string::npos);
    bad.replace(at + edge.size() - 4, 3, "zzz");  // target "zzz"
    const std::string streamed = outcome(read_native_json_streaming, bad, {});
    CHECK(streamed == outcome(read_native_json_dom, bad, {}));
    const SourceLocation where = location_at(bad, at + edge.size() - 5, "doc.json");
    CHECK(streamed == "error " + where.str() + ": edge target 'zzz' is not a node id");
    CHECK(where.line > 5000);
  }
}
