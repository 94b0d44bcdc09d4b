#!/usr/bin/env bash
# Times wijknet and its peers (graph-tool, igraph, networkx) on the same Barabási–Albert
# networks (5 ties per node, seed 42) in one run, per operation, and prints the times and the
# ratio peer / wijknet (above 1: wijknet is faster), with the machine and its load.
#   bench/compare.sh [SIZE ...]   default 2000 20000; 200000 only when asked
# networkx runs at 2,000 nodes only (it needs hours at 20,000); at 200,000 nobody runs exact
# betweenness or closeness (hours each) and wijknet's betweenness is its estimate (--epsilon
# 0.01). Peers and wijknet run one after the other in the same run, so on a shared machine the
# ratios are comparable even when the absolute times are not. graph-tool and its drawing
# module come from `scripts/deps --bench`; a peer that is not installed is left out.
# Each peer gets WIJKNET_PEER_SECONDS (default 1800) per size; an operation it has not finished
# by then shows as "-" and a note says so (sfdp and Fruchterman-Reingold at 200,000 nodes).
# Figures only; nothing here passes or fails. Needs a build (scripts/build --target bench_analyze).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(nproc)}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
ops=(load betweenness closeness pagerank eigenvector components communities layout)
for n in "${sizes[@]}"; do
  f="$tmp/ba$n.edges"
  build/bench_analyze "$n" 5 --write "$f" --measures degree >/dev/null
  skip=; wflags=()
  if [ "$n" -ge 100000 ]; then skip="--skip betweenness,closeness"; wflags=(--epsilon 0.01); else wflags=(--bgl); fi
  # wijknet: the measures, closeness on its own (the bit-parallel search), the layout.
  build/bench_analyze --edges "$f" --measures betweenness,pagerank,eigenvector,community "${wflags[@]}" > "$tmp/w1"
  build/bench_analyze --edges "$f" --measures closeness > "$tmp/w2"
  build/bench_analyze --edges "$f" --measures degree --layout 5000 --positions "$tmp/wijknet.pos" > "$tmp/w3"
  { grep -h -E '^(load|betweenness|pagerank|eigenvector|components) ' "$tmp/w1"
    awk '$1=="community" {print "communities", $2}' "$tmp/w1"
    grep -h -E '^closeness ' "$tmp/w2"; grep -h -E '^layout ' "$tmp/w3"
    grep -h '^#' "$tmp/w1" "$tmp/w3"
    awk '$1=="betweenness" {b=$2} $1=="bgl_brandes" {g=$2} END { if (g) printf "# Boost.Graph brandes_betweenness_centrality (one thread, same CSR): %s ms, %.1fx wijknet\n", g, g / b }' "$tmp/w1"
  } > "$tmp/wijknet"
  peers=()
  /usr/bin/python3 -c 'import graph_tool.all' 2>/dev/null && peers+=(graph-tool)
  /usr/bin/python3 -c 'import igraph' 2>/dev/null && peers+=(igraph)
  [ "$n" -le 2000 ] && peers+=(networkx)
  limit=${WIJKNET_PEER_SECONDS:-1800}
  for p in "${peers[@]}"; do
    status=0
    timeout "$limit" /usr/bin/python3 bench/peers.py "$p" "$f" $skip --positions "$tmp/$p.pos" > "$tmp/$p" 2>/dev/null || status=$?
    if [ "$status" -eq 124 ]; then
      echo "# $p: stopped after $limit s; the operations shown as - were not finished" >> "$tmp/$p"
      rm -f "$tmp/$p.pos"
    fi
  done
  # The layouts' normalised stress, every drawing scored by the same code on the same pairs.
  for p in wijknet "${peers[@]}"; do
    [ -s "$tmp/$p.pos" ] && echo "# layout stress (normalised, 10,000 sampled pairs): $(/usr/bin/python3 bench/peers.py stress "$f" "$tmp/$p.pos" | awk '$1=="stress" {print $2}')" >> "$tmp/$p"
  done
  echo; echo "== $n nodes, $(awk 'END {print NR}' "$f") ties; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-12s %11s' operation "wijknet ms"
  for p in "${peers[@]}"; do printf ' %13s %7s' "$p ms" ratio; done; echo
  for op in "${ops[@]}"; do
    wm=$(awk -v k="$op" '$1==k {print $2}' "$tmp/wijknet")
    printf '%-12s %11s' "$op" "${wm:--}"
    for p in "${peers[@]}"; do
      pm=$(awk -v k="$op" '$1==k {print $2}' "$tmp/$p")
      if [ -n "$pm" ] && [ -n "$wm" ]; then
        printf ' %13s %7s' "$pm" "$(awk -v a="$pm" -v b="$wm" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')"
      else printf ' %13s %7s' "${pm:--}" -; fi
    done; echo
  done
  grep -h '^#' "$tmp/wijknet" "${peers[@]/#/$tmp/}" | sed 's/^# /  /'
done
