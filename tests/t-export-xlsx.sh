#!/bin/sh
# t-export-xlsx.sh - `slacheck export -o x.xlsx`, read back by openpyxl and
# zipfile (tests/xlsx_check.py), not by us: the sheets and their names; the
# comparison, one row per item, and every answer and remark byte for byte
# against `convert`; hostile answers (=formulas, markup, quotes, line breaks,
# full-width text, Excel's own _xHHHH_ escapes) stay string cells; better and
# worse by fill and marker as `diff` ranks them; frozen panes, autofilters,
# print set-up (A4, wrapped text, row heights that fit it, one page wide
# only where readable, else a vendor per page with the item columns
# repeated, page numbers); the summary (vendors side by side, score and
# how it is computed, musts not met with evidence and line, risks, the
# category x vendor grid, reviewer fields); no verdict column for one
# vendor; unique, short, legal sheet
# names for identical long vendor names; -o -; --lang ja; --profile; an
# answer too long for a cell; diff -o x.xlsx has no findings.
. "$ROOT/tests/lib.sh"
A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
W=$TMP/w
mkdir -p "$W"

openpyxl_python

xcheck() {
    "$PY" "$ROOT/tests/xlsx_check.py" "$@" || failures=$((failures + 1))
}

# ---- the two seeds ----------------------------------------------------------

run $SLACHECK convert "$A" -o "$W/a.json"
expect_rc 0 "convert $A"
run $SLACHECK convert "$Q" -o "$W/q.json"
expect_rc 0 "convert $Q"
run $SLACHECK diff --all --format json "$A" "$Q"
cp "$TMP/out" "$W/diff.json"

run $SLACHECK export "$A" "$Q" -o "$W/seeds.xlsx"
expect_rc 0 "export seeds -o seeds.xlsx"
[ -s "$TMP/err" ] && fail "export printed: $(head -3 "$TMP/err")"
# comparison columns: No., category, item, verdict, then per vendor
# marker, answer, remarks, facts (0-based 4+4v .. 7+4v); items from row 3
xcheck "$W/seeds.xlsx" \
    "S == ['Summary', 'Comparison', 'Findings', 'Active! gate SS', 'qlingo']" \
    "len(set(s.lower() for s in S)) == len(S)" \
    "rows(ws('Comparison'))[1][:8] == ['No.', 'Category', 'Service level item', 'Verdict', '▲▼', 'Answer', 'Remarks', 'Facts read']" \
    "rows(ws('Comparison'))[0][4] == 'Active! gate SS' and rows(ws('Comparison'))[0][8] == 'qlingo'" \
    "sorted(items(ws('Comparison'), 2)) == list(range(1, 50))" \
    "sum(1 for r in rows(ws('Comparison'))[2:] if isinstance(r[0], int)) == 49" \
    "[r[0] for r in rows(ws('Comparison'))[2:] if not isinstance(r[0], int)] == ['Application operations', 'Support', 'Data management', 'Security']" \
    "all(val(items(ws('Comparison'), 2)[i['no']][5]) == i['answer'] for i in J('$W/a.json')['items'])" \
    "all(val(items(ws('Comparison'), 2)[i['no']][6]) == i['remarks'] for i in J('$W/a.json')['items'])" \
    "all(val(items(ws('Comparison'), 2)[i['no']][9]) == i['answer'] for i in J('$W/q.json')['items'])" \
    "all(val(items(ws('Comparison'), 2)[i['no']][10]) == i['remarks'] for i in J('$W/q.json')['items'])" \
    "all(val(items(ws('Active! gate SS'))[i['no']][2]) == i['answer'] and val(items(ws('Active! gate SS'))[i['no']][3]) == i['remarks'] and items(ws('Active! gate SS'))[i['no']][4].value == i['line'] for i in J('$W/a.json')['items'])" \
    "all(val(items(ws('qlingo'))[i['no']][2]) == i['answer'] and val(items(ws('qlingo'))[i['no']][3]) == i['remarks'] and items(ws('qlingo'))[i['no']][4].value == i['line'] for i in J('$W/q.json')['items'])" \
    "rows(ws('qlingo'))[0] == ['No.', 'Service level item', 'Answer', 'Remarks', 'Line', 'Facts read', 'Category', 'Definition', 'Unit']" \
    "items(ws('Comparison'), 2)[2][3].value == '≠ differs' and items(ws('Comparison'), 2)[33][3].value == '≈ equivalent'" \
    "items(ws('Comparison'), 2)[2][7].value == 'yes; ≥ 2 weeks'" \
    "formulas == []"

# better green and worse red, with ▲/▼, exactly where diff ranks them
xcheck "$W/seeds.xlsx" \
    "all(fill(items(ws('Comparison'), 2)[i['no']][5 + 4 * v]) == (GREEN if v in i['better'] else RED if v in i['worse'] else None) for i in J('$W/diff.json')['items'] for v in (0, 1))" \
    "all(val(items(ws('Comparison'), 2)[i['no']][4 + 4 * v]) == ('▲' if v in i['better'] else '▼' if v in i['worse'] else '') for i in J('$W/diff.json')['items'] for v in (0, 1))" \
    "fill(items(ws('Comparison'), 2)[2][5]) == GREEN and fill(items(ws('Comparison'), 2)[2][9]) == RED" \
    "sum(1 for i in J('$W/diff.json')['items'] if i['better']) >= 3"

# styles and print set-up on every sheet
xcheck "$W/seeds.xlsx" \
    "all(c.font.b for c in ws('Comparison')[2]) and all(c.font.b for c in ws('qlingo')[1]) and all(c.font.b for c in ws('Findings')[1])" \
    "ws('Comparison').freeze_panes == 'E3' and ws('qlingo').freeze_panes == 'C2' and ws('Findings').freeze_panes == 'C2'" \
    "ws('Comparison').auto_filter.ref == 'A2:L55' and ws('qlingo').auto_filter.ref == 'A1:I50'" \
    "all(ws(n).auto_filter.ref for n in S[1:])" \
    "all(ws(n).page_setup.orientation == 'landscape' for n in S[1:]) and ws('Summary').page_setup.orientation == 'portrait'" \
    "all(ws(n).sheet_properties.pageSetUpPr.fitToPage and ws(n).page_setup.fitToWidth in (None, 1) and ws(n).page_setup.fitToHeight in (0, '0') for n in ('Findings', 'qlingo', 'Active! gate SS'))" \
    "[a.replace('\$', '') for a in ws('qlingo').print_area] == ['A1:E50'] and [a.replace('\$', '') for a in ws('Active! gate SS').print_area] == ['A1:E50']" \
    "ws('Comparison').print_area is None" \
    "ws('Summary').sheet_properties.pageSetUpPr.fitToPage and ws('Summary').page_setup.fitToHeight in (None, 1, '1')" \
    "not (ws('Comparison').sheet_properties.pageSetUpPr and ws('Comparison').sheet_properties.pageSetUpPr.fitToPage)" \
    "60 <= int(ws('Comparison').page_setup.scale) <= 100 and [b.id for b in ws('Comparison').col_breaks.brk] == [8]" \
    "ws('Comparison').print_title_cols.replace('\$', '') == 'A:D'" \
    "all(ws(n).oddFooter.center.text == '&P / &N' for n in S)" \
    "all((ws('Comparison').row_dimensions[r].height or 15) >= 15 * max(1, str(ws('Comparison').cell(r, 10).value or '').count(chr(10)) + 1) for r in range(3, 56))" \
    "sum(1 for r in range(3, 56) if (ws('Comparison').row_dimensions[r].height or 15) > 30) >= 20" \
    "all(str(ws(n).page_setup.paperSize) == '9' for n in S)" \
    "ws('Comparison').print_title_rows.replace('\$', '') == '1:2' and ws('qlingo').print_title_rows.replace('\$', '') == '1:1'" \
    "all(ws('Comparison')[c + '4'].alignment.wrap_text for c in 'BCDFGHJKL')" \
    "ws('Comparison')['A3'].value == 'Application operations' and 'A3:L3' in [str(m) for m in ws('Comparison').merged_cells.ranges]" \
    "4 <= ws('Comparison').column_dimensions['A'].width <= 10 and 20 <= ws('Comparison').column_dimensions['F'].width <= 46" \
    "wb.properties.title == 'Cloud service level checklist: 2 vendors compared' and wb.properties.creator.startswith('slacheck ') and not wb.properties.company if hasattr(wb.properties, 'company') else True"

# the summary: the vendors side by side, the grid, the reviewer's fields, the
# legend; no chart counting 有 answers
xcheck "$W/seeds.xlsx" \
    "rows(ws('Summary'))[0][0] == 'Cloud service level checklist: 2 vendors compared'" \
    "[r[0] for r in rows(ws('Summary'))[1:5]] == ['Report date', 'Generated by', 'Checklist', 'Profile'] and rows(ws('Summary'))[4][1] == 'None'" \
    "re.fullmatch(r'\\d{4}-\\d{2}-\\d{2}', rows(ws('Summary'))[1][1])" \
    "['Vendor', 'Active! gate SS', 'qlingo'] in [r[:3] for r in rows(ws('Summary'))]" \
    "['File', '$A', '$Q'] in [r[:3] for r in rows(ws('Summary'))]" \
    "['Items answered', 49, 49] in [r[:3] for r in rows(ws('Summary'))]" \
    "[c.number_format for c in ws('Summary')['B'] if c.value == 49] == ['0\"/49\"']" \
    "[r[0] for r in rows(ws('Summary')) if r[0] in ('Errors', 'Warnings', 'Info', 'Leads', 'Trails', 'Differ')] == ['Errors', 'Warnings', 'Info', 'Leads', 'Trails', 'Differ']" \
    "any(r[0] == 'Risks that remain' and r[1].startswith('• Undisclosed items (') for r in rows(ws('Summary')))" \
    "[r[0] for r in rows(ws('Summary')) if r[0] in ('Reviewer', 'Decision', 'Date of decision')] == ['Reviewer', 'Decision', 'Date of decision']" \
    "all(ws('Summary').row_dimensions[k + 1].height >= 30 for k, r in enumerate(rows(ws('Summary'))) if r[0] in ('Reviewer', 'Decision', 'Date of decision'))" \
    "any(r[:2] == ['▲', 'Better'] for r in rows(ws('Summary'))) and any(r[:2] == ['▼', 'Worse'] for r in rows(ws('Summary')))" \
    "any(r[:2] == ['≠', 'differs'] for r in rows(ws('Summary')))" \
    "charts() == []" \
    "[r[0] for r in rows(ws('Summary')) if r[0] in ('Availability', 'Support', 'Security')] == ['Availability', 'Support', 'Security']" \
    "all(ws('Summary')['B%d' % (k + 1)].alignment.wrap_text for k, r in enumerate(rows(ws('Summary'))) if r[0] == 'Risks that remain')"
# the grid's numbers are the comparison's: leads per vendor over the categories
"$PY" - "$W/seeds.xlsx" "$W/diff.json" <<'EOF' || failures=$((failures + 1))
import json, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [list(r) for r in wb["Summary"].iter_rows(values_only=True)]
grid = {r[0]: r[1:3] for r in rows if r[1] and str(r[1]).startswith("▲ leads")}
if len(grid) != 7:
    print("FAIL: grid rows %r" % sorted(grid)); sys.exit(1)
leads = [sum(int(re.search(r"leads (\d+)", c[v]).group(1)) for c in grid.values()) for v in (0, 1)]
want = [sum(1 for i in json.load(open(sys.argv[2]))["items"] if v in i["better"]) for v in (0, 1)]
if leads != want:
    print("FAIL: grid leads %r, diff says %r" % (leads, want)); sys.exit(1)
EOF

# ---- hostile answers ----------------------------------------------------------

hostile_tsv "$A" "$W/hostile.tsv" <<'EOF'
    "=1+1", '=HYPERLINK("http://x","click")', "<script>alert(1)</script>&amp;",
    "a|b|c | --- |", 'say "hi" and \'bye\'', "line one\nline two\n\nline four",
    "ＡＢＣ１２３　全角の回答です", "_x0041_ is not A, _x005F_ is not _", "+SUM(A1:A3)",
    "-2", "@cmd|' /C calc'!A0", "  leading and trailing spaces  ", "12345",
    "x\ufffey\uffff z", "tab\tinside", "改行\r\nCRLF",
EOF
run $SLACHECK convert "$W/hostile.tsv" -o "$W/hostile.json"
expect_rc 0 "convert hostile.tsv"
jcheck "$W/hostile.json" \
    "any(i['answer'] == '=1+1' for i in d['items'])" \
    "any(i['answer'] == 'line one\nline two\n\nline four' for i in d['items'])" \
    "any(i['answer'] == '_x0041_ is not A, _x005F_ is not _' for i in d['items'])"
run $SLACHECK export "$W/hostile.tsv" "$Q" --name "=HYPERLINK(\"http://v\")" --name "<b>A&B</b>" -o "$W/hostile.xlsx"
expect_rc 0 "export hostile.tsv"
[ -s "$TMP/err" ] && fail "export hostile printed: $(head -3 "$TMP/err")"
xcheck "$W/hostile.xlsx" \
    "formulas == []" \
    "S[3:] == ['=HYPERLINK(\"http___v\")', '<b>A&B<_b>']" \
    "rows(ws('Comparison'))[0][4] == '=HYPERLINK(\"http://v\")' and ws('Comparison')['E1'].data_type == 's'" \
    "all(val(items(ws('Comparison'), 2)[i['no']][5]) == i['answer'] and val(items(ws('Comparison'), 2)[i['no']][6]) == i['remarks'] for i in J('$W/hostile.json')['items'])" \
    "all(items(ws('Comparison'), 2)[i['no']][5].data_type == 's' for i in J('$W/hostile.json')['items'] if i['answer'])" \
    "all(val(items(ws(S[3]))[i['no']][2]) == i['answer'] and val(items(ws(S[3]))[i['no']][3]) == i['remarks'] for i in J('$W/hostile.json')['items'])" \
    "all(c.data_type in ('s', 'n') for sh in wb for r in sh.iter_rows() for c in r if c.value is not None)" \
    "any(val(r[2]) == '=1+1' for r in items(ws(S[3])).values())" \
    "rows(ws('Summary'))[6][1] == '=HYPERLINK(\"http://v\")' and ws('Summary')['B7'].data_type == 's'" \
    "not any('<f>' in zx(n) for n in Z if n.startswith('xl/worksheets/'))" \
    "'<t>_x005F_x0041_ is not A, _x005F_x005F_ is not _</t>' in zx('xl/sharedStrings.xml')" \
    "'x_xFFFE_y_xFFFF_ z' in zx('xl/sharedStrings.xml') and '\ufffe' not in zx('xl/sharedStrings.xml')"

# ---- identical long names, names Excel refuses ------------------------------

LONG=クラウドサービス提供事業者株式会社東日本支社第一営業部門情報システム課からの回答
run $SLACHECK export "$A" "$Q" "$A" "$Q" --name "$LONG" --name "$LONG" \
    --name "Summary" --name "[a]:b*c?d/e\\f'" -o "$W/names.xlsx"
expect_rc 0 "export with identical long names"
[ -s "$TMP/err" ] && fail "export names printed: $(head -3 "$TMP/err")"
xcheck "$W/names.xlsx" \
    "len('$LONG') == 40" \
    "len(S) == 7 and len(set(s.casefold() for s in S)) == 7" \
    "all(len(s) <= 31 and len(s.encode('utf-16-le')) <= 62 for s in S)" \
    "not any(ch in s for s in S[3:] for ch in '[]:*?/\\\\') and not any(s.startswith(\"'\") or s.endswith(\"'\") for s in S)" \
    "S[3] == '$LONG'[:31] and S[4].endswith(' (2)') and S[4].startswith('$LONG'[:27])" \
    "S[5] == 'Summary (2)' and S[6] == '_a__b_c_d_e_f'" \
    "rows(ws('Comparison'))[0][4].startswith('$LONG (') and rows(ws('Comparison'))[0][8].startswith('$LONG (') and rows(ws('Comparison'))[0][4] != rows(ws('Comparison'))[0][8]"

# names that differ only in case are the same name to Excel
run $SLACHECK export "$A" "$Q" --name "Ｖｅｎｄｏｒ abc" --name "ｖｅｎｄｏｒ ABC" -o "$W/case.xlsx"
expect_rc 0 "export with names differing in case"
xcheck "$W/case.xlsx" "S[3:] == ['Ｖｅｎｄｏｒ abc', 'ｖｅｎｄｏｒ ABC (2)']"

# one vendor: a comparison of one without a verdict column, the title names it
run $SLACHECK export "$Q" -o "$W/one.xlsx"
expect_rc 0 "export of one vendor"
xcheck "$W/one.xlsx" \
    "S == ['Summary', 'Comparison', 'Findings', 'qlingo']" \
    "rows(ws('Summary'))[0][0] == 'Cloud service level checklist: qlingo'" \
    "rows(ws('Comparison'))[1] == ['No.', 'Category', 'Service level item', '▲▼', 'Answer', 'Remarks', 'Facts read']" \
    "not any('same' in str(c) or 'Verdict' in str(c) for r in rows(ws('Comparison')) for c in r)" \
    "len(items(ws('Comparison'), 2)) == 49 and charts() == []" \
    "all(val(items(ws('Comparison'), 2)[i['no']][4]) == i['answer'] for i in J('$W/q.json')['items'])" \
    "ws('Findings').max_row > 1 and rows(ws('Findings'))[0] == ['Vendor', 'File', 'Line', 'No.', 'Severity', 'Rule', 'Message']"

# ---- -o - -----------------------------------------------------------------

$SLACHECK export --format xlsx "$A" "$Q" -o - >"$W/stdout.xlsx" 2>"$TMP/err"
rc=$?
expect_rc 0 "export -o -"
xcheck "$W/stdout.xlsx" \
    "S == ['Summary', 'Comparison', 'Findings', 'Active! gate SS', 'qlingo']" \
    "__import__('zipfile').ZipFile('$W/stdout.xlsx').testzip() is None"
head -c 2 "$W/stdout.xlsx" | grep -q PK || fail "export -o -: not a zip on stdout"

# ---- Japanese ---------------------------------------------------------------

run $SLACHECK export --lang ja "$A" "$Q" -o "$W/ja.xlsx"
expect_rc 0 "export --lang ja"
xcheck "$W/ja.xlsx" \
    "S == ['概要', '比較', '検証結果', 'Active! gate SS', 'qlingo']" \
    "rows(ws('比較'))[1][:4] == ['No.', '種別', 'サービスレベル項目', '判定']" \
    "items(ws('比較'), 2)[1][1].value == '可用性' and items(ws('比較'), 2)[2][3].value == '≠ 相違'" \
    "[r[0] for r in rows(ws('概要'))[1:5]] == ['作成日', '作成', 'チェックリスト', 'プロファイル']" \
    "[r[0] for r in rows(ws('概要')) if r[0] in ('確認者', '判断', '判断日', '残るリスク', '回答した項目')] == ['回答した項目', '残るリスク', '確認者', '判断', '判断日']" \
    "not any(re.search(r'[A-Za-z]{3,}', str(r[0])) for r in rows(ws('概要'))[1:] if r[0])" \
    "rows(ws('概要'))[0][0] == 'クラウドサービスレベルのチェックリスト: 2 社の比較'"

# ---- a profile ----------------------------------------------------------------

run $SLACHECK export --profile "$EX/profiles/personal-data-strict.xml" "$A" "$Q" -o "$W/profile.xlsx"
expect_rc 0 "export --profile"
run $SLACHECK validate --format json --profile "$EX/profiles/personal-data-strict.xml" "$A" "$Q"
cp "$TMP/out" "$W/profile.json"
xcheck "$W/profile.xlsx" \
    "S == ['Summary', 'Comparison', 'Findings', 'Requirements', 'Active! gate SS', 'qlingo']" \
    "[r[0] for r in rows(ws('Summary')) if r[0] in ('Score', 'Musts not met', 'Musts unknown')] == ['Score', 'Musts not met', 'Musts unknown']" \
    "all(isinstance(v, float) and 0 <= v <= 100 for r in rows(ws('Summary')) if r[0] == 'Score' for v in r[1:3])" \
    "any(r[0] == 'How the score is computed' and all('× 100 =' in str(c) for c in r[1:3]) for r in rows(ws('Summary')))" \
    "any(str(r[0]).startswith('Weights: ') and 'must' in r[0] for r in rows(ws('Summary')))" \
    "any(r[0] == 'Must requirements not met or unknown' and 'Not met (' in r[2] and re.search(r'\\(line \\d+\\)', r[2]) and 'evidence \"' in r[2] for r in rows(ws('Summary')))" \
    "any(str(r[1]).startswith('Requirements: ') for r in rows(ws('Summary')))" \
    "any(fill(c) == RED for r in ws('Summary').iter_rows() for c in r if str(c.value).startswith('Requirements: ')) and any(fill(c) == GREEN for r in ws('Summary').iter_rows() for c in r if str(c.value).startswith('Requirements: '))" \
    "all(re.search(r'<c:tx><c:strRef><c:f>Summary!\\\$G\\\$\\d+</c:f>', x) for s, c, x in charts())" \
    "len(rows(ws('Requirements'))) > 1 and rows(ws('Requirements'))[0][5] == 'Verdict'" \
    "all(r[5] == 'Met' or r[5].startswith(('Not met (', 'Unknown (')) for r in rows(ws('Requirements'))[1:])" \
    "any(r[5] == 'Not met (answered no)' for r in rows(ws('Requirements'))[1:])"
"$PY" - "$W/profile.xlsx" "$W/profile.json" <<'EOF' || failures=$((failures + 1))
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
d = json.load(open(sys.argv[2], encoding="utf-8"))
rows = {r[0]: r[1:3] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
got = {rows["File"][v]: (round(rows["Score"][v], 3), rows["Musts not met"][v]) for v in (0, 1)}
want = {f["path"]: (round(f["profile"]["score"], 3), f["profile"]["must_failed"]) for f in d["files"]}
if got != want:
    print("FAIL: profile score/musts %r, validate says %r" % (got, want))
    sys.exit(1)
EOF

# ---- an answer longer than a cell holds ------------------------------------

"$PY" - "$Q" "$W/long.tsv" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
for k, line in enumerate(lines):
    cells = line.split("\t")
    if len(cells) >= 6 and cells[0] == "5":
        cells[5] = "長" * 33000
        lines[k] = "\t".join(cells)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
EOF
# a report cuts it and warns (t-xlsx-cell-limit); a checklist to edit
# (convert) would lose text read back, so it is refused with where
run $SLACHECK export "$W/long.tsv" -o "$W/long.xlsx"
expect_rc 0 "export of a 33000-character answer"
err_has "32,767" "export of a 33000-character answer: the warning"
run $SLACHECK convert "$W/long.tsv" -o "$W/long-c.xlsx"
[ "$rc" != 0 ] || fail "convert of a 33000-character answer succeeded"
err_has "32,767" "convert of a 33000-character answer"
err_has "In sheet" "convert of a 33000-character answer says where"
err_has "$W/long-c.xlsx" "convert of a 33000-character answer names the target"
[ -e "$W/long-c.xlsx" ] && fail "convert of a 33000-character answer left $W/long-c.xlsx"

# a full disk: libxlsxwriter's own complaint stays off stderr, ours says why
if mkdir -p "$W/small" && mount -t tmpfs -o size=32k tmpfs "$W/small" 2>/dev/null; then
    head -c 20000 /dev/zero >"$W/small/filler"
    run $SLACHECK export "$A" "$Q" -o "$W/small/r.xlsx"
    expect_rc 5 "export xlsx to a full disk"
    err_has "$W/small/r.xlsx: error: [io-error]" "export xlsx to a full disk"
    err_has "No space left on device" "export xlsx to a full disk says why"
    grep -q "ERROR\]" "$TMP/err" && fail "export xlsx to a full disk: libxlsxwriter printed: $(head -2 "$TMP/err")"
    [ "$(wc -l <"$TMP/err")" = 1 ] || fail "export xlsx to a full disk: $(wc -l <"$TMP/err") lines on stderr"
    umount "$W/small"
else
    echo "note: cannot mount a tmpfs here; full-disk case skipped"
fi

# ---- diff -o x.xlsx: the comparison only --------------------------------------

run $SLACHECK diff "$A" "$Q" -o "$W/diff.xlsx"
if grep -q "diff formats are text and json" "$TMP/err"; then
    echo "skip: diff -o x.xlsx is not wired in src/cli/cmd_diff.c yet"
else
    [ -s "$W/diff.xlsx" ] || fail "diff -o diff.xlsx wrote nothing (exit $rc)"
    run $SLACHECK validate --format json "$A" "$Q"
    cp "$TMP/out" "$W/validate.json"
    xcheck "$W/diff.xlsx" \
        "S == ['Summary', 'Comparison']" \
        "'Findings' not in S and 'qlingo' not in S" \
        "[r[1:3] for r in rows(ws('Summary')) if r[0] == 'Warnings'] == [[f['counts']['warning'] for f in J('$W/validate.json')['files']]]" \
        "[r[1:3] for r in rows(ws('Summary')) if r[0] == 'Info'] == [[f['counts']['info'] for f in J('$W/validate.json')['files']]]" \
        "sum(r[1] + r[2] for r in rows(ws('Summary')) if r[0] in ('Warnings', 'Info')) > 0"
    run $SLACHECK diff --profile "$EX/profiles/personal-data-strict.xml" "$A" "$Q" -o "$W/diff-profile.xlsx"
    xcheck "$W/diff-profile.xlsx" \
        "S == ['Summary', 'Comparison']" \
        "charts() == []" \
        "[r[0] for r in rows(ws('Summary')) if r[0] == 'Score'] == ['Score']"
fi

finish
