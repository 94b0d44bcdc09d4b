#include "viz/actions.hpp"

#include <algorithm>
#include <array>

#include "core/present/report_html.hpp"
#include "importers/atomic_write.hpp"

namespace wijknet::viz {

bool known_panel(const std::string& id) {
  static const std::array<std::string_view, 9> ids = {"health", "whatif", "missing", "legend", "filters", "inspector", "timeline", "table", "matrix"};
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string write_report(const Coalition& doc, const std::string& source, const std::string& path, const std::string& date,
                         Lang report_lang, const std::vector<Candidate>& registry) {
  ReportOptions opt;
  opt.lang = report_lang;
  if (!date.empty()) {
    auto d = Date::parse(date);
    if (!d) return tr(report_lang, "report_dialog.bad_date", {date});
    opt.at = d;
  }
  opt.registry = registry;
  const auto slash = source.find_last_of('/');
  opt.source = slash == std::string::npos ? source : source.substr(slash + 1);
  try {
    const std::string html = report_html(doc, opt);
    write_file_atomically(path, [&](std::ostream& os) { os << html; });
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

bool needs_viewer(Action::Kind k) {
  using K = Action::Kind;
  switch (k) {
    case K::open_file: case K::save_file: case K::save_as_dialog: case K::quit: case K::unsaved_answer:
    case K::recovery_answer: case K::export_png: case K::export_svg: case K::export_doc: case K::layout_toggle:
    case K::layout_reheat: case K::compute_measures: case K::set_lang:
      return true;
    default:
      return false;
  }
}

ActionResult perform(const Action& a, AppState& state, Insight& insight, Lang lang, Timeline* timeline) {
  ActionResult r;
  using K = Action::Kind;
  auto panel = [&](const std::string& id) -> bool* {
    if (id == "health") return &insight.show_health;
    if (id == "whatif") return &insight.show_whatif;
    if (id == "missing") return &insight.show_missing;
    if (id == "matrix") return &insight.show_matrix;
    return nullptr;
  };
  switch (a.kind) {
    case K::undo: state.doc().undo(); break;
    case K::redo: state.doc().redo(); break;
    case K::compute: insight.compute_now(); break;
    case K::add_member: {
      Node n;
      int k = 1;
      do n.id = "nieuw-" + std::to_string(k++);
      while (state.document().find(n.id));
      n.label = tr(lang, "node.new");
      n.kind = "partner";
      if (auto i = state.doc().add_node(std::move(n), state.view().camera().center)) state.click(*i, false);
      break;
    }
    case K::tie_selection:
      if (state.view().selection().size() == 2) add_collaboration(state, state.view().selection()[0], state.view().selection()[1]);
      break;
    case K::remove_selection: state.doc().remove_nodes(state.view().selection()); break;
    case K::remove_member: state.doc().remove_nodes({a.index}); break;
    case K::show_panel:
    case K::hide_panel:
      if (bool* p = panel(a.text)) *p = a.kind == K::show_panel;
      if (a.text == "timeline" && timeline) {
        timeline->show = a.kind == K::show_panel;
        if (!timeline->show) timeline->pause();
      }
      if (a.text == "whatif" && a.kind == K::hide_panel) insight.leave_whatif(state);
      break;
    case K::highlight_indicator: insight.highlight_indicator(state, a.text); break;
    case K::whatif_enter: insight.enter_whatif(); break;
    case K::whatif_leave: insight.leave_whatif(state); break;
    case K::whatif_apply:
      if (insight.apply_whatif(state)) r.status = tr(lang, "whatif_panel.applied");
      break;
    case K::whatif_toggle: insight.toggle_member(a.text); break;
    case K::whatif_add_tie: insight.add_tie(a.text, a.other); break;
    case K::whatif_remove_tie: insight.remove_tie(a.index); break;
    case K::registry_open:
      if (insight.open_registry(a.text)) r.status = tr(lang, "missing_panel.registry_opened", {a.text});
      else r.error = insight.registry_error();
      break;
    case K::preview_item: insight.preview(state, a.index); break;
    case K::accept_item: r.status = insight.accept(state, a.index, lang); break;
    case K::write_report: {
      std::string err = write_report(state.document(), state.doc().path(), a.text, a.other, a.lang, insight.registry());
      if (err.empty()) {
        r.written = a.text;
        r.status = tr(lang, "report_dialog.written", {a.text});
      } else {
        r.error = err;
      }
      break;
    }
    case K::timeline_date:
      if (timeline) {
        if (a.text.empty()) timeline->set_date(state, std::nullopt);
        else if (auto d = Date::parse(a.text)) timeline->set_date(state, d);
      }
      break;
    case K::timeline_position:
      if (timeline) timeline->set_position(state, int(a.index));
      break;
    case K::timeline_back:
    case K::timeline_forward:
      if (timeline) {
        timeline->pause();
        timeline->step(state, a.kind == K::timeline_back ? -1 : 1);
      }
      break;
    case K::timeline_play:
      if (timeline) timeline->play(state);
      break;
    case K::timeline_pause:
      if (timeline) timeline->pause();
      break;
    case K::timeline_compare:
      if (timeline) timeline->compare_with(a.text.empty() ? std::nullopt : Date::parse(a.text));
      break;
    case K::select_member:
      if (auto i = state.document().find(a.text)) {
        state.click(*i, false);
        state.fly_to(*i);
      }
      break;
    case K::fit:
      state.fit_view();
      state.view().auto_fit = false;
      break;
    case K::zoom: {
      Camera& c = state.view().camera();
      c.zoom_at({c.width / 2, c.height / 2}, a.number > 0 ? a.number : 1);
      state.view().auto_fit = false;
      break;
    }
    case K::focus_toggle:
      if (state.view().focus()) state.view().clear_focus();
      else if (auto p = state.view().primary()) state.set_focus(*p, std::max(state.view().focus_depth(), 1));
      break;
    case K::focus_depth:
      if (auto f = state.view().focus()) state.set_focus(*f, int(a.index));
      break;
    case K::focus: state.set_focus(a.index, a.number >= 1 ? int(a.number) : std::max(state.view().focus_depth(), 1)); break;
    case K::focus_off: state.view().clear_focus(); break;
    case K::escape:
      if (state.view().focus()) state.view().clear_focus();
      else state.view().clear_selection();
      break;
    case K::search: state.search(a.text); break;
    case K::select_node:
      if (a.index < state.document().nodes.size()) {
        state.click(a.index, false);
        state.fly_to(a.index);
      }
      break;
    case K::write_table:
      try {
        write_file_atomically(a.text, [&](std::ostream& os) { os << a.other; });
        r.status = tr(lang, "table.exported", {a.text});
      } catch (const std::exception& e) {
        r.error = e.what();
      }
      break;
    default: break;  // the viewer's (needs_viewer)
  }
  return r;
}

}  // namespace wijknet::viz
