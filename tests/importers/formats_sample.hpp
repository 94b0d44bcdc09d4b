// A small coalition that exercises what the exchange formats must carry (labels with Dutch
// letters and quotes, kinds, sectors, themes, dates, typed attributes, weights, both directions,
// a parallel edge, an isolated node, a layout), and helpers the format tests share.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "core/text/error.hpp"
#include "core/model/coalition.hpp"
#include "importers/io.hpp"

namespace wijknet::test {

// `mixed`: one directed survey tie and one directed funding among undirected ties, as real
// coalitions have; without it every edge is undirected (formats that hold one direction for
// the whole graph, and networkx, need that).
inline Coalition sample_coalition(bool mixed = true) {
  Coalition c;
  c.name = "Coalitie Laak";
  auto node = [&](const char* id, const char* label, const char* kind, const char* sector = "") {
    Node n;
    n.id = id;
    n.label = label;
    n.kind = kind;
    n.sector = sector;
    return c.add_node(n);
  };
  auto gemeente = node("gemeente", "Gemeente Den Haag", "partner", "municipality");
  auto staedion = node("staedion", "Staedion", "partner", "housing");
  auto zoe = node("zoe", "Zoë Öztürk", "resident");
  auto project = node("p-portieken", "Portiekenaanpak", "project");
  auto broker = node("broker", "René \"de\" Wijkmakelaar", "partner", "welfare");
  auto isolated = node("iso", "Stichting Één", "partner", "culture");
  c.nodes[gemeente].themes = {"wonen", "veiligheid"};
  c.nodes[gemeente].since = Date::parse("2015-07-01");
  c.nodes[gemeente].attrs["committed_until"] = "2027-12-31";
  c.nodes[gemeente].attrs["budget"] = 25000;
  c.nodes[gemeente].attrs["score"] = 0.75;
  c.nodes[gemeente].attrs["active"] = true;
  c.nodes[zoe].attrs["description"] = "Bewoner, actief in de wijk";
  c.nodes[project].attrs["effort"] = 3;
  c.nodes[project].attrs["impact"] = 5;
  c.nodes[broker].role = "broker";
  c.nodes[isolated].until = Date::parse("2020");

  auto edge = [&](std::size_t s, std::size_t t, const char* kind, double w, bool directed) {
    Edge e;
    e.source = s;
    e.target = t;
    e.kind = kind;
    e.weight = w;
    e.directed = directed && mixed;
    return c.add_edge(e);
  };
  auto e0 = edge(gemeente, staedion, "collaborates", 2.5, false);
  c.edges[e0].since = Date::parse("2016");
  auto e1 = edge(staedion, project, "participates", 1.0, false);
  c.edges[e1].attrs["role"] = "lead";
  auto e2 = edge(zoe, project, "participates", 1.0, false);
  c.edges[e2].attrs["role"] = "volunteer";
  auto e3 = edge(gemeente, zoe, "tie", 1.0, true);
  c.edges[e3].attrs["trust"] = 3;
  c.edges[e3].attrs["value"] = 4;
  edge(broker, gemeente, "collaborates", 0.5, false);
  auto e5 = edge(gemeente, staedion, "funds", 1.0, true);  // parallel to e0
  c.edges[e5].attrs["amount"] = 5000;

  double x = 0;
  for (const auto& n : c.nodes) {
    c.layout[n.id] = {x, -x / 2};
    x += 12.5;
  }
  return c;
}

// A format's reader (read_dot, read_gml, ...) with the source name its messages carry, so that a
// test reads a string as that format in one call and sees the error it gives.
struct TextFormat {
  using Reader = Coalition (*)(std::istream&, const std::string&, ImportReport&, const ReadOptions&);
  Reader reader;
  std::string source_name;  // "t.dot": the FILE of "FILE:LINE:COL" in messages

  Coalition read(const std::string& text, ImportReport& report, const ReadOptions& options = {}) const {
    std::istringstream in(text);
    return reader(in, source_name, report, options);
  }
  Coalition read(const std::string& text) const {
    ImportReport report;
    return read(text, report);
  }
  // The message of the InputError `text` gives ("t.dot:2:5: unexpected '@'"), or "no error".
  std::string error(const std::string& text, const ReadOptions& options = {}) const {
    ImportReport report;
    try {
      read(text, report, options);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  // The InputError `text` gives, for tests that look at its parts; fails the test when none.
  InputError input_error(const std::string& text) const {
    try {
      read(text);
    } catch (const InputError& e) {
      return e;
    }
    FAIL("no InputError for: " << text);
    return InputError({}, "");
  }
};

// The InputError that read_coalition gives for the file at `path`; fails the test when none.
inline InputError file_input_error(const std::string& path) {
  try {
    read_coalition(path);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for " << path);
  return InputError({}, "");
}

// Attributes as compared: no attributes are no attributes, null (the model's empty, core/
// model.hpp) or {} (what a reader may build).
inline Json same_attrs(const Json& attrs) { return attrs.is_object() && attrs.empty() ? Json() : attrs; }

// Checks that `b`, read back from what a writer wrote of `expected`, holds the same coalition:
// every node field, attribute and position, and every edge in the same order.
inline void check_same_coalition(const Coalition& b, const Coalition& expected) {
  const Coalition& a = expected;
  REQUIRE(b.nodes.size() == a.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    CAPTURE(a.nodes[i].id);
    CHECK(b.nodes[i].id == a.nodes[i].id);
    CHECK(b.nodes[i].label == a.nodes[i].label);
    CHECK(b.nodes[i].kind == a.nodes[i].kind);
    CHECK(b.nodes[i].sector == a.nodes[i].sector);
    CHECK(b.nodes[i].themes == a.nodes[i].themes);
    CHECK(b.nodes[i].role == a.nodes[i].role);
    CHECK(b.nodes[i].since == a.nodes[i].since);
    CHECK(b.nodes[i].until == a.nodes[i].until);
    CHECK(same_attrs(b.nodes[i].attrs) == same_attrs(a.nodes[i].attrs));
    const auto pa = a.layout.find(a.nodes[i].id), pb = b.layout.find(b.nodes[i].id);
    CHECK((pb == b.layout.end()) == (pa == a.layout.end()));
    if (pa != a.layout.end() && pb != b.layout.end()) CHECK(pb->second == pa->second);
  }
  REQUIRE(b.edges.size() == a.edges.size());
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    CAPTURE(i);
    CHECK(b.edges[i].source == a.edges[i].source);
    CHECK(b.edges[i].target == a.edges[i].target);
    CHECK(b.edges[i].kind == a.edges[i].kind);
    CHECK(b.edges[i].weight == a.edges[i].weight);
    CHECK(b.edges[i].directed == a.edges[i].directed);
    CHECK(b.edges[i].since == a.edges[i].since);
    CHECK(same_attrs(b.edges[i].attrs) == same_attrs(a.edges[i].attrs));
  }
}

// A fresh directory under the system's temporary directory, removed with the object.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name) {
    path = std::filesystem::temp_directory_path() / ("wijknet-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `unzip -p` prints of a zip archive (.xlsx): one member, or every member one after another
// when `member` is empty. Empty when unzip cannot run.
inline std::string unzip_text(const std::string& archive, const std::string& member = "") {
  std::string out;
  const std::string command = "unzip -p '" + archive + "'" + (member.empty() ? "" : " '" + member + "'") + " 2>/dev/null";
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// networkx is the reference reader of the acceptance criteria; tests that need it are skipped
// (with a message) where Debian's python3-networkx is not installed.
inline bool have_networkx() {
  static const bool ok = std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0;
  return ok;
}

// Runs a Python check script with arguments; true when it exits 0. Its output goes to the
// test's output, so a failing check says what differed.
inline bool run_python(const std::string& script_path, const std::string& args) {
  return std::system(("/usr/bin/python3 " + script_path + " " + args).c_str()) == 0;
}

inline std::string corpus_dir() { return std::string(WIJKNET_SOURCE_DIR) + "/../shared/corpus/gephi/"; }
inline std::string formats_dir() { return std::string(WIJKNET_SOURCE_DIR) + "/tests/data/formats/"; }

// Writes what `c` holds in the terms networkx sees (ids, labels, edges with weights, direction)
// beside `path` and runs tests/data/formats/check_networkx.py on the file wijknet wrote there.
inline bool networkx_reads_back(const Coalition& c, const std::string& format, const std::string& path) {
  Json exp;
  bool directed = !c.edges.empty();
  for (const auto& e : c.edges) directed = directed && e.directed;
  exp["directed"] = directed;
  exp["nodes"] = Json::array();
  for (const auto& n : c.nodes) exp["nodes"].push_back({{"id", n.id}, {"label", n.label}});
  exp["edges"] = Json::array();
  for (const auto& e : c.edges)
    exp["edges"].push_back({{"source", c.nodes[e.source].id}, {"target", c.nodes[e.target].id}, {"weight", e.weight}});
  const std::string exp_path = path + ".expected.json";
  write_text(exp_path, exp.dump(1));
  return run_python(formats_dir() + "check_networkx.py", format + " '" + path + "' '" + exp_path + "'");
}

}  // namespace wijknet::test
