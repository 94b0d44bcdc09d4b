#!/usr/bin/env bash
# The layers of README's "What is where", checked on the includes: a file may include headers of
# its own layer and of the layers below it, never above; core/ includes no GL, GLFW, ImGui or stb
# (it stays headless). Order, lowest first: core/text, core/graph, core/model, core/assess,
# core/present, importers, cli | viz (cli and viz do not include each other).
#   tests/scripts/test_layers.sh [ROOT]   ROOT defaults to this checkout
# First proves on a small made-up tree that a violation is caught, then checks ROOT.
set -uo pipefail

# allowed LAYER: the folders a file in LAYER may include from.
allowed() {
  case "$1" in
    core/text) echo "core/text" ;;
    core/graph) echo "core/graph" ;;
    core/model) echo "core/text core/graph core/model" ;;
    core/assess) echo "core/text core/graph core/model core/assess" ;;
    core/present) echo "core/text core/graph core/model core/assess core/present" ;;
    importers) echo "core/text core/graph core/model core/assess core/present importers" ;;
    cli) echo "core/text core/graph core/model core/assess core/present importers cli" ;;
    viz) echo "core/text core/graph core/model core/assess core/present importers viz" ;;
  esac
}

# check ROOT: prints each violation as FILE:LINE: message; exit 1 when there is one.
check() {
  local root=$1 bad=0 layer file line inc dir ok
  for layer in core/text core/graph core/model core/assess core/present importers cli viz; do
    [ -d "$root/$layer" ] || continue
    while IFS= read -r hit; do
      file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; inc=${rest#*:}
      inc=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/' <<<"$inc")
      dir=$(dirname "$inc")
      [[ "$inc" == */* ]] || continue  # a header beside the file
      ok=0
      for a in $(allowed "$layer"); do
        [[ "$dir" == "$a" || "$dir" == "$a"/* ]] && ok=1
      done
      if [ $ok = 0 ]; then
        echo "${file#$root/}:$line: $layer includes \"$inc\", a layer it may not use"
        bad=1
      fi
    done < <(grep -rn --include='*.hpp' --include='*.cpp' --include='*.inc' -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$root/$layer" \
)
  done
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
    echo "${file#$root/}:$line: core/ must stay headless (no GL, GLFW, ImGui or stb)"
    bad=1
  done < <(grep -rn --include='*.hpp' --include='*.cpp' -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(GL/|GLFW/|imgui|backends/|stb)' "$root/core" 2>/dev/null)
  return $bad
}

# The checker catches what it should: a graph file that includes the model, a core file with ImGui.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/core/graph" "$tmp/core/model" "$tmp/core/present"
printf '#include "core/graph/network.hpp"\n#include "core/model/coalition.hpp"\n' > "$tmp/core/graph/bad.cpp"
printf '#include "core/graph/network.hpp"\n#include "core/text/i18n.hpp"\n' > "$tmp/core/model/good.cpp"
printf '#include <imgui.h>\n' > "$tmp/core/present/gl.cpp"
out=$(check "$tmp")
if [ $? = 0 ] || ! grep -q 'core/graph/bad.cpp:2: core/graph includes "core/model/coalition.hpp"' <<<"$out" ||
   ! grep -q 'core/present/gl.cpp:1: core/ must stay headless' <<<"$out" || grep -q 'good.cpp' <<<"$out"; then
  echo "test_layers: the checker itself is wrong on the made-up tree:"; echo "$out"; exit 1
fi

root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! check "$root"; then
  echo "test_layers: FAILED (README.md, \"What is where\", gives the order of the layers)"
  exit 1
fi
echo "test_layers: every include respects the layers"
