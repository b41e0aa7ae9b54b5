#!/bin/sh
# t-bare-number.sh - a bare number typed into the template (「7」 in the
# generations item, 「99.9」 in the availability item) is in the item's
# unit (issue 14): 7 generations, 99.9 %, and no quantity-missing.
. "$ROOT/tests/lib.sh"
cd "$TMP" || exit 2

python3 - "$EX/qlingo.tsv" <<'PY' || failures=$((failures + 1))
import sys
out = []
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    c = line.split("\t")
    if c[0] == "32":
        c[5] = "7"
    elif c[0] == "5":
        c[5] = "99.9"
    out.append("\t".join(c))
open("bare.tsv", "w", encoding="utf-8").write("\n".join(out))
PY

run $SLACHECK convert bare.tsv -o - --format json
expect_rc 0 "convert bare.tsv"
cp "$TMP/out" bare.json
jcheck bare.json \
    "[(x['summary'], x['text']) for i in d['items'] if i['no'] == 32 for x in i['facts']] == [('7 generations', '7')]" \
    "[(x['summary'], x['text']) for i in d['items'] if i['no'] == 5 for x in i['facts']] == [('99.9%', '99.9')]"

run $SLACHECK validate --format json bare.tsv
cp "$TMP/out" bare-v.json
jcheck bare-v.json \
    "[(g['rule'], g['item']) for g in f['findings'] if g['item'] in (5, 32) and g['rule'] == 'quantity-missing'] == []"

finish
