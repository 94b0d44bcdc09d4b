#include "importers/csv.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <istream>
#include <ostream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/text/error.hpp"
#include "core/text/number_text.hpp"
#include "importers/atomic_write.hpp"
#include "importers/csv_table.hpp"
#include "importers/fields.hpp"
#include "importers/source_text.hpp"
#include "importers/text_encoding.hpp"

namespace wijknet {

namespace {

// ---- Column roles ---------------------------------------------------------------------------

enum class Role {
  attr,
  // nodes
  id, label, kind, sector, themes, role, description, tags, x, y,
  // nodes and edges
  since, until, timeset,
  // edges
  source, target, edge_type, edge_kind, direction, weight, edge_label, edge_id,
  // survey answers
  respondent, partner, frequency, trust, value,
};

enum class TableKind { nodes, edges, survey, matrix, adjacency };

struct Synonyms {
  Role role;
  std::initializer_list<const char*> names;  // normalised: lower case, letters and digits only
};

const std::initializer_list<Synonyms> node_names = {
    {Role::id, {"id", "nodeid", "key", "identifier", "elementid", "kumuid"}},
    {Role::label, {"label", "name", "naam", "title", "titel", "nodelabel"}},
    {Role::kind, {"type", "kind", "soort", "elementtype", "nodetype"}},
    {Role::sector, {"sector", "branche"}},
    {Role::themes, {"themes", "theme", "themas", "thema", "topics"}},
    {Role::role, {"role", "rol"}},
    {Role::description, {"description", "omschrijving", "beschrijving"}},
    {Role::tags, {"tags", "tag"}},
    {Role::since, {"since", "start", "startdate", "sinds", "vanaf", "begin", "startdatum", "begindatum"}},
    {Role::until, {"until", "end", "enddate", "tot", "einde", "einddatum", "totdatum"}},
    {Role::timeset, {"timeset", "timeinterval", "interval"}},
    {Role::x, {"x"}},
    {Role::y, {"y"}},
};

const std::initializer_list<Synonyms> edge_names = {
    {Role::source, {"source", "from", "van", "bron", "sourceid", "fromid"}},
    {Role::target, {"target", "to", "naar", "doel", "targetid", "toid"}},
    {Role::edge_type, {"type", "soort", "relationtype", "edgetype"}},
    {Role::edge_kind, {"kind", "relation", "relatie"}},
    {Role::direction, {"direction", "richting", "directed"}},
    {Role::weight, {"weight", "strength", "gewicht", "sterkte"}},
    {Role::edge_label, {"label"}},
    {Role::edge_id, {"id", "edgeid"}},
    {Role::description, {"description", "omschrijving", "beschrijving"}},
    {Role::tags, {"tags", "tag"}},
    {Role::since, {"since", "start", "startdate", "sinds", "vanaf", "begin", "startdatum", "begindatum"}},
    {Role::until, {"until", "end", "enddate", "tot", "einde", "einddatum", "totdatum"}},
    {Role::timeset, {"timeset", "timeinterval", "interval"}},
};

const std::initializer_list<Synonyms> survey_names = {
    {Role::respondent,
     {"respondent", "ego", "respondentorganisation", "respondentorganization", "respondentorganisatie",
      "respondentid", "respondentname", "respondentnaam"}},
    {Role::partner,
     {"partner", "named", "alter", "namedpartner", "genoemdepartner", "partnerorganisatie",
      "partnerorganisation", "partnerorganization", "partnername", "partnernaam", "partnerid"}},
    {Role::frequency, {"frequency", "frequentie", "contactfrequency", "contactfrequentie", "howoften"}},
    {Role::trust, {"trust", "vertrouwen"}},
    {Role::value, {"value", "waarde"}},
    {Role::weight, {"weight", "strength", "gewicht", "sterkte"}},
};

// Lower case ASCII, keeping letters, digits and any non-ASCII byte: "Thema's" -> "themas",
// "Node ID" -> "nodeid", "from_id" -> "fromid".
std::string normalise(std::string_view header) {
  std::string out;
  for (char ch : header) {
    auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80) out += ch;
    else if (ch >= 'A' && ch <= 'Z') out += static_cast<char>(ch - 'A' + 'a');
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  }
  return out;
}

std::optional<Role> lookup(std::initializer_list<Synonyms> table, const std::string& name) {
  for (const auto& s : table)
    for (const char* n : s.names)
      if (name == n) return s.role;
  return std::nullopt;
}

// A column name that would be read as something other than an attribute in any kind of table:
// the fields every format reads (importers/fields.hpp) and the spreadsheet synonyms above. Such
// an attribute column is written "attr.KEY", as every writer does.
bool reserved_name(const std::string& key) {
  std::string n = normalise(key);
  return reserved_node_key(key) || reserved_edge_key(key) || lookup(node_names, n) || lookup(edge_names, n) ||
         lookup(survey_names, n);
}

// Kumu's and Gephi's words for a connection's direction; nullopt for anything else.
std::optional<bool> direction_word(std::string_view text) {
  std::string v = ascii_lower(field_text(text));
  for (const char* w : {"directed", "gericht", "true", "yes", "ja", "1"})
    if (v == w) return true;
  for (const char* w : {"undirected", "ongericht", "mutual", "wederzijds", "false", "no", "nee", "0"})
    if (v == w) return false;
  return std::nullopt;
}

// The model's node kind for a Kumu or Gephi element type; other types are kept as written.
std::string kind_from_text(const std::string& text) {
  std::string t = normalise(text);
  for (const char* n : {"partner", "organisation", "organization", "organisatie", "org", "organisaties", "organisations"})
    if (t == n) return std::string(kinds::partner);
  for (const char* n : {"resident", "person", "persoon", "bewoner", "residents", "bewoners", "people", "individual"})
    if (t == n) return std::string(kinds::resident);
  for (const char* n : {"project", "projects", "projecten"})
    if (t == n) return std::string(kinds::project);
  return text;
}

struct Column {
  std::string name;  // as written in the header
  int column = 1;    // where the header cell starts
  Role role = Role::attr;
  std::string key;  // attribute key for Role::attr
};

struct Table {
  std::string source;
  CsvTable csv;
  TableKind kind = TableKind::nodes;
  std::vector<Column> columns;
  std::size_t header_row = 0;  // index into csv.rows
  bool decimal_comma = false;
};

void note(ImportReport& report, const SourceLocation& where, const std::string& message) {
  report.warnings.push_back(where.str() + ": " + message);
}

// Gephi's adjacency matrix: a blank first header cell, the members' names across the header and
// down the first column (the same names), and a number in every other cell.
bool matrix_layout(const CsvTable& csv, std::size_t header_row, bool decimal_comma) {
  const auto& header = csv.rows[header_row].fields;
  if (header.size() < 2 || !field_text(header[0].text).empty()) return false;
  std::multiset<std::string> across, down;
  for (std::size_t i = 1; i < header.size(); ++i) across.insert(field_text(header[i].text));
  for (std::size_t r = header_row + 1; r < csv.rows.size(); ++r) {
    const CsvRow& row = csv.rows[r];
    if (row.blank()) continue;
    if (row.fields.size() != header.size()) return false;
    down.insert(field_text(row.fields[0].text));
    for (std::size_t i = 1; i < row.fields.size(); ++i)
      if (!read_plain_number(row.fields[i].text, decimal_comma)) return false;
  }
  return !down.empty() && across == down;
}

// Gephi's adjacency list: rows of different lengths, each a member followed by those it is tied
// to, and no header: no column name wijknet knows or that says it names something.
bool adjacency_layout(const CsvTable& csv, std::size_t header_row, const std::vector<std::string>& norm) {
  for (const auto& n : norm)
    if (n.empty() || lookup(node_names, n) || lookup(edge_names, n) || lookup(survey_names, n)) return false;
  for (const auto& n : norm)
    for (const char* w : {"naam", "name", "organisatie", "organisation", "organization", "partner", "bewoner", "resident",
                          "persoon", "person", "element", "node"})
      if (n.find(w) != std::string::npos) return false;
  const std::size_t width = csv.rows[header_row].fields.size();
  for (std::size_t r = header_row + 1; r < csv.rows.size(); ++r)
    if (!csv.rows[r].blank() && csv.rows[r].fields.size() != width) return true;
  return false;
}

// Reads the header, decides the table's kind and gives every column a role.
Table classify(std::string_view text, const std::string& source, ImportReport& report, const ReadOptions& options) {
  Table t;
  t.source = source;
  t.csv = parse_csv(text, source);
  t.decimal_comma = t.csv.delimiter == ';' || t.csv.delimiter == '\t';
  auto& rows = t.csv.rows;
  while (t.header_row < rows.size() && rows[t.header_row].blank()) {
    note(report, {source, rows[t.header_row].line, 0}, "empty row before the header skipped");
    ++t.header_row;
  }
  if (t.header_row >= rows.size()) return t;  // an empty file is an empty table
  const auto& header = rows[t.header_row].fields;

  std::vector<std::string> norm;
  for (const auto& f : header) norm.push_back(normalise(f.text));
  auto has = [&](std::initializer_list<Synonyms> table, Role role) {
    return std::any_of(norm.begin(), norm.end(), [&](const std::string& n) { return lookup(table, n) == role; });
  };
  if (matrix_layout(t.csv, t.header_row, t.decimal_comma)) {
    t.kind = TableKind::matrix;
    note(report, {source, rows[t.header_row].line, 0}, "read as an adjacency matrix (names across and down, a tie for every cell that is not 0)");
    return t;
  }
  if (adjacency_layout(t.csv, t.header_row, norm)) {
    t.kind = TableKind::adjacency;
    note(report, {source, rows[t.header_row].line, 0}, "read as an adjacency list (each row: a member, then those it is tied to)");
    return t;
  }
  std::initializer_list<Synonyms> names = node_names;
  if (has(edge_names, Role::source) && has(edge_names, Role::target)) {
    t.kind = TableKind::edges;
    names = edge_names;
  } else if (has(survey_names, Role::respondent) && has(survey_names, Role::partner)) {
    t.kind = TableKind::survey;
    names = survey_names;
  }

  std::set<Role> taken;
  for (std::size_t i = 0; i < header.size(); ++i) {
    Column col;
    col.name = field_text(header[i].text);
    col.column = header[i].column;
    auto role = lookup(names, norm[i]);
    if (role && !taken.count(*role)) {
      col.role = *role;
      taken.insert(*role);
    } else {
      col.key = col.name;
      if (auto k = attr_key(col.key)) col.key = *k;
      if (col.key.empty()) col.key = "column" + std::to_string(i + 1);
    }
    t.columns.push_back(std::move(col));
  }

  if (t.kind == TableKind::nodes && !taken.count(Role::id) && !taken.count(Role::label) && !t.columns.empty()) {
    // No identity column: take one whose name says it names the organisation or person.
    std::size_t pick = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string& n = norm[i];
      bool says_name = false;
      for (const char* w : {"naam", "name", "organisatie", "organisation", "organization", "partner", "bewoner",
                            "resident", "persoon", "person", "element", "node"})
        if (n.find(w) != std::string::npos) says_name = true;
      if (says_name) {
        pick = i;
        break;
      }
    }
    t.columns[pick].role = Role::label;
    add_warning(report, options, {source, rows[t.header_row].line, t.columns[pick].column},
                "column '" + t.columns[pick].name + "' taken as label (no Id or Label column)");
  }
  return t;
}

// Builds the coalition from the tables, nodes first.
class Builder {
 public:
  Builder(ImportReport& report, const ReadOptions& options) : report_(report), options_(options) {}

  void read_nodes(const Table& t) {
    for (std::size_t r = t.header_row + 1; r < t.csv.rows.size(); ++r) {
      const CsvRow& row = t.csv.rows[r];
      if (!check_row(t, row)) continue;
      node_row(t, row);
    }
    nodes_table_read_ = true;
  }

  void read_edges(const Table& t) {
    // A row is a tie at least (more with a list of targets): room for them at once, not by
    // doubling a vector of large ties.
    c_.edges.reserve(c_.edges.size() + t.csv.rows.size());
    for (std::size_t r = t.header_row + 1; r < t.csv.rows.size(); ++r) {
      const CsvRow& row = t.csv.rows[r];
      if (!check_row(t, row)) continue;
      edge_row(t, row);
    }
  }

  // An adjacency matrix: a tie from the row's member to the column's for every cell that is not
  // 0, weighted by the cell; one undirected tie per pair when the matrix is symmetric, else an
  // arc per cell (a diagonal cell is a tie of a member with itself).
  void read_matrix(const Table& t) {
    const auto& rows = t.csv.rows;
    const auto& header = rows[t.header_row].fields;
    std::vector<std::size_t> column_node;
    for (std::size_t i = 1; i < header.size(); ++i) column_node.push_back(named(t, rows[t.header_row], header[i]));
    std::vector<std::pair<std::size_t, std::vector<double>>> cells;  // row node, its values
    for (std::size_t r = t.header_row + 1; r < rows.size(); ++r) {
      if (rows[r].blank()) continue;
      std::vector<double> values;
      for (std::size_t i = 1; i < rows[r].fields.size(); ++i) values.push_back(*read_plain_number(rows[r].fields[i].text, t.decimal_comma));
      cells.emplace_back(named(t, rows[r], rows[r].fields[0]), std::move(values));
    }
    std::map<std::pair<std::size_t, std::size_t>, double> value;
    for (const auto& [u, values] : cells)
      for (std::size_t k = 0; k < values.size(); ++k) value[{u, column_node[k]}] = values[k];
    const bool symmetric = std::all_of(value.begin(), value.end(), [&](const auto& kv) {
      auto it = value.find({kv.first.second, kv.first.first});
      return it != value.end() && it->second == kv.second;
    });
    for (const auto& [u, values] : cells)
      for (std::size_t k = 0; k < values.size(); ++k) {
        const std::size_t v = column_node[k];
        if (values[k] == 0 || (symmetric && v < u)) continue;
        Edge e;
        e.source = u;
        e.target = v;
        e.kind = std::string(kinds::collaborates);
        e.weight = values[k];
        e.directed = !symmetric;
        c_.add_edge(std::move(e));
      }
  }

  // An adjacency list: a `collaborates` tie from each row's first member to every other one it
  // names (undirected; a pair named twice, "a;b" and "b;a", is one tie).
  void read_adjacency(const Table& t) {
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (std::size_t r = t.header_row; r < t.csv.rows.size(); ++r) {
      const CsvRow& row = t.csv.rows[r];
      if (row.blank()) {
        note(report_, {t.source, row.line, 0}, "empty row skipped");
        continue;
      }
      const std::size_t u = named(t, row, row.fields[0]);
      for (std::size_t i = 1; i < row.fields.size(); ++i) {
        if (field_text(row.fields[i].text).empty()) continue;  // a trailing delimiter
        const std::size_t v = named(t, row, row.fields[i]);
        if (!seen.insert({std::min(u, v), std::max(u, v)}).second) continue;
        Edge e;
        e.source = u;
        e.target = v;
        e.kind = std::string(kinds::collaborates);
        c_.add_edge(std::move(e));
      }
    }
  }

  Coalition take() {
    report_.nodes_read = c_.nodes.size();
    report_.edges_read = c_.edges.size();
    return std::move(c_);
  }

 private:
  // Skips blank rows (with a note) and reports rows whose field count differs from the header's.
  bool check_row(const Table& t, const CsvRow& row) {
    if (row.blank()) {
      note(report_, {t.source, row.line, 0}, "empty row skipped");
      return false;
    }
    const std::size_t expected = t.columns.size();
    if (row.fields.size() > expected) {
      // Extra fields that are all empty are what spreadsheets leave behind; say nothing.
      bool extra_text = false;
      for (std::size_t i = expected; i < row.fields.size(); ++i)
        if (!row.fields[i].text.empty()) extra_text = true;
      if (extra_text)
        add_warning(report_, options_, {t.source, row.line, row.fields[expected].column},
                    std::to_string(row.fields.size()) + " fields where the header has " + std::to_string(expected) +
                        "; the extra fields are ignored");
    } else if (row.fields.size() < expected) {
      add_warning(report_, options_, {t.source, row.line, 0},
                  std::to_string(row.fields.size()) + " fields where the header has " + std::to_string(expected) +
                      "; the missing ones are taken as empty");
    }
    return true;
  }

  static const CsvField* cell(const Table& t, const CsvRow& row, Role role) {
    for (std::size_t i = 0; i < t.columns.size() && i < row.fields.size(); ++i)
      if (t.columns[i].role == role) return row.fields[i].text.empty() ? nullptr : &row.fields[i];
    return nullptr;
  }

  SourceLocation at(const Table& t, const CsvRow& row, const CsvField* f) const {
    return {t.source, row.line, f ? f->column : 0};
  }

  void set_date(const Table& t, const CsvRow& row, const CsvField* f, std::optional<Date>& slot, Json& attrs,
                const char* key) {
    if (!f) return;
    if (auto d = parse_date_cell(f->text)) {
      slot = d;
      return;
    }
    add_warning(report_, options_, at(t, row, f), "'" + f->text + "' is not a date; kept as attrs." + key);
    attrs[key] = f->text;
  }

  void set_timeset(const Table& t, const CsvRow& row, const CsvField* f, std::optional<Date>& since,
                   std::optional<Date>& until, Json& attrs) {
    if (!f) return;
    auto intervals = parse_timeset(f->text);
    if (!intervals) {
      add_warning(report_, options_, at(t, row, f), "'" + f->text + "' is not a timeset; kept as attrs.timeset");
      attrs["timeset"] = f->text;
      return;
    }
    auto period = period_of(*intervals);
    if (period) {
      since = period->since;
      until = period->until;
    }
    // Bounds that are not dates, or gaps between intervals, only the text itself keeps.
    if (!period || intervals->size() > 1) attrs["timeset"] = field_text(f->text);
  }

  void set_attrs(const Table& t, const CsvRow& row, Json& attrs) {
    for (std::size_t i = 0; i < t.columns.size() && i < row.fields.size(); ++i) {
      if (t.columns[i].role != Role::attr || row.fields[i].text.empty()) continue;
      const std::string& key = t.columns[i].key;
      attrs[key] = infer_value(row.fields[i].text, t.decimal_comma);
    }
  }

  void node_row(const Table& t, const CsvRow& row) {
    const CsvField* id_cell = cell(t, row, Role::id);
    const CsvField* label_cell = cell(t, row, Role::label);
    std::string id = id_cell ? field_text(id_cell->text) : std::string();
    if (id.empty() && label_cell) {
      id = field_text(label_cell->text);
      if (std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return c.role == Role::id; }))
        add_warning(report_, options_, at(t, row, label_cell), "row has no id; its label '" + id + "' is taken as id");
    }
    if (id.empty()) {
      add_warning(report_, options_, {t.source, row.line, 0}, "row has neither id nor label; skipped");
      return;
    }
    std::size_t index;
    if (auto found = c_.find(id)) {
      index = *found;
      auto first = first_line_.find(id);
      std::string where = first != first_line_.end() ? " (first on line " + std::to_string(first->second) + ")" : "";
      add_warning(report_, options_, at(t, row, id_cell ? id_cell : label_cell),
                  "node '" + id + "' appears again" + where + "; this row updates it");
    } else {
      Node n;
      n.id = id;
      index = c_.add_node(std::move(n));
      first_line_.emplace(id, row.line);
    }
    Node& n = c_.nodes[index];
    if (label_cell) n.label = field_text(label_cell->text);
    if (auto f = cell(t, row, Role::kind)) n.kind = kind_from_text(field_text(f->text));
    if (auto f = cell(t, row, Role::sector)) n.sector = field_text(f->text);
    if (auto f = cell(t, row, Role::themes)) n.themes = field_list(f->text);
    if (auto f = cell(t, row, Role::role)) n.role = field_text(f->text);
    if (auto f = cell(t, row, Role::description)) n.attrs["description"] = f->text;
    if (auto f = cell(t, row, Role::tags)) n.attrs["tags"] = field_list(f->text);
    set_date(t, row, cell(t, row, Role::since), n.since, n.attrs, "since");
    set_date(t, row, cell(t, row, Role::until), n.until, n.attrs, "until");
    set_timeset(t, row, cell(t, row, Role::timeset), n.since, n.until, n.attrs);
    const CsvField* xf = cell(t, row, Role::x);
    const CsvField* yf = cell(t, row, Role::y);
    if (xf || yf) {
      auto x = xf ? read_plain_number(xf->text, t.decimal_comma) : std::nullopt;
      auto y = yf ? read_plain_number(yf->text, t.decimal_comma) : std::nullopt;
      if (x && y) {
        c_.layout[id] = {*x, *y};
      } else {
        const CsvField* bad = (xf && !x) ? xf : (yf && !y) ? yf : (xf ? yf : xf);
        add_warning(report_, options_, at(t, row, bad ? bad : xf ? xf : yf),
                    "position needs numbers in both X and Y; kept as attrs.x and attrs.y");
        if (xf) n.attrs["x"] = infer_value(xf->text, t.decimal_comma);
        if (yf) n.attrs["y"] = infer_value(yf->text, t.decimal_comma);
      }
    }
    set_attrs(t, row, n.attrs);
    if (n.label.empty()) n.label = n.id;
    if (n.kind.empty()) n.kind = std::string(kinds::partner);
  }

  // The member a matrix or list cell names; an empty name is a member called "unnamed", reported.
  std::size_t named(const Table& t, const CsvRow& row, const CsvField& f) {
    std::string name = field_text(f.text);
    if (name.empty()) {
      name = "unnamed";
      if (unnamed_reported_.insert(row.line).second)
        add_warning(report_, options_, at(t, row, &f), "a member without a name; called 'unnamed'");
    }
    return endpoint(t, row, f, name);
  }

  // The node an edge cell names: by id, else by a unique label, else a new node.
  std::size_t endpoint(const Table& t, const CsvRow& row, const CsvField& f, const std::string& name) {
    if (auto i = c_.find(name)) return *i;
    if (labels_dirty_) rebuild_labels();
    if (auto it = by_label_.find(name); it != by_label_.end() && it->second != SIZE_MAX) return it->second;
    if (nodes_table_read_)
      add_warning(report_, options_, at(t, row, &f), "node '" + name + "' is not in the nodes table; added");
    Node n;
    n.id = name;
    n.label = name;
    n.kind = partner_;
    // No entry in by_label_: the new node's id is `name`, so every later mention finds it by id
    // before any label is looked at.
    return c_.add_node(std::move(n));
  }

  void rebuild_labels() {
    by_label_.clear();
    for (std::size_t i = 0; i < c_.nodes.size(); ++i) {
      const std::string& l = c_.nodes[i].label;
      if (l.empty()) continue;
      auto [it, fresh] = by_label_.emplace(l, i);
      if (!fresh) it->second = SIZE_MAX;  // ambiguous: two nodes carry this label
    }
    labels_dirty_ = false;
  }

  bool known(const std::string& name) {
    if (c_.find(name)) return true;
    if (labels_dirty_) rebuild_labels();
    return by_label_.count(name) > 0;
  }

  void edge_row(const Table& t, const CsvRow& row) {
    const bool survey = t.kind == TableKind::survey;
    const CsvField* s = cell(t, row, survey ? Role::respondent : Role::source);
    const CsvField* d = cell(t, row, survey ? Role::partner : Role::target);
    if (!s || !d) {
      add_warning(report_, options_, {t.source, row.line, 0},
                  survey ? "answer without respondent or partner; skipped" : "edge without source or target; skipped");
      return;
    }
    // Gephi keeps the first row of an edge id and skips the others; so do we, so that no writer
    // meets the same edge id twice.
    if (const CsvField* f = cell(t, row, Role::edge_id); f && !field_text(f->text).empty()) {
      const auto [it, fresh] = edge_id_line_.emplace(field_text(f->text), row.line);
      if (!fresh) {
        add_warning(report_, options_, at(t, row, f),
                    "edge id '" + it->first + "' appears again (first on line " + std::to_string(it->second) +
                        "); this row is skipped, as Gephi does");
        return;
      }
    }
    Edge e;
    if (survey) {
      e.kind = std::string(kinds::tie);
      e.directed = true;
      for (auto [role, key] : {std::pair{Role::frequency, "frequency"}, {Role::trust, "trust"}, {Role::value, "value"}})
        if (auto f = cell(t, row, role)) e.attrs[key] = infer_value(f->text, t.decimal_comma);
    }
    if (auto f = cell(t, row, Role::edge_type)) {
      // Gephi's Type says the direction; Kumu's Type is the kind of connection.
      std::string v = ascii_lower(field_text(f->text));
      if (v == "directed" || v == "gericht") e.directed = true;
      else if (v == "undirected" || v == "ongericht" || v == "mutual" || v == "wederzijds") e.directed = false;
      else e.kind = field_text(f->text);
    }
    if (auto f = cell(t, row, Role::edge_kind)) e.kind = field_text(f->text);
    if (auto f = cell(t, row, Role::direction)) {
      if (auto dir = direction_word(f->text)) {
        e.directed = *dir;
      } else {
        add_warning(report_, options_, at(t, row, f), "direction '" + f->text + "' not understood; kept as attrs.direction");
        e.attrs["direction"] = f->text;
      }
    }
    if (auto f = cell(t, row, Role::weight)) {
      if (auto w = read_plain_number(f->text, t.decimal_comma)) {
        e.weight = *w;
      } else {
        add_warning(report_, options_, at(t, row, f), "strength '" + f->text + "' is not a number; weight 1 used, text kept as attrs.strength");
        e.attrs["strength"] = f->text;
      }
    }
    if (auto f = cell(t, row, Role::edge_label)) e.attrs["label"] = f->text;
    if (auto f = cell(t, row, Role::edge_id)) e.extra["id"] = field_text(f->text);
    if (e.kind.empty()) e.kind = collaborates_;
    if (auto f = cell(t, row, Role::description)) e.attrs["description"] = f->text;
    if (auto f = cell(t, row, Role::tags)) e.attrs["tags"] = field_list(f->text);
    set_date(t, row, cell(t, row, Role::since), e.since, e.attrs, "since");
    set_date(t, row, cell(t, row, Role::until), e.until, e.attrs, "until");
    set_timeset(t, row, cell(t, row, Role::timeset), e.since, e.until, e.attrs);
    set_attrs(t, row, e.attrs);

    std::string source_name = field_text(s->text);
    std::string target_text = field_text(d->text);
    const bool one_target = target_text.find('|') == std::string::npos || known(target_text);  // the common row
    e.source = endpoint(t, row, *s, source_name);
    if (one_target) {
      e.target = endpoint(t, row, *d, target_text);
      c_.add_edge(std::move(e));
      return;
    }
    const std::vector<std::string> targets = field_list(target_text);
    for (std::size_t k = 0; k < targets.size(); ++k) {
      const std::size_t target = endpoint(t, row, *d, targets[k]);
      Edge one = k + 1 < targets.size() ? e : std::move(e);  // the last target takes the row's edge
      one.target = target;
      c_.add_edge(std::move(one));
    }
  }

  Coalition c_;
  ImportReport& report_;
  const ReadOptions& options_;
  std::unordered_map<std::string, int> first_line_;
  std::unordered_map<std::string, int> edge_id_line_;  // edge Id -> line of its first row
  std::unordered_map<std::string, std::size_t> by_label_;  // SIZE_MAX: label not unique
  const Interned partner_{kinds::partner}, collaborates_{kinds::collaborates};  // interned once
  bool labels_dirty_ = true;
  bool nodes_table_read_ = false;
  std::set<int> unnamed_reported_;  // lines
};

std::string slurp(const std::string& path, ImportReport& report, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  return read_text(in, path, report, options);
}

// Paths that might hold the other table, best first.
std::vector<std::string> companions(const std::string& path, bool want_nodes) {
  namespace fs = std::filesystem;
  fs::path p(path);
  std::string stem = p.stem().string(), ext = p.extension().string();
  auto beside = [&](const std::string& name) { return (p.parent_path() / (name + ext)).string(); };
  auto ends = [&](const char* suffix) {
    std::string s(suffix);
    return stem.size() > s.size() && ascii_lower(stem.substr(stem.size() - s.size())) == s;
  };
  std::vector<std::string> out;
  if (want_nodes) {
    if (ascii_lower(stem) == "edges") out.push_back(beside("nodes"));
    else if (ascii_lower(stem) == "connections") out.push_back(beside("elements"));  // Kumu's names
    else if (ends("_edges") || ends("-edges")) out.push_back(beside(stem.substr(0, stem.size() - 6) + stem[stem.size() - 6] + "nodes"));
    else out.push_back(beside(stem + "_nodes"));
  } else {
    if (ascii_lower(stem) == "nodes") out.push_back(beside("edges"));
    else if (ascii_lower(stem) == "elements") out.push_back(beside("connections"));
    else if (ends("_nodes") || ends("-nodes")) {
      out.push_back(beside(stem.substr(0, stem.size() - 6) + stem[stem.size() - 6] + "edges"));
      out.push_back(beside(stem.substr(0, stem.size() - 6)));
    } else {
      out.push_back(beside(stem + "_edges"));
    }
  }
  return out;
}

std::string cell_text(const Json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += '|';
      out += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return out;
  }
  return v.dump();
}

std::string join_bar(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += '|';
    out += s;
  }
  return out;
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ',';
    out << csv_quote(cells[i], ',');
  }
  out << "\r\n";  // RFC 4180 line ends; Excel and Kumu expect them, every reader accepts them
}

// Attribute keys in order of first appearance, without those written in their own columns.
std::vector<std::string> attr_keys(const std::vector<const Json*>& all, std::initializer_list<const char*> skip) {
  std::vector<std::string> keys;
  std::set<std::string> seen(skip.begin(), skip.end());
  for (const Json* attrs : all)
    for (const auto& [k, v] : attrs->items())
      if (seen.insert(k).second) keys.push_back(k);
  return keys;
}

std::string attr_header(const std::string& key) {
  return reserved_name(key) ? std::string(attr_prefix) + key : key;
}

}  // namespace

std::string csv_nodes_path_for(const std::string& edges_path) { return companions(edges_path, true).front(); }
std::string csv_edges_path_for(const std::string& nodes_path) { return companions(nodes_path, false).front(); }

Coalition read_csv_tables(std::string_view nodes_text, const std::string& nodes_name, std::string_view edges_text,
                          const std::string& edges_name, ImportReport& report, const ReadOptions& options) {
  report.format = "csv";
  Builder b(report, options);
  std::optional<Table> nodes, edges;
  if (!nodes_name.empty() || !nodes_text.empty()) nodes = classify(nodes_text, nodes_name, report, options);
  if (!edges_name.empty() || !edges_text.empty()) edges = classify(edges_text, edges_name, report, options);
  for (const auto* t : {&nodes, &edges})
    if (*t && ((*t)->kind == TableKind::matrix || (*t)->kind == TableKind::adjacency))
      throw InputError({(*t)->source, 1, 0}, "an adjacency matrix or list is a whole network by itself; read it alone, not as one of a nodes and an edges table");
  // Put each table where it belongs whatever order it came in.
  if (nodes && nodes->kind != TableKind::nodes && (!edges || edges->kind == TableKind::nodes)) std::swap(nodes, edges);
  if (nodes) {
    if (nodes->kind != TableKind::nodes)
      throw InputError({nodes->source, 1, 0}, "expected a nodes table, found an edges table (it has source and target columns)");
    b.read_nodes(*nodes);
  }
  if (edges) {
    if (edges->kind == TableKind::nodes && !edges->csv.rows.empty())
      throw InputError({edges->source, 1, 0}, "expected an edges table with Source and Target (or From and To) columns");
    b.read_edges(*edges);
  }
  return b.take();
}

Coalition read_csv_pair(const std::string& nodes_path, const std::string& edges_path, ImportReport& report,
                        const ReadOptions& options) {
  std::string nodes_text = nodes_path.empty() ? std::string() : slurp(nodes_path, report, options);
  std::string edges_text = edges_path.empty() ? std::string() : slurp(edges_path, report, options);
  return read_csv_tables(nodes_text, nodes_path, edges_text, edges_path, report, options);
}

Coalition read_csv(std::istream& in, const std::string& source_name, ImportReport& report, const ReadOptions& options) {
  report.format = "csv";
  const std::string text = read_text(in, source_name, report, options);
  Builder b(report, options);
  Table table = classify(text, source_name, report, options);

  std::optional<Table> other;
  std::error_code ec;
  const bool whole = table.kind == TableKind::matrix || table.kind == TableKind::adjacency;
  if (!whole && !source_name.empty() && std::filesystem::is_regular_file(source_name, ec)) {
    const bool want_nodes = table.kind != TableKind::nodes;
    for (const auto& candidate : companions(source_name, want_nodes)) {
      if (!std::filesystem::is_regular_file(candidate, ec)) continue;
      ImportReport scratch;  // a file of the wrong kind is passed over without its own notes
      ReadOptions quiet;
      quiet.encoding = options.encoding;
      Table t = classify(slurp(candidate, scratch, quiet), candidate, scratch, quiet);
      if ((t.kind == TableKind::nodes) != want_nodes) continue;
      t = classify(slurp(candidate, report, options), candidate, report, options);
      note(report, {source_name, 0, 0},
           std::string(want_nodes ? "nodes" : "edges") + " table " + candidate + " beside it read too");
      other = std::move(t);
      break;
    }
  }
  if (table.kind == TableKind::matrix) {
    b.read_matrix(table);
  } else if (table.kind == TableKind::adjacency) {
    b.read_adjacency(table);
  } else if (table.kind == TableKind::nodes) {
    b.read_nodes(table);
    if (other) b.read_edges(*other);
  } else {
    if (other) b.read_nodes(*other);
    b.read_edges(table);
  }
  return b.take();
}

ExportTable nodes_export_table(const Coalition& c) {
  bool any_sector = false, any_themes = false, any_role = false, any_since = false, any_until = false;
  bool any_description = false, any_tags = false;
  std::vector<const Json*> all;
  for (const auto& n : c.nodes) {
    any_sector |= !n.sector.empty();
    any_themes |= !n.themes.empty();
    any_role |= !n.role.empty();
    any_since |= n.since.has_value();
    any_until |= n.until.has_value();
    any_description |= n.attrs.contains("description");
    any_tags |= n.attrs.contains("tags");
    all.push_back(&n.attrs);
  }
  const bool any_layout = !c.layout.empty();
  const auto keys = attr_keys(all, {"description", "tags"});

  ExportTable t;
  t.header = {"Id", "Label", "Type"};
  if (any_sector) t.header.push_back("Sector");
  if (any_themes) t.header.push_back("Themes");
  if (any_role) t.header.push_back("Role");
  if (any_since) t.header.push_back("Since");
  if (any_until) t.header.push_back("Until");
  if (any_description) t.header.push_back("Description");
  if (any_tags) t.header.push_back("Tags");
  if (any_layout) {
    t.header.push_back("X");
    t.header.push_back("Y");
  }
  for (const auto& k : keys) t.header.push_back(attr_header(k));

  auto attr = [](const Json& attrs, const std::string& k) { return attrs.contains(k) ? attrs[k] : Json(); };
  for (const auto& n : c.nodes) {
    std::vector<Json> row = {n.id, n.label, n.kind};
    if (any_sector) row.emplace_back(n.sector);
    if (any_themes) row.emplace_back(join_bar(n.themes));
    if (any_role) row.emplace_back(n.role);
    if (any_since) row.push_back(n.since ? Json(n.since->str()) : Json());
    if (any_until) row.push_back(n.until ? Json(n.until->str()) : Json());
    if (any_description) row.push_back(attr(n.attrs, "description"));
    if (any_tags) row.push_back(attr(n.attrs, "tags"));
    if (any_layout) {
      auto it = c.layout.find(n.id);
      row.push_back(it != c.layout.end() ? Json(it->second[0]) : Json());
      row.push_back(it != c.layout.end() ? Json(it->second[1]) : Json());
    }
    for (const auto& k : keys) row.push_back(attr(n.attrs, k));
    t.rows.push_back(std::move(row));
  }
  return t;
}

ExportTable edges_export_table(const Coalition& c) {
  bool any_since = false, any_until = false, any_label = false, any_description = false, any_tags = false;
  std::vector<const Json*> all;
  for (const auto& e : c.edges) {
    any_since |= e.since.has_value();
    any_until |= e.until.has_value();
    any_label |= e.attrs.contains("label");
    any_description |= e.attrs.contains("description");
    any_tags |= e.attrs.contains("tags");
    all.push_back(&e.attrs);
  }
  const auto keys = attr_keys(all, {"label", "description", "tags"});
  ExportTable t;
  t.header = {"From", "To", "Type", "Direction", "Strength"};
  if (any_since) t.header.push_back("Since");
  if (any_until) t.header.push_back("Until");
  if (any_label) t.header.push_back("Label");
  if (any_description) t.header.push_back("Description");
  if (any_tags) t.header.push_back("Tags");
  for (const auto& k : keys) t.header.push_back(attr_header(k));
  auto attr = [](const Json& attrs, const std::string& k) { return attrs.contains(k) ? attrs[k] : Json(); };
  for (const auto& e : c.edges) {
    std::vector<Json> row = {c.nodes[e.source].id, c.nodes[e.target].id, e.kind, e.directed ? "directed" : "undirected",
                             e.weight};
    if (any_since) row.push_back(e.since ? Json(e.since->str()) : Json());
    if (any_until) row.push_back(e.until ? Json(e.until->str()) : Json());
    if (any_label) row.push_back(attr(e.attrs, "label"));
    if (any_description) row.push_back(attr(e.attrs, "description"));
    if (any_tags) row.push_back(attr(e.attrs, "tags"));
    for (const auto& k : keys) row.push_back(attr(e.attrs, k));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string export_cell_text(const Json& value) { return cell_text(value); }

namespace {
void write_table(const ExportTable& t, std::ostream& out) {
  // Text that a spreadsheet would run as a formula gets a leading apostrophe (csv_table.hpp);
  // numbers stay numbers ("-2.5").
  std::vector<std::string> cells;
  for (const auto& h : t.header) cells.push_back(spreadsheet_text(h));
  write_row(out, cells);
  for (const auto& row : t.rows) {
    cells.clear();
    for (const auto& v : row) cells.push_back(v.is_number_float() ? v.dump() : v.is_number() ? cell_text(v) : spreadsheet_text(cell_text(v)));
    write_row(out, cells);
  }
}
}  // namespace

void write_csv_nodes(const Coalition& c, std::ostream& out) { write_table(nodes_export_table(c), out); }

void write_csv(const Coalition& c, std::ostream& out) { write_table(edges_export_table(c), out); }

void write_csv_files(const Coalition& c, const std::string& path) {
  // One save of two files: both old or both new (the commit manifest of importers/atomic_write.hpp).
  write_files_atomically({{path, [&](std::ostream& out) { write_csv(c, out); }},
                          {csv_nodes_path_for(path), [&](std::ostream& out) { write_csv_nodes(c, out); }}});
}

}  // namespace wijknet
