#!/bin/sh
# t-checklist.sh - --checklist FILE: a company's own small definition (items
# 1-3 of METI's, id mini-3) works for items, validate and convert; broken
# definitions are refused with exit 4 naming the file, before any input is
# read; a definition that does not exist is unreadable input (exit 3).
. "$ROOT/tests/lib.sh"

XML=$ROOT/checklists/meti-cloud-sla-2010.xml
python3 - "$XML" "$TMP" <<'EOF' || exit 2
import sys
src, tmp = sys.argv[1], sys.argv[2]
s = open(src, encoding="utf-8").read()
start = s.index('  <section id="application-operations"')
cut = s.index('      <item no="4" ')
mini = (s[:start].replace('id="meti-cloud-sla-2010"', 'id="mini-3"') + s[start:cut].rstrip() +
        "\n    </category>\n  </section>\n</checklist>\n")
open(tmp + "/mini.xml", "w", encoding="utf-8").write(mini)
# broken ones, each with one mistake
open(tmp + "/bad-kind.xml", "w", encoding="utf-8").write(
    s.replace('kind="presence"', 'kind="maybe"', 1))
open(tmp + "/dup-no.xml", "w", encoding="utf-8").write(
    s.replace('<item no="3" ', '<item no="2" ', 1))
open(tmp + "/dup-id.xml", "w", encoding="utf-8").write(
    s.replace('id="service-termination-notice"', 'id="planned-outage-notice"', 1))
open(tmp + "/not-xml.xml", "w", encoding="utf-8").write("No\tItem\n1\tサービス時間\n")
open(tmp + "/truncated.xml", "w", encoding="utf-8").write(s[: len(s) // 2])
EOF

# a custom checklist of 3 items
run $SLACHECK items --checklist "$TMP/mini.xml" --format tsv
expect_rc 0 "items --checklist mini.xml"
[ "$(wc -l <"$TMP/out" | tr -d ' ')" = 4 ] || fail "items --checklist mini.xml: not 4 lines"
run $SLACHECK items --checklist "$TMP/mini.xml" --format json
cp "$TMP/out" "$TMP/mini-items.json"
jcheck "$TMP/mini-items.json" "d['id'] == 'mini-3'" "[i['id'] for i in d['items']] == ['service-hours', 'planned-outage-notice', 'service-termination-notice']"

run $SLACHECK validate --checklist "$TMP/mini.xml" --format json "$FIX/partial-1-8.tsv"
expect_rc 0 "validate --checklist mini.xml partial-1-8.tsv"
cp "$TMP/out" "$TMP/mini-partial.json"
jcheck "$TMP/mini-partial.json" \
    "d['checklist']['id'] == 'mini-3' and d['checklist']['path'].endswith('mini.xml')" \
    "f['items_found'] == 3 and f['items_expected'] == 3" \
    "f['missing'] == [] and f['unknown'] == [4, 5, 6, 7, 8]" \
    "rules(f) == S([('unknown-item', 'warning', n, n + 9) for n in range(4, 9)])"

run $SLACHECK validate --checklist "$TMP/mini.xml" --fail-on warning "$EX/qlingo.tsv"
expect_rc 1 "validate --checklist mini.xml --fail-on warning qlingo.tsv"
out_has "qlingo — 3/3 items, UTF-8, 0 errors, 46 warnings, 3 info" "validate --checklist mini.xml qlingo.tsv"
# sections the definition lacks (サポート, データ管理, セキュリティ) are ignored rows
out_has "qlingo.tsv:37: info: [ignored-row] row ignored: \"サポート\"" "mini qlingo"
out_has "qlingo.tsv:63: warning: [unknown-item] item 49 \"データの外部保存方針\" is not in the checklist" "mini qlingo"

run $SLACHECK convert --checklist "$TMP/mini.xml" "$EX/active-gate-ss.tsv" -o "$TMP/mini-ag.json"
expect_rc 0 "convert --checklist mini.xml active-gate-ss.tsv"
jcheck "$TMP/mini-ag.json" "[i['no'] for i in d['items']] == [1, 2, 3]" \
    "items[2]['remarks'] == 'https://notice.qualitia.com/'" "d['checklist']['id'] == 'mini-3'"

# broken definitions: exit 4, the file named, nothing validated
for b in bad-kind dup-no dup-id not-xml truncated; do
    run $SLACHECK validate --checklist "$TMP/$b.xml" "$EX/qlingo.tsv"
    expect_rc 4 "validate --checklist $b.xml"
    err_has "$TMP/$b.xml" "validate --checklist $b.xml"
    err_has "error: [bad-definition] invalid checklist definition" "validate --checklist $b.xml"
    [ -s "$TMP/out" ] && fail "validate --checklist $b.xml printed a report"
done
run $SLACHECK items --checklist "$TMP/bad-kind.xml"
line=$(grep -n 'kind="maybe"' "$TMP/bad-kind.xml" | cut -d: -f1)
err_has "bad-kind.xml:$line: error: [bad-definition]" "items --checklist bad-kind.xml (line $line, the bad item)"
run $SLACHECK items --checklist "$TMP/dup-no.xml"
err_has "(item number 2 is defined twice)" "items --checklist dup-no.xml"
run $SLACHECK items --checklist "$TMP/dup-id.xml"
err_has "planned-outage-notice" "items --checklist dup-id.xml"

# a definition file that is not there: unreadable input
run $SLACHECK items --checklist "$TMP/none.xml"
expect_rc 3 "items --checklist none.xml"
err_has "none.xml: error: [io-error]" "items --checklist none.xml"

finish
