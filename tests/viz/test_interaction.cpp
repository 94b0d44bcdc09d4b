#include <doctest/doctest.h>

#include "tests/viz/fixtures.hpp"
#include "viz/app_state.hpp"
#include "viz/interaction.hpp"
#include "viz/renderer.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {

AppState loaded() {
  AppState s;
  s.view().set_viewport(800, 600);
  Coalition c = test::small_coalition();
  for (std::size_t i = 0; i < c.nodes.size(); ++i) c.layout[c.nodes[i].id] = {10.0 * double(i), 5.0 * double(i % 2)};
  s.load(std::move(c));
  return s;
}

// Feeds the controller a mouse gesture frame by frame, the way the viewer does.
struct Mouse {
  Interaction& ia;
  AppState& s;
  bool shift = false;
  Vec2 at{400, 300};

  void frame(PointerInput in) {
    in.mouse = at;
    in.shift = shift;
    ia.update(s, in);
  }
  void move(Vec2 p) {
    at = p;
    PointerInput in;
    in.down[0] = held;
    frame(in);
  }
  void press(int b = 0) {
    PointerInput in;
    in.down[b] = true;
    in.pressed[b] = true;
    held = b == 0;
    frame(in);
  }
  void release(int b = 0) {
    PointerInput in;
    in.released[b] = true;
    held = false;
    frame(in);
  }
  void drag(Vec2 from, Vec2 to, int steps = 5) {
    at = from;
    press();
    for (int k = 1; k <= steps; ++k) move({from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps});
    release();
  }
  void wheel(double notches) {
    PointerInput in;
    in.wheel = notches;
    frame(in);
  }
  bool held = false;
};

Vec2 screen_of(AppState& s, const char* id) { return s.view().camera().to_screen(s.doc().positions()[*s.document().find(id)]); }

}  // namespace

TEST_CASE("click selects, shift-click adds, a click on empty space clears") {
  AppState s = loaded();
  Interaction ia;
  Mouse m{ia, s};
  m.at = screen_of(s, "roc");
  m.press();
  m.release();
  REQUIRE(s.view().selection().size() == 1);
  CHECK(s.document().nodes[s.view().selection()[0]].id == "roc");
  m.shift = true;
  m.at = screen_of(s, "staedion");
  m.press();
  m.release();
  CHECK(s.view().selection().size() == 2);
  m.shift = false;
  m.at = {5, 590};  // an empty corner
  m.press();
  m.release();
  CHECK(s.view().selection().empty());
  CHECK(ia.mode() == Interaction::Mode::idle);
}

TEST_CASE("dragging empty space pans; the wheel zooms at the cursor") {
  AppState s = loaded();
  Interaction ia;
  Mouse m{ia, s};
  Vec2 before = s.view().camera().center;
  double zoom = s.view().camera().zoom;
  m.drag({10, 590}, {110, 540});
  CHECK(s.view().camera().center.x == doctest::Approx(before.x - 100 / zoom));
  CHECK(s.view().camera().center.y == doctest::Approx(before.y - 50 / zoom));
  CHECK(s.view().selection().empty());
  CHECK_FALSE(s.view().auto_fit);

  m.at = {200, 150};
  Vec2 under = s.view().camera().to_world(m.at);
  m.wheel(2);
  CHECK(s.view().camera().zoom == doctest::Approx(zoom * Interaction::wheel_factor * Interaction::wheel_factor));
  CHECK(s.view().camera().to_world(m.at).x == doctest::Approx(under.x));
  CHECK(s.view().camera().to_world(m.at).y == doctest::Approx(under.y));
  m.wheel(-2);
  CHECK(s.view().camera().zoom == doctest::Approx(zoom));
}

TEST_CASE("dragging a node moves and pins it, in one undo step") {
  AppState s = loaded();
  Interaction ia;
  Mouse m{ia, s};
  std::size_t roc = *s.document().find("roc");
  Vec2 from = screen_of(s, "roc");
  Vec2 world_from = s.doc().positions()[roc];
  m.drag(from, {from.x + 80, from.y - 40}, 8);
  Vec2 world_to = s.doc().positions()[roc];
  double z = s.view().camera().zoom;
  CHECK(world_to.x == doctest::Approx(world_from.x + 80 / z));
  CHECK(world_to.y == doctest::Approx(world_from.y + 40 / z));
  CHECK(s.doc().pinned()[roc]);
  CHECK(s.view().selected(roc));
  CHECK(s.doc().undo_depth() == 1);
  s.doc().undo();
  CHECK(s.doc().positions()[roc] == world_from);
  CHECK_FALSE(s.doc().pinned()[roc]);
}

TEST_CASE("shift-drag draws a box that selects the nodes inside") {
  AppState s = loaded();
  Interaction ia;
  Mouse m{ia, s};
  m.shift = true;
  Vec2 a = s.view().camera().to_screen({15, 8}), b = s.view().camera().to_screen({45, -3});
  m.at = a;
  m.press();
  m.move(b);
  REQUIRE(ia.box());
  CHECK(ia.box()->first.x == doctest::Approx(a.x));
  m.release();
  CHECK_FALSE(ia.box());
  std::vector<std::string> got;
  for (auto i : s.view().selection()) got.push_back(s.document().nodes[i].id);
  CHECK(got == std::vector<std::string>{"broker", "roc", "bewoners"});
}

TEST_CASE("hover follows the mouse and double-click flies to a node") {
  AppState s = loaded();
  Interaction ia;
  Mouse m{ia, s};
  m.move(screen_of(s, "staedion"));
  REQUIRE(s.view().hovered());
  CHECK(s.document().nodes[*s.view().hovered()].id == "staedion");
  m.move({5, 590});
  CHECK_FALSE(s.view().hovered());
  PointerInput in;
  in.mouse = screen_of(s, "p-stage");
  in.double_clicked[0] = true;
  ia.update(s, in);
  CHECK(s.view().flying());
  // Over a panel the view ignores the mouse.
  PointerInput over;
  over.mouse = screen_of(s, "roc");
  over.over_view = false;
  over.pressed[0] = over.down[0] = true;
  ia.update(s, over);
  CHECK(ia.mode() == Interaction::Mode::idle);
}

TEST_CASE("a cached picture is moved and scaled so every world point lands where the camera now puts it") {
  Camera then;
  then.center = {3, -2};
  then.zoom = 4;
  then.width = 1280, then.height = 800;
  Camera now = then;
  now.pan(120, -45);
  now.zoom_at({300, 500}, 1.7);
  const PictureTransform move = picture_transform(then, now);
  CHECK(move.scale == doctest::Approx(1.7));
  auto ndc = [](const Camera& c, Vec2 w) {
    Vec2 s = c.to_screen(w);
    return Vec2{s.x / c.width * 2 - 1, 1 - s.y / c.height * 2};
  };
  for (Vec2 w : {Vec2{0, 0}, Vec2{3, -2}, Vec2{-150, 90}, Vec2{77.5, 12}}) {
    Vec2 a = ndc(then, w), b = ndc(now, w);
    CHECK(a.x * move.scale + move.offset.x == doctest::Approx(b.x));
    CHECK(a.y * move.scale + move.offset.y == doctest::Approx(b.y));
  }
  // The same camera shows the picture as it is.
  const PictureTransform still = picture_transform(now, now);
  CHECK(still.scale == 1);
  CHECK(still.offset.x == 0);
  CHECK(still.offset.y == 0);
}
