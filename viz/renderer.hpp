// Draws the network with OpenGL 3.3 core: one instanced draw call for every edge and one for
// every node, whatever their number. Node positions live in a texture buffer that both calls
// read (uploaded only when the layout moved), per-node and per-edge styles in instance buffers
// (uploaded only when a style changed). Discs are antialiased and outlined in the fragment
// shader; edges are quadratic Bezier ribbons, straight when the curvature is zero.
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
  void draw(AppState& state, const RenderTarget& target);

  // Creates (or resizes) an offscreen framebuffer of w x h pixels and binds it; unbind() returns
  // to the window. Used for PNG exports at any scale.
  bool bind_offscreen(int w, int h, std::string& error);
  void unbind();

  // The bound framebuffer's pixels as RGBA rows, top row first (glReadPixels reads bottom up).
  static std::vector<std::uint8_t> read_pixels(int w, int h);

 private:
  void upload(AppState& state);

  unsigned node_program_ = 0, edge_program_ = 0;
  unsigned quad_vbo_ = 0, node_vao_ = 0, node_style_vbo_ = 0;
  unsigned edge_vao_ = 0, edge_vbo_ = 0;
  unsigned pos_tbo_buffer_ = 0, pos_texture_ = 0;
  unsigned fbo_ = 0, fbo_color_ = 0;
  int fbo_w_ = 0, fbo_h_ = 0;
  std::uint64_t uploaded_positions_ = 0, uploaded_styles_ = 0, uploaded_structure_ = 0;
  std::size_t node_count_ = 0, edge_count_ = 0;
  std::vector<float> pos_scratch_;
};

}  // namespace wijknet::viz
