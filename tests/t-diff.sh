#!/bin/sh
# t-diff.sh - `slacheck diff`: the two seed vendors side by side (verdicts,
# better/worse, summary), selection (--all, --items, --category), names,
# exit status, three vendors ranked whatever their order, more than 16
# vendors; two versions of one vendor (word-level changes, weakened
# commitments, nothing else); the terminal layout by display width, colours
# only on a terminal and never with NO_COLOR; Japanese messages.
. "$ROOT/tests/lib.sh"
A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
W=$TMP/w
mkdir -p "$W"

# ---- the two seeds side by side ---------------------------------------------

run $SLACHECK diff --format json "$A" "$Q"
expect_rc 1 "diff of the seeds"
cp "$TMP/out" "$W/seeds.json"
jcheck "$W/seeds.json" \
    "d['version'] == 2 and d['mode'] == 'vendors' and d['changes'] == []" \
    "[(v['name'], v['path']) for v in d['vendors']] == [('Active! gate SS', '$A'), ('qlingo', '$Q')]" \
    "items[2]['verdict'] == 'differs'" \
    "items[2]['better'] == [0] and items[2]['worse'] == [1]" \
    "[a['standing'] for a in items[2]['answers']] == ['≥ 2 weeks', '≥ 3 days']" \
    "items[2]['answers'][0]['text'].startswith('【有】 2週間前までに') and items[2]['answers'][0]['line'] == 10" \
    "items[39]['verdict'] == 'differs' and items[39]['better'] == [0] and items[39]['worse'] == [1]" \
    "[a['standing'] for a in items[39]['answers']] == ['yes', 'no'] and items[39]['answers'][1]['text'].startswith('【無】')" \
    "items[5]['better'] == [] and items[5]['worse'] == [] and items[5]['answers'][1]['standing'] == '≥ 99.9% (target)'" \
    "items[11]['better'] == [1] and items[11]['worse'] == [0]" \
    "items[24]['better'] == [1] and items[24]['worse'] == [0]" \
    "all(i['verdict'] in ('differs', 'missing') for i in d['items'])" \
    "32 in items and 19 not in items and 20 not in items and 21 not in items" \
    "all(len(i['answers']) == 2 for i in d['items'])" \
    "[c['id'] for c in d['summary']['categories']][:2] == ['availability', 'reliability']" \
    "sum(c['items'] for c in d['summary']['categories']) == 49" \
    "sum(c['differ'] for c in d['summary']['categories']) == len(d['items'])" \
    "all(s['differs'] == len(d['items']) and s['missing'] == 0 for s in d['summary']['vendors'])" \
    "[s['leads'] for s in d['summary']['vendors']] == [sum(k in i['better'] for i in d['items']) for k in (0, 1)]" \
    "[s['trails'] for s in d['summary']['vendors']] == [sum(k in i['worse'] for i in d['items']) for k in (0, 1)]" \
    "[s['leads'] for s in d['summary']['vendors']] == [s['trails'] for s in d['summary']['vendors']][::-1]"

run $SLACHECK diff --all --format json "$A" "$Q"
expect_rc 1 "diff --all of the seeds"
cp "$TMP/out" "$W/seeds-all.json"
jcheck "$W/seeds-all.json" \
    "[i['no'] for i in d['items']] == list(range(1, 50))" \
    "items[32]['verdict'] == 'differs'" \
    "[a['standing'] for a in items[32]['answers']] == ['7 generations', '7 generations (guarantee)']" \
    "items[32]['better'] == [1] and items[32]['worse'] == [0]" \
    "all(items[n]['verdict'] == 'equivalent' for n in (19, 20, 21))" \
    "all(a['undisclosed'] and a['standing'] == 'undisclosed' for n in (19, 20, 21) for a in items[n]['answers'])" \
    "items[2] == json.load(open('$W/seeds.json'))['items'][0]" \
    "d['summary'] == json.load(open('$W/seeds.json'))['summary']"

# the same model on the terminal
run $SLACHECK diff "$A" "$Q"
expect_rc 1 "diff (text) of the seeds"
out_has "  [1] Active! gate SS ($A)" "diff text"
out_has "Per vendor:         leads  trails  undisclosed  missing" "diff text summary"
# the summary's figures are those of the JSON (not written here: they
# follow what the facts read, which other issues refine)
python3 - "$TMP/out" "$W/seeds.json" <<'EOF' || failures=$((failures + 1))
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
d = json.load(open(sys.argv[2], encoding="utf-8"))
want = ["  %-26s%2d/%d" % (c["en"], c["differ"], c["items"]) for c in d["summary"]["categories"]]
want += ["  %-18s%5d  %6d  %11d  %7d" % (v["name"], s["leads"], s["trails"], s["undisclosed"], s["missing"])
         for v, s in zip(d["vendors"], d["summary"]["vendors"])]
lines = text.split("\n")
missing = [w for w in want if w not in lines]
if missing:
    print("FAIL: diff text summary lacks %r" % missing)
    sys.exit(1)
EOF
out_has "[≥ 2 weeks]" "diff text"
grep -q '^  2 Notice of planned differs    ▲ 【有】 2週間前' "$TMP/out" || fail "diff text: row of item 2"
# the same 7 generations, guaranteed against stated: the guarantee leads
grep -q '^ 32 Number of backup  differs .*▲' "$TMP/out" || fail "diff text: item 32 (guarantee leads) not shown"
run $SLACHECK diff --all "$A" "$Q"
grep -q '^ 19 .* equivalent ' "$TMP/out" || fail "diff --all text: row of item 19"

# identical answers: exit 0, whatever the names
run $SLACHECK diff "$A" "$A"
expect_rc 0 "diff of a file with itself"
sed 's/Active! gate SS/Other Name/' "$A" >"$W/renamed.tsv"
run $SLACHECK diff --format json "$A" "$W/renamed.tsv"
expect_rc 0 "diff of the same answers under another name"
cp "$TMP/out" "$W/same.json"
jcheck "$W/same.json" "d['mode'] == 'vendors' and d['items'] == []" \
    "all(c['differ'] == 0 for c in d['summary']['categories'])"
run $SLACHECK diff --all --format json "$A" "$W/renamed.tsv"
expect_rc 0 "diff --all of the same answers"
cp "$TMP/out" "$W/same-all.json"
jcheck "$W/same-all.json" "len(d['items']) == 49 and all(i['verdict'] == 'same' for i in d['items'])"

# --exit-zero: the same report, status 0
run $SLACHECK diff --exit-zero "$A" "$Q"
expect_rc 0 "diff --exit-zero"
out_has "[≥ 3 days]" "diff --exit-zero"
run $SLACHECK diff --exit-zero --format json "$A" "$Q"
expect_rc 0 "diff --exit-zero --format json"

# selection
run $SLACHECK diff --format json --items 1-9,28-38 "$A" "$Q"
expect_rc 1 "diff --items"
cp "$TMP/out" "$W/items.json"
jcheck "$W/items.json" \
    "[i['no'] for i in d['items']] == [i['no'] for i in json.load(open('$W/seeds.json'))['items'] if i['no'] <= 9 or 28 <= i['no'] <= 38]" \
    "2 in items and 28 in items and 39 not in items" \
    "d['summary'] == json.load(open('$W/seeds.json'))['summary']"
run $SLACHECK diff --all --format json --items 1-9,28-38 "$A" "$Q"
cp "$TMP/out" "$W/items-all.json"
jcheck "$W/items-all.json" "[i['no'] for i in d['items']] == list(range(1, 10)) + list(range(28, 39))"
for cat in データ管理 "Data management" data-management; do
    run $SLACHECK diff --all --format json --category "$cat" "$A" "$Q"
    expect_rc 1 "diff --category $cat"
    cp "$TMP/out" "$W/cat.json"
    jcheck "$W/cat.json" "[i['no'] for i in d['items']] == list(range(28, 39))"
done
run $SLACHECK diff --format json --category データ管理 "$A" "$Q"
cp "$TMP/out" "$W/cat.json"
jcheck "$W/cat.json" "[i['no'] for i in d['items']] == [i['no'] for i in json.load(open('$W/seeds.json'))['items'] if 28 <= i['no'] <= 38]" \
    "28 in items and 37 in items"
run $SLACHECK diff --all --format json --category データ管理 --items 1-30 "$A" "$Q"
cp "$TMP/out" "$W/cat.json"
jcheck "$W/cat.json" "[i['no'] for i in d['items']] == [28, 29, 30]"
run $SLACHECK diff --items 2 "$A" "$Q"
[ "$(grep -cE '^ {0,2}[0-9]+ ' "$TMP/out")" = 1 ] || fail "diff --items 2 (text): not one row"

# names
run $SLACHECK diff --format json --name X --name "ベンダーY" "$A" "$Q"
cp "$TMP/out" "$W/names.json"
jcheck "$W/names.json" "[v['name'] for v in d['vendors']] == ['X', 'ベンダーY'] and d['mode'] == 'vendors'"
run $SLACHECK diff --name X --name "ベンダーY" "$A" "$Q"
out_has "  [2] ベンダーY ($Q)" "diff --name (text)"
grep -q '^ No Item  *Verdict  *X  *ベンダーY$' "$TMP/out" || fail "diff --name: table header"
# two files given one name are two versions
run $SLACHECK diff --format json --name Same --name Same "$A" "$Q"
cp "$TMP/out" "$W/names.json"
jcheck "$W/names.json" "d['mode'] == 'versions'"

# trouble: 2 and above
run $SLACHECK diff "$A" "$W/no-such-file.tsv"
expect_rc 3 "diff with a missing file"
err_has "no-such-file.tsv" "diff with a missing file"
[ -s "$TMP/out" ] && fail "diff with a missing file: something was compared"
run $SLACHECK diff --name X "$A" "$Q"
expect_rc 2 "diff with one --name for two files"
err_has "give --name once per file" "diff --name count"
run $SLACHECK diff --items 1-x "$A" "$Q"
expect_rc 2 "diff --items 1-x"
err_has "--items takes numbers and ranges" "diff --items 1-x"
run $SLACHECK diff --category nonsense "$A" "$Q"
expect_rc 2 "diff --category nonsense"
err_has "unknown category: nonsense" "diff --category nonsense"
run $SLACHECK diff --changes "$A" "$Q" "$A"
expect_rc 2 "diff --changes with three files"
run $SLACHECK diff --format sarif "$A" "$Q"
expect_rc 2 "diff --format sarif"
run $SLACHECK diff "$A"
expect_rc 2 "diff with one file"
run $SLACHECK diff --fail-on warning "$A" "$Q"
expect_rc 2 "diff --fail-on"

# ---- three vendors ----------------------------------------------------------
# a third vendor from Qlingo: a month's notice (item 2), 99.99 % (item 5)
python3 - "$Q" "$W/third.tsv" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for old, new in (("【有】実施3日前までに", "【有】実施1ヶ月前までに"), ("稼働率99.9%以上", "稼働率99.99%以上")):
    assert s.count(old) == 1, old
    s = s.replace(old, new)
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
for order in "A Q T" "T Q A" "Q T A"; do
    set --
    for k in $order; do
        case $k in A) set -- "$@" "$A" ;; Q) set -- "$@" "$Q" ;; T) set -- "$@" "$W/third.tsv" ;; esac
    done
    run $SLACHECK diff --all --format json "$@"
    expect_rc 1 "diff of three vendors ($order)"
    cp "$TMP/out" "$W/three.json"
    # by name, so the order of the files does not matter. Counts: third
    # ties qlingo wherever qlingo leads or trails, but for items 2 and 5,
    # where it leads and qlingo trails.
    jcheck "$W/three.json" \
        "[v['name'] for v in d['vendors']] == [{'A': 'Active! gate SS', 'Q': 'qlingo', 'T': 'third'}[k] for k in '$order'.split()]" \
        "(lambda n: [n[k] for k in items[2]['better']] == ['third'] and [n[k] for k in items[2]['worse']] == ['qlingo'])([v['name'] for v in d['vendors']])" \
        "(lambda n: [n[k] for k in items[5]['better']] == ['third'] and [n[k] for k in items[5]['worse']] == ['qlingo'])([v['name'] for v in d['vendors']])" \
        "(lambda n: [n[k] for k in items[39]['better']] == ['Active! gate SS'] and sorted(n[k] for k in items[39]['worse']) == ['qlingo', 'third'])([v['name'] for v in d['vendors']])" \
        "(lambda n: sorted(n[k] for k in items[16]['better']) == ['Active! gate SS'] and sorted(n[k] for k in items[16]['worse']) == ['qlingo', 'third'])([v['name'] for v in d['vendors']])" \
        "items[1]['verdict'] == 'equivalent' and items[9]['verdict'] == 'equivalent'" \
        "[s['leads'] for s in d['summary']['vendors']] == [sum(k in i['better'] for i in d['items']) for k in range(3)]" \
        "[s['trails'] for s in d['summary']['vendors']] == [sum(k in i['worse'] for i in d['items']) for k in range(3)]" \
        "(lambda s: s['third']['leads'] == s['qlingo']['leads'] + 2 and s['third']['trails'] == s['qlingo']['trails'] - 2)({v['name']: s for v, s in zip(d['vendors'], d['summary']['vendors'])})"
done
# an answer that cannot be ranked against the others (【有】 without a notice
# period) is neither better nor worse, in whatever order the files come
sed 's/2週間前までに障害/事前に障害/; s/Active! gate SS/Vendor B/' "$A" >"$W/b.tsv"
for order in "A B Q" "B A Q" "Q B A"; do
    set --
    for k in $order; do
        case $k in A) set -- "$@" "$A" ;; Q) set -- "$@" "$Q" ;; B) set -- "$@" "$W/b.tsv" ;; esac
    done
    run $SLACHECK diff --items 2 --format json "$@"
    cp "$TMP/out" "$W/unranked.json"
    jcheck "$W/unranked.json" \
        "(lambda n: ([n[k] for k in items[2]['better']], [n[k] for k in items[2]['worse']]) == (['Active! gate SS'], ['qlingo']))([v['name'] for v in d['vendors']])"
done

# more than 16 vendors: every one gets its column
for k in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
    sed "s/Active! gate SS/V$k/" "$A" >"$W/v$k.tsv"
done
sed -i 's/2週間前までに障害/3日前までに障害/' "$W/v20.tsv"
run $SLACHECK diff --items 2 "$W"/v*.tsv
expect_rc 1 "diff of 20 vendors"
row=$(grep '^  2 ' "$TMP/out")
[ "$(printf '%s\n' "$row" | grep -o '▲' | wc -l)" = 19 ] || fail "diff of 20 vendors: not 19 ▲ on item 2: $row"
[ "$(printf '%s\n' "$row" | grep -o '▼' | wc -l)" = 1 ] || fail "diff of 20 vendors: not 1 ▼ on item 2: $row"
grep -q '^ No .*V01 .*V20$' "$TMP/out" || fail "diff of 20 vendors: header"

# ---- two versions of one vendor -----------------------------------------------
# An edited copy of Active! gate: notice 2週間前 -> 3日前 (item 2), 【有】 -> 【無】
# (item 23), a wording-only change (item 14); and of Qlingo: 99.9 -> 99.5 %
# (item 5), and a removed row (item 48).
python3 - "$A" "$W/ag-new.tsv" "$Q" "$W/qlingo-new.tsv" <<'EOF'
import sys

def edit(src, dst, edits, drop=None):
    lines = open(src, encoding="utf-8").read().split("\n")
    out = []
    for line in lines:
        cells = line.split("\t")
        if drop and cells[0] == str(drop):
            continue
        for no, old, new in edits:
            if cells[0] == str(no):
                assert len(cells) > 5 and cells[5].count(old) == 1, (no, old)
                cells[5] = cells[5].replace(old, new)
        out.append("\t".join(cells))
    open(dst, "w", encoding="utf-8").write("\n".join(out))

edit(sys.argv[1], sys.argv[2], [(2, "2週間前", "3日前"), (23, "【有】", "【無】"),
                                (14, "告知いたします", "お知らせいたします")])
edit(sys.argv[3], sys.argv[4], [(5, "99.9%", "99.5%")], drop=48)
EOF
run $SLACHECK diff --changes --format json "$A" "$W/ag-new.tsv"
expect_rc 1 "diff --changes of two versions"
cp "$TMP/out" "$W/versions.json"
OLD_NEW="(lambda c: (''.join(x['text'] for x in c['diff'] if x['op'] in '=-'), ''.join(x['text'] for x in c['diff'] if x['op'] in '=+')))"
jcheck "$W/versions.json" \
    "d['mode'] == 'versions'" \
    "[c['no'] for c in d['changes']] == [2, 14, 23]" \
    "[i['no'] for i in d['items']] == [2, 14, 23]" \
    "[(i['verdict'], i['weakened']) for i in d['items']] == [('differs', True), ('equivalent', False), ('differs', True)]" \
    "[(c['weakened'], c['from'], c['to']) for c in d['changes']] == [(True, '≥ 2 weeks', '≥ 3 days'), (False, 'yes', 'yes'), (True, 'yes', 'no')]" \
    "[(x['op'], x['text']) for x in d['changes'][0]['diff'] if x['op'] != '='] == [('-', '2週間前'), ('+', '3日前')]" \
    "[(x['op'], x['text']) for x in d['changes'][1]['diff'] if x['op'] != '='] == [('-', '告知'), ('+', 'お知らせ')]" \
    "[(x['op'], x['text']) for x in d['changes'][2]['diff'] if x['op'] != '='] == [('-', '有'), ('+', '無')]" \
    "all($OLD_NEW(c) == (items[c['no']]['answers'][0]['text'], items[c['no']]['answers'][1]['text']) for c in d['changes'])" \
    "all(x['op'] in ('=', '-', '+') and x['text'] for c in d['changes'] for x in c['diff'])"
# the same vendor name: two versions without --changes
run $SLACHECK diff --format json "$A" "$W/ag-new.tsv"
cp "$TMP/out" "$W/versions2.json"
jcheck "$W/versions2.json" "d['mode'] == 'versions'" "d['changes'] == json.load(open('$W/versions.json'))['changes']"
# the other way round nothing is weakened
run $SLACHECK diff --changes --format json "$W/ag-new.tsv" "$A"
cp "$TMP/out" "$W/versions3.json"
jcheck "$W/versions3.json" "[c['no'] for c in d['changes']] == [2, 14, 23]" \
    "not any(c['weakened'] for c in d['changes'])"
# --all: the unchanged items too, still three changes
run $SLACHECK diff --changes --all --format json "$A" "$W/ag-new.tsv"
cp "$TMP/out" "$W/versions4.json"
jcheck "$W/versions4.json" "len(d['items']) == 49 and [c['no'] for c in d['changes']] == [2, 14, 23]" \
    "sum(i['verdict'] == 'same' for i in d['items']) == 46"

run $SLACHECK diff "$A" "$W/ag-new.tsv"
expect_rc 1 "diff of two versions (text)"
out_has "Changes in Active! gate SS ($A → $W/ag-new.tsv)" "versions text"
out_has "  2 Notice of planned outages  WEAKENED ≥ 2 weeks → ≥ 3 days" "versions text"
out_has "    【有】 [-2週間前-]{+3日前+}までに" "versions text"
out_has " 14 Failure notification process  (same commitment in other words)" "versions text"
out_has "[-告知-]{+お知らせ+}いたします。" "versions text"
out_has " 23 External connectivity  WEAKENED yes → no" "versions text"
out_has "    【[-有-]{+無+}】" "versions text"
out_has "3 items changed, 2 commitments weakened" "versions text"
[ "$(grep -c 'WEAKENED' "$TMP/out")" = 2 ] || fail "versions text: not two WEAKENED"

# Qlingo: availability, and a row removed; its file name is its name, so --changes
run $SLACHECK diff --format json "$Q" "$W/qlingo-new.tsv"
cp "$TMP/out" "$W/q.json"
jcheck "$W/q.json" "d['mode'] == 'vendors'" "[(i['no'], i['verdict']) for i in d['items']] == [(5, 'differs'), (48, 'missing')]" \
    "items[5]['better'] == [0] and items[5]['worse'] == [1] and items[48]['answers'][1] is None" \
    "[s['missing'] for s in d['summary']['vendors']] == [0, 1]"
run $SLACHECK diff --changes --format json "$Q" "$W/qlingo-new.tsv"
expect_rc 1 "diff --changes of qlingo"
cp "$TMP/out" "$W/q.json"
jcheck "$W/q.json" "d['mode'] == 'versions'" \
    "[(c['no'], c['weakened'], c['from'], c['to']) for c in d['changes']] == [(5, True, '≥ 99.9% (target)', '≥ 99.5% (target)')]" \
    "[(x['op'], x['text']) for x in d['changes'][0]['diff'] if x['op'] != '='] == [('-', '99.9'), ('+', '99.5')]" \
    "[(i['no'], i['verdict']) for i in d['items']] == [(5, 'differs'), (48, 'missing')]"
run $SLACHECK diff --changes "$Q" "$W/qlingo-new.tsv"
out_has "  5 Service availability  WEAKENED ≥ 99.9% (target) → ≥ 99.5% (target)" "versions text (qlingo)"
out_has "    稼働率[-99.9-]{+99.5+}%以上" "versions text (qlingo)"
out_has " 48 Security of secondary storage media  (removed)" "versions text (qlingo)"
out_has "2 items changed, 1 commitment weakened" "versions text (qlingo)"

# ---- terminal layout ------------------------------------------------------------
# display widths (East Asian Width W/F = 2 cells) against COLUMNS, and every
# vendor column read back line by line from where its name starts
python3 - "$A" "$W/ctl.tsv" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read().replace("Active! gate SS", "Ctl")
# a tab and a CR LF line break inside a quoted answer (the loader refuses
# other control characters, escape sequences among them)
s = s.replace("【有】 顧客毎に隔離されています。", '"【有】 顧客毎に\t隔離されて\r\nいます。"')
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
layout() {   # layout COLUMNS ARGS...: text and JSON of the same diff, checked
    cols=$1
    shift
    COLUMNS=$cols $SLACHECK diff "$@" >"$W/layout.txt" 2>"$W/layout.err"
    $SLACHECK diff --format json "$@" >"$W/layout.json" 2>>"$W/layout.err"
    python3 "$ROOT/tests/diff_layout.py" "$W/layout.txt" "$W/layout.json" "$cols" ||
        { fail "layout at COLUMNS=$cols: diff $*"; sed 's/^/    /' "$W/layout.err" | head -3; }
}
for cols in 100 160; do
    layout "$cols" --all "$A" "$Q"
    # --lang ja: the columns' widths only (diff_layout.py reads facts and
    # verdicts in English from the JSON; t-report-lang checks the ja words)
    COLUMNS=$cols $SLACHECK diff --all --lang ja "$A" "$Q" >"$W/layout-ja.txt" 2>/dev/null
    python3 - "$W/layout-ja.txt" "$cols" <<'PYEOF2' || fail "diff --lang ja: lines wider than COLUMNS=$cols"
import sys, unicodedata
w = int(sys.argv[2])
wide = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if wide(l) > w]
for l in bad[:3]:
    print("    %d cells: %s" % (wide(l), l))
sys.exit(1 if bad else 0)
PYEOF2
    layout "$cols" --all "$A" "$Q" "$W/third.tsv"
    layout "$cols" --name "アクティブゲート" --name "キューリンゴ" "$A" "$Q"
    layout "$cols" --all --items 44,45 "$W/ctl.tsv" "$Q"
    # the versions view is wrapped to the width too
    COLUMNS=$cols $SLACHECK diff --all "$A" "$W/ag-new.tsv" >"$W/versions.txt"
    python3 - "$W/versions.txt" "$cols" <<'EOF' || failures=$((failures + 1))
import sys, unicodedata
w = lambda l: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if w(l) > int(sys.argv[2])]
if bad:
    print("FAIL: versions view wider than %s: %s" % (sys.argv[2], bad[0]))
    sys.exit(1)
EOF
done
# control characters from a file never reach the terminal
run $SLACHECK diff --all --items 44 "$W/ctl.tsv" "$Q"
tr -d '\n' <"$TMP/out" | grep -q "$(printf '[\033\t\r]')" && fail "diff: a control character from the file reached the output"
out_has "顧客毎に 隔離されて" "diff: a tab shown as a space"

# no colours unless on a terminal; on a pseudo-terminal, colours unless NO_COLOR
grep -q "$(printf '\033')" "$W/layout.txt" && fail "diff: escape sequences when stdout is not a tty"
esc=$(printf '\033\\[')
ontty "$W/tty1" COLUMNS=120 -- diff "$A" "$Q"
grep -q "${esc}32m▲" "$W/tty1" || fail "diff on a tty: no green ▲"
grep -q "${esc}31m▼" "$W/tty1" || fail "diff on a tty: no red ▼"
ontty "$W/tty2" COLUMNS=120 NO_COLOR=1 -- diff "$A" "$Q"
grep -q "$esc" "$W/tty2" && fail "diff on a tty with NO_COLOR=1: escape sequences"
grep -q "▲ 【有】" "$W/tty2" || fail "diff on a tty with NO_COLOR=1: no output"
ontty "$W/tty3" COLUMNS=120 NO_COLOR= -- diff "$A" "$Q"
grep -q "$esc" "$W/tty3" || fail "diff on a tty with NO_COLOR empty: no colours"
ontty "$W/tty4" COLUMNS=120 -- diff "$A" "$W/ag-new.tsv"
grep -q "${esc}31m${esc}9m2週間前" "$W/tty4" || fail "versions on a tty: removed words not red and struck"
grep -q "${esc}32m3日前" "$W/tty4" || fail "versions on a tty: added words not green"
grep -q "\\[-" "$W/tty4" && fail "versions on a tty: [- -] markers besides colours"
ontty "$W/tty5" COLUMNS=120 -- diff -o "$W/tty5.txt" "$A" "$Q"
grep -q "$esc" "$W/tty5.txt" && fail "diff -o FILE from a tty: escape sequences in the file"
grep -q "▲ 【有】" "$W/tty5.txt" || fail "diff -o FILE: no table in the file"

# ---- Japanese ---------------------------------------------------------------------
run $SLACHECK --lang ja diff "$A" "$Q"
expect_rc 1 "diff --lang ja"
out_has "比較: 2 件のチェックリスト" "diff --lang ja"
out_has "種別ごとの相違項目数:" "diff --lang ja"
grep -q '^  データ管理  *[0-9]*/11$' "$TMP/out" || fail "diff --lang ja: category summary"
out_has "ベンダー別:          優位    劣位       非公開     欠落" "diff --lang ja"
grep -q '^ No 項目  *判定  *Active! gate SS  *qlingo$' "$TMP/out" || fail "diff --lang ja: table header"
grep -q '^  2 計画停止予定通知  相違 ' "$TMP/out" || fail "diff --lang ja: item names in Japanese"
run env LANG=ja_JP.UTF-8 $SLACHECK diff "$A" "$W/ag-new.tsv"
out_has "変更: Active! gate SS" "diff versions in Japanese (LANG)"
out_has "  2 計画停止予定通知  後退 ≥ 2週間 → ≥ 3日" "diff versions in Japanese"
out_has " 14 障害通知プロセス  (表現のみ変更)" "diff versions in Japanese"
out_has "3 項目が変更, 2 項目で約束が後退" "diff versions in Japanese"
run $SLACHECK --lang ja diff --name X "$A" "$Q"
expect_rc 2 "diff --lang ja --name X"
err_has "--name はファイルごとに 1 つずつ指定してください" "diff --lang ja usage error"
run $SLACHECK --lang ja diff --category 不明 "$A" "$Q"
err_has "不明な種別です: 不明" "diff --lang ja --category"
run $SLACHECK --lang ja diff --changes "$A" "$Q" "$W/third.tsv"
err_has "--changes は 2 つのファイル" "diff --lang ja --changes"
run $SLACHECK --lang ja diff "$A" "$W/no-such-file.tsv"
expect_rc 3 "diff --lang ja with a missing file"
err_has "ファイルを読み書きできません" "diff --lang ja with a missing file"

finish
