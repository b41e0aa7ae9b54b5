#!/bin/sh
# t-html-input.sh - web pages as input (src/read_html.c):
#   - the example vendors rendered as the pages vendors publish (one table,
#     merged 種別 cells, Google Sheets' "publish to the web", one table per
#     section; UTF-8, Shift_JIS and EUC-JP declared in <meta charset>, a
#     UTF-16 page with its BOM, standard input) give the TSV's 49 answers,
#     remarks and names, each at the line of its <tr> in the page; the
#     findings are the TSV's, at the page's lines;
#   - the second layout: headings that name items, the answer below;
#   - what a browser shows: <br> as a line break, white space collapsed,
#     scripts, styles and navigation left out, a rowspan copied down;
#   - lines past 65535, a page that declares the wrong charset, a page with
#     no table;
#   - bounds: too many cells in a row or in all tables, deep nesting: exit
#     3 quickly, or a clean result.
. "$ROOT/tests/lib.sh"
H="$ROOT/tests/html_input.py"
W=$TMP/w
mkdir -p "$W"

# ---- the examples as pages ----------------------------------------------------

for seed in "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv"; do
    s=$(basename "$seed" .tsv)
    run $SLACHECK convert "$seed" -o "$W/$s.orig.json"
    expect_rc 0 "convert $s -o json"
    run $SLACHECK validate --format json "$seed"
    cp "$TMP/out" "$W/$s.orig.v.json"
    for style in plain merged sheets split; do
        for enc in utf-8 Shift_JIS EUC-JP; do
            [ "$style" != merged ] && [ "$enc" != utf-8 ] && continue
            p="$W/$s.$style.$enc.html"
            python3 "$H" page "$seed" "$p" "$p.map" "$style" "$enc" || fail "render $p"
            run $SLACHECK convert "$p" -o "$p.json"
            expect_rc 0 "convert $s as a $style page in $enc"
            python3 "$H" same "$W/$s.orig.json" "$p.json" "$p.map" || fail "$s as a $style page in $enc: not the TSV's answers"
            jcheck "$p.json" "len(d['items']) == 49" "d['source']['encoding'] == {'utf-8': 'UTF-8', 'Shift_JIS': 'windows-31j', 'EUC-JP': 'EUC-JP'}['$enc']"
        done
    done
    # the same findings as the TSV, at the page's lines
    p="$W/$s.merged.utf-8.html"
    run $SLACHECK validate --format json "$p"
    cp "$TMP/out" "$W/$s.page.v.json"
    python3 - "$W/$s.orig.v.json" "$W/$s.page.v.json" "$p.map" <<'PY' || fail "$s: the page's findings are not the TSV's"
import json, sys
a = json.load(open(sys.argv[1]))["files"][0]["findings"]
b = json.load(open(sys.argv[2]))["files"][0]["findings"]
where = json.load(open(sys.argv[3]))["lines"]
# 種別 merged down is in every row of the page (the TSV leaves it empty)
skip = {"category-mismatch"}
fa = sorted((f["rule"], f.get("item"), where.get(str(f.get("line")))) for f in a if f["rule"] not in skip)
fb = sorted((f["rule"], f.get("item"), f.get("line")) for f in b if f["rule"] not in skip)
if fa != fb:
    print("TSV:", [x for x in fa if x not in fb][:5])
    print("page:", [x for x in fb if x not in fa][:5])
    sys.exit(1)
PY
    # standard input: the same answers; no vendor name made up from "stdin"
    run sh -c "$SLACHECK convert - -o '$W/$s.stdin.json' < '$W/$s.merged.Shift_JIS.html'"
    expect_rc 0 "convert - < $s page"
    python3 "$H" same "$W/$s.orig.json" "$W/$s.stdin.json" "$W/$s.merged.Shift_JIS.html.map" || fail "$s page on standard input"
done

# UTF-16LE with a BOM (Excel's "Unicode text" habit, some saved pages)
python3 "$H" page "$EX/qlingo.tsv" "$W/q16.html" "$W/q16.map" merged utf-8
python3 -c "
import sys
t = open(sys.argv[1], encoding='utf-8').read().replace('charset=\"utf-8\"', 'charset=\"utf-16\"')
open(sys.argv[2], 'wb').write(b'\xff\xfe' + t.encode('utf-16-le'))" "$W/q16.html" "$W/q16le.htm"
run $SLACHECK convert "$W/q16le.htm" -o "$W/q16.json"
expect_rc 0 "UTF-16LE page"
python3 "$H" same "$W/qlingo.orig.json" "$W/q16.json" "$W/q16.map" || fail "UTF-16LE page"
jcheck "$W/q16.json" "d['source']['encoding'] == 'UTF-16LE'" "d['source']['bom'] == True"

# ---- the second layout: headings that name items ---------------------------------

cat >"$W/headings.html" <<'EOF'
<!DOCTYPE html>
<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>SLA</title><script>document.write("<h3>2. 計画停止予定通知</h3>")</script></head>
<body>
<header><h1>Example Cloud</h1><nav><h3>1. サービス時間</h3><a href="/">home</a></nav></header>
<main>
<h2>サービスレベルについて</h2>
<p>以下は経済産業省のチェックリストへの回答です。</p>
<section>
<h3>1. サービス時間</h3>
<p>24時間365日<br>（計画停止を除く）</p>
</section>
<section>
<h3>サービス稼働率</h3>
<p>99.9%以上を
   保証します。</p>
<ul><li>月間で計測</li><li>SLAあり</li></ul>
</section>
<h3>ディザスタリカバリ</h3>
<p>【有】東西リージョン</p>
<h2>お問い合わせ</h2>
<p>support@example.com</p>
</main>
<footer><h3>サービス時間</h3><p>9-17</p></footer>
</body></html>
EOF
run $SLACHECK convert "$W/headings.html" -o "$W/headings.json"
expect_rc 0 "headings page"
jcheck "$W/headings.json" "sorted(items) == [1, 5, 6]" \
    "items[1]['answer'] == '24時間365日\n（計画停止を除く）'" "items[1]['line'] == 10" \
    "items[5]['answer'] == '99.9%以上を 保証します。\n月間で計測\nSLAあり'" "items[5]['line'] == 14" \
    "items[6]['answer'] == '【有】東西リージョン'" "items[6]['line'] == 19"
# a page of headings that name no item: no items, not a guess
printf '<html><body><h2>会社概要</h2><p>設立 2001年</p><h2>沿革</h2><p>2010年 上場</p></body></html>\n' >"$W/about.html"
run $SLACHECK validate --format json "$W/about.html"
expect_rc 1 "a page that is not a checklist"
cp "$TMP/out" "$W/about.json"
jcheck "$W/about.json" "f['items_found'] == 0" "'no-items' in [r[0] for r in rules(f)]"

# ---- what a browser shows --------------------------------------------------------

cat >"$W/shown.html" <<'EOF'
<html><head><style>td::after { content: "1 サービス時間" }</style></head><body>
<table>
<tr><th>No</th><th>種別</th><th>サービスレベル項目</th><th>回答</th><th>備考</th></tr>
<tr><td>1</td><td rowspan="3">可用性</td><td>サービス時間</td><td>24時間<br>365日&nbsp;&nbsp;です<script>x = "<td>9</td>"</script></td><td></td></tr>
<tr><td>2</td><td>計画停止
  予定通知</td><td><p>【有】</p><p>3日前に</p><ul><li>メール</li><li>Web</li></ul></td><td><pre>  そのまま
  の 文字</pre></td></tr>
<tr><td>3</td><td>サービス提供終了時の事前通知</td><td colspan="2">【有】&lt;1ヶ月前&gt; &amp; 公式サイト</td></tr>
</table></body></html>
EOF
run $SLACHECK convert "$W/shown.html" -o "$W/shown.json"
expect_rc 0 "shown.html"
jcheck "$W/shown.json" "items[1]['answer'] == '24時間\n365日 です'" \
    "items[2]['name_in_file'] == '計画停止 予定通知'" \
    "items[2]['answer'] == '【有】\n3日前に\nメール\nWeb'" \
    "items[2]['remarks'] == '  そのまま\n  の 文字'" \
    "items[3]['answer'] == '【有】<1ヶ月前> & 公式サイト'" "items[3]['remarks'] == ''" \
    "[items[n]['category'] for n in (1, 2, 3)] == ['可用性'] * 3" \
    "[items[n]['line'] for n in (1, 2, 3)] == [4, 5, 8]"

# Excel's "Save as Web Page": Shift_JIS declared in an unquoted http-equiv,
# conditional comments, mso-ignore colspans, in-cell <br>s, a class
# "row-header" that means nothing outside Google Sheets
python3 - "$W/excel.htm" <<'PY'
import sys
page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel">
<head>
<meta http-equiv=Content-Type content="text/html; charset=shift_jis">
<meta name=ProgId content=Excel.Sheet>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>
<x:Name>チェックリスト</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>.xl65 {mso-number-format:"\@";}</style>
</head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=800 style='border-collapse:collapse'>
<tr height=18>
<td colspan=3 style='mso-ignore:colspan'>対象サービス: エクセル・クラウド</td>
</tr>
<tr><th class=row-header>No</th><td class=xl65>種別</td><td>サービスレベル項目</td><td>回答</td></tr>
<tr height=36><th class=row-header>1</th><td rowspan=2 class=xl65>可用性</td><td>サービス時間</td>
<td class=xl65>24時間365日<br style='mso-data-placement:same-cell'>（計画停止を除く）</td></tr>
<tr><th class=row-header>2</th><td>計画停止予定通知</td><td>【有】&#8470;1 &yen;0</td></tr>
<![if supportMisalignedColumns]><tr height=0 style='display:none'><td width=64></td></tr><![endif]>
</table>
</body>
</html>
"""
open(sys.argv[1], "wb").write(page.encode("cp932", "xmlcharrefreplace"))
PY
run $SLACHECK convert "$W/excel.htm" -o "$W/excel.json"
expect_rc 0 "Excel's web page"
jcheck "$W/excel.json" "d['vendor'] == 'エクセル・クラウド'" "d['source']['encoding'] == 'windows-31j'" \
    "items[1]['answer'] == '24時間365日\n（計画停止を除く）'" "items[1]['line'] == 16" \
    "items[2]['answer'] == '【有】№1 ¥0'" "items[2]['category'] == '可用性'" "items[2]['line'] == 18"

# ---- lines, charsets, no table ------------------------------------------------------

python3 -c "
import sys
print('<!DOCTYPE html><html><body>' + '\n' * 70000 + '<table>')
print('<tr><th>No</th><th>サービスレベル項目</th><th>回答</th></tr>')
print('<tr><td>1</td><td>サービス時間</td><td>24時間365日</td></tr>')
print('<tr><td>2</td><td>計画停止予定通知</td><td>【有】</td></tr>')
print('</table></body></html>')" >"$W/long.html"
run $SLACHECK convert "$W/long.html" -o "$W/long.json"
expect_rc 0 "a page of 70000 lines"
jcheck "$W/long.json" "items[1]['line'] == 70003" "items[2]['line'] == 70004"

# declares Shift_JIS, is UTF-8: read as what it is
sed 's/charset="utf-8"/charset="Shift_JIS"/' "$W/qlingo.merged.utf-8.html" >"$W/liar.html"
run $SLACHECK convert "$W/liar.html" -o "$W/liar.json"
expect_rc 0 "a page that declares the wrong charset"
python3 "$H" same "$W/qlingo.orig.json" "$W/liar.json" "$W/qlingo.merged.utf-8.html.map" || fail "wrong charset"
# --encoding wins over the page's own declaration
run $SLACHECK convert --encoding utf-8 "$W/liar.html" -o "$W/liar2.json"
expect_rc 0 "--encoding over <meta charset>"

# no table, no headings: nothing found, a finding rather than a failure
printf '<!DOCTYPE html>\n<html><body><p>準備中</p></body></html>\n' >"$W/empty.html"
run $SLACHECK validate "$W/empty.html"
expect_rc 1 "a page without a table"
out_has "[no-items]" "a page without a table"

# a page on standard input is recognised by its start
run sh -c "$SLACHECK validate --format json - < '$W/shown.html'"
expect_rc 1 "a page on standard input (items 4-49 missing)"
cp "$TMP/out" "$W/stdin.v.json"
jcheck "$W/stdin.v.json" "f['items_found'] == 3" "f['vendor'] == '-'"
run sh -c "$SLACHECK convert - -o '$W/stdin.tsv' < '$W/shown.html'"
grep -q "対象サービス" "$W/stdin.tsv" && fail "standard input's name written back as the service"

# ---- bounds ---------------------------------------------------------------------------

python3 -c "print('<table><tr>' + '<td colspan=1000 rowspan=65534>x</td>' * 2 + '</tr>' * 3 + '</table>')" >"$W/wide.html"
run $SLACHECK validate "$W/wide.html"
expect_rc 3 "colspan past --max-cells"
err_has "[too-large]" "colspan past --max-cells"
err_has "more than 1000 cells in a row" "colspan past --max-cells: says so"
python3 -c "print('<table>' + '<tr><td colspan=999>x</td></tr>\n' * 6000 + '</table>')" >"$W/many.html"
run $SLACHECK validate "$W/many.html"
expect_rc 3 "cells of all tables"
err_has "cells in the page's tables" "cells of all tables"
python3 -c "print('<table>' + '<tr><td>1</td></tr>' * 30 + '</table>')" >"$W/rows.html"
run $SLACHECK validate --max-rows 20 "$W/rows.html"
expect_rc 3 "--max-rows"
err_has "more than 20 rows" "--max-rows"
python3 -c "print('<html><body>' + '<div><span>' * 50000 + 'x' + '</span></div>' * 50000 + '</body></html>')" >"$W/deep.html"
run $SLACHECK validate "$W/deep.html"
[ "$rc" = 1 ] || [ "$rc" = 3 ] || fail "deep nesting: exit $rc"
python3 -c "print('<table><tr><td>1</td><td>サービス時間</td><td>' + 'あ' * 400000 + '</td></tr></table>')" >"$W/bigcell.html"
run $SLACHECK validate --max-cell-bytes 100000 "$W/bigcell.html"
expect_rc 3 "--max-cell-bytes"
err_has "[too-large]" "--max-cell-bytes"

finish
