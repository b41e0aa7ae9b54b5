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

# openpyxl_python: PY, the python3 that has openpyxl (Debian's
# python3-openpyxl; a pyenv python3 first on PATH may not see it); the test
# fails at once without one
openpyxl_python() {
    PY=
    for p in python3 /usr/bin/python3; do
        "$p" -c 'import openpyxl' 2>/dev/null && { PY=$p; return 0; }
    done
    skip "no python3 with openpyxl (apt-get install python3-openpyxl)"
}

# hostile_tsv SEED OUT <<'EOF' ... EOF: OUT is SEED (a TSV checklist) with
# the answers and remarks of its first items replaced, answers in order and
# remarks in reverse, by the Python string literals on stdin (a list's
# items, without the brackets); a failure if the seed has too few items
hostile_tsv() {
    "${PY:-python3}" -c '
import ast, sys
src, dst = sys.argv[1], sys.argv[2]
hostile = ast.literal_eval("[" + sys.stdin.read() + "]")
def q(s):
    return "\"" + s.replace("\"", "\"\"") + "\""
out, n = [], 0
for line in open(src, encoding="utf-8").read().split("\n"):
    cells = line.split("\t")
    if n < len(hostile) and len(cells) == 7 and cells[0].isdigit() and "\"" not in line:
        cells[5] = q(hostile[n])
        cells[6] = q(hostile[len(hostile) - 1 - n])
        n += 1
    out.append("\t".join(cells))
assert n == len(hostile), n
open(dst, "w", encoding="utf-8").write("\n".join(out))
' "$@" || failures=$((failures + 1))
}

# skip REASON: the test cannot run here (an optional tool is missing); run.sh
# counts it as skipped and prints the reason. Exit status 77, as automake's.
skip() {
    echo "SKIP: $*"
    exit 77
}

# unchecked REASON: an optional tool that one part of the test needs is
# missing; that part is left out, the rest runs, and finish reports SKIP with
# the reasons (a failure elsewhere still fails): never a silent pass
unchecked=
unchecked() {
    echo "unchecked: $*"
    unchecked="${unchecked:+$unchecked; }$*"
}

# outside_reader NAME: 0 when this pass runs the checks an outside reader
# (LibreOffice, the Nu Html Checker, Chromium, the SARIF Multitool) makes of
# slacheck's outputs. `make check` runs the suite twice, on the normal build
# and under the sanitizers, and the second pass sets SLC_OUTSIDE_READERS=0:
# the two builds write the same bytes, which the outside readers already
# read in the first pass, so they are left out there (said, not skipped).
outside_reader() {
    [ "${SLC_OUTSIDE_READERS:-1}" = 0 ] || return 0
    echo "left out in this pass: $1 read the same outputs in the normal pass"
    return 1
}

# normal_pass_only WHAT: the whole test is another program's work (WHAT:
# dpkg-buildpackage, pre-commit) with no C path of its own to put under the
# sanitizers; in the second pass of `make check` (SLC_OUTSIDE_READERS=0) it
# stops here, exit status 78, and run.sh counts it as "left to the normal
# pass", which ran it. `make asan` alone runs it.
normal_pass_only() {
    [ "${SLC_OUTSIDE_READERS:-1}" = 0 ] || return 0
    echo "LEFT: $1: the normal pass ran it"
    exit 78
}

# ontty OUT VAR=VALUE... -- ARGS...: slacheck ARGS with standard output on a
# pseudo-terminal (tests/pty_run.py: NO_COLOR and FORCE_COLOR removed, then
# the VAR=VALUE given); what it wrote in OUT, its exit status in $rc
ontty() {
    out=$1
    shift
    vars=
    while [ "$1" != -- ]; do
        vars="$vars $1"
        shift
    done
    shift
    # shellcheck disable=SC2086 # SLACHECK and vars: words on purpose
    python3 "$ROOT/tests/pty_run.py" "$out" $vars -- $SLACHECK "$@"
    rc=$?
}

# unix_only REASON: the test needs what a Windows program cannot be given
# under Wine (a pseudo-terminal, a FIFO ...); `make check-windows` sets
# SLC_WINE=1 and the test is skipped there with the reason.
unix_only() {
    [ -z "${SLC_WINE:-}" ] || skip "under Wine: $*"
}

# have_tool CMD: CMD (a name on PATH or a path) can be run
have_tool() {
    command -v "$1" >/dev/null 2>&1
}

# xmllint ARGS...: the real xmllint (XMLLINT overrides the command); when it
# is missing, the check is left out (unchecked) and counts as passed
XMLLINT=${XMLLINT:-xmllint}
xmllint() {
    if have_tool "$XMLLINT"; then
        command "$XMLLINT" "$@"
    else
        case "$unchecked" in *xmllint*) ;; *) unchecked "xmllint is not installed (Debian libxml2-utils)" ;; esac
        return 0
    fi
}

finish() {
    [ "$failures" = 0 ] && [ -n "$unchecked" ] && skip "$unchecked"
    [ "$failures" = 0 ] && { echo "ok"; exit 0; }
    echo "$failures failure(s)"
    exit 1
}
