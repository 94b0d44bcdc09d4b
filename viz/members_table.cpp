#include "viz/members_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "importers/csv_table.hpp"
#include "viz/i18n.hpp"

namespace wijknet::viz {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::optional<std::size_t> metric_slot(const std::string& column) {
  auto m = parse_metric(column);
  if (!m) return std::nullopt;
  for (std::size_t k = 0; k < metric_count; ++k)
    if (all_metrics[k] == *m) return k;
  return std::nullopt;
}

std::size_t slot_of(Metric m) {
  for (std::size_t k = 0; k < metric_count; ++k)
    if (all_metrics[k] == m) return k;
  return 0;
}

int kind_order(const std::string& kind) {
  return kind == "partner" ? 0 : kind == "resident" ? 1 : kind == "project" ? 2 : 3;
}

}  // namespace

const std::vector<std::string>& table_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> c = {"label", "kind", "ties", "rank"};
    for (auto m : all_metrics) c.emplace_back(metric_id(m));
    return c;
  }();
  return columns;
}

std::string column_title(Lang lang, const std::string& column) { return tr(lang, "table.col." + column); }

std::string column_tooltip(Lang lang, const std::string& column, const std::string& rank_metric_title) {
  if (column == "rank") return tr(lang, "table.tip.rank", {rank_metric_title});
  return tr(lang, "table.tip." + column);
}

std::vector<std::vector<std::size_t>> ties_by_member(const Coalition& doc) {
  std::vector<std::vector<std::size_t>> out(doc.nodes.size());
  for (std::size_t e = 0; e < doc.edges.size(); ++e) {
    const Edge& x = doc.edges[e];
    if (x.source < out.size()) out[x.source].push_back(e);
    if (x.target != x.source && x.target < out.size()) out[x.target].push_back(e);
  }
  return out;
}

Metric MembersTableView::rank_metric() const { return parse_metric(sort).value_or(Metric::betweenness); }

std::vector<MemberRow> member_rows(AppState& state) {
  const Coalition& doc = state.document();
  const Date at = state.view().measures_date().value_or(Date::today());
  const bool measured = state.scene().has_metrics();
  const MemberDegrees* fallback = measured ? nullptr : &state.member_degrees();
  const auto ties = ties_by_member(doc);
  std::vector<MemberRow> rows;
  for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
    const Node& n = doc.nodes[i];
    if (!n.exists_at(at)) continue;  // not in the network the measures are of
    MemberRow r;
    r.node = i;
    r.id = n.id;
    r.label = n.label.empty() ? n.id : n.label;
    r.kind = n.kind;
    r.ties = ties[i].size();
    for (std::size_t k = 0; k < metric_count; ++k) {
      const Metric m = all_metrics[k];
      if (measured) r.values[k] = state.scene().metric(m, i);
      else if (m == Metric::degree && fallback->degree[i] >= 0) r.values[k] = fallback->degree[i];
      else if (m == Metric::core && fallback->core[i] >= 0) r.values[k] = fallback->core[i];
      else r.values[k] = nan;
    }
    rows.push_back(std::move(r));
  }
  rank_within_kind(rows);
  return rows;
}

void rank_within_kind(std::vector<MemberRow>& rows) {
  std::map<std::string, std::vector<std::size_t>> by_kind;
  for (std::size_t r = 0; r < rows.size(); ++r) by_kind[rows[r].kind].push_back(r);
  for (std::size_t k = 0; k < metric_count; ++k) {
    for (const auto& [kind, members] : by_kind) {
      std::vector<double> values;
      for (auto r : members)
        if (std::isfinite(rows[r].values[k])) values.push_back(rows[r].values[k]);
      std::sort(values.begin(), values.end(), std::greater<>());
      for (auto r : members) {
        const double v = rows[r].values[k];
        rows[r].of[k] = values.size();
        // 1 + how many are strictly higher: the first position of v in the descending list.
        rows[r].rank[k] = std::isfinite(v) ? std::size_t(std::lower_bound(values.begin(), values.end(), v, std::greater<>()) -
                                                          values.begin()) + 1
                                           : 0;
      }
    }
  }
}

std::vector<std::size_t> shown_rows(const std::vector<MemberRow>& rows, const MembersTableView& view) {
  const std::string q = fold_for_search(view.text);
  std::vector<std::size_t> out;
  std::vector<std::string> folded(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    folded[r] = fold_for_search(rows[r].label);
    if (!view.kind.empty() && rows[r].kind != view.kind) continue;
    if (!q.empty() && folded[r].find(q) == std::string::npos && fold_for_search(rows[r].id).find(q) == std::string::npos) continue;
    out.push_back(r);
  }
  const auto slot = metric_slot(view.sort);
  const std::size_t rank_slot = slot_of(view.rank_metric());
  // -1, 0, 1 for a before, equal to, after b in ascending order of the sort column; missing
  // values are handled by the caller so that they come last in both directions.
  auto by_name = [&](std::size_t a, std::size_t b) {
    if (folded[a] != folded[b]) return folded[a] < folded[b];
    return rows[a].id < rows[b].id;
  };
  auto value = [&](std::size_t r) -> double {
    if (slot) return rows[r].values[*slot];
    if (view.sort == "ties") return double(rows[r].ties);
    if (view.sort == "rank") return rows[r].rank[rank_slot] ? double(rows[r].rank[rank_slot]) : nan;
    return 0;
  };
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    if (view.sort == "label") return view.descending ? by_name(b, a) : by_name(a, b);
    if (view.sort == "kind") {
      const int ka = kind_order(rows[a].kind), kb = kind_order(rows[b].kind);
      if (ka != kb || rows[a].kind != rows[b].kind) {
        const bool less = ka != kb ? ka < kb : rows[a].kind < rows[b].kind;
        return view.descending ? !less : less;
      }
      return by_name(a, b);
    }
    const double va = value(a), vb = value(b);
    const bool fa = std::isfinite(va), fb = std::isfinite(vb);
    if (fa != fb) return fa;  // a missing value last
    if (fa && va != vb) return view.descending ? va > vb : va < vb;
    return by_name(a, b);
  });
  return out;
}

std::string cell_text(Lang lang, const MemberRow& row, const std::string& column, Metric rank_metric) {
  if (column == "label") return row.label;
  if (column == "kind") return kind_name(lang, row.kind);
  if (column == "ties") return std::to_string(row.ties);
  if (column == "rank") {
    const std::size_t k = slot_of(rank_metric);
    return row.rank[k] ? tr(lang, "table.rank_cell", {std::to_string(row.rank[k]), std::to_string(row.of[k])}) : "\xE2\x80\x94";
  }
  if (auto slot = metric_slot(column)) return format_measure(lang, row.values[*slot]);
  return {};
}

char csv_separator(Lang lang) { return format_number(lang, 0.5, 1).find(',') != std::string::npos ? ';' : ','; }

std::string members_csv(const std::vector<MemberRow>& rows, const std::vector<std::size_t>& shown, const MembersTableView& view,
                        Lang lang) {
  const char sep = csv_separator(lang);
  const Metric rank_metric = view.rank_metric();
  const std::size_t rank_slot = slot_of(rank_metric);
  std::ostringstream out;
  out << "\xEF\xBB\xBF";
  auto write_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) out << (c ? std::string(1, sep) : std::string()) << csv_quote(cells[c], sep);
    out << "\r\n";  // RFC 4180, as importers/csv.cpp writes
  };
  std::vector<std::string> header = {column_title(lang, "label"), tr(lang, "table.col.id"), column_title(lang, "kind"),
                                     column_title(lang, "ties"),
                                     column_title(lang, "rank") + " (" + column_title(lang, std::string(metric_id(rank_metric))) + ")"};
  for (auto m : all_metrics) header.push_back(column_title(lang, std::string(metric_id(m))));
  for (auto& h : header) h = spreadsheet_text(h);
  write_row(header);
  for (auto r : shown) {
    const MemberRow& row = rows[r];
    std::vector<std::string> cells = {spreadsheet_text(row.label), spreadsheet_text(row.id), spreadsheet_text(kind_name(lang, row.kind)),
                                      std::to_string(row.ties), row.rank[rank_slot] ? std::to_string(row.rank[rank_slot]) : ""};
    for (std::size_t k = 0; k < metric_count; ++k)
      cells.push_back(std::isfinite(row.values[k]) ? format_measure(lang, row.values[k], 6) : "");
    write_row(cells);
  }
  return out.str();
}

void MembersTable::refresh(AppState& state) {
  const bool rebuild = !built_ || content_ != state.doc().content_version() || structure_ != state.scene().structure_version() ||
                       measured_ != state.scene().has_metrics() || rows.size() > state.document().nodes.size();
  if (rebuild) {
    rows = member_rows(state);
    content_ = state.doc().content_version();
    structure_ = state.scene().structure_version();
    measured_ = state.scene().has_metrics();
  }
  if (rebuild || !(shown_for_ == view)) {
    shown = shown_rows(rows, view);
    shown_for_ = view;
  }
  built_ = true;
}

Json table_dump(const std::vector<MemberRow>& rows, const std::vector<std::size_t>& shown, const MembersTableView& view,
                std::size_t limit) {
  const std::size_t rank_slot = slot_of(view.rank_metric());
  Json j;
  j["columns"] = table_columns();
  j["sort"] = view.sort;
  j["descending"] = view.descending;
  j["rank_by"] = std::string(metric_id(view.rank_metric()));
  j["filter"] = {{"text", view.text}, {"kind", view.kind}};
  j["count"] = shown.size();
  j["total"] = rows.size();
  Json list = Json::array();
  for (std::size_t k = 0; k < shown.size() && k < limit; ++k) {
    const MemberRow& row = rows[shown[k]];
    Json values = Json::object();
    for (std::size_t m = 0; m < metric_count; ++m)
      values[std::string(metric_id(all_metrics[m]))] = std::isfinite(row.values[m]) ? Json(row.values[m]) : Json(nullptr);
    list.push_back({{"id", row.id},
                    {"kind", row.kind},
                    {"ties", row.ties},
                    {"rank", row.rank[rank_slot] ? Json(row.rank[rank_slot]) : Json(nullptr)},
                    {"values", values}});
  }
  j["rows"] = list;
  return j;
}

}  // namespace wijknet::viz
