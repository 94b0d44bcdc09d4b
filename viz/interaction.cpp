#include "viz/interaction.hpp"

#include <cmath>

namespace wijknet::viz {

std::optional<std::pair<Vec2, Vec2>> Interaction::box() const {
  if (mode_ != Mode::box) return std::nullopt;
  return std::pair{press_at_, last_};
}

void Interaction::update(AppState& state, const PointerInput& in) {
  Camera& cam = state.view().camera();
  const double moved = std::hypot(in.mouse.x - press_at_.x, in.mouse.y - press_at_.y);

  switch (mode_) {
    case Mode::idle: {
      if (!in.over_view) {
        state.view().set_hover(std::nullopt);
        return;
      }
      if (in.wheel != 0) {
        cam.zoom_at(in.mouse, std::pow(wheel_factor, in.wheel));
        state.view().auto_fit = false;
      }
      auto hit = state.node_at(in.mouse);
      state.view().set_hover(hit);
      if (in.double_clicked[0] && hit) {
        state.fly_to(*hit);
        return;
      }
      for (int b = 0; b < 3; ++b) {
        if (!in.pressed[b]) continue;
        press_at_ = last_ = in.mouse;
        button_ = b;
        if (b == 0 && hit) {
          mode_ = Mode::press_node;
          node_ = *hit;
          Vec2 w = cam.to_world(in.mouse);
          grab_offset_ = {state.doc().positions()[node_].x - w.x, state.doc().positions()[node_].y - w.y};
        } else if (b == 0 && in.shift) {
          mode_ = Mode::box;
        } else {
          mode_ = Mode::press_empty;
        }
        break;
      }
      return;
    }
    case Mode::press_node:
      if (in.released[button_]) {
        state.click(node_, in.shift);
        mode_ = Mode::idle;
      } else if (moved >= drag_threshold) {
        mode_ = Mode::drag_node;
      } else {
        return;
      }
      if (mode_ != Mode::drag_node) return;
      [[fallthrough]];
    case Mode::drag_node: {
      Vec2 w = cam.to_world(in.mouse);
      Vec2 p{w.x + grab_offset_.x, w.y + grab_offset_.y};
      bool done = in.released[button_] || !in.down[button_];
      state.doc().move_node(node_, p, true, done);
      if (done) {
        // A dragged node is also the one the user is working with.
        if (!state.view().selected(node_)) state.click(node_, in.shift);
        mode_ = Mode::idle;
      }
      last_ = in.mouse;
      return;
    }
    case Mode::press_empty:
      if (in.released[button_] || !in.down[button_]) {
        if (button_ == 0 && !in.shift) state.view().clear_selection();
        mode_ = Mode::idle;
        return;
      }
      if (moved < drag_threshold) return;
      mode_ = Mode::pan;
      [[fallthrough]];
    case Mode::pan:
      cam.pan(in.mouse.x - last_.x, in.mouse.y - last_.y);
      if (in.mouse.x != last_.x || in.mouse.y != last_.y) state.view().auto_fit = false;
      last_ = in.mouse;
      if (in.released[button_] || !in.down[button_]) mode_ = Mode::idle;
      return;
    case Mode::box:
      last_ = in.mouse;
      if (in.released[button_] || !in.down[button_]) {
        if (moved >= drag_threshold) state.select_box(press_at_, in.mouse, true);
        else if (auto hit = state.node_at(in.mouse)) state.click(*hit, true);
        mode_ = Mode::idle;
      }
      return;
  }
}

}  // namespace wijknet::viz
