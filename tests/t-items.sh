#!/bin/sh
# t-items.sh - `items` prints the definition in use: 49 items, unique stable
# ids, the same in JSON, TSV (header + 49 rows) and text.
. "$ROOT/tests/lib.sh"

run $SLACHECK items --format json
expect_rc 0 "items --format json"
cp "$TMP/out" "$TMP/items.json"
jcheck "$TMP/items.json" \
    "d['id'] == 'meti-cloud-sla-2010'" \
    "len(d['items']) == 49" \
    "[i['no'] for i in d['items']] == list(range(1, 50))" \
    "len(set(i['id'] for i in d['items'])) == 49" \
    "all(__import__('re').fullmatch('[a-z0-9]+(-[a-z0-9]+)*', i['id']) for i in d['items'])" \
    "all(i['name']['ja'] and i['name']['en'] and i['unit']['ja'] and i['definition']['ja'] for i in d['items'])" \
    "set(i['kind'] for i in d['items']) <= {'presence', 'duration', 'time-band', 'percentage', 'count', 'frequency', 'text'}" \
    "sum(i['kind'] == 'presence' for i in d['items']) == 29" \
    "d['items'][4]['id'] == 'service-availability' and d['items'][4]['kind'] == 'percentage'" \
    "d['items'][17]['id'] == 'log-access' and d['items'][17]['name']['ja'] == 'ログの取得'" \
    "d['items'][19]['unit']['ja'] == '時間(秒)' and '時間(分)' in d['items'][19]['unit_aliases']" \
    "'ウイルススキャン' in d['items'][46]['aliases']" \
    "[s['id'] for s in d['sections']] == ['application-operations', 'support', 'data-management', 'security']" \
    "sum(len(s['categories']) for s in d['sections']) == 7"

run $SLACHECK items --format tsv
expect_rc 0 "items --format tsv"
cp "$TMP/out" "$TMP/items.tsv"
[ "$(wc -l <"$TMP/items.tsv" | tr -d ' ')" = 50 ] || fail "items --format tsv: $(wc -l <"$TMP/items.tsv") lines, expected 50"
[ "$(awk -F'\t' '{print NF}' "$TMP/items.tsv" | sort -u)" = 11 ] || fail "items --format tsv: rows of different widths"
head -n 1 "$TMP/items.tsv" | grep -q "$(printf '^no\tid\tsection\tcategory\tname_ja\tname_en\t')" ||
    fail "items --format tsv header: $(head -n 1 "$TMP/items.tsv")"
python3 - "$TMP/items.tsv" "$TMP/items.json" <<'EOF' || failures=$((failures + 1))
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")][1:]
items = json.load(open(sys.argv[2], encoding="utf-8"))["items"]
got = [(int(r[0]), r[1], r[4], r[8]) for r in rows]
want = [(i["no"], i["id"], i["name"]["ja"], i["kind"]) for i in items]
if got != want:
    print("FAIL: items TSV and JSON disagree:", [x for x in zip(got, want) if x[0] != x[1]][:3])
    sys.exit(1)
EOF

run $SLACHECK items
expect_rc 0 "items (text)"
out_has "Cloud Service Level Checklist (meti-cloud-sla-2010, 49)" "items"
[ "$(grep -cE '^ +[0-9]+ ' "$TMP/out")" = 49 ] || fail "items (text): not 49 item lines"
out_has "18  Access to logs" "items"
run $SLACHECK items --lang ja
expect_rc 0 "items --lang ja"
out_has "クラウドサービスレベルのチェックリスト (meti-cloud-sla-2010, 49)" "items --lang ja"
out_has "18  ログの取得" "items --lang ja"

run $SLACHECK items --format xml
expect_rc 2 "items --format xml"
err_has "items formats are text, json and tsv: xml" "items --format xml"

finish
