#!/usr/bin/env bash
# scripts/deps without root and without touching the machine: dpkg-query, apt-get and sudo are
# replaced by stand-ins on PATH. dpkg-query reports the packages in $FAKE_INSTALLED as installed
# and, like the real one, exits 1 when some asked package is unknown; apt-get records its
# arguments and fails when $FAKE_APT_FAIL names the subcommand.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"

cat >"$tmp/bin/dpkg-query" <<'STUB'
#!/usr/bin/env bash
status=0
for p in "$@"; do
  case "$p" in -*) continue ;; esac
  if grep -qx "$p" <<<"$(tr ' ' '\n' <<<"$FAKE_INSTALLED")"; then
    echo "$p install ok installed"
  else
    echo "dpkg-query: no packages found matching $p" >&2
    status=1
  fi
done
exit $status
STUB
cat >"$tmp/bin/apt-get" <<'STUB'
#!/usr/bin/env bash
echo "$*" >>"$FAKE_LOG"
if [ "${FAKE_APT_FAIL:-}" = "$1" ]; then
  echo "E: Unable to locate package libimgui-dev" >&2
  exit 100
fi
exit 0
STUB
printf '#!/usr/bin/env bash\nexec "$@"\n' >"$tmp/bin/sudo"
chmod +x "$tmp/bin/"*

failures=0
passes=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; passes=$((passes + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}

# The package lists, read from scripts/deps itself so the test follows them.
build_pkgs=$(bash -c "source <(sed -n '/^build_pkgs=(/,/)/p' '$repo/scripts/deps'); echo \${build_pkgs[*]}")
test_pkgs=$(bash -c "source <(sed -n '/^test_pkgs=(/,/)/p' '$repo/scripts/deps'); echo \${test_pkgs[*]}")
check "package lists read" test -n "$build_pkgs" -a -n "$test_pkgs"

run_deps() {  # run_deps INSTALLED [ARGS...]: sets out, status, log
  export FAKE_INSTALLED=$1 FAKE_LOG="$tmp/apt.log"
  shift
  : >"$FAKE_LOG"
  out=$(PATH="$tmp/bin:$PATH" "$repo/scripts/deps" "$@" 2>&1)
  status=$?
  log=$(cat "$FAKE_LOG")
}

# Some packages missing: exactly those are installed, the exit status is 0.
some=$(echo "$build_pkgs" | tr ' ' '\n' | grep -vx -e libimgui-dev -e doctest-dev | tr '\n' ' ')
run_deps "$some"
check "some missing: exit 0" test "$status" -eq 0
check "some missing: apt-get update ran" grep -q "^update" <<<"$log"
check "some missing: installs exactly the missing two" \
  grep -qx "install -y -qq --no-install-recommends doctest-dev libimgui-dev" <<<"$log"

# None installed (a pristine machine; dpkg-query exits 1): every build package is installed.
run_deps ""
check "none installed: exit 0" test "$status" -eq 0
check "none installed: installs all build packages" \
  grep -qx "install -y -qq --no-install-recommends $build_pkgs" <<<"$log"

# --test adds the test tools, unzip among them (the workbook tests read .xlsx with it).
run_deps "$build_pkgs" --test
check "--test: exit 0" test "$status" -eq 0
check "--test: installs the test tools" grep -qx "install -y -qq --no-install-recommends $test_pkgs" <<<"$log"
check "--test: unzip is a test tool" grep -qw unzip <<<"$test_pkgs"

# --bench adds the benchmark's peers, graph-tool among them, and not the test tools.
bench_pkgs=$(bash -c "source <(sed -n '/^bench_pkgs=(/,/)/p' '$repo/scripts/deps'); echo \${bench_pkgs[*]}")
run_deps "$build_pkgs python3 python3-igraph python3-networkx" --bench
check "--bench: exit 0" test "$status" -eq 0
check "--bench: installs graph-tool and matplotlib for its layout" \
  grep -qx "install -y -qq --no-install-recommends python3-graph-tool python3-matplotlib" <<<"$log"
check "--bench: graph-tool is a bench package, not a test one" \
  bash -c "grep -qw python3-graph-tool <<<'$bench_pkgs' && ! grep -qw python3-graph-tool <<<'$test_pkgs'"

# Everything installed: apt-get is not called at all.
run_deps "$build_pkgs $test_pkgs" --test
check "all installed: exit 0" test "$status" -eq 0
check "all installed: apt-get not called" test -z "$log"

# The install fails: a clear message and a non-zero exit.
FAKE_APT_FAIL=install run_deps "$some"
check "install fails: non-zero exit" test "$status" -ne 0
check "install fails: says what failed" grep -q "apt-get install doctest-dev libimgui-dev' failed" <<<"$out"
check "install fails: shows apt's reason" grep -q "Unable to locate package" <<<"$out"
FAKE_APT_FAIL=update run_deps "$some"
check "update fails: non-zero exit and message" \
  bash -c "[ $status -ne 0 ] && grep -q \"'apt-get update' failed\" <<<\"\$0\"" "$out"

# A wrong option is a usage error, not a silent exit.
run_deps "$build_pkgs" --tets
check "unknown option: non-zero exit and message" \
  bash -c "[ $status -ne 0 ] && grep -q \"unknown option '--tets'\" <<<\"\$0\"" "$out"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
