// The viewer's application state, apart from any window, in three parts with one job each:
// - the Document (viz/document.hpp): the coalition, its layout and the undoable edits;
// - the View (viz/view.hpp): camera, selection, hover, filters, focus, search, appearance;
// - the Scene (viz/scene.hpp): what is drawn, derived from both (styles, legend, visibility,
//   measures), read-only for the renderer, the labeller and the exporters.
// AppState owns the three and holds the few commands that need more than one of them (a click
// needs the document's size, a fit the positions and what is visible, a search the labels and
// the order of importance). The background answers (viz/jobs.hpp, viz/insight.hpp) and the one
// list of user actions (viz/actions.hpp) work on it. Nothing here touches OpenGL, GLFW or ImGui,
// so every command is tested without a window (tests/viz/test_app_state.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/text/i18n.hpp"
#include "viz/document.hpp"
#include "viz/scene.hpp"
#include "viz/view.hpp"

namespace wijknet::viz {

class AppState {
 public:
  AppState();

  // The parts. The view and the scene are brought up to date with the document's edits when
  // they are asked for.
  Document& doc() { return doc_; }
  const Document& doc() const { return doc_; }
  View& view();
  const View& view() const;
  const Scene& scene() const;
  // The coalition itself (doc().coalition()).
  const Coalition& document() const { return doc_.coalition(); }

  // Replaces the document, resets the view to it and fits it. See Document::load.
  void load(Coalition coalition, std::string path = {});
  // Reads `path`; on failure keeps the current document and returns false with doc().error()
  // set to the reader's place (file:line:col for bad input) and a sentence in `lang`
  // (viz/file_browser.hpp, read_error_text: never a JSON library's own text).
  bool open(const std::string& path, Lang lang = Lang::en);

  // ---- commands that span the parts ----
  // A click on node i: selects it alone, or toggles it with `additive` (shift-click).
  void click(std::size_t i, bool additive);
  void select(std::vector<std::size_t> nodes);
  // Selects the visible nodes inside the screen rectangle; adds to the selection with `additive`.
  void select_box(Vec2 a, Vec2 b, bool additive);
  // The visible node under a screen point: the nearest whose disc (plus `slop` pixels) holds it.
  std::optional<std::size_t> node_at(Vec2 screen, double slop = 3) const;
  // Fits every visible node (all nodes when none is visible) into the viewport.
  void fit_view();
  // Starts an animated flight that centres node i at a readable zoom; advance with animate().
  void fly_to(std::size_t i);
  // A flight that frames all of `nodes` (one node: as fly_to).
  void fly_to_nodes(const std::vector<std::size_t>& nodes);
  // Advances the camera flight by dt seconds; returns whether it is still moving.
  bool animate(double dt);
  // Nodes whose label or id contains `query` (case-insensitive, accents folded: "coop" finds
  // "Coöperatief"), best first: prefix matches, then by importance. Marks them as matches.
  std::vector<std::size_t> search(const std::string& query);
  // Shows only node i and the nodes up to `depth` ties away from it.
  void set_focus(std::size_t i, int depth);

  // ---- measures ----
  // Runs the analysis now (the viewer runs measure_members on a thread and hands the result
  // over with set_analysis, tagged with scene().measures_version()).
  void compute_metrics();
  bool set_analysis(MemberMeasures measures, std::uint64_t version);
  // Each member's degree and core number at the date (Scene::member_degrees).
  const MemberDegrees& member_degrees() const { return scene().member_degrees(doc_, view_); }

  // Document, view and what is visible, for --dump-state.
  Json dump() const;

 private:
  // Shifts the view's node references by the document's insertions and erasures so far.
  void catch_up() const;

  Document doc_;
  mutable View view_;
  mutable Scene scene_;
};

}  // namespace wijknet::viz
