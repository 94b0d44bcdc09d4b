// wijknet-viewer: the interactive viewer. Thin: parses the command line and runs the window
// (viz/viewer.cpp).
#include "viz/viewer.hpp"

int main(int argc, char** argv) {
  int code = 0;
  auto options = wijknet::viz::parse_viewer_args(argc, argv, code);
  if (!options) return code;
  return wijknet::viz::run_viewer(*options);
}
