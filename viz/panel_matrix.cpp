// The project matrix: effort against impact, each cell tinted by core's advice (continue,
// investigate, stop) and the outcomes named, a dot per project with its name beside it, the
// pearls ringed in gold as in the report's matrix, the selected project ringed in the selection
// colour, and the projects without a rating listed under it. A click on a dot selects the project
// on the map and flies to it; hovering shows its name, effort, impact and advice. The picture is
// viz/project_matrix.hpp's; this file only draws it and issues actions. A tab of the docked
// column, so the map stays in sight beside it.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/present/palette.hpp"
#include "viz/i18n.hpp"
#include "viz/labels.hpp"
#include "viz/panel_util.hpp"
#include "viz/project_matrix.hpp"

namespace wijknet::viz {
namespace {

std::string rating_text(Lang lang, double v) { return format_number(lang, v, v == std::floor(v) ? 0 : 1); }

}  // namespace

void matrix_panel(AppState& state, const Insight& insight, UiContext& ctx) {
  const Lang L = ctx.lang;
  const float s = ctx.ui_scale;
  const Coalition& doc = state.document();
  // At the date filter's date, else today: the projects `wijknet health` and the report assess.
  const Portfolio portfolio = assess_portfolio(doc, state.view().measures_date().value_or(Date::today()));
  const float lh = ImGui::GetTextLineHeight();

  note(tr(L, "matrix_panel.hint"));
  ImGui::TextDisabled("%s", tr(L, "matrix_panel.counts", {std::to_string(portfolio.continue_count), std::to_string(portfolio.investigate_count),
                                                           std::to_string(portfolio.stop_count)})
                                .c_str());
  ImGui::TextUnformatted((tr(L, "matrix.impact") + " \xE2\x86\x91").c_str());  // the vertical axis' title, above it

  // The picture fills the tab, less the key and the unrated list under it.
  std::size_t unrated_count = 0;
  for (const auto& a : portfolio.projects) unrated_count += a.advice ? 0 : 1;
  const float below = ImGui::GetFrameHeightWithSpacing() * (2.0f + (unrated_count ? 1.5f : 0.0f) + (portfolio.finished ? 1.0f : 0.0f));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float area_h = std::max(160 * s, avail.y - below);
  MatrixGeometry g;
  g.area = {origin.x, origin.y, origin.x + avail.x, origin.y + area_h};
  g.axis_left = 22 * s;
  g.axis_bottom = 2 * lh + 10 * s;
  g.line_height = lh + 2 * s;
  g.gap = 3 * s;
  const auto measure = [](std::string_view t) { return double(ImGui::CalcTextSize(t.data(), t.data() + t.size()).x); };
  const MatrixPicture pic = layout_matrix(doc, portfolio, g, L, state.view().selection(), measure);
  ctx.matrix_dump = matrix_json(doc, pic);

  auto* dl = ImGui::GetWindowDrawList();
  auto v = [](double x, double y) { return ImVec2(float(x), float(y)); };
  for (const auto& c : pic.cells) {
    dl->AddRectFilled(v(c.box.x0, c.box.y0), v(c.box.x1, c.box.y1), im_color(advice_tint(advice_id(c.advice))));
    dl->AddRect(v(c.box.x0, c.box.y0), v(c.box.x1, c.box.y1), IM_COL32(255, 255, 255, 255), 0, 0, 2 * s);
  }
  const ImU32 muted = IM_COL32(90, 96, 108, 255);
  for (const auto& r : pic.regions) dl->AddText(v(r.box.x0, r.box.y0 + s), muted, r.text.c_str());
  // Axis numbers and the effort title.
  for (int k = 1; k <= 5; ++k) {
    const std::string n = std::to_string(k);
    const float tw = ImGui::CalcTextSize(n.c_str()).x;
    dl->AddText(v(pic.grid.x0 + (k - 0.5) * pic.cell - tw / 2, pic.grid.y1 + 3 * s), label_color.packed(), n.c_str());
    dl->AddText(v(pic.grid.x0 - tw - 7 * s, pic.grid.y0 + (5 - k + 0.5) * pic.cell - lh / 2), label_color.packed(), n.c_str());
  }
  const std::string effort_title = tr(L, "matrix.effort") + " \xE2\x86\x92";
  dl->AddText(v((pic.grid.x0 + pic.grid.x1) / 2 - ImGui::CalcTextSize(effort_title.c_str()).x / 2, pic.grid.y1 + lh + 6 * s),
              label_color.packed(), effort_title.c_str());

  // The dots: pearls ringed in gold, the selected ringed in the selection colour.
  for (const auto& d : pic.dots) {
    if (d.selected) dl->AddCircle(v(d.x, d.y), float(d.radius + 4 * s), im_color(selection_color), 0, 3 * s);
    dl->AddCircleFilled(v(d.x, d.y), float(d.radius), im_color(matrix_dot_color));
    dl->AddCircle(v(d.x, d.y), float(d.radius), d.pearl ? im_color(pearl_color) : IM_COL32(255, 255, 255, 255), 0,
                  d.pearl ? 3 * s : 1 * s);
    if (d.key) {  // its name is in the key under the picture
      const std::string n = std::to_string(d.key);
      const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
      dl->AddText(v(d.x - ts.x / 2, d.y - ts.y / 2), IM_COL32(255, 255, 255, 255), n.c_str());
    }
  }
  for (const auto& l : pic.labels) {
    const bool sel = pic.dots[l.node].selected;
    dl->AddRectFilled(v(l.x, l.y), v(l.x + l.width, l.y + l.height),
                      sel ? im_color(with_alpha(selection_color, 60)) : IM_COL32(255, 255, 255, 170), 3 * s);
    dl->AddText(v(l.x + 4, l.y + (l.height - lh) / 2), label_color.packed(), l.text.c_str());
  }

  // The whole picture is one button: a click on a dot selects its project.
  const bool pressed = ImGui::InvisibleButton("##matrix", {avail.x, float(std::min<double>(area_h, pic.grid.y1 + g.axis_bottom - origin.y))});
  track(ctx, "matrix.picture");
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (ImGui::IsItemHovered() || pressed) {
    if (auto k = matrix_dot_at(pic, m.x, m.y)) {
      const MatrixDot& d = pic.dots[*k];
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(label_text(doc.nodes[d.node], 60).c_str());
      ImGui::TextUnformatted(tr(L, "matrix_panel.tooltip", {rating_text(L, d.effort), rating_text(L, d.impact),
                                                             tr(L, "advice." + std::string(advice_id(d.advice)))})
                                 .c_str());
      if (d.pearl) ImGui::TextColored(im_vec4(pearl_text_color), "%s", tr(L, "matrix.pearl").c_str());
      ImGui::EndTooltip();
      if (pressed) {
        Action a{Action::Kind::select_node};
        a.index = d.node;
        ctx.actions.push_back(a);
      }
    }
  }

  // The key: the three outcomes and the pearl ring.
  const float sw = lh * 0.8f;
  for (auto a : {ProjectAdvice::continue_, ProjectAdvice::investigate, ProjectAdvice::stop}) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled({p.x, p.y + (lh - sw) / 2}, {p.x + sw, p.y + (lh + sw) / 2}, im_color(advice_tint(advice_id(a))));
    dl->AddRect({p.x, p.y + (lh - sw) / 2}, {p.x + sw, p.y + (lh + sw) / 2}, IM_COL32(150, 150, 150, 255));
    ImGui::Dummy({sw, lh});
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(L, "advice." + std::string(advice_id(a))).c_str());
    ImGui::SameLine(0, 12 * s);
  }
  if (portfolio.pearls > 0) {
    if (ImGui::GetContentRegionAvail().x < sw + ImGui::CalcTextSize(tr(L, "matrix.pearl").c_str()).x + 12 * s) ImGui::NewLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddCircle({p.x + sw / 2, p.y + lh / 2}, sw / 2, im_color(pearl_color), 0, 3 * s);
    ImGui::Dummy({sw, lh});
    ImGui::SameLine();
    ImGui::TextColored(im_vec4(pearl_text_color), "%s", tr(L, "matrix.pearl").c_str());
  } else {
    ImGui::NewLine();
  }
  // The names that found no room beside their dot, by number.
  if (!pic.keyed.empty()) {
    std::string key;
    for (auto k : pic.keyed)
      key += (key.empty() ? "" : "   ") + std::to_string(pic.dots[k].key) + " " + label_text(doc.nodes[pic.dots[k].node], 40);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(key.c_str());
    ImGui::PopTextWrapPos();
  }
  // The projects without a rating, each a link to the map.
  if (unrated_count) {
    ImGui::TextUnformatted((tr(L, "matrix_panel.unrated") + ":").c_str());
    for (auto i : pic.unrated) {
      const std::string name = label_text(doc.nodes[i], 28);
      ImGui::SameLine();
      // A name that would run past the window's edge starts a new line.
      if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(name.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x) ImGui::NewLine();
      if (ImGui::SmallButton((name + "##unrated" + doc.nodes[i].id).c_str())) {
        Action a{Action::Kind::select_node};
        a.index = i;
        ctx.actions.push_back(a);
      }
      track(ctx, "matrix.unrated." + doc.nodes[i].id);
    }
  }
  if (portfolio.finished)
    ImGui::TextDisabled("%s", tr_count(L, "matrix_panel.finished", portfolio.finished, {std::to_string(portfolio.finished)}).c_str());
}

}  // namespace wijknet::viz
