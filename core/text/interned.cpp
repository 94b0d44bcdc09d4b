#include "core/text/interned.hpp"

#include <mutex>
#include <ostream>
#include <set>

namespace wijknet {
namespace {

const std::string empty_text;

// Never destroyed: an Interned in a static object may still be read while the program ends.
std::set<std::string, std::less<>>& pool() {
  static auto* texts = new std::set<std::string, std::less<>>;
  return *texts;
}

std::mutex& pool_lock() {
  static auto* lock = new std::mutex;
  return *lock;
}

}  // namespace

Interned::Interned() noexcept : text_(&empty_text) {}

Interned::Interned(std::string_view text) : text_(&empty_text) {
  if (text.empty()) return;
  const std::lock_guard<std::mutex> hold(pool_lock());
  auto& texts = pool();
  auto it = texts.find(text);
  if (it == texts.end()) it = texts.emplace(text).first;
  text_ = &*it;
}

std::ostream& operator<<(std::ostream& out, const Interned& text) { return out << text.str(); }

}  // namespace wijknet
