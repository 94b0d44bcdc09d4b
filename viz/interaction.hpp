// Mouse navigation over the network view, turned into AppState commands: drag to pan, wheel to
// zoom at the cursor, click to select, shift-click to add, shift-drag for a selection box, drag
// a node to move and pin it, hover for the tooltip, double-click to fly to a node. It reads a
// plain PointerInput the viewer fills from ImGui each frame, so the tests drive it without a
// window.
#pragma once

#include <optional>
#include <utility>

#include "viz/app_state.hpp"

namespace wijknet::viz {

struct PointerInput {
  Vec2 mouse;               // logical pixels in the view
  bool over_view = true;    // false while the mouse is over a panel (ImGui wants it)
  bool down[3] = {};        // left, right, middle held
  bool pressed[3] = {};     // went down this frame
  bool released[3] = {};    // went up this frame
  bool double_clicked[3] = {};
  double wheel = 0;         // notches; positive zooms in
  bool shift = false, ctrl = false;
};

class Interaction {
 public:
  enum class Mode { idle, press_node, drag_node, press_empty, pan, box };

  void update(AppState& state, const PointerInput& in);
  Mode mode() const { return mode_; }
  // The selection box being drawn, in screen coordinates, while in Mode::box.
  std::optional<std::pair<Vec2, Vec2>> box() const;

  // A press moves this far (logical pixels) before it counts as a drag rather than a click.
  static constexpr double drag_threshold = 4.0;
  // One wheel notch zooms by this factor.
  static constexpr double wheel_factor = 1.2;

 private:
  Mode mode_ = Mode::idle;
  Vec2 press_at_, last_;
  std::size_t node_ = 0;
  Vec2 grab_offset_;  // world offset from the cursor to the node's centre
  int button_ = 0;
};

}  // namespace wijknet::viz
