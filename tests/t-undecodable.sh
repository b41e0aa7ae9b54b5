#!/bin/sh
# t-undecodable.sh - one cell that cannot be decoded (Qlingo in UTF-8 with
# item 30's answer pasted in as CP932 bytes) is one undecodable-text finding
# naming the item, the cell, its line, column and byte offset, not one per
# bad sequence without an item; the answer states nothing else (no
# quantity-missing); every report shows the cell as undecodable, never the
# U+FFFD-riddled rest. A cell holding U+FFFD itself (text already lost before
# the file was written) is reported and marked the same way.
. "$ROOT/tests/lib.sh"
cd "$TMP" || exit 2
MARK='[undecodable text / 文字化け]'

python3 - "$EX/qlingo.tsv" <<'PY' || failures=$((failures + 1))
import sys
data = open(sys.argv[1], "rb").read()
ans = "バックアップデータの保存期間は最大で1週間となります。"
assert data.count(ans.encode("utf-8")) == 1
at = data.index(ans.encode("utf-8"))
open("sjis-cell.tsv", "wb").write(data.replace(ans.encode("utf-8"), ans.encode("cp932")))
open("sjis-cell.offset", "w").write(str(at))
text = data.decode("utf-8").replace("【有】把握しております。", "【有】把握して\ufffd\ufffdります。")
open("fffd-cell.tsv", "w", encoding="utf-8").write(text)
PY
OFF=$(cat sjis-cell.offset)

run $SLACHECK validate sjis-cell.tsv
expect_rc 1 "validate sjis-cell.tsv"
[ "$(grep -c 'undecodable-text' "$TMP/out")" = 1 ] || fail "one undecodable-text finding, got: $(grep -c undecodable-text "$TMP/out")"
out_has "sjis-cell.tsv:43: error: [undecodable-text] item 30 (Backup retention period): the answer cell cannot be read: bytes 0x83 at byte offset $OFF are not valid UTF-8 (21 bad sequences in the cell)" "text"
grep -q 'item 30 .*quantity-missing\|quantity-missing.* item 30 ' "$TMP/out" && fail "no quantity-missing for the undecodable answer"
grep -q "$(printf '\357\277\275')" "$TMP/out" && fail "validate text shows U+FFFD"
run $SLACHECK validate --lang ja sjis-cell.tsv
out_has "sjis-cell.tsv:43: error: [undecodable-text] 項目 30（バックアップデータの保存期間）の回答セルが読めません: バイトオフセット $OFF のバイト 0x83 は UTF-8 として不正です（このセルに 21 か所）" "text ja"

run $SLACHECK validate --format json sjis-cell.tsv
expect_rc 1 "validate --format json sjis-cell.tsv"
cp "$TMP/out" sjis-cell.json
jcheck sjis-cell.json \
    "[(g['item'], g['line'], g['column'], g['cell'], g['found'], g['offset'], g['sequences']) for g in f['findings'] if g['rule'] == 'undecodable-text'] == [(30, 43, 45, 'answer', '0x83', $OFF, 21)]" \
    "[g for g in f['findings'] if g['item'] == 30 and g['rule'] != 'undecodable-text'] == []"

# reports: the cell is marked, no U+FFFD anywhere
for fmt in md html json tsv csv; do
    run $SLACHECK export sjis-cell.tsv -o "report.$fmt"
    expect_rc 0 "export -o report.$fmt"
    grep -qF "$MARK" "report.$fmt" || grep -qF "$(printf '%s' "$MARK" | sed 's/\[/\\[/; s/\]/\\]/')" "report.$fmt" ||
        fail "report.$fmt: no mark for the undecodable cell"
    grep -q "$(printf '\357\277\275')" "report.$fmt" && fail "report.$fmt shows U+FFFD"
done
run $SLACHECK export sjis-cell.tsv -o report.xlsx
expect_rc 0 "export -o report.xlsx"
python3 - report.xlsx "$MARK" <<'PY' || failures=$((failures + 1))
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
if sys.argv[2] not in text:
    sys.exit("FAIL: report.xlsx: no mark for the undecodable cell")
if "\ufffd" in text:
    sys.exit("FAIL: report.xlsx shows U+FFFD")
PY
run $SLACHECK diff sjis-cell.tsv "$EX/qlingo.tsv" --all
grep -q "$(printf '\357\277\275')" "$TMP/out" && fail "diff text shows U+FFFD"
run $SLACHECK diff --format json sjis-cell.tsv "$EX/qlingo.tsv" --all
cp "$TMP/out" diff.json
jcheck diff.json "[a.get('undecodable') for i in d['items'] if i['no'] == 30 for a in i['answers']] == [['answer'], None]"

# a cell that holds U+FFFD itself: the same finding, without bytes
run $SLACHECK validate --format json fffd-cell.tsv
cp "$TMP/out" fffd-cell.json
jcheck fffd-cell.json \
    "[(g['rule'], g['item'], g['cell'], 'offset' in g) for g in f['findings'] if g['rule'] == 'undecodable-text'] == [('undecodable-text', 49, 'answer', False)]" \
    "[g['message'] for g in f['findings'] if g['rule'] == 'undecodable-text'] == ['item 49 (Data storage location policy): the answer cell cannot be read: it holds characters that could not be decoded (U+FFFD)']"
run $SLACHECK export fffd-cell.tsv -o fffd.md
grep -qF "把握して" fffd.md && fail "fffd.md shows what is left of the cell"

finish
