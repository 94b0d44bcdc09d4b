#include "viz/unsaved_work.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/text/number_text.hpp"
#include "importers/atomic_write.hpp"
#include "importers/native_json.hpp"

namespace wijknet::viz {
namespace fs = std::filesystem;

fs::path recovery_folder() {
  auto env = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (const char* s = env("XDG_STATE_HOME")) return fs::path(s) / "wijknet" / "recovery";
  if (const char* c = env("XDG_CONFIG_HOME")) return fs::path(c) / "wijknet" / "recovery";
  if (const char* h = env("HOME")) return fs::path(h) / ".local" / "state" / "wijknet" / "recovery";
  return {};
}

fs::path recovery_file(const std::string& document_path) {
  const fs::path folder = recovery_folder();
  if (folder.empty()) return {};
  if (document_path.empty()) return folder / "untitled.json";
  std::error_code ec;
  const std::string absolute = fs::absolute(document_path, ec).lexically_normal().string();
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char c : absolute) h = (h ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return folder / (fs::path(document_path).stem().string() + "-" + hex + ".json");
}

Coalition recovery_document(const AppState& state) {
  Coalition doc = state.document();
  store_layout(doc, state.doc().positions());
  return doc;
}

std::string write_recovery(const Coalition& doc, const fs::path& file) {
  try {
    fs::create_directories(file.parent_path());
    write_file_atomically(file.string(), [&](std::ostream& os) { write_native_json(doc, os); });
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

void remove_recovery(const fs::path& file) {
  std::error_code ec;
  if (!file.empty()) fs::remove(file, ec);
}

AutosavePolicy::AutosavePolicy(double interval_seconds, Clock clock) : interval_(interval_seconds), clock_(std::move(clock)) {}

double AutosavePolicy::interval_from_environment() {
  if (const char* v = std::getenv("WIJKNET_AUTOSAVE_SECONDS")) {
    if (const auto s = read_plain_number(v); s && *s > 0) return *s;
  }
  return 60;
}

bool AutosavePolicy::due(bool dirty, std::uint64_t version) {
  if (!dirty) {
    reset();
    return false;
  }
  const double now = clock_();
  if (!since_) since_ = now;
  return now - *since_ >= interval_ && written_ != version;
}

void AutosavePolicy::written(std::uint64_t version) {
  written_ = version;
  since_ = clock_();
}

void AutosavePolicy::reset() {
  since_.reset();
  written_.reset();
}

std::optional<RecoveryOffer> recovery_offer(const std::string& document_path) {
  const fs::path file = recovery_file(document_path);
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) return std::nullopt;
  const auto recovered = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  if (!document_path.empty()) {
    std::error_code doc_ec;
    const auto doc = fs::last_write_time(document_path, doc_ec);
    if (!doc_ec && doc >= recovered) return std::nullopt;  // saved since: the recovery is stale
  }
  const auto system = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      recovered - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
  return RecoveryOffer{file, std::chrono::system_clock::to_time_t(system)};
}

std::string recovery_time_text(std::time_t written, std::time_t now) {
  std::tm w{}, n{};
  localtime_r(&written, &w);
  localtime_r(&now, &n);
  char buf[32];
  const bool today = w.tm_year == n.tm_year && w.tm_yday == n.tm_yday;
  std::strftime(buf, sizeof buf, today ? "%H:%M" : "%Y-%m-%d %H:%M", &w);
  return buf;
}

bool UnsavedGuard::allow(const Action& action, bool dirty) {
  if (!dirty) return true;
  pending_ = action;
  answered_ = false;
  return false;
}

std::optional<Action> UnsavedGuard::answer(Answer a) {
  if (!pending_ || answered_) return std::nullopt;
  std::optional<Action> out;
  switch (a) {
    case Answer::cancel: pending_.reset(); break;
    case Answer::discard: out = std::move(pending_); pending_.reset(); break;
    case Answer::save: answered_ = true; break;
  }
  return out;
}

std::optional<Action> UnsavedGuard::saved() {
  if (!pending_ || !answered_) return std::nullopt;
  std::optional<Action> out = std::move(pending_);
  pending_.reset();
  answered_ = false;
  return out;
}

}  // namespace wijknet::viz
