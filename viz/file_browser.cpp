#include "viz/file_browser.hpp"

#include <algorithm>
#include <new>

#include "core/text/error.hpp"
#include "importers/io.hpp"
#include "importers/source_text.hpp"

namespace wijknet::viz {
namespace fs = std::filesystem;

namespace {

std::string extension_lower(const fs::path& p) { return ascii_lower(p.extension().string()); }

// The nearest folder that exists at or above `p` (made absolute); the working directory when
// none does.
fs::path existing_folder(fs::path p) {
  std::error_code ec;
  if (p.empty()) return fs::current_path(ec);
  p = fs::absolute(p, ec).lexically_normal();
  while (!p.empty()) {
    if (fs::is_directory(p, ec)) return p;
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return fs::current_path(ec);
}

}  // namespace

void FileBrowser::start(Mode mode, const fs::path& from, std::vector<std::string> extensions) {
  active_ = true;
  confirm_ = false;
  mode_ = mode;
  extensions_ = std::move(extensions);
  chosen_.clear();
  error_.clear();
  name.clear();
  format_ = 0;
  std::error_code ec;
  const bool is_folder = !from.empty() && fs::is_directory(from, ec);
  if (!is_folder && !from.empty() && mode == Mode::save) {
    name = from.filename().string();
    const auto ext = std::find(extensions_.begin(), extensions_.end(), extension_lower(from));
    if (ext != extensions_.end()) format_ = std::size_t(ext - extensions_.begin());
  }
  go(existing_folder(is_folder ? from : from.parent_path()));
}

bool FileBrowser::known(const fs::path& file) const {
  return std::find(extensions_.begin(), extensions_.end(), extension_lower(file)) != extensions_.end();
}

bool FileBrowser::go(const fs::path& folder) {
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    list_error_ = folder.string() + ": " + ec.message();
    return false;
  }
  folder_ = folder;
  list_error_.clear();
  std::vector<BrowserEntry> out;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string n = it->path().filename().string();
    if (!show_hidden_ && !n.empty() && n[0] == '.') continue;
    std::error_code type_ec;
    const bool folder_entry = it->is_directory(type_ec);  // a link to a folder counts as one
    if (!folder_entry && !known(it->path())) continue;
    out.push_back({n, folder_entry});
  }
  std::sort(out.begin(), out.end(), [](const BrowserEntry& a, const BrowserEntry& b) {
    if (a.folder != b.folder) return a.folder;
    const std::string la = ascii_lower(a.name), lb = ascii_lower(b.name);
    return la != lb ? la < lb : a.name < b.name;
  });
  entries_ = std::move(out);
  return true;
}

void FileBrowser::set_show_hidden(bool show) {
  show_hidden_ = show;
  refresh();
}

void FileBrowser::refresh() { go(folder_); }

bool FileBrowser::up() {
  if (folder_ == folder_.parent_path()) return false;
  return go(folder_.parent_path());
}

bool FileBrowser::enter(const std::string& entry) {
  for (const auto& e : entries_)
    if (e.folder && e.name == entry) return go(folder_ / entry);
  return false;
}

void FileBrowser::set_format(std::size_t index) {
  if (index >= extensions_.size()) return;
  format_ = index;
  if (name.empty()) return;
  fs::path p(name);
  if (known(p)) p.replace_extension(extensions_[index]);
  else p += extensions_[index];
  name = p.string();
}

FileBrowser::Outcome FileBrowser::accept(Lang lang) {
  error_.clear();
  confirm_ = false;
  if (name.empty()) return Outcome::none;
  fs::path p(name);
  if (p.is_relative()) p = folder_ / p;
  p = p.lexically_normal();
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    if (!go(p)) {
      error_ = list_error_;
      return Outcome::error;
    }
    name.clear();
    return Outcome::navigated;
  }
  if (mode_ == Mode::open) {
    if (!fs::exists(p, ec)) {
      error_ = tr(lang, "files.missing", {p.string()});
      return Outcome::error;
    }
    // A file of a format wijknet does not read is still handed to the reader, whose message names
    // the extensions it knows.
    chosen_ = p;
    return Outcome::chosen;
  }
  if (p.extension().empty()) {
    p += extensions_.empty() ? std::string(".json") : extensions_[format_];
  } else if (!known(p)) {
    error_ = tr(lang, "files.unknown_format", {p.extension().string()});
    return Outcome::error;
  }
  format_ = std::size_t(std::find(extensions_.begin(), extensions_.end(), extension_lower(p)) - extensions_.begin());
  if (!fs::is_directory(p.parent_path(), ec)) {
    error_ = tr(lang, "files.no_folder", {p.parent_path().string()});
    return Outcome::error;
  }
  chosen_ = p;
  name = p.filename().string();
  if (fs::exists(p, ec)) {
    confirm_ = true;
    return Outcome::confirm_overwrite;
  }
  return Outcome::chosen;
}

Json FilesUi::dump() const {
  Json j = Json::object();
  if (browser.active()) {
    Json entries = Json::array();
    for (std::size_t k = 0; k < browser.entries().size() && k < 50; ++k)
      entries.push_back({{"name", browser.entries()[k].name}, {"folder", browser.entries()[k].folder}});
    j["dialog"] = browser.mode() == FileBrowser::Mode::open ? "open" : "save";
    j["folder"] = browser.folder().string();
    j["entries"] = entries;
    j["entry_count"] = browser.entries().size();
    j["name"] = browser.name;
    j["format"] = browser.extensions().empty() ? std::string() : browser.extensions()[browser.format()];
    j["confirm_overwrite"] = browser.confirming();
    j["error"] = browser.error().empty() ? browser.list_error() : browser.error();
  } else {
    j["dialog"] = nullptr;
  }
  Json recent = Json::array();
  for (const auto& r : recent_files()) recent.push_back({{"path", r.first}, {"exists", r.second}});
  j["recent"] = recent;
  j["unsaved_question"] = !unsaved_name.empty();
  j["unsaved_name"] = unsaved_name;
  j["recovery_offer"] = recovery_time.empty() ? Json(nullptr) : Json{{"time", recovery_time}, {"file", recovery_file}};
  return j;
}

std::vector<std::pair<std::string, bool>> FilesUi::recent_files() const {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& r : recent) {
    std::error_code ec;
    out.emplace_back(r, fs::is_regular_file(r, ec));
  }
  return out;
}

std::string read_error_text(Lang lang, const std::string& path, const std::exception& error) {
  const auto* input = dynamic_cast<const InputError*>(&error);
  if (!input) {
    const bool memory = dynamic_cast<const std::bad_alloc*>(&error) != nullptr;
    return path + ": " + tr(lang, memory ? "file_error.memory" : "file_error.unexpected");
  }
  const std::string& m = input->message();
  auto has = [&](std::string_view s) { return m.find(s) != std::string::npos; };
  auto starts = [&](std::string_view s) { return m.rfind(s, 0) == 0; };
  std::string text;
  if (starts("invalid JSON")) {
    text = tr(lang, has("unexpected end of input") ? "file_error.json_end"
                    : has("out of range") || has("overflow") ? "file_error.json_number"
                                                             : "file_error.json_syntax");
  } else if (starts("cannot open: it is a directory")) {
    text = tr(lang, "file_error.folder");
  } else if (starts("cannot open: No such file")) {
    text = tr(lang, "file_error.not_found");
  } else if (starts("cannot read files of type")) {
    std::string exts;
    for (const auto& e : readable_extensions()) exts += (exts.empty() ? "" : " ") + e;
    text = tr(lang, "file_error.unknown_type", {exts});
  } else {
    text = tr(lang, "file_error.read", {m});
  }
  return input->where().str() + ": " + text;
}

}  // namespace wijknet::viz
