#!/bin/sh
# t-profiles.sh - buyer profiles (validate --profile): the two example
# profiles on both seeds, requirement by requirement (met / not-met / unknown,
# reason, the vendor's words, line), scores and failed musts in JSON and text;
# broken profiles refused with exit 4 naming the file, a missing one exit 3.
. "$ROOT/tests/lib.sh"

STRICT="$EX/profiles/personal-data-strict.xml"
LIGHT="$EX/profiles/internal-tool-light.xml"

# both example profiles are valid by their schema (and the schema is RELAX NG)
for p in "$STRICT" "$LIGHT"; do
    xmllint --noout --relaxng "$ROOT/schemas/profile.rng" "$p" 2>"$TMP/lint" ||
        fail "$(basename "$p") does not match schemas/profile.rng: $(cat "$TMP/lint")"
done

# V PROFILE SEED EXIT: validate SEED with PROFILE as JSON into $TMP/SEED.PROFILE.json
V() {
    run $SLACHECK validate --format json --profile "$1" "$EX/$2"
    expect_rc "$3" "validate --profile $(basename "$1") $2"
    J="$TMP/$2.$(basename "$1" .xml).json"
    cp "$TMP/out" "$J"
}

# ---- strict profile, Active! gate: sensible and explained ------------------------
V "$STRICT" active-gate-ss.tsv 0
jcheck "$J" \
    "f['profile']['id'] == 'personal-data-strict' and f['profile']['path'].endswith('examples/profiles/personal-data-strict.xml')" \
    "[x['item'] for x in f['profile']['requirements']] == [2, 5, 6, 11, 15, 18, 28, 29, 32, 33, 35, 39, 42, 49]"
jcheck "$J" \
    "req(f, 2) == [('met', None, '2週間前までに', 10)]" \
    "req(f, 5) == [('unknown', 'by-reference', '約款にてSLAを記載', 13)]" \
    "req(f, 6) == [('not-met', 'no', '【無】', 14)]" \
    "req(f, 11) == [('met', None, '6時間以内', 19)]" \
    "[x['same_as'] for x in f['profile']['requirements'] if x['item'] == 11] == [{'item': 10, 'line': 18}]" \
    "all(x['same_as'] is None for x in f['profile']['requirements'] if x['item'] != 11)" \
    "req(f, 15) == [('met', None, '40分以内', 23)]" \
    "req(f, 18) == [('not-met', 'no', '【無】', 26)]" \
    "req(f, 28) == [('met', None, '【有】', 38)]" \
    "req(f, 29) == [('met', None, '前日分', 39)]" \
    "req(f, 32) == [('met', None, '7世代', 42)]" \
    "req(f, 33) == [('met', None, '【有】', 43)]" \
    "req(f, 35) == [('met', None, '【有】', 46)]" \
    "req(f, 39) == [('met', None, 'ISO/IEC 27001', 51)]" \
    "req(f, 42) == [('met', None, 'TLS1.2', 54)]" \
    "req(f, 49) == [('met', None, '日本国内', 61)]" \
    "(f['profile']['met'], f['profile']['not_met'], f['profile']['unknown']) == (11, 2, 1)" \
    "(f['profile']['must_failed'], f['profile']['must_unknown']) == (0, 1)" \
    "abs(f['profile']['score'] - 21 / 27 * 100) < 1e-9" \
    "[(x['level'], x['weight']) for x in f['profile']['requirements'] if x['item'] in (5, 6)] == [('must', 3.0), ('should', 2.0)]" \
    "[x['requirement'] for x in f['profile']['requirements'] if x['item'] in (2, 11, 39)] == ['≥ 14 days (planned outages announced at least 14 days ahead)', '≤ 24 hours (service back within 24 hours)', 'iso27001 or isms (ISO/IEC 27001 (ISMS) certified)']" \
    "[r for r in allrules(f) if r[0].startswith('requirement-')] == S([('requirement-unknown', 'warning', 5, 13), ('requirement-not-met', 'warning', 6, 14), ('requirement-not-met', 'warning', 18, 26)])" \
    "d['summary']['errors'] == 0 and d['summary']['exit_code'] == 0"

# ---- strict profile, Qlingo: fails two musts -----------------------------------
V "$STRICT" qlingo.tsv 1
jcheck "$J" \
    "req(f, 2) == [('not-met', 'out-of-range', '3日前までに', 11)]" \
    "req(f, 5) == [('met', None, '99.9%以上', 14)]" \
    "req(f, 6) == [('met', None, '【有】', 15)]" \
    "req(f, 11) == [('met', None, '5時間以内', 20)]" \
    "req(f, 15) == [('unknown', 'not-stated', '定めはございませんが、できるだけ早く通知します。(営業時間外の場合は、翌営業日になることがあります。)', 24)]" \
    "req(f, 18) == [('not-met', 'no', '行っていません', 27)]" \
    "req(f, 28) == [('met', None, '【有】', 41)]" \
    "req(f, 29) == [('met', None, '24時間以内', 42)]" \
    "req(f, 32) == [('met', None, '7世代', 45)]" \
    "req(f, 33) == [('met', None, '【有】', 46)]" \
    "req(f, 35) == [('met', None, '【有】', 48)]" \
    "req(f, 39) == [('not-met', 'answered-no', '【無】', 53)]" \
    "req(f, 42) == [('met', None, 'TLSv1.2', 56)]" \
    "req(f, 49) == [('unknown', 'not-stated', '【有】把握しております。', 63)]" \
    "(f['profile']['met'], f['profile']['not_met'], f['profile']['unknown']) == (9, 3, 2)" \
    "(f['profile']['must_failed'], f['profile']['must_unknown']) == (2, 1)" \
    "abs(f['profile']['score'] - 17 / 27 * 100) < 1e-9" \
    "[r for r in allrules(f) if r[0].startswith('requirement-')] == S([('requirement-not-met', 'error', 2, 11), ('requirement-unknown', 'info', 15, 24), ('requirement-not-met', 'warning', 18, 27), ('requirement-not-met', 'error', 39, 53), ('requirement-unknown', 'warning', 49, 63)])" \
    "d['summary']['errors'] == 2 and d['summary']['exit_code'] == 1"

# ---- light profile --------------------------------------------------------------
V "$LIGHT" active-gate-ss.tsv 0
jcheck "$J" \
    "[(x['item'], x['status'], x['reason']) for x in f['profile']['requirements']] == [(1, 'met', None), (3, 'met', None), (5, 'unknown', 'by-reference'), (27, 'met', None), (28, 'met', None), (31, 'met', None), (42, 'met', None)]" \
    "(f['profile']['met'], f['profile']['not_met'], f['profile']['unknown'], f['profile']['must_failed'], f['profile']['must_unknown']) == (6, 0, 1, 0, 0)" \
    "abs(f['profile']['score'] - 8 / 9 * 100) < 1e-9" \
    "[r for r in allrules(f) if r[0].startswith('requirement-')] == [('requirement-unknown', 'info', 5, 13)]"
V "$LIGHT" qlingo.tsv 0
jcheck "$J" \
    "[(x['item'], x['status']) for x in f['profile']['requirements']] == [(1, 'met'), (3, 'met'), (5, 'met'), (27, 'met'), (28, 'met'), (31, 'met'), (42, 'met')]" \
    "f['profile']['score'] == 100 and f['profile']['must_failed'] == 0 and f['profile']['unknown'] == 0" \
    "not any(g['rule'].startswith('requirement-') for g in f['findings'])"

# every checked file has a profile object (docs/json.md), even one without
# items: its requirements are unknown (missing), never silently skipped
run $SLACHECK validate --format json --profile "$STRICT" "$FIX/header-only.tsv" "$FIX/partial-1-8.tsv"
expect_rc 1 "validate --profile header-only.tsv partial-1-8.tsv"
cp "$TMP/out" "$TMP/partial.json"
jcheck "$TMP/partial.json" \
    "[x['path'].rsplit('/', 1)[1] for x in d['files'] if 'profile' in x] == ['header-only.tsv', 'partial-1-8.tsv']" \
    "[(r['status'], r['reason']) for r in d['files'][0]['profile']['requirements']] == [('unknown', 'missing')] * 14" \
    "d['files'][0]['profile']['score'] == 0 and d['files'][0]['profile']['must_unknown'] == 8" \
    "req(d['files'][1], 2) == [('not-met', 'out-of-range', '3日前までに', 11)]" \
    "req(d['files'][1], 5) == [('met', None, '99.9%以上', 14)]" \
    "req(d['files'][1], 49) == [('unknown', 'missing', None, None)]" \
    "(d['files'][1]['profile']['met'], d['files'][1]['profile']['not_met'], d['files'][1]['profile']['unknown']) == (2, 1, 11)"

# without --profile: no profile object, no requirement findings
run $SLACHECK validate --format json "$EX/qlingo.tsv"
cp "$TMP/out" "$TMP/none.json"
jcheck "$TMP/none.json" "f.get('profile') is None" \
    "not any(g['rule'].startswith('requirement-') for g in f['findings'])"

# ---- text: one result line per file, after its summary line ----------------------
run $SLACHECK validate --profile "$STRICT" "$EX/active-gate-ss.tsv" "$EX/qlingo.tsv"
expect_rc 1 "validate --profile strict, both seeds (text)"
out_has "$EX/active-gate-ss.tsv: profile personal-data-strict — score 78/100; of 14 requirements 11 met, 2 not met (0 must), 1 unknown (1 must)" "strict ag text"
out_has "$EX/qlingo.tsv: profile personal-data-strict — score 63/100; of 14 requirements 9 met, 3 not met (2 must), 2 unknown (1 must)" "strict q text"
out_has "$EX/qlingo.tsv:11: error: [requirement-not-met] item 2 (Notice of planned outages) does not meet must requirement ≥ 14 days (planned outages announced at least 14 days ahead): \"3日前までに\" (out-of-range)" "q item 2"
out_has "$EX/qlingo.tsv:53: error: [requirement-not-met] item 39 (Public certifications) does not meet must requirement iso27001 or isms (ISO/IEC 27001 (ISMS) certified): \"【無】\" (answered-no)" "q item 39"
out_has "$EX/qlingo.tsv:63: warning: [requirement-unknown] item 49 (Data storage location policy): cannot tell whether it meets must requirement domestic (data kept in Japan) (not-stated): \"【有】把握しております。\"" "q item 49"
out_has "$EX/active-gate-ss.tsv:13: warning: [requirement-unknown] item 5 (Service availability): cannot tell whether it meets must requirement ≥ 99.9 % (availability of at least 99.9 %) (by-reference): \"約款にてSLAを記載\"" "ag item 5"
grep -n "profile personal-data-strict" "$TMP/out" | cut -d: -f1 >"$TMP/plines"
grep -n "— 49/49 items" "$TMP/out" | cut -d: -f1 >"$TMP/slines"
[ "$(awk '{ print $1 + 1 }' "$TMP/slines" | tr '\n' ' ')" = "$(tr '\n' ' ' <"$TMP/plines")" ] ||
    fail "each profile line must follow its file's summary line"
run $SLACHECK validate --lang ja --profile "$STRICT" "$EX/qlingo.tsv"
out_has "$EX/qlingo.tsv: プロファイル personal-data-strict — スコア 63/100、要件 14 件中 充足 9、未充足 3（must 2）、判断不能 2（must 1）" "ja summary"
out_has "$EX/qlingo.tsv:53: error: [requirement-not-met] 項目 39（公的認証取得の要件）は必須要件 iso27001 または isms（ISO/IEC 27001（ISMS）認証取得） を満たしていません:「【無】」（無と回答）" "ja item 39"

# ---- units in requirements convert: 2 weeks is 14 days -----------------------------
sed 's/op="ge" value="14" unit="day"/op="ge" value="2" unit="week"/' "$STRICT" >"$TMP/weeks.xml"
grep -q 'value="2" unit="week"' "$TMP/weeks.xml" || fail "weeks.xml not made"
V "$TMP/weeks.xml" qlingo.tsv 1
jcheck "$J" "[(x['status'], x['requirement']) for x in f['profile']['requirements'] if x['item'] == 2] == [('not-met', '≥ 2 weeks (planned outages announced at least 14 days ahead)')]"
V "$TMP/weeks.xml" active-gate-ss.tsv 0
jcheck "$J" "[x['status'] for x in f['profile']['requirements'] if x['item'] == 2] == ['met']"
# 3 days: Qlingo's 3日前までに now meets it; a bound just above does not
sed 's/op="ge" value="14" unit="day"/op="ge" value="72" unit="hour"/' "$STRICT" >"$TMP/72h.xml"
V "$TMP/72h.xml" qlingo.tsv 1
jcheck "$J" "[x['status'] for x in f['profile']['requirements'] if x['item'] == 2] == ['met']"
sed 's/op="ge" value="14" unit="day"/op="ge" value="73" unit="hour"/' "$STRICT" >"$TMP/73h.xml"
V "$TMP/73h.xml" qlingo.tsv 1
jcheck "$J" "[x['status'] for x in f['profile']['requirements'] if x['item'] == 2] == ['not-met']"

# ---- broken profiles: exit 4, the file named ------------------------------------
# B NAME EXPECTED-MESSAGE: validate with $TMP/NAME.xml must exit 4
B() {
    run $SLACHECK validate --profile "$TMP/$1.xml" "$EX/qlingo.tsv"
    expect_rc 4 "broken profile $1"
    err_has "$TMP/$1.xml" "broken profile $1 names the file"
    err_has "$2" "broken profile $1"
    [ -s "$TMP/out" ] && fail "broken profile $1: something on stdout"
}
sed 's/checklist="meti-cloud-sla-2010"/checklist="other-list"/' "$STRICT" >"$TMP/wrong-checklist.xml"
B wrong-checklist "profile is for checklist other-list, not meti-cloud-sla-2010"
sed 's/<require item="5" level/<require item="50" level/' "$STRICT" >"$TMP/unknown-item.xml"
B unknown-item "item 50 is not in checklist meti-cloud-sla-2010"
sed 's/value="14" unit="day"/value="14" unit="percent"/' "$STRICT" >"$TMP/unit-percent.xml"
B unit-percent 'unit "percent" is not a duration unit of checklist meti-cloud-sla-2010'
sed 's/value="14" unit="day"/value="14" unit="fortnight"/' "$STRICT" >"$TMP/unit-unknown.xml"
B unit-unknown 'unit "fortnight" is not a duration unit'
sed 's/op="ge" value="99.9"/op="ge" value="99.9" unit="day"/' "$STRICT" >"$TMP/unit-on-percentage.xml"
B unit-on-percentage 'unit "day" is not a percentage unit'
sed 's/ value="14" unit="day"/ value="14"/' "$STRICT" >"$TMP/duration-no-unit.xml"
B duration-no-unit "a duration needs a unit"
sed 's|<match pattern="\\d"/>|<match pattern="(ab"/>|' "$LIGHT" >"$TMP/bad-regex.xml"
grep -q 'pattern="(ab"' "$TMP/bad-regex.xml" || fail "bad-regex.xml not made"
B bad-regex 'invalid regular expression "(ab"'
printf 'item 2: at least 14 days\n' >"$TMP/not-xml.xml"
B not-xml "[bad-definition]"
sed 's/<require item="2" level="must"/<require item="2" level="may"/' "$STRICT" >"$TMP/schema-level.xml"
B schema-level "does not match schemas/profile.rng"
sed '/<title /d' "$STRICT" >"$TMP/schema-no-title.xml"
B schema-no-title "does not match schemas/profile.rng"
sed 's/<presence is="yes"\/>/<presence is="maybe"\/>/' "$LIGHT" >"$TMP/schema-presence.xml"
B schema-presence "does not match schemas/profile.rng"
cat >"$TMP/external-entity.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE profile [<!ENTITY x SYSTEM "file:///etc/hostname">]>
<profile id="x" checklist="meti-cloud-sla-2010"><title ja="&x;" en="x"/>
<require item="2" level="must"><presence is="yes"/></require></profile>
EOF
B external-entity "[bad-definition]"
# a broken profile stops the run before any report is opened
echo "keep" >"$TMP/keep.sarif"
run $SLACHECK validate --profile "$TMP/not-xml.xml" --report sarif="$TMP/keep.sarif" "$EX/qlingo.tsv"
expect_rc 4 "broken profile with --report"
[ "$(cat "$TMP/keep.sarif")" = keep ] || fail "a refused profile damaged an existing report file"

# missing profile file: exit 3 (an input that cannot be read), the file named
run $SLACHECK validate --profile "$TMP/no-such-profile.xml" "$EX/qlingo.tsv"
expect_rc 3 "missing profile"
err_has "$TMP/no-such-profile.xml" "missing profile named"
err_has "[io-error]" "missing profile"

finish
