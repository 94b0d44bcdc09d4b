#include "importers/pajek.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <unordered_set>
#include <vector>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/csv_table.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {
namespace {

struct Word {
  std::string text;
  int column = 1;
  bool quoted = false;
};

// Splits one line into words; "double quoted" words may hold spaces.
std::vector<Word> split_words(std::string_view line, const std::string& source, int line_no) {
  std::vector<Word> words;
  int column = 1;
  std::size_t i = 0;
  auto step = [&] {
    if (!utf8_continuation(line[i])) ++column;
    ++i;
  };
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      step();
      continue;
    }
    Word w;
    w.column = column;
    if (line[i] == '"') {
      w.quoted = true;
      step();
      std::size_t start = i;
      while (i < line.size() && line[i] != '"') step();
      if (i >= line.size()) throw InputError({source, line_no, w.column}, "quoted label is never closed (a '\"' is missing)");
      w.text = std::string(line.substr(start, i - start));
      step();
    } else {
      std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') step();
      w.text = std::string(line.substr(start, i - start));
    }
    words.push_back(std::move(w));
  }
  return words;
}

enum class Section { none, vertices, arcs, edges, arcslist, edgeslist, matrix, skipped };

const std::set<std::string>& vertex_shapes() {
  static const std::set<std::string> s = {"ellipse", "box", "diamond", "triangle", "cross", "empty"};
  return s;
}

class Reader {
 public:
  Reader(const std::string& source, ImportReport& report, const ReadOptions& options)
      : source_(source), report_(report), options_(options) {}

  Coalition read(std::string_view text) {
    text_size_ = text.size();
    std::size_t pos = utf8_bom_length(text);
    int line_no = 0;
    while (pos <= text.size()) {
      auto nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no;
      handle(line, line_no);
      if (nl >= text.size()) break;
      pos = nl + 1;
    }
    finish_vertices();
    if (section_ == Section::matrix) finish_matrix(line_no);
    return std::move(c_);
  }

 private:
  SourceLocation at(int line, int column = 0) const { return {source_, line, column}; }

  void handle(std::string_view line, int line_no) {
    auto words = split_words(line, source_, line_no);
    if (words.empty()) return;
    if (!words[0].quoted && words[0].text[0] == '%') return;  // comment
    if (!words[0].quoted && words[0].text[0] == '*') {
      start_section(words, line_no);
      return;
    }
    switch (section_) {
      case Section::none:
        throw InputError(at(line_no, words[0].column), "expected *Vertices before the first vertex or edge");
      case Section::vertices: vertex_line(words, line_no); break;
      case Section::arcs:
      case Section::edges: edge_line(words, line_no); break;
      case Section::arcslist:
      case Section::edgeslist: list_line(words, line_no); break;
      case Section::matrix: matrix_line(words, line_no); break;
      case Section::skipped: break;
    }
  }

  void start_section(const std::vector<Word>& words, int line_no) {
    if (section_ == Section::matrix) finish_matrix(line_no);
    std::string name = ascii_lower(words[0].text);
    relation_.clear();
    if (name == "*network") {
      std::string rest;
      for (std::size_t i = 1; i < words.size(); ++i) rest += (i > 1 ? " " : "") + words[i].text;
      c_.name = rest;
      section_ = Section::none;
      return;
    }
    if (name == "*vertices") {
      if (vertices_seen_) throw InputError(at(line_no, words[0].column), "a second *Vertices section");
      if (words.size() < 2) throw InputError(at(line_no, words[0].column), "*Vertices needs the number of vertices");
      auto n = read_plain_integer(words[1].text);
      if (!n || *n < 0 || *n > 100000000)
        throw InputError(at(line_no, words[1].column), "number of vertices '" + words[1].text + "' is not a whole number");
      // A declared count allocates nothing the file cannot hold: vertices a file does not list
      // exist all the same in Pajek, so up to one per byte of the file (at least 1,024), and never
      // more than ReadLimits::nodes. "*Vertices 100000000" in 20 bytes is refused, not allocated.
      const std::size_t can_hold = std::min(options_.limits.nodes, std::max<std::size_t>(1024, text_size_));
      if (static_cast<std::size_t>(*n) > can_hold)
        throw InputError(at(line_no, words[1].column),
                         "*Vertices " + words[1].text + " declares more vertices than this file can hold (" +
                             std::to_string(can_hold) + ": one per byte of the file, at most the limit " +
                             std::to_string(options_.limits.nodes) + ", WIJKNET_LIMITS=nodes=N)");
      n_ = static_cast<std::size_t>(*n);
      if (words.size() >= 3) {
        auto n1 = read_plain_integer(words[2].text);
        if (!n1 || *n1 < 0 || static_cast<std::size_t>(*n1) > n_)
          throw InputError(at(line_no, words[2].column), "size of the first mode '" + words[2].text + "' is not a whole number up to " + std::to_string(n_));
        first_mode_ = static_cast<std::size_t>(*n1);
        two_mode_ = true;
      }
      labels_.assign(n_, "");
      vertex_attrs_.assign(n_, Json::object());
      vertex_fields_.assign(n_, Node{});
      positions_.assign(n_, std::nullopt);
      vertices_seen_ = true;
      section_ = Section::vertices;
      return;
    }
    finish_vertices();
    if (!vertices_seen_ && (name == "*arcs" || name == "*edges" || name == "*arcslist" || name == "*edgeslist" || name == "*matrix"))
      throw InputError(at(line_no, words[0].column), "expected *Vertices before " + words[0].text);
    if (name == "*arcs" || name == "*edges") {
      section_ = name == "*arcs" ? Section::arcs : Section::edges;
      // A relation: "*Arcs :2 "advice"" -> its label is the kind of these ties.
      if (words.size() >= 3 && words[1].text.size() > 1 && words[1].text[0] == ':') relation_ = words[2].text;
    } else if (name == "*arcslist" || name == "*edgeslist") {
      section_ = name == "*arcslist" ? Section::arcslist : Section::edgeslist;
    } else if (name == "*matrix") {
      section_ = Section::matrix;
      matrix_.clear();
      matrix_line_ = line_no;
    } else {
      add_warning(report_, options_, at(line_no, words[0].column), "section " + words[0].text + " is not read");
      section_ = Section::skipped;
    }
  }

  // A parameter's date (since, until); an error at the value when it is none.
  std::optional<Date> date(const Word& w, int line_no) {
    auto d = Date::parse(field_text(w.text));
    if (!d) throw InputError(at(line_no, w.column), "'" + w.text + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return d;
  }

  void vertex_line(const std::vector<Word>& w, int line_no) {
    auto num = read_plain_integer(w[0].text);
    if (!num || *num < 1 || static_cast<std::size_t>(*num) > n_)
      throw InputError(at(line_no, w[0].column), "vertex number '" + w[0].text + "' is not between 1 and " + std::to_string(n_));
    std::size_t v = static_cast<std::size_t>(*num - 1);
    if (w.size() >= 2) labels_[v] = w[1].text;
    std::size_t i = 2;
    // Coordinates: X Y [Z], when they are numbers.
    if (w.size() >= i + 2) {
      auto x = read_plain_number(w[i].text), y = read_plain_number(w[i + 1].text);
      if (x && y) {
        positions_[v] = std::array<double, 2>{*x, *y};
        i += 2;
        if (i < w.size() && !w[i].quoted)
          if (auto z = read_plain_number(w[i].text)) {
            if (*z != 0) vertex_attrs_[v]["z"] = *z;
            ++i;
          }
      } else if (x) {
        throw InputError(at(line_no, w[i + 1].column), "coordinate '" + w[i + 1].text + "' is not a number");
      }
    }
    if (i < w.size() && !w[i].quoted && vertex_shapes().count(ascii_lower(w[i].text))) {
      if (ascii_lower(w[i].text) != "ellipse") vertex_attrs_[v]["shape"] = w[i].text;
      ++i;
    }
    for (; i < w.size(); i += 2) {
      if (i + 1 >= w.size()) {
        add_warning(report_, options_, at(line_no, w[i].column), "parameter '" + w[i].text + "' has no value; ignored");
        break;
      }
      const std::string& key = w[i].text;
      const std::string& value = w[i + 1].text;
      Node& f = vertex_fields_[v];
      const Field field = node_field(key);  // a "label" parameter stays one: the label is the quoted word
      if (set_node_text_field(f, field, value)) continue;
      else if (field == Field::since) f.since = date(w[i + 1], line_no);
      else if (field == Field::until) f.until = date(w[i + 1], line_no);
      else vertex_attrs_[v][key] = w[i + 1].quoted ? Json(value) : infer_value(value);
    }
  }

  // Creates the nodes once all vertex lines are read (ids depend on all labels).
  void finish_vertices() {
    if (!vertices_seen_ || nodes_made_) return;
    nodes_made_ = true;
    // Labels are ids when they are distinct, also from the numbers of unlabelled vertices.
    std::unordered_set<std::string> seen;
    bool unique = true;
    for (std::size_t v = 0; v < n_; ++v)
      if (!seen.insert(labels_[v].empty() ? std::to_string(v + 1) : labels_[v]).second) unique = false;
    for (std::size_t v = 0; v < n_; ++v) {
      Node n;
      std::string number = std::to_string(v + 1);
      n.id = unique && !labels_[v].empty() ? labels_[v] : number;
      n.label = labels_[v].empty() ? number : labels_[v];
      n.kind = std::move(vertex_fields_[v].kind);
      n.sector = std::move(vertex_fields_[v].sector);
      n.role = std::move(vertex_fields_[v].role);
      n.themes = std::move(vertex_fields_[v].themes);
      n.since = vertex_fields_[v].since;
      n.until = vertex_fields_[v].until;
      n.attrs = std::move(vertex_attrs_[v]);
      if (n.kind.empty()) n.kind = std::string(two_mode_ && v >= first_mode_ ? kinds::project : kinds::partner);
      if (positions_[v]) c_.layout[n.id] = *positions_[v];
      c_.add_node(std::move(n));
    }
    if (two_mode_ && first_mode_ < n_)
      report_.warnings.push_back(source_ + ": two-mode network: vertices " + std::to_string(first_mode_ + 1) + ".." +
                                 std::to_string(n_) + " taken as projects");
  }

  std::size_t vertex(const Word& w, int line_no) {
    auto num = read_plain_integer(w.text);
    if (!num || *num < 1 || static_cast<std::size_t>(*num) > n_)
      throw InputError(at(line_no, w.column), "vertex number '" + w.text + "' is not between 1 and " + std::to_string(n_));
    return static_cast<std::size_t>(*num - 1);
  }

  bool directed_section() const { return section_ == Section::arcs || section_ == Section::arcslist; }

  void edge_line(const std::vector<Word>& w, int line_no) {
    if (w.size() < 2) throw InputError(at(line_no, w[0].column), "a tie needs two vertex numbers");
    Edge e;
    e.source = vertex(w[0], line_no);
    e.target = vertex(w[1], line_no);
    e.directed = directed_section();
    e.kind = relation_;
    std::size_t i = 2;
    if (i < w.size()) {
      if (auto weight = read_plain_number(w[i].text)) {
        e.weight = *weight;
        ++i;
      } else if ((w.size() - i) % 2 == 1) {
        // Not key-value pairs either: a weight that is not a number.
        throw InputError(at(line_no, w[i].column), "weight '" + w[i].text + "' is not a number");
      }
    }
    for (; i < w.size(); i += 2) {
      if (i + 1 >= w.size()) {
        add_warning(report_, options_, at(line_no, w[i].column), "parameter '" + w[i].text + "' has no value; ignored");
        break;
      }
      const std::string key = w[i].text, k = field_key(key);
      const Field field = edge_field(key);  // "directed" stays a parameter: the section says the direction
      if (field == Field::kind) e.kind = field_text(w[i + 1].text);
      else if (field == Field::since) e.since = date(w[i + 1], line_no);
      else if (field == Field::until) e.until = date(w[i + 1], line_no);
      else if (field == Field::weight) {
        auto weight = read_plain_number(w[i + 1].text);
        if (!weight) throw InputError(at(line_no, w[i + 1].column), "weight '" + w[i + 1].text + "' is not a number");
        e.weight = *weight;
      } else if (k == "l" || k == "label") e.attrs["label"] = w[i + 1].text;
      else e.attrs[key] = w[i + 1].quoted ? Json(w[i + 1].text) : infer_value(w[i + 1].text);
    }
    if (e.kind.empty()) e.kind = std::string(kinds::collaborates);
    c_.add_edge(std::move(e));
  }

  void list_line(const std::vector<Word>& w, int line_no) {
    std::size_t from = vertex(w[0], line_no);
    for (std::size_t i = 1; i < w.size(); ++i) {
      Edge e;
      e.source = from;
      e.target = vertex(w[i], line_no);
      e.directed = directed_section();
      e.kind = std::string(kinds::collaborates);
      c_.add_edge(std::move(e));
    }
  }

  void matrix_line(const std::vector<Word>& w, int line_no) {
    std::vector<double> row;
    for (const auto& word : w) {
      auto v = read_plain_number(word.text);
      if (!v) throw InputError(at(line_no, word.column), "matrix cell '" + word.text + "' is not a number");
      row.push_back(*v);
    }
    const std::size_t columns = two_mode_ ? n_ - first_mode_ : n_;
    if (row.size() != columns)
      throw InputError(at(line_no, w.back().column), "matrix row has " + std::to_string(row.size()) + " cells; expected " +
                                                         std::to_string(columns));
    matrix_.push_back(std::move(row));
  }

  void finish_matrix(int line_no) {
    if (section_ != Section::matrix) return;
    section_ = Section::none;
    const std::size_t rows = two_mode_ ? first_mode_ : n_;
    if (matrix_.size() != rows)
      throw InputError(at(line_no), "*Matrix on line " + std::to_string(matrix_line_) + " has " +
                                        std::to_string(matrix_.size()) + " rows; expected " + std::to_string(rows));
    bool symmetric = !two_mode_;
    for (std::size_t i = 0; symmetric && i < rows; ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (matrix_[i][j] != matrix_[j][i]) symmetric = false;
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < matrix_[i].size(); ++j) {
        if (matrix_[i][j] == 0) continue;
        if (symmetric && j < i) continue;
        Edge e;
        e.source = i;
        e.target = two_mode_ ? first_mode_ + j : j;
        e.weight = matrix_[i][j];
        e.directed = !symmetric && !two_mode_;
        e.kind = std::string(kinds::collaborates);
        c_.add_edge(std::move(e));
      }
    }
    matrix_.clear();
  }

  const std::string& source_;
  ImportReport& report_;
  const ReadOptions& options_;
  Coalition c_;
  Section section_ = Section::none;
  std::string relation_;
  bool vertices_seen_ = false, nodes_made_ = false, two_mode_ = false;
  std::size_t n_ = 0, first_mode_ = 0;
  std::size_t text_size_ = 0;  // bytes of the whole file: what a declared count may claim
  std::vector<std::string> labels_;
  std::vector<Json> vertex_attrs_;
  std::vector<Node> vertex_fields_;  // the fields a vertex line sets (importers/fields.hpp)
  std::vector<std::optional<std::array<double, 2>>> positions_;
  std::vector<std::vector<double>> matrix_;
  int matrix_line_ = 0;
};

std::string pajek_label(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '\'';
    else if (ch == '\n' || ch == '\r') out += ' ';
    else out += ch;
  }
  out += '"';
  return out;
}

std::string number_text(double v) { return Json(v).dump(); }

}  // namespace

Coalition read_pajek(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  report.format = "pajek";
  const std::string text = read_text(in, source_name, report, options);
  Reader reader(source_name, report, options);
  return reader.read(text);
}

void write_pajek(const Coalition& c, std::ostream& out) {
  if (!c.name.empty()) {
    std::string name = c.name;
    for (auto& ch : name)
      if (ch == '\n' || ch == '\r') ch = ' ';
    out << "*Network " << name << "\n";
  }
  out << "*Vertices " << c.nodes.size() << "\n";
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const Node& n = c.nodes[i];
    out << i + 1 << ' ' << pajek_label(n.label.empty() ? n.id : n.label);
    if (auto it = c.layout.find(n.id); it != c.layout.end())
      out << ' ' << number_text(it->second[0]) << ' ' << number_text(it->second[1]) << " 0.0";
    out << "\n";
  }
  bool any_arcs = false, any_edges = false;
  for (const auto& e : c.edges) (e.directed ? any_arcs : any_edges) = true;
  for (bool directed : {true, false}) {
    if (directed ? !any_arcs : !any_edges) continue;
    out << (directed ? "*Arcs" : "*Edges") << "\n";
    for (const auto& e : c.edges)
      if (e.directed == directed) out << e.source + 1 << ' ' << e.target + 1 << ' ' << number_text(e.weight) << "\n";
  }
}

}  // namespace wijknet
