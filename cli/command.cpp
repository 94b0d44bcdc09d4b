#include "cli/command.hpp"

#include <iostream>
#include <sstream>

namespace wijknet::cli {

Args::Args(const CommandSpec& spec, const std::vector<std::string>& argv) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string name = a, inline_value;
      bool has_inline = false;
      if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
        name = a.substr(0, eq);
        inline_value = a.substr(eq + 1);
        has_inline = true;
      }
      const OptionSpec* opt = nullptr;
      for (const auto& o : spec.options)
        if (o.name == name) opt = &o;
      if (!opt) throw UsageError("unknown option '" + name + "'");
      if (!opt->repeatable && values_.count(name)) throw UsageError("option '" + name + "' given twice");
      if (opt->value.empty()) {
        if (has_inline) throw UsageError("option '" + name + "' takes no value");
        values_.emplace(name, "");
      } else if (has_inline) {
        values_.emplace(name, inline_value);
      } else {
        if (i + 1 >= argv.size()) throw UsageError("option '" + name + "' needs a value " + opt->value);
        values_.emplace(name, argv[++i]);
      }
      continue;
    }
    positional_.push_back(a);
  }
  if (positional_.size() < spec.min_positional) throw UsageError("missing argument");
  if (positional_.size() > spec.max_positional) throw UsageError("unexpected argument '" + positional_.back() + "'");
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::values(const std::string& name) const {
  std::vector<std::string> out;
  auto [b, e] = values_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

std::optional<Date> Args::date(const std::string& name) const {
  auto v = value(name);
  if (!v) return std::nullopt;
  auto d = Date::parse(*v);
  if (!d) throw UsageError(name + ": '" + *v + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  return d;
}

Lang Args::lang() const {
  auto v = value("--lang");
  if (!v) return system_lang();
  auto l = parse_lang(*v);
  if (!l || v->size() != 2) throw UsageError("--lang: '" + *v + "' is not nl or en");
  return *l;
}

Coalition load(const std::string& path, const Args& args) {
  ImportReport report;
  ReadOptions options;
  options.strict = args.flag("--strict");
  if (auto e = args.value("--encoding")) options.encoding = *e;  // commands that offer them
  if (auto s = args.value("--sheet")) options.sheet = *s;
  Coalition c = read_coalition(path, &report, options);
  for (const auto& w : report.warnings) std::cerr << "warning: " << w << '\n';
  return c;
}

std::string usage_text(const CommandSpec& spec) {
  std::ostringstream out;
  out << "usage: wijknet " << spec.name << ' ' << spec.synopsis << "\n\n" << spec.summary << "\n";
  if (!spec.options.empty()) {
    out << "\noptions:\n";
    for (const auto& o : spec.options) {
      std::string left = "  " + o.name + (o.value.empty() ? "" : " " + o.value);
      if (left.size() < 24) left.resize(24, ' ');
      else left += "  ";
      out << left << o.help << '\n';
    }
  }
  out << "  --help                show this text\n";
  return out.str();
}

}  // namespace wijknet::cli
