#!/bin/sh
# t-xlsx-input.sh - the XLSX authoring format and XLSX input:
#   - `template --format xlsx`, read back by openpyxl (not by us): cover and
#     checklist sheets, 49 item rows, item cells locked and answer cells
#     unlocked, sheet protection without password, 有/無/該当なし lists (that
#     still take free text) on the 有無 items, input messages with the
#     definition and unit, frozen panes, print set-up; --lang ja;
#   - the template filled in by openpyxl (multi-line, "=1+1" as a string,
#     full-width, <script>, quotes, astral characters, metadata): validate
#     and convert read exactly what was typed;
#   - workbooks written by other programs: openpyxl from scratch in the
#     seeds' layout, and with dates, times and percentages in number
#     formats (1900 and 1904 systems); one crafted with zipfile (cover sheet first, rich-text
#     and phonetic runs, inline strings, formula results, cells without r,
#     absolute targets); LibreOffice's (SKIP if soffice is absent; SOFFICE
#     overrides the command);
#   - convert SEED -o x.xlsx -o back.json and template --from SEED give the
#     seeds' answers and remarks back; hostile answers and Excel's own
#     _xHHHH_ escapes survive;
#   - hostile zips: a zip bomb (declared and lying sizes), an XXE attempt,
#     a truncated zip, a zip without xl/workbook.xml, a dangling shared
#     string: clean errors, exit 3, quickly, in bounded memory.
. "$ROOT/tests/lib.sh"
A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
W=$TMP/w
mkdir -p "$W"

openpyxl_python
H="$ROOT/tests/xlsx_input.py"
xi() {
    "$PY" "$H" "$@" || failures=$((failures + 1))
}

run $SLACHECK items --format json
cp "$TMP/out" "$W/items.json"

# ---- the template ------------------------------------------------------------

run $SLACHECK template --format xlsx -o "$W/t.xlsx"
expect_rc 0 "template --format xlsx"
[ -s "$TMP/out" ] || [ -s "$TMP/err" ] && fail "template printed something"
xi template "$W/t.xlsx" 49 "$W/items.json"
run $SLACHECK template -o "$W/t2.xlsx"   # the format from the name
expect_rc 0 "template -o t2.xlsx"
run $SLACHECK template --lang ja --format xlsx -o "$W/tj.xlsx"
expect_rc 0 "template --lang ja"
xi template "$W/tj.xlsx" 49 "$W/items.json" ja
# the cover's words are templates/vendor-template.*.txt; --templates DIR replaces them
mkdir -p "$W/tdir"
printf '%s\n' 'instructions_title = 株式会社サンプル購買部からのお願い' \
    'instructions = 1. 黄色のセルに記入してください。\n2. 不明点は購買部へ。' >"$W/tdir/vendor-template.ja.txt"
run $SLACHECK template --templates "$W/tdir" --lang ja --format xlsx -o "$W/tov.xlsx"
expect_rc 0 "template --templates DIR"
"$PY" - "$W/tj.xlsx" "$W/tov.xlsx" <<'EOF' || failures=$((failures + 1))
import sys, openpyxl
cover = lambda f: [c.value for c in openpyxl.load_workbook(f)["表紙"]["A"] if c.value]
std, own = cover(sys.argv[1]), cover(sys.argv[2])
ok = ("記入のしかた" in std and any("担当者・連絡先" in v for v in std)
      and "How to fill in this workbook" in std and std.index("記入のしかた") < std.index("How to fill in this workbook")
      and own[4:7] == ["株式会社サンプル購買部からのお願い", "1. 黄色のセルに記入してください。", "2. 不明点は購買部へ。"]
      and "How to fill in this workbook" in own and "記入のしかた" not in own)
if not ok:
    print("FAIL: cover %r / override %r" % (std[:8], own[:8]))
    sys.exit(1)
EOF
# a blank template reads back: 49 items, every answer empty, no other findings
run $SLACHECK validate --format json "$W/t.xlsx"
cp "$TMP/out" "$W/tv.json"
jcheck "$W/tv.json" "f['items_found'] == 49" \
    "set(r[0] for r in rules(f)) == {'empty-answer'}" "len(rules(f)) == 49"

# ---- filled in by openpyxl ------------------------------------------------------

xi fill "$W/t.xlsx" "$W/filled.xlsx" "$W/typed.json"
run $SLACHECK validate --format json "$W/filled.xlsx"
cp "$TMP/out" "$W/fv.json"
jcheck "$W/fv.json" "f['items_found'] == 49" "'empty-answer' not in [r[0] for r in rules(f)]" \
    "f['vendor'] == 'テスト・サービス'"
run $SLACHECK convert "$W/filled.xlsx" -o "$W/filled.json"
expect_rc 0 "convert filled.xlsx -o json"
xi same "$W/filled.json" "$W/typed.json"
# a row's line is its spreadsheet row: item 1 is in row 9 (title, five
# metadata rows, a blank row and the header above it)
jcheck "$W/filled.json" "d['items'][0]['line'] == 9" "d['items'][48]['line'] == 57" \
    "d['source']['encoding'] == 'UTF-8'"
# our own template, filled, converted to xlsx again: still what was typed
run $SLACHECK convert "$W/filled.xlsx" -o "$W/filled2.xlsx"
expect_rc 0 "convert filled.xlsx -o filled2.xlsx"
run $SLACHECK convert "$W/filled2.xlsx" -o "$W/filled2.json"
xi same "$W/filled2.json" "$W/typed.json"

# ---- workbooks written by other programs --------------------------------------------

for seed in "$Q" "$A"; do
    s=$(basename "$seed" .tsv)
    run $SLACHECK convert "$seed" -o "$W/$s.orig.json"
    expect_rc 0 "convert $s -o json"
    "$PY" "$H" scratch "$seed" "$W/$s.scratch.xlsx" - || fail "openpyxl scratch $s"
    run $SLACHECK convert "$W/$s.scratch.xlsx" -o "$W/$s.scratch.json"
    expect_rc 0 "convert $s.scratch.xlsx (openpyxl)"
    xi seed-same "$W/$s.scratch.json" "$W/$s.orig.json"
    "$PY" "$H" handmade "$seed" "$W/$s.hand.xlsx" || fail "handmade $s"
    run $SLACHECK convert "$W/$s.hand.xlsx" -o "$W/$s.hand.json"
    expect_rc 0 "convert $s.hand.xlsx (zipfile, rich text, inline strings)"
    xi seed-same "$W/$s.hand.json" "$W/$s.orig.json"
done
# numbers in number formats: dates (1900 and 1904 systems), times, percentages
for epoch in 1900 1904; do
    xi formats "$Q" "$W/qlingo.orig.json" "$W/formats$epoch.xlsx" "$W/formats$epoch.want.json" $epoch
    run $SLACHECK convert "$W/formats$epoch.xlsx" -o "$W/formats$epoch.json"
    expect_rc 0 "convert formats$epoch.xlsx"
    xi same "$W/formats$epoch.json" "$W/formats$epoch.want.json"
done
# the crafted workbook's line numbers are its rows, and the cover sheet is
# passed over for the sheet with the items
jcheck "$W/active-gate-ss.hand.json" \
    "[i['line'] for i in d['items']][:2] == [l for l in [i['line'] for i in __import__('json').load(open('$W/active-gate-ss.orig.json'))['items']][:2]]"

SOFFICE=${SOFFICE:-soffice}
if ! outside_reader LibreOffice; then
    :
elif have_tool "$SOFFICE"; then
    LOHOME="$TMP/lohome"
    mkdir -p "$W/lo" "$LOHOME"
    # both seeds in one LibreOffice start (each start costs seconds)
    HOME=$LOHOME timeout 180 "$SOFFICE" --headless --norestore --infilter="CSV:9,34,76,1" \
        --convert-to xlsx --outdir "$W/lo" "$Q" "$A" >/dev/null 2>&1
    for seed in "$Q" "$A"; do
        s=$(basename "$seed" .tsv)
        if [ -s "$W/lo/$s.xlsx" ]; then
            run $SLACHECK convert "$W/lo/$s.xlsx" -o "$W/$s.lo.json"
            expect_rc 0 "convert $s.xlsx (LibreOffice)"
            xi seed-same "$W/$s.lo.json" "$W/$s.orig.json"
        else
            fail "soffice did not convert $s"
        fi
    done
    # our converted workbook re-saved by LibreOffice
    run $SLACHECK convert "$A" -o "$W/a-ours.xlsx"
    mkdir -p "$W/lo2"
    HOME=$LOHOME timeout 120 "$SOFFICE" --headless --norestore --convert-to xlsx --outdir "$W/lo2" \
        "$W/a-ours.xlsx" >/dev/null 2>&1
    run $SLACHECK convert "$W/lo2/a-ours.xlsx" -o "$W/a-lo2.json"
    expect_rc 0 "convert a-ours.xlsx re-saved by LibreOffice"
    xi seed-same "$W/a-lo2.json" "$W/active-gate-ss.orig.json"
else
    unchecked "LibreOffice ($SOFFICE) is not installed: apt-get install libreoffice-calc-nogui"
fi

# ---- our workbook round trip: convert and template --from -------------------------------

rt() {
    name=$1 src=$2
    run $SLACHECK convert "$src" -o "$W/$name.orig.json"
    expect_rc 0 "convert $name -o json"
    run $SLACHECK convert "$src" -o "$W/$name.xlsx"
    expect_rc 0 "convert $name -o $name.xlsx"
    run $SLACHECK convert "$W/$name.xlsx" -o "$W/$name.back.json"
    expect_rc 0 "convert $name.xlsx -o json"
    xi seed-same "$W/$name.back.json" "$W/$name.orig.json" ours
    jcheck "$W/$name.back.json" "d['vendor'] == __import__('json').load(open('$W/$name.orig.json'))['vendor']"
    run $SLACHECK template --from "$src" -o "$W/$name.tpl.xlsx"
    expect_rc 0 "template --from $name"
    run $SLACHECK convert "$W/$name.tpl.xlsx" -o "$W/$name.tpl.json"
    expect_rc 0 "convert $name.tpl.xlsx -o json"
    jcheck "$W/$name.tpl.json" "len(d['items']) == 49" \
        "{i['no']: (i['answer'], i['remarks']) for i in d['items'] if i['answer'] or i['remarks']} == {i['no']: (i['answer'], i['remarks']) for i in __import__('json').load(open('$W/$name.orig.json'))['items'] if i['answer'] or i['remarks']}"
}
rt qlingo "$Q"
rt active-gate "$A"
rt bom-quoted-newline "$FIX/bom-quoted-newline.csv"
rt cp932-crlf "$FIX/cp932-crlf.csv"
rt partial "$FIX/partial-1-8.tsv"
"$PY" "$H" template "$W/partial.xlsx" 8 "$W/items.json" >/dev/null || fail "convert partial-1-8 -o xlsx: not 8 item rows"

# hostile answers, and Excel's own escapes, through our writer and reader
hostile_tsv "$A" "$W/hostile.tsv" <<'EOF'
    "=1+1", '=HYPERLINK("http://x","click")', "<script>alert(1)</script>&amp;",
    'say "hi" and \'bye\'', "line one\nline two\n\nline four",
    "ＡＢＣ１２３　全角の回答です", "_x0041_ is not A, _x005F_ is not _, _xD83D__xDE00_", "+SUM(A1:A3)",
    "-2", "  leading and trailing spaces  ", "12345", "007", "1.50", "TRUE",
    "x\ufffey\uffff z", "tab\tinside", "改行\r\nCRLF", "𠮷野家 😀", "]]></t><t>",
EOF
rt hostile "$W/hostile.tsv"
jcheck "$W/hostile.back.json" \
    "any(i['answer'] == '=1+1' for i in d['items'])" \
    "any(i['answer'] == '_x0041_ is not A, _x005F_ is not _, _xD83D__xDE00_' for i in d['items'])" \
    "any(i['answer'] == '007' for i in d['items'])" \
    "any(i['answer'] == '改行\r\nCRLF' for i in d['items'])"

# ---- hostile workbooks ------------------------------------------------------------------

# a zip bomb: 200 MB of "0" in sharedStrings.xml, ~200 KB compressed
"$PY" "$H" bomb "$W/bomb.xlsx" 200 || fail "making the zip bomb"
size=$(wc -c <"$W/bomb.xlsx")
[ "$size" -lt 1000000 ] || fail "the zip bomb is $size bytes"
# declared size over the limit: refused before inflating anything
run /usr/bin/time -f '%e %M' -o "$W/bomb.time" $SLACHECK validate "$W/bomb.xlsx"
expect_rc 3 "validate bomb.xlsx"
err_has "too-large" "zip bomb"
err_has "xl/sharedStrings.xml" "zip bomb names the part"
echo "zip bomb, declared size: $(tail -n 1 "$W/bomb.time") (seconds, max RSS KB)"
# with the limit raised past it: inflated as it comes, stopped at libxml2's
# text limit, still bounded
run /usr/bin/time -f '%e %M' -o "$W/bomb2.time" $SLACHECK validate --max-bytes 1000000000 "$W/bomb.xlsx"
expect_rc 3 "validate --max-bytes 1G bomb.xlsx"
err_has "xl/sharedStrings.xml" "zip bomb (limit raised) names the part"
echo "zip bomb, limit raised: $(tail -n 1 "$W/bomb2.time") (seconds, max RSS KB)"
tail -n 1 "$W/bomb2.time" | awk '{ exit !($1 < 5 && $2 < 200000) }' || fail "zip bomb: $(tail -n 1 "$W/bomb2.time") (seconds, KB)"
# a header that lies about the size: never more than it says is inflated
"$PY" - "$W/bomb.xlsx" "$W/liar.xlsx" <<'EOF' || failures=$((failures + 1))
import struct, sys, zipfile
data = bytearray(open(sys.argv[1], "rb").read())
z = zipfile.ZipFile(sys.argv[1])
info = z.getinfo("xl/sharedStrings.xml")
# the zip64 extra field carries the sizes: rewrite its uncompressed size
# in the local header and the central directory to 1000 bytes
name = b"xl/sharedStrings.xml"
done = 0
i = 0
while True:
    i = data.find(name, i)
    if i < 0:
        break
    for sig, off_name in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46)):
        h = i - off_name
        if h >= 0 and data[h:h + 4] == sig:
            nlen, xlen = struct.unpack_from("<HH", data, h + (26 if sig == b"PK\x03\x04" else 28))
            x = i + nlen
            end = x + xlen
            while x + 4 <= end:
                tag, sz = struct.unpack_from("<HH", data, x)
                if tag == 1:
                    struct.pack_into("<Q", data, x + 4, 1000)
                    done += 1
                x += 4 + sz
            off = 22 if sig == b"PK\x03\x04" else 24
            if struct.unpack_from("<I", data, h + off)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, h + off, 1000)
                done += 1
    i += 1
assert done >= 2, done
open(sys.argv[2], "wb").write(bytes(data))
EOF
run /usr/bin/time -f '%e %M' -o "$W/liar.time" $SLACHECK validate --max-bytes 1000000000 "$W/liar.xlsx"
expect_rc 3 "validate liar.xlsx (size forged in the headers)"
err_has "xl/sharedStrings.xml" "forged size names the part"
tail -n 1 "$W/liar.time" | awk '{ exit !($1 < 5 && $2 < 200000) }' || fail "forged size: $(tail -n 1 "$W/liar.time")"
echo "zip bomb, forged size: $(tail -n 1 "$W/liar.time") (seconds, max RSS KB)"

# XXE: an external entity in sharedStrings.xml; /etc/passwd is never read
"$PY" "$H" xxe "$W/xxe.xlsx" || fail "making xxe.xlsx"
for cmd in validate "convert -o -" "convert -o $W/xxe.json"; do
    run $SLACHECK $cmd "$W/xxe.xlsx"
    expect_rc 3 "$cmd xxe.xlsx"
    err_has "DOCTYPE" "$cmd xxe.xlsx says why"
    if grep -q "root:" "$TMP/out" "$TMP/err"; then fail "$cmd xxe.xlsx: /etc/passwd in the output"; fi
done
[ -e "$W/xxe.json" ] && fail "convert xxe.xlsx wrote output"

# a truncated zip, a zip that is not a workbook, a dangling shared string
run $SLACHECK convert "$A" -o "$W/good.xlsx"
head -c 3000 "$W/good.xlsx" >"$W/truncated.xlsx"
run $SLACHECK validate "$W/truncated.xlsx"
expect_rc 3 "validate truncated.xlsx"
err_has "bad-format" "truncated zip"
err_has "zip" "truncated zip says zip"
"$PY" "$H" noworkbook "$W/noworkbook.xlsx"
run $SLACHECK validate "$W/noworkbook.xlsx"
expect_rc 3 "validate noworkbook.xlsx"
err_has "xl/workbook.xml: missing" "zip without a workbook"
"$PY" "$H" badref "$W/badref.xlsx"
run $SLACHECK validate "$W/badref.xlsx"
expect_rc 3 "validate badref.xlsx"
err_has "badref.xlsx:4:" "dangling shared string gives the row"
err_has "shared string 7" "dangling shared string"
# a damaged entry: flip bytes inside the compressed sheet
"$PY" - "$W/good.xlsx" "$W/damaged.xlsx" <<'EOF' || failures=$((failures + 1))
import sys, zipfile
data = bytearray(open(sys.argv[1], "rb").read())
z = zipfile.ZipFile(sys.argv[1])
info = z.getinfo("xl/worksheets/sheet2.xml")
start = info.header_offset + 30 + len(info.filename) + len(info.extra)
for k in range(start + 40, start + 80):
    data[k] ^= 0x5A
open(sys.argv[2], "wb").write(bytes(data))
EOF
run $SLACHECK validate "$W/damaged.xlsx"
expect_rc 3 "validate damaged.xlsx"
err_has "xl/worksheets/sheet2.xml" "damaged entry names the part"
# limits: rows and cells
run $SLACHECK validate --max-rows 10 "$W/good.xlsx"
expect_rc 3 "validate --max-rows 10 good.xlsx"
err_has "more than 10 rows" "max-rows"
run $SLACHECK validate --max-cells 5 "$W/good.xlsx"
expect_rc 3 "validate --max-cells 5 good.xlsx"
err_has "more than 5 cells" "max-cells"
run $SLACHECK validate --max-bytes 20000 "$W/good.xlsx"
expect_rc 3 "validate --max-bytes 20000 good.xlsx"
err_has "too-large" "max-bytes counts the parts uncompressed"

finish
