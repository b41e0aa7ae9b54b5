#!/bin/sh
# run.sh - the whole test suite: generated fixtures, case directories,
# scenario scripts. Prints one closing line "N passed, N failed" and exits
# non-zero if anything failed.
#
# Environment: BUILD (build directory, default build), SLC_WRAP (a command
# to run slacheck under, e.g. valgrind), TESTS (a pattern to run a subset).
#
# A case is a directory tests/cases/NAME/ holding
#   cmd              a shell command line; $SLACHECK, $FIX, $EX, $TMP are set
#   exit             the expected exit status (default 0)
#   stdout           the exact expected standard output (optional)
#   stdout-contains  lines that must each appear in standard output (optional)
#   stderr-contains  lines that must each appear in standard error (optional)
#   stdout-lacks     lines that must not appear in standard output (optional)
# A scenario is an executable tests/t-NAME.sh that exits 0 when it passes.
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
unset NO_COLOR COLUMNS

rm -rf "$FIX" && mkdir -p "$FIX" &&
    python3 tests/gen_fixtures.py "$FIX" || { echo "fixture generation failed"; echo "0 passed, 1 failed"; exit 1; }

pass=0
fail=0
failed=""
pattern=${TESTS:-}

# record a result: ok 1|0, the test's name, what to print on failure
record() {
    if [ "$1" = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        failed="$failed $2"
        printf '%s\n' "$3"
    fi
}

for dir in tests/cases/*/; do
    [ -f "$dir/cmd" ] || continue
    name=$(basename "$dir")
    case "$name" in *"$pattern"*) ;; *) continue ;; esac
    TMP=$(mktemp -d)
    export TMP
    expected_exit=0
    [ -f "$dir/exit" ] && expected_exit=$(cat "$dir/exit")
    sh -c "$(cat "$dir/cmd")" >"$TMP/.out" 2>"$TMP/.err"
    status=$?
    ok=1
    why=""
    if [ "$status" != "$expected_exit" ]; then
        ok=0
        why="exit $status, expected $expected_exit"
    fi
    if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$TMP/.out"; then
        ok=0
        why="$why; stdout differs: $(diff "$dir/stdout" "$TMP/.out" | head -5)"
    fi
    for kind in stdout-contains stderr-contains stdout-lacks; do
        [ -f "$dir/$kind" ] || continue
        src="$TMP/.out"
        [ "$kind" = stderr-contains ] && src="$TMP/.err"
        while IFS= read -r line || [ -n "$line" ]; do
            [ -z "$line" ] && continue
            if [ "$kind" = stdout-lacks ]; then
                grep -qF -- "$line" "$src" && { ok=0; why="$why; stdout has: $line"; }
            else
                grep -qF -- "$line" "$src" || { ok=0; why="$why; $kind missing: $line"; }
            fi
        done <"$dir/$kind"
    done
    record "$ok" "$name" "FAIL case $name: $why
$(sed 's/^/  stderr: /' "$TMP/.err" | head -5)"
    rm -rf "$TMP"
done

for t in tests/t-*.sh; do
    [ -e "$t" ] || continue
    name=$(basename "$t" .sh)
    case "$name" in *"$pattern"*) ;; *) continue ;; esac
    TMP=$(mktemp -d)
    export TMP
    ok=1
    sh "$t" >"$TMP/.log" 2>&1 || ok=0
    record "$ok" "$name" "FAIL $name
$(sed 's/^/  /' "$TMP/.log" | tail -15)"
    rm -rf "$TMP"
done

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
