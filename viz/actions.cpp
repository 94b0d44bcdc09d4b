#include "viz/actions.hpp"

#include <algorithm>
#include <array>

#include "core/report_html.hpp"
#include "importers/atomic_write.hpp"

namespace wijknet::viz {

bool known_panel(const std::string& id) {
  static const std::array<std::string_view, 7> ids = {"health", "whatif", "missing", "legend", "filters", "inspector", "matrix"};
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

ActionResult perform(const Action& a, AppState& state, Insight& insight, Lang lang) {
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
    case K::undo: state.undo(); break;
    case K::redo: state.redo(); break;
    case K::compute: insight.compute_now(); break;
    case K::add_member: {
      Node n;
      int k = 1;
      do n.id = "nieuw-" + std::to_string(k++);
      while (state.document().find(n.id));
      n.label = tr(lang, "node.new");
      n.kind = "partner";
      if (auto i = state.add_node(std::move(n), state.camera().center)) state.click(*i, false);
      break;
    }
    case K::tie_selection:
      if (state.selection().size() == 2) add_collaboration(state, state.selection()[0], state.selection()[1]);
      break;
    case K::remove_selection: state.remove_nodes(state.selection()); break;
    case K::remove_member: state.remove_nodes({a.index}); break;
    case K::show_panel:
    case K::hide_panel:
      if (bool* p = panel(a.text)) *p = a.kind == K::show_panel;
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
    case K::select_member:
      if (a.index < state.node_count()) {
        state.click(a.index, false);
        state.fly_to(a.index);
      }
      break;
    case K::write_report: {
      std::string err = write_report(state.document(), state.path(), a.text, a.other, a.lang, insight.registry());
      if (err.empty()) {
        r.written = a.text;
        r.status = tr(lang, "report_dialog.written", {a.text});
      } else {
        r.error = err;
      }
      break;
    }
  }
  return r;
}

}  // namespace wijknet::viz
