// Draws the network with OpenGL 3.3 core: one draw call for every edge and one for every node,
// whatever their number. Everything per node and per edge (positions, colours, sizes, flags,
// endpoints) lives in texture buffers that the vertex shaders read by index, uploaded only when
// it changed: positions when the layout moved, styles when a style changed. Discs are
// antialiased and outlined in the fragment shader; edges are quadratic Bezier ribbons,
// straight when the curvature is zero.
//
// Two ways to submit the same draw, chosen at init:
// - instanced (hardware GPUs): glDrawArraysInstanced, one instance per node or edge, a quad or
//   ribbon strip per instance;
// - pulled (Mesa's llvmpipe and other software renderers, whose instancing costs some 20 us an
//   instance): glDrawArrays of plain triangles, the vertex shader finding its node or edge as
//   gl_VertexID / vertices-per-item. Same shaders, same picture, one call each.
// WIJKNET_DRAW=instanced|pulled overrides the choice.
// On a software renderer a large network (over 20,000 visible ties) also draws its ordinary
// ties as one indexed GL_LINES call over the node position buffer: one-pixel lines, coloured
// by their endpoints, cost a CPU rasteriser a fraction of antialiased ribbons. The ties of the
// selection and of the hovered node stay ribbons on top.
//
// Needs a current OpenGL 3.3 core context; everything it draws comes from AppState.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "viz/app_state.hpp"

namespace wijknet::viz {

// Where a frame goes: the framebuffer's size in pixels and how many of its pixels make one
// logical pixel (2 on a HiDPI screen that reports it, the export scale offscreen).
struct RenderTarget {
  int fb_width = 1, fb_height = 1;
  double pixel_ratio = 1.0;
  // Extra size for nodes and ties on a screen whose content scale is above 1 (X11 HiDPI).
  double ui_scale = 1.0;
};

// How a picture drawn with camera `then` is shown under camera `now` (same viewport): a point at
// normalised device coordinates p in the picture goes to p * scale + offset.
struct PictureTransform {
  double scale = 1;
  Vec2 offset;
};
PictureTransform picture_transform(const Camera& then, const Camera& now);

class Renderer {
 public:
  Renderer() = default;
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Compiles the shaders and creates the buffers. Returns false with `error` set when the
  // context cannot (a missing extension, a shader the driver rejects).
  bool init(std::string& error);

  // Clears the bound framebuffer to the background and draws the edges, then the nodes.
  void draw(const AppState& state, const RenderTarget& target);

  // Draws the scene in the window through a cached picture: the scene is drawn into a texture
  // and shown from there, redrawn only when something in it changed (positions, styles, the
  // camera, the size). A heavy scene (a draw over 10 ms, as 100,000 ties on a software renderer,
  // which would not leave a frame within 16 ms) is drawn in parts of about 7 ms, slices of the
  // ties and then of the nodes, one part a frame, into a second picture that replaces the
  // first when complete; meanwhile the last complete picture is shown, moved and scaled to the
  // current camera, so panning, zooming, menus and tooltips answer at once. `fresh` draws the
  // scene whole in this frame (screenshots). `now` is in seconds. Returns whether a picture
  // was completed in this frame.
  bool present(const AppState& state, const RenderTarget& target, double now, bool fresh = false);
  // Whether the window shows an older picture than the state (the caller keeps drawing frames).
  bool stale() const { return stale_; }
  // Pictures completed so far and the last one's drawing time, all parts together (--bench).
  std::size_t redraws() const { return redraws_; }
  double last_draw_ms() const { return last_draw_ms_; }

  // Creates (or resizes) an offscreen framebuffer of w x h pixels and binds it; unbind() returns
  // to the window. Used for PNG exports at any scale.
  bool bind_offscreen(int w, int h, std::string& error);
  void unbind();
  // Waits until the GPU has drawn everything (for timings).
  void finish();
  // "instanced" or "pulled", and the GL_RENDERER string, for the benchmark's report.
  std::string mode() const {
    return std::string(pulled_ ? "pulled" : "instanced") + (lines_ ? ", ordinary ties as lines" : "");
  }
  const std::string& gl_renderer() const { return gl_renderer_; }

  // The bound framebuffer's pixels as RGBA rows, top row first (glReadPixels reads bottom up).
  static std::vector<std::uint8_t> read_pixels(int w, int h);

 private:
  void upload(const AppState& state);

  // A buffer and the texture that views it as a texture buffer of one format.
  struct Tbo {
    unsigned buffer = 0, texture = 0;
  };
  void create(Tbo& t, unsigned format);
  void fill(Tbo& t, const void* data, std::size_t bytes);

  unsigned node_program_ = 0, edge_program_ = 0, line_program_ = 0, vao_ = 0, line_vao_ = 0, line_index_ = 0;
  Tbo pos_, node_color_, node_param_, edge_ends_, edge_color_, edge_width_;
  bool pulled_ = false;
  bool lines_ = false;             // ordinary ties drawn as GL_LINES (see above)
  std::size_t ribbon_count_ = 0;   // ties in the ribbon buffers
  std::size_t line_count_ = 0;     // ties in the line index buffer
  float line_alpha_ = 1;
  unsigned fbo_ = 0, fbo_color_ = 0;
  // The pictures of present(): what each shows, and its framebuffer.
  struct Picture {
    std::uint64_t positions = 0, styles = 0, structure = 0;
    Camera camera;
    int fb_width = 0, fb_height = 0;
    double pixel_ratio = 1, ui_scale = 1, node_scale = 1;
    bool curved = false, valid = false;
    unsigned fbo = 0, texture = 0;
    void allocate(int w, int h);
    bool shows(const Picture& other) const;  // the same scene, seen the same way
  };
  // Draws part `part` of the scene (see present()) with `cam`: parts 0 .. tie_parts - 1 are
  // slices of the ties, the next node_parts slices of the nodes.
  // Part -1 is the whole scene (draw()).
  void draw_part(const AppState& state, const RenderTarget& target, const Camera& cam, int part, int tie_parts,
                 int node_parts);
  unsigned picture_program_ = 0;
  Picture pictures_[2];
  int front_ = 0, part_ = 0, tie_parts_ = 1, node_parts_ = 1;
  bool drawing_ = false, whole_ = true, stale_ = false;
  double drawing_ms_ = 0, last_draw_ms_ = 0, last_done_at_ = -1e9;
  double ties_ms_ = 0, nodes_ms_ = 0, last_ties_ms_ = 0, last_nodes_ms_ = 0;  // the two halves of a picture
  std::size_t redraws_ = 0;
  int fbo_w_ = 0, fbo_h_ = 0;
  std::uint64_t uploaded_positions_ = 0, uploaded_styles_ = 0, uploaded_structure_ = 0;
  std::size_t node_count_ = 0, edge_count_ = 0;
  std::vector<float> pos_scratch_;
  std::string gl_renderer_;
};

}  // namespace wijknet::viz
