// Writing files so that each is either fully replaced or left as it was, and a save of several
// files (CSV's edges and nodes tables) leaves all of them old or all of them new.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace wijknet {

// One file of a save: where it goes and what writes it.
struct FileToWrite {
  std::string path;
  std::function<void(std::ostream&)> write;
};

// Runs `write` into a new file "PATH.tmp-PID-XXXXXX" beside PATH
// (same directory, so the rename below stays on one file system), created with O_EXCL (never an
// existing file or a link someone placed there), checks every write, fsyncs and closes it,
// renames it over PATH and fsyncs the directory, so the new name survives a power cut too.
// rename(2) is atomic: a reader of PATH sees the old file or the new one, never half of either,
// and a crash, a SIGKILL, a full disk or a writer that throws leaves the old file untouched. On
// any failure the temporary file is removed and WriteError says what went wrong ("PATH: cannot
// write: No space left on device"). An existing PATH keeps its permission bits; a symbolic link
// PATH is followed and its target replaced (the link stays a link). Temporary files of PATH left
// by a save that was killed (their process no longer runs) are removed first; a writer that
// throws leaves no file behind. The output is written through a 64 KiB buffer, never held whole
// in memory. O(size of the output).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// The same for several files that belong together; all of them old or all of them new, by a
// commit manifest: every file is first written to its temporary file and fsynced; then the
// manifest "FIRST.wijknet-commit" beside the first file (a link followed), listing each temporary
// file and its target by absolute path, is written atomically (the commit point); then the temporary files are renamed over
// their targets and the manifest is removed. A save killed before the manifest exists leaves all
// the old files (its temporary files are removed by the next save); one killed after it is
// completed by finish_interrupted_save, which read_coalition and every save run first. Between
// the renames of one save, or after a crash until wijknet next opens or saves FIRST, a program
// other than wijknet may see new and old files side by side. Throws WriteError.
void write_files_atomically(const std::vector<FileToWrite>& files);

// Completes a save of several files whose first file is `path` that was interrupted after its
// commit point (the manifest "PATH.wijknet-commit" exists): renames the temporary files that are
// still there over their targets and removes the manifest. Does nothing when there is no
// manifest. Throws WriteError when the renames fail (a read-only folder, say).
void finish_interrupted_save(const std::string& path);

// The path a save of `path` writes: `path` itself, or the file a symbolic link `path` points to
// (followed to the end, relative links resolved from the link's folder).
std::string save_target(const std::string& path);

}  // namespace wijknet
