#!/bin/sh
# t-jobs.sh - reading on several threads (--jobs) changes nothing but the
# time: for validate (every format), diff and export, -j 1, -j 2 and -j 7
# give byte-identical output, the same messages on stderr in the same order
# and the same exit status, with unreadable files among good ones.
set -u
files=""
for f in "$FIX"/*.tsv "$FIX"/*.csv "$FIX"/binary.bin "$EX"/*.tsv "$FIX/no-such-file.tsv"; do
    files="$files $f"
done
set -- $files
[ $# -gt 40 ] || { echo "FAIL: expected over 40 files, have $#"; exit 1; }
same() {   # label, then the command after "--jobs N"
    label=$1
    shift
    for j in 1 2 7; do
        "$@" --jobs $j >"$TMP/out.$j" 2>"$TMP/err.$j"
        echo $? >"$TMP/rc.$j"
    done
    for j in 2 7; do
        for k in out err rc; do
            cmp -s "$TMP/$k.1" "$TMP/$k.$j" || {
                echo "FAIL: $label: $k differs between --jobs 1 and --jobs $j"
                diff "$TMP/$k.1" "$TMP/$k.$j" | head -5
                exit 1
            }
        done
    done
    [ -s "$TMP/out.1" ] || { echo "FAIL: $label: no output"; exit 1; }
}
for fmt in text json github sarif junit md codequality; do
    same "validate --format $fmt" $SLACHECK validate --format $fmt "$@"
    [ $fmt = json ] && cp "$TMP/out.1" "$TMP/validate.json"
done
[ "$(cat "$TMP/rc.1")" = 3 ] || { echo "FAIL: validate with unreadable files: exit $(cat "$TMP/rc.1"), expected 3"; exit 1; }
grep -q 'no-such-file.tsv' "$TMP/err.1" || { echo "FAIL: the missing file is not told"; exit 1; }
# every file's findings, in the order given
python3 - "$TMP/validate.json" "$@" <<'PY' || exit 1
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
got = [f["path"] for f in doc["files"]]
want = [p for p in sys.argv[2:] if p in got]
if got != want or len(got) < 40:
    sys.exit("FAIL: files out of order or missing: %d of %d" % (len(got), len(sys.argv) - 2))
PY
good=$(ls "$FIX"/rule-*.tsv "$EX"/*.tsv)
same "diff" $SLACHECK diff --format json $good
same "export" $SLACHECK export -o - --format json $good
# a profile's requirements too
same "validate --profile" $SLACHECK validate --format json --profile "$EX/profiles/personal-data-strict.xml" $good
# standard input named twice is read once, as with --jobs 1 (never by two threads)
for j in 1 2; do
    $SLACHECK validate --format json --jobs $j - - <"$EX/qlingo.tsv" >"$TMP/stdin.$j" 2>&1
    echo $? >>"$TMP/stdin.$j"
done
cmp -s "$TMP/stdin.1" "$TMP/stdin.2" || { echo "FAIL: '- -' differs between --jobs 1 and 2"; exit 1; }
for bad in 0 257 x -1; do
    $SLACHECK validate --jobs "$bad" "$EX/qlingo.tsv" >/dev/null 2>"$TMP/e"
    [ $? = 2 ] || { echo "FAIL: --jobs $bad: expected exit 2"; exit 1; }
    grep -q -- '--jobs' "$TMP/e" || { echo "FAIL: --jobs $bad: no message"; cat "$TMP/e"; exit 1; }
done
echo ok
