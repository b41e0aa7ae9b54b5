#!/bin/sh
# t-export-md.sh - `slacheck export -o x.md` (and `diff -o x.md`): the
# Markdown report read back by a GFM parser that is not ours (cmark-gfm
# with the table, strikethrough and autolink extensions): title, summary, comparison and one heading
# per section, one table per category, one row per item with the right
# number of cells, every answer intact in its cell; a hostile fixture
# (pipes, backslashes, line breaks, HTML, emphasis, code, links, headings,
# formulas, full-width text) that must neither break a table nor turn into
# markup; Japanese labels; the profile's score; diff's report without
# findings; standard output.
. "$ROOT/tests/lib.sh"
A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
P=$EX/profiles/personal-data-strict.xml
W=$TMP/w
mkdir -p "$W"

command -v cmark-gfm >/dev/null || skip "cmark-gfm is not installed (Debian: cmark-gfm)"

# ---- the checker ------------------------------------------------------------
# check.py MD OPTIONS -- CONVERTED.json VALIDATED.json ... (a pair per vendor)
#   --lang en|ja        headings and labels expected in this language
#   --profile           a Score column and requirement tables expected
#   --no-findings       the report is diff's: no findings section
#   --rows LIST         the item numbers the comparison shows (default all)
cat >"$W/check.py" <<'EOF'
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
args = sys.argv[1:]
md = args.pop(0)
lang, profile, findings, rows_wanted = "en", False, True, None
while args and args[0] != "--":
    a = args.pop(0)
    if a == "--lang": lang = args.pop(0)
    elif a == "--profile": profile = True
    elif a == "--no-findings": findings = False
    elif a == "--rows": rows_wanted = [int(n) for n in args.pop(0).split(",")]
args.pop(0)
vendors = [(json.load(open(c, encoding="utf-8")), json.load(open(v, encoding="utf-8"))["files"][0])
           for c, v in zip(args[0::2], args[1::2])]
items = json.loads(subprocess.run([sys.argv[0].rsplit("/", 1)[0] + "/slacheck-items"],
                                  capture_output=True, check=True).stdout)
errors = []
def bad(msg):
    errors.append(msg)

def tag(e):
    return e.tag[len(NS):]

def flat(e):
    """Text of a node; hard breaks and <br> as newlines."""
    out = e.text or "" if tag(e) in ("text", "code") else ""
    if tag(e) in ("linebreak", "softbreak") or (tag(e) == "html_inline" and (e.text or "").lower() == "<br>"):
        out = "\n"
    for c in e:
        out += flat(c)
    return out

def answer_text(cell):
    """A vendor cell's own text: without the strong rank marker and the
    emphasized facts (or missing marker)."""
    return "".join(flat(c) for c in cell if tag(c) not in ("strong", "emph"))

def norm(s):
    s = (s or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(l.strip(" \t") for l in s.split("\n")).strip("\n")

text = open(md, encoding="utf-8").read()
xml = subprocess.run(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-t", "xml", md], capture_output=True, check=True).stdout
doc = ET.fromstring(xml)

# no raw HTML but our <br> and the empty comment that keeps an address from
# becoming a link
for e in doc.iter():
    if tag(e) == "html_block" or (tag(e) == "html_inline" and (e.text or "").lower() not in ("<br>", "<!-- -->")):
        bad("raw HTML node %s: %r" % (tag(e), e.text))

# every table row of the source splits into as many cells as its header
ncols = None
for n, line in enumerate(text.split("\n"), 1):
    if not line.startswith("|"):
        ncols = None
        continue
    pipes, k = 0, 0
    while k < len(line):
        if line[k] == "\\": k += 2; continue
        pipes += line[k] == "|"; k += 1
    if ncols is None: ncols = pipes
    elif pipes != ncols: bad("line %d: %d cells, header has %d" % (n, pipes - 1, ncols - 1))
    if not line.endswith("|"): bad("line %d does not end its row" % n)

L = {"summary": ("Summary", "概要"), "comparison": ("Comparison", "比較"), "findings": ("Findings", "検証結果"),
     "chart": ("Standing per category", "種別ごとの状況"), "legend": ("Legend", "凡例"),
     "title": ("Cloud service level checklist", "クラウドサービスレベルのチェックリスト"),
     "score": ("Score", "スコア"), "requirements": ("Requirements", "要件"), "no": ("No.", "No.")}
def label(k):
    return L[k][lang == "ja"]

blocks = list(doc)
heads = [(int(b.get("level")), flat(b)) for b in blocks if tag(b) == "heading"]
if not heads or heads[0][0] != 1 or not heads[0][1].startswith(label("title")):
    bad("title: %r" % (heads[:1],))
h2 = [t for lv, t in heads if lv == 2]
want_h2 = [label("summary"), label("comparison")] + ([label("findings")] if findings else [])
if h2 != want_h2:
    bad("level-2 headings %r, expected %r" % (h2, want_h2))

def section_of(title):
    i = next((k for k, b in enumerate(blocks) if tag(b) == "heading" and b.get("level") == "2" and flat(b) == title), None)
    if i is None: return []
    j = next((k for k in range(i + 1, len(blocks)) if tag(blocks[k]) == "heading" and blocks[k].get("level") == "2"), len(blocks))
    return blocks[i + 1:j]

def rows_of(table):
    return [[c for c in r if tag(c) == "table_cell"] for r in table if tag(r) in ("table_header", "table_row")]

# ---- summary
summ = section_of(label("summary"))
tables = [b for b in summ if tag(b) == "table"]
# vendors, the category grid, the reviewer's fields; then per vendor its
# open musts (with a profile)
if len(tables) < 3:
    bad("summary: %d tables, expected at least 3 (vendors, grid, decision)" % len(tables))
else:
    r = rows_of(tables[0])
    hdr = [flat(c) for c in r[0]]
    if len(r) != 1 + len(vendors): bad("vendors table: %d rows" % (len(r) - 1))
    if (label("score") in hdr) != profile: bad("vendors table header %r (profile %s)" % (hdr, profile))
    for (conv, val), row in zip(vendors, r[1:]):
        cells = [flat(c) for c in row]
        if cells[0] != conv["vendor"]: bad("vendor name %r, expected %r" % (cells[0], conv["vendor"]))
        if cells[1] != val["path"]: bad("vendor file %r, expected %r" % (cells[1], val["path"]))
        if cells[3] != "%d/%d" % (val["items_found"], val["items_expected"]): bad("items %r" % cells[3])
        if cells[4:7] != [str(val["counts"][k]) for k in ("error", "warning", "info")]:
            bad("counts %r, expected %r" % (cells[4:7], val["counts"]))
        if len(cells) != 7 + (2 if len(vendors) > 1 else 0) + (2 if profile else 0):
            bad("vendors table: %d columns" % len(cells))
        if profile:
            p = val["profile"]
            if cells[-2:] != ["%.1f" % p["score"], str(p["must_failed"])]:
                bad("score %r, expected %.1f, %d" % (cells[-2:], p["score"], p["must_failed"]))
    grid_rows = len(rows_of(tables[1])) - 1
    if [flat(c) for c in rows_of(tables[1])[0]][1:] != [conv["vendor"] for conv, val in vendors]:
        bad("grid header %r" % [flat(c) for c in rows_of(tables[1])[0]])
legend = [flat(li) for b in summ if tag(b) == "list" for li in b]
for m in ("▲", "▼", "—") + (("≡", "≈", "≠") if len(vendors) > 1 else ()):
    if not any(l.startswith(m + " ") for l in legend): bad("legend lacks %s" % m)

# ---- comparison
comp = section_of(label("comparison"))
pick = lambda g: g[lang] if lang in g else g["en"]
want_rows = rows_wanted or list(range(1, 50))
by_no = {}
for s in items["sections"]:
    for c in s["categories"]:
        for it in items["items"]:
            if it["category"] == c["id"]:
                by_no[it["no"]] = (pick(s), pick(c))
cats_wanted = []
for n in want_rows:
    if by_no.get(n) and by_no[n] not in cats_wanted: cats_wanted.append(by_no[n])
h3 = [flat(b) for b in comp if tag(b) == "heading" and b.get("level") == "3"]
h4 = [flat(b) for b in comp if tag(b) == "heading" and b.get("level") == "4"]
want_h3 = []
for s, c in cats_wanted:
    if s not in want_h3: want_h3.append(s)
if h3 != want_h3: bad("section headings %r, expected %r" % (h3, want_h3))
if h4 != [c for s, c in cats_wanted]: bad("category headings %r, expected %r" % (h4, [c for s, c in cats_wanted]))
ctables = [b for b in comp if tag(b) == "table"]
if len(ctables) != len(cats_wanted): bad("%d comparison tables, expected %d" % (len(ctables), len(cats_wanted)))
if len(tables) >= 3 and grid_rows != len(cats_wanted): bad("grid: %d rows, expected %d categories" % (grid_rows, len(cats_wanted)))
ncols = 2 + len(vendors) + (len(vendors) > 1)   # one vendor: no verdict column
for k, b in enumerate(comp):
    if tag(b) == "heading" and b.get("level") == "4" and (k + 1 >= len(comp) or tag(comp[k + 1]) != "table"):
        bad("category %r is not followed by its table" % flat(b))
seen = []
answers = [{i["no"]: i for i in conv["items"]} for conv, val in vendors]
for t in ctables:
    r = rows_of(t)
    hdr = [flat(c) for c in r[0]]
    if len(hdr) != ncols or hdr[0] != label("no"): bad("comparison header %r" % hdr)
    for row in r[1:]:
        if len(row) != ncols: bad("row with %d cells" % len(row)); continue
        try: no = int(flat(row[0]))
        except ValueError: bad("row numbered %r" % flat(row[0])); continue
        seen.append(no)
        for v, cell in enumerate(row[2:2 + len(vendors)]):
            a = answers[v].get(no)
            got, want = norm(answer_text(cell)), norm(a["answer"] if a else "")
            if got != want:
                bad("item %d vendor %d: cell %r, answer %r" % (no, v + 1, got, want))
        if len(vendors) > 1 and flat(row[-1])[:1] not in "≡≈≠—": bad("item %d: verdict %r" % (no, flat(row[-1])))
if seen != want_rows: bad("comparison rows %r, expected %r" % (seen, want_rows))

# ---- findings
if findings:
    fnd = section_of(label("findings"))
    lists = {}
    cur = None
    for b in fnd:
        if tag(b) == "heading" and b.get("level") == "3": cur = flat(b); lists[cur] = [0, 0]
        elif tag(b) == "list" and cur: lists[cur][0] += len(b)
        elif tag(b) == "table" and cur: lists[cur][1] += len(rows_of(b)) - 1
    if len(lists) != len(vendors): bad("findings: %d vendor headings" % len(lists))
    for (conv, val), (h, (nf, nreq)) in zip(vendors, lists.items()):
        if val["path"] not in h: bad("findings heading %r lacks %s" % (h, val["path"]))
        if nf != len(val["findings"]): bad("%s: %d findings listed, %d found" % (h, nf, len(val["findings"])))
        want_req = len(val["profile"]["requirements"]) if profile else 0
        if nreq != want_req: bad("%s: %d requirement rows, expected %d" % (h, nreq, want_req))
    for li in (li for b in fnd if tag(b) == "list" for li in b):
        para = li[0]
        if tag(para[0]) != "strong" or not any(tag(c) == "code" for c in para):
            bad("finding without severity or rule: %r" % flat(li)); break

for e in errors[:15]:
    print("FAIL: %s: %s" % (md, e))
sys.exit(1 if errors else 0)
EOF
# the checker asks for the checklist through this
cat >"$W/slacheck-items" <<EOF
#!/bin/sh
exec $SLACHECK items --format json
EOF
chmod +x "$W/slacheck-items"

# facts VENDOR FILE...: converted and validated JSON of each file, as
# $W/NAME.conv.json and $W/NAME.val.json; prints the pairs
facts() {
    extra=$1; shift
    for f in "$@"; do
        b=$W/$(basename "$f")
        $SLACHECK convert "$f" -o "$b.conv.json" || fail "convert $f"
        $SLACHECK validate --format json $extra "$f" >"$b.val.json"
        printf '%s %s ' "$b.conv.json" "$b.val.json"
    done
}
check() {
    python3 "$W/check.py" "$@" || failures=$((failures + 1))
}

# ---- the two seeds ----------------------------------------------------------

run $SLACHECK export "$A" "$Q" -o "$W/seeds.md"
expect_rc 0 "export the seeds to md"
check "$W/seeds.md" -- $(facts "" "$A" "$Q")
# a terminal can read it: only table rows may be long
awk 'length($0) > 400 && !/^\|/ { print "FAIL: long line " NR; bad = 1 } END { exit bad }' "$W/seeds.md" ||
    failures=$((failures + 1))

# one vendor alone
run $SLACHECK export "$Q" -o "$W/one.md"
expect_rc 0 "export one vendor to md"
check "$W/one.md" -- $(facts "" "$Q")
grep -q '^# Cloud service level checklist: qlingo$' "$W/one.md" || fail "one vendor: title"

# ---- a hostile fixture ------------------------------------------------------

python3 - "$Q" "$W/hostile.csv" <<'EOF'
import csv, sys
rows = [l.split("\t") for l in open(sys.argv[1], encoding="utf-8").read().split("\n")]
nasty = [
    "a | b || c |",
    "ends in a backslash \\",
    "line one\nline two\r\nline three",
    "<script>alert(1)</script>",
    "*bold* and __strong__ and _under_",
    "`code` and ``more``",
    "[link](http://x) ![img](http://y) <http://z>",
    "# not a heading",
    "=1+1",
    "全角｜パイプ　ＡＢＣ１２３＊強調＊",
    "\\| an escaped pipe \\\\|",
    "<br> literal and <b>bold</b> &amp; &#60; &lt;",
    "- a list\n1. an item\n> a quote\n    indented code",
    "~~struck~~ and $x$ and $$y$$",
    "|",
    "||||",
    "\\",
    "**",
    "<!-- comment --> <?php echo 1; ?> <![CDATA[x]]>",
    "【有】 blank lines\n\n\nafter",
    "---\n===\n```\nfenced\n```",
    "<div>\n<script>alert(2)</script>\n</div>",
    "trailing spaces   \n   leading spaces",
    "\\*not emphasis\\* \\<not html\\>",
    "see https://x.example/a_b*c* or www.example.com_ or mail@x.example*",
]
n = 0
for r in rows:
    if r and r[0].isdigit() and n < len(nasty):
        r[5] = nasty[n]
        n += 1
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
EOF
run $SLACHECK export "$W/hostile.csv" "$A" -o "$W/hostile.md"
expect_rc 0 "export the hostile fixture"
check "$W/hostile.md" -- $(facts "" "$W/hostile.csv" "$A")
# the fixture reached the report as written (not lost on loading)
python3 - "$W/hostile.csv.conv.json" <<'EOF' || failures=$((failures + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
a = {i["no"]: i["answer"] for i in d["items"]}
for no, want in ((1, "a | b || c |"), (4, "<script>alert(1)</script>"), (2, "ends in a backslash \\"), (15, "|")):
    if a.get(no) != want:
        print("FAIL: hostile item %d loaded as %r" % (no, a.get(no))); sys.exit(1)
if "line two" not in a[3] or "\n" not in a[3]:
    print("FAIL: hostile item 3 lost its line breaks: %r" % a[3]); sys.exit(1)
EOF
grep -qi '<script>' "$W/hostile.md" && fail "hostile: a raw <script> in the Markdown"

# ---- Japanese, the profile --------------------------------------------------

run $SLACHECK export --lang ja "$A" "$Q" -o "$W/ja.md"
expect_rc 0 "export --lang ja"
check "$W/ja.md" --lang ja -- $(facts "" "$A" "$Q")
grep -q '^## 概要$' "$W/ja.md" || fail "ja: 概要"

run $SLACHECK export --profile "$P" "$A" "$Q" -o "$W/profile.md"
expect_rc 0 "export --profile"
check "$W/profile.md" --profile -- $(facts "--profile $P" "$A" "$Q")
grep -q 'Profile: .*personal-data-strict.xml' "$W/profile.md" || fail "profile: named in the report"

# ---- diff -o x.md: the comparison alone --------------------------------------

run $SLACHECK diff "$A" "$Q" -o "$W/diff.md"
[ -s "$W/diff.md" ] || fail "diff -o x.md wrote nothing (exit $rc)"
check "$W/diff.md" --no-findings -- $(facts "" "$A" "$Q")
run $SLACHECK diff --category security "$A" "$Q" -o "$W/diff-sec.md"
check "$W/diff-sec.md" --no-findings --rows 39,40,41,42,43,44,45,46,47,48,49 -- $(facts "" "$A" "$Q")

# ---- standard output ----------------------------------------------------------

run $SLACHECK export --format md "$A" "$Q" -o -
expect_rc 0 "export -o -"
cmp -s "$TMP/out" "$W/seeds.md" || fail "export -o - differs from the file"

finish
