#!/bin/sh
# t-markdown.sh - the Markdown authoring format: `template --format md`,
# `convert X -o x.md` and reading x.md back.
#   - the blank template, parsed by cmark-gfm (a parser that is not ours):
#     49 item headings in order, each with its hint and an empty-answer
#     placeholder; it validates with empty-answer on every item, no
#     missing-item;
#   - both seeds: convert to md and back gives every answer and remarks
#     byte for byte, the same vendor and metadata, the same findings (rule,
#     item) as the seed; ordinary answers stay plain paragraphs (no fences);
#     template --from the seed likewise; converting the md again changes no
#     byte;
#   - a hostile TSV (quoted multi-line answers, blank lines, |, <script>,
#     *a*, backticks, # at line start, leading spaces, =1+1, full-width,
#     trailing backslash, ---, "1. foo", "> quote", CR LF, comments …)
#     round-trips byte for byte, and no vendor text becomes a heading;
#   - a hand-written Markdown checklist (variant headings, no hints, lists,
#     sub-headings, 備考 blocks, metadata) loads with the right items;
#   - standard input: Markdown is sniffed, a TSV still reads as TSV;
#   - limits, duplicates, unknown numbers and hostile nesting.
. "$ROOT/tests/lib.sh"

command -v cmark-gfm >/dev/null || skip "cmark-gfm is needed (Debian cmark-gfm)"

# same_items A.json B.json WHAT: (no, answer, remarks) of two convert documents agree
same_items() {
    python3 - "$1" "$2" "$3" <<'EOF' || failures=$((failures + 1))
import json, sys
a, b, what = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
ka = [(i["no"], i["answer"], i["remarks"]) for i in a["items"]]
kb = [(i["no"], i["answer"], i["remarks"]) for i in b["items"]]
bad = [(x, y) for x, y in zip(ka, kb) if x != y]
if len(ka) != len(kb) or bad or a["vendor"] != b["vendor"]:
    print("FAIL: %s: %d vs %d items, vendor %r vs %r" % (what, len(ka), len(kb), a["vendor"], b["vendor"]))
    for x, y in bad[:5]:
        print("   want %r\n    got %r" % (x, y))
    sys.exit(1)
EOF
}

# same_findings A.json B.json WHAT: validate reports with the same (rule, item)
same_findings() {
    python3 - "$1" "$2" "$3" <<'EOF' || failures=$((failures + 1))
import json, sys
def f(p):
    d = json.load(open(p))["files"][0]
    # convert and template write the checklist's names, definitions and
    # units: what the original said in other words is not carried over
    words = ("name-mismatch", "unit-mismatch", "known-variant", "definition-mismatch", "definition-cut-short")
    return sorted((x["rule"], x.get("item")) for x in d["findings"] if x["rule"] not in words), d["items_found"]
a, b = f(sys.argv[1]), f(sys.argv[2])
if a != b:
    print("FAIL: %s: findings differ:\n  %s\n  %s" % (sys.argv[3], a, b))
    sys.exit(1)
EOF
}

# gfm_check FILE EXPECT_ITEMS EXPECT_REMARKS WHAT: the structure as cmark-gfm sees it
gfm_check() {
    cmark-gfm -t xml "$1" >"$TMP/gfm.xml" || { fail "$4: cmark-gfm failed"; return; }
    python3 - "$TMP/gfm.xml" "$2" "$3" "$4" <<'EOF' || failures=$((failures + 1))
import re, sys
import xml.etree.ElementTree as ET
ns = "{http://commonmark.org/xml/1.0}"
root = ET.parse(sys.argv[1]).getroot()
want, want_remarks, what = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def text(e):
    return "".join(x.text or "" for x in e.iter() if x.tag in (ns + "text", ns + "code"))
items, remarks, bad = [], 0, []
kids = list(root)
for k, e in enumerate(kids):
    if e.tag != ns + "heading":
        continue
    t, lvl = text(e), int(e.get("level"))
    m = re.match(r"^(\d+)\. (.+)$", t)
    if lvl == 2 and m:
        items.append(int(m.group(1)))
        nxt = kids[k + 1] if k + 1 < len(kids) else None
        if nxt is None or nxt.tag != ns + "block_quote" or "規定内容: " not in text(nxt):
            bad.append("item %s: no hint below the heading" % m.group(1))
    elif lvl == 3 and t == "備考":
        remarks += 1
    elif lvl != 1:
        bad.append("unexpected heading %r (level %d)" % (t, lvl))
if len(items) != want or items != sorted(items) or len(set(items)) != len(items):
    bad.append("item headings: %s" % items)
if remarks != want_remarks:
    bad.append("%d remarks headings, expected %d" % (remarks, want_remarks))
if bad:
    print("FAIL: %s: %s" % (what, "; ".join(bad[:5])))
    sys.exit(1)
EOF
}

# ---- the blank template ------------------------------------------------------
run $SLACHECK template --format md -o "$TMP/blank.md"
expect_rc 0 "template --format md"
gfm_check "$TMP/blank.md" 49 0 "blank template"
[ "$(grep -c '^<!-- 回答をここに記入' "$TMP/blank.md")" = 49 ] || fail "blank template: not 49 placeholders"
grep -q '^## 5\. サービス稼働率$' "$TMP/blank.md" || fail "blank template: no '## 5. サービス稼働率' heading"
grep -q '^> 規定内容: サービスを利用できる確率' "$TMP/blank.md" || fail "blank template: no hint for item 5"
grep -q '```' "$TMP/blank.md" && fail "blank template has a code fence"
run $SLACHECK validate --format json "$TMP/blank.md"
expect_rc 1 "validate blank.md"
cp "$TMP/out" "$TMP/vblank.json"
jcheck "$TMP/vblank.json" "f['items_found'] == 49" \
    "sorted(r[2] for r in rules(f)) == list(range(1, 50))" "set(r[0] for r in rules(f)) == {'empty-answer'}"
run $SLACHECK template --format md --lang ja -o "$TMP/blank-ja.md"
expect_rc 0 "template --format md --lang ja"
grep -q 'Write each answer' "$TMP/blank-ja.md" && fail "--lang ja template has the English instructions"
gfm_check "$TMP/blank-ja.md" 49 0 "blank template (ja)"

# ---- the seeds -----------------------------------------------------------------
seed() {
    name=$1 src=$2
    run $SLACHECK convert "$src" -o "$TMP/$name.orig.json"
    expect_rc 0 "convert $name -o json"
    run $SLACHECK convert "$src" -o "$TMP/$name.md"
    expect_rc 0 "convert $name -o $name.md"
    run $SLACHECK convert "$TMP/$name.md" -o "$TMP/$name.back.json"
    expect_rc 0 "convert $name.md -o json"
    same_items "$TMP/$name.orig.json" "$TMP/$name.back.json" "$name -> md -> json"
    jcheck "$TMP/$name.back.json" "d['source']['path'].endswith('$name.md')"
    nrem=$(python3 -c "import json; print(sum(1 for i in json.load(open('$TMP/$name.orig.json'))['items'] if i['remarks']))")
    gfm_check "$TMP/$name.md" 49 "$nrem" "$name.md"
    grep -q '```' "$TMP/$name.md" && fail "$name.md: an ordinary answer was fenced"
    run $SLACHECK validate --format json "$src"
    cp "$TMP/out" "$TMP/$name.v1.json"
    run $SLACHECK validate --format json "$TMP/$name.md"
    cp "$TMP/out" "$TMP/$name.v2.json"
    same_findings "$TMP/$name.v1.json" "$TMP/$name.v2.json" "validate $name vs $name.md"
    # a fixed point
    run $SLACHECK convert "$TMP/$name.md" -o "$TMP/$name.again.md"
    expect_rc 0 "convert $name.md -o $name.again.md"
    cmp -s "$TMP/$name.md" "$TMP/$name.again.md" ||
        fail "$name.md converted again differs: $(diff "$TMP/$name.md" "$TMP/$name.again.md" | head -3)"
    # last year's answers as this year's template
    run $SLACHECK template --from "$src" -o "$TMP/$name.t.md"
    expect_rc 0 "template --from $name -o $name.t.md"
    run $SLACHECK convert "$TMP/$name.t.md" -o "$TMP/$name.t.json"
    same_items "$TMP/$name.orig.json" "$TMP/$name.t.json" "template --from $name"
    run $SLACHECK validate --format json "$TMP/$name.t.md"
    cp "$TMP/out" "$TMP/$name.v3.json"
    same_findings "$TMP/$name.v1.json" "$TMP/$name.v3.json" "validate $name vs template --from $name"
}
seed qlingo "$EX/qlingo.tsv"
seed active-gate "$EX/active-gate-ss.tsv"

# an item as written: heading, hint, the answer, remarks
python3 - "$TMP/active-gate.md" <<'EOF' || failures=$((failures + 1))
import sys
t = open(sys.argv[1], encoding="utf-8").read()
want = ("## 2. 計画停止予定通知\n\n> 規定内容: 定期的な保守停止に関する事前連絡確認(事前通知のタイミング/方法の記述を含む) / 測定単位: 有無\n")
if want not in t or "### 備考\n\nhttps://notice.qualitia.com/\n" not in t:
    print("FAIL: active-gate.md: item 2 not as expected")
    sys.exit(1)
if not t.startswith("# クラウドサービスレベルのチェックリスト — Active\\! gate SS\n") or "対象サービス: Active\\! gate SS" not in t:
    print("FAIL: active-gate.md: title or 対象サービス line:\n" + t[:200])
    sys.exit(1)
EOF

# ---- hostile answers -------------------------------------------------------------
run $SLACHECK items --format json
cp "$TMP/out" "$TMP/items.json"
python3 - "$TMP/items.json" >"$TMP/hostile.tsv" <<'EOF'
import json, sys
names = [i["name"]["ja"] for i in json.load(open(sys.argv[1]))["items"]]
answers = [
    "一行目\n二行目\n\n空行の後", "a | b | c", "<script>alert(1)</script>", "<script>\nalert(1)",
    "*a* _b_ **c**", "`code` and ``` fence", "# 見出しではない", "## 5. サービス稼働率", "### 備考",
    "   leading spaces", "=1+1", "全角：ＡＢＣ１２３　全角スペース", "trailing backslash\\",
    "line\n---", "---", "1. foo", "> quote", "trailing spaces   ", "\nleading newline",
    "trailing newline\n", "\n\n", " ", "<!-- 回答をここに記入 -->", "[ref]: https://example.com/",
    "https://example.com/a_b_c?x=1&y=\"2\"", "&amp; &lt; \"q\" 'q' <b>", "    indented code",
    "```\ninside\n```", "````\n```\n````", "~~~\nx", "- a\n- b\n\n  - c", "a\r\nb", "ends cr\r",
    "tab\there", "<div>\nhtml block\n</div>", "Setext\n===", "\\*not em\\*",
    "two trailing spaces  \nnext", "a\n\n\n\nb", "\t\ttabbed", "<!-- c1 -->\n\nafter comment",
    "No.5 looks like heading", "# ", "#", "＃ 全角シャープ", "５．full width", "x\n> quote inside",
    "   > indented quote", "=SUM(A1:A2)\n@cmd\n+1\n-1",
]
remarks = {2: "remark | with pipe", 4: "# heading remark", 8: "### 備考", 11: "\nnl", 17: "> q",
           30: "a\r\nb", 33: "```", 40: "備考: inline", 49: "末尾\\"}
def q(s):
    return '"' + s.replace('"', '""') + '"'
rows = ["No\tサービスレベル項目\t回答\t備考"]
for i, a in enumerate(answers, 1):
    rows.append("\t".join([str(i), names[i - 1], q(a), q(remarks.get(i, ""))]))
sys.stdout.write("\n".join(rows) + "\n")
EOF
run $SLACHECK convert "$TMP/hostile.tsv" -o "$TMP/hostile.orig.json"
expect_rc 0 "convert hostile.tsv -o json"
jcheck "$TMP/hostile.orig.json" "len(d['items']) == 49" "items[32]['answer'] == 'a\r\nb'"
run $SLACHECK convert "$TMP/hostile.tsv" -o "$TMP/hostile.md"
expect_rc 0 "convert hostile.tsv -o md"
run $SLACHECK convert "$TMP/hostile.md" -o "$TMP/hostile.back.json"
expect_rc 0 "convert hostile.md -o json"
same_items "$TMP/hostile.orig.json" "$TMP/hostile.back.json" "hostile -> md -> json"
gfm_check "$TMP/hostile.md" 49 9 "hostile.md"
run $SLACHECK convert "$TMP/hostile.md" -o "$TMP/hostile.again.md"
cmp -s "$TMP/hostile.md" "$TMP/hostile.again.md" || fail "hostile.md converted again differs"
# plain answers stay plain, the rest is fenced
grep -q '^\*a\* _b_ \*\*c\*\*$' "$TMP/hostile.md" || fail "hostile.md: '*a* _b_ **c**' not written as is"
grep -q '^=1+1$' "$TMP/hostile.md" || fail "hostile.md: '=1+1' not written as is"
grep -q '^``` text$' "$TMP/hostile.md" || fail "hostile.md: no fenced answer"
grep -q '^```` text$' "$TMP/hostile.md" || fail "hostile.md: no longer fence for an answer with a backtick run"

# ---- a hand-written checklist ---------------------------------------------------
cat >"$TMP/hand.md" <<'EOF'
# 2024年度 回答

対象サービス: Hand Service
- 会社名: 例示株式会社
- 作成日: 2024-04-01

# 1. アプリケーション運用

### 1 サービス時間

平日 9:00-18:00

## ２．計画停止予定通知

【有】 1週間前に通知

- メール
- Web サイト

### 詳細

告知サイトで公開します。

### 備考

社内規程による

## No.5 サービス稼働率
> 規定内容: ここはヒント

99.9%以上

備考
---

月次で報告

## 12) 障害発生件数

#### 備考

remarks only

## 99. 存在しない項目

x

## 5. サービス稼働率

重複
EOF
run $SLACHECK convert "$TMP/hand.md" -o "$TMP/hand.json"
expect_rc 0 "convert hand.md -o json"
jcheck "$TMP/hand.json" "sorted(items) == [1, 2, 5, 12]" \
    "d['vendor'] == 'Hand Service'" "d['meta']['vendor'] == '例示株式会社'" "d['meta']['date'] == '2024-04-01'" \
    "items[1]['answer'] == '平日 9:00-18:00'" "items[1]['line'] == 9" "items[2]['line'] == 13" \
    "items[2]['answer'] == '【有】 1週間前に通知\n\n- メール\n- Web サイト\n\n### 詳細\n\n告知サイトで公開します。'" \
    "items[2]['remarks'] == '社内規程による'" \
    "items[5]['answer'] == '99.9%以上'" "items[5]['remarks'] == '月次で報告'" \
    "items[12]['answer'] == ''" "items[12]['remarks'] == 'remarks only'"
run $SLACHECK validate --format json "$TMP/hand.md"
cp "$TMP/out" "$TMP/vhand.json"
jcheck "$TMP/vhand.json" "('unknown-item', 'warning', 99, 44) in rules(f)" \
    "('duplicate-item', 'error', 5, 48) in rules(f)" "('empty-answer', 'error', 12, 38) in rules(f)" \
    "sorted(r[2] for r in rules(f) if r[0] == 'missing-item') == [n for n in range(1, 50) if n not in (1, 2, 5, 12)]"

# ---- standard input -------------------------------------------------------------
run $SLACHECK validate --format json - <"$TMP/active-gate.md"
cp "$TMP/out" "$TMP/vstdin.json"
same_findings "$TMP/active-gate.v1.json" "$TMP/vstdin.json" "validate - < active-gate.md"
cp "$TMP/active-gate.md" "$TMP/active-gate.txt"
run $SLACHECK validate --format json "$TMP/active-gate.txt"
cp "$TMP/out" "$TMP/vtxt.json"
same_findings "$TMP/active-gate.v1.json" "$TMP/vtxt.json" "validate active-gate.txt (Markdown)"
for s in qlingo.tsv active-gate-ss.tsv; do
    run $SLACHECK validate --format json "$EX/$s"
    cp "$TMP/out" "$TMP/vfile.json"
    run $SLACHECK validate --format json - <"$EX/$s"
    cp "$TMP/out" "$TMP/vpipe.json"
    same_findings "$TMP/vfile.json" "$TMP/vpipe.json" "validate - < $s (still TSV)"
    python3 -c "import json,sys; l=[x['line'] for x in json.load(open('$TMP/vpipe.json'))['files'][0]['findings']]; sys.exit(0 if l == [x['line'] for x in json.load(open('$TMP/vfile.json'))['files'][0]['findings']] else 1)" ||
        fail "validate - < $s: lines differ from the file's (not read as TSV?)"
done

# ---- limits and hostile Markdown ---------------------------------------------------
run $SLACHECK validate --max-rows 10 "$TMP/active-gate.md"
expect_rc 3 "validate --max-rows 10 x.md"
err_has "more than 10 rows" "--max-rows on Markdown"
run $SLACHECK validate --max-cell-bytes 100 "$TMP/active-gate.md"
expect_rc 3 "validate --max-cell-bytes 100 x.md"
err_has "bytes" "--max-cell-bytes on Markdown"
grep -q 'active-gate.md:[0-9]' "$TMP/err" || fail "--max-cell-bytes: no line in the message: $(cat "$TMP/err")"
python3 - "$TMP" <<'EOF'
import sys
d = sys.argv[1]
open(d + "/deep.md", "w").write("## 1. サービス時間\n\n" + "> " * 50000 + "x\n" + "- " * 50000 + "y\n" + "[" * 100000 + "\n" + "*a " * 50000 + "\n")
open(d + "/long.md", "w").write("## 1. " + "あ" * 300000 + "\n\n" + "x" * 3000000 + "\n" + "## 2.\n" * 20000)
open(d + "/empty.md", "w").write("# nothing here\n\njust text\n")
EOF
for f in deep long empty; do
    run $SLACHECK validate --format json "$TMP/$f.md"
    case $rc in 0|1) ;; *) fail "validate $f.md: exit $rc"; sed 's/^/    /' "$TMP/err" | head -3 ;; esac
done
run $SLACHECK validate --format json "$TMP/empty.md"
cp "$TMP/out" "$TMP/vempty.json"
jcheck "$TMP/vempty.json" "f['items_found'] == 0" "'no-items' in [r[0] for r in rules(f)]"

finish
