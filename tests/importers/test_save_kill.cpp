// A save killed at any moment leaves the old or the new complete document, in every format:
// a child process saves a large coalition and is sent SIGKILL after a random delay, 1,000 times.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/model/coalition.hpp"
#include "formats_sample.hpp"
#include "importers/atomic_write.hpp"
#include "importers/csv.hpp"
#include "importers/io.hpp"
#include "importers/xlsx.hpp"

using namespace wijknet;
namespace fs = std::filesystem;

namespace {

// `nodes` partners with a sector, themes and attributes, each tied to three others; `tag` goes
// into every label, so two documents differ in every file of every format.
Coalition large_coalition(std::size_t nodes, const std::string& tag) {
  Coalition c;
  c.name = "Kill test " + tag;
  for (std::size_t i = 0; i < nodes; ++i) {
    Node n;
    n.id = "n" + std::to_string(i);
    n.label = "Organisatie " + std::to_string(i) + " " + tag;
    n.kind = i % 7 == 0 ? "resident" : "partner";
    n.sector = i % 3 == 0 ? "housing" : "welfare";
    n.themes = {"wonen", "zorg"};
    n.attrs["note"] = "Een omschrijving van organisatie " + std::to_string(i) + " in de wijk";
    n.attrs["size"] = int(i % 50);
    c.add_node(n);
  }
  for (std::size_t i = 0; i < nodes; ++i)
    for (std::size_t step : {1, 7, 31}) {
      Edge e;
      e.source = i;
      e.target = (i + step) % nodes;
      e.kind = "collaborates";
      e.weight = double(1 + (i + step) % 5);
      c.add_edge(e);
    }
  return c;
}

// The files one save of `path` writes: the path, and for CSV the nodes table too.
std::vector<std::string> files_of(const std::string& path) {
  if (fs::path(path).extension() == ".csv") return {path, csv_nodes_path_for(path)};
  return {path};
}

std::vector<std::string> contents_of(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& f : files_of(path)) out.push_back(fs::exists(f) ? test::read_text(f) : std::string("<missing>"));
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("save: 1,000 SIGKILLs at random moments leave every file the old or the new complete version") {
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // the same workbook gives the same bytes
  const fs::path dir = fs::temp_directory_path() / ("wijknet-kill-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "reference");

  const Coalition docs[2] = {large_coalition(1200, "A"), large_coalition(1201, "B")};
  std::vector<std::string> extensions;
  for (const auto& ext : writable_extensions())
    if (ext != ".txt" && ext != ".gv" && (ext != ".xlsx" || xlsx_available())) extensions.push_back(ext);

  // The complete files of each document in each format, and how long one save takes (the kills
  // are spread over that time; a kill after the save finished finds the new version).
  struct Format {
    std::string ext;
    std::vector<std::string> versions[2];
    double save_seconds = 0;
  };
  std::vector<Format> formats;
  for (const auto& ext : extensions) {
    Format f{ext, {}, 0};
    for (int d = 0; d < 2; ++d) {
      const std::string ref = (dir / "reference" / ("doc" + std::to_string(d) + ext)).string();
      const auto start = std::chrono::steady_clock::now();
      write_coalition(docs[d], ref);
      f.save_seconds = std::max(f.save_seconds, seconds_since(start));
      f.versions[d] = contents_of(ref);
    }
    REQUIRE(f.versions[0] != f.versions[1]);
    formats.push_back(f);
  }

  std::mt19937 random(20261202);
  std::vector<int> current(formats.size(), 0);
  for (std::size_t i = 0; i < formats.size(); ++i) write_coalition(docs[0], (dir / ("doc" + formats[i].ext)).string());
  int interrupted = 0, completed = 0;
  for (int kill = 0; kill < 1000; ++kill) {
    const std::size_t fi = std::size_t(kill) % formats.size();
    const Format& f = formats[fi];
    const std::string path = (dir / ("doc" + f.ext)).string();
    const int next = 1 - current[fi];
    // Up to one and a half save times after the fork (a fork and the child's start take some).
    const auto delay = std::chrono::duration<double>(std::uniform_real_distribution<double>(0, 1.5)(random) * f.save_seconds);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      try {
        write_coalition(docs[next], path);
      } catch (...) {
        ::_exit(2);
      }
      ::_exit(0);
    }
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(delay).count();
    timespec pause{time_t(ns / 1000000000), long(ns % 1000000000)};
    ::nanosleep(&pause, nullptr);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));

    // What the next open sees (read_coalition completes a committed save of several files first).
    finish_interrupted_save(path);
    const auto now = contents_of(path);
    CAPTURE(kill);
    CAPTURE(f.ext);
    const bool old_version = now == f.versions[current[fi]];
    const bool new_version = now == f.versions[next];
    REQUIRE((old_version || new_version));
    if (new_version) {
      current[fi] = next;
      ++completed;
    } else {
      ++interrupted;
    }
  }
  MESSAGE("1000 kills: " << interrupted << " left the old version, " << completed << " found the new one");

  // One more save of each: the temporary files the killed saves left are gone.
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const std::string path = (dir / ("doc" + formats[i].ext)).string();
    write_coalition(docs[0], path);
    CHECK(contents_of(path) == formats[i].versions[0]);
  }
  std::set<std::string> left, expected;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != "reference") left.insert(e.path().filename().string());
  for (const auto& f : formats)
    for (const auto& file : files_of((dir / ("doc" + f.ext)).string())) expected.insert(fs::path(file).filename().string());
  CHECK(left == expected);
  fs::remove_all(dir);
}
