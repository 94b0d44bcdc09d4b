// The timeline panel: a bar along the bottom of the map with a month slider from the first
// `since` to today, play/pause and a month back and forward; "Compare with..." picks a second date
// and lists what changed between the two (joined, left, ties made and lost, health before and
// after), as `wijknet diff FILE@D1 FILE@D2`. It only draws viz/timeline.hpp's state and issues
// actions; a joined or left member clicked in the list is selected on the map.
#include <imgui.h>

#include "core/assess/health.hpp"
#include "viz/i18n.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {

namespace {

// The slider's label for a position: "juli 2015", or "today, 2 December 2026" at the end.
std::string position_text(Lang L, const TimelineRange& r, int k) {
  const Date d = r.date_at(k);
  if (k >= r.positions() - 1) return tr(L, "timeline.today", {long_date(L, d)});
  return long_date(L, d);
}

// ImGui reads a slider's text as a format string.
std::string escape_percent(std::string s) {
  for (std::size_t p = s.find('%'); p != std::string::npos; p = s.find('%', p + 2)) s.insert(p, "%");
  return s;
}

std::string score_text(Lang L, const std::optional<double>& s) { return s ? format_number(L, round1(*s), 0) : "—"; }

void compare_table(const std::vector<CompareRow>& rows, const CoalitionDiff& d, UiContext& ctx, float height) {
  const Lang L = ctx.lang;
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("##changes", 5, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(L, "diff.joined", {std::to_string(d.joined.size())}).c_str());
  ImGui::TableSetupColumn(tr(L, "diff.left", {std::to_string(d.left.size())}).c_str());
  ImGui::TableSetupColumn(tr(L, "diff.ties_made", {std::to_string(d.ties_made.size())}).c_str());
  ImGui::TableSetupColumn(tr(L, "diff.ties_lost", {std::to_string(d.ties_lost.size())}).c_str());
  ImGui::TableSetupColumn(tr(L, "timeline.health").c_str());
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  const CompareRow::Kind kinds[] = {CompareRow::Kind::joined, CompareRow::Kind::left, CompareRow::Kind::tie_made,
                                    CompareRow::Kind::tie_lost, CompareRow::Kind::health};
  for (int c = 0; c < 5; ++c) {
    ImGui::TableSetColumnIndex(c);
    ImGui::PushTextWrapPos(0);
    for (const auto& row : rows) {
      if (row.kind != kinds[c]) continue;
      if (row.kind == CompareRow::Kind::joined || row.kind == CompareRow::Kind::left) {
        // A member in the list is selected on the map.
        if (ImGui::Selectable((row.text + "##" + row.id + std::to_string(c)).c_str()))
          ctx.actions.push_back({Action::Kind::select_member, row.id});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.text.c_str());  // a name the column cuts off
        track(ctx, std::string(row.kind == CompareRow::Kind::joined ? "timeline.joined." : "timeline.left.") + row.id);
      } else if (row.kind == CompareRow::Kind::health) {
        ImGui::TextUnformatted((row.text + ": " + score_text(L, row.before) + " → " + score_text(L, row.after)).c_str());
      } else {
        ImGui::TextUnformatted(row.text.c_str());
      }
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

}  // namespace

void timeline_panel(AppState& state, const Timeline& timeline, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float status_h = ImGui::GetFrameHeight();
  const float left = vp->WorkPos.x + ctx.dock_width + 8 * ctx.ui_scale;
  const float width = std::max(vp->WorkPos.x + vp->WorkSize.x - ctx.inspector_width - 8 * ctx.ui_scale - left, 320 * ctx.ui_scale);
  ImGui::SetNextWindowPos({left, vp->WorkPos.y + vp->WorkSize.y - status_h - 4 * ctx.ui_scale}, ImGuiCond_Always, {0, 1});
  ImGui::SetNextWindowSizeConstraints({width, 0}, {width, vp->WorkSize.y * 0.5f});
  ImGui::SetNextWindowBgAlpha(0.95f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
  bool open = true;
  ctx.timeline_height = 0;
  if (ImGui::Begin((tr(L, "panel.timeline") + "###timeline").c_str(), &open, flags)) {
    ctx.timeline_height = ImGui::GetWindowSize().y + 4 * ctx.ui_scale;
    ctx.widgets["timeline"] = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                               ImGui::GetWindowPos().y + ImGui::GetWindowSize().y};
    const auto range = timeline.range(state);
    if (!range) {
      note(tr(L, "timeline.no_dates"));
    } else {
      const auto date = timeline.date(state);
      int k = range->position_of(date.value_or(range->last));
      // A month back, play or pause, a month forward, then the slider.
      if (ImGui::ArrowButton("##back", ImGuiDir_Left)) ctx.actions.push_back({Action::Kind::timeline_back});
      track(ctx, "timeline.back");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "timeline.back").c_str());
      ImGui::SameLine();
      const bool playing = timeline.playing();
      if (ImGui::Button((tr(L, playing ? "timeline.pause" : "timeline.play") + "###play").c_str()))
        ctx.actions.push_back({playing ? Action::Kind::timeline_pause : Action::Kind::timeline_play});
      track(ctx, "timeline.play");
      ImGui::SameLine();
      if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) ctx.actions.push_back({Action::Kind::timeline_forward});
      track(ctx, "timeline.forward");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "timeline.forward").c_str());
      ImGui::SameLine();
      const std::string all = tr(L, "timeline.all_button");
      const float all_w = ImGui::CalcTextSize(all.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
      ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - all_w - ImGui::GetStyle().ItemSpacing.x, 120.0f));
      const std::string label = date ? position_text(L, *range, k) : tr(L, "timeline.all");
      if (ImGui::SliderInt("##month", &k, 0, range->positions() - 1, escape_percent(label).c_str(), ImGuiSliderFlags_AlwaysClamp)) {
        if (playing) ctx.actions.push_back({Action::Kind::timeline_pause});
        Action a{Action::Kind::timeline_position};
        a.index = std::size_t(k);
        ctx.actions.push_back(a);
        ctx.filter_date = range->date_at(k).str();  // the filters window's date box says the same
      }
      track(ctx, "timeline.slider");
      ImGui::SameLine();
      if (ImGui::Button(all.c_str())) {
        ctx.actions.push_back({Action::Kind::timeline_pause});
        ctx.actions.push_back({Action::Kind::timeline_date, ""});
        ctx.filter_date.clear();
      }
      track(ctx, "timeline.all");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "timeline.all").c_str());

      // What the map shows, then "Compare with...".
      ImGui::TextDisabled("%s",
                          tr(L, "filters.shown", {std::to_string(state.scene().visible_count()), std::to_string(state.doc().node_count())}).c_str());
      ImGui::SameLine();
      const auto& other = timeline.compare_date();
      if (!other) {
        if (ImGui::Button(tr(L, "timeline.compare").c_str())) {
          // The other date: today when the map is in the past, else the first month.
          const Date d = k < range->positions() - 1 ? range->last : range->first;
          ctx.actions.push_back({Action::Kind::timeline_compare, d.str()});
        }
        track(ctx, "timeline.compare");
      } else {
        int c = range->position_of(*other);
        const std::string stop = tr(L, "timeline.compare_stop");
        const float stop_w = ImGui::CalcTextSize(stop.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - stop_w - ImGui::GetStyle().ItemSpacing.x, 120.0f));
        if (ImGui::SliderInt("##compare", &c, 0, range->positions() - 1, escape_percent(position_text(L, *range, c)).c_str(),
                             ImGuiSliderFlags_AlwaysClamp))
          ctx.actions.push_back({Action::Kind::timeline_compare, range->date_at(c).str()});
        track(ctx, "timeline.compare_slider");
        ImGui::SameLine();
        if (ImGui::Button(stop.c_str())) ctx.actions.push_back({Action::Kind::timeline_compare, ""});
        track(ctx, "timeline.compare_stop");
        const auto dates = timeline.compared_dates(state);
        if (const CoalitionDiff* d = timeline.comparison(state); d && dates) {
          ImGui::TextUnformatted(tr(L, "timeline.compare_title", {long_date(L, dates->first), long_date(L, dates->second)}).c_str());
          if (d->joined.empty() && d->left.empty() && d->ties_made.empty() && d->ties_lost.empty()) note(tr(L, "timeline.nothing"));
          const float rows_h = std::min(vp->WorkSize.y * 0.22f, 9 * ImGui::GetTextLineHeightWithSpacing());
          compare_table(Timeline::compare_rows(*d, L), *d, ctx, rows_h);
        } else {
          note(tr(L, "timeline.computing"));
        }
      }
    }
  }
  ImGui::End();
  if (!open) ctx.actions.push_back({Action::Kind::hide_panel, "timeline"});
}

}  // namespace wijknet::viz
