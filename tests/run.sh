#!/bin/sh
# run.sh - the whole test suite: generated fixtures, case directories,
# scenario scripts. Prints one closing line "N passed, N failed" and exits
# non-zero if anything failed.
#
# Tests run in parallel (tests/run-one.sh runs each), JOBS at a time. A
# scenario that cannot run here (an optional tool is missing) exits 77 after
# "SKIP: reason" (lib.sh's skip): it is counted as skipped, with the reason,
# and the closing line adds ", N skipped". In the second pass of make check
# a test that is another program's work exits 78 (lib.sh's
# normal_pass_only) and the line adds ", N left to the normal pass (NAMES)".
#
# Environment: BUILD (build directory, default build), SLC_WRAP (a command
# to run slacheck under, e.g. valgrind), TESTS (a pattern to run a subset),
# JOBS (tests at once; default the number of processors), UNIT_ONLY=1 (the
# C unit tests alone, without generating the fixtures), TIMES=N (print the
# N slowest tests; every test's wall and CPU time is in
# $BUILD/test-times.txt, and the next run starts the slowest first).
#
# A case is a directory tests/cases/NAME/ holding
#   cmd              a shell command line; $SLACHECK, $FIX, $EX, $TMP are set
#   exit             the expected exit status (default 0)
#   stdout           the exact expected standard output (optional)
#   stdout-contains  lines that must each appear in standard output (optional)
#   stderr-contains  lines that must each appear in standard error (optional)
#   stdout-lacks     lines that must not appear in standard output (optional)
# A scenario is an executable tests/t-NAME.sh that exits 0 when it passes.
# A unit test is a C program $BUILD/unit/test_NAME built from
# tests/unit/test_NAME.c (`make unit`); it runs as "unit-NAME" and exits 0
# when every row of its tables passed.
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
ROOT=$(pwd)
SLACHECK="${SLC_WRAP:+$SLC_WRAP }$ROOT/$BUILD/slacheck"
FIX="$ROOT/$BUILD/fixtures"
EX="$ROOT/examples"
export SLACHECK FIX EX BUILD ROOT
# messages in English unless a test asks otherwise
export LANG=C.UTF-8 LC_ALL= LC_MESSAGES=
unset NO_COLOR FORCE_COLOR COLUMNS
# The system's interpreter first: it has the Debian modules the tests use
# (python3-openpyxl), and a version manager's shim in front of it costs a
# shell chain per call, which was most of the suite's time.
[ -x /usr/bin/python3 ] && PATH=/usr/bin:$PATH && export PATH

pattern=${TESTS:-}
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}

# the unit tests alone (UNIT_ONLY=1, make unit) need no fixtures
case "${UNIT_ONLY:-}" in
1) ;;
*) rm -rf "$FIX" && mkdir -p "$FIX" &&
    python3 tests/gen_fixtures.py "$FIX" || { echo "fixture generation failed"; echo "0 passed, 1 failed"; exit 1; } ;;
esac

results=$(mktemp -d)
list="$results/.list"
: >"$list"
# the scenario scripts first: they take longest, so the pool ends evenly
for t in tests/t-*.sh; do
    [ -e "$t" ] && [ -z "${UNIT_ONLY:-}" ] || continue
    name=$(basename "$t" .sh)
    case "$name" in *"$pattern"*) echo "script $t" >>"$list" ;; esac
done
for t in "$BUILD"/unit/test_*; do
    [ -x "$t" ] || continue
    name=unit-${t##*/test_}
    case "$name" in *"$pattern"*) echo "unit $t" >>"$list" ;; esac
done
for dir in tests/cases/*/; do
    [ -f "$dir/cmd" ] && [ -z "${UNIT_ONLY:-}" ] || continue
    name=$(basename "$dir")
    case "$name" in *"$pattern"*) echo "case ${dir%/}" >>"$list" ;; esac
done
# The slowest first, by the last run's times ($BUILD/test-times.txt, else the
# normal build's): the long tests then overlap, and the pool ends on short
# ones with every processor busy. A test with no time yet goes first.
order="$results/.order"
times_from="$BUILD/test-times.txt"
[ -s "$times_from" ] || times_from=build/test-times.txt
if [ -s "$times_from" ]; then
    awk 'NR == FNR { ms[$NF] = $1; next }
        { n = $2; sub(/.*\//, "", n); sub(/\.sh$/, "", n); if ($1 == "unit") sub(/^test_/, "unit-", n)
          print (n in ms ? ms[n] : 999999999) "\t" $0 }' "$times_from" "$list" |
        sort -s -t "$(printf '\t')" -k1,1rn | cut -f2- >"$order"
else
    cp "$list" "$order"
fi
# each line "KIND PATH" becomes one run of run-one.sh, JOBS at a time
xargs -r -P "$JOBS" -L 1 sh -c 'exec sh tests/run-one.sh "$1" "$2" "$0"' "$results" <"$order"

pass=0
fail=0
skip=0
left=0
lefts=""
failed=""
# results in a stable order: cases, scripts, then unit tests
while read -r kind path; do
    [ -n "$kind" ] || continue
    name=$(basename "$path" .sh)
    [ "$kind" = unit ] && name=unit-${path##*/test_}
    r="$results/$name"
    if [ ! -f "$r" ]; then
        fail=$((fail + 1)) failed="$failed $name"
        echo "FAIL $name: no result (the runner was interrupted?)"
        continue
    fi
    case $(head -1 "$r") in
    pass) pass=$((pass + 1)) ;;
    skip) skip=$((skip + 1)); sed 1d "$r" ;;
    left) left=$((left + 1)) lefts="$lefts $name" ;;
    *) fail=$((fail + 1)) failed="$failed $name"; sed 1d "$r" ;;
    esac
done <<EOF2
$(grep '^case ' "$list"; grep '^script ' "$list"; grep '^unit ' "$list")
EOF2
# each test's wall time and CPU time in ms, slowest first:
# $BUILD/test-times.txt, lines "WALL CPU NAME"; the tests a subset (TESTS)
# left out keep their last times there, for the next run's order
touch "$results/.times"
sort -rn "$results/.times" >"$results/.sorted"
ran=$(awk '{ w += $1; c += $2 } END { printf "%d tests: %.1f s wall, %.1f s CPU", NR, w / 1000, c / 1000 }' \
    "$results/.times")
[ -f "$BUILD/test-times.txt" ] && awk 'NR == FNR { seen[$NF] = 1; next } !($NF in seen)' \
    "$results/.times" "$BUILD/test-times.txt" >>"$results/.times"
sort -rn "$results/.times" >"$BUILD/test-times.txt" 2>/dev/null
if [ -n "${TIMES:-}" ]; then
    echo "slowest tests (wall ms, CPU ms):"
    head -"${TIMES}" "$results/.sorted" | sed 's/^/  /'
    echo "  the $ran"
fi
rm -rf "$results"

[ -n "$failed" ] && echo "failed:$failed"
summary="$pass passed, $fail failed"
[ "$skip" = 0 ] || summary="$summary, $skip skipped"
# tests that are another program's work, run by the normal pass only
# (lib.sh's normal_pass_only)
[ "$left" = 0 ] || summary="$summary, $left left to the normal pass ($(echo $lefts | sed 's/ /, /g'))"
echo "$summary"
[ "$fail" = 0 ]
