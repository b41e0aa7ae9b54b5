#!/bin/sh
# t-answers-survive.sh - whatever the encoding, delimiter, quoting or layout,
# converting a fixture to JSON gives exactly the answers (and remarks) of
# converting its UTF-8 seed, line breaks inside quoted fields included; items
# the fixture changed on purpose give the text gen_fixtures.py wrote. Every
# item keeps the physical line its record starts on.
. "$ROOT/tests/lib.sh"

run $SLACHECK convert "$EX/qlingo.tsv" -o "$TMP/seed-qlingo.tsv.json"
expect_rc 0 "convert qlingo.tsv"
run $SLACHECK convert "$EX/active-gate-ss.tsv" -o "$TMP/seed-active-gate-ss.tsv.json"
expect_rc 0 "convert active-gate-ss.tsv"

FIXTURES="cp932-crlf.csv bom-quoted-newline.csv utf16le.tsv eucjp.tsv semicolon.csv
shuffled-missing.tsv duplicate.tsv duplicate-same.tsv fullwidth-numbers.tsv
no-number-column.tsv partial-1-8.tsv extra-example-column.tsv english-header.tsv
company-answer-header.tsv unknown-item.tsv name-mismatch.tsv empty-answer.tsv
repeated-header.tsv preamble-metadata.tsv tsv-bare-quotes.tsv tsv-open-quote.tsv
presence-variants.tsv category-unit-mismatch.tsv"
for fx in $FIXTURES; do
    run $SLACHECK convert "$FIX/$fx" -o "$TMP/$fx.json"
    expect_rc 0 "convert $fx -o $fx.json"
done

python3 - "$TMP" "$FIX/manifest.json" $FIXTURES <<'EOF' || failures=$((failures + 1))
import json, sys
tmp, manifest, fixtures = sys.argv[1], sys.argv[2], sys.argv[3:]
M = json.load(open(manifest, encoding="utf-8"))
bad = []

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def r(s):
    """repr, cut short: a swallowed file makes a long answer"""
    t = repr(s)
    return t if len(t) <= 160 else t[:150] + "...(%d chars)" % len(s)

def check(cond, what):
    if not cond:
        bad.append(what)

# items each fixture changed on purpose (everything else must equal the seed)
CHANGED = {"bom-quoted-newline.csv": [2, 14, 35, 39, 42], "empty-answer.tsv": [5],
           "tsv-bare-quotes.tsv": [5, 9], "tsv-open-quote.tsv": [27],
           "presence-variants.tsv": [2, 3, 4, 6, 7, 8, 9, 13, 14, 22, 23, 24]}

for fx in fixtures:
    e = M[fx]
    seed = {i["no"]: i for i in load("%s/seed-%s.json" % (tmp, e["seed"]))["items"]}
    got = load("%s/%s.json" % (tmp, fx))
    items = {i["no"]: i for i in got["items"]}
    want = {int(k): v for k, v in e["answers"].items()}
    # the items present, in catalog order, nothing invented
    check([i["no"] for i in got["items"]] == sorted(want),
          "%s: items %s, expected %s" % (fx, [i["no"] for i in got["items"]], sorted(want)))
    changed = sorted(n for n in want if want[n]["answer"] != seed[n]["answer"]
                     or want[n]["remarks"] != seed[n]["remarks"])
    check(changed == CHANGED.get(fx, []), "%s: manifest changes %s" % (fx, changed))
    for n in sorted(want):
        if n not in items:
            continue
        a = items[n]
        # the oracle: what gen_fixtures.py wrote into the fixture
        check(a["answer"] == want[n]["answer"],
              "%s: item %d answer %s, expected %s" % (fx, n, r(a["answer"]), r(want[n]["answer"])))
        check(a["remarks"] == want[n]["remarks"],
              "%s: item %d remarks %s, expected %s" % (fx, n, r(a["remarks"]), r(want[n]["remarks"])))
        # the seed, converted by slacheck itself
        if n not in CHANGED.get(fx, []):
            check((a["answer"], a["remarks"]) == (seed[n]["answer"], seed[n]["remarks"]),
                  "%s: item %d differs from the seed's conversion" % (fx, n))
        check((a["name"], a["category"], a["id"]) == (seed[n]["name"], seed[n]["category"], seed[n]["id"]),
              "%s: item %d name/category/id differ from the seed's" % (fx, n))
        check(a["line"] == e["lines"][str(n)][0],
              "%s: item %d line %s, expected %s" % (fx, n, a["line"], e["lines"][str(n)][0]))

# line breaks, quotes and commas inside quoted CSV fields
b = {i["no"]: i for i in load(tmp + "/bom-quoted-newline.csv.json")["items"]}
check(b[2]["answer"] == "【有】\n2週間前までに障害・メンテナンス告知サイトにて連絡いたします。\n"
      "緊急メンテナンスについてはその限りではありません。", "bom: item 2 answer %s" % r(b[2]["answer"]))
check(b[2]["remarks"] == "https://notice.qualitia.com/", "bom: item 2 remarks")
check(b[39]["answer"].count("\n") == 18, "bom: item 39 has %d line breaks" % b[39]["answer"].count("\n"))
check(b[42]["answer"] == '【有】 "TLS1.2" に対応しています, TLS1.0/1.1 は無効です。', "bom: item 42 %s" % r(b[42]["answer"]))
check(b[43]["line"] == 78 and b[40]["line"] == 75, "bom: lines after the multi-line record")
# U+FF5E survives cp932 (0x8160) and EUC-JP (0xA1C1)
for fx in ("cp932-crlf.csv", "eucjp.tsv"):
    a = {i["no"]: i for i in load("%s/%s.json" % (tmp, fx))["items"]}
    check("月\uff5e金曜日" in a[27]["answer"], "%s: item 27 lost U+FF5E: %s" % (fx, r(a[27]["answer"])))
# the 設定例 column never becomes the answer
x = load(tmp + "/extra-example-column.tsv.json")["items"]
check(not any("記入例" in i["answer"] or "記入例" in i["remarks"] for i in x), "example text taken as an answer")
# a duplicate keeps the first answer; the second is not invented anywhere
d = {i["no"]: i for i in load(tmp + "/duplicate.tsv.json")["items"]}
check(d[7]["answer"].startswith("【無】システムが利用できない場合の代替手段") and d[7]["line"] == 16,
      "duplicate: item 7 %s line %s" % (r(d[7]["answer"]), d[7]["line"]))
# an empty answer is an empty string, not a missing item
e5 = {i["no"]: i for i in load(tmp + "/empty-answer.tsv.json")["items"]}
check(e5[5]["answer"] == "" and e5[5]["line"] == 14, "empty-answer: item 5 %r" % e5[5])
# no number column: names matched tolerantly, the file's spelling kept
n = {i["no"]: i for i in load(tmp + "/no-number-column.tsv.json")["items"]}
check(n[4]["name_in_file"] == "突然のサービス提供停\u2f4cに対する対処", "no-number: item 4 name_in_file")
check(n[47]["name_in_file"] == "ウイルススキャン" and n[35]["name_in_file"].startswith("データ漏えい"),
      "no-number: items 35/47 name_in_file")
check("¥" in n[44]["name_in_file"], "no-number: item 44 name_in_file")
# unknown item 50 is not in the converted document
u = load(tmp + "/unknown-item.tsv.json")["items"]
check(len(u) == 49 and u[-1]["no"] == 49, "unknown-item: %d items" % len(u))
# the vendor: stated (対象サービス:, 会社名:) or the file's name
for fx, vendor in (("utf16le.tsv", "Active! gate SS"), ("no-number-column.tsv", "Active! gate SS"),
                   ("preamble-metadata.tsv", "株式会社テスト"), ("cp932-crlf.csv", "cp932-crlf")):
    check(load("%s/%s.json" % (tmp, fx))["vendor"] == vendor, "%s: vendor" % fx)
src = load(tmp + "/utf16le.tsv.json")["source"]
check(src["encoding"] == "UTF-16LE" and src["bom"] is True, "utf16le: source %r" % src)

for w in bad:
    print("FAIL:", w)
sys.exit(1 if bad else 0)
EOF

# the invalid byte: convert refuses (it would write U+FFFD), naming line and offset
run $SLACHECK convert "$FIX/invalid-byte.tsv" -o "$TMP/invalid.json"
expect_rc 3 "convert invalid-byte.tsv"
err_has "invalid-byte.tsv:14: error: [decode-error]" "convert invalid-byte.tsv"
err_has "at byte offset 1558" "convert invalid-byte.tsv"
[ -e "$TMP/invalid.json" ] && fail "convert invalid-byte.tsv left $TMP/invalid.json"

# a forced encoding that agrees with the BOM reads the same answers
run $SLACHECK convert --encoding utf-16le "$FIX/utf16le.tsv" -o "$TMP/forced.json"
expect_rc 0 "convert --encoding utf-16le utf16le.tsv"
jcheck "$TMP/forced.json" "d['source']['bom'] is True" "d['source']['encoding'] == 'UTF-16LE'" \
    "[(i['answer'], i['remarks']) for i in d['items']] == [(i['answer'], i['remarks']) for i in __import__('json').load(open('$TMP/utf16le.tsv.json'))['items']]"
run $SLACHECK convert --encoding euc-jp "$FIX/eucjp.tsv" -o "$TMP/forced-euc.json"
expect_rc 0 "convert --encoding euc-jp eucjp.tsv"
jcheck "$TMP/forced-euc.json" "d['source']['encoding'] == 'EUC-JP'" \
    "[i['answer'] for i in d['items']] == [i['answer'] for i in __import__('json').load(open('$TMP/eucjp.tsv.json'))['items']]"

finish
