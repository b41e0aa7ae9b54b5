#!/bin/sh
# t-xlsx-cell-limit.sh - an answer longer than an Excel cell holds (32,767
# UTF-16 units) no longer makes XLSX reports fail (exit 5): export writes
# the workbook with the cell cut at the limit and marked ("… (truncated)",
# 「…（以下省略）」), warns naming the file, the item and that the full text
# is in the other formats, and JSON keeps the whole answer. Cuts never split
# a character (an emoji is two units) and hold with "_xHHHH_" text, which
# the writer escapes longer. Read back with openpyxl.
. "$ROOT/tests/lib.sh"
openpyxl_python
W=$TMP/w
mkdir -p "$W"
# items 1-3: long answers; item 1's remarks long too
"$PY" - "$EX/active-gate-ss.tsv" "$W/long.tsv" <<'PY' || fail "cannot write long.tsv"
import sys
src, dst = sys.argv[1], sys.argv[2]
long = {"1": "長" * 40000, "2": "🙂" * 17000, "3": "_x0041_" * 5000}
out = []
for line in open(src, encoding="utf-8").read().split("\n"):
    cells = line.split("\t")
    if len(cells) == 7 and cells[0] in long:
        cells[5] = long[cells[0]]
        if cells[0] == "1":
            cells[6] = "備" * 33000
    out.append("\t".join(cells))
open(dst, "w", encoding="utf-8").write("\n".join(out))
PY

# cell UNITS TAIL: every text cell of the workbook is at most 32,767 UTF-16
# units; the ones cut end with TAIL; prints how many were cut
cells() {
    "$PY" - "$1" "$2" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cut = 0
for ws in wb:
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str):
                continue
            units = len(c.value.encode("utf-16-le")) // 2
            assert units <= 32767, (ws.title, c.coordinate, units)
            if units > 32000:
                assert c.value.endswith(sys.argv[2]), (ws.title, c.coordinate, c.value[-20:])
                cut += 1
print(cut)
PY
}

run $SLACHECK export "$W/long.tsv" "$EX/qlingo.tsv" -o "$W/en.xlsx"
expect_rc 0 "export with a 40,000-character answer"
err_has "item 1 (" "warning names the item"
err_has "the answer is longer than an XLSX cell holds" "warning says what"
err_has "full text is in the other formats" "warning says where the rest is"
err_has "long.tsv" "warning names the file"
n=$(cells "$W/en.xlsx" "… (truncated)") || fail "en.xlsx: a cell over the limit or unmarked"
[ "${n:-0}" -ge 4 ] || fail "en.xlsx: $n cells cut, expected the three answers and a remark"

run $SLACHECK export --lang ja "$W/long.tsv" -o "$W/ja.xlsx"
expect_rc 0 "export --lang ja"
err_has "警告" "ja warning"
err_has "項目 1（" "ja warning names the item"
err_has "全文は他の形式" "ja warning says where the rest is"
cells "$W/ja.xlsx" "…（以下省略）" >/dev/null || fail "ja.xlsx: a cell over the limit or unmarked"

# the other formats keep the whole answer
run $SLACHECK export "$W/long.tsv" -o "$W/full.json"
expect_rc 0 "export json"
"$PY" - "$W/full.json" <<'PY' || fail "full.json: the long answer is not whole"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = json.dumps(d, ensure_ascii=False)
assert "長" * 40000 in s and "🙂" * 17000 in s
PY

finish
