// The lighter model of issue 15: interned words (kind, sector, role) and the open-addressing id
// index behind Coalition::find.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/model/coalition.hpp"
#include "core/text/interned.hpp"

using namespace wijknet;

TEST_CASE("an interned text is held once and reads as the string it was made from") {
  const Interned a("collaborates"), b(std::string("collab") + "orates"), c("funds"), empty;
  CHECK(a.c_str() == b.c_str());  // one copy of the text
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a != c);
  CHECK(a == "collaborates");
  CHECK(a == std::string("collaborates"));
  CHECK(a == std::string_view("collaborates"));
  CHECK("collaborates" == a);
  CHECK(empty.empty());
  CHECK(empty == "");
  CHECK(Interned("") == empty);
  CHECK_FALSE(c < a);  // "funds" sorts after "collaborates"
  CHECK(a < c);
  CHECK("kind " + a == "kind collaborates");
  CHECK(a.size() == 12);
  std::map<std::string, int> count;
  ++count[a];
  ++count[b];
  CHECK(count.at("collaborates") == 2);
  Interned d = a;
  d = "participates";  // assigning interns the new text, the old object is untouched
  CHECK(a == "collaborates");
  CHECK(d == "participates");
}

TEST_CASE("interning from several threads at once gives one copy of each text") {
  std::vector<std::vector<const char*>> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&seen, t] {
      for (int k = 0; k < 2000; ++k) seen[t].push_back(Interned("word " + std::to_string(k % 500)).c_str());
    });
  for (auto& thread : threads) thread.join();
  for (int t = 1; t < 4; ++t) CHECK(seen[t] == seen[0]);
  CHECK(seen[0][0] == seen[0][500]);
}

TEST_CASE("a tie takes 80 bytes and a node 160 (the 200 MB edge list's 10x of issue 15 rests on it)") {
  CHECK(sizeof(Edge) <= 80);
  CHECK(sizeof(Node) <= 160);
}

TEST_CASE("the id index finds every node, after growing, after renaming and across duplicates") {
  Coalition c;
  for (int i = 0; i < 100000; ++i) {  // ids of 1 to 7 characters (held in the slot) and longer ones
    Node n;
    n.id = i % 2 ? std::to_string(i) : "a longer id number " + std::to_string(i);
    CHECK(c.add_node(std::move(n)) == std::size_t(i));
  }
  bool all = true;
  for (int i = 0; i < 100000; ++i)
    all = all && c.find(i % 2 ? std::to_string(i) : "a longer id number " + std::to_string(i)) == std::size_t(i);
  CHECK(all);
  CHECK_FALSE(c.find("100001"));
  CHECK_FALSE(c.find(""));
  CHECK_THROWS_AS(c.add_node(Node{.id = "7"}), std::invalid_argument);
  const auto [at, added] = c.node_for_id("new");
  CHECK(added);
  CHECK(at == 100000);
  CHECK(c.node_for_id("new") == std::pair<std::size_t, bool>{100000, false});
  c.nodes[1].id = "renamed";
  c.reindex();
  CHECK(c.find("renamed") == 1u);
  CHECK_FALSE(c.find("1"));
  c.nodes[3].id = "renamed";  // a duplicate made in place: the first keeps the id, as before
  c.reindex();
  CHECK(c.find("renamed") == 1u);
  c.remove_nodes({0, 1});
  CHECK(c.find("renamed") == 1u);  // was node 3
  CHECK(c.find("new") == 99998u);
}
