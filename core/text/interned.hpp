// Interned: a short text that many objects share (a node's kind and sector, a tie's kind), held
// once for the whole process and referred to by one pointer. A million ties of kind
// "collaborates" keep one copy of the word instead of a million 32-byte strings, and two
// interned texts compare equal by comparing pointers.
//
// Reads as a const std::string (conversion, str(), c_str(), empty(), size(), ==, <, +, <<);
// assigning a new text interns it. The pool only grows: it holds every distinct text interned
// since the start (a document's vocabulary, a few dozen words in practice); a file that gives
// each tie its own kind costs each kind once. Interning takes a lock and is safe from any thread;
// copying and comparing take none.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace wijknet {

class Interned {
 public:
  Interned() noexcept;
  Interned(std::string_view text);  // NOLINT: implicit, a text is assigned like a string
  Interned(const std::string& text) : Interned(std::string_view(text)) {}
  Interned(const char* text) : Interned(std::string_view(text)) {}

  operator const std::string&() const noexcept { return *text_; }
  operator std::string_view() const noexcept { return *text_; }
  const std::string& str() const noexcept { return *text_; }
  const char* c_str() const noexcept { return text_->c_str(); }
  const char* data() const noexcept { return text_->data(); }
  bool empty() const noexcept { return text_->empty(); }
  std::size_t size() const noexcept { return text_->size(); }
  void clear() noexcept { *this = Interned(); }

  friend bool operator==(const Interned& a, const Interned& b) noexcept { return a.text_ == b.text_; }
  friend bool operator==(const Interned& a, std::string_view b) noexcept { return *a.text_ == b; }
  friend bool operator==(const Interned& a, const std::string& b) noexcept { return *a.text_ == b; }
  friend bool operator==(const Interned& a, const char* b) noexcept { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const Interned& a, const Interned& b) noexcept {
    return a.text_ == b.text_ ? std::strong_ordering::equal : *a.text_ <=> *b.text_;
  }
  friend std::string operator+(const std::string& a, const Interned& b) { return a + *b.text_; }
  friend std::string operator+(const Interned& a, const std::string& b) { return *a.text_ + b; }
  friend std::string operator+(const char* a, const Interned& b) { return a + *b.text_; }
  friend std::string operator+(const Interned& a, const char* b) { return *a.text_ + b; }
  friend std::string operator+(char a, const Interned& b) { return a + *b.text_; }
  friend std::string operator+(const Interned& a, char b) { return *a.text_ + b; }
  friend std::ostream& operator<<(std::ostream& out, const Interned& text);

 private:
  friend struct std::hash<Interned>;
  const std::string* text_;
};

}  // namespace wijknet

template <>
struct std::hash<wijknet::Interned> {
  std::size_t operator()(const wijknet::Interned& text) const noexcept {
    return std::hash<const std::string*>{}(text.text_);
  }
};
