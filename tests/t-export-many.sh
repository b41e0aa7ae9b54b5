#!/bin/sh
# t-export-many.sh - export with several -o reads the vendors once and
# writes each report as a run with that -o alone would (byte for byte);
# one report that cannot be written leaves the others written (exit 5);
# a repeated output, or --format with several -o, is refused before any work.
set -u
export SOURCE_DATE_EPOCH=1700000000
A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
mkdir -p "$TMP/one" "$TMP/many"
for f in xlsx html md json tsv csv; do
    $SLACHECK export "$A" "$Q" -o "$TMP/one/r.$f" || { echo "FAIL: export -o r.$f"; exit 1; }
done
$SLACHECK export "$A" "$Q" -o "$TMP/many/r.xlsx" -o "$TMP/many/r.html" -o "$TMP/many/r.md" \
    -o "$TMP/many/r.json" -o "$TMP/many/r.tsv" -o "$TMP/many/r.csv" || { echo "FAIL: export with six -o"; exit 1; }
for f in xlsx html md json tsv csv; do
    cmp -s "$TMP/one/r.$f" "$TMP/many/r.$f" || { echo "FAIL: r.$f differs from a run with -o r.$f alone"; exit 1; }
done
# one output in a missing directory: the others are written, exit 5
rm -f "$TMP/many"/*
$SLACHECK export "$A" "$Q" -o "$TMP/many/r.html" -o "$TMP/no-such-dir/r.xlsx" -o "$TMP/many/r.md" 2>"$TMP/err"
[ $? = 5 ] || { echo "FAIL: a report that cannot be written: expected exit 5"; exit 1; }
grep -q 'no-such-dir' "$TMP/err" || { echo "FAIL: the failed report is not named"; cat "$TMP/err"; exit 1; }
cmp -s "$TMP/one/r.html" "$TMP/many/r.html" && cmp -s "$TMP/one/r.md" "$TMP/many/r.md" ||
    { echo "FAIL: the other reports were not written"; exit 1; }
# refused before any work: nothing written
rm -f "$TMP/many"/*
$SLACHECK export "$A" "$Q" -o "$TMP/many/r.html" -o "$TMP/many/r.html" 2>"$TMP/err"
[ $? = 2 ] || { echo "FAIL: the same -o twice: expected exit 2"; exit 1; }
$SLACHECK export "$A" "$Q" -o "$TMP/many/r.html" -o "$TMP/many/r.md" --format md 2>"$TMP/err"
[ $? = 2 ] || { echo "FAIL: --format with several -o: expected exit 2"; exit 1; }
$SLACHECK export "$A" "$Q" -o "$TMP/many/r.html" -o "$A" 2>"$TMP/err"
[ $? = 2 ] || { echo "FAIL: an input among the -o: expected exit 2"; exit 1; }
[ -z "$(ls "$TMP/many")" ] || { echo "FAIL: a refused run wrote $(ls "$TMP/many")"; exit 1; }
echo ok
