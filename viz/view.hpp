// How the user looks at the document: the camera and its flights, what is selected, hovered,
// searched, filtered and in focus, what colours and sizes stand for, and the what-if overlay.
// None of it is saved in the document and none of it is undone. Node references are indices
// into the document; AppState shifts them when nodes are inserted or erased (renumber()).
// Headless: no OpenGL, GLFW or ImGui.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/date.hpp"
#include "core/graph/layout.hpp"
#include "core/model/coalition.hpp"

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

struct Filters {
  std::set<std::string> hidden_kinds;    // node kinds not shown
  std::set<std::string> hidden_sectors;  // sectors not shown ("" stands for nodes without one)
  std::set<std::string> themes;          // when not empty: only nodes serving one of these themes
                                         // (and theme-less nodes tied to them)
  std::optional<Date> at;                // the network as it stood at this date
  double min_weight = 0;                 // ties weaker than this are hidden
  int min_degree = 0;                    // members with fewer ties (at the date) are hidden
  int min_core = 0;                      // members outside the k-core (at the date) are hidden
  friend bool operator==(const Filters&, const Filters&) = default;
};

class View {
 public:
  // Back to the defaults for a freshly loaded document of n nodes (appearance choices stay).
  void reset(std::size_t n);

  // ---- camera ----
  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }
  void set_viewport(double width, double height);
  // Logical pixels of the viewport's left and right edges covered by docked panels: fits and
  // flights centre the drawing in the part between them.
  void set_insets(double left, double right);
  std::pair<double, double> insets() const { return {inset_left_, inset_right_}; }
  // Logical pixels of the viewport's bottom covered by a panel (the timeline): fits keep clear of it.
  void set_inset_bottom(double bottom) { inset_bottom_ = std::max(bottom, 0.0); }
  double inset_bottom() const { return inset_bottom_; }
  // Zooms so that the world box [lo, hi] fills the part of the viewport no panel covers, with
  // room for discs and labels; an empty box resets the camera.
  void fit_box(Vec2 lo, Vec2 hi);
  void fit_nothing();
  // Starts an animated flight that centres world point `at` (node `node`, followed while it
  // moves) at a readable zoom; advance with animate().
  void fly_to(Vec2 at, std::optional<std::size_t> node);
  // A flight that frames the world box [lo, hi].
  void fly_to_box(Vec2 lo, Vec2 hi);
  // Advances the flight by dt seconds; `positions` lets it follow its node. Returns whether
  // the camera still moves.
  bool animate(double dt, const std::vector<Vec2>& positions);
  bool flying() const { return flight_.has_value(); }
  // While true (until the user pans or zooms) the view follows the running layout.
  bool auto_fit = true;
  // How much larger than their base size nodes are drawn at the current zoom: the square root
  // of the zoom relative to the last fit, within [0.5, 4], so zooming in spreads nodes apart
  // faster than it grows them.
  double node_scale() const;

  // ---- selection, hover ----
  const std::vector<std::size_t>& selection() const { return selection_; }  // ascending
  std::optional<std::size_t> primary() const { return primary_; }           // the last clicked
  bool selected(std::size_t i) const;
  // A click on node i: selects it alone, or toggles it with `additive` (shift-click).
  void click(std::size_t i, bool additive);
  // Selects `nodes` (indices below n), or adds them with `additive`; the primary is the first.
  void select(std::vector<std::size_t> nodes, std::size_t n, bool additive = false);
  void clear_selection();
  void set_hover(std::optional<std::size_t> i);
  std::optional<std::size_t> hovered() const { return hover_; }

  // ---- filters, focus, search ----
  const Filters& filters() const { return filters_; }
  void set_filters(Filters f);
  // The date the members' measures are for: the date filter's, else today (as `analyze`).
  std::optional<Date> measures_date() const { return filters_.at; }
  // Shows only node i and the nodes up to `depth` ties away from it.
  void set_focus(std::size_t i, int depth);
  void clear_focus();
  std::optional<std::size_t> focus() const { return focus_; }
  int focus_depth() const { return focus_depth_; }
  // The search's query and which nodes it matched (AppState::search fills them).
  void set_search(std::string query, std::vector<std::uint8_t> matches);
  const std::string& search_query() const { return search_query_; }
  bool match(std::size_t i) const { return i < match_.size() && match_[i]; }

  // ---- appearance ----
  ColorBy color_by() const { return color_by_; }
  SizeBy size_by() const { return size_by_; }
  Metric color_metric() const { return color_metric_; }
  Metric size_metric() const { return size_metric_; }
  void set_color_by(ColorBy c, Metric m = Metric::betweenness);
  void set_size_by(SizeBy s, Metric m = Metric::degree);
  bool curved_edges = false;
  double label_density = 1.0;  // 0 hides labels; 1 the default number of labels

  // ---- what-if overlay ----
  // Members drawn muted (greyed, their ties faded): those a what-if scenario takes out. Empty
  // or all zero: none.
  void set_muted(std::vector<std::uint8_t> muted);
  bool muted(std::size_t i) const { return i < muted_.size() && muted_[i]; }
  // Opacity per node and per tie while members fade in or out (viz/timeline.hpp's Fade): a node
  // or tie with an opacity above 0 is drawn, this transparent, even when hidden. Empty: none.
  void set_fade(std::vector<float> nodes, std::vector<float> ties);
  float node_fade(std::size_t i) const { return i < fade_nodes_.size() ? fade_nodes_[i] : 1.0f; }
  float tie_fade(std::size_t e) const { return e < fade_ties_.size() ? fade_ties_[e] : 1.0f; }

  // ---- pictures for others ----
  // While on, the styles and the labeller show no selection, hover, search match or what-if
  // muting (they stay in the view): the view as an export for a council or funder draws it.
  // The viewer turns it on around an export.
  void set_presenting(bool on) {
    if (on != presenting_) presenting_ = on, ++look_version_;
  }
  bool presenting() const { return presenting_; }

  // Shifts every node reference for a node inserted or erased at r.index.
  void renumber(std::size_t index, int delta);

  // Count changes, so the scene knows what to derive again: what is shown (filters, focus)
  // and how it looks (selection, hover, search, colours, sizes, overlay).
  std::uint64_t filter_version() const { return filter_version_; }
  std::uint64_t look_version() const { return look_version_; }

  // Camera, selection, hover, focus, search and filters, by the document's ids.
  Json dump(const Coalition& doc) const;

 private:
  Camera camera_;
  struct Flight {
    Vec2 from, to;
    double zoom_from, zoom_to, t = 0, duration = 0.6;
    std::optional<std::size_t> node;  // a flight to a member lands it mid the uncovered part, as panels open
  };
  std::optional<Flight> flight_;
  double inset_left_ = 0, inset_right_ = 0;

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
  std::vector<std::uint8_t> muted_;
  std::vector<float> fade_nodes_, fade_ties_;
  double inset_bottom_ = 0;
  bool presenting_ = false;

  std::uint64_t filter_version_ = 1, look_version_ = 1;
};

// Folds a UTF-8 string for search: ASCII lower case, and the accented Latin-1 and Latin
// Extended-A letters to their base letter ("Coöperatief" -> "cooperatief").
std::string fold_for_search(std::string_view text);

}  // namespace wijknet::viz
