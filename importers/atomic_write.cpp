#include "importers/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <sstream>

#include "core/error.hpp"

namespace wijknet {
namespace {

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

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ostringstream buffer;
  write(buffer);  // a writer that throws leaves no trace on disk
  if (!buffer) throw WriteError(path + ": cannot write: the output could not be produced");
  const std::string bytes = std::move(buffer).str();

  // Replace the file a symbolic link points to, not the link itself.
  std::string target = path;
  std::error_code ec;
  if (std::filesystem::is_symlink(path, ec)) {
    auto resolved = std::filesystem::weakly_canonical(path, ec);
    if (!ec) target = resolved.string();
  }

  struct stat old {};
  const bool existed = ::stat(target.c_str(), &old) == 0;
  if (existed && S_ISDIR(old.st_mode)) throw WriteError(path + ": cannot write: it is a directory");

  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = target + ".tmp-" + random_suffix();
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // umask applies
    if (fd < 0 && errno != EEXIST) fail(path, "cannot write", errno);
  }
  if (fd < 0) fail(path, "cannot create a temporary file", errno);

  auto abandon = [&](const char* what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    fail(path, what, error);
  };
  if (existed && ::fchmod(fd, old.st_mode & 07777) != 0) abandon("cannot set permissions");
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("cannot write");
    }
    data += n;
    left -= std::size_t(n);
  }
  if (::fsync(fd) != 0) abandon("cannot write (flush to disk failed)");
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "cannot write (close failed)", error);
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "cannot replace the file", error);
  }
}

}  // namespace wijknet
