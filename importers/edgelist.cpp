#include "importers/edgelist.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/model/id_index.hpp"
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

// Calls on_line for each line of `text` as read_text would give them: '\n' ends a line, and so
// does a '\r' that is not followed by '\n' (read_text turns it into one); the '\r' of "\r\n"
// stays at the end of its line, white space to the reader. Unless `last`, an unfinished last line
// is left for the next call with more text; returns how many bytes were taken.
template <class F>
std::size_t split_lines(std::string_view text, bool last, F&& on_line) {
  std::size_t start = 0;
  while (start < text.size()) {
    const char* nl = static_cast<const char*>(std::memchr(text.data() + start, '\n', text.size() - start));
    if (!nl && !last) break;
    const std::size_t end = nl ? std::size_t(nl - text.data()) : text.size();
    for (const char* cr; (cr = static_cast<const char*>(std::memchr(text.data() + start, '\r', end - start)));) {
      const std::size_t at = std::size_t(cr - text.data());
      if (nl && at + 1 == end) break;  // "\r\n"
      on_line(text.substr(start, at - start));
      start = at + 1;
    }
    if (start < end || nl) on_line(text.substr(start, end - start));
    start = nl ? end + 1 : text.size();
  }
  return start;
}

// A line with a tie on it: neither blank nor a comment.
bool edge_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  return i < line.size() && line[i] != '#' && line[i] != '%';
}

constexpr std::size_t chunk_bytes = std::size_t(1) << 20;

// Reads `in` a chunk at a time, calling on_lines with the text of whole lines (after a UTF-8
// byte-order mark) and `last` on the final call. Returns false when the stream cannot be read
// this way (it cannot seek back, or starts with a UTF-16 byte-order mark).
template <class F>
bool for_each_chunk(std::istream& in, std::streampos start, F&& on_lines) {
  in.clear();
  if (!in.seekg(start)) return false;
  std::string buffer;
  bool first = true;
  for (;;) {
    const std::size_t kept = buffer.size();
    buffer.resize(kept + chunk_bytes);
    in.read(buffer.data() + kept, std::streamsize(chunk_bytes));
    buffer.resize(kept + std::size_t(in.gcount()));
    if (in.bad()) return true;  // read_coalition reports the read error
    const bool last = in.eof();
    std::size_t from = 0;
    if (first) {
      first = false;
      if (buffer.rfind("\xFF\xFE", 0) == 0 || buffer.rfind("\xFE\xFF", 0) == 0) return false;
      from = utf8_bom_length(buffer);
    }
    const std::size_t taken = on_lines(std::string_view(buffer).substr(from), last);
    if (last) return true;
    buffer.erase(0, from + taken);
  }
}

struct EdgeListReader {
  const std::string& source_name;
  Coalition c;
  int line_number = 0;
  std::vector<Field> fields;
  const Interned partner{kinds::partner}, collaborates{kinds::collaborates};

  void reserve(std::size_t edge_lines, const ReadOptions& options) {
    // The edges are counted first and reserved, so the vector never doubles: a doubling of 10
    // million edges holds the old and the new array at once, gigabytes for a 200 MB file.
    if (edge_lines > options.limits.edges)  // refused before the edges take their memory
      throw InputError(SourceLocation{source_name}, std::to_string(edge_lines) + " edges; wijknet reads up to " +
                                                       std::to_string(options.limits.edges) +
                                                       " (WIJKNET_LIMITS=edges=N raises the limit)");
    c.edges.reserve(edge_lines);
  }

  // The ids while the file is read: one text of all ids and where each ends, found by `index`.
  // The nodes are made at the end (finish), all at once: a vector of nodes growing by doubling
  // would hold the old and the new array at once, a tenth of the peak on a large list.
  std::string ids;
  std::vector<std::size_t> id_ends;
  IdIndex index;

  std::string_view id_of(std::uint32_t i) const {
    const std::size_t start = i == 0 ? 0 : id_ends[i - 1];
    return std::string_view(ids).substr(start, id_ends[i] - start);
  }

  NodeIndex node_index(std::string_view id) {
    const std::uint32_t hash = IdIndex::hash_of(id);
    if (const auto i = index.find(id, hash, [&](std::uint32_t k) { return id_of(k); }); i != IdIndex::empty) return i;
    if (id_ends.size() >= IdIndex::empty - 1)  // 32-bit node numbers; far past any limit
      throw InputError(SourceLocation{source_name, line_number}, "more than 4 billion nodes; wijknet cannot read them");
    ids += id;
    id_ends.push_back(ids.size());
    index.insert(id, hash, std::uint32_t(id_ends.size() - 1));
    return NodeIndex(id_ends.size() - 1);
  }

  void finish() {
    index = IdIndex();
    c.nodes.reserve(id_ends.size());
    for (std::uint32_t i = 0; i < id_ends.size(); ++i) {
      Node& n = c.nodes.emplace_back();
      n.id = id_of(i);
      n.label = n.id;
      n.kind = partner;
    }
    std::string().swap(ids);
    std::vector<std::size_t>().swap(id_ends);
    c.reindex();
  }

  void line(std::string_view line) {
    ++line_number;
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
    if (fields.empty()) return;
    auto at = [&](std::size_t byte) { return SourceLocation{source_name, line_number, column_at(line, byte)}; };
    if (fields.size() == 1)
      throw InputError(at(fields[0].start), "only one field '" + std::string(fields[0].text) +
                                                "'; expected 'source target [weight]'");
    if (fields.size() > 3)
      throw InputError(at(fields[3].start), "unexpected fourth field '" + std::string(fields[3].text) +
                                                "'; expected 'source target [weight]'");
    Edge& e = c.edges.emplace_back();
    e.source = node_index(fields[0].text);
    e.target = node_index(fields[1].text);
    e.kind = collaborates;
    if (fields.size() == 3) {
      auto value = read_plain_number(fields[2].text);
      if (!value)
        throw InputError(at(fields[2].start), "weight '" + std::string(fields[2].text) + "' is not a number");
      e.weight = *value;
    }
  }
};

}  // namespace

Coalition read_edgelist(std::istream& in, const std::string& source_name, ImportReport& report,
                        const ReadOptions& options) {
  EdgeListReader r{source_name};
  // A UTF-8 file (nearly every edge list) is read a chunk at a time, twice: once to count the
  // edges and check the encoding, once to read them. The text is never held whole, which keeps
  // a file's size off the peak memory. Anything else (another encoding, a stream that cannot
  // seek back) is decoded whole by read_text first.
  const std::streampos start = options.encoding.empty() ? in.tellg() : std::streampos(-1);
  bool utf8 = start != std::streampos(-1);
  std::size_t edge_lines = 0;
  if (utf8)
    utf8 = for_each_chunk(in, start, [&](std::string_view text, bool last) {
      const std::size_t taken = split_lines(text, last, [&](std::string_view line) { edge_lines += edge_line(line); });
      utf8 = utf8 && valid_utf8(text.substr(0, taken));
      return taken;
    }) && utf8;
  if (utf8) {
    r.reserve(edge_lines, options);
    for_each_chunk(in, start, [&](std::string_view text, bool last) {
      return split_lines(text, last, [&](std::string_view line) { r.line(line); });
    });
  } else {
    in.clear();
    if (start != std::streampos(-1)) in.seekg(start);
    std::string text = read_text(in, source_name, report, options);
    const std::string_view body = std::string_view(text).substr(utf8_bom_length(text));
    split_lines(body, true, [&](std::string_view line) { edge_lines += edge_line(line); });
    r.reserve(edge_lines, options);
    split_lines(body, true, [&](std::string_view line) { r.line(line); });
  }
  r.finish();
  Coalition c = std::move(r.c);
  report.format = "edgelist";
  report.nodes_read = c.nodes.size();
  report.edges_read = c.edges.size();
  return c;
}

void write_edgelist(const Coalition& c, std::ostream& out) {
  // An id the reader would split or take for a comment is written with '_' for each space (and
  // a leading '_' before '#' or '%', "_" for an empty one), kept distinct from every other id.
  // Only the ids that need it get a new text (kept here), so a large list costs no copy of its ids.
  std::unordered_map<std::size_t, std::string> renamed;
  std::unordered_set<std::string> made;
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const std::string& id = c.nodes[i].id;
    bool ok = !id.empty() && id[0] != '#' && id[0] != '%';
    for (char ch : id) ok = ok && !is_space(ch) && ch != '\n' && ch != '\r';
    if (ok) continue;
    std::string w = id.empty() || id[0] == '#' || id[0] == '%' ? "_" + id : id;
    for (char& ch : w)
      if (is_space(ch) || ch == '\n' || ch == '\r') ch = '_';
    std::string unique = w;
    for (int k = 2; c.find(unique) || made.count(unique); ++k) unique = w + "_" + std::to_string(k);
    made.insert(unique);
    renamed.emplace(i, std::move(unique));
  }
  const std::size_t changed = renamed.size();
  auto written = [&](std::size_t i) -> const std::string& {
    if (renamed.empty()) return c.nodes[i].id;
    const auto it = renamed.find(i);
    return it == renamed.end() ? c.nodes[i].id : it->second;
  };
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
    out << written(e.source) << ' ' << written(e.target);
    if (e.weight != 1.0) out << ' ' << number_text(e.weight);
    out << '\n';
  }
}

}  // namespace wijknet
