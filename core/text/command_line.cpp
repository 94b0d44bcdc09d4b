#include "core/text/command_line.hpp"

#include <sstream>

namespace wijknet {
namespace {

// How many values an option takes: one per word of its value ("N M": 2), none for a flag.
std::size_t arity(const OptionSpec& o) {
  std::istringstream words(o.value);
  std::size_t n = 0;
  for (std::string w; words >> w;) ++n;
  return n;
}

}  // namespace

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
      if (!opt->repeatable && given_.count(name)) throw UsageError("option '" + name + "' given twice");
      given_.insert(name);
      const std::size_t n = arity(*opt);
      if (n == 0) {
        if (has_inline) throw UsageError("option '" + name + "' takes no value");
      } else if (has_inline && n == 1) {
        values_.emplace(name, inline_value);
      } else {
        if (has_inline) throw UsageError("option '" + name + "' needs " + opt->value + " as separate arguments");
        if (i + n >= argv.size()) throw UsageError("option '" + name + "' needs a value " + opt->value);
        for (std::size_t k = 0; k < n; ++k) values_.emplace(name, argv[++i]);
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

std::string usage_text(const CommandSpec& spec, const std::string& program) {
  std::ostringstream out;
  out << "usage: " << program << (spec.name.empty() ? "" : " " + spec.name) << ' ' << spec.synopsis << "\n\n"
      << spec.summary << "\n";
  if (!spec.options.empty()) {
    out << "\noptions:\n";
    for (const auto& o : spec.options) {
      std::string left = "  " + o.name + (o.value.empty() ? "" : " " + o.value);
      if (left.size() < 24) left.resize(24, ' ');
      else left += "  ";
      std::string help = o.help;
      for (std::size_t nl = help.find('\n'); nl != std::string::npos; nl = help.find('\n', nl + 1))
        help.insert(nl + 1, std::string(24, ' '));
      out << left << help << '\n';
    }
  }
  out << "  --help                show this text\n";
  return out.str();
}

bool asks_for_help(const std::vector<std::string>& argv) {
  for (const auto& a : argv)
    if (a == "--help" || a == "-h") return true;
  return false;
}

}  // namespace wijknet
