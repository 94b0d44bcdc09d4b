#!/usr/bin/env bash
# Prints the time of every analytics measure in wijknet and in its peers on the same
# Barabási–Albert network, with the ratio peer/wijknet (above 1: wijknet is faster).
#   bench/compare.sh [N M]   default 2000 5: networkx needs minutes per measure on 20,000 nodes.
# Figures only; nothing here passes or fails. Needs a build (scripts/build).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}; m=${2:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
build/bench_analyze "$n" "$m" --write "$tmp/ba.edges" > "$tmp/wijknet.txt"
head -1 "$tmp/wijknet.txt"
peers=(networkx)
/usr/bin/python3 -c 'import igraph' 2>/dev/null && peers+=(igraph)
for p in "${peers[@]}"; do /usr/bin/python3 bench/peers.py "$p" "$tmp/ba.edges" > "$tmp/$p.txt"; done
printf '%-14s %12s' measure "wijknet ms"
for p in "${peers[@]}"; do printf ' %12s %8s' "$p ms" ratio; done; echo
while read -r name ms _; do
  case "$name" in network:|build|total) continue;; esac
  printf '%-14s %12s' "$name" "$ms"
  if [ "$name" = closeness ]; then echo "   (computed in the same pass as betweenness)"; continue; fi
  for p in "${peers[@]}"; do
    pm=$(awk -v k="$name" '$1==k {print $2}' "$tmp/$p.txt")
    if [ -n "$pm" ]; then printf ' %12s %8s' "$pm" "$(awk -v a="$pm" -v b="$ms" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')"
    else printf ' %12s %8s' - -; fi
  done; echo
done < <(tail -n +2 "$tmp/wijknet.txt")
