// read_coalition / write_coalition: dispatch by extension, atomic replacement, anonymisation.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text/error.hpp"
#include "core/model/privacy.hpp"
#include "formats_sample.hpp"
#include "importers/io.hpp"
#include "importers/native_json.hpp"
#include "importers/xlsx.hpp"

using namespace wijknet;
namespace fs = std::filesystem;

namespace {

const std::string data_dir = std::string(WIJKNET_SOURCE_DIR) + "/tests/data/importers/";

// A fresh, empty directory for one test, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("wijknet-io-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(path)) names.insert(e.path().filename().string());
    return names;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

}  // namespace

TEST_CASE("io: formats by extension, case-insensitive") {
  const auto readable = readable_extensions();
  for (const char* ext : {".json", ".graphml", ".edges", ".txt"})
    CHECK(std::find(readable.begin(), readable.end(), ext) != readable.end());
  const auto writable = writable_extensions();
  for (const char* ext : {".json", ".graphml", ".edges"})
    CHECK(std::find(writable.begin(), writable.end(), ext) != writable.end());

  TempDir dir;
  fs::copy_file(data_dir + "laak.json", dir.file("LAAK.Json"));
  ImportReport report;
  Coalition c = read_coalition(dir.file("LAAK.Json"), &report);
  CHECK(c.nodes.size() == 5);
  CHECK(report.format == "wijknet/1");

  write_coalition(c, dir.file("out.GraphML"));
  Coalition back = read_coalition(dir.file("out.GraphML"), &report);
  CHECK(report.format == "graphml");
  CHECK(back.nodes.size() == 5);
  CHECK(report.nodes_read == 5);
  CHECK(report.edges_read == 4);
}

TEST_CASE("io: a file that cannot be read names the file only") {
  const std::string missing = "/nonexistent-dir/none.json";
  try {
    read_coalition(missing);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().file == missing);
    CHECK(e.where().line == 0);
    CHECK(std::string(e.what()) == missing + ": cannot open: No such file or directory");
  }
  CHECK_THROWS_AS(read_coalition(data_dir + "laak.unknown"), InputError);
  try {
    read_coalition("network.xyz");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("cannot read files of type '.xyz'; readable: .json") != std::string::npos);
  }
  CHECK_THROWS_AS(write_coalition(Coalition{}, "out.xyz"), WriteError);
}

TEST_CASE("io: write_coalition replaces the file atomically and leaves the old one on failure") {
  TempDir dir;
  const std::string target = dir.file("net.edges");
  test::write_text(target, "old content\n");
  ::chmod(target.c_str(), 0640);

  Coalition c;
  Node a;
  a.id = "a";
  a.kind = "partner";
  c.add_node(a);
  a.id = "b";
  c.add_node(a);
  Edge e;
  e.source = 0;
  e.target = 1;
  c.add_edge(e);

  SUBCASE("success: replaced, permissions kept, no temporary file left") {
    write_coalition(c, target);
    CHECK(test::read_text(target) == "# wijknet edge list: source target [weight]\na b\n");
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(dir.listing() == std::set<std::string>{"net.edges"});
  }
  SUBCASE("the writer throws: old file untouched, no temporary file") {
    c.edges[0].target = 7;  // a broken model: no writer can hold it
    try {
      write_coalition(c, target);
      FAIL("no error");
    } catch (const WriteError& err) {
      CHECK(std::string(err.what()) == target + ": edge 0 refers to a node that is not in the coalition");
    }
    CHECK(test::read_text(target) == "old content\n");
    CHECK(dir.listing() == std::set<std::string>{"net.edges"});
  }
  SUBCASE("the directory is not writable: old file untouched") {
    if (::geteuid() == 0) {
      MESSAGE("running as root, who may write anywhere; the permission case is skipped");
      return;
    }
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(write_coalition(c, target), WriteError);
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(test::read_text(target) == "old content\n");
    CHECK(dir.listing() == std::set<std::string>{"net.edges"});
  }
  SUBCASE("the directory does not exist") {
    try {
      write_coalition(c, dir.file("missing/net.json"));
      FAIL("no error");
    } catch (const WriteError& err) {
      CHECK(std::string(err.what()) == dir.file("missing/net.json") + ": cannot write: No such file or directory");
    }
    CHECK(dir.listing() == std::set<std::string>{"net.edges"});
  }
  SUBCASE("the target is a directory") {
    fs::create_directory(dir.file("sub.json"));
    CHECK_THROWS_AS(write_coalition(c, dir.file("sub.json")), WriteError);
    CHECK(fs::is_directory(dir.file("sub.json")));
    CHECK(dir.listing() == std::set<std::string>{"net.edges", "sub.json"});
  }
  SUBCASE("a symbolic link: its target is replaced, the link stays") {
    fs::create_symlink(target, dir.file("link.edges"));
    write_coalition(c, dir.file("link.edges"));
    CHECK(fs::is_symlink(dir.file("link.edges")));
    CHECK(test::read_text(target).find("a b\n") != std::string::npos);
  }
}

TEST_CASE("privacy: anonymised exports hold no resident names, ids or personal attrs") {
  Coalition c = read_coalition(data_dir + "laak.json");
  // A second resident, with the kind of data a coordinator keeps.
  Node jan;
  jan.id = "jan-de-vries";
  jan.label = "Jan de Vries";
  jan.kind = "resident";
  jan.attrs = {{"phone", "06-12345678"}, {"address", "Hoefkade 12"}, {"birth_date", "1961-04-02"},
               {"committed_until", "2026-01-01"}, {"effort", 2}};
  jan.extra = {{"nickname", "Jantje"}};
  const std::size_t j = c.add_node(jan);
  Edge tie;
  tie.source = j;
  tie.target = *c.find("staedion");
  tie.kind = "tie";
  tie.directed = true;
  tie.attrs = {{"trust", 3}, {"note", "Jan belt elke week"}};
  c.add_edge(tie);
  c.layout["jan-de-vries"] = {1.0, 2.0};

  TempDir dir;
  WriteOptions anonymous;
  anonymous.anonymize = true;
  for (const char* name : {"out.json", "out.graphml", "out.edges"}) {
    CAPTURE(name);
    write_coalition(c, dir.file(name), anonymous);
    const std::string text = test::read_text(dir.file(name));
    for (const char* personal : {"Fatima", "fatima", "Amrani", "example.nl", "Jan", "jan-de-vries", "Vries",
                                 "06-12345678", "Hoefkade", "1961", "Jantje", "belt"})
      CHECK_MESSAGE(text.find(personal) == std::string::npos, personal);
    CHECK(text.find("bewoner-" + pseudonym_code("fatima")) != std::string::npos);
    CHECK(text.find("staedion") != std::string::npos);  // organisations stay
  }

  Coalition back = read_coalition(dir.file("out.json"));
  const std::string code = pseudonym_code("jan-de-vries");
  const Node* pseudo = back.node("bewoner-" + code);
  REQUIRE(pseudo);
  CHECK(pseudo->label == "Bewoner " + code);
  CHECK(pseudo->kind == "resident");
  CHECK(pseudo->attrs == Json{{"committed_until", "2026-01-01"}, {"effort", 2}});
  CHECK(pseudo->extra.empty());
  CHECK(back.layout.at("bewoner-" + code) == std::array<double, 2>{1.0, 2.0});
  const Edge& e = back.edges.back();
  CHECK(back.nodes[e.source].id == "bewoner-" + code);
  CHECK(e.attrs == Json{{"trust", 3}});
  CHECK(back.node("bewoner-" + pseudonym_code("fatima"))->attrs == Json{{"role", "bewonerscommissie"}});
  CHECK(back.node("staedion")->attrs["fte"] == 2.5);  // partners untouched

  // Stable across runs: the same document gives the same bytes.
  const std::string first = test::read_text(dir.file("out.json"));
  write_coalition(c, dir.file("out.json"), anonymous);
  CHECK(test::read_text(dir.file("out.json")) == first);
  // The original is not changed by anonymising a copy.
  CHECK(c.node("fatima")->label == "Fatima El Amrani");
}

TEST_CASE("privacy: pseudonyms stay unique when codes collide") {
  CHECK(pseudonym_code("fatima") == pseudonym_code("fatima"));
  CHECK(pseudonym_code("fatima").size() == 4);
  CHECK(pseudonym_code("fatima", 16).rfind(pseudonym_code("fatima"), 0) == 0);

  Coalition c;
  // A partner that happens to hold the id the first resident would get.
  Node clash;
  clash.id = "bewoner-";
  clash.id += pseudonym_code("r0");
  clash.kind = "partner";
  c.add_node(clash);
  for (int i = 0; i < 2000; ++i) {  // 2000 codes among 65536: collisions are certain
    Node r;
    r.id = std::to_string(i);
    r.id.insert(0, 1, 'r');
    r.kind = "resident";
    c.add_node(r);
  }
  Coalition a = anonymized(c);
  std::set<std::string> ids;
  int long_codes = 0;
  for (const auto& n : a.nodes) {
    ids.insert(n.id);
    if (n.kind == "resident") {
      CHECK(n.id.rfind("bewoner-", 0) == 0);
      CHECK(n.label == "Bewoner " + n.id.substr(8));
      long_codes += n.id.size() > 12;
    }
  }
  CHECK(ids.size() == c.nodes.size());
  CHECK(a.nodes[1].id == "bewoner-" + pseudonym_code("r0", 8));  // stepped aside for the partner
  CHECK(long_codes >= 2);
  CHECK(a.find(a.nodes[5].id) == 5u);  // the index follows the new ids
  CHECK(anonymized(c).nodes[1500].id == a.nodes[1500].id);  // stable
}

TEST_CASE("io: every format keeps the promises of a save (link followed, permissions kept, no temporary left)") {
  const Coalition c = test::sample_coalition();
  for (const auto& ext : writable_extensions()) {
    if (ext == ".xlsx" && !xlsx_available()) continue;
    CAPTURE(ext);
    TempDir dir;
    fs::create_directory(dir.file("real"));
    const std::string target = dir.file("real/net" + ext);
    test::write_text(target, "old\n");
    ::chmod(target.c_str(), 0600);
    fs::create_symlink("real/net" + ext, dir.file("link" + ext));
    // What a save killed before its rename leaves: a temporary file of a process that has ended.
    test::write_text(target + ".tmp-999999999-abc123", "half a file");
    fs::create_directory(target + ".tmp-999999998-xyz789");  // libxlsxwriter's folder, likewise

    write_coalition(c, dir.file("link" + ext));
    CHECK(fs::is_symlink(dir.file("link" + ext)));
    CHECK(test::read_text(target) != "old\n");
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::set<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.file("real"))) left.insert(e.path().filename().string());
    std::set<std::string> expected{"net" + ext};
    CHECK(left == expected);
    // CSV's nodes table goes beside the name saved to, where reading that name looks for it.
    if (ext == ".csv") CHECK(fs::is_regular_file(dir.file("link_nodes.csv")));
    if (ext != ".xlsx" && ext != ".edges" && ext != ".txt")  // edge lists have no isolated nodes
      CHECK(read_coalition(dir.file("link" + ext)).nodes.size() == c.nodes.size());
  }
}

TEST_CASE("io: a CSV save killed after its commit point is completed by the next open") {
  TempDir dir;
  const Coalition c = test::sample_coalition();
  const std::string edges = dir.file("net.csv"), nodes = dir.file("net_nodes.csv");
  write_coalition(c, dir.file("new.csv"));  // the new tables, as the killed save had written them
  test::write_text(edges, "From,To\nold-a,old-b\n");
  test::write_text(nodes, "Id\nold-a\nold-b\nold-c\n");
  // The killed save had renamed the nodes table already, not yet the edges table.
  fs::rename(dir.file("new.csv"), edges + ".tmp-999999999-aaaaaa");
  fs::rename(dir.file("new_nodes.csv"), nodes);
  test::write_text(edges + ".wijknet-commit", edges + ".tmp-999999999-aaaaaa\t" + edges + "\n" + nodes +
                                                  ".tmp-999999999-bbbbbb\t" + nodes + "\n");

  const Coalition back = read_coalition(edges);
  CHECK(back.nodes.size() == c.nodes.size());
  CHECK(back.edges.size() == c.edges.size());
  CHECK(dir.listing() == std::set<std::string>{"net.csv", "net_nodes.csv"});
}

TEST_CASE("io: a commit manifest that points out of its folder is refused, nothing is moved") {
  TempDir dir;
  test::write_text(dir.file("net.csv"), "From,To\na,b\n");
  test::write_text(dir.file("x.tmp-1-aaaaaa"), "planted\n");
  test::write_text(dir.file("net.csv.wijknet-commit"), dir.file("x.tmp-1-aaaaaa") + "\t" + dir.path.parent_path().string() + "/x\n");
  try {
    read_coalition(dir.file("net.csv"));
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == dir.file("net.csv") + ": " + dir.file("net.csv.wijknet-commit") +
                                       ": not a commit manifest of wijknet; remove it to open " + dir.file("net.csv"));
  }
  CHECK(test::read_text(dir.file("x.tmp-1-aaaaaa")) == "planted\n");
}

TEST_CASE("residents as persons or groups: every format keeps which is which; only persons are pseudonymised") {
  Coalition c = test::sample_coalition(false);
  c.nodes[*c.find("zoe")].attrs["resident"] = "person";
  Node group;
  group.id = "bewonersgroep";
  group.label = "Bewonersgroep Laakkwartier";
  group.kind = "resident";
  group.sector = "residents";
  group.attrs = {{"resident", "group"}, {"contact", "Piet Post"}};
  const std::size_t g = c.add_node(group);
  Node unmarked;  // a resident without the distinction counts as a person
  unmarked.id = "kees";
  unmarked.label = "Kees Kuiper";
  unmarked.kind = "resident";
  const std::size_t k = c.add_node(unmarked);
  Edge e;
  e.source = g;
  e.target = *c.find("p-portieken");
  e.kind = "participates";
  c.add_edge(e);
  e.source = k;
  c.add_edge(e);
  CHECK(c.nodes[g].is_resident_group());
  CHECK(!c.nodes[g].is_resident_person());
  CHECK(c.node("zoe")->is_resident_person());
  CHECK(c.nodes[k].is_resident_person());
  CHECK(!c.node("staedion")->is_resident_person());  // a partner is neither
  CHECK(!c.node("staedion")->is_resident_group());

  TempDir dir;
  for (const char* name : {"rt.json", "rt.graphml", "rt.gexf", "rt.gml", "rt.csv", "rt.xlsx", "rt.dot"}) {
    CAPTURE(name);
    write_coalition(c, dir.file(name));
    Coalition back = read_coalition(dir.file(name));
    const Node* bg = back.node("bewonersgroep");
    const Node* bz = back.node("zoe");
    REQUIRE(bg);
    REQUIRE(bz);
    CHECK(bg->kind == "resident");
    CHECK(bg->is_resident_group());
    CHECK(bg->attrs.value("resident", "") == "group");
    CHECK(bz->is_resident_person());
    CHECK(bz->attrs.value("resident", "") == "person");
    CHECK(back.node("kees")->is_resident_person());

    // For others: the group keeps its name (it is an organisation), the persons do not.
    WriteOptions anonymous;
    anonymous.anonymize = true;
    write_coalition(c, dir.file(std::string("anon-") + name), anonymous);
    Coalition anon = read_coalition(dir.file(std::string("anon-") + name));
    REQUIRE(anon.node("bewonersgroep"));
    CHECK(anon.node("bewonersgroep")->label == "Bewonersgroep Laakkwartier");
    CHECK(anon.node("bewonersgroep")->is_resident_group());
    CHECK(!anon.node("zoe"));
    CHECK(!anon.node("kees"));
    const Node* pz = anon.node("bewoner-" + pseudonym_code("zoe"));
    REQUIRE(pz);
    CHECK(pz->label == "Bewoner " + pseudonym_code("zoe"));
    CHECK(pz->is_resident_person());
    CHECK(pz->attrs.value("resident", "") == "person");  // not personal: kept
    REQUIRE(anon.node("bewoner-" + pseudonym_code("kees")));
  }
  // "Group" typed in a spreadsheet counts too.
  c.nodes[k].attrs["resident"] = "Group";
  CHECK(c.nodes[k].is_resident_group());
}
