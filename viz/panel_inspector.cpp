// The inspector: the primary selected member's name, id, kind, sector, role, themes, dates and
// attributes, its measures and its ties. Known fields are edited with their own widgets (a
// project's effort and impact as 1..5 steps with "not rated", its budget as an amount typed as
// people write it, its status from core's list; since and until of every member and tie as
// dates); other attributes as key/value rows. What a field accepts and how it is refused is
// viz/attribute_fields.hpp; every change is one undoable edit of AppState.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <functional>

#include "core/model/coalition_network.hpp"
#include "core/assess/portfolio.hpp"
#include "viz/attribute_fields.hpp"
#include "viz/i18n.hpp"
#include "viz/labels.hpp"
#include "viz/members_table.hpp"
#include "viz/panel_util.hpp"

namespace wijknet::viz {
namespace {

// A refusal under its field, in red, until the next accepted edit.
void field_error(UiContext& ctx, const std::string& name) {
  auto it = ctx.field_error.find(name);
  if (it == ctx.field_error.end() || it->second.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
  ImGui::TextWrapped("%s", it->second.c_str());
  ImGui::PopStyleColor();
}

// A one-line text field that shows `current` unless the user is typing in it; returns the text
// when the user commits it (Enter or leaving the field) and it differs from `current`.
std::optional<std::string> text_field(UiContext& ctx, const std::string& name, const char* label, const std::string& current,
                                      const std::string& hint = {}) {
  std::string& buf = ctx.field_text[name];
  if (ctx.field_active != name) buf = current;
  const bool enter = ImGui::InputTextWithHint(label, hint.c_str(), &buf, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, name);
  if (ImGui::IsItemActivated()) ctx.field_active = name;
  const bool commit = enter || ImGui::IsItemDeactivatedAfterEdit();
  if ((enter || ImGui::IsItemDeactivated()) && ctx.field_active == name) ctx.field_active.clear();
  if (commit && buf != current) return buf;
  return std::nullopt;
}

// Applies an edit, or keeps the refusal to show under the field.
template <class Edit, class Apply>
void take(UiContext& ctx, const std::string& name, Edit edit, Apply apply) {
  if (!edit.ok()) {
    ctx.field_error[name] = edit.error;
    return;
  }
  ctx.field_error.erase(name);
  apply(std::move(edit));
}

std::string period_text(const std::optional<Date>& since, const std::optional<Date>& until) {
  return (since ? since->str() : std::string()) + " \xE2\x80\x93 " + (until ? until->str() : std::string());
}

// Since and until, each a date field.
void dates_editor(UiContext& ctx, const std::string& prefix, const std::optional<Date>& since, const std::optional<Date>& until,
                  const std::function<void(std::optional<Date>, std::optional<Date>)>& apply) {
  const Lang L = ctx.lang;
  const float w = std::max(90.0f * ctx.ui_scale, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2);
  // The titles on one line, the two fields under them.
  const float second = ImGui::GetCursorPosX() + w + ImGui::GetStyle().ItemSpacing.x;
  ImGui::TextDisabled("%s", field_title(L, "since").c_str());
  ImGui::SameLine(second);
  ImGui::TextDisabled("%s", field_title(L, "until").c_str());
  for (const char* which : {"since", "until"}) {
    const std::string name = prefix + "." + which;
    if (std::string_view(which) == "until") ImGui::SameLine(second);
    ImGui::SetNextItemWidth(w);
    if (auto text = text_field(ctx, name, ("##" + name).c_str(), date_text(std::string_view(which) == "since" ? since : until),
                               tr(L, "field.date_hint")))
      take(ctx, name, set_date(since, until, which, *text, L), [&](DatesEdit d) { apply(d.since, d.until); });
  }
  field_error(ctx, prefix + ".since");
  field_error(ctx, prefix + ".until");
}

// A 1..5 rating as six steps: "not rated", then 1 to 5; a fractional rating shows beside them.
void rating_steps(UiContext& ctx, const std::string& name, const Json& attrs, const FieldSpec& f,
                  const std::function<void(Json)>& apply) {
  const Lang L = ctx.lang;
  const std::optional<double> r = field_rating(attrs, f.key);
  ImGui::TextUnformatted(field_title(L, f.key).c_str());
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), 86 * ctx.ui_scale));
  auto step = [&](const std::string& text, const std::string& value, bool on, const std::string& widget) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::SmallButton(text.c_str());
    if (on) ImGui::PopStyleColor();
    track(ctx, widget);
    if (clicked) take(ctx, name, set_field(attrs, f, value, L), [&](AttrsEdit e) { apply(std::move(e.attrs)); });
  };
  ImGui::PushID(name.c_str());
  step(tr(L, "field.not_rated") + "##none", "", !r, name + ".none");
  for (int k = 1; k <= 5; ++k) {
    ImGui::SameLine(0, 3 * ctx.ui_scale);
    step(std::to_string(k), std::to_string(k), r && *r == k, name + "." + std::to_string(k));
  }
  if (r && *r != std::floor(*r)) {
    ImGui::SameLine();
    ImGui::TextUnformatted(field_text(attrs, f, L).c_str());
  }
  ImGui::PopID();
  field_error(ctx, name);
}

// The typed fields of `typed`, then the other attributes as key/value rows with remove, and a
// row to add one. `apply` takes the whole new attrs object (one undoable edit).
void attrs_editor(UiContext& ctx, const std::string& prefix, const Json& attrs, const std::vector<FieldSpec>& typed,
                  const std::function<void(Json)>& apply) {
  const Lang L = ctx.lang;
  const auto set = [&](AttrsEdit e) { apply(std::move(e.attrs)); };
  ImGui::PushItemWidth(-90 * ctx.ui_scale);
  for (const auto& f : typed) {
    const std::string name = prefix + "." + f.key;
    switch (f.type) {
      case FieldType::rating: rating_steps(ctx, name, attrs, f, apply); break;
      case FieldType::amount:
        if (auto text = text_field(ctx, name, field_title(L, f.key).c_str(), field_text(attrs, f, L), tr(L, "field.amount_hint")))
          take(ctx, name, set_field(attrs, f, *text, L), set);
        field_error(ctx, name);
        break;
      case FieldType::status: {
        const std::string current = field_text(attrs, f, L);
        std::vector<std::string> choices = {""};
        for (auto s : project_statuses) choices.emplace_back(s);
        if (std::find(choices.begin(), choices.end(), current) == choices.end()) choices.push_back(current);
        if (begin_combo(ctx, name, field_title(L, f.key).c_str(), status_title(L, current).c_str())) {
          for (const auto& s : choices)
            if (selectable(ctx, name + "." + (s.empty() ? "none" : s), status_title(L, s).c_str(), s == current) && s != current)
              take(ctx, name, set_field(attrs, f, s, L), set);
          ImGui::EndCombo();
        }
        break;
      }
    }
  }
  ImGui::PopItemWidth();
  // The other attributes: name and value, each edited in place; lists and objects only shown.
  const std::vector<std::string> keys = free_keys(attrs, typed);
  if (!typed.empty() && !keys.empty()) ImGui::TextDisabled("%s", tr(L, "field.other").c_str());
  const float key_w = 96 * ctx.ui_scale;
  std::optional<std::string> remove;
  for (const auto& k : keys) {
    const std::string name = prefix + ".attr." + k;
    ImGui::PushID(name.c_str());
    if (ImGui::SmallButton("x")) remove = k;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, "field.remove").c_str());
    track(ctx, name + ".remove");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(key_w);
    if (auto to = text_field(ctx, name + ".key", "##key", k)) take(ctx, name, rename_free(attrs, typed, k, *to, L), set);
    ImGui::SameLine();
    const Json& v = attrs[k];
    ImGui::SetNextItemWidth(-1);
    if (free_editable(v)) {
      if (auto text = text_field(ctx, name + ".value", "##value", free_text(v, L)))
        take(ctx, name, set_free(attrs, typed, k, *text, false, L), set);
    } else {
      Node shown;  // label_text cuts at a character boundary
      shown.label = free_text(v, L);
      ImGui::TextDisabled("%s", label_text(shown, 60).c_str());
    }
    field_error(ctx, name);
    ImGui::PopID();
  }
  if (remove) set(remove_free(attrs, *remove));
  // A new attribute: its name and value, added with the button or Enter.
  const std::string add = prefix + ".add";
  std::string &new_key = ctx.field_text[add + ".key"], &new_value = ctx.field_text[add + ".value"];
  ImGui::PushID(add.c_str());
  ImGui::SetNextItemWidth(key_w);
  bool enter = ImGui::InputTextWithHint("##newkey", tr(L, "field.key").c_str(), &new_key, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, add + ".key");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  enter |= ImGui::InputTextWithHint("##newvalue", tr(L, "field.value").c_str(), &new_value, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, add + ".value");
  const bool clicked = ImGui::SmallButton(tr(L, "field.add").c_str());
  track(ctx, add);
  if ((enter || clicked) && !(new_key.empty() && new_value.empty()))
    take(ctx, add, set_free(attrs, typed, new_key, new_value, true, L), [&](AttrsEdit e) {
      new_key.clear();
      new_value.clear();
      set(std::move(e));
    });
  field_error(ctx, add);
  ImGui::PopID();
}

// Fresh buffers for member i: its name and id, no field being edited, no refusal shown.
void load_edit_buffers(AppState& state, UiContext& ctx, std::size_t i) {
  const Node& n = state.document().nodes[i];
  ctx.editing = i;
  ctx.edit_label = n.label;
  ctx.edit_id = n.id;
  ctx.field_text.clear();
  ctx.field_error.clear();
  ctx.field_active.clear();
  ctx.new_tie_query.clear();
  ctx.open_tie.reset();
}

}  // namespace

void inspector_panel(AppState& state, UiContext& ctx) {
  const Lang L = ctx.lang;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - 10, vp->WorkPos.y + 10}, ImGuiCond_FirstUseEver, {1, 0});
  ImGui::SetNextWindowSize({340 * ctx.ui_scale, 560 * ctx.ui_scale}, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin((tr(L, "panel.inspector") + "###inspector").c_str(), &ctx.show_inspector)) {
    ImGui::End();
    return;
  }
  // How much of the view's right side it covers (the map keeps the selected member clear of it).
  if (ImGui::GetWindowPos().x > vp->WorkPos.x + vp->WorkSize.x / 2)  // docked on the right, where it opens
    ctx.inspector_width = std::max(0.0f, vp->WorkPos.x + vp->WorkSize.x - ImGui::GetWindowPos().x);
  ctx.widgets["inspector"] = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                              ImGui::GetWindowPos().y + ImGui::GetWindowSize().y};
  const auto& doc = state.document();
  if (!state.view().primary() || *state.view().primary() >= doc.nodes.size()) {
    ctx.editing.reset();
    ImGui::TextWrapped("%s", tr(L, "inspector.none").c_str());
    ImGui::End();
    return;
  }
  if (state.view().selection().size() > 1) {
    ImGui::TextUnformatted(tr(L, "inspector.many", {std::to_string(state.view().selection().size())}).c_str());
    if (ImGui::Button(tr(L, "menu.remove_selection").c_str())) ctx.actions.push_back({Action::Kind::remove_selection});
    if (state.view().selection().size() == 2) {
      ImGui::SameLine();
      if (ImGui::Button(tr(L, "menu.add_tie").c_str())) ctx.actions.push_back({Action::Kind::tie_selection});
    }
    ImGui::Separator();
  }
  const std::size_t i = *state.view().primary();
  // Fresh buffers for a newly selected node, and after an undo changed the node underneath.
  if (ctx.editing != i ||
      (!ImGui::IsAnyItemActive() && (ctx.edit_label != doc.nodes[i].label || ctx.edit_id != doc.nodes[i].id)))
    load_edit_buffers(state, ctx, i);
  const Node& n = doc.nodes[i];

  ImGui::PushItemWidth(-90 * ctx.ui_scale);
  const bool label_entered =
      ImGui::InputText(tr(L, "inspector.label").c_str(), &ctx.edit_label, ImGuiInputTextFlags_EnterReturnsTrue);
  track(ctx, "inspector.label");
  if (label_entered || ImGui::IsItemDeactivatedAfterEdit()) state.doc().set_label(i, ctx.edit_label);
  if (ImGui::InputText(tr(L, "inspector.id").c_str(), &ctx.edit_id, ImGuiInputTextFlags_EnterReturnsTrue) ||
      ImGui::IsItemDeactivatedAfterEdit()) {
    if (ctx.edit_id != n.id) {
      Node copy = n;
      copy.id = ctx.edit_id;
      if (!state.doc().set_node(i, std::move(copy))) ctx.edit_id = state.document().nodes[i].id;
    }
  }
  // Kind and sector from the known lists; unknown values the document carries stay selectable.
  std::vector<std::string> kind_list = {"partner", "resident", "project"};
  if (std::find(kind_list.begin(), kind_list.end(), n.kind) == kind_list.end()) kind_list.push_back(n.kind);
  if (begin_combo(ctx, "inspector.kind", tr(L, "inspector.kind").c_str(), kind_name(L, n.kind).c_str())) {
    for (const auto& k : kind_list)
      if (selectable(ctx, "inspector.kind." + k, kind_name(L, k).c_str(), k == n.kind)) state.doc().set_kind(i, k);
    ImGui::EndCombo();
  }
  // A resident is a person (pseudonymised in exports for others) or a group (an organisation).
  if (n.kind == kinds::resident) {
    const bool group = n.is_resident_group();
    auto text = [&](bool g) { return tr(L, g ? "inspector.resident.group" : "inspector.resident.person"); };
    if (begin_combo(ctx, "inspector.resident", tr(L, "inspector.resident").c_str(), text(group).c_str())) {
      for (bool g : {false, true}) {
        const std::string form(g ? resident_forms::group : resident_forms::person);
        if (selectable(ctx, "inspector.resident." + form, text(g).c_str(), g == group) && g != group) {
          Json attrs = n.attrs;
          attrs[std::string(resident_forms::attr)] = form;
          state.doc().set_attrs(i, std::move(attrs));
        }
      }
      ImGui::EndCombo();
    }
  }
  std::vector<std::string> sector_list = {""};
  for (auto s : known_sectors) sector_list.emplace_back(s);
  if (std::find(sector_list.begin(), sector_list.end(), n.sector) == sector_list.end()) sector_list.push_back(n.sector);
  if (begin_combo(ctx, "inspector.sector", tr(L, "inspector.sector").c_str(), sector_title(L, n.sector).c_str())) {
    for (const auto& s : sector_list)
      if (selectable(ctx, "inspector.sector." + s, sector_title(L, s).c_str(), s == n.sector)) state.doc().set_sector(i, s);
    ImGui::EndCombo();
  }
  ImGui::PopItemWidth();
  bool broker = n.is_broker();
  if (ImGui::Checkbox((tr(L, "inspector.role") + ": " + tr(L, "inspector.broker")).c_str(), &broker))
    state.doc().set_role(i, broker ? "broker" : "");
  if (!doc.themes.empty()) {
    ImGui::TextUnformatted(tr(L, "inspector.themes").c_str());
    for (const auto& t : doc.themes) {
      bool on = std::find(n.themes.begin(), n.themes.end(), t.id) != n.themes.end();
      const bool changed = ImGui::Checkbox(((t.label.empty() ? t.id : t.label) + "##th" + t.id).c_str(), &on);
      track(ctx, "inspector.theme." + t.id);
      if (changed) {
        auto themes = n.themes;
        if (on) themes.push_back(t.id);
        else std::erase(themes, t.id);
        state.doc().set_themes(i, std::move(themes));
      }
    }
  }
  // Since and until: one undoable edit each, refused (in the user's words) when not a date or
  // when until is not after since.
  dates_editor(ctx, "inspector.field", n.since, n.until, [&](std::optional<Date> since, std::optional<Date> until) {
    Node copy = n;
    copy.since = since;
    copy.until = until;
    state.doc().set_node(i, std::move(copy));
  });
  bool pinned = state.doc().pinned()[i] != 0;
  if (ImGui::Checkbox(tr(L, "inspector.pinned").c_str(), &pinned)) state.doc().set_pinned(i, pinned);
  ImGui::SameLine();
  if (ImGui::Button(tr(L, "inspector.focus").c_str())) ctx.actions.push_back({.kind = Action::Kind::focus, .index = i});
  if (n.is_actor()) {
    // What the coalition loses without this member: what-if mode, nothing deleted.
    ImGui::SameLine();
    if (ImGui::Button(tr(L, "inspector.whatif").c_str())) {
      ctx.actions.push_back({Action::Kind::whatif_toggle, n.id});
      ctx.actions.push_back({Action::Kind::show_panel, "whatif"});
      ctx.dock_select = "whatif";
    }
    track(ctx, "inspector.whatif");
  }

  const bool attrs_open = ImGui::CollapsingHeader(tr(L, "inspector.attrs").c_str(), ImGuiTreeNodeFlags_DefaultOpen);
  track(ctx, "inspector.attrs");
  if (attrs_open) attrs_editor(ctx, "inspector.field", n.attrs, node_fields(n), [&](Json attrs) { state.doc().set_attrs(i, std::move(attrs)); });

  const bool metrics_open = ImGui::CollapsingHeader(tr(L, "inspector.metrics").c_str(), ImGuiTreeNodeFlags_DefaultOpen);
  track(ctx, "inspector.metrics");
  if (metrics_open) {
    if (!state.scene().has_metrics()) {
      ImGui::TextDisabled("%s", tr(L, ctx.metrics_computing ? "inspector.computing" : "inspector.no_metrics").c_str());
      ImGui::TextUnformatted((metric_name(L, "degree") + ": " + std::to_string(state.scene().degree(i))).c_str());
    } else if (ImGui::BeginTable("##metrics", 3, ImGuiTableFlags_SizingStretchProp)) {
      for (auto m : all_metrics) {
        double v = state.scene().metric(m, i);
        auto [r, of] = state.scene().rank(m, i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(metric_name(L, metric_id(m)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_measure(L, v).c_str());
        ImGui::TableNextColumn();
        if (r > 0) ImGui::TextDisabled("%s", tr(L, "inspector.rank", {std::to_string(r), std::to_string(of)}).c_str());
      }
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(metric_name(L, "community").c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", state.scene().community(i));
      ImGui::EndTable();
      // Which network and date the numbers are of, as `analyze` and the report say it.
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", tr(L, "inspector.measures_on", {scope_name(L, NetworkScope::members_and_projects),
                                                                 long_date(L, state.view().measures_date().value_or(Date::today()))})
                                    .c_str());
      ImGui::PopTextWrapPos();
    }
  }

  const std::vector<std::size_t> ties = ties_by_member(doc)[i];  // the table's tie count too
  if (ImGui::CollapsingHeader(tr(L, "inspector.ties", {std::to_string(ties.size())}).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    std::optional<std::size_t> remove;
    for (auto e : ties) {
      const Edge& x = doc.edges[e];
      std::size_t other = x.source == i ? x.target : x.source;
      ImGui::PushID(int(e));
      // The controls first, where a narrow panel cannot push them out of sight; the name last.
      if (ImGui::SmallButton(tr(L, "inspector.remove_tie").c_str())) remove = e;
      track(ctx, "inspector.remove_tie." + doc.nodes[other].id);
      ImGui::SameLine();
      float w = float(x.weight);
      ImGui::SetNextItemWidth(52 * ctx.ui_scale);
      if (ImGui::DragFloat("##w", &w, 0.05f, 0.0f, 100.0f, "%.2f") && w != float(x.weight)) state.doc().set_edge_weight(e, w);
      ImGui::SameLine();
      // The tie's period and attributes open under its row.
      const std::string prefix = "inspector.tie." + std::to_string(e);
      const bool open = ctx.open_tie == e;
      if (ImGui::SmallButton(open ? "\xE2\x86\x91" : "\xE2\x86\x93")) ctx.open_tie = open ? std::nullopt : std::optional<std::size_t>(e);
      track(ctx, prefix);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", (tr(L, "field.tie_dates") + (x.since || x.until ? ": " + period_text(x.since, x.until) : "")).c_str());
      ImGui::SameLine();
      swatch(kind_color(doc.nodes[other].kind), ImGui::GetTextLineHeight() * 0.6f);
      if (ImGui::SmallButton(label_text(doc.nodes[other], 28).c_str()))
        ctx.actions.push_back({.kind = Action::Kind::select_node, .index = other});
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", x.kind.c_str());  // the kind of tie
      if (ctx.open_tie == e) {
        ImGui::Indent();
        dates_editor(ctx, prefix, x.since, x.until, [&](std::optional<Date> since, std::optional<Date> until) {
          Edge copy = x;
          copy.since = since;
          copy.until = until;
          state.doc().set_edge(e, std::move(copy));
        });
        attrs_editor(ctx, prefix, x.attrs, edge_fields(x), [&](Json attrs) {
          Edge copy = x;
          copy.attrs = std::move(attrs);
          state.doc().set_edge(e, std::move(copy));
        });
        ImGui::Unindent();
      }
      ImGui::PopID();
    }
    if (remove) state.doc().remove_edge(*remove);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##newtie", tr(L, "inspector.new_tie").c_str(), &ctx.new_tie_query);
    if (!ctx.new_tie_query.empty()) {
      std::string q = fold_for_search(ctx.new_tie_query);
      int shown = 0;
      for (std::size_t j = 0; j < doc.nodes.size() && shown < 6; ++j) {
        if (j == i) continue;
        if (fold_for_search(doc.nodes[j].label).find(q) == std::string::npos && fold_for_search(doc.nodes[j].id).find(q) == std::string::npos)
          continue;
        ++shown;
        if (ImGui::Selectable((tr(L, "inspector.add") + ": " + label_text(doc.nodes[j]) + "##nt" + doc.nodes[j].id).c_str())) {
          Edge e;
          e.source = i;
          e.target = j;
          bool project = doc.nodes[i].kind == kinds::project || doc.nodes[j].kind == kinds::project;
          e.kind = project ? "participates" : "collaborates";
          state.doc().add_edge(std::move(e));
          ctx.new_tie_query.clear();
        }
      }
    }
  }
  ImGui::Separator();
  if (ImGui::Button(tr(L, "inspector.remove_node").c_str())) {
    Action a{Action::Kind::remove_member};
    a.index = i;
    ctx.actions.push_back(a);
  }
  ImGui::End();
}

}  // namespace wijknet::viz
