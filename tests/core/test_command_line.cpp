// The declarative command-line parser the CLI and the viewer share (core/text/command_line.hpp).
#include <doctest/doctest.h>

#include "core/text/command_line.hpp"

using namespace wijknet;

namespace {

const CommandSpec spec{"demo",
                       "FILE [options]",
                       "A demo.",
                       1,
                       1,
                       {{"--json", "", "a flag"},
                        {"--at", "DATE", "a date"},
                        {"--grow", "N M", "two values"},
                        {"--add", "A:B", "repeatable", true},
                        {"--lang", "nl|en", "the language"}}};

std::string mistake(const std::vector<std::string>& argv) {
  try {
    Args a(spec, argv);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("command_line: flags, values, several values and repeated options") {
  Args a(spec, {"--json", "f.json", "--at=2024-05", "--grow", "10", "3", "--add", "x:y", "--add", "y:z"});
  CHECK(a.positional() == std::vector<std::string>{"f.json"});
  CHECK(a.flag("--json"));
  CHECK_FALSE(a.flag("--lang"));
  CHECK(a.value("--at") == "2024-05");
  CHECK(a.date("--at") == Date::parse("2024-05"));
  CHECK(a.values("--grow") == std::vector<std::string>{"10", "3"});
  CHECK(a.values("--add") == std::vector<std::string>{"x:y", "y:z"});
  CHECK(Args(spec, {"f", "--lang", "en"}).lang() == Lang::en);
}

TEST_CASE("command_line: mistakes in the same words for every program") {
  CHECK(mistake({"f", "--bogus"}) == "unknown option '--bogus'");
  CHECK(mistake({"f", "--at"}) == "option '--at' needs a value DATE");
  CHECK(mistake({"f", "--grow", "10"}) == "option '--grow' needs a value N M");
  CHECK(mistake({"f", "--json=1"}) == "option '--json' takes no value");
  CHECK(mistake({"f", "--at", "1", "--at", "2"}) == "option '--at' given twice");
  CHECK(mistake({}) == "missing argument");
  CHECK(mistake({"f", "g"}) == "unexpected argument 'g'");
  CHECK_THROWS_WITH_AS(Args(spec, {"f", "--at", "soon"}).date("--at"),
                       "--at: 'soon' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", UsageError);
  CHECK_THROWS_WITH_AS(Args(spec, {"f", "--lang", "fr"}).lang(), "--lang: 'fr' is not nl or en", UsageError);
}

TEST_CASE("command_line: the usage is written from the options") {
  const std::string u = usage_text(spec, "prog");
  CHECK(u.rfind("usage: prog demo FILE [options]\n\nA demo.\n", 0) == 0);
  CHECK(u.find("  --at DATE             a date\n") != std::string::npos);
  CHECK(u.find("  --help                show this text\n") != std::string::npos);
  CommandSpec multi{"", "[FILE]", "Multi.", 0, 1, {{"--x", "", "first line\nsecond line"}}};
  CHECK(usage_text(multi, "viewer").find("  --x                   first line\n                        second line\n") !=
        std::string::npos);
  CHECK(asks_for_help({"f", "-h"}));
  CHECK_FALSE(asks_for_help({"f"}));
}
