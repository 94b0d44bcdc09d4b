// The coalition report as one self-contained HTML file: what a coordinator sends to the council
// or a funder. Inline CSS and SVG only (no scripts, fonts, images or links to fetch), so it opens
// without a network and prints to PDF from any browser.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition.hpp"
#include "core/assess/suggest.hpp"

namespace wijknet {

struct ReportOptions {
  Lang lang = Lang::en;
  std::optional<Date> at;            // today when empty
  std::vector<Candidate> registry;   // candidate partners to rank; the section says none were given when empty
  bool anonymized = false;           // the coalition was pseudonymised (the report says so)
  std::string source;                // the file name, shown in the footer
};

// The report, for a council or a funder (no command-line instructions; every word in the chosen
// language): title and date, the overall health score, "what to do first" (the three most
// important actions), every indicator with its score, status, message and the members it
// concerns, the trend of the score and of every indicator over the last four years when the
// document has history (yearly snapshots on the report's day and month), the network picture (core/svg_render at the date), the
// project effort-impact matrix with a table, and the suggestions (missing sectors, candidates,
// introductions, broker succession). Print CSS keeps cards whole across pages (A4).
// Every text from the document is escaped. Deterministic for a given date.
// Complexity: a health report, the suggestions and a layout of the snapshot.
std::string report_html(const Coalition& coalition, const ReportOptions& options);

}  // namespace wijknet
