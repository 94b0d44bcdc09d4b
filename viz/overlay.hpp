// What the coordinator's panels draw over the map: the highlighted members of an indicator or a
// suggestion (orange rings), a what-if scenario (members taken out crossed, the groups that split
// off in red, hypothetical ties dashed) and a previewed candidate as a ghost with dashed ties.
#pragma once

struct ImDrawList;
struct ImFont;

namespace wijknet::viz {

class AppState;
class Insight;

void draw_insight_overlay(ImDrawList* dl, const AppState& state, const Insight& insight, float ui_scale, ImFont* font, float font_size);

}  // namespace wijknet::viz
