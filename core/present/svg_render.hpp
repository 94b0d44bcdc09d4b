// Pictures as SVG text, headless: the network (for `wijknet render` and the HTML report) and the
// project portfolio's effort-impact matrix. Colours come from the one palette (core/present/palette.hpp),
// so a picture in a report looks like the screen: partners by sector, residents in the residents'
// colour, projects as squares, the wijkmakelaar with an orange ring.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.hpp"
#include "core/text/i18n.hpp"
#include "core/model/coalition_layout.hpp"
#include "core/model/coalition.hpp"
#include "core/present/palette.hpp"
#include "core/assess/portfolio.hpp"

namespace wijknet {

// How the window draws a member (its colour mode and size measure), for the window's SVG export.
struct SvgNodeLook {
  Rgba fill;
  double radius = 6;    // user units
  bool shown = true;    // false: filtered out, neither it nor its ties are drawn
};

// A row of the legend's colour key: a colour and what it stands for.
struct SvgLegendRow {
  Rgba color;
  std::string text;
};

struct SvgOptions {
  // The most room the picture may take, legend included (user units = CSS px); the picture is
  // cut to what the network needs, so no band of it stays empty.
  double width = 960, height = 680;
  Lang lang = Lang::en;
  bool labels = true;
  bool legend = true;
  std::string title;                 // drawn at the top left when not empty
  std::string subtitle;              // under the title: the date the picture shows (as_of_text)
  // The window's look (viz/export): per node its fill, radius and whether it is shown. Empty:
  // core's own (partners by sector, residents and projects in their colours, sized by ties).
  std::vector<SvgNodeLook> looks;
  // Per tie whether it is shown (ties of hidden members never are). Empty: every tie.
  std::vector<std::uint8_t> ties_shown;
  // The text of each node's label and tooltip instead of its label (pseudonyms). Empty: labels.
  std::vector<std::string> texts;
  // The legend's colour key when the caller colours by something else (kind, community, a
  // measure): its title and rows. Empty rows: the sectors present, projects and the broker.
  // The tie kinds present follow in both cases.
  std::string legend_title;
  std::vector<SvgLegendRow> legend_rows;
};

// The subtitle of a picture: "Stand op 2 december 2026" / "As of 2 December 2026", for `at`
// or, without one, today (the network a picture without a date shows). One rule for `wijknet
// render` and the window's PNG and SVG exports.
std::string as_of_text(Lang lang, const std::optional<Date>& at);

// Positions for every node of `coalition` (index i for nodes[i]): the stored layout where every
// node has one, else the ForceAtlas2 layout of core/graph/layout.hpp run for `steps` steps from the
// stored or seeded positions (a fixed number of steps, no time budget, so the same document
// always gives the same picture), after a multilevel start when no node has a stored position.
// O(steps (n log n + m)).
std::vector<Vec2> network_positions(const Coalition& coalition, int steps = 800);

// The network as a standalone SVG document (it can also be inlined in HTML as is): a title and
// subtitle, ties under nodes, by kind (collaborates solid, participates light, funds dashed gold,
// survey ties dotted with arrows), nodes sized by their number of ties in the palette of
// core/present/palette.hpp, labels placed by core/present/label_placement.hpp (broker first, then by ties; none
// covers a member, the legend, the title or another label), and a legend of the sectors, kinds
// and tie kinds present. `positions` has one entry per node; it is scaled to fit.
// Deterministic. O(n + m).
std::string network_svg(const Coalition& coalition, const std::vector<Vec2>& positions, const SvgOptions& options);

// The effort-impact matrix (seed 004) as SVG: a 5 x 5 grid of effort (x) and impact (y) whose
// cells are tinted by the advice project_advice gives there (continue green, investigate sand,
// stop red), each rated project a numbered dot in its cell (several in one cell are spread out),
// pearls with a gold ring, and a key listing the numbers with the project names. O(projects).
std::string portfolio_svg(const Coalition& coalition, const Portfolio& portfolio, Lang lang, double width = 720);

}  // namespace wijknet
