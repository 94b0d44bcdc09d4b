// The viewer on a headless X display driven by xdotool, for the tests that use real X input
// (tests/viz/test_xdotool*.cpp).
#pragma once

#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <thread>

#include <doctest/doctest.h>

#include "tests/viz/viewer_process.hpp"

namespace wijknet::test {

using nlohmann::json;


inline void pause_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

inline int sh(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// An Xvfb display kept open by a sleeping child of xvfb-run, the viewer on it, and xdotool.
class XSession {
 public:
  explicit XSession(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~XSession() { stop(); }

  // Starts the viewer with `viewer_args` on a fresh display `screen` pixels large. Its settings
  // folder is under the session's directory (test_config): the coordinator's panels closed unless
  // `insight_panels`; a second start in the same directory keeps what the first one saved.
  bool start(const std::string& viewer_args, bool insight_panels = false, const std::string& screen = "1280x800",
             bool fresh_config = true) {
    const auto config = fresh_config ? test_config(dir_, insight_panels) : dir_ / "config";
    auto display_file = dir_ / "display", holder_file = dir_ / "holder.pid";
    for (const auto& f : {display_file, holder_file, pid_file(), status_file(), state()}) std::filesystem::remove(f);
    // xvfb-run protects the display with a cookie in $XAUTHORITY: every client needs both.
    sh("xvfb-run -a -s '-screen 0 " + screen + "x24' sh -c 'echo \"DISPLAY=$DISPLAY XAUTHORITY=$XAUTHORITY\" > " +
       quote(display_file.string()) + "; echo $$ > " + quote(holder_file.string()) + "; exec sleep 300' >/dev/null 2>&1 &");
    // Generous waits: on a loaded machine (a parallel build) starting Xvfb and llvmpipe takes
    // seconds; these bound a hang, they do not measure speed.
    for (int i = 0; i < 300 && (display_.empty() || holder_ <= 0); ++i) {
      pause_ms(100);
      display_ = slurp(display_file);
      while (!display_.empty() && (display_.back() == '\n' || display_.back() == ' ')) display_.pop_back();
      holder_ = std::atoi(slurp(holder_file).c_str());
    }
    if (display_.empty()) return failed("Xvfb did not start within 30 s");
    // A shell that waits for the viewer and writes its exit status, so stop() sees a crash.
    // Recovery files of unsaved work (viz/unsaved_work.hpp) go beside the settings, not the user's.
    const std::string viewer = "XDG_CONFIG_HOME=" + quote(config.string()) + " XDG_STATE_HOME=" + quote(config.string()) +
                               " LIBGL_ALWAYS_SOFTWARE=1 " + quote(WIJKNET_VIEWER_BIN) + " " + viewer_args +
                               " --dump-state " + quote(state().string()) + " >" + quote(log().string()) + " 2>&1 & echo $! > " +
                               quote(pid_file().string()) + "; wait $!; echo $? > " + quote(status_file().string());
    sh(display_ + " sh -c " + quote(viewer) + " >/dev/null 2>&1 &");
    for (int i = 0; i < 500 && viewer_ <= 0; ++i) {
      pause_ms(20);
      viewer_ = std::atoi(slurp(pid_file()).c_str());
    }
    if (viewer_ <= 0) return failed("the viewer's process did not start within 10 s");
    for (int i = 0; i < 600; ++i) {
      if (sh(display_ + " xdotool search --name wijknet >/dev/null 2>&1") == 0) {
        // No window manager: give the window the keyboard explicitly.
        x("search --name wijknet windowfocus");
        return true;
      }
      pause_ms(100);
    }
    return failed("no wijknet window within 60 s; viewer log: " + slurp(log()));
  }

  static bool failed(const std::string& why) {
    std::fprintf(stderr, "xsession: %s\n", why.c_str());
    return false;
  }

  // Runs one xdotool command and gives the viewer a few frames to act on it.
  void x(const std::string& args, int settle_ms = 250) {
    sh(display_ + " xdotool " + args + " >/dev/null 2>&1");
    pause_ms(settle_ms);
  }

  // Runs a command on the session's display; returns its exit status.
  int run(const std::string& command) { return sh(display_ + " " + command); }

  // A key held for a few frames: ImGui 1.86 reads text-field keys (Enter, Backspace, Ctrl+A) as
  // key-down state once a frame, so a press and release inside one frame would be lost.
  // "ctrl+a" holds Ctrl around A.
  void tap(const std::string& key) {
    const auto plus = key.find('+');
    if (plus != std::string::npos) x("keydown " + key.substr(0, plus), 60);
    x("keydown " + key.substr(plus == std::string::npos ? 0 : plus + 1), 80);
    x("keyup " + key.substr(plus == std::string::npos ? 0 : plus + 1), 60);
    if (plus != std::string::npos) x("keyup " + key.substr(0, plus), 60);
  }

  // Presses F9 and reads the dump the viewer writes.
  json dump() {
    std::filesystem::remove(state());
    x("key F9", 50);
    for (int i = 0; i < 100; ++i) {
      if (std::filesystem::exists(state())) {
        try {
          return read_json(state());
        } catch (...) {
        }
      }
      pause_ms(50);
    }
    return json();
  }

  // Dumps until `done` holds, at most `tries` dumps `ms` apart (a loaded machine draws slowly);
  // the last dump either way, so the caller's checks say what was there instead.
  template <class Done>
  json dump_until(Done done, int tries = 60, int ms = 250) {
    json j;
    for (int i = 0; i < tries; ++i) {
      j = dump();
      if (!j.is_null() && done(j)) break;
      pause_ms(ms);
    }
    return j;
  }

  // Waits until the layout has settled (the Laak sample usually settles before the first frame).
  json settled() {
    json j;
    for (int i = 0; i < 60; ++i) {
      j = dump();
      if (!j.is_null() && j["layout"]["running"] == false) break;
      pause_ms(250);
    }
    return j;
  }

  // Ends the viewer with SIGTERM (it writes its dump and exits cleanly); returns its exit status:
  // 0 when it ended cleanly, 128 + n when signal n ended it (a crash), -1 when it did not end
  // within 5 seconds (it is then killed) or never ran.
  int stop() {
    int rc = -1;
    if (viewer_ > 0) {
      ::kill(viewer_, SIGTERM);
      std::string status;
      for (int i = 0; i < 100 && status.empty(); ++i) {
        pause_ms(50);
        status = slurp(status_file());
      }
      if (status.empty())
        ::kill(viewer_, SIGKILL);
      else
        rc = std::atoi(status.c_str());
      viewer_ = 0;
    }
    if (holder_ > 0) {
      ::kill(holder_, SIGTERM);
      holder_ = 0;
    }
    return rc;
  }

  std::filesystem::path state() const { return dir_ / "state.json"; }
  std::filesystem::path log() const { return dir_ / "log.txt"; }
  std::filesystem::path pid_file() const { return dir_ / "viewer.pid"; }
  std::filesystem::path status_file() const { return dir_ / "viewer.status"; }

 private:
  std::filesystem::path dir_;
  std::string display_;
  int holder_ = 0, viewer_ = 0;
};

// Whether xvfb-run and xdotool are installed (scripts/deps --test installs both); says so when not.
inline bool can_drive_x() {
  if (have_xvfb() && sh("command -v xdotool >/dev/null 2>&1") == 0) return true;
  MESSAGE("xvfb-run or xdotool is not installed: skipped (scripts/deps --test installs them)");
  return false;
}

struct Point {
  double x, y;
};

inline Point screen(const json& j, const std::string& id) { return {j["screen"][id][0].get<double>(), j["screen"][id][1].get<double>()}; }

// A point of the view at least `clearance` pixels from every member, inside [x0,x1] x [y0,y1]
// (away from the panels).
inline std::optional<Point> empty_spot(const json& j, double x0, double x1, double y0, double y1, double clearance = 45) {
  for (double y = y0; y <= y1; y += 10)
    for (double x = x0; x <= x1; x += 10) {
      bool free = true;
      for (const auto& [id, p] : j["screen"].items())
        if (std::hypot(p[0].get<double>() - x, p[1].get<double>() - y) < clearance) free = false;
      if (free) return Point{x, y};
    }
  return std::nullopt;
}

inline std::string at(Point p) { return std::to_string(int(std::lround(p.x))) + " " + std::to_string(int(std::lround(p.y))); }

inline std::vector<std::string> strings(const json& a) {
  std::vector<std::string> out;
  for (const auto& x : a) out.push_back(x.get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

// The indicators as the dump and `wijknet health --json` both list them: id, score, status.
inline json indicator_rows(const json& indicators) {
  json out = json::array();
  for (const auto& i : indicators) out.push_back({i["id"], i["score"], i["status"]});
  return out;
}

// The middle of a widget the viewer reported in its dump (see UiContext::widgets).
inline std::optional<Point> widget(const json& j, const std::string& name) {
  if (!j.contains("widgets") || !j["widgets"].contains(name)) return std::nullopt;
  const auto& r = j["widgets"][name];
  return Point{(r[0].get<double>() + r[2].get<double>()) / 2, (r[1].get<double>() + r[3].get<double>()) / 2};
}

}  // namespace wijknet::test
