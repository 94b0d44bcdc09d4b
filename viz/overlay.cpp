#include "viz/overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "viz/insight.hpp"

namespace wijknet::viz {
namespace {

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float width, float dash) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1) return;
  for (float t = 0; t < len; t += 2 * dash) {
    const float t1 = std::min(t + dash, len);
    dl->AddLine({a.x + dx * t / len, a.y + dy * t / len}, {a.x + dx * t1 / len, a.y + dy * t1 / len}, col, width);
  }
}

void dashed_circle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float width) {
  const int n = 16;
  for (int k = 0; k < n; k += 2) {
    const float a0 = float(k) * 6.2831853f / n, a1 = float(k + 1) * 6.2831853f / n;
    dl->PathArcTo(c, r, a0, a1, 4);
    dl->PathStroke(col, 0, width);
  }
}

}  // namespace

void draw_insight_overlay(ImDrawList* dl, const AppState& state, const Insight& insight, float ui_scale, ImFont* font, float font_size) {
  const auto& styles = state.scene().node_styles();
  const Camera& cam = state.view().camera();
  const double scale = state.view().node_scale() * ui_scale;
  auto at = [&](std::size_t i) {
    Vec2 s = cam.to_screen(state.doc().positions()[i]);
    return ImVec2{float(s.x), float(s.y)};
  };
  auto radius = [&](std::size_t i) { return float(styles[i].radius * scale); };
  const Coalition& doc = state.document();
  // What-if: members out crossed; the groups that split off ringed red; new ties dashed.
  if (insight.whatif_active()) {
    for (const auto& id : insight.scenario().removed)
      if (auto i = doc.find(id)) {
        const ImVec2 c = at(*i);
        const float r = radius(*i) + 3 * ui_scale;
        dl->AddLine({c.x - r, c.y - r}, {c.x + r, c.y + r}, IM_COL32(90, 90, 90, 230), 2.5f * ui_scale);
        dl->AddLine({c.x - r, c.y + r}, {c.x + r, c.y - r}, IM_COL32(90, 90, 90, 230), 2.5f * ui_scale);
      }
    for (const auto& [a, b] : insight.scenario().added) {
      auto x = doc.find(a), y = doc.find(b);
      if (x && y) dashed(dl, at(*x), at(*y), IM_COL32(31, 119, 180, 235), 2.5f * ui_scale, 7 * ui_scale);
    }
    if (const WhatIf* w = insight.whatif(state))
      for (const auto& group : w->split_off)
        for (const auto& id : group)
          if (auto i = doc.find(id)) dl->AddCircle(at(*i), radius(*i) + 4 * ui_scale, IM_COL32(192, 57, 43, 255), 0, 3 * ui_scale);
  }
  // The members of the indicator or suggestion the user picked.
  for (auto i : insight.highlighted(state))
    dl->AddCircle(at(i), radius(i) + 7 * ui_scale, IM_COL32(255, 140, 0, 235), 0, 3 * ui_scale);
  // A previewed suggestion.
  const Ghost g = insight.ghost(state);
  const ImU32 green = IM_COL32(46, 139, 87, 240);
  for (const auto& [a, b] : g.ties) dashed(dl, at(a), at(b), green, 3 * ui_scale, 8 * ui_scale);
  if (g.node) {
    const Vec2 s = cam.to_screen(g.at);
    const ImVec2 c{float(s.x), float(s.y)};
    for (auto j : g.ties_to) dashed(dl, c, at(j), green, 2 * ui_scale, 6 * ui_scale);
    const float r = float(12 * ui_scale * std::clamp(state.view().node_scale(), 1.0, 2.0));
    dl->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 220));
    dashed_circle(dl, c, r, green, 2.5f * ui_scale);
    const ImVec2 size = font->CalcTextSizeA(font_size, 1e9f, 0, g.label.c_str());
    const ImVec2 at_text{c.x + r + 6, c.y - size.y / 2};
    dl->AddRectFilled({at_text.x - 3, at_text.y - 2}, {at_text.x + size.x + 3, at_text.y + size.y + 2}, IM_COL32(232, 245, 236, 240), 3);
    dl->AddRect({at_text.x - 3, at_text.y - 2}, {at_text.x + size.x + 3, at_text.y + size.y + 2}, green, 3);
    dl->AddText(font, font_size, at_text, IM_COL32(30, 90, 50, 255), g.label.c_str());
  }
}

}  // namespace wijknet::viz
