#include "importers/edgelist.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

struct Field {
  std::string_view text;
  std::size_t start;  // byte index in the line
};

// Shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
std::string number_text(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

}  // namespace

Coalition read_edgelist(std::istream& in, const std::string& source_name, ImportReport& report,
                        const ReadOptions& options) {
  const std::string text = read_text(in, source_name, report, options);
  Coalition c;
  // The edges are counted first (lines that are neither blank nor a comment) and reserved, so
  // the vector never doubles: a doubling of 10 million edges holds the old and the new array at
  // once, gigabytes for a 200 MB file. Capped by the limit, checked again by read_coalition.
  std::size_t edge_lines = 0;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i < text.size() && text[i] != '\n' && text[i] != '#' && text[i] != '%') ++edge_lines;
    const std::size_t eol = text.find('\n', i);
    i = eol == std::string::npos ? text.size() : eol + 1;
  }
  c.edges.reserve(std::min(edge_lines, options.limits.edges + 1));
  std::string_view rest(text);
  rest.remove_prefix(utf8_bom_length(rest));
  int line_number = 0;
  std::vector<Field> fields;
  auto node_index = [&](std::string_view id) {
    if (auto i = c.find(id)) return *i;
    Node n;
    n.id = std::string(id);
    n.label = n.id;
    n.kind = std::string(kinds::partner);
    return c.add_node(std::move(n));
  };
  while (!rest.empty()) {
    ++line_number;
    const std::size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);

    fields.clear();
    for (std::size_t i = 0; i < line.size();) {
      if (is_space(line[i])) {
        ++i;
        continue;
      }
      if (line[i] == '#' || line[i] == '%') break;  // comment to the end of the line
      const std::size_t start = i;
      while (i < line.size() && !is_space(line[i])) ++i;
      fields.push_back({line.substr(start, i - start), start});
    }
    if (fields.empty()) continue;
    auto at = [&](std::size_t byte) { return SourceLocation{source_name, line_number, column_at(line, byte)}; };
    if (fields.size() == 1)
      throw InputError(at(fields[0].start), "only one field '" + std::string(fields[0].text) +
                                                "'; expected 'source target [weight]'");
    if (fields.size() > 3)
      throw InputError(at(fields[3].start), "unexpected fourth field '" + std::string(fields[3].text) +
                                                "'; expected 'source target [weight]'");
    Edge e;
    e.source = node_index(fields[0].text);
    e.target = node_index(fields[1].text);
    e.kind = std::string(kinds::collaborates);
    if (fields.size() == 3) {
      auto value = read_plain_number(fields[2].text);
      if (!value)
        throw InputError(at(fields[2].start), "weight '" + std::string(fields[2].text) + "' is not a number");
      e.weight = *value;
    }
    c.edges.push_back(std::move(e));
  }
  (void)options;  // no warnings in this format: every line is either read or an error
  report.format = "edgelist";
  report.nodes_read = c.nodes.size();
  report.edges_read = c.edges.size();
  return c;
}

void write_edgelist(const Coalition& c, std::ostream& out) {
  // An id the reader would split or take for a comment is written with '_' for each space (and
  // a leading '_' before '#' or '%', "_" for an empty one), kept distinct from every other id.
  std::vector<std::string> written(c.nodes.size());
  std::unordered_set<std::string> taken;
  std::size_t changed = 0;
  for (const auto& n : c.nodes) taken.insert(n.id);
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const std::string& id = c.nodes[i].id;
    bool ok = !id.empty() && id[0] != '#' && id[0] != '%';
    for (char ch : id) ok = ok && !is_space(ch) && ch != '\n' && ch != '\r';
    if (ok) {
      written[i] = id;
      continue;
    }
    std::string w = id.empty() || id[0] == '#' || id[0] == '%' ? "_" + id : id;
    for (char& ch : w)
      if (is_space(ch) || ch == '\n' || ch == '\r') ch = '_';
    std::string unique = w;
    for (int k = 2; taken.count(unique); ++k) unique = w + "_" + std::to_string(k);
    taken.insert(unique);
    written[i] = unique;
    ++changed;
  }
  for (std::size_t i = 0; i < c.edges.size(); ++i)
    if (c.edges[i].source >= c.nodes.size() || c.edges[i].target >= c.nodes.size())
      throw WriteError("edge " + std::to_string(i) + " refers to a node that is not in the coalition");
  std::vector<bool> tied(c.nodes.size(), false);
  for (const auto& e : c.edges) tied[e.source] = tied[e.target] = true;
  std::size_t untied = 0;
  for (bool t : tied) untied += !t;

  out << "# wijknet edge list: source target [weight]\n";
  if (!c.name.empty()) {
    std::string name = c.name;
    for (char& ch : name)
      if (ch == '\n' || ch == '\r') ch = ' ';
    out << "# " << name << '\n';
  }
  if (untied > 0) out << "# " << untied << " node(s) without ties are not listed\n";
  if (changed > 0) out << "# " << changed << " id(s) with spaces written with '_'\n";
  for (const auto& e : c.edges) {
    out << written[e.source] << ' ' << written[e.target];
    if (e.weight != 1.0) out << ' ' << number_text(e.weight);
    out << '\n';
  }
}

}  // namespace wijknet
