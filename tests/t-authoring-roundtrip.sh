#!/bin/sh
# t-authoring-roundtrip.sh - lossless round trips between the formats a
# vendor keeps answers in: both seed vendors and a hostile checklist go
# tsv -> md -> xlsx -> csv -> json -> tsv through `convert`, and every answer
# and remark is identical at the end (line breaks, full-width characters,
# |, <, ", & and a leading = included); each intermediate file validates
# with the same findings (rule, item) as the original; templates filled
# --from each format agree too; a blank template of every format reads
# back as 49 empty answers.
. "$ROOT/tests/lib.sh"

# answers and remarks by item number, from a convert JSON document
cat >"$TMP/answers.py" <<'EOF'
import json, sys
def answers(path):
    d = json.load(open(path, encoding="utf-8"))
    return {it["no"]: (it["answer"], it["remarks"]) for it in d["items"]}
a, b = answers(sys.argv[1]), answers(sys.argv[2])
if a != b:
    for no in sorted(set(a) | set(b)):
        if a.get(no) != b.get(no):
            print("    item %s: %r\n         != %r" % (no, a.get(no), b.get(no)))
            break
    sys.exit(1)
EOF

# findings as (rule, item), from validate --format json
cat >"$TMP/findings.py" <<'EOF'
import json, sys
def findings(path):
    f = json.load(open(path, encoding="utf-8"))["files"][0]
    # convert writes the checklist's names, definitions and units: what the
    # original said in other words is not carried over
    words = ("name-mismatch", "unit-mismatch", "known-variant", "definition-mismatch", "definition-cut-short")
    return sorted((x["rule"], x["item"]) for x in f["findings"] if x["rule"] not in words)
a, b = findings(sys.argv[1]), findings(sys.argv[2])
if a != b:
    print("    only in the original:", sorted(set(a) - set(b))[:5])
    print("    only in the copy:    ", sorted(set(b) - set(a))[:5])
    sys.exit(1)
EOF

# a hostile checklist: what answers really hold, and what breaks formats
python3 - "$TMP/hostile.csv" <<'EOF'
import csv, sys
rows = [["No", "種別", "サービスレベル項目", "規定内容", "測定単位", "回答", "備考"]]
tricky = [
    "【有】 2週間前までに\n告知サイトにて連絡いたします。",
    "=1+1",
    "=HYPERLINK(\"http://example.com\")",
    "a | b || c",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"quoted\" & 'single'",
    "全角：ＡＢＣ１２３　（全角スペース）",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "---",
    "*not bold* _not em_ `not code`",
    "[not a link](http://x)",
    "trailing backslash \\",
    "first paragraph\n\nsecond paragraph",
    "  two leading spaces",
    "tab\tinside",
    "【無】",
    "99.9%以上",
]
for no in range(1, 50):
    answer = tricky[(no - 1) % len(tricky)]
    remarks = tricky[(no + 6) % len(tricky)] if no % 3 == 0 else ""
    rows.append([str(no), "", "", "", "", answer, remarks])
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
EOF

for seed in "$EX/active-gate-ss.tsv" "$EX/qlingo.tsv" "$TMP/hostile.csv"; do
    name=$(basename "$seed")
    d="$TMP/rt-$name"
    mkdir -p "$d"
    run $SLACHECK convert "$seed" -o "$d/orig.json"
    expect_rc 0 "$name: convert to json"
    run $SLACHECK validate --format json "$seed" -o "$d/orig.findings.json"
    prev=$seed
    for step in tsv md xlsx csv json tsv2; do
        ext=${step%2}
        out="$d/step-$step.$ext"
        run $SLACHECK convert "$prev" -o "$out"
        expect_rc 0 "$name: convert $(basename "$prev") to .$ext"
        [ -s "$out" ] || { fail "$name: .$ext is empty"; break; }
        run $SLACHECK convert "$out" -o "$d/check-$step.json"
        expect_rc 0 "$name: read back .$ext"
        python3 "$TMP/answers.py" "$d/orig.json" "$d/check-$step.json" ||
            fail "$name: answers changed after $(basename "$out")"
        run $SLACHECK validate --format json "$out" -o "$d/findings-$step.json"
        python3 "$TMP/findings.py" "$d/orig.findings.json" "$d/findings-$step.json" ||
            fail "$name: findings differ for $(basename "$out")"
        prev=$out
    done
    # the end of the chain is the canonical table of the start
    run $SLACHECK convert "$seed" -o "$d/direct.tsv"
    cmp -s "$d/direct.tsv" "$d/step-tsv2.tsv" || fail "$name: tsv after the round trip differs from the direct conversion"

    # templates filled from each format hold the same answers
    for f in md xlsx csv; do
        run $SLACHECK template --from "$d/step-$f.$f" -o "$d/template.$f"
        expect_rc 0 "$name: template --from .$f"
        run $SLACHECK convert "$d/template.$f" -o "$d/template-$f.json"
        python3 "$TMP/answers.py" "$d/orig.json" "$d/template-$f.json" ||
            fail "$name: template --from .$f changed the answers"
    done
done

# blank templates: every item, empty answers, readable in every format
for f in tsv csv md xlsx; do
    run $SLACHECK template --format "$f" -o "$TMP/blank.$f"
    expect_rc 0 "blank template .$f"
    run $SLACHECK validate --format json "$TMP/blank.$f" -o "$TMP/blank-$f.json"
    jcheck "$TMP/blank-$f.json" \
        'f["items_found"] == 49' \
        'sorted(set(x["rule"] for x in f["findings"])) == ["empty-answer"]' \
        'len([x for x in f["findings"] if x["rule"] == "empty-answer"]) == 49'
done

# Shift_JIS for the offices that need it, strict
run $SLACHECK template --from "$EX/qlingo.tsv" --encoding cp932 -o "$TMP/sjis.csv"
expect_rc 0 "template --encoding cp932"
iconv -f CP932 -t UTF-8 "$TMP/sjis.csv" >/dev/null 2>&1 || fail "template --encoding cp932 is not CP932"
head -c 3 "$TMP/sjis.csv" | od -An -tx1 | grep -q "ef bb bf" && fail "CP932 CSV has a UTF-8 BOM"
run $SLACHECK convert "$TMP/sjis.csv" -o "$TMP/sjis.json"
python3 "$TMP/answers.py" "$TMP/rt-qlingo.tsv/orig.json" "$TMP/sjis.json" || fail "CP932 template changed the answers"
printf 'No\tサービスレベル項目\t回答\n1\tサービス時間\t24時間 \360\237\230\200 対応\n' >"$TMP/emoji.tsv"
printf 'OLD\n' >"$TMP/emoji-out.csv"
run $SLACHECK template --from "$TMP/emoji.tsv" --encoding cp932 -o "$TMP/emoji-out.csv"
expect_rc 5 "template --encoding cp932 with a character CP932 lacks"
err_has "cannot be written in" "the unmappable character is named"
[ "$(cat "$TMP/emoji-out.csv")" = OLD ] || fail "a failed CP932 template replaced the old file"
run $SLACHECK template --format md --encoding cp932
expect_rc 2 "--encoding for a Markdown template"

finish
