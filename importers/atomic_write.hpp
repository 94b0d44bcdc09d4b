// Writing a file so that it is either fully replaced or left as it was.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace wijknet {

// Runs `write` into memory, then puts the bytes in a new file "PATH.tmp-XXXXXX" beside PATH
// (same directory, so the rename below stays on one file system), checks every write, fsyncs
// and closes it, and renames it over PATH. rename(2) is atomic: a reader of PATH sees the old
// file or the new one, never half of either, and a crash, a full disk or a writer that throws
// leaves the old file untouched. On any failure the temporary file is removed and WriteError
// says what went wrong ("PATH: cannot write: No space left on device"). An existing PATH keeps
// its permission bits; a symbolic link PATH is followed and its target replaced. Buffering the
// whole output costs memory the size of the file, and means a writer that throws never
// touches the disk at all. O(size of the output).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace wijknet
