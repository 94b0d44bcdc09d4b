#include "viz/renderer.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

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
uniform samplerBuffer u_color;
uniform samplerBuffer u_param;  // radius, flags
uniform float u_scale;
uniform int u_pulled;
uniform int u_first;  // the first node of an instanced draw of part of the nodes
out vec2 v_local;
out vec4 v_fill;
out float v_radius;
flat out int v_flags;
const vec2 strip[4] = vec2[4](vec2(-1, -1), vec2(1, -1), vec2(-1, 1), vec2(1, 1));
const int triangles[6] = int[6](0, 1, 2, 2, 1, 3);
void main() {
  int node = u_pulled != 0 ? gl_VertexID / 6 : u_first + gl_InstanceID;
  vec2 corner = strip[u_pulled != 0 ? triangles[gl_VertexID % 6] : gl_VertexID];
  vec2 param = texelFetch(u_param, node).xy;
  int flags = int(param.y + 0.5);
  float r = param.x * u_scale;
  if ((flags & 1) == 0 || r <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  // Room for the ring of a selected or hovered node and a pixel of antialiasing, no more:
  // twenty thousand quads of empty margin cost a software renderer dearly.
  float pad = ((flags & 2) != 0 ? max(2.5, r * 0.3) : ((flags & 4) != 0 ? 1.8 : 0.0)) + 1.5;
  vec2 centre = to_screen(texelFetch(u_pos, node).xy);
  v_local = corner * (r + pad);
  v_fill = texelFetch(u_color, node);
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
  vec3 edge_color = v_fill.rgb * 0.55;
  vec3 ring_color = selected ? u_select.rgb : vec3(0.1, 0.1, 0.12);
  vec3 c = mix(edge_color, v_fill.rgb, inside(d, r - outline, w));
  if (pinned) c = mix(c, vec3(1.0), inside(d, r * 0.28, w) * 0.9);
  float a = inside(d, r, w);
  if (ring > 0.0) {
    float ra = inside(d, r + ring, w) * (1.0 - a);
    c = mix(c, ring_color, ra / max(a + ra, 1e-4));
    a = a + ra;
  }
  a *= v_fill.a * (dimmed ? 0.22 : 1.0);
  if (a <= 0.0) discard;
  o_color = vec4(c, a);
}
)";

constexpr const char* edge_vs = R"(
uniform usamplerBuffer u_ends;
uniform samplerBuffer u_color;
uniform samplerBuffer u_width;
uniform int u_segments;
uniform int u_pulled;
uniform int u_first;  // the first edge of an instanced draw of part of the ties (GL 3.3 has no base instance)
uniform float u_curvature;
uniform float u_px;
uniform float u_scale;
out float v_across;
out float v_half;
out vec4 v_color;
// A ribbon of u_segments quads: as a strip, vertex k is point k/2 on side k%2; as triangles,
// quad s is (s,-)(s,+)(s+1,-) (s+1,-)(s,+)(s+1,+).
const int quad_point[6] = int[6](0, 0, 1, 1, 0, 1);
const int quad_side[6] = int[6](0, 1, 0, 0, 1, 1);
void main() {
  int edge, point, side;
  if (u_pulled != 0) {
    int per_edge = 6 * u_segments;
    edge = gl_VertexID / per_edge;
    int k = gl_VertexID % per_edge;
    point = k / 6 + quad_point[k % 6];
    side = quad_side[k % 6];
  } else {
    edge = u_first + gl_InstanceID;
    point = gl_VertexID / 2;
    side = gl_VertexID % 2;
  }
  float width = texelFetch(u_width, edge).x * u_scale;
  vec4 color = texelFetch(u_color, edge);
  if (width <= 0.0 || color.a <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  uvec2 ends = texelFetch(u_ends, edge).xy;
  vec2 p0 = to_screen(texelFetch(u_pos, int(ends.x)).xy);
  vec2 p1 = to_screen(texelFetch(u_pos, int(ends.y)).xy);
  float alpha = color.a;
  // Lines thinner than a device pixel fade instead of shimmering.
  float device = width * u_px;
  if (device < 1.0) { alpha *= device; width = 1.0 / u_px; }
  float s = side == 0 ? -1.0 : 1.0;
  float t = float(point) / float(u_segments);
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 n = len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0, 1.0);
  vec2 c = (p0 + p1) * 0.5 + n * (u_curvature * len);
  vec2 p = (1.0 - t) * (1.0 - t) * p0 + 2.0 * (1.0 - t) * t * c + t * t * p1;
  vec2 tangent = 2.0 * (1.0 - t) * (c - p0) + 2.0 * t * (p1 - c);
  float tl = length(tangent);
  vec2 normal = tl > 0.0 ? vec2(-tangent.y, tangent.x) / tl : n;
  float h = width * 0.5 + 0.5 / u_px;  // half a device pixel of antialiasing on each side
  v_across = s * h;
  v_half = width * 0.5;
  v_color = vec4(color.rgb, alpha);
  gl_Position = to_clip(p + normal * s * h);
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

constexpr const char* line_vs = R"(
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_color;
uniform float u_alpha;
out vec4 v_color;
void main() {
  // The colour of the tie's source end, quieter, as the ribbons have it.
  v_color = vec4(mix(a_color.rgb, vec3(150.0 / 255.0), 0.45), u_alpha);
  gl_Position = to_clip(to_screen(a_pos));
}
)";

constexpr const char* line_fs = R"(
in vec4 v_color;
out vec4 o_color;
void main() { o_color = v_color; }
)";

// The cached picture of the scene, moved and scaled to the current camera (see present()).
constexpr const char* picture_vs = R"(
uniform vec2 u_offset;
uniform float u_k;
out vec2 v_uv;
void main() {
  vec2 c = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  v_uv = c;
  gl_Position = vec4((c * 2.0 - 1.0) * u_k + u_offset, 0.0, 1.0);
}
)";

constexpr const char* picture_fs = R"(
uniform sampler2D u_picture;
in vec2 v_uv;
out vec4 o_color;
void main() { o_color = texture(u_picture, v_uv); }
)";

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
  glUniform2f(glGetUniformLocation(program, "u_center"), float(cam.center.x), float(cam.center.y));
  glUniform1f(glGetUniformLocation(program, "u_zoom"), float(cam.zoom));
  glUniform2f(glGetUniformLocation(program, "u_viewport"), float(cam.width), float(cam.height));
}

}  // namespace

Renderer::~Renderer() {
  // The viewer destroys the renderer while its context is still current.
  if (!node_program_) return;
  glDeleteProgram(node_program_);
  glDeleteProgram(edge_program_);
  for (Tbo* t : {&pos_, &node_color_, &node_param_, &edge_ends_, &edge_color_, &edge_width_}) {
    glDeleteBuffers(1, &t->buffer);
    glDeleteTextures(1, &t->texture);
  }
  glDeleteProgram(line_program_);
  glDeleteVertexArrays(1, &vao_);
  glDeleteVertexArrays(1, &line_vao_);
  glDeleteBuffers(1, &line_index_);
  if (fbo_) {
    glDeleteFramebuffers(1, &fbo_);
    glDeleteRenderbuffers(1, &fbo_color_);
  }
  glDeleteProgram(picture_program_);
  for (auto& p : pictures_)
    if (p.fbo) {
      glDeleteFramebuffers(1, &p.fbo);
      glDeleteTextures(1, &p.texture);
    }
}

void Renderer::create(Tbo& t, unsigned format) {
  glGenBuffers(1, &t.buffer);
  glBindBuffer(GL_TEXTURE_BUFFER, t.buffer);
  glBufferData(GL_TEXTURE_BUFFER, 16, nullptr, GL_DYNAMIC_DRAW);
  glGenTextures(1, &t.texture);
  glBindTexture(GL_TEXTURE_BUFFER, t.texture);
  glTexBuffer(GL_TEXTURE_BUFFER, format, t.buffer);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

void Renderer::fill(Tbo& t, const void* data, std::size_t bytes) {
  glBindBuffer(GL_TEXTURE_BUFFER, t.buffer);
  // Orphan and refill: the driver may still be reading the previous contents.
  glBufferData(GL_TEXTURE_BUFFER, GLsizeiptr(std::max<std::size_t>(bytes, 16)), nullptr, GL_DYNAMIC_DRAW);
  if (bytes) glBufferSubData(GL_TEXTURE_BUFFER, 0, GLsizeiptr(bytes), data);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

bool Renderer::init(std::string& error) {
  node_program_ = link(node_vs, node_fs, error);
  if (!node_program_) return false;
  edge_program_ = link(edge_vs, edge_fs, error);
  if (!edge_program_) return false;
  create(pos_, GL_RG32F);
  create(node_color_, GL_RGBA8);
  create(node_param_, GL_RG32F);
  create(edge_ends_, GL_RG32UI);
  create(edge_color_, GL_RGBA8);
  create(edge_width_, GL_R32F);
  glGenVertexArrays(1, &vao_);  // core profile draws need one bound, even without attributes
  line_program_ = link(line_vs, line_fs, error);
  if (!line_program_) return false;
  picture_program_ = link(picture_vs, picture_fs, error);
  if (!picture_program_) return false;
  // The line VAO reads node positions and colours straight from the texture buffers' storage.
  glGenVertexArrays(1, &line_vao_);
  glBindVertexArray(line_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, pos_.buffer);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, node_color_.buffer);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
  glGenBuffers(1, &line_index_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, line_index_);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  gl_renderer_ = renderer ? renderer : "";
  const char* force = std::getenv("WIJKNET_DRAW");
  if (force && std::string(force) == "pulled") pulled_ = true;
  else if (force && std::string(force) == "instanced") pulled_ = false;
  else
    pulled_ = gl_renderer_.find("llvmpipe") != std::string::npos || gl_renderer_.find("softpipe") != std::string::npos ||
              gl_renderer_.find("SWR") != std::string::npos;
  GLenum err = glGetError();
  if (err != GL_NO_ERROR) {
    error = "OpenGL error " + std::to_string(err) + " while creating buffers";
    return false;
  }
  return true;
}

void Renderer::upload(const AppState& state) {
  const auto& nodes = state.scene().node_styles();
  const auto& edges = state.scene().edge_styles();
  const auto& doc = state.document();
  const bool resized = nodes.size() != node_count_ || edges.size() != edge_count_ ||
                       state.scene().structure_version() != uploaded_structure_;
  if (resized || state.doc().positions_version() != uploaded_positions_) {
    const auto& p = state.doc().positions();
    pos_scratch_.resize(p.size() * 2);
    for (std::size_t i = 0; i < p.size(); ++i) pos_scratch_[2 * i] = float(p[i].x), pos_scratch_[2 * i + 1] = float(p[i].y);
    fill(pos_, pos_scratch_.data(), pos_scratch_.size() * sizeof(float));
    uploaded_positions_ = state.doc().positions_version();
  }
  if (resized || state.scene().style_version() != uploaded_styles_) {
    std::vector<std::uint8_t> color(nodes.size() * 4);
    std::vector<float> param(nodes.size() * 2);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto& s = nodes[i];
      std::memcpy(&color[4 * i], &s.fill, 4);
      param[2 * i] = s.radius;
      param[2 * i + 1] = float(s.flags);
    }
    fill(node_color_, color.data(), color.size());
    fill(node_param_, param.data(), param.size() * sizeof(float));
    // Which ties are ribbons and which (on a software renderer, in a large network) lines.
    std::size_t visible = 0;
    for (const auto& s : edges) visible += s.visible;
    lines_ = pulled_ && visible > 20000;
    const auto& selection = state.view().selection();
    auto hovered = state.view().hovered();
    auto lit = [&](const Edge& x) {
      return std::binary_search(selection.begin(), selection.end(), x.source) ||
             std::binary_search(selection.begin(), selection.end(), x.target) ||
             (hovered && (*hovered == x.source || *hovered == x.target));
    };
    std::vector<std::uint32_t> ends, line_ends;
    std::vector<std::uint8_t> ecolor;
    std::vector<float> width;
    ends.reserve(lines_ ? 256 : edges.size() * 2);
    if (lines_) line_ends.reserve(visible * 2);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      const auto& s = edges[e];
      const auto& x = doc.edges[e];
      if (lines_) {
        if (!s.visible || x.source == x.target) continue;
        if (!lit(x)) {
          line_ends.push_back(std::uint32_t(x.source));
          line_ends.push_back(std::uint32_t(x.target));
          line_alpha_ = s.color.a / 255.0f;
          continue;
        }
      }
      ends.push_back(std::uint32_t(x.source));
      ends.push_back(std::uint32_t(x.target));
      Rgba c = s.color;
      if (!s.visible) c.a = 0;
      ecolor.insert(ecolor.end(), {c.r, c.g, c.b, c.a});
      width.push_back(s.visible && x.source != x.target ? s.width : 0.0f);
    }
    fill(edge_ends_, ends.data(), ends.size() * sizeof(std::uint32_t));
    fill(edge_color_, ecolor.data(), ecolor.size());
    fill(edge_width_, width.data(), width.size() * sizeof(float));
    ribbon_count_ = width.size();
    line_count_ = line_ends.size() / 2;
    if (lines_) {
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, line_index_);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(line_ends.size() * sizeof(std::uint32_t)), line_ends.data(),
                   GL_DYNAMIC_DRAW);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    }
    uploaded_styles_ = state.scene().style_version();
  }
  node_count_ = nodes.size();
  edge_count_ = edges.size();
  uploaded_structure_ = state.scene().structure_version();
}

namespace {
void bind_tbo(GLuint program, const char* name, int unit, unsigned texture) {
  glActiveTexture(GLenum(GL_TEXTURE0 + unit));
  glBindTexture(GL_TEXTURE_BUFFER, texture);
  glUniform1i(glGetUniformLocation(program, name), unit);
}
}  // namespace

void Renderer::draw(const AppState& state, const RenderTarget& target) { draw_part(state, target, state.view().camera(), -1, 1, 1); }

void Renderer::draw_part(const AppState& state, const RenderTarget& target, const Camera& cam, int part, int tie_parts,
                         int node_parts) {
  const bool all = part < 0;
  if (part <= 0) upload(state);
  glViewport(0, 0, target.fb_width, target.fb_height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  if (part <= 0) {
    glClearColor(background_color.r / 255.f, background_color.g / 255.f, background_color.b / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBindVertexArray(vao_);
  // The first `tie_parts` parts draw the ties, a slice each (the lit ribbons, when ordinary ties
  // are lines, with the last slice), the next `node_parts` the nodes on top, a slice each.
  const bool ties = all || part < tie_parts, nodes = all || part >= tie_parts;
  const int k = all ? 0 : (ties ? part : part - tie_parts), parts = all ? 1 : (ties ? tie_parts : node_parts);
  const bool last = k + 1 == parts;
  auto slice = [&](std::size_t n) {
    return std::pair{n * std::size_t(k) / std::size_t(parts), n * std::size_t(k + 1) / std::size_t(parts)};
  };

  if (ties && lines_ && line_count_ > 0) {
    auto [a, b] = slice(line_count_);
    glUseProgram(line_program_);
    set_camera_uniforms(line_program_, cam);
    glUniform1f(glGetUniformLocation(line_program_, "u_alpha"), line_alpha_);
    glBindVertexArray(line_vao_);
    glDrawElements(GL_LINES, GLsizei((b - a) * 2), GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(a * 2 * sizeof(std::uint32_t)));
    glBindVertexArray(vao_);
  }
  if (ties && ribbon_count_ > 0 && (!lines_ || last)) {
    auto [a, b] = lines_ ? std::pair{std::size_t(0), ribbon_count_} : slice(ribbon_count_);
    glUseProgram(edge_program_);
    set_camera_uniforms(edge_program_, cam);
    bind_tbo(edge_program_, "u_pos", 0, pos_.texture);
    bind_tbo(edge_program_, "u_ends", 1, edge_ends_.texture);
    bind_tbo(edge_program_, "u_color", 2, edge_color_.texture);
    bind_tbo(edge_program_, "u_width", 3, edge_width_.texture);
    // Curved ribbons need a few segments; straight ones are one quad.
    const int segments = state.view().curved_edges ? 12 : 1;
    glUniform1i(glGetUniformLocation(edge_program_, "u_segments"), segments);
    glUniform1i(glGetUniformLocation(edge_program_, "u_pulled"), pulled_ ? 1 : 0);
    glUniform1i(glGetUniformLocation(edge_program_, "u_first"), GLint(a));
    glUniform1f(glGetUniformLocation(edge_program_, "u_curvature"), state.view().curved_edges ? 0.12f : 0.0f);
    glUniform1f(glGetUniformLocation(edge_program_, "u_px"), float(target.pixel_ratio));
    glUniform1f(glGetUniformLocation(edge_program_, "u_scale"), float(target.ui_scale * std::min(state.view().node_scale(), 2.0)));
    const std::size_t per_edge = 6 * std::size_t(segments);
    if (pulled_) glDrawArrays(GL_TRIANGLES, GLint(a * per_edge), GLsizei((b - a) * per_edge));
    else glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * (segments + 1), GLsizei(b - a));
  }
  if (nodes && node_count_ > 0) {
    auto [a, b] = all ? std::pair{std::size_t(0), node_count_} : slice(node_count_);
    glUseProgram(node_program_);
    set_camera_uniforms(node_program_, cam);
    bind_tbo(node_program_, "u_pos", 0, pos_.texture);
    bind_tbo(node_program_, "u_color", 1, node_color_.texture);
    bind_tbo(node_program_, "u_param", 2, node_param_.texture);
    glUniform1i(glGetUniformLocation(node_program_, "u_pulled"), pulled_ ? 1 : 0);
    glUniform1i(glGetUniformLocation(node_program_, "u_first"), GLint(a));
    glUniform1f(glGetUniformLocation(node_program_, "u_scale"), float(state.view().node_scale() * target.ui_scale));
    glUniform4f(glGetUniformLocation(node_program_, "u_select"), selection_color.r / 255.f, selection_color.g / 255.f,
                selection_color.b / 255.f, 1.f);
    if (pulled_) glDrawArrays(GL_TRIANGLES, GLint(a * 6), GLsizei((b - a) * 6));
    else glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(b - a));
  }
  for (int unit = 3; unit >= 0; --unit) {
    glActiveTexture(GLenum(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_BUFFER, 0);
  }
  glBindVertexArray(0);
  glUseProgram(0);
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

PictureTransform picture_transform(const Camera& then, const Camera& now) {
  // NDC of world point w under camera c: (w - c.center) * c.zoom / (viewport / 2), y up in both.
  return {now.zoom / then.zoom,
          {(then.center.x - now.center.x) * now.zoom / (now.width / 2), (then.center.y - now.center.y) * now.zoom / (now.height / 2)}};
}

void Renderer::Picture::allocate(int w, int h) {
  if (!fbo) {
    glGenFramebuffers(1, &fbo);
    glGenTextures(1, &texture);
  }
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  fb_width = w, fb_height = h;
}

bool Renderer::Picture::shows(const Picture& o) const {
  return positions == o.positions && styles == o.styles && structure == o.structure && camera.center.x == o.camera.center.x &&
         camera.center.y == o.camera.center.y && camera.zoom == o.camera.zoom && camera.width == o.camera.width &&
         camera.height == o.camera.height && fb_width == o.fb_width && fb_height == o.fb_height &&
         pixel_ratio == o.pixel_ratio && ui_scale == o.ui_scale && node_scale == o.node_scale && curved == o.curved;
}

bool Renderer::present(const AppState& state, const RenderTarget& target, double now, bool fresh) {
  Picture want;
  want.positions = state.doc().positions_version(), want.styles = state.scene().style_version(), want.structure = state.scene().structure_version();
  want.camera = state.view().camera();
  want.fb_width = target.fb_width, want.fb_height = target.fb_height;
  want.pixel_ratio = target.pixel_ratio, want.ui_scale = target.ui_scale;
  want.node_scale = state.view().node_scale(), want.curved = state.view().curved_edges;
  Picture& front = pictures_[front_];
  Picture& back = pictures_[1 - front_];
  const bool resized = front.fb_width != target.fb_width || front.fb_height != target.fb_height ||
                       front.camera.width != want.camera.width || front.camera.height != want.camera.height;
  if (resized || fresh) drawing_ = false;  // start over: a picture of the old size, or a screenshot's
  const bool current = !resized && front.valid && front.shows(want);
  // A heavy scene (one that would not leave a frame within 16 ms) is drawn in parts of about
  // `part_ms` each (at most `max_parts`: a 2-second picture of 100,000 members takes 500 frames
  // to show in parts of 4 ms, one every few seconds while the layout runs), one part a frame,
  // into the back picture: first the ties, a slice a part,
  // then the nodes, so each part's share follows what the ties and the nodes cost in the last
  // picture. A pause of one draw time between pictures leaves the layout thread the cores.
  constexpr double heavy_ms = 10, part_ms = 4;
  constexpr int max_parts = 256;
  const bool heavy = !fresh && last_draw_ms_ > heavy_ms;
  if (!current && !drawing_ && (!heavy || (now - last_done_at_) * 1000 >= last_draw_ms_)) {
    drawing_ = true;
    whole_ = !heavy;
    part_ = 0;
    tie_parts_ = heavy ? std::clamp(int(std::ceil(last_ties_ms_ / part_ms)), 1, max_parts) : 1;
    node_parts_ = heavy ? std::clamp(int(std::ceil(last_nodes_ms_ / part_ms)), 1, max_parts) : 1;
    drawing_ms_ = ties_ms_ = nodes_ms_ = 0;
    back.positions = want.positions, back.styles = want.styles, back.structure = want.structure, back.camera = want.camera;
    back.pixel_ratio = want.pixel_ratio, back.ui_scale = want.ui_scale, back.node_scale = want.node_scale;
    back.curved = want.curved;
    back.valid = false;
    if (back.fb_width != target.fb_width || back.fb_height != target.fb_height) back.allocate(target.fb_width, target.fb_height);
  }
  bool finished = false;
  while (drawing_) {
    glBindFramebuffer(GL_FRAMEBUFFER, back.fbo);
    const auto t0 = std::chrono::steady_clock::now();
    draw_part(state, target, back.camera, part_, tie_parts_, node_parts_);
    glFinish();  // the draw's real cost, which decides whether the scene is heavy
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    (part_ < tie_parts_ ? ties_ms_ : nodes_ms_) += ms;
    drawing_ms_ += ms;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (++part_ == tie_parts_ + node_parts_) {
      drawing_ = false;
      finished = true;
      back.valid = true;
      front_ = 1 - front_;
      last_draw_ms_ = drawing_ms_;
      last_ties_ms_ = ties_ms_, last_nodes_ms_ = nodes_ms_;
      last_done_at_ = now;
      ++redraws_;
    }
    if (!whole_) break;  // one part a frame
  }
  const Picture& shown = pictures_[front_];
  stale_ = !shown.valid || !shown.shows(want);
  const PictureTransform move = picture_transform(shown.camera, want.camera);
  glViewport(0, 0, target.fb_width, target.fb_height);
  glClearColor(background_color.r / 255.f, background_color.g / 255.f, background_color.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!shown.valid) return finished;  // the first picture is still being drawn
  glDisable(GL_BLEND);
  glUseProgram(picture_program_);
  glUniform1f(glGetUniformLocation(picture_program_, "u_k"), float(move.scale));
  glUniform2f(glGetUniformLocation(picture_program_, "u_offset"), float(move.offset.x), float(move.offset.y));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, shown.texture);
  // Unmoved, every pixel lands on a pixel: nearest sampling gives the same picture and costs a
  // software renderer a fraction of the bilinear filter a moved picture needs.
  const GLint filter = move.scale == 1 && move.offset.x == 0 && move.offset.y == 0 ? GL_NEAREST : GL_LINEAR;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  glUniform1i(glGetUniformLocation(picture_program_, "u_picture"), 0);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
  return finished;
}

void Renderer::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void Renderer::finish() { glFinish(); }

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
