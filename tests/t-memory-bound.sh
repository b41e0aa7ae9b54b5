#!/bin/sh
# t-memory-bound.sh - peak memory stays a small multiple of the input:
# 64 MiB of tabs (67k rows of 999 empty cells, inside the documented
# limits) peaked at 1.8 GB; empty cells now share one string and those at
# a row's end are not kept, so the peak (max RSS, /usr/bin/time -v) is at
# most 8 x the file size + 64 MiB. Rows whose cells are not empty at the end
# stop at the table's cell limit (4,000,000) with an error naming it.
. "$ROOT/tests/lib.sh"
case "$SLACHECK" in *valgrind*) skip "under valgrind: memory is valgrind's, and 64 MiB too slow" ;; esac
[ -x /usr/bin/time ] || skip "no /usr/bin/time (Debian time) to measure max RSS"
ldd "$ROOT/$BUILD/slacheck" 2>/dev/null | grep -q libasan && skip "ASan build: its shadow memory is no measure"
W=$TMP/w
mkdir -p "$W"
python3 - "$EX/qlingo.tsv" "$W" <<'PY' || fail "cannot write the files"
import sys
q = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
with open(sys.argv[2] + "/tabs.tsv", "w", encoding="utf-8") as f:
    f.write(q + ("\t" * 998 + "\n") * 67000)
with open(sys.argv[2] + "/tabsx.tsv", "w", encoding="utf-8") as f:
    f.write(q + ("\t" * 997 + "x\n") * 67000)
PY
size=$(wc -c <"$W/tabs.tsv")
[ "$size" -gt 60000000 ] || fail "tabs.tsv is only $size bytes"
/usr/bin/time -v $SLACHECK validate "$W/tabs.tsv" >"$TMP/out" 2>"$TMP/err"
rc=$?
case $rc in 0 | 1) ;; *) fail "64 MiB of tabs: exit $rc" ;; esac
kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$TMP/err")
bound=$((size * 8 / 1024 + 65536))
[ -n "$kb" ] || fail "no max RSS from /usr/bin/time"
[ "${kb:-0}" -le "$bound" ] || fail "64 MiB of tabs peaked at $kb KiB, more than $bound KiB (8 x the file + 64 MiB)"
run $SLACHECK validate "$W/tabsx.tsv"
expect_rc 3 "67k rows of 998 cells before an x"
err_has "more than 4000000 cells in the table" "the cell limit, named"
finish
