# lib.sh - helpers for the scenario scripts tests/t-*.sh (sourced, POSIX sh).
# run.sh sets SLACHECK (may hold a wrapper and its options: keep it unquoted),
# FIX (generated fixtures), EX (examples), ROOT and a private TMP.
set -u
: "${ROOT:?run through tests/run.sh}" "${TMP:?run through tests/run.sh}"
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# run CMD...: stdout in $TMP/out, stderr in $TMP/err, exit status in $rc
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

# expect_rc N WHAT: the last run exited N
expect_rc() {
    [ "$rc" = "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/    stderr: /' "$TMP/err" | head -5; }
}

# jcheck FILE EXPR...: Python assertions on a JSON file (tests/check_json.py)
jcheck() {
    python3 "$ROOT/tests/check_json.py" "$@" || failures=$((failures + 1))
}

# err_has TEXT WHAT / out_has TEXT WHAT: fixed string in stderr / stdout
err_has() {
    grep -qF -- "$1" "$TMP/err" || { fail "$2: stderr lacks: $1"; sed 's/^/    stderr: /' "$TMP/err" | head -5; }
}
out_has() {
    grep -qF -- "$1" "$TMP/out" || fail "$2: stdout lacks: $1"
}

finish() {
    [ "$failures" = 0 ] && { echo "ok"; exit 0; }
    echo "$failures failure(s)"
    exit 1
}
