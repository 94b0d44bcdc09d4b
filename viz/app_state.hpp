// The viewer's application state, apart from any window: the open document, where every node
// is drawn, what is selected, hovered, filtered and focused, the camera, and the history of
// edits. Panels and mouse handling issue commands to it (select, filter, move, edit, undo); the
// renderer reads the per-node styles it derives. Nothing here touches OpenGL, GLFW or ImGui, so
// every command is tested without a window (tests/viz/test_app_state.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "core/analysis.hpp"
#include "core/layout.hpp"
#include "core/model.hpp"
#include "core/network.hpp"
#include "viz/palette.hpp"

namespace wijknet::viz {

// World coordinates have y up; screen coordinates are logical pixels with y down and the
// origin at the top left of the viewport, the convention of ImGui and of SVG.
struct Camera {
  Vec2 center;           // the world point at the middle of the viewport
  double zoom = 1.0;     // pixels per world unit
  double width = 1280, height = 800;
  double reference_zoom = 1.0;  // the zoom of the last fit; node sizes grow gently beyond it

  Vec2 to_screen(Vec2 w) const { return {width / 2 + (w.x - center.x) * zoom, height / 2 - (w.y - center.y) * zoom}; }
  Vec2 to_world(Vec2 s) const { return {center.x + (s.x - width / 2) / zoom, center.y - (s.y - height / 2) / zoom}; }
  // Zooms by `factor` keeping the world point under `screen` where it is (zoom to the cursor).
  void zoom_at(Vec2 screen, double factor);
  // Moves the view so that the drawing follows a mouse drag of (dx, dy) pixels.
  void pan(double dx, double dy);
  // Centres [lo, hi] and zooms so it fills the viewport less `margin` pixels on every side.
  void fit(Vec2 lo, Vec2 hi, double margin);
};

// The per-node measures the viewer can colour and size by, in menu order.
enum class Metric { degree, betweenness, closeness, eigenvector, pagerank, clustering, core, constraint, effective_size };
inline constexpr Metric all_metrics[] = {Metric::degree,     Metric::betweenness, Metric::closeness,
                                         Metric::eigenvector, Metric::pagerank,   Metric::clustering,
                                         Metric::core,        Metric::constraint, Metric::effective_size};
std::string_view metric_id(Metric m);  // "betweenness", as in `wijknet analyze --json`
std::optional<Metric> parse_metric(std::string_view id);

enum class ColorBy { kind, sector, community, metric };
enum class SizeBy { uniform, metric };

// The measures the window shows for every member: those of `wijknet analyze --at DATE`, on the
// network of all members with their projects as it stood at the date (core/coalition_network.hpp),
// so a member's betweenness is one number in the window, the command line and the report.
struct MemberMeasures {
  Analysis analysis;
  std::vector<std::optional<std::size_t>> vertex;  // per document node: its vertex, if it existed then
};
// Computes them for `doc` at `at` (today when empty). O(analyze).
MemberMeasures measure_members(const Coalition& doc, std::optional<Date> at, const AnalysisOptions& options = {});

struct Filters {
  std::set<std::string> hidden_kinds;    // node kinds not shown
  std::set<std::string> hidden_sectors;  // sectors not shown ("" stands for nodes without one)
  std::set<std::string> themes;          // when not empty: only nodes serving one of these themes
                                         // (and theme-less nodes tied to them)
  std::optional<Date> at;                // the network as it stood at this date
  double min_weight = 0;                 // ties weaker than this are hidden
  friend bool operator==(const Filters&, const Filters&) = default;
};

// Flags of NodeStyle.
enum NodeFlag : std::uint8_t {
  node_visible = 1, node_selected = 2, node_hovered = 4, node_pinned = 8, node_dimmed = 16, node_match = 32,
};

struct NodeStyle {
  Rgba fill;
  float radius = 6;  // logical pixels
  std::uint8_t flags = 0;
};

struct EdgeStyle {
  Rgba color;
  float width = 1;  // logical pixels
  bool visible = true;
};

// One entry of the legend: what a colour stands for.
struct LegendEntry {
  std::string key;  // kind, sector or community id, or the metric value at the ramp stop
  Rgba color;
  std::size_t count = 0;
};

// Undoable edits. Each records what it needs to be applied and reverted.
struct SetNodeEdit { std::size_t index; Node before, after; };
struct AddNodeEdit { Node node; Vec2 position; };  // appended; undo removes the last node
struct RemoveNodeEdit {
  std::size_t index;
  Node node;
  Vec2 position;
  bool pinned = false;
  std::vector<std::pair<std::size_t, Edge>> edges;  // the ties it had, at their old indices, ascending
};
struct AddEdgeEdit { Edge edge; };  // appended
struct RemoveEdgeEdit { std::size_t index; Edge edge; };
struct SetEdgeEdit { std::size_t index; Edge before, after; };
struct MoveEdit {
  std::vector<std::size_t> nodes;
  std::vector<Vec2> before, after;
  std::vector<std::uint8_t> pinned_before, pinned_after;
};
struct GroupEdit;
using Edit = std::variant<SetNodeEdit, AddNodeEdit, RemoveNodeEdit, AddEdgeEdit, RemoveEdgeEdit, SetEdgeEdit, MoveEdit,
                          GroupEdit>;
struct GroupEdit { std::vector<Edit> edits; };

class AppState {
 public:
  AppState();

  // ---- the document ----
  // Replaces the document. Positions come from its stored layout where complete, else from
  // seed positions (the caller runs the layout). Clears selection, filters' node references,
  // focus and history.
  void load(Coalition coalition, std::string path = {});
  // Reads `path`; on failure keeps the current document and returns false with error() set to
  // the reader's message (file:line:col for bad input).
  bool open(const std::string& path);
  // Writes the document with the current positions as its layout; atomic (write_coalition
  // writes a temporary file and renames it). Returns false with error() set on failure.
  bool save(const std::string& path, bool anonymize = false);
  const Coalition& document() const { return doc_; }
  const std::string& path() const { return path_; }
  bool dirty() const { return dirty_; }
  const std::string& error() const { return error_; }
  void clear_error() { error_.clear(); }
  // Whether the document arrived with a position for every node (a GEXF or saved layout).
  bool layout_complete_on_load() const { return layout_complete_; }
  std::size_t node_count() const { return doc_.nodes.size(); }

  // ---- positions and the layout ----
  const std::vector<Vec2>& positions() const { return pos_; }
  const std::vector<std::uint8_t>& pinned() const { return pinned_; }
  std::uint64_t positions_version() const { return positions_version_; }
  // Replaces all positions (a layout snapshot). Pinned or dragged nodes keep their own.
  void set_positions(const std::vector<Vec2>& p);
  // Connects the layout worker: structural edits restart it, moves and pins are forwarded.
  void attach_layout(LayoutWorker* worker) { layout_ = worker; }
  // A ForceLayout over the current document, positions and pins.
  ForceLayout make_layout() const;
  // Hands the worker a fresh layout (after load or a structural edit); runs it when `run`.
  void restart_layout(bool run);
  // Copies the worker's latest snapshot into positions; returns whether anything changed.
  bool sync_layout();
  // Writes the positions into the document's layout (done by save()).
  void store_positions_in_document();

  // ---- camera ----
  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }
  void set_viewport(double width, double height);
  // Fits every visible node (all nodes when none is visible) into the viewport.
  void fit_view();
  // Starts an animated flight that centres node i at a readable zoom; advance with animate().
  void fly_to(std::size_t i);
  // A flight that frames all of `nodes` (one node: as fly_to).
  void fly_to_nodes(const std::vector<std::size_t>& nodes);
  // Logical pixels of the viewport's left and right edges covered by docked panels: fits and
  // flights centre the drawing in the part between them.
  void set_insets(double left, double right);
  std::pair<double, double> insets() const { return {inset_left_, inset_right_}; }
  // Advances the camera flight by dt seconds; returns whether it is still moving.
  bool animate(double dt);
  bool flying() const { return flight_.has_value(); }
  // While true (until the user pans or zooms) the view follows the running layout.
  bool auto_fit = true;

  // ---- selection, hover, picking ----
  const std::vector<std::size_t>& selection() const { return selection_; }  // ascending
  std::optional<std::size_t> primary() const { return primary_; }           // the last clicked
  bool selected(std::size_t i) const;
  // A click on node i: selects it alone, or toggles it with `additive` (shift-click).
  void click(std::size_t i, bool additive);
  // Selects the visible nodes inside the screen rectangle; adds to the selection with `additive`.
  void select_box(Vec2 a, Vec2 b, bool additive);
  void select(std::vector<std::size_t> nodes);
  void clear_selection();
  void set_hover(std::optional<std::size_t> i);
  std::optional<std::size_t> hovered() const { return hover_; }
  // The visible node under a screen point: the nearest whose disc (plus `slop` pixels) holds it.
  std::optional<std::size_t> node_at(Vec2 screen, double slop = 3);
  // How much larger than their base size nodes are drawn at the current zoom: the square root
  // of the zoom relative to the last fit, within [0.5, 4], so zooming in spreads nodes apart
  // faster than it grows them.
  double node_scale() const;

  // ---- filters, focus, search ----
  const Filters& filters() const { return filters_; }
  void set_filters(Filters f);
  // Shows only node i and the nodes up to `depth` ties away from it.
  void set_focus(std::size_t i, int depth);
  void clear_focus();
  std::optional<std::size_t> focus() const { return focus_; }
  int focus_depth() const { return focus_depth_; }
  // Nodes whose label or id contains `query` (case-insensitive, accents folded: "coop" finds
  // "Coöperatief"), best first: prefix matches, then by importance. Marks them as matches.
  std::vector<std::size_t> search(const std::string& query);
  const std::string& search_query() const { return search_query_; }
  bool visible(std::size_t i) const { return i < visible_.size() && visible_[i]; }
  bool edge_visible(std::size_t e) const { return e < edge_visible_.size() && edge_visible_[e]; }
  std::size_t visible_count() const;

  // ---- appearance ----
  ColorBy color_by() const { return color_by_; }
  SizeBy size_by() const { return size_by_; }
  Metric color_metric() const { return color_metric_; }
  Metric size_metric() const { return size_metric_; }
  void set_color_by(ColorBy c, Metric m = Metric::betweenness);
  void set_size_by(SizeBy s, Metric m = Metric::degree);
  bool curved_edges = false;
  double label_density = 1.0;  // 0 hides labels; 1 the default number of labels
  // Styles for the renderer and the exports, recomputed when something they depend on changed.
  const std::vector<NodeStyle>& node_styles();
  const std::vector<EdgeStyle>& edge_styles();
  std::uint64_t style_version() const { return style_version_; }
  std::uint64_t structure_version() const { return structure_version_; }
  std::vector<LegendEntry> legend();
  // Nodes in order of importance (the size metric, else degree), most important first; the
  // labeller walks it.
  const std::vector<std::size_t>& importance_order();

  // ---- metrics ----
  // Runs the analysis now (the viewer runs it on a thread and hands it over with set_analysis).
  void compute_metrics();
  // Takes measures computed for structure version `version`; stale ones are dropped. Returns
  // whether they were taken.
  bool set_analysis(MemberMeasures measures, std::uint64_t version);
  // The date the members' measures are for: the date filter's, else today (as `analyze`).
  std::optional<Date> measures_date() const { return filters_.at; }
  bool has_metrics() const { return analysis_.has_value(); }
  const Analysis* analysis() const { return analysis_ ? &*analysis_ : nullptr; }
  // The metric of node i (NaN when undefined or not computed); its rank (1 = highest) among
  // the nodes with a value, and how many have one.
  double metric(Metric m, std::size_t i) const;
  std::pair<std::size_t, std::size_t> rank(Metric m, std::size_t i) const;
  int community(std::size_t i) const;
  std::size_t degree(std::size_t i) const { return i < degree_.size() ? degree_[i] : 0; }

  // ---- edits (undoable) ----
  void set_label(std::size_t i, std::string label);
  void set_kind(std::size_t i, std::string kind);
  void set_sector(std::size_t i, std::string sector);
  void set_themes(std::size_t i, std::vector<std::string> themes);
  void set_attrs(std::size_t i, Json attrs);
  void set_role(std::size_t i, std::string role);
  // Replaces node i whole (ids included); returns false (error() set) for an id in use.
  bool set_node(std::size_t i, Node node);
  // Adds a node at `where` (world); returns its index, or nullopt (error() set) for a bad id.
  std::optional<std::size_t> add_node(Node node, Vec2 where);
  void remove_nodes(std::vector<std::size_t> nodes);
  std::optional<std::size_t> add_edge(Edge edge);
  void remove_edge(std::size_t e);
  void set_edge_weight(std::size_t e, double weight);
  // Replaces tie e whole (its dates, attrs); one undo step. Ends that are not members are refused.
  void set_edge(std::size_t e, Edge edge);
  // Moves node i to world point p. During a drag call it every frame with `final` false, then
  // once with `final` true: only the final call becomes one undo step (from the drag's start).
  void move_node(std::size_t i, Vec2 p, bool pin, bool final = true);
  void set_pinned(std::size_t i, bool pin);
  void unpin_all();
  // Edits made between begin_group() and end_group() become one undo step (an applied what-if,
  // a candidate with its ties). Groups do not nest.
  void begin_group();
  void end_group();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  std::size_t undo_depth() const { return undo_.size(); }
  std::size_t redo_depth() const { return redo_.size(); }

  // Counts every change of the document's content (load, edit, undo, redo; not moves), so the
  // background jobs know when their answers are out of date.
  std::uint64_t content_version() const { return content_version_; }

  // ---- what-if overlay ----
  // Members drawn muted (greyed, their ties faded): those a what-if scenario takes out. Empty
  // or all zero: none. Not part of the document.
  void set_muted(std::vector<std::uint8_t> muted);
  bool muted(std::size_t i) const { return i < muted_.size() && muted_[i]; }

  // ---- state dump (tests, --dump-state) ----
  // Camera, selection, hover, focus, filters, pins, positions by id, layout status, history.
  Json dump() const;
  // Layout status the dump reports, set by the viewer.
  bool layout_running = false;
  std::size_t layout_iterations = 0;

 private:
  void apply(const Edit& e, bool forward);
  void push(Edit e);    // applies and records
  void record(Edit e);  // records an edit already applied
  void structure_changed();
  void invalidate_styles() { styles_dirty_ = true; }
  void update_visibility();
  void update_degrees();
  void fit_box(Vec2 lo, Vec2 hi);
  void insert_node_at(std::size_t index, Node node, Vec2 p, bool pinned);
  void erase_node_at(std::size_t index);

  Coalition doc_;
  std::string path_, error_;
  bool dirty_ = false, layout_complete_ = false;
  std::vector<Vec2> pos_;
  std::vector<std::uint8_t> pinned_;
  std::uint64_t positions_version_ = 0;
  LayoutWorker* layout_ = nullptr;
  std::uint64_t layout_generation_ = 0;
  std::vector<Vec2> fetched_;
  std::optional<std::size_t> dragging_;
  std::optional<MoveEdit> drag_start_;

  Camera camera_;
  struct Flight {
    Vec2 from, to;
    double zoom_from, zoom_to, t = 0, duration = 0.6;
    std::optional<std::size_t> node;  // a flight to a member lands it mid the uncovered part, as panels open
  };
  std::optional<Flight> flight_;

  std::vector<std::size_t> selection_;
  std::optional<std::size_t> primary_, hover_;
  Filters filters_;
  std::optional<std::size_t> focus_;
  int focus_depth_ = 1;
  std::string search_query_;
  std::vector<std::uint8_t> match_;

  ColorBy color_by_ = ColorBy::kind;
  SizeBy size_by_ = SizeBy::metric;
  Metric color_metric_ = Metric::betweenness, size_metric_ = Metric::degree;

  std::vector<std::uint8_t> visible_, edge_visible_;
  std::vector<std::size_t> degree_;
  std::vector<NodeStyle> node_styles_;
  std::vector<EdgeStyle> edge_styles_;
  std::vector<std::size_t> importance_;
  bool styles_dirty_ = true, visibility_dirty_ = true, importance_dirty_ = true;
  std::uint64_t style_version_ = 1, structure_version_ = 1;
  double styled_zoom_ratio_ = 1;

  std::optional<Analysis> analysis_;
  std::vector<std::optional<std::size_t>> analysis_vertex_;  // per document node

  std::vector<Edit> undo_, redo_;
  std::optional<GroupEdit> group_;
  std::uint64_t content_version_ = 1;
  std::vector<std::uint8_t> muted_;
  double inset_left_ = 0, inset_right_ = 0;
};

// Folds a UTF-8 string for search: ASCII lower case, and the accented Latin-1 and Latin
// Extended-A letters to their base letter ("Coöperatief" -> "cooperatief").
std::string fold_for_search(std::string_view text);

}  // namespace wijknet::viz
