#!/bin/sh
# t-export-data.sh - the report model as export writes it for machines:
# JSON (files as validate reports them, standing per category that adds up,
# requirement counts with a profile, the comparison of every item) and the
# TSV/CSV comparison table (a row per item, every answer and remark byte
# for byte, ▲/▼ where the comparison says better/worse); a partial
# checklist counts its missing items; --lang ja labels.
. "$ROOT/tests/lib.sh"

A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
P=$EX/profiles/personal-data-strict.xml

run $SLACHECK convert "$A" -o "$TMP/a.json"
run $SLACHECK convert "$Q" -o "$TMP/q.json"
run $SLACHECK diff --all --format json "$A" "$Q" -o "$TMP/diff.json"

run $SLACHECK export --profile "$P" "$A" "$Q" -o "$TMP/r.json"
expect_rc 0 "export json"
jcheck "$TMP/r.json" \
    'd["kind"] == "export" and d["version"] == 2' \
    'len(d["files"]) == 2 and [f["vendor"] for f in d["files"]] == ["Active! gate SS", "qlingo"]' \
    'all(f["profile"]["score"] >= 0 for f in d["files"])' \
    'len(d["standing"]) == 2 and all(len(s["categories"]) == 7 for s in d["standing"])' \
    'all(sum(c["items"] for c in s["categories"]) == 49 for s in d["standing"])' \
    'all(c["answered"] + c["missing"] == c["items"] for s in d["standing"] for c in s["categories"])' \
    'all(c["yes"] + c["no"] <= c["answered"] and c["undisclosed"] <= c["answered"] for s in d["standing"] for c in s["categories"])' \
    'all(0 <= c["requirements_met"] <= c["requirements"] for s in d["standing"] for c in s["categories"])' \
    '[sum(c["requirements_met"] for c in s["categories"]) for s in d["standing"]] == [f["profile"]["met"] for f in d["files"]]' \
    'len(d["comparison"]["items"]) == 49'
# the comparison in the report is diff's, item for item
python3 - "$TMP/r.json" "$TMP/diff.json" <<'EOF' || fail "export json comparison differs from diff --all --format json"
import json, sys
r = json.load(open(sys.argv[1]))["comparison"]
d = json.load(open(sys.argv[2]))
strip = lambda items: [(i["no"], i["verdict"], i["better"], i["worse"]) for i in items]
assert strip(r["items"]) == strip(d["items"]), "items differ"
assert r["summary"] == d["summary"], "summaries differ"
EOF
# the yes counts agree with the facts convert reads
python3 - "$TMP/r.json" "$TMP/a.json" <<'EOF' || fail "standing 有 count disagrees with convert's facts"
import json, sys
r = json.load(open(sys.argv[1]))
a = json.load(open(sys.argv[2]))
yes = sum(1 for it in a["items"] if any(f.get("type") == "presence" and f.get("value") == "yes" for f in it.get("facts", [])))
got = sum(c["yes"] for c in r["standing"][0]["categories"])
assert yes == got, (yes, got)
EOF

# no profile: no requirement fields
run $SLACHECK export "$Q" -o "$TMP/one.json"
expect_rc 0 "export json, one vendor"
jcheck "$TMP/one.json" \
    'len(d["files"]) == 1 and "profile" not in d["files"][0]' \
    'all("requirements" not in c for c in d["standing"][0]["categories"])' \
    'len(d["comparison"]["vendors"]) == 1'

# a partial checklist: items 1-8 only
head -n 16 "$Q" >"$TMP/partial.tsv"
run $SLACHECK export "$TMP/partial.tsv" "$Q" -o "$TMP/partial.json"
expect_rc 0 "export json, partial checklist"
jcheck "$TMP/partial.json" \
    'sum(c["missing"] for c in d["standing"][0]["categories"]) == 49 - d["files"][0]["items_found"]' \
    'd["files"][0]["items_found"] < 49' \
    'sum(c["missing"] for c in d["standing"][1]["categories"]) == 0'

# TSV and CSV: a row per item, the answers byte for byte
for f in tsv csv; do
    run $SLACHECK export "$A" "$Q" -o "$TMP/r.$f"
    expect_rc 0 "export $f"
    python3 - "$TMP/r.$f" "$TMP/a.json" "$TMP/q.json" "$TMP/diff.json" <<'EOF' || fail "export $f content"
import csv, json, sys
path = sys.argv[1]
rows = list(csv.reader(open(path, encoding="utf-8-sig", newline=""),
                       delimiter="\t" if path.endswith(".tsv") else ","))
head, body = rows[0], rows[1:]
assert len(body) == 49, len(body)
assert all(len(r) == len(head) for r in rows), "ragged rows"
vendors = [json.load(open(p)) for p in sys.argv[2:4]]
diff = json.load(open(sys.argv[4]))
for v, doc in enumerate(vendors):
    ans = {it["no"]: it for it in doc["items"]}
    for r in body:
        no = int(r[0])
        col = 5 + 4 * v
        assert r[col] == ans[no]["answer"], (v, no, r[col], ans[no]["answer"])
        assert r[col + 1] == (ans[no].get("remarks") or ""), (v, no)
        assert r[col + 3] == str(ans[no]["line"]), (v, no)
for r, it in zip(body, diff["items"]):
    for v in range(2):
        facts = r[5 + 4 * v + 2]
        assert facts.startswith("▲") == (v in it["better"]), (it["no"], v, facts)
        assert facts.startswith("▼") == (v in it["worse"]), (it["no"], v, facts)
EOF
done
head -c 3 "$TMP/r.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "export csv has no BOM for Excel"

# Japanese labels
run $SLACHECK --lang ja export "$A" "$Q" -o "$TMP/ja.tsv"
head -n 1 "$TMP/ja.tsv" | grep -q "サービスレベル項目" || fail "export --lang ja: header not in Japanese"
# facts in the report's language: item 2 of Active! gate (2週間前までに) and qlingo (3日前までに)
grep -q "$(printf '^2\t.*\t▲ 有; ≥ 2週間\t.*\t▼ 有; ≥ 3日\t')" "$TMP/ja.tsv" ||
    fail "export --lang ja: item 2's facts are not in Japanese: $(grep "$(printf '^2\t')" "$TMP/ja.tsv" | cut -f8,12)"
grep -q "$(printf '^21\t.*\t非公開\t')" "$TMP/ja.tsv" || fail "export --lang ja: undisclosed is not 非公開"
jq_title=$($SLACHECK --lang ja export "$A" "$Q" -o - --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')
case $jq_title in *"2 社の比較"*) ;; *) fail "export --lang ja: title is '$jq_title'" ;; esac

finish
