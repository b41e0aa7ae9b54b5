#!/bin/sh
# t-number-bounds.sh - numbers that do not fit are refused, never read:
# 1 followed by 400 zeros (inf as a double) gave a quantity fact without a
# value and "≤ inf hours"; now it gives no fact and an impossible-value
# finding, and no output holds inf or NaN. -5件 gives no count of 5.
. "$ROOT/tests/lib.sh"
W=$TMP/w
mkdir -p "$W"
python3 - "$EX/qlingo.tsv" "$W/num.tsv" <<'PY' || fail "cannot write num.tsv"
import sys
big = "1" + "0" * 400
answers = {"12": "-5件", "15": big + "時間以内", "16": "1" + "0" * 20 + "時間"}
out = []
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    cells = line.split("\t")
    if len(cells) >= 6 and cells[0] in answers:
        cells[5] = answers[cells[0]]
    out.append("\t".join(cells))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
run $SLACHECK convert "$W/num.tsv" -o "$W/num.json"
expect_rc 0 "convert num.tsv"
jcheck "$W/num.json" "QT(12) == []" "QT(15) == []" "QT(16) == []" \
    "all('value' in x for i in d['items'] for x in i.get('facts', []) if x['type'] in ('quantity',))"
grep -qiE '(^|[^a-z])(inf|nan)([^a-z]|$)|Infinity' "$W/num.json" && fail "num.json holds inf or NaN"
run $SLACHECK validate --format json "$W/num.tsv"
cp "$TMP/out" "$W/v.json"
jcheck "$W/v.json" \
    "sorted(x['item'] for x in f['findings'] if x['rule'] in ('impossible-value',)) == [12, 15, 16]"
grep -qiE '(^|[^a-z])(inf|nan)([^a-z]|$)|Infinity' "$W/v.json" && fail "validate JSON holds inf or NaN"
run $SLACHECK validate "$W/num.tsv"
grep -q "inf hours" "$TMP/out" "$TMP/err" && fail "text report says inf hours"
finish
