#include "importers/io.hpp"

#include <stdexcept>

#include "core/error.hpp"

namespace wijknet {
// Placeholder until the readers land; replaced by the importers work.
Coalition read_coalition(const std::string& path, ImportReport*, const ReadOptions&) {
  throw std::runtime_error(path + ": no reader yet");
}
void write_coalition(const Coalition&, const std::string& path, const WriteOptions&) {
  throw WriteError(path + ": no writer yet");
}
std::vector<std::string> readable_extensions() { return {}; }
std::vector<std::string> writable_extensions() { return {}; }
}  // namespace wijknet
