// wijknet diff A B [--json] [--lang nl|en]
// A side is FILE or FILE@DATE, so one file can be compared at two dates.
#include <iostream>

#include "cli/command.hpp"
#include "core/assess/diff.hpp"
#include "core/assess/health.hpp"

namespace wijknet::cli {
namespace {

struct Side {
  std::string file;
  std::optional<Date> at;
  std::string name() const { return at ? file + "@" + at->str() : file; }
};

Side parse_side(const std::string& text) {
  Side s{text, std::nullopt};
  if (auto at = text.rfind('@'); at != std::string::npos && at + 1 < text.size()) {
    if (auto d = Date::parse(text.substr(at + 1))) s = {text.substr(0, at), d};
  }
  return s;
}

int run(const Args& args) {
  const Lang lang = args.lang();
  const Side a = parse_side(args.positional()[0]), b = parse_side(args.positional()[1]);
  const CoalitionDiff d = diff_sides(load(a.file, args), a.at, load(b.file, args), b.at);

  if (args.flag("--json")) {
    Json j = diff_json(d);
    j["before"] = a.name();
    j["after"] = b.name();
    std::cout << j.dump(2) << '\n';
    return Exit::ok;
  }
  std::cout << tr(lang, "diff.title", {a.name(), b.name()}) << "\n\n";
  auto list = [&](const char* key, const std::vector<CoalitionDiff::NodeChange>& nodes) {
    std::cout << tr(lang, key, {std::to_string(nodes.size())}) << '\n';
    for (const auto& n : nodes) std::cout << "  " << n.label << " (" << n.kind << (n.sector.empty() ? "" : ", " + n.sector) << ")\n";
  };
  list("diff.joined", d.joined);
  list("diff.left", d.left);
  auto ties = [&](const char* key, const std::vector<CoalitionDiff::TieChange>& t) {
    std::cout << tr(lang, key, {std::to_string(t.size())}) << '\n';
    for (const auto& e : t) std::cout << "  " << e.source_label << " - " << e.target_label << " (" << e.kind << ")\n";
  };
  ties("diff.ties_made", d.ties_made);
  ties("diff.ties_lost", d.ties_lost);
  std::cout << tr(lang, "diff.health_title") << '\n';
  for (const auto& h : d.health) {
    std::cout << tr(lang, "diff.health", {h.id == "score" ? tr(lang, "diff.overall") : indicator_title(lang, h.id), h.before ? format_number(lang, *h.before, 0) : "-",
                                          h.after ? format_number(lang, *h.after, 0) : "-"})
              << '\n';
  }
  return Exit::ok;
}

}  // namespace

Command diff_command() {
  return {{"diff",
           "A B [--json] [--lang nl|en]",
           "What changed between two versions: partners who joined or left, ties made or lost, health. "
           "A side is FILE or FILE@DATE.",
           2,
           2,
           {{"--json", "", "machine-readable output"},
            {"--strict", "", "treat every import warning as an error"},
            {"--lang", "nl|en", "language of the text (default: the system locale)"}}},
          run};
}

}  // namespace wijknet::cli
