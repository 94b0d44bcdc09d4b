#include "core/present/report_html.hpp"

#include <algorithm>

#include "core/model/coalition_network.hpp"
#include "core/assess/health.hpp"
#include "core/assess/portfolio.hpp"
#include "core/present/svg_render.hpp"
#include "core/text/xml_text.hpp"

namespace wijknet {
namespace {

// Print-friendly, no external resources; colours carry the status, and the status is also in
// words for readers who print in black and white.
constexpr const char* style = R"CSS(
:root { --ok: #2e8b57; --warn: #d49a00; --alert: #c0392b; --nodata: #8a8f98; --ink: #1e1e22; --muted: #5b6070; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px;
       padding: 24px 28px 40px; line-height: 1.45; background: #ffffff; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 12px; border-bottom: 2px solid #e3e5ea; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0; }
.sub { color: var(--muted); margin: 0; }
.overview { display: flex; gap: 24px; align-items: center; margin-top: 18px; }
.score-badge { width: 130px; height: 130px; border-radius: 50%; display: flex; flex-direction: column; align-items: center;
               justify-content: center; color: #fff; flex: none; }
.score-badge .score { font-size: 44px; font-weight: bold; line-height: 1; }
.score-badge .of { font-size: 14px; }
.score-badge .word { font-size: 13px; margin-top: 4px; }
.bg-ok { background: var(--ok); } .bg-warn { background: var(--warn); } .bg-alert { background: var(--alert); }
.bg-no_data { background: var(--nodata); }
.mini { list-style: none; padding: 0; margin: 8px 0 0; columns: 2; column-gap: 24px; font-size: 13px; }
.mini li { margin: 2px 0; break-inside: avoid; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 14px; }
.card { border: 1px solid #e3e5ea; border-left: 6px solid var(--nodata); border-radius: 6px; padding: 12px 14px;
        break-inside: avoid; page-break-inside: avoid; }
.card.ok { border-left-color: var(--ok); } .card.warn { border-left-color: var(--warn); }
.card.alert { border-left-color: var(--alert); }
.card header { display: flex; align-items: baseline; gap: 10px; }
.card header .num { margin-left: auto; font-size: 22px; font-weight: bold; }
.badge { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #fff; border-radius: 10px; padding: 1px 8px; }
.bar { height: 6px; background: #eceef2; border-radius: 3px; margin: 8px 0; overflow: hidden; }
.bar div { height: 100%; }
.card p { margin: 6px 0 0; font-size: 14px; }
.concerns { color: var(--muted); font-size: 13px !important; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; border: 1px solid #e3e5ea; border-radius: 6px; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eceef2; vertical-align: top; }
th { background: #f4f5f7; }
td.n { text-align: right; }
.suggestions li, .suggestions p { margin: 6px 0; font-size: 14px; }
.suggestions h3 { margin-top: 16px; }
.pair { font-weight: bold; }
.first ol { margin: 6px 0 0; padding-left: 22px; }
.first li { margin: 6px 0; font-size: 15px; }
.note { color: var(--muted); font-size: 13px; }
td.st-ok { color: var(--ok); } td.st-warn { color: var(--warn); } td.st-alert { color: var(--alert); }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid #e3e5ea; padding-top: 10px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .cards { grid-template-columns: 1fr 1fr; }
  .card, figure, table, .suggestions li { break-inside: avoid; page-break-inside: avoid; }
  .score-badge, .badge, .bar div, .dot { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.network { break-before: page; page-break-before: always; }
}
)CSS";

std::string esc(std::string_view s) { return xml_escape(s); }

std::string status_word(Lang lang, HealthStatus s) { return tr(lang, "health.status." + std::string(status_id(s))); }

std::string label_of(const Coalition& c, const std::string& id) {
  const Node* n = c.node(id);
  return n && !n->label.empty() ? n->label : id;
}

std::string score_text(Lang lang, const std::optional<double>& s) {
  return s ? format_number(lang, round1(*s), 0) : std::string("&#8211;");
}

void overview(std::string& h, const HealthReport& r, Lang lang) {
  const auto st = r.overall_status();
  h += "<section class=\"overview\">\n<div class=\"score-badge bg-" + std::string(status_id(st)) + "\"><span class=\"score\">" +
       score_text(lang, r.score) + "</span><span class=\"of\">/100</span><span class=\"word\">" + esc(status_word(lang, st)) +
       "</span></div>\n<div><h2 style=\"margin-top:0;border:none\">" + esc(tr(lang, "report.overall")) + "</h2><p>" +
       esc(tr(lang, "health.overall.note")) + " " + esc(tr(lang, "health.network", {scope_name(lang, NetworkScope::actors)})) +
       "</p>\n";
  bool any_alert = false;
  for (const auto& ind : r.indicators) any_alert = any_alert || ind.status == HealthStatus::alert;
  if (r.connected_share < 1.0)
    h += "<p class=\"note\">" + esc(tr(lang, "report.overall.split", {format_number(lang, 100.0 * r.connected_share, 0) + "%"})) + "</p>\n";
  if (any_alert && r.score && *r.score >= 70) h += "<p class=\"note\">" + esc(tr(lang, "report.overall.capped")) + "</p>\n";
  h += "<ul class=\"mini\">\n";
  for (const auto& ind : r.indicators)
    h += "<li><span class=\"dot bg-" + std::string(status_id(ind.status)) + "\"></span>" + esc(indicator_title(lang, ind.id)) +
         ": <b>" + score_text(lang, ind.score) + "</b> (" + esc(status_word(lang, ind.status)) + ")</li>\n";
  h += "</ul></div>\n</section>\n";
}

void indicators(std::string& h, const Coalition& c, const HealthReport& r, Lang lang) {
  h += "<section class=\"indicators\"><h2>" + esc(tr(lang, "report.indicators")) + "</h2>\n<div class=\"cards\">\n";
  for (const auto& ind : r.indicators) {
    const std::string st(status_id(ind.status));
    h += "<article class=\"card " + st + "\" id=\"ind-" + ind.id + "\"><header><h3>" + esc(indicator_title(lang, ind.id)) +
         "</h3><span class=\"badge bg-" + st + "\">" + esc(status_word(lang, ind.status)) + "</span><span class=\"num\">" +
         score_text(lang, ind.score) + "</span></header>\n";
    h += "<div class=\"bar\"><div class=\"bg-" + st + "\" style=\"width:" +
         (ind.score ? format_number(Lang::en, std::clamp(*ind.score, 0.0, 100.0), 0) : std::string("0")) + "%\"></div></div>\n";
    h += "<p>" + esc(ind.message) + "</p>\n";
    if (!ind.nodes.empty()) {
      std::vector<std::string> names;
      for (const auto& id : ind.nodes) names.push_back(label_of(c, id));
      h += "<p class=\"concerns\">" + esc(tr(lang, "health.concerns", {join_names(lang, names, 10)})) + "</p>\n";
    }
    h += "</article>\n";
  }
  h += "</div></section>\n";
}

// The three most important actions (core/assess/health.hpp's first_actions), each under the title of
// the indicator it comes from.
void first(std::string& h, const HealthReport& r, Lang lang) {
  h += "<section class=\"first\"><h2>" + esc(tr(lang, "report.first")) + "</h2>\n";
  const auto actions = first_actions(r, 3);
  if (actions.empty()) {
    h += "<p>" + esc(tr(lang, "report.first.none")) + "</p></section>\n";
    return;
  }
  h += "<ol>\n";
  for (const auto* ind : actions)
    h += "<li><b>" + esc(indicator_title(lang, ind->id)) + "</b> (" + esc(status_word(lang, ind->status)) + "): " +
         esc(ind->action) + "</li>\n";
  h += "</ol></section>\n";
}

// Yearly snapshots: the same day of each earlier year, back to the first year in which the
// document has a dated member, at most four years. Empty when the document has no history
// (no member with a start date before the first of those days).
std::vector<Date> trend_dates(const Coalition& c, const Date& at) {
  std::optional<Date> first;
  for (const auto& n : c.nodes)
    if (n.since && (!first || *n.since < *first)) first = *n.since;
  std::vector<Date> out;
  if (!first) return out;
  for (int k = 4; k >= 1; --k) {
    const int day = (at.month() == 2 && at.day() == 29) ? 28 : at.day();
    const Date d(at.year() - k, at.month(), day);
    if (*first <= d) out.push_back(d);
  }
  return out;
}

void trend(std::string& h, const Coalition& c, const HealthReport& now, Lang lang) {
  if (c.nodes.size() > 5000) return;  // five health reports of a very large network take too long
  const auto dates = trend_dates(c, now.at);
  if (dates.empty()) return;
  std::vector<HealthReport> reports;
  for (const auto& d : dates) {
    HealthOptions o;
    o.at = d;
    o.lang = lang;
    reports.push_back(assess_health(c, o));
  }
  reports.push_back(now);
  h += "<section class=\"trend\"><h2>" + esc(tr(lang, "report.trend")) + "</h2>\n<table><thead><tr><th>" +
       esc(tr(lang, "report.trend.year")) + "</th>";
  for (const auto& r : reports) h += "<th class=\"n\">" + r.at.str() + "</th>";
  h += "</tr></thead><tbody>\n<tr><td><b>" + esc(tr(lang, "report.overall")) + "</b></td>";
  for (const auto& r : reports)
    h += "<td class=\"n st-" + std::string(status_id(r.overall_status())) + "\"><b>" + score_text(lang, r.score) + "</b></td>";
  h += "</tr>\n";
  for (const auto& ind : now.indicators) {
    h += "<tr><td>" + esc(indicator_title(lang, ind.id)) + "</td>";
    for (const auto& r : reports) {
      const HealthIndicator* x = r.find(ind.id);
      h += "<td class=\"n st-" + std::string(status_id(x ? x->status : HealthStatus::no_data)) + "\">" +
           score_text(lang, x ? x->score : std::nullopt) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table><p class=\"note\">" + esc(tr(lang, "report.trend.caption")) + "</p></section>\n";
}

void network(std::string& h, const Coalition& snapshot, Lang lang) {
  SvgOptions o;
  o.lang = lang;
  o.width = 1040;
  o.height = snapshot.nodes.size() > 60 ? 900 : 700;
  o.labels = snapshot.nodes.size() <= 250;
  h += "<section class=\"network\"><h2>" + esc(tr(lang, "report.network")) + "</h2>\n<figure>\n";
  h += network_svg(snapshot, network_positions(snapshot), o);
  h += "<figcaption>" + esc(tr(lang, "report.network.caption")) + " " +
       esc(tr(lang, "report.measures.network", {scope_name(lang, NetworkScope::members_and_projects)})) +
       "</figcaption>\n</figure></section>\n";
}

void projects(std::string& h, const Coalition& snapshot, const Date& at, Lang lang) {
  const Portfolio p = assess_portfolio(snapshot, at);
  h += "<section class=\"projects\"><h2>" + esc(tr(lang, "report.projects")) + "</h2>\n";
  if (p.projects.empty()) {
    h += "<p>" + esc(tr(lang, "report.projects.none")) + "</p></section>\n";
    return;
  }
  h += "<figure>\n" + portfolio_svg(snapshot, p, lang, 760) + "<figcaption>" + esc(tr(lang, "report.projects.caption")) +
       "</figcaption>\n</figure>\n";
  h += "<table><thead><tr><th>" + esc(tr(lang, "report.col.project")) + "</th><th>" + esc(tr(lang, "report.col.themes")) +
       "</th><th>" + esc(tr(lang, "matrix.effort")) + "</th><th>" + esc(tr(lang, "matrix.impact")) + "</th><th>" +
       esc(tr(lang, "report.col.advice")) + "</th></tr></thead><tbody>\n";
  for (const auto& a : p.projects) {
    const Node& n = snapshot.nodes[a.node];
    std::vector<std::string> themes;
    for (const auto& t : n.themes) {
      const Theme* th = snapshot.theme(t);
      themes.push_back(th && !th->label.empty() ? th->label : t);
    }
    std::string advice = a.advice ? tr(lang, "advice." + std::string(advice_id(*a.advice))) : tr(lang, "advice.unrated");
    if (a.pearl) advice += " \xE2\x98\x85 " + tr(lang, "report.pearl");
    h += "<tr><td>" + esc(n.label.empty() ? n.id : n.label) + "</td><td>" + esc(join_names(lang, themes, 8)) +
         "</td><td class=\"n\">" + (a.effort ? format_number(lang, *a.effort, 0) : std::string("&#8211;")) +
         "</td><td class=\"n\">" + (a.impact ? format_number(lang, *a.impact, 0) : std::string("&#8211;")) + "</td><td>" +
         esc(advice) + "</td></tr>\n";
  }
  h += "</tbody></table></section>\n";
}

void suggestions(std::string& h, const Coalition& c, const Suggestions& s, Lang lang) {
  h += "<section class=\"suggestions\"><h2>" + esc(tr(lang, "report.suggestions")) + "</h2>\n";
  auto pair = [&](const Introduction& in) {
    return "<span class=\"pair\">" + esc(label_of(c, in.a)) + " &amp; " + esc(label_of(c, in.b)) + "</span>: " + esc(in.reason);
  };
  h += "<h3>" + esc(tr(lang, "suggest.head.missing")) + "</h3>\n<ul>\n";
  if (s.missing_sectors.empty()) h += "<li>" + esc(tr(lang, "report.missing.none")) + "</li>\n";
  for (const auto& m : s.missing_sectors) h += "<li>" + esc(m.reason) + "</li>\n";
  h += "</ul>\n<h3>" + esc(tr(lang, "suggest.head.candidates")) + "</h3>\n<ul>\n";
  if (!s.registry_given) h += "<li>" + esc(tr(lang, "report.no_registry")) + "</li>\n";
  else if (s.candidates.empty()) h += "<li>" + esc(tr(lang, "suggest.none")) + "</li>\n";
  for (const auto& cand : s.candidates)
    h += "<li><b>" + esc(cand.name) + "</b> (" + esc(sector_name(lang, cand.sector)) + "): " + esc(cand.reason) + "</li>\n";
  h += "</ul>\n<h3>" + esc(tr(lang, "suggest.head.introductions")) + "</h3>\n<ul>\n";
  if (s.introductions.empty()) h += "<li>" + esc(tr(lang, "suggest.none")) + "</li>\n";
  for (const auto& in : s.introductions) h += "<li>" + pair(in) + "</li>\n";
  h += "</ul>\n<h3>" + esc(tr(lang, "suggest.head.succession")) + "</h3>\n";
  if (!s.succession) {
    h += "<p>" + esc(tr(lang, "suggest.none")) + "</p>\n";
  } else {
    const auto& su = *s.succession;
    h += "<p>" + esc(su.reason) + "</p>\n";
    if (!su.successors.empty()) {
      h += "<p>" + esc(tr(lang, "suggest.head.successors")) + "</p><ul>\n";
      for (const auto& x : su.successors) h += "<li>" + esc(x.reason) + "</li>\n";
      h += "</ul>\n";
    }
    if (!su.reconnect.empty()) {
      h += "<p>" + esc(tr(lang, "suggest.head.reconnect")) + "</p><ul>\n";
      for (const auto& in : su.reconnect) h += "<li>" + pair(in) + "</li>\n";
      h += "</ul>\n";
    }
  }
  h += "</section>\n";
}

}  // namespace

std::string report_html(const Coalition& coalition, const ReportOptions& options) {
  const Lang lang = options.lang;
  const Date at = options.at.value_or(Date::today());
  HealthOptions hopt;
  hopt.at = at;
  hopt.lang = lang;
  const HealthReport health = assess_health(coalition, hopt);
  SuggestOptions sopt;
  sopt.at = at;
  sopt.lang = lang;
  Suggestions sugg = suggest(coalition, options.registry, sopt);
  sugg.registry_given = !options.registry.empty();
  const Coalition snapshot = coalition.at(at);

  const std::string name = coalition.name.empty() ? options.source : coalition.name;
  std::string h;
  h.reserve(64 * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(lang)) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\" content=\"wijknet\">\n";
  h += "<title>" + esc(tr(lang, "health.title", {name})) + "</title>\n<style>" + std::string(style) + "</style>\n</head>\n<body>\n";
  h += "<header><h1>" + esc(tr(lang, "health.title", {name})) + "</h1><p class=\"sub\">";
  if (!coalition.area.empty()) h += esc(coalition.area) + " &#183; ";
  h += esc(tr(lang, "health.at", {at.str()})) + "</p></header>\n";
  overview(h, health, lang);
  first(h, health, lang);
  indicators(h, coalition, health, lang);
  trend(h, coalition, health, lang);
  network(h, snapshot, lang);
  projects(h, snapshot, at, lang);
  suggestions(h, coalition, sugg, lang);
  h += "<footer><p>" + esc(tr(lang, "report.footer", {at.str(), options.source.empty() ? name : options.source})) + "</p>";
  if (options.anonymized) h += "<p>" + esc(tr(lang, "report.anonymized")) + "</p>";
  h += "<p>" + esc(tr(lang, "report.method")) + "</p></footer>\n</body>\n</html>\n";
  return h;
}

}  // namespace wijknet
