#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/cli/run_cli.hpp"

using namespace wijknet::test;
namespace fs = std::filesystem;

namespace {
fs::path scratch(const std::string& name, const std::string& content) {
  const auto dir = fs::temp_directory_path() / ("wijknet-cli-basics-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}
}  // namespace

TEST_CASE("usage errors exit 1 and say what is wrong") {
  auto r = run_cli("");
  CHECK(r.status == 1);
  r = run_cli("frobnicate");
  CHECK(r.status == 1);
  CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
  r = run_cli("analyze");
  CHECK(r.status == 1);
  CHECK(r.err.find("usage: wijknet analyze") != std::string::npos);
  r = run_cli("analyze x.json --bogus");
  CHECK(r.status == 1);
  CHECK(r.err.find("unknown option '--bogus'") != std::string::npos);
  r = run_cli("analyze x.json --at 2015-13-01");
  CHECK(r.status == 1);
  CHECK(r.err.find("not a date") != std::string::npos);
}

TEST_CASE("--help for the program and every command exits 0") {
  auto r = run_cli("--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("analyze") != std::string::npos);
  for (const char* cmd : {"analyze"}) {
    r = run_cli(std::string(cmd) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find(std::string("usage: wijknet ") + cmd) != std::string::npos);
  }
}

TEST_CASE("bad input exits 2 with file:line:col, never a crash") {
  const std::string head = R"({"format": "wijknet/1", "name": "x", "nodes": [)";
  SUBCASE("truncated JSON") {
    const auto p = scratch("truncated.json", head + "\n  {\"id\": \"a\", \"kind\": \"partner\"}");
    auto r = run_cli("analyze " + quote(p.string()));
    CHECK(r.status == 2);
    CHECK(std::regex_search(r.err, std::regex(std::regex_replace(p.string(), std::regex("[.]"), "\\.") + ":2:[0-9]+: ")));
  }
  SUBCASE("edge to a missing node") {
    const auto p = scratch("missing.json", head + "\n  {\"id\": \"a\"}],\n \"edges\": [{\"source\": \"a\", \"target\": \"zz\"}]}\n");
    auto r = run_cli("analyze " + quote(p.string()));
    CHECK(r.status == 2);
    CHECK(r.err.find(p.string() + ":3:") != std::string::npos);
    CHECK(r.err.find("zz") != std::string::npos);
  }
  SUBCASE("duplicate id") {
    const auto p = scratch("dup.json", head + "\n  {\"id\": \"a\"},\n  {\"id\": \"a\"}]}\n");
    auto r = run_cli("analyze " + quote(p.string()));
    CHECK(r.status == 2);
    CHECK(r.err.find(p.string() + ":3:") != std::string::npos);
  }
  SUBCASE("a file that does not exist") {
    auto r = run_cli("analyze /nonexistent/coalition.json");
    CHECK(r.status == 2);
    CHECK(r.err.find("/nonexistent/coalition.json") != std::string::npos);
  }
}
