// Where the viewer's font is, found at run time: DejaVu Sans (Debian's fonts-dejavu-core), which
// covers Dutch (ë, ï, the ij) and Latin Extended-A, in the folders the XDG base directory
// specification names for fonts, or the file WIJKNET_FONT points to.
#pragma once

#include <string>

namespace wijknet::viz {

struct FontSearch {
  std::string path;      // the font file; empty when none was found
  std::string searched;  // what was tried, for the message: "WIJKNET_FONT=..., /usr/share/fonts, ..."
};

// WIJKNET_FONT when set (even when unreadable: then path is empty), else the first DejaVuSans.ttf
// under $XDG_DATA_HOME/fonts (~/.local/share/fonts), ~/.fonts and each $XDG_DATA_DIRS/fonts
// (/usr/local/share/fonts, /usr/share/fonts). O(files under those folders).
FontSearch find_font_file();

}  // namespace wijknet::viz
