#!/bin/sh
# t-convert-output.sh - output files: convert never overwrites its input
# (exit 2), -o into a missing directory fails with exit 5 and leaves nothing,
# a failed conversion leaves an existing output file as it was, and no
# temporary file is left behind.
. "$ROOT/tests/lib.sh"

W=$TMP/w
mkdir "$W" || exit 2
cp "$EX/qlingo.tsv" "$W/in.tsv" && chmod u+w "$W/in.tsv"

# the input as output, under several spellings
for out in "$W/in.tsv" "$W/./in.tsv" "$W/../w/in.tsv"; do
    run $SLACHECK convert "$W/in.tsv" -o "$out"
    expect_rc 2 "convert in.tsv -o $out"
    err_has "refusing to overwrite an input file" "convert in.tsv -o $out"
done
ln -s in.tsv "$W/link.tsv"
run $SLACHECK convert "$W/in.tsv" -o "$W/link.tsv"
expect_rc 2 "convert in.tsv -o link.tsv (a symlink to the input)"
run $SLACHECK convert "$W/link.tsv" -o "$W/in.tsv"
expect_rc 2 "convert link.tsv -o in.tsv"
cmp -s "$W/in.tsv" "$EX/qlingo.tsv" || fail "the input was changed"
[ -L "$W/link.tsv" ] || fail "the symlink was replaced"

# a missing directory: exit 5, nothing created
run $SLACHECK convert "$W/in.tsv" -o "$W/nodir/out.json"
expect_rc 5 "convert -o nodir/out.json"
err_has "nodir/out.json" "convert -o nodir/out.json"
[ -e "$W/nodir" ] && fail "convert created $W/nodir"
run $SLACHECK validate -o "$W/nodir/report.txt" "$W/in.tsv"
expect_rc 5 "validate -o nodir/report.txt"
[ -e "$W/nodir" ] && fail "validate created $W/nodir"

# a failed conversion leaves the existing output alone
printf 'precious\n' >"$W/out.json"
for bad in sjis-invalid.tsv invalid-byte.tsv binary.bin empty.tsv csv-broken-quote.csv; do
    run $SLACHECK convert "$FIX/$bad" -o "$W/out.json"
    expect_rc 3 "convert $bad -o out.json"
    [ "$(cat "$W/out.json")" = precious ] || fail "convert $bad damaged out.json"
done
run $SLACHECK convert --encoding cp932 "$W/in.tsv" -o "$W/out.json"
expect_rc 3 "convert --encoding cp932 (UTF-8 input) -o out.json"
[ "$(cat "$W/out.json")" = precious ] || fail "forced cp932 damaged out.json"
run $SLACHECK convert --format xml "$W/in.tsv" -o "$W/out.json"
expect_rc 2 "convert --format xml"
[ "$(cat "$W/out.json")" = precious ] || fail "convert --format xml damaged out.json"
run $SLACHECK convert --checklist "$W/in.tsv" "$W/in.tsv" -o "$W/out.json"
expect_rc 4 "convert --checklist (not XML)"
[ "$(cat "$W/out.json")" = precious ] || fail "a bad checklist damaged out.json"

# ... and a good one replaces it
run $SLACHECK convert "$W/in.tsv" -o "$W/out.json"
expect_rc 0 "convert in.tsv -o out.json"
jcheck "$W/out.json" "len(d['items']) == 49"

# no temporary files left anywhere
left=$(find "$W" -name '*.tmp-*')
[ -z "$left" ] || fail "temporary files left: $left"

# -o - is standard output (TSV unless --format says otherwise)
run $SLACHECK convert "$W/in.tsv" -o -
expect_rc 0 "convert -o -"
grep -q "$(printf '^18\t信頼性\tログの取得\t')" "$TMP/out" || fail "convert -o - is not the canonical TSV"
run $SLACHECK convert "$W/in.tsv" -o - --format json
expect_rc 0 "convert -o - --format json"
cp "$TMP/out" "$TMP/stdout.json"
jcheck "$TMP/stdout.json" "items[18]['answer'] == 'ログの取得は行っていますが、ログ提供は行っていません。'"
run $SLACHECK convert "$W/in.tsv" -o "$W/out.txt"
expect_rc 0 "convert -o out.txt (.txt is TSV)"
run $SLACHECK convert "$W/in.tsv" -o "$W/out.xml"
expect_rc 2 "convert -o out.xml (no format for .xml)"
[ -e "$W/out.xml" ] && fail "convert -o out.xml created the file"

# validate -o writes the report atomically too
run $SLACHECK validate --format json -o "$W/report.json" "$FIX/cp932-crlf.csv"
expect_rc 0 "validate -o report.json"
[ -s "$TMP/out" ] && fail "validate -o report.json also wrote to stdout"
jcheck "$W/report.json" "f['encoding'] == 'windows-31j'"

finish
