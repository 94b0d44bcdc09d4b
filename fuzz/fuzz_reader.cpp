// libFuzzer harness of one reader: the input is saved as a file with the extension this harness
// is built for (WIJKNET_FUZZ_EXTENSION, CMakeLists.txt builds one harness per reader), read
// with read_coalition, analysed (unweighted and weighted) and written in every format. What
// counts as a finding: a sanitizer report, an exception other than InputError or WriteError, an
// InputError whose message does not start with the file's name, a hang or memory past libFuzzer's
// limits (scripts/fuzz sets them); for the native JSON, its streaming and DOM readers disagreeing. Run by scripts/fuzz; a finding becomes a test in
// tests/importers/test_limits.cpp or beside its reader's tests.
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/graph/analysis.hpp"
#include "core/text/error.hpp"
#include "core/graph/network.hpp"
#include "core/model/coalition_network.hpp"
#include "importers/io.hpp"
#include "importers/native_json.hpp"

namespace {

// The native JSON has two readers (importers/native_json.hpp) that must agree on every text:
// the same coalition and warnings, or the same first error. Anything else is a finding.
std::string native_outcome(bool streaming, std::string_view text, bool strict) {
  using namespace wijknet;
  ReadOptions options;
  options.strict = strict;
  ImportReport report;
  try {
    const Coalition c = streaming ? read_native_json_streaming(text, "f.json", report, options)
                                  : read_native_json_dom(text, "f.json", report, options);
    std::string s = to_native_json(c).dump(-1, ' ', false, Json::error_handler_t::replace);
    for (const auto& w : report.warnings) s += "\n" + w;
    return s;
  } catch (const InputError& e) {
    return std::string("error ") + e.what();
  }
}

// A folder of this process for the input and the written files, removed at exit. Kept on the
// heap and never destroyed: an atexit handler registered while a static string is being built
// would run after that string's destructor.
const std::string& work_dir() {
  static const std::string* dir = [] {
    std::string t = (std::filesystem::temp_directory_path() / "wijknet-fuzz-XXXXXX").string();
    if (!::mkdtemp(t.data())) std::abort();
    auto* kept = new std::string(t);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(work_dir(), ec);
    });
    return kept;
  }();
  return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wijknet;
  const std::string input = work_dir() + "/input" WIJKNET_FUZZ_EXTENSION;
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  if (std::string_view(WIJKNET_FUZZ_EXTENSION) == ".json") {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (bool strict : {false, true})
      if (native_outcome(true, text, strict) != native_outcome(false, text, strict)) {
        std::fprintf(stderr, "the streaming and the DOM reader disagree:\n%s\n---\n%s\n",
                     native_outcome(true, text, strict).c_str(), native_outcome(false, text, strict).c_str());
        std::abort();
      }
  }
  Coalition c;
  try {
    c = read_coalition(input);
  } catch (const InputError& e) {
    // Every message names the file it is about (FILE:LINE[:COL] for what is in it).
    if (std::string(e.what()).rfind(input, 0) != 0) {
      std::fprintf(stderr, "an InputError without the file name: %s\n", e.what());
      std::abort();
    }
    return 0;
  }
  for (bool weighted : {false, true}) {
    AnalysisOptions options;
    options.weighted = weighted;
    options.threads = 1;
    NetworkOptions network_options;
    (void)analyze(build_network(c, network_options), options);
  }
  for (const auto& ext : writable_extensions()) {
    try {
      write_coalition(c, work_dir() + "/output" + ext);
    } catch (const WriteError&) {
      // what a format cannot hold (an edge list cannot hold a space in an id)
    }
  }
  return 0;
}
