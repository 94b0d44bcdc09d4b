// What the viewer draws, derived from the document and the view: which members and ties are
// shown, each one's colour, size and flags, the legend, the members' measures and their order
// of importance. The renderer, the labeller and the exporters only read it; it brings itself up
// to date (sync) when the document or the view changed, comparing their version counters.
// Headless: no OpenGL, GLFW or ImGui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/graph/analysis.hpp"
#include "viz/document.hpp"
#include "viz/palette.hpp"
#include "viz/thinning.hpp"
#include "viz/view.hpp"

namespace wijknet::viz {

// The measures the window shows for every member: those of `wijknet analyze --at DATE`, on the
// network of all members with their projects as it stood at the date (core/model/coalition_network.hpp),
// so a member's betweenness is one number in the window, the command line and the report.
struct MemberMeasures {
  Analysis analysis;
  std::vector<std::optional<std::size_t>> vertex;  // per document node: its vertex, if it existed then
};
// Computes them for `doc` at `at` (today when empty). O(analyze).
MemberMeasures measure_members(const Coalition& doc, std::optional<Date> at, const AnalysisOptions& options = {});

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
  double value = std::numeric_limits<double>::quiet_NaN();  // a metric stop's value (shown with format_measure)
};

class Scene {
 public:
  // Derives again whatever the changes of `doc` and `view` since the last call made stale.
  // Cheap when nothing changed (a few comparisons).
  void sync(const Document& doc, const View& view);

  // ---- what is shown ----
  bool visible(std::size_t i) const { return i < visible_.size() && visible_[i]; }
  bool edge_visible(std::size_t e) const { return e < edge_visible_.size() && edge_visible_[e]; }
  std::size_t visible_count() const { return visible_count_; }
  std::size_t visible_edge_count() const { return visible_edge_count_; }
  // Every member's and every tie's flag at once (1: shown), for loops over all of them: one
  // sync, not one a member.
  const std::vector<std::uint8_t>& visible_flags() const { return visible_; }
  const std::vector<std::uint8_t>& edge_visible_flags() const { return edge_visible_; }
  std::size_t degree(std::size_t i) const { return i < degree_.size() ? degree_[i] : 0; }
  // Each member's degree and core number at the measures' date, as the degree and k-core filters
  // and the table use them (viz/thinning.hpp); derived on first use after a structural edit or a
  // new date. O(n + m) then, O(1) after.
  const MemberDegrees& member_degrees(const Document& doc, const View& view) const;

  // ---- how it looks ----
  const std::vector<NodeStyle>& node_styles() const { return node_styles_; }
  const std::vector<EdgeStyle>& edge_styles() const { return edge_styles_; }
  const std::vector<LegendEntry>& legend() const { return legend_; }
  // Nodes in order of importance (the size metric, else degree), most important first; the
  // labeller walks it.
  const std::vector<std::size_t>& importance_order() const { return importance_; }
  // Count changes of the styles and of the structure (the renderer re-uploads its buffers).
  std::uint64_t style_version() const { return style_version_; }
  std::uint64_t structure_version() const { return structure_; }

  // ---- the members' measures ----
  // Counts the changes after which measures must be computed again: a structural edit, or
  // another date. Measures are asked for this version and handed over with it.
  std::uint64_t measures_version() const { return measures_version_; }
  // Takes measures computed for `version`; stale ones are dropped. Returns whether they were taken.
  bool set_analysis(MemberMeasures measures, std::uint64_t version);
  bool has_metrics() const { return analysis_.has_value(); }
  const Analysis* analysis() const { return analysis_ ? &*analysis_ : nullptr; }
  // The metric of node i (NaN when undefined or not computed); its rank (1 = highest) among
  // the nodes with a value, and how many have one.
  double metric(Metric m, std::size_t i) const;
  std::pair<std::size_t, std::size_t> rank(Metric m, std::size_t i) const;
  int community(std::size_t i) const;

 private:
  void update_visibility(const Document& doc, const View& view);
  void update_styles(const Document& doc, const View& view);
  void update_legend(const Document& doc, const View& view);
  void update_importance(const View& view);

  // What the derived parts were computed from.
  std::uint64_t structure_ = 0, content_ = 0, pins_ = 0, filter_ = 0, look_ = 0;
  std::optional<Date> measured_at_;
  bool measures_taken_ = false;
  std::uint64_t measures_version_ = 1, style_version_ = 1;
  std::pair<SizeBy, Metric> importance_key_{SizeBy::uniform, Metric::degree};
  bool importance_dirty_ = true;

  std::vector<std::uint8_t> visible_, edge_visible_;
  std::size_t visible_count_ = 0, visible_edge_count_ = 0;
  std::vector<std::size_t> degree_;
  std::vector<NodeStyle> node_styles_;
  std::vector<EdgeStyle> edge_styles_;
  std::vector<LegendEntry> legend_;
  std::vector<std::size_t> importance_;
  std::optional<Analysis> analysis_;
  mutable std::optional<MemberDegrees> member_degrees_;
  std::vector<std::optional<std::size_t>> analysis_vertex_;  // per document node
};

}  // namespace wijknet::viz
