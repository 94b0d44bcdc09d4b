// Runs the built `wijknet` binary the way a script would, capturing stdout, stderr and the exit status.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wijknet::test {

struct CliResult {
  int status = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `args` is appended as is: quote paths with quote().
inline CliResult run_cli(const std::string& args) {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() / ("wijknet-cli-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto out = dir / ("out" + std::to_string(counter) + ".txt");
  const auto err = dir / ("err" + std::to_string(counter++) + ".txt");
  const std::string cmd = quote(WIJKNET_CLI) + " " + args + " >" + quote(out.string()) + " 2>" + quote(err.string()) +
                          " </dev/null";
  const int raw = std::system(cmd.c_str());
  CliResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline std::string source_path(const std::string& relative) { return std::string(WIJKNET_SOURCE_DIR) + "/" + relative; }

// The bundled Laak sample. Its residents are resident groups (`"resident": "group"`), which are
// organisations and keep their names in exports for others.
inline const std::string laak_sample = source_path("assets/laak.json");

// Laak with two resident persons added (each tied to the broker and to a project, with a phone
// number), written once per test process: the fixture that proves persons are pseudonymised.
inline const std::string& laak_with_persons() {
  static const std::string path = [] {
    auto doc = nlohmann::ordered_json::parse(slurp(laak_sample));
    auto person = [&](const char* id, const char* label, const char* phone) {
      doc["nodes"].push_back({{"id", id}, {"label", label}, {"kind", "resident"}, {"sector", "residents"},
                              {"since", "2017-03-01"}, {"attrs", {{"resident", "person"}, {"phone", phone}}}});
      doc["edges"].push_back({{"source", id}, {"target", "wijkmakelaar"}, {"kind", "collaborates"}});
      doc["edges"].push_back({{"source", id}, {"target", "p-portieken"}, {"kind", "participates"}});
    };
    person("fatima-el-amrani", "Fatima El Amrani", "06-11112222");
    person("jan-de-vries", "Jan de Vries", "06-33334444");
    const auto file = std::filesystem::temp_directory_path() / ("wijknet-laak-persons-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << doc.dump(2);
    return file.string();
  }();
  return path;
}

// The labels of a document's resident persons (what --anonymize must hide), or with `groups` of
// its resident groups (what it must keep).
inline std::vector<std::string> resident_labels(const std::string& path, bool groups = false) {
  const auto doc = nlohmann::json::parse(slurp(path));
  std::vector<std::string> out;
  for (const auto& n : doc["nodes"]) {
    if (n.value("kind", "") != "resident") continue;
    const bool group = n.contains("attrs") && n["attrs"].value("resident", "") == "group";
    if (group == groups) out.push_back(n["label"]);
  }
  return out;
}

}  // namespace wijknet::test
