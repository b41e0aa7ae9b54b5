#!/bin/sh
# t-rules.sh - the consistency rules declared in the checklist definition
# (<rule> elements of checklists/meti-cloud-sla-2010.xml): neither seed breaks
# one; each rule-*.tsv fixture (tests/gen_fixtures.py) breaks exactly the
# rules it names, reported under the rule's own id, with its severity, at the
# line of the rule's item (lines from the fixture manifest, "M").
. "$ROOT/tests/lib.sh"

# r FIXTURE EXIT EXPECTED: validate as JSON; xrules(f) must be EXPECTED
r() {
    fx=$1 want=$2 expected=$3
    run $SLACHECK validate --format json "$FIX/$fx"
    expect_rc "$want" "validate --format json $fx"
    cp "$TMP/out" "$TMP/$fx.json"
    jcheck "$TMP/$fx.json" "xrules(f) == S($expected)"
}
# L FIXTURE ITEM: the line of ITEM's row in FIXTURE, from the manifest
L() {
    python3 -c "import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]['lines'][sys.argv[3]][0])" \
        "$FIX/manifest.json" "$1" "$2"
}

# the seeds contradict themselves nowhere
for seed in active-gate-ss.tsv qlingo.tsv; do
    run $SLACHECK validate --format json "$EX/$seed"
    expect_rc 0 "validate $seed"
    cp "$TMP/out" "$TMP/$seed.json"
    jcheck "$TMP/$seed.json" "xrules(f) == []" \
        "not any(g['rule'] in X or g['rule'] == 'consistency' for g in f['findings'])"
done

# the definition declares exactly these rules (tests/check_json.py's X)
python3 - "$ROOT" <<'EOF' || failures=$((failures + 1))
import sys, xml.etree.ElementTree as ET
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1] + "/tests")
import check_json
ids = {r.get("id") for r in ET.parse(sys.argv[1] + "/checklists/meti-cloud-sla-2010.xml").getroot()
       if r.tag.rsplit("}", 1)[-1] == "rule"}
if ids != check_json.X:
    print("FAIL: rules in the checklist %s, tests know %s" % (sorted(ids), sorted(check_json.X)))
    sys.exit(1)
EOF

r rule-dr-alternative.tsv 0 "[('dr-absent-no-alternative', 'info', 6, $(L rule-dr-alternative.tsv 6))]"
r rule-alternative-format.tsv 0 "[('alternative-absent-but-format', 'warning', 8, $(L rule-alternative-format.tsv 8))]"
r rule-backup-absent.tsv 0 "[('backup-absent-but-detailed', 'warning', 28, 38), ('backup-absent-but-generations', 'warning', 28, 38)]"
[ "$(L rule-backup-absent.tsv 28)" = 38 ] || fail "rule-backup-absent.tsv: item 28 not on line 38"
r rule-backup-detailed-only.tsv 0 "[('backup-absent-but-detailed', 'warning', 28, $(L rule-backup-detailed-only.tsv 28))]"
r rule-backup-generations-only.tsv 0 "[('backup-absent-but-generations', 'warning', 28, $(L rule-backup-generations-only.tsv 28))]"
r rule-retention.tsv 0 "[('retention-shorter-than-generations', 'warning', 30, $(L rule-retention.tsv 30))]"
r rule-encryption-tls.tsv 0 "[('encryption-absent-but-tls', 'warning', 33, $(L rule-encryption-tls.tsv 33))]"
r rule-certification.tsv 0 "[('certification-absent-but-named', 'warning', 39, $(L rule-certification.tsv 39))]"
r rules-none-na.tsv 0 "[]"
r rules-none-missing.tsv 1 "[]"
jcheck "$TMP/rules-none-missing.tsv.json" \
    "[g['item'] for g in f['findings'] if g['rule'] == 'missing-item'] == [29, 30, 32]"

# all seven at once: the example of docs/rules.md, message for message
ALL="[('dr-absent-no-alternative', 'info', 6, 15), ('alternative-absent-but-format', 'warning', 8, 17), ('backup-absent-but-detailed', 'warning', 28, 41), ('backup-absent-but-generations', 'warning', 28, 41), ('retention-shorter-than-generations', 'warning', 30, 43), ('encryption-absent-but-tls', 'warning', 33, 46), ('certification-absent-but-named', 'warning', 39, 53)]"
r rules-all.tsv 0 "$ALL"
jcheck "$TMP/rules-all.tsv.json" "sorted(set(g['rule'] for g in f['findings'] if g['rule'] in X)) == sorted(X)" \
    "d['summary']['warnings'] >= 6 and d['summary']['exit_code'] == 0"
cd "$FIX" || exit 2
run $SLACHECK validate rules-all.tsv
expect_rc 0 "validate rules-all.tsv (text)"
sed -n '/^```text$/,/^```$/p' "$ROOT/docs/rules.md" | grep '^vendor\.tsv:[0-9]*: [a-z]*: \[' \
    | sed 's/^vendor\.tsv:/rules-all.tsv:/' >"$TMP/doc-lines"
[ "$(wc -l <"$TMP/doc-lines")" -ge 14 ] || fail "docs/rules.md: expected the 14 example lines, got $(wc -l <"$TMP/doc-lines")"
head -7 "$TMP/doc-lines" | while IFS= read -r line; do
    grep -qxF -- "$line" "$TMP/out" || echo "missing: $line"
done >"$TMP/missing-en"
[ -s "$TMP/missing-en" ] && fail "validate rules-all.tsv lacks the docs/rules.md lines: $(cat "$TMP/missing-en")"
run $SLACHECK validate --lang ja rules-all.tsv
expect_rc 0 "validate --lang ja rules-all.tsv"
tail -n +8 "$TMP/doc-lines" | while IFS= read -r line; do
    grep -qxF -- "$line" "$TMP/out" || echo "missing: $line"
done >"$TMP/missing-ja"
[ -s "$TMP/missing-ja" ] && fail "validate --lang ja rules-all.tsv lacks: $(cat "$TMP/missing-ja")"

# --fail-on applies to them like to any finding: warning fails, info alone does not
run $SLACHECK validate --fail-on warning rule-retention.tsv
expect_rc 1 "rule-retention.tsv --fail-on warning"
run $SLACHECK validate --fail-on warning --format json rule-dr-alternative.tsv
cp "$TMP/out" "$TMP/dr-w.json"
jcheck "$TMP/dr-w.json" "xrules(f) == [('dr-absent-no-alternative', 'info', 6, 14)]"
run $SLACHECK validate --fail-on info rule-dr-alternative.tsv
expect_rc 1 "rule-dr-alternative.tsv --fail-on info"
out_has "rule-dr-alternative.tsv:14: info: [dr-absent-no-alternative] neither disaster recovery (item 6) nor alternative measures for major failures (item 7) are provided" "dr text"

finish
