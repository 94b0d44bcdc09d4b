#include "viz/viewer.hpp"

#include "viz/font_file.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/graph/analysis.hpp"
#include "core/graph/layout.hpp"
#include "core/text/number_text.hpp"
#include "core/text/command_line.hpp"
#include "importers/io.hpp"
#include "viz/actions.hpp"
#include "viz/app_state.hpp"
#include "viz/export.hpp"
#include "viz/generate.hpp"
#include "viz/i18n.hpp"
#include "viz/insight.hpp"
#include "viz/interaction.hpp"
#include "viz/labels.hpp"
#include "viz/overlay.hpp"
#include "viz/panels.hpp"
#include "viz/renderer.hpp"
#include "viz/settings.hpp"
#include "viz/timeline.hpp"
#include "viz/unsaved_work.hpp"

namespace wijknet::viz {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> quit_signal{false};
void on_signal(int) { quit_signal = true; }

std::mutex drop_mutex;
std::vector<std::string> dropped;
void on_drop(GLFWwindow*, int count, const char** paths) {
  std::lock_guard lk(drop_mutex);
  for (int i = 0; i < count; ++i) dropped.emplace_back(paths[i]);
}

// Key presses of this frame, in order. ImGui 1.86 sees only whether a key is down when the
// frame starts, so a tap shorter than a frame (a fast typist, a slow frame, xdotool) would be
// lost; the shortcuts read this queue instead. Filled on the main thread by glfwPollEvents.
std::vector<std::pair<int, int>> key_presses;
void on_key(GLFWwindow*, int key, int, int action, int mods) {
  if (action == GLFW_PRESS || action == GLFW_REPEAT) key_presses.emplace_back(key, mods);
}

// The window's close button: the viewer asks about unsaved edits first, so the close is held and
// turned into a quit action.
std::atomic<bool> close_requested{false};
void on_close(GLFWwindow* w) {
  close_requested = true;
  glfwSetWindowShouldClose(w, GLFW_FALSE);
}

void on_glfw_error(int code, const char* text) { std::fprintf(stderr, "wijknet-viewer: GLFW error %d: %s\n", code, text); }

// Coalitions this size get their measures at once; larger ones on request, on a thread.
bool small_enough_for_metrics(const AppState& s) {
  return s.doc().node_count() <= 3000 && s.document().edges.size() <= 30000;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  double pos = p * double(v.size() - 1);
  auto lo = std::size_t(std::floor(pos)), hi = std::size_t(std::ceil(pos));
  return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// The analysis of a large network, on its own thread so the window stays responsive.
class MetricsJob {
 public:
  ~MetricsJob() {
    if (thread_.joinable()) thread_.join();
  }
  bool running() const { return thread_.joinable() && !done_; }
  void start(const Coalition& doc, std::optional<Date> at, std::uint64_t version) {
    if (thread_.joinable()) thread_.join();
    done_ = false;
    version_ = version;
    thread_ = std::thread([this, doc, at]() {
      AnalysisOptions options;
      options.threads = 1;  // leave a core for the window and one for the layout
      result_ = measure_members(doc, at, options);
      done_ = true;
    });
  }
  // Hands a finished analysis to the state (dropped when the document changed meanwhile).
  bool deliver(AppState& state) {
    if (!thread_.joinable() || !done_) return false;
    thread_.join();
    return state.set_analysis(std::move(result_), version_);
  }

 private:
  std::thread thread_;
  std::atomic<bool> done_{false};
  std::uint64_t version_ = 0;
  MemberMeasures result_;
};

class Viewer {
 public:
  explicit Viewer(const ViewerOptions& o) : opt_(o) {}
  int run();

 private:
  bool load_initial();
  bool create_window();
  void load_fonts(float content_scale);
  void prepare_layout(bool deterministic);
  void apply_start_options();
  void frame();
  void keyboard();
  void perform_in_viewer(const Action& a);
  void perform_actions();
  void restore_panels();
  // Files (open, save, quit, recent, unsaved edits, autosave and recovery).
  void file_action(const Action& a);
  bool open_document(const std::string& path);
  bool save_document(const std::string& path);
  void quit_now(bool discard);
  void offer_recovery();
  void autosave();
  std::string document_name() const;
  ViewerSettings current_settings() const;
  void draw_labels(ImDrawList* dl, const std::vector<PlacedLabel>& labels, ImFont* font);
  void draw_legend(ImDrawList* dl, const LegendBlock& b, ImFont* font);
  void draw_title(ImDrawList* dl, const std::string& title, const std::string& subtitle, ImFont* font);
  // Labels for the view; `on_screen` keeps them clear of the docked panels.
  std::vector<PlacedLabel> labels_for_view(bool anonymize, bool on_screen = false, std::vector<Box> keep_clear = {});
  Box title_box(const std::string& title, const std::string& subtitle) const;
  bool export_png(const std::string& path, double scale, bool anonymize);
  bool export_svg(const std::string& path, bool anonymize);
  bool write_dump(const std::string& path);
  void set_status(std::string s) {
    ctx_.status = std::move(s);
    ctx_.status_time = ctx_.now;
  }
  double measure(std::string_view text, double size) const {
    return label_font_->CalcTextSizeA(float(size), 1e9f, 0.0f, text.data(), text.data() + text.size()).x;
  }

  ViewerOptions opt_;
  GLFWwindow* window_ = nullptr;
  AppState state_;
  LayoutWorker worker_;
  Interaction interaction_;
  UiContext ctx_;
  std::unique_ptr<Renderer> renderer_;
  MetricsJob metrics_;
  Insight insight_;
  Timeline timeline_;
  std::string report_written_;
  ImFont* ui_font_ = nullptr;
  ImFont* label_font_ = nullptr;
  ImFont* export_font_ = nullptr;
  RenderTarget target_;
  double label_size_ = 14;
  int frame_count_ = 0;
  double last_input_ = -1;  // ctx_.now of the last frame with input
  Vec2 last_mouse_;
  bool layout_was_running_ = false;
  std::vector<double> frame_ms_;
  // Where a frame's time goes, for --bench: state and panels, the scene's draw calls (with
  // glFinish, so the GPU's share is counted), ImGui's draw and the buffer swap.
  std::vector<double> ui_ms_, scene_ms_, overlay_ms_;
  bool timing_detail_ = false;
  bool timeline_busy_ = false;  // the timeline plays, fades or compares: frames keep coming
  Clock::time_point start_ = Clock::now();
  int exit_code_ = 0;
  bool test_mode_ = false;
  UnsavedGuard guard_;
  AutosavePolicy autosave_{AutosavePolicy::interval_from_environment(),
                           [this] { return std::chrono::duration<double>(Clock::now() - start_).count(); }};
  bool screenshot_pending_ = false;  // F9 with --f9-screenshot: this frame's pixels
  bool discarded_ = false;   // "Don't save" before quitting: no recovery file is kept
  std::optional<RecoveryOffer> offer_;
};

bool Viewer::load_initial() {
  if (opt_.generate_n > 0) {
    auto t0 = Clock::now();
    state_.load(barabasi_albert(opt_.generate_n, opt_.generate_m));
    std::fprintf(stderr, "wijknet-viewer: generated %zu nodes, %zu ties in %.0f ms\n", state_.doc().node_count(),
                 state_.document().edges.size(), std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    return true;
  }
  std::string path = opt_.file.empty() ? std::string(WIJKNET_ASSETS_DIR) + "/laak.json" : opt_.file;
  if (state_.open(path, ctx_.lang)) return true;
  std::fprintf(stderr, "wijknet-viewer: %s\n", state_.doc().error().c_str());
  return false;
}

void Viewer::load_fonts(float content_scale) {
  ImGuiIO& io = ImGui::GetIO();
  // Basic Latin, Latin-1 and Latin Extended-A cover Dutch (ë, ö, é, ï, the ij ligature) and
  // the names of partners from elsewhere in Europe; a few typographic signs besides.
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  static const ImWchar extended[] = {0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
  builder.AddRanges(extended);
  static ImVector<ImWchar> ranges;
  ranges.clear();
  builder.BuildRanges(&ranges);
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.PixelSnapH = false;
  const float size = 15.0f * content_scale;
  const FontSearch font = find_font_file();
  ui_font_ = font.path.empty() ? nullptr : io.Fonts->AddFontFromFileTTF(font.path.c_str(), size, &cfg, ranges.Data);
  if (!ui_font_) {
    if (font.path.empty())
      std::fprintf(stderr,
                   "wijknet-viewer: the font DejaVu Sans (DejaVuSans.ttf) was not found (looked in %s); install "
                   "fonts-dejavu-core or set WIJKNET_FONT to a .ttf file. Until then letters such as \u00eb "
                   "and \u0133 show as '?' in ImGui's own font.\n",
                   font.searched.c_str());
    else
      std::fprintf(stderr, "wijknet-viewer: cannot read the font %s; set WIJKNET_FONT to another .ttf file. "
                   "Falling back to ImGui's own font.\n", font.path.c_str());
    ui_font_ = io.Fonts->AddFontDefault();
    label_font_ = export_font_ = ui_font_;
    return;
  }
  label_font_ = ui_font_;
  // A large copy for PNG exports at scale, so labels stay sharp when magnified.
  export_font_ = io.Fonts->AddFontFromFileTTF(font.path.c_str(), 42.0f, &cfg, ranges.Data);
  if (!export_font_) export_font_ = ui_font_;
  io.FontDefault = ui_font_;
}

bool Viewer::create_window() {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::fprintf(stderr, "wijknet-viewer: no display (GLFW could not start); try `wijknet analyze` instead\n");
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  std::string title = "wijknet — " + (state_.document().name.empty() ? std::string("viewer") : state_.document().name);
  window_ = glfwCreateWindow(opt_.width, opt_.height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    std::fprintf(stderr, "wijknet-viewer: cannot open an OpenGL 3.3 core window\n");
    glfwTerminate();
    return false;
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(opt_.bench > 0 || opt_.frames > 0 ? 0 : 1);
  glfwSetDropCallback(window_, on_drop);
  glfwSetKeyCallback(window_, on_key);  // ImGui's backend installs its own and chains to this one
  glfwSetWindowCloseCallback(window_, on_close);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini next to the user's files
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.Colors[ImGuiCol_WindowBg].w = 0.94f;

  float xs = 1, ys = 1;
  glfwGetWindowContentScale(window_, &xs, &ys);
  int fbw, fbh, ww, wh;
  glfwGetFramebufferSize(window_, &fbw, &fbh);
  glfwGetWindowSize(window_, &ww, &wh);
  double pixel_ratio = ww > 0 ? double(fbw) / ww : 1.0;
  // On X11 a HiDPI screen reports a content scale with framebuffer == window size: scale the UI
  // ourselves. Where the framebuffer is already larger (macOS, Wayland), ImGui handles it.
  ctx_.ui_scale = float(std::max(1.0, xs / pixel_ratio));
  style.ScaleAllSizes(ctx_.ui_scale);
  load_fonts(xs);
  io.FontGlobalScale = float(1.0 / pixel_ratio);
  label_size_ = 14.0 * ctx_.ui_scale;

  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  renderer_ = std::make_unique<Renderer>();
  std::string error;
  if (!renderer_->init(error)) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    return false;
  }
  return true;
}

void Viewer::prepare_layout(bool deterministic) {
  state_.doc().attach_layout(&worker_);
  if (opt_.no_layout || state_.doc().layout_complete_on_load()) {
    // A layout the document brought (saved by wijknet, or by Gephi in a GEXF) is kept as it is
    // until the user asks for the force layout.
    worker_.reset(state_.doc().make_layout(), false);
    state_.fit_view();
    return;
  }
  // Small coalitions are laid out before the first frame, so the window opens on a finished
  // drawing; large ones start from the seed positions and settle while the user watches.
  ForceLayout layout = state_.doc().make_layout();
  // Nothing stored: a large network unfolds from a coarse drawing (its first steps are cheap).
  if (state_.document().layout.empty()) layout.start_multilevel();
  const std::size_t n = std::max<std::size_t>(state_.doc().node_count(), 1);
  int max_steps = int(std::clamp<std::size_t>(4000000 / n, 20, 3000));
  layout.run(max_steps, deterministic ? 1e300 : 400.0);
  state_.doc().set_positions(layout.positions());
  bool run = !layout.settled();
  worker_.reset(std::move(layout), run);
  state_.doc().layout_running = run;
  state_.fit_view();
}

void Viewer::apply_start_options() {
  if (!opt_.color_by.empty()) {
    if (opt_.color_by == "kind") state_.view().set_color_by(ColorBy::kind);
    else if (opt_.color_by == "sector") state_.view().set_color_by(ColorBy::sector);
    else if (opt_.color_by == "community") state_.view().set_color_by(ColorBy::community);
    else if (auto m = parse_metric(opt_.color_by)) state_.view().set_color_by(ColorBy::metric, *m);
  }
  if (!opt_.size_by.empty()) {
    if (opt_.size_by == "uniform") state_.view().set_size_by(SizeBy::uniform);
    else if (auto m = parse_metric(opt_.size_by)) state_.view().set_size_by(SizeBy::metric, *m);
  }
  state_.view().curved_edges = opt_.curved;
  std::vector<std::size_t> sel;
  for (const auto& id : opt_.select)
    if (auto i = state_.document().find(id)) sel.push_back(*i);
  if (!sel.empty()) state_.select(sel);
  if (!opt_.focus.empty()) {
    std::string id = opt_.focus;
    int depth = 1;
    if (auto colon = id.rfind(':'); colon != std::string::npos) {
      depth = int(std::clamp(read_plain_integer(std::string_view(id).substr(colon + 1)).value_or(1), 1LL, 99LL));
      id = id.substr(0, colon);
    }
    if (auto i = state_.document().find(id)) state_.set_focus(*i, std::max(depth, 1));
    state_.fit_view();
  }
  if (!opt_.at.empty()) {
    timeline_.set_date(state_, Date::parse(opt_.at));
    ctx_.filter_date = opt_.at;
  }
  if (!opt_.compare.empty()) timeline_.compare_with(Date::parse(opt_.compare));
  if (!opt_.search.empty()) {
    ctx_.search_text = opt_.search;
    ctx_.search_hits = state_.search(opt_.search);
    ctx_.search_open = true;
    if (!ctx_.search_hits.empty()) {
      state_.click(ctx_.search_hits.front(), false);
      state_.fly_to(ctx_.search_hits.front());
    }
  }
}

std::vector<PlacedLabel> Viewer::labels_for_view(bool anonymize, bool on_screen, std::vector<Box> keep_clear) {
  LabelOptions lo;
  lo.keep_clear = std::move(keep_clear);
  if (on_screen) lo.covered_left = ctx_.left_cover, lo.covered_right = ctx_.inspector_width;
  lo.font_size = label_size_;
  lo.ui_scale = ctx_.ui_scale;
  lo.density = state_.view().label_density;
  std::vector<std::string> texts;
  if (anonymize) {
    texts = pseudonymous_texts(state_.document());
    lo.texts = &texts;
  }
  return place_labels(state_, [&](std::string_view t) { return measure(t, label_size_); }, lo);
}

void Viewer::draw_labels(ImDrawList* dl, const std::vector<PlacedLabel>& labels, ImFont* font) {
  const float pad = 3;
  for (const auto& l : labels) {
    ImU32 plate = l.emphasis ? IM_COL32(255, 236, 204, 235) : IM_COL32(255, 255, 255, 190);
    dl->AddRectFilled({float(l.x), float(l.y)}, {float(l.x + l.width), float(l.y + l.height)}, plate, 3.0f);
    dl->AddText(font, float(label_size_), {float(l.x + pad), float(l.y + pad)},
                IM_COL32(label_color.r, label_color.g, label_color.b, 255), l.text.c_str());
  }
}

void Viewer::draw_legend(ImDrawList* dl, const LegendBlock& b, ImFont* font) {
  if (b.rows.empty()) return;
  dl->AddRectFilled({float(b.x), float(b.y)}, {float(b.x + b.width), float(b.y + b.height)}, IM_COL32(255, 255, 255, 235), 4.0f);
  dl->AddRect({float(b.x), float(b.y)}, {float(b.x + b.width), float(b.y + b.height)}, IM_COL32(200, 200, 200, 255), 4.0f);
  ImU32 text = IM_COL32(label_color.r, label_color.g, label_color.b, 255);
  dl->AddText(font, float(b.font_size), {float(b.x + b.padding), float(b.y + b.padding)}, text, b.title.c_str());
  for (const auto& r : b.rows) {
    float cy = float(r.y + b.row_height / 2);
    ImVec2 c{float(b.x + b.padding + b.swatch / 2), cy};
    dl->AddCircleFilled(c, float(b.swatch / 2), IM_COL32(r.color.r, r.color.g, r.color.b, 255));
    Rgba o = darker(r.color, 0.55);
    dl->AddCircle(c, float(b.swatch / 2), IM_COL32(o.r, o.g, o.b, 255));
    dl->AddText(font, float(b.font_size), {float(b.x + b.padding + b.swatch + 6), float(r.y + (b.row_height - b.font_size) / 2)},
                text, r.text.c_str());
  }
}

// The title band of an exported picture: the coalition's name and the date, on a plate at the
// top left (the exports' legend sits at the bottom left).
Box Viewer::title_box(const std::string& title, const std::string& subtitle) const {
  const double big = 20 * ctx_.ui_scale, small = 13 * ctx_.ui_scale, pad = 8 * ctx_.ui_scale;
  return {12, 12, 12 + std::max(measure(title, big), measure(subtitle, small)) + 2 * pad, 12 + big + small + 3 * pad};
}

void Viewer::draw_title(ImDrawList* dl, const std::string& title, const std::string& subtitle, ImFont* font) {
  const float big = float(20 * ctx_.ui_scale), small = float(13 * ctx_.ui_scale), pad = float(8 * ctx_.ui_scale);
  const Box b = title_box(title, subtitle);
  const float w = float(b.x1 - b.x0), h = float(b.y1 - b.y0);
  dl->AddRectFilled({12, 12}, {12 + w, 12 + h}, IM_COL32(255, 255, 255, 235), 4.0f);
  dl->AddRect({12, 12}, {12 + w, 12 + h}, IM_COL32(200, 200, 200, 255), 4.0f);
  const ImU32 text = IM_COL32(label_color.r, label_color.g, label_color.b, 255);
  dl->AddText(font, big, {12 + pad, 12 + pad}, text, title.c_str());
  dl->AddText(font, big, {12 + pad + 0.6f, 12 + pad}, text, title.c_str());  // drawn twice: bolder
  dl->AddText(font, small, {12 + pad, 12 + 2 * pad + big}, IM_COL32(85, 85, 92, 255), subtitle.c_str());
}

bool Viewer::export_png(const std::string& path, double scale, bool anonymize) {
  std::string error;
  const Camera& cam = state_.view().camera();
  const int w = int(std::lround(cam.width * scale)), h = int(std::lround(cam.height * scale));
  if (!renderer_->bind_offscreen(w, h, error)) {
    state_.doc().clear_error();
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    set_status(error);
    return false;
  }
  RenderTarget t = target_;
  t.fb_width = w, t.fb_height = h, t.pixel_ratio = scale;
  state_.view().set_presenting(true);  // no selection, hover, search or what-if highlight for others
  auto legend = layout_legend(state_, ctx_.lang, [&](std::string_view s) { return measure(s, 13 * ctx_.ui_scale); },
                              13 * ctx_.ui_scale);
  const std::string title = export_title(state_), subtitle = export_subtitle(state_, ctx_.lang);
  const Box title_plate = title_box(title, subtitle);
  // A view that follows the whole network is framed afresh for the picture: the picture has no
  // docked panels, and its title and legend plates stand at the left, so the drawing goes right
  // of them. A view the user framed (panned, zoomed) is kept as it is.
  const Camera window_camera = state_.view().camera();
  const auto window_insets = state_.view().insets();
  if (state_.view().auto_fit) {
    state_.view().set_insets(std::max(title_plate.x1, legend.rows.empty() ? 0.0 : legend.x + legend.width), 0);
    state_.fit_view();
  }
  renderer_->draw(state_, t);
  // Labels and legend go through ImGui's renderer into the same framebuffer, magnified by
  // FramebufferScale, with the large font when the picture is magnified.
  ImFont* font = scale > 1.25 ? export_font_ : label_font_;
  auto labels = labels_for_view(anonymize, false,
                                {title_plate, {legend.x, legend.y, legend.x + legend.width, legend.y + legend.height}});
  ImDrawList dl(ImGui::GetDrawListSharedData());
  dl._ResetForNewFrame();
  dl.Flags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AllowVtxOffset;
  dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
  dl.PushClipRect({0, 0}, {float(cam.width), float(cam.height)});
  draw_labels(&dl, labels, font);
  draw_legend(&dl, legend, font);
  draw_title(&dl, title, subtitle, font);
  state_.view().set_presenting(false);
  state_.view().camera() = window_camera;
  state_.view().set_insets(window_insets.first, window_insets.second);
  ImDrawList* lists[] = {&dl};
  ImDrawData dd;
  dd.Valid = true;
  dd.CmdLists = lists;
  dd.CmdListsCount = 1;
  dd.TotalVtxCount = dl.VtxBuffer.Size;
  dd.TotalIdxCount = dl.IdxBuffer.Size;
  dd.DisplayPos = {0, 0};
  dd.DisplaySize = {float(cam.width), float(cam.height)};
  dd.FramebufferScale = {float(scale), float(scale)};
  ImGui_ImplOpenGL3_RenderDrawData(&dd);
  auto pixels = Renderer::read_pixels(w, h);
  renderer_->unbind();
  if (!write_png(path, w, h, pixels, error)) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    set_status(error);
    return false;
  }
  set_status(tr(ctx_.lang, "status.exported", {path}));
  return true;
}

bool Viewer::export_svg(const std::string& path, bool anonymize) {
  std::string svg = view_svg(state_, ctx_.lang, anonymize ? pseudonymous_texts(state_.document()) : std::vector<std::string>{});
  std::string error;
  if (!write_text(path, svg, error)) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    set_status(error);
    return false;
  }
  set_status(tr(ctx_.lang, "status.exported", {path}));
  return true;
}

bool Viewer::write_dump(const std::string& path) {
  Json j = state_.dump();
  j["lang"] = std::string(lang_code(ctx_.lang));
  // What the menu bar says, so a test can tell which language the window speaks.
  j["menu"] = {tr(ctx_.lang, "menu.file"), tr(ctx_.lang, "menu.edit"), tr(ctx_.lang, "menu.view")};
  j["dialog"] = ctx_.dialog;
  j["frames"] = frame_count_;
  j["interaction"] = int(interaction_.mode());
  j["panels"] = {{"legend", ctx_.show_legend}, {"filters", ctx_.show_filters}, {"inspector", ctx_.show_inspector},
                 {"search", ctx_.search_open}, {"search_text", ctx_.search_text}, {"health", insight_.show_health},
                 {"whatif", insight_.show_whatif}, {"missing", insight_.show_missing}, {"timeline", timeline_.show},
                 {"table", ctx_.show_table}, {"matrix", insight_.show_matrix}};
  // The members table: its columns, sort, filter and the first rows in the order shown.
  if (ctx_.show_table) {
    ctx_.table.refresh(state_);
    j["table"] = table_dump(ctx_.table.rows, ctx_.table.shown, ctx_.table.view);
  }
  // The legend as the user reads it (the values at a measure's stops in the user's locale).
  {
    Json legend = Json::array();
    for (const auto& e : state_.scene().legend()) legend.push_back(legend_text(state_, ctx_.lang, e));
    j["legend"] = legend;
  }
  // Per open panel of the coordinator's questions, what it shows.
  j["insight"] = insight_.dump(state_);
  if (timeline_.show) j["timeline"] = timeline_.dump(state_);
  if (insight_.show_matrix) j["matrix"] = ctx_.matrix_dump;
  j["report"] = {{"written", report_written_}, {"offer", ctx_.report_offer}};
  j["insets"] = {state_.view().insets().first, state_.view().insets().second};
  j["status"] = ctx_.status;
  j["widgets"] = ctx_.widgets;
  j["field_errors"] = ctx_.field_error;  // the inspector's refusals shown now, by field
  j["error"] = state_.doc().error();
  j["files"] = ctx_.files.dump();
  j["files"]["recovery_file"] = recovery_file(state_.doc().path()).string();
  j["files"]["recovery_exists"] = std::filesystem::exists(recovery_file(state_.doc().path()));
  j["files"]["autosave_seconds"] = autosave_.interval();
  std::string error;
  if (!write_text(path, j.dump(1) + "\n", error)) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    return false;
  }
  return true;
}

void Viewer::keyboard() {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<std::pair<int, int>> presses;
  presses.swap(key_presses);
  for (auto [key, mods] : presses) {
    const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
    if (key == GLFW_KEY_F9) {
      if (!opt_.dump_state.empty()) write_dump(opt_.dump_state);
      screenshot_pending_ = !opt_.f9_screenshot.empty();
      continue;
    }
    const bool enter = key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER;
    if (!state_.doc().error().empty() && (enter || key == GLFW_KEY_ESCAPE)) {
      state_.doc().clear_error();  // the error popup's OK
      continue;
    }
    if (ctx_.files.showing() && (enter || key == GLFW_KEY_ESCAPE)) {
      (enter ? ctx_.files.accept : ctx_.files.cancel) = true;  // the file dialog's default or Cancel
      continue;
    }
    if (ctx_.report_offer && (enter || key == GLFW_KEY_ESCAPE)) {
      ctx_.report_offer = false;  // the report popup's Close
      continue;
    }
    if (ctx_.dialog != 0 && (enter || key == GLFW_KEY_ESCAPE)) {
      (enter ? ctx_.dialog_accept : ctx_.dialog_cancel) = true;
      continue;
    }
    if (ctx_.search_open && key == GLFW_KEY_ESCAPE) {
      close_search(ctx_);
      continue;
    }
    if (ctx_.search_open && enter) {
      search_enter(ctx_);
      continue;
    }
    if (io.WantTextInput || ctx_.dialog != 0 || ctx_.files.showing()) continue;  // typing into a field, or a dialog is open
    using K = Action::Kind;
    auto act = [&](Action a) { ctx_.actions.push_back(std::move(a)); };
    if (ctrl && key == GLFW_KEY_F) open_search(ctx_);
    else if (ctrl && key == GLFW_KEY_Z && !shift) act({K::undo});
    else if (ctrl && (key == GLFW_KEY_Y || (key == GLFW_KEY_Z && shift))) act({K::redo});
    else if (ctrl && key == GLFW_KEY_S) act({K::save_file});
    else if (ctrl && key == GLFW_KEY_O) act({K::open_file});
    else if (ctrl && key == GLFW_KEY_Q) act({K::quit});
    else if (ctrl) continue;
    else if (key == GLFW_KEY_F) act({K::fit});
    else if (key == GLFW_KEY_SPACE) act({K::layout_toggle});
    else if (key == GLFW_KEY_R) act({K::layout_reheat});
    else if (key == GLFW_KEY_N) act({K::focus_toggle});
    else if (key >= GLFW_KEY_1 && key <= GLFW_KEY_3) act({.kind = K::focus_depth, .index = std::size_t(key - GLFW_KEY_0)});
    else if (key == GLFW_KEY_DELETE && !state_.view().selection().empty()) act({K::remove_selection});
    else if (key == GLFW_KEY_ESCAPE) act({K::escape});
    else if (key == GLFW_KEY_EQUAL || key == GLFW_KEY_KP_ADD) act({.kind = K::zoom, .number = Interaction::wheel_factor});
    else if (key == GLFW_KEY_MINUS || key == GLFW_KEY_KP_SUBTRACT) act({.kind = K::zoom, .number = 1 / Interaction::wheel_factor});
  }
}

void Viewer::perform_actions() {
  std::vector<Action> actions;
  actions.swap(ctx_.actions);
  for (const auto& a : actions) {
    if (needs_viewer(a.kind)) {
      perform_in_viewer(a);
      continue;
    }
    const ActionResult r = perform(a, state_, insight_, ctx_.lang, &timeline_);
    if (!r.status.empty()) set_status(r.status);
    if (!r.error.empty()) {
      std::fprintf(stderr, "wijknet-viewer: %s\n", r.error.c_str());
      set_status(r.error);
    }
    if (r.written) {
      report_written_ = *r.written;
      ctx_.report_written = *r.written;
      ctx_.report_offer = true;
    }
  }
}

ViewerSettings Viewer::current_settings() const {
  ViewerSettings s;
  s.panels = {{"health", insight_.show_health}, {"whatif", insight_.show_whatif}, {"missing", insight_.show_missing},
              {"legend", ctx_.show_legend},     {"filters", ctx_.show_filters},   {"inspector", ctx_.show_inspector},
              {"timeline", timeline_.show}, {"table", ctx_.show_table}, {"matrix", insight_.show_matrix}};
  s.recent = ctx_.files.recent;
  return s;
}

// Opens the panels that were open when the viewer last closed, then those of --panel, and
// enters what-if mode for --whatif.
void Viewer::restore_panels() {
  const ViewerSettings saved = load_settings();
  auto set = [&](const std::string& id, bool open) {
    if (id == "health") insight_.show_health = open;
    else if (id == "whatif") insight_.show_whatif = open;
    else if (id == "missing") insight_.show_missing = open;
    else if (id == "legend") ctx_.show_legend = open;
    else if (id == "filters") ctx_.show_filters = open;
    else if (id == "inspector") ctx_.show_inspector = open;
    else if (id == "timeline") timeline_.show = open;
    else if (id == "table") ctx_.show_table = open;
    else if (id == "matrix") insight_.show_matrix = open;
  };
  for (const auto& [id, open] : saved.panels) set(id, open);
  ctx_.files.recent = saved.recent;
  for (const auto& id : opt_.panels) {
    set(id, true);
    ctx_.dock_select = id;
  }
  for (const auto& id : opt_.whatif) insight_.toggle_member(id);
  if (!opt_.candidates.empty() && !insight_.open_registry(opt_.candidates)) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", insight_.registry_error().c_str());
    if (opt_.frames > 0) exit_code_ = 2;
  }
  if (!opt_.whatif.empty()) ctx_.dock_select = "whatif";
  // The map starts clear of the docked column.
  const bool docked = insight_.show_health || insight_.show_whatif || insight_.show_missing || insight_.show_matrix;
  // A member selected at start has the inspector open beside it, on the right.
  const bool inspector = ctx_.show_inspector && !opt_.select.empty();
  state_.view().set_insets(docked ? dock_width_for(float(opt_.width), ctx_.ui_scale) : 0, inspector ? 350 * ctx_.ui_scale : 0);
  // The timeline's bar (two rows) along the bottom, until its first frame measures it.
  state_.view().set_inset_bottom(timeline_.show ? 80 * ctx_.ui_scale : 0);
}

// The actions that need the window, the disk or the layout's thread.
void Viewer::perform_in_viewer(const Action& a) {
  using K = Action::Kind;
  switch (a.kind) {
    case K::set_lang: ctx_.lang = a.lang; break;
    case K::layout_toggle:
      if (worker_.running()) worker_.pause();
      else worker_.resume();
      break;
    case K::layout_reheat: worker_.reheat(); break;
    case K::compute_measures:
      if (!metrics_.running() && !state_.scene().has_metrics())
        metrics_.start(state_.document(), state_.view().measures_date(), state_.scene().measures_version());
      break;
    case K::open_file: case K::save_file: case K::save_as_dialog: case K::quit: case K::unsaved_answer:
    case K::recovery_answer:
      file_action(a);
      break;
    case K::export_doc:
      try {
        state_.doc().store_positions_in_document();
        write_coalition(state_.document(), a.text, WriteOptions{.anonymize = a.flag});
        set_status(tr(ctx_.lang, "status.exported", {a.text}));
      } catch (const std::exception& e) {
        set_status(e.what());
      }
      break;
    case K::export_png: export_png(a.text, a.number > 0 ? a.number : 2.0, a.flag); break;
    case K::export_svg: export_svg(a.text, a.flag); break;
    default: break;
  }
}

std::string Viewer::document_name() const {
  if (!state_.doc().path().empty()) return std::filesystem::path(state_.doc().path()).filename().string();
  return state_.document().name.empty() ? tr(ctx_.lang, "unsaved.untitled") : state_.document().name;
}

// Opens `path` in place of the document (the unsaved-edits question is asked before this).
bool Viewer::open_document(const std::string& path) {
  const std::string before = state_.doc().path();
  if (!state_.open(path, ctx_.lang)) {
    discarded_ = false;  // the document stays in the window, and with it its unsaved work
    // A recent file that is gone leaves the list, with a word.
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) &&
        std::erase(ctx_.files.recent, std::filesystem::absolute(path, ec).lexically_normal().string()) > 0) {
      state_.doc().clear_error();
      set_status(tr(ctx_.lang, "files.recent_gone", {path}));
      if (!test_mode_) save_settings(current_settings());
    }
    return false;
  }
  if (discarded_) remove_recovery(recovery_file(before));  // "Don't save": the old work is let go
  discarded_ = false;
  autosave_.reset();
  prepare_layout(false);
  set_status(tr(ctx_.lang, "status.opened", {path}));
  glfwSetWindowTitle(window_, ("wijknet — " + state_.document().name).c_str());
  if (!test_mode_) {
    add_recent(ctx_.files.recent, path);
    save_settings(current_settings());
  }
  offer_recovery();
  return true;
}

bool Viewer::save_document(const std::string& path) {
  if (path.empty()) {
    ctx_.files.browser.start(FileBrowser::Mode::save, "wijknet.json", writable_extensions());
    return false;
  }
  const std::string before = state_.doc().path();
  if (!state_.doc().save(path)) {
    guard_.save_failed();
    return false;
  }
  set_status(tr(ctx_.lang, "status.saved", {path}));
  // The work is in its file: no recovery file (of the old name either) is needed.
  remove_recovery(recovery_file(before));
  remove_recovery(recovery_file(path));
  autosave_.reset();
  if (!test_mode_) {
    add_recent(ctx_.files.recent, path);
    save_settings(current_settings());
  }
  if (auto next = guard_.saved()) file_action(*next);  // "Save" answered: now open or quit
  return true;
}

void Viewer::quit_now(bool discard) {
  discarded_ = discard;
  glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

// Offers the recovery file of the document just opened when it is newer than the document.
void Viewer::offer_recovery() {
  offer_ = recovery_offer(state_.doc().path());
  ctx_.files.recovery_time.clear();
  if (!offer_) return;
  ctx_.files.recovery_time = recovery_time_text(offer_->written, std::time(nullptr));
  ctx_.files.recovery_file = offer_->file.string();
}

// Every minute (WIJKNET_AUTOSAVE_SECONDS) while there are unsaved edits: the recovery file.
void Viewer::autosave() {
  if (test_mode_ || offer_) return;  // an offered recovery file is not overwritten before the answer
  const std::uint64_t version = state_.doc().content_version() + state_.doc().positions_version();
  if (!autosave_.due(state_.doc().dirty(), version)) return;
  const std::string error = write_recovery(recovery_document(state_), recovery_file(state_.doc().path()));
  if (!error.empty()) {
    std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
    set_status(tr(ctx_.lang, "recovery.failed", {error}));
  }
  autosave_.written(version);
}

void Viewer::file_action(const Action& a) {
  using K = Action::Kind;
  switch (a.kind) {
    case K::open_file:
      if (a.text.empty()) {
        ctx_.files.browser.start(FileBrowser::Mode::open, state_.doc().path(), readable_extensions());
      } else if (guard_.allow(a, state_.doc().dirty())) {
        open_document(a.text);
      } else {
        ctx_.files.unsaved_name = document_name();
      }
      break;
    case K::save_file: save_document(a.text.empty() ? state_.doc().path() : a.text); break;
    case K::save_as_dialog:
      ctx_.files.browser.start(FileBrowser::Mode::save, state_.doc().path().empty() ? std::string("wijknet.json") : state_.doc().path(),
                               writable_extensions());
      break;
    case K::quit:
      if (guard_.allow(a, state_.doc().dirty())) quit_now(false);
      else ctx_.files.unsaved_name = document_name();
      break;
    case K::unsaved_answer:
      ctx_.files.unsaved_name.clear();
      if (a.index == 0) {
        guard_.answer(UnsavedGuard::Answer::save);
        save_document(state_.doc().path());  // no path yet: Save As, and the held action after it
      } else if (a.index == 1) {
        if (auto next = guard_.answer(UnsavedGuard::Answer::discard)) {
          if (next->kind == K::quit) {
            quit_now(true);
          } else {
            discarded_ = true;
            open_document(next->text);
          }
        }
      } else {
        guard_.answer(UnsavedGuard::Answer::cancel);
      }
      break;
    case K::recovery_answer:
      if (offer_ && a.index == 0) {
        try {
          Coalition restored = read_coalition(offer_->file.string());
          const std::string path = state_.doc().path();
          state_.load(std::move(restored), path);
          state_.doc().mark_unsaved();
          prepare_layout(false);
          set_status(tr(ctx_.lang, "recovery.restored", {ctx_.files.recovery_time}));
        } catch (const std::exception& e) {
          state_.doc().clear_error();
          set_status(read_error_text(ctx_.lang, offer_->file.string(), e));
        }
      } else if (offer_ && a.index == 1) {
        remove_recovery(offer_->file);
      }
      offer_.reset();
      ctx_.files.recovery_time.clear();
      break;
    default: break;
  }
}

void Viewer::frame() {
  auto t0 = Clock::now();
  {
    std::vector<std::string> paths;
    {
      std::lock_guard lk(drop_mutex);
      paths.swap(dropped);
    }
    if (!paths.empty()) ctx_.actions.push_back({Action::Kind::open_file, paths.front()});
    if (close_requested.exchange(false)) ctx_.actions.push_back({Action::Kind::quit});
  }
  int fbw, fbh, ww, wh;
  glfwGetFramebufferSize(window_, &fbw, &fbh);
  glfwGetWindowSize(window_, &ww, &wh);
  target_.fb_width = std::max(fbw, 1);
  target_.fb_height = std::max(fbh, 1);
  target_.pixel_ratio = ww > 0 ? double(fbw) / ww : 1.0;
  target_.ui_scale = ctx_.ui_scale;
  state_.view().set_viewport(std::max(ww, 1), std::max(wh, 1));

  bool moved = state_.doc().sync_layout();
  if (moved && state_.view().auto_fit) state_.fit_view();
  metrics_.deliver(state_);
  // The measures follow every edit by themselves, on their thread, for coalitions small enough
  // (larger ones on request: Compute measures).
  if (!state_.scene().has_metrics() && !metrics_.running() && small_enough_for_metrics(state_) && frame_count_ > 0)
    metrics_.start(state_.document(), state_.view().measures_date(), state_.scene().measures_version());
  ctx_.metrics_computing = metrics_.running();
  ctx_.layout_running = worker_.running();
  ctx_.layout_settled = worker_.settled();
  ctx_.layout_iterations = worker_.iterations();
  ctx_.now = std::chrono::duration<double>(Clock::now() - start_).count();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // Input of any kind keeps frames coming for a moment: ImGui needs a few frames to settle a
  // popup or a panel that changed size, and an idle viewer draws only four frames a second.
  bool input = !key_presses.empty() || io.InputQueueCharacters.Size > 0 || io.MouseWheel != 0 ||
               io.MousePos.x != last_mouse_.x || io.MousePos.y != last_mouse_.y;
  for (int b = 0; b < 3; ++b) input = input || io.MouseDown[b] || io.MouseReleased[b];
  if (input) last_input_ = ctx_.now;
  last_mouse_ = {io.MousePos.x, io.MousePos.y};
  keyboard();
  PointerInput in;
  in.mouse = {io.MousePos.x, io.MousePos.y};
  in.over_view = !io.WantCaptureMouse && io.MousePos.x > -1e6;
  for (int b = 0; b < 3; ++b) {
    in.down[b] = io.MouseDown[b];
    in.pressed[b] = io.MouseClicked[b] && in.over_view;
    in.released[b] = io.MouseReleased[b];
    in.double_clicked[b] = io.MouseDoubleClicked[b] && in.over_view;
  }
  in.wheel = in.over_view ? io.MouseWheel : 0;
  in.shift = io.KeyShift;
  in.ctrl = io.KeyCtrl;
  interaction_.update(state_, in);
  if (state_.animate(io.DeltaTime)) state_.view().auto_fit = false;

  // The answers of the coordinator's panels follow every edit; a test run waits for them so that
  // what it dumps and screenshots is the current document's.
  // The timeline plays, fades and compares; then the answers follow its date.
  timeline_busy_ = timeline_.update(state_, io.DeltaTime);
  if (opt_.frames > 0) timeline_.settle(state_);
  if (opt_.frames > 0) insight_.settle(state_, ctx_.lang);
  else insight_.update(state_, ctx_.lang);
  ctx_.timeline = &timeline_;
  draw_ui(state_, insight_, ctx_, interaction_);
  perform_actions();
  // "Save" answered for a document without a file, then Save As cancelled: nothing is held.
  if (guard_.pending() && !guard_.asking() && !ctx_.files.browser.active()) guard_.save_failed();
  autosave();
  state_.view().set_insets(ctx_.left_cover, ctx_.inspector_width);
  timeline_.set_covered(state_, ctx_.timeline_height + ctx_.table_height);  // fits keep clear of both
  draw_insight_overlay(ImGui::GetBackgroundDrawList(), state_, insight_, ctx_.ui_scale, label_font_, float(label_size_));
  draw_labels(ImGui::GetBackgroundDrawList(), labels_for_view(false, true), label_font_);
  ImGui::Render();
  auto t1 = Clock::now();
  // The frame a screenshot is taken of shows the state as it is, however heavy the scene.
  const bool screenshot_frame = opt_.frames > 0 && frame_count_ + 1 == opt_.frames && !opt_.screenshot.empty();
  renderer_->present(state_, target_, ctx_.now, screenshot_frame);
  if (timing_detail_) renderer_->finish();
  auto t2 = Clock::now();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++frame_count_;
  if (opt_.frames > 0 && frame_count_ == opt_.frames && !opt_.screenshot.empty()) {
    auto pixels = Renderer::read_pixels(target_.fb_width, target_.fb_height);
    std::string error;
    if (!write_png(opt_.screenshot, target_.fb_width, target_.fb_height, pixels, error)) {
      std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
      exit_code_ = 3;
    }
  }
  if (screenshot_pending_) {
    screenshot_pending_ = false;
    std::string error;
    if (!write_png(opt_.f9_screenshot, target_.fb_width, target_.fb_height,
                   Renderer::read_pixels(target_.fb_width, target_.fb_height), error))
      std::fprintf(stderr, "wijknet-viewer: %s\n", error.c_str());
  }
  glfwSwapBuffers(window_);
  auto t3 = Clock::now();
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  frame_ms_.push_back(ms(t0, t3));
  ui_ms_.push_back(ms(t0, t1));
  scene_ms_.push_back(ms(t1, t2));
  overlay_ms_.push_back(ms(t2, t3));
}

int Viewer::run() {
  const bool test_mode = opt_.frames > 0 || opt_.bench > 0;
  test_mode_ = test_mode || !opt_.export_png.empty() || !opt_.export_svg.empty();
  ctx_.lang = opt_.lang.value_or(system_lang());  // before the file is read: its errors are told in it
  if (!load_initial()) {
    if (test_mode || !opt_.export_png.empty() || !opt_.export_svg.empty()) return 2;
    // Interactively, the window opens empty and says what went wrong.
  }
  if (!create_window()) return 1;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  state_.view().set_viewport(opt_.width, opt_.height);
  if (small_enough_for_metrics(state_)) state_.compute_metrics();
  restore_panels();
  prepare_layout(test_mode);
  apply_start_options();
  if (!test_mode_ && opt_.generate_n == 0 && state_.doc().error().empty()) {
    add_recent(ctx_.files.recent, state_.doc().path());
    offer_recovery();
  }
  const ViewerSettings settings_at_start = current_settings();
  if (opt_.generate_n == 0 && !state_.doc().error().empty()) std::fprintf(stderr, "wijknet-viewer: %s\n", state_.doc().error().c_str());

  const bool exports = !opt_.export_png.empty() || !opt_.export_svg.empty();
  int frames = opt_.frames;
  if (frames == 0 && exports) frames = 3;
  if (opt_.bench > 0) {
    if (!opt_.screenshot.empty()) opt_.frames = 5 + opt_.bench;  // the last frame with the layout running
    // Let the first frames build the fonts and buffers, then time frames with the layout
    // running: the case where the window must stay responsive.
    for (int i = 0; i < 5 && !glfwWindowShouldClose(window_); ++i) {
      glfwPollEvents();
      frame();
    }
    timing_detail_ = true;
    // Twice: with the layout running (the case where the window must stay responsive), then
    // with it paused (the renderer alone).
    for (bool running : {true, false}) {
      // Reheated, so that the full graph's steps (not a multilevel start's cheap coarse ones,
      // nor a layout that settles half-way) run under every timed frame.
      if (running) worker_.reheat();
      if (!running) worker_.pause(), worker_.wait_idle(10000);
      frame_ms_.clear();
      ui_ms_.clear();
      scene_ms_.clear();
      overlay_ms_.clear();
      std::size_t steps0 = worker_.iterations(), redraws0 = renderer_->redraws();
      auto t0 = Clock::now();
      for (int i = 0; i < opt_.bench && !glfwWindowShouldClose(window_) && !quit_signal; ++i) {
        glfwPollEvents();
        frame();
      }
      double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      std::size_t steps = worker_.iterations() - steps0;
      std::printf("bench (%s): %zu nodes, %zu ties, %d frames at %dx%d: median %.2f ms, p95 %.2f ms, max %.2f ms",
                  running ? "layout running" : "layout paused", state_.doc().node_count(), state_.document().edges.size(),
                  int(frame_ms_.size()), target_.fb_width, target_.fb_height, percentile(frame_ms_, 0.5),
                  percentile(frame_ms_, 0.95), frame_ms_.empty() ? 0.0 : *std::max_element(frame_ms_.begin(), frame_ms_.end()));
      if (running)
        std::printf("; layout %zu steps in %.1f s (%.1f ms a step)%s", steps, seconds, steps ? seconds * 1000 / double(steps) : 0.0,
                    worker_.settled() ? ", settled" : "");
      std::printf("\n  parts (median): state and panels %.2f ms, scene %.2f ms, panels drawn and swap %.2f ms; %s, %s draws\n",
                  percentile(ui_ms_, 0.5), percentile(scene_ms_, 0.5), percentile(overlay_ms_, 0.5),
                  renderer_->gl_renderer().c_str(), renderer_->mode().c_str());
      std::printf("  scene redrawn in %zu of %d frames (last full draw %.1f ms); the others showed the cached picture\n",
                  renderer_->redraws() - redraws0, int(frame_ms_.size()), renderer_->last_draw_ms());
      std::fflush(stdout);
    }
  } else {
    while (!glfwWindowShouldClose(window_) && !quit_signal) {
      bool busy = worker_.running() || state_.view().flying() || interaction_.mode() != Interaction::Mode::idle ||
                  metrics_.running() || insight_.computing() || timeline_busy_ || frames > 0 || renderer_->stale() || ctx_.now - last_input_ < 0.5;
      if (busy) glfwPollEvents();
      else glfwWaitEventsTimeout(0.25);  // an idle viewer costs no CPU
      frame();
      if (frames > 0 && frame_count_ >= frames) break;
    }
  }
  if (!opt_.export_png.empty() && !export_png(opt_.export_png, opt_.scale, opt_.anonymize)) exit_code_ = 3;
  if (!opt_.export_svg.empty() && !export_svg(opt_.export_svg, opt_.anonymize)) exit_code_ = 3;
  if (!opt_.dump_state.empty() && !write_dump(opt_.dump_state)) exit_code_ = 3;
  // Unsaved edits at the end (SIGTERM, a close the window system forced) are kept in the recovery
  // file; a clean quit, or "Don't save", leaves none.
  if (!test_mode_) {
    if (state_.doc().dirty() && !discarded_) write_recovery(recovery_document(state_), recovery_file(state_.doc().path()));
    else if (!offer_) remove_recovery(recovery_file(state_.doc().path()));
  }
  // Which panels are open is remembered for the next run (test runs with --frames leave it alone).
  if (!test_mode && opt_.export_png.empty() && opt_.export_svg.empty() && !(current_settings() == settings_at_start))
    save_settings(current_settings());

  renderer_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
  return exit_code_;
}

}  // namespace

namespace {

// The viewer's options, declared once: parse_viewer_args reads argv against them and
// viewer_usage() is written from them (core/text/command_line.hpp, the parser of the CLI too).
CommandSpec viewer_spec() {
  return {"",
          "[FILE] [options]",
          "Shows a coalition network and lets you explore and edit it.\n"
          "FILE is a coalition (.json, .graphml, .gexf, .gml, .net, .csv, .edges, .txt);\n"
          "without one the bundled Coalitie Laak sample opens.",
          0,
          1,
          {{"--lang", "nl|en", "interface language (default: from the system locale)"},
           {"--generate-ba", "N M", "a Barabasi-Albert network of N nodes with M ties each, instead of FILE"},
           {"--size", "WxH", "window size (default 1280x800)"},
           {"--color-by", "MODE",
            "kind, sector, community or a metric (degree, betweenness, closeness,\n"
            "eigenvector, pagerank, clustering, core, constraint, effective_size)"},
           {"--size-by", "MODE", "uniform or a metric (default degree)"},
           {"--select", "ID[,ID...]", "select these members at start"},
           {"--search", "TEXT", "search at start and fly to the best match"},
           {"--focus", "ID[:K]", "show only ID and its neighbours up to K steps (default 1)"},
           {"--curved", "", "curved ties"},
           {"--no-layout", "", "keep stored (or seeded) positions; do not run the force layout"},
           {"--panel", "NAME",
            "open a panel at start: health, whatif, missing, legend, filters,\n"
            "inspector, timeline, table, matrix (may be repeated); open panels are remembered between runs\n"
            "in $XDG_CONFIG_HOME/wijknet/viewer.json (~/.config/wijknet/viewer.json)",
            true},
           {"--at", "DATE", "show the coalition as it stood at DATE (the timeline's date)"},
           {"--compare", "DATE", "open the timeline comparing the map's date with DATE"},
           {"--whatif", "ID[,ID...]", "start in what-if mode with these members taken out"},
           {"--candidates", "CSV",
            "a registry of possible partners (name,sector,themes,ties) for the\n"
            "Missing partners panel, as `wijknet suggest --candidates`"},
           {"--frames", "N", "test and export mode: render N frames, write what is asked, and exit"},
           {"--screenshot", "OUT.png", "the window's pixels after frame N (with --frames)"},
           {"--dump-state", "OUT.json",
            "the viewer's state (camera, selection, pins, positions, filters, and\n"
            "per open panel what it shows) at exit; also written on F9"},
           {"--f9-screenshot", "OUT.png", "F9 also writes the window's pixels, dialogs included"},
           {"--export-png", "OUT.png", "the view rendered offscreen at --scale S (default 2)"},
           {"--scale", "S", "the scale of --export-png, from 0.1 to 16"},
           {"--export-svg", "OUT.svg", "the view as SVG"},
           {"--no-anonymize", "", "keep residents' names in --export-png and --export-svg"},
           {"--bench", "N", "time N frames with the layout running; print median and p95"}}};
}

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> split_ids(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p <= s.size();) {
    auto q = s.find(',', p);
    if (q == std::string::npos) q = s.size();
    if (q > p) out.push_back(s.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

// The options' values, checked; UsageError in the CLI's words for one that is not what it needs.
ViewerOptions viewer_options(const Args& args) {
  ViewerOptions o;
  auto whole = [&](const std::string& name, long long least) -> std::optional<long long> {
    auto v = args.value(name);
    if (!v) return std::nullopt;
    auto n = read_plain_integer(*v);
    if (!n || *n < least) throw UsageError(name + ": '" + *v + "' is not a whole number of at least " + std::to_string(least));
    return n;
  };
  if (args.value("--lang")) o.lang = args.lang();
  if (args.flag("--generate-ba")) {
    const auto nm = args.values("--generate-ba");
    auto n = read_plain_integer(nm[0]), m = read_plain_integer(nm[1]);
    if (!n || !m || *m < 1 || *n <= *m)
      throw UsageError("--generate-ba: '" + nm[0] + " " + nm[1] + "' is not N M with 1 <= M < N");
    o.generate_n = std::size_t(*n), o.generate_m = std::size_t(*m);
  }
  if (auto v = args.value("--size")) {
    const auto x = v->find('x');
    auto w = x == std::string::npos ? std::nullopt : read_plain_integer(v->substr(0, x));
    auto h = x == std::string::npos ? std::nullopt : read_plain_integer(v->substr(x + 1));
    if (!w || !h || *w < 200 || *h < 150 || *w > 16384 || *h > 16384)
      throw UsageError("--size: '" + *v + "' is not WxH from 200x150 to 16384x16384");
    o.width = int(*w), o.height = int(*h);
  }
  for (const char* name : {"--color-by", "--size-by"}) {
    auto v = args.value(name);
    if (!v) continue;
    const bool color = std::string(name) == "--color-by";
    bool ok = parse_metric(*v).has_value() || (color ? (*v == "kind" || *v == "sector" || *v == "community") : *v == "uniform");
    if (!ok) throw UsageError(std::string(name) + ": unknown mode '" + *v + "'");
    (color ? o.color_by : o.size_by) = *v;
  }
  if (auto v = args.value("--select")) o.select = split_ids(*v);
  if (auto v = args.value("--search")) o.search = *v;
  if (auto v = args.value("--focus")) o.focus = *v;
  for (const auto& p : args.values("--panel")) {
    if (!known_panel(p))
      throw UsageError("--panel: '" + p + "' is not health, whatif, missing, legend, filters, inspector, timeline, table or matrix");
    o.panels.push_back(p);
  }
  if (args.date("--at")) o.at = *args.value("--at");
  if (args.date("--compare")) {
    o.compare = *args.value("--compare");
    o.panels.push_back("timeline");
  }
  if (auto v = args.value("--whatif")) {
    o.whatif = split_ids(*v);
    if (o.whatif.empty()) throw UsageError("--whatif: '" + *v + "' names no member ids");
  }
  if (auto v = args.value("--candidates")) o.candidates = *v;
  o.curved = args.flag("--curved");
  o.no_layout = args.flag("--no-layout");
  if (auto n = whole("--frames", 1)) o.frames = int(std::min<long long>(*n, 1 << 30));
  if (auto n = whole("--bench", 1)) o.bench = int(std::min<long long>(*n, 1 << 30));
  if (auto v = args.value("--f9-screenshot")) o.f9_screenshot = *v;
  if (auto v = args.value("--screenshot")) o.screenshot = *v;
  if (auto v = args.value("--dump-state")) o.dump_state = *v;
  if (auto v = args.value("--export-png")) o.export_png = *v;
  if (auto v = args.value("--export-svg")) o.export_svg = *v;
  if (auto v = args.value("--scale")) {
    const auto s = read_plain_number(*v);
    if (!s || !(*s > 0.1 && *s <= 16)) throw UsageError("--scale: '" + *v + "' is not a number between 0.1 and 16");
    o.scale = *s;
  }
  o.anonymize = !args.flag("--no-anonymize");
  if (!args.positional().empty()) o.file = args.positional()[0];
  if (!o.screenshot.empty() && o.frames == 0) o.frames = 3;
  return o;
}

}  // namespace

std::string viewer_usage() {
  return usage_text(viewer_spec(), "wijknet-viewer") + "\n" + R"(Mouse: drag to pan, wheel to zoom at the cursor, click to select, shift-click to add,
shift-drag to select a box, drag a member to move and pin it, double-click to fly to it.
Keys: Ctrl+F search, F fit, N focus on the selection's neighbourhood (1, 2, 3: steps),
Space pause/run layout, R reheat, Ctrl+Z/Ctrl+Y undo/redo, Del remove selection,
Esc clear, Ctrl+S save, Ctrl+O open, Ctrl+Q quit, F9 dump state.
Unsaved edits: opening another file or quitting asks first; while there are any they are written
every minute (WIJKNET_AUTOSAVE_SECONDS) to a recovery file in $XDG_STATE_HOME/wijknet/recovery
(else $XDG_CONFIG_HOME/wijknet/recovery, ~/.local/state/wijknet/recovery), offered back when the
document is next opened after a crash; File > Recent lists the last 8 files.
Exit status: 0 success, 1 usage or no display, 2 unreadable input, 3 could not write.
)";
}

std::optional<ViewerOptions> parse_viewer_args(int argc, char** argv, int& exit_code) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (asks_for_help(args)) {
    std::fputs(viewer_usage().c_str(), stdout);
    exit_code = 0;
    return std::nullopt;
  }
  try {
    return viewer_options(Args(viewer_spec(), args));
  } catch (const UsageError& e) {
    // As the CLI says it: "PROGRAM: what is wrong", then the usage.
    std::fprintf(stderr, "wijknet-viewer: %s\n\n%s", e.what(), usage_text(viewer_spec(), "wijknet-viewer").c_str());
    exit_code = 1;
    return std::nullopt;
  }
}

int run_viewer(const ViewerOptions& options) {
  Viewer viewer(options);
  return viewer.run();
}

}  // namespace wijknet::viz
