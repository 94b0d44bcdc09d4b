#include "viz/renderer.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>

#include <cstddef>
#include <cstring>

namespace wijknet::viz {
namespace {

// Logical pixels to clip space, shared by both programs.
constexpr const char* common_glsl = R"(
uniform samplerBuffer u_pos;
uniform vec2 u_center;
uniform float u_zoom;
uniform vec2 u_viewport;
vec2 to_screen(vec2 w) {
  return vec2(u_viewport.x * 0.5 + (w.x - u_center.x) * u_zoom, u_viewport.y * 0.5 - (w.y - u_center.y) * u_zoom);
}
vec4 to_clip(vec2 s) { return vec4(s.x / u_viewport.x * 2.0 - 1.0, 1.0 - s.y / u_viewport.y * 2.0, 0.0, 1.0); }
)";

constexpr const char* node_vs = R"(
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec4 a_fill;
layout(location = 2) in float a_radius;
layout(location = 3) in float a_flags;
uniform float u_scale;
out vec2 v_local;
out vec4 v_fill;
out float v_radius;
flat out int v_flags;
void main() {
  int flags = int(a_flags + 0.5);
  float r = a_radius * u_scale;
  if ((flags & 1) == 0 || r <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  float pad = 4.0 + r * 0.1;  // the selection ring and the antialiasing fringe
  vec2 centre = to_screen(texelFetch(u_pos, gl_InstanceID).xy);
  v_local = a_corner * (r + pad);
  v_fill = a_fill;
  v_radius = r;
  v_flags = flags;
  gl_Position = to_clip(centre + v_local);
}
)";

constexpr const char* node_fs = R"(
in vec2 v_local;
in vec4 v_fill;
in float v_radius;
flat in int v_flags;
uniform vec4 u_select;
out vec4 o_color;
// Coverage of "distance < edge" with a one-pixel ramp, whatever the zoom or the pixel ratio.
float inside(float d, float edge, float w) { return clamp((edge - d) / w + 0.5, 0.0, 1.0); }
void main() {
  float d = length(v_local);
  float w = max(fwidth(d), 1e-4);
  float r = v_radius;
  bool selected = (v_flags & 2) != 0, hovered = (v_flags & 4) != 0, pinned = (v_flags & 8) != 0;
  bool dimmed = (v_flags & 16) != 0;
  float outline = max(1.0, r * 0.16);
  float ring = selected ? max(2.5, r * 0.3) : (hovered ? 1.8 : 0.0);
  vec4 edge_color = vec4(v_fill.rgb * 0.55, 1.0);
  vec4 ring_color = selected ? u_select : vec4(0.1, 0.1, 0.12, 1.0);
  vec3 c = v_fill.rgb;
  c = mix(edge_color.rgb, c, inside(d, r - outline, w));
  if (pinned) c = mix(c, vec3(1.0), inside(d, r * 0.28, w) * 0.9);
  float a = inside(d, r, w);
  if (ring > 0.0) {
    float ra = inside(d, r + ring, w) * (1.0 - a);
    c = mix(c, ring_color.rgb, ra / max(a + ra, 1e-4));
    a = a + ra;
  }
  a *= v_fill.a * (dimmed ? 0.22 : 1.0);
  if (a <= 0.0) discard;
  o_color = vec4(c, a);
}
)";

constexpr const char* edge_vs = R"(
layout(location = 0) in uvec2 a_ends;
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_width;
uniform int u_segments;
uniform float u_curvature;
uniform float u_px;
uniform float u_scale;
out float v_across;
out float v_half;
out vec4 v_color;
void main() {
  float width = a_width * u_scale;
  if (width <= 0.0 || a_color.a <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  vec2 p0 = to_screen(texelFetch(u_pos, int(a_ends.x)).xy);
  vec2 p1 = to_screen(texelFetch(u_pos, int(a_ends.y)).xy);
  float alpha = a_color.a;
  // Lines thinner than a device pixel fade instead of shimmering.
  float device = width * u_px;
  if (device < 1.0) { alpha *= device; width = 1.0 / u_px; }
  int seg = gl_VertexID / 2;
  float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
  float t = float(seg) / float(u_segments);
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 n = len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  vec2 c = (p0 + p1) * 0.5 + n * (u_curvature * len);
  vec2 p = (1.0 - t) * (1.0 - t) * p0 + 2.0 * (1.0 - t) * t * c + t * t * p1;
  vec2 tangent = 2.0 * (1.0 - t) * (c - p0) + 2.0 * t * (p1 - c);
  float tl = length(tangent);
  vec2 normal = tl > 0.0 ? vec2(-tangent.y, tangent.x) / tl : n;
  float h = width * 0.5 + 1.0 / u_px;
  v_across = side * h;
  v_half = width * 0.5;
  v_color = vec4(a_color.rgb, alpha);
  gl_Position = to_clip(p + normal * side * h);
}
)";

constexpr const char* edge_fs = R"(
in float v_across;
in float v_half;
in vec4 v_color;
out vec4 o_color;
void main() {
  float w = max(fwidth(v_across), 1e-4);
  float a = clamp((v_half - abs(v_across)) / w + 0.5, 0.0, 1.0) * v_color.a;
  if (a <= 0.0) discard;
  o_color = vec4(v_color.rgb, a);
}
)";

struct NodeInstance {
  std::uint8_t rgba[4];
  float radius;
  float flags;
};
static_assert(sizeof(NodeInstance) == 12);

struct EdgeInstance {
  std::uint32_t u, v;
  std::uint8_t rgba[4];
  float width;
};
static_assert(sizeof(EdgeInstance) == 16);

GLuint compile(GLenum kind, const char* body, std::string& error) {
  std::string src = std::string("#version 330 core\n") + common_glsl + body;
  const char* text = src.c_str();
  GLuint s = glCreateShader(kind);
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    error = std::string("shader: ") + log;
    glDeleteShader(s);
    return 0;
  }
  return s;
}

GLuint link(const char* vs, const char* fs, std::string& error) {
  GLuint v = compile(GL_VERTEX_SHADER, vs, error);
  if (!v) return 0;
  GLuint f = compile(GL_FRAGMENT_SHADER, fs, error);
  if (!f) return 0;
  GLuint p = glCreateProgram();
  glAttachShader(p, v);
  glAttachShader(p, f);
  glLinkProgram(p);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetProgramInfoLog(p, sizeof log, nullptr, log);
    error = std::string("program: ") + log;
    glDeleteProgram(p);
    return 0;
  }
  return p;
}

void set_camera_uniforms(GLuint program, const Camera& cam) {
  glUniform1i(glGetUniformLocation(program, "u_pos"), 0);
  glUniform2f(glGetUniformLocation(program, "u_center"), float(cam.center.x), float(cam.center.y));
  glUniform1f(glGetUniformLocation(program, "u_zoom"), float(cam.zoom));
  glUniform2f(glGetUniformLocation(program, "u_viewport"), float(cam.width), float(cam.height));
}

}  // namespace

Renderer::~Renderer() {
  // The context may already be gone at exit; deleting names of a dead context is harmless
  // only while it is current, so the viewer destroys the renderer before the window.
  if (!node_program_) return;
  glDeleteProgram(node_program_);
  glDeleteProgram(edge_program_);
  GLuint buffers[] = {quad_vbo_, node_style_vbo_, edge_vbo_, pos_tbo_buffer_};
  glDeleteBuffers(4, buffers);
  GLuint vaos[] = {node_vao_, edge_vao_};
  glDeleteVertexArrays(2, vaos);
  glDeleteTextures(1, &pos_texture_);
  if (fbo_) {
    glDeleteFramebuffers(1, &fbo_);
    glDeleteRenderbuffers(1, &fbo_color_);
  }
}

bool Renderer::init(std::string& error) {
  node_program_ = link(node_vs, node_fs, error);
  if (!node_program_) return false;
  edge_program_ = link(edge_vs, edge_fs, error);
  if (!edge_program_) return false;

  glGenBuffers(1, &pos_tbo_buffer_);
  glBindBuffer(GL_TEXTURE_BUFFER, pos_tbo_buffer_);
  glBufferData(GL_TEXTURE_BUFFER, 8, nullptr, GL_DYNAMIC_DRAW);
  glGenTextures(1, &pos_texture_);
  glBindTexture(GL_TEXTURE_BUFFER, pos_texture_);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, pos_tbo_buffer_);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);

  // Nodes: a unit quad drawn once per node, the style read per instance.
  const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  glGenVertexArrays(1, &node_vao_);
  glBindVertexArray(node_vao_);
  glGenBuffers(1, &quad_vbo_);
  glBindBuffer(GL_ARRAY_BUFFER, quad_vbo_);
  glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glGenBuffers(1, &node_style_vbo_);
  glBindBuffer(GL_ARRAY_BUFFER, node_style_vbo_);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(NodeInstance), (void*)offsetof(NodeInstance, rgba));
  glVertexAttribDivisor(1, 1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(NodeInstance), (void*)offsetof(NodeInstance, radius));
  glVertexAttribDivisor(2, 1);
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(NodeInstance), (void*)offsetof(NodeInstance, flags));
  glVertexAttribDivisor(3, 1);

  // Edges: no per-vertex data at all; the ribbon's vertices come from gl_VertexID.
  glGenVertexArrays(1, &edge_vao_);
  glBindVertexArray(edge_vao_);
  glGenBuffers(1, &edge_vbo_);
  glBindBuffer(GL_ARRAY_BUFFER, edge_vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribIPointer(0, 2, GL_UNSIGNED_INT, sizeof(EdgeInstance), (void*)offsetof(EdgeInstance, u));
  glVertexAttribDivisor(0, 1);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(EdgeInstance), (void*)offsetof(EdgeInstance, rgba));
  glVertexAttribDivisor(1, 1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(EdgeInstance), (void*)offsetof(EdgeInstance, width));
  glVertexAttribDivisor(2, 1);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  GLenum err = glGetError();
  if (err != GL_NO_ERROR) {
    error = "OpenGL error " + std::to_string(err) + " while creating buffers";
    return false;
  }
  return true;
}

void Renderer::upload(AppState& state) {
  const auto& nodes = state.node_styles();
  const auto& edges = state.edge_styles();
  const auto& doc = state.document();
  const bool resized = nodes.size() != node_count_ || edges.size() != edge_count_ ||
                       state.structure_version() != uploaded_structure_;
  if (resized || state.positions_version() != uploaded_positions_) {
    const auto& p = state.positions();
    pos_scratch_.resize(std::max<std::size_t>(p.size(), 1) * 2);
    for (std::size_t i = 0; i < p.size(); ++i) pos_scratch_[2 * i] = float(p[i].x), pos_scratch_[2 * i + 1] = float(p[i].y);
    glBindBuffer(GL_TEXTURE_BUFFER, pos_tbo_buffer_);
    glBufferData(GL_TEXTURE_BUFFER, GLsizeiptr(pos_scratch_.size() * sizeof(float)), pos_scratch_.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    uploaded_positions_ = state.positions_version();
  }
  if (resized || state.style_version() != uploaded_styles_) {
    std::vector<NodeInstance> ni(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto& s = nodes[i];
      ni[i] = {{s.fill.r, s.fill.g, s.fill.b, s.fill.a}, s.radius, float(s.flags)};
    }
    glBindBuffer(GL_ARRAY_BUFFER, node_style_vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(ni.size() * sizeof(NodeInstance)), ni.data(), GL_DYNAMIC_DRAW);
    std::vector<EdgeInstance> ei(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
      const auto& s = edges[e];
      const auto& x = doc.edges[e];
      ei[e] = {std::uint32_t(x.source), std::uint32_t(x.target), {s.color.r, s.color.g, s.color.b, s.visible ? s.color.a : std::uint8_t(0)},
               s.visible && x.source != x.target ? s.width : 0.0f};
    }
    glBindBuffer(GL_ARRAY_BUFFER, edge_vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(ei.size() * sizeof(EdgeInstance)), ei.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    uploaded_styles_ = state.style_version();
  }
  node_count_ = nodes.size();
  edge_count_ = edges.size();
  uploaded_structure_ = state.structure_version();
}

void Renderer::draw(AppState& state, const RenderTarget& target) {
  upload(state);
  glViewport(0, 0, target.fb_width, target.fb_height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(background_color.r / 255.f, background_color.g / 255.f, background_color.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, pos_texture_);
  const Camera& cam = state.camera();
  const float scale = float(state.node_scale() * target.ui_scale);

  if (edge_count_ > 0) {
    glUseProgram(edge_program_);
    set_camera_uniforms(edge_program_, cam);
    // Curved ribbons need a few segments; straight ones are one quad.
    const int segments = state.curved_edges ? 12 : 1;
    glUniform1i(glGetUniformLocation(edge_program_, "u_segments"), segments);
    glUniform1f(glGetUniformLocation(edge_program_, "u_curvature"), state.curved_edges ? 0.12f : 0.0f);
    glUniform1f(glGetUniformLocation(edge_program_, "u_px"), float(target.pixel_ratio));
    glUniform1f(glGetUniformLocation(edge_program_, "u_scale"), float(target.ui_scale * std::min(state.node_scale(), 2.0)));
    glBindVertexArray(edge_vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * (segments + 1), GLsizei(edge_count_));
  }
  if (node_count_ > 0) {
    glUseProgram(node_program_);
    set_camera_uniforms(node_program_, cam);
    glUniform1f(glGetUniformLocation(node_program_, "u_scale"), scale);
    glUniform4f(glGetUniformLocation(node_program_, "u_select"), selection_color.r / 255.f, selection_color.g / 255.f,
                selection_color.b / 255.f, 1.f);
    glBindVertexArray(node_vao_);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(node_count_));
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
}

bool Renderer::bind_offscreen(int w, int h, std::string& error) {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (w <= 0 || h <= 0 || w > max_size || h > max_size) {
    error = "export size " + std::to_string(w) + "x" + std::to_string(h) + " is beyond this GPU's limit of " +
            std::to_string(max_size) + " pixels";
    return false;
  }
  if (!fbo_) {
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &fbo_color_);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  if (w != fbo_w_ || h != fbo_h_) {
    glBindRenderbuffer(GL_RENDERBUFFER, fbo_color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fbo_color_);
    fbo_w_ = w, fbo_h_ = h;
  }
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    error = "the offscreen framebuffer is incomplete";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return false;
  }
  return true;
}

void Renderer::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<std::uint8_t> Renderer::read_pixels(int w, int h) {
  std::vector<std::uint8_t> rows(std::size_t(w) * std::size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  // OpenGL's first row is the bottom one; images start at the top.
  std::vector<std::uint8_t> out(rows.size());
  const std::size_t stride = std::size_t(w) * 4;
  for (int y = 0; y < h; ++y) std::memcpy(&out[std::size_t(y) * stride], &rows[std::size_t(h - 1 - y) * stride], stride);
  for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;  // the background is opaque
  return out;
}

}  // namespace wijknet::viz
