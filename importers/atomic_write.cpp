#include "importers/atomic_write.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <streambuf>

#include "core/text/error.hpp"

namespace wijknet {
namespace {

namespace fs = std::filesystem;

constexpr const char* temp_marker = ".tmp-";            // NAME.tmp-PID-XXXXXX
constexpr const char* manifest_suffix = ".wijknet-commit";

std::string random_suffix() {
  static const char* alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::mt19937_64 engine(device());
  std::string s;
  for (int i = 0; i < 6; ++i) s += alphabet[engine() % 36];
  return s;
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw WriteError(path + ": " + what + ": " + std::strerror(error));
}

std::string folder_of(const std::string& file) {
  const fs::path parent = fs::path(file).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string name_of(const std::string& file) { return fs::path(file).filename().string(); }

// fsync of the folder, so that a rename in it survives a power cut. File systems that cannot
// sync a directory (EINVAL) have nothing to flush.
void sync_folder(const std::string& folder, const std::string& shown) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(shown, "cannot flush the folder " + folder + " to disk", errno);
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const int error = errno;
    ::close(fd);
    fail(shown, "cannot flush the folder " + folder + " to disk", error);
  }
  ::close(fd);
}

// The process id in a temporary file name "NAME.tmp-PID-XXXXXX" of `target_name`, or -1 when
// `name` is no such name.
long temp_owner(const std::string& name, const std::string& target_name) {
  const std::string prefix = target_name + temp_marker;
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return -1;
  const std::string rest = name.substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == std::string::npos || dash == 0 || dash > 9 || rest.size() != dash + 7) return -1;
  long pid = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return -1;
    pid = pid * 10 + (rest[i] - '0');
  }
  return pid;
}

// Removes the temporary files (and libxlsxwriter's folders) of `target` whose saving process no
// longer runs: what a save killed between creating and renaming them left behind.
void remove_stale_temporaries(const std::string& target) {
  const std::string target_name = name_of(target);
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const long pid = temp_owner(it->path().filename().string(), target_name);
    if (pid <= 0 || pid == long(::getpid())) continue;
    if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) continue;  // still running, or not ours to ask
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

struct Temporary {
  std::string shown;   // the path the caller gave, for messages
  std::string target;  // the file replaced (a link followed)
  std::string temp;
};

// An output stream buffer over a file descriptor: 64 KiB at a time, each write(2) checked and
// retried on EINTR; the first error is kept (errno's value) and ends the stream.
class FileDescriptorBuffer : public std::streambuf {
 public:
  explicit FileDescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, std::size_t(n));
      pbump(int(n));
      return n;
    }
    if (!drain() || !write_all(s, std::size_t(n))) return 0;
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const bool ok = write_all(pbase(), std::size_t(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok;
  }
  bool write_all(const char* data, std::size_t left) {
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error_ = errno;
      else data += n, left -= std::size_t(n);
    }
    return error_ == 0;
  }
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Creates the temporary file of `shown` (O_EXCL, the old file's permission bits), runs `write`
// into it, checks every write, fsyncs and closes it. On any failure, a throwing writer included,
// the temporary file is removed before the exception leaves.
Temporary write_temporary(const std::string& shown, const std::function<void(std::ostream&)>& write) {
  Temporary t{shown, save_target(shown), {}};
  struct stat old {};
  const bool existed = ::stat(t.target.c_str(), &old) == 0;
  if (existed && S_ISDIR(old.st_mode)) throw WriteError(shown + ": cannot write: it is a directory");
  remove_stale_temporaries(t.target);

  int fd = -1;
  const std::string stem = t.target + temp_marker + std::to_string(::getpid()) + "-";
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    t.temp = stem + random_suffix();
    fd = ::open(t.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);  // umask applies
    if (fd < 0 && errno != EEXIST) fail(shown, "cannot write", errno);
  }
  if (fd < 0) fail(shown, "cannot create a temporary file", errno);

  auto abandon = [&](const char* what, int error) {
    ::close(fd);
    ::unlink(t.temp.c_str());
    fail(shown, what, error);
  };
  if (existed && ::fchmod(fd, old.st_mode & 07777) != 0) abandon("cannot set permissions", errno);
  FileDescriptorBuffer buffer(fd);
  std::ostream out(&buffer);
  try {
    write(out);
    out.flush();
  } catch (...) {
    ::close(fd);
    ::unlink(t.temp.c_str());
    throw;
  }
  if (buffer.error() != 0) abandon("cannot write", buffer.error());
  if (!out) {
    ::close(fd);
    ::unlink(t.temp.c_str());
    throw WriteError(shown + ": cannot write: the output could not be produced");
  }
  if (::fsync(fd) != 0) abandon("cannot write (flush to disk failed)", errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(t.temp.c_str());
    fail(shown, "cannot write (close failed)", error);
  }
  return t;
}

}  // namespace

std::string save_target(const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return path;
  const fs::path resolved = fs::weakly_canonical(path, ec);
  return ec ? path : resolved.string();
}

void finish_interrupted_save(const std::string& path) {
  const std::string target = save_target(path);
  const std::string manifest = target + manifest_suffix;
  std::ifstream in(manifest);
  if (!in) return;
  // Each line "TEMPORARY\tTARGET", absolute paths. Only a temporary file of this user, in its
  // target's folder and named after it, is moved: a manifest planted in a shared folder cannot
  // move a file anywhere its author could not already write.
  std::vector<std::pair<std::string, std::string>> moves;
  std::set<std::string> folders{folder_of(manifest)};
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    const std::string temp = line.substr(0, tab), into = tab == std::string::npos ? "" : line.substr(tab + 1);
    struct stat st {};
    const bool mine = ::lstat(temp.c_str(), &st) != 0 || (S_ISREG(st.st_mode) && st.st_uid == ::geteuid());
    if (into.empty() || into.front() != '/' || folder_of(temp) != folder_of(into) ||
        temp_owner(name_of(temp), name_of(into)) < 0 || !mine)
      throw WriteError(manifest + ": not a commit manifest of wijknet; remove it to open " + path);
    moves.emplace_back(temp, into);
    folders.insert(folder_of(into));
  }
  for (const auto& [temp, into] : moves) {
    if (::access(temp.c_str(), F_OK) != 0) continue;  // renamed before the interruption
    if (std::rename(temp.c_str(), into.c_str()) != 0)
      fail(path, "cannot complete an interrupted save (" + into + ")", errno);
  }
  for (const auto& folder : folders) sync_folder(folder, path);
  if (::unlink(manifest.c_str()) != 0 && errno != ENOENT) fail(path, "cannot remove " + manifest, errno);
  sync_folder(folder_of(manifest), path);
}

void write_files_atomically(const std::vector<FileToWrite>& files) {
  if (files.empty()) return;
  finish_interrupted_save(files[0].path);

  std::vector<Temporary> temps;
  auto remove_temps = [&] {
    for (const auto& t : temps) ::unlink(t.temp.c_str());
  };
  try {
    // Each output goes straight into its temporary file (never whole in memory); a writer that
    // throws leaves no file behind.
    for (const auto& f : files) temps.push_back(write_temporary(f.path, f.write));
  } catch (...) {
    remove_temps();
    throw;
  }

  // The commit point of a save of several files: the manifest, itself written atomically.
  const std::string manifest = temps[0].target + manifest_suffix;
  const bool several = files.size() > 1;
  if (several) {
    std::string text;
    for (const auto& t : temps)
      text += fs::absolute(t.temp).lexically_normal().string() + "\t" + fs::absolute(t.target).lexically_normal().string() + "\n";
    try {
      write_files_atomically({{manifest, [&](std::ostream& out) { out << text; }}});
    } catch (...) {
      remove_temps();
      throw;
    }
  }

  std::set<std::string> folders;
  for (const auto& t : temps) {
    if (std::rename(t.temp.c_str(), t.target.c_str()) != 0) {
      const int error = errno;
      if (several)  // the manifest stays: the next open or save of the first file completes the save
        fail(t.shown, "cannot replace the file (the save is completed when " + files[0].path + " is next opened)", error);
      ::unlink(t.temp.c_str());
      fail(t.shown, "cannot replace the file", error);
    }
    folders.insert(folder_of(t.target));
  }
  for (const auto& folder : folders) sync_folder(folder, files[0].path);
  if (several) {
    if (::unlink(manifest.c_str()) != 0) fail(files[0].path, "cannot remove " + manifest, errno);
    sync_folder(folder_of(manifest), files[0].path);
  }
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  write_files_atomically({{path, write}});
}

}  // namespace wijknet
