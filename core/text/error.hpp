// Errors that carry where they happened, so a user can open the file at the right spot.
#pragma once

#include <stdexcept>
#include <string>

namespace wijknet {

// A place in an input file. Line and column are 1-based; 0 means "not known".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:col", "file:line" or "file", whichever parts are known.
  std::string str() const;
};

// Bad input: the file is malformed or the data contradicts the model.
// what() is "FILE:LINE[:COL]: message", the format of DOMAIN.md's command-line contract.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

// A file could not be written (exit status 3 on the command line).
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace wijknet
