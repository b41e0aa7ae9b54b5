#!/bin/sh
# t-progress.sh - a long validate batch shows its progress on a terminal's
# stderr (files done, rate, time left), and never with --quiet or when
# stderr is not a terminal; standard output is the same either way.
# `script` (util-linux) gives the run a pseudo-terminal.
. "$ROOT/tests/lib.sh"

command -v script >/dev/null || skip "no script(1) (util-linux) to give the run a terminal"
case "${SLC_WRAP:-}" in *valgrind*) skip "progress timing is not checked under valgrind" ;; esac
# a batch long enough (seconds) for the progress line: 4000 files; 1000
# on an ASan build, where each file takes about five times as long
n=4000
ldd "$ROOT/$BUILD/slacheck" 2>/dev/null | grep -q libasan && n=1000
files=""
i=0
while [ $i -lt $n ]; do
    files="$files $EX/qlingo.tsv"
    i=$((i + 1))
done
echo "$SLACHECK validate$files >$TMP/tty.out" >"$TMP/run.sh"
script -q -e -c "sh $TMP/run.sh" "$TMP/typescript" >/dev/null 2>&1
tr '\r' '\n' <"$TMP/typescript" | grep -a "/$n files, .* files/s, .* s left" >/dev/null ||
    fail "no progress line on a terminal: $(tr '\r' '\n' <"$TMP/typescript" | tail -n 3)"
echo "$SLACHECK validate --quiet$files >$TMP/quiet.out" >"$TMP/run-q.sh"
script -q -e -c "sh $TMP/run-q.sh" "$TMP/typescript-q" >/dev/null 2>&1
grep -a "files/s" "$TMP/typescript-q" >/dev/null && fail "progress shown with --quiet"
# shellcheck disable=SC2086  # the same path n times
$SLACHECK validate $files >"$TMP/plain.out" 2>"$TMP/plain.err"
grep -q "files/s" "$TMP/plain.err" && fail "progress shown when stderr is not a terminal"
cmp -s "$TMP/tty.out" "$TMP/plain.out" || fail "standard output differs with a terminal on stderr"
cmp -s "$TMP/quiet.out" "$TMP/plain.out" || fail "standard output differs with --quiet"
finish
