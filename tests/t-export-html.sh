#!/bin/sh
# t-export-html.sh - export -o x.html: the W3C Nu Html Checker finds no
# error (one vendor, two compared, with a profile, in Japanese, a hostile
# file, diff -o); the structure (lang, CSP whose sha256 hashes match the
# inline style and script - checked against sha256sum -, nothing external,
# one comparison row per item, an SVG chart with bars, findings and
# details present or not); vendor text stays text (a hostile fixture whose
# answers hold <script>, <img onerror>, quotes, & and line breaks, opened
# in headless Chromium: the title is not PWNED, the markup shows as text,
# the page script ran under the CSP); a screenshot is taken; the same
# bytes on every run and through a pipe.
# The Nu checker (vnu.jar) is installed by `make test-deps` under build/tools.
. "$ROOT/tests/lib.sh"

# VNU_JAR, JAVA and CHROMIUM override the tools (a missing one: SKIP)
VNU=${VNU_JAR:-"$ROOT/build/tools/node_modules/vnu-jar/build/dist/vnu.jar"}
JAVA=${JAVA:-java}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
STRICT="$EX/profiles/personal-data-strict.xml"
A="$EX/active-gate-ss.tsv"
B="$EX/qlingo.tsv"

mkdir "$TMP/w" && cd "$TMP/w" || exit 2

# ---- the reports ----
run $SLACHECK export "$B" -o one.html
expect_rc 0 "export one vendor"
run $SLACHECK export "$A" "$B" -o two.html
expect_rc 0 "export two vendors"
run $SLACHECK export --profile "$STRICT" "$A" "$B" -o prof.html
expect_rc 0 "export with a profile"
run $SLACHECK export --lang ja --profile "$STRICT" "$A" "$B" -o ja.html
expect_rc 0 "export --lang ja"
# for the summary checks against validate's JSON, each language
run $SLACHECK export --lang en --profile "$STRICT" "$A" "$B" -o en.sum.html
run $SLACHECK export --lang ja --profile "$STRICT" "$A" "$B" -o ja.sum.html

# a hostile copy of a seed: markup, quotes, ampersands, pipes and line
# breaks in answers and remarks, and in the vendor's name
python3 - "$B" hostile.tsv <<'EOF' || fail "cannot build the hostile fixture"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
head = next(i for i, r in enumerate(rows) if r and r[0] == "No.")
rows[head].append("備考")
bad = {1: "<script>document.title='PWNED'</script>【有】24時間365日",
       2: "<img src=x onerror=\"document.title='PWNED'\">【有】2週間前までに通知",
       3: "He said \"yes\" & <b>more</b> | pipe 'single' &amp; &lt;",
       4: "line one\nline two\r\nline three\n\n  indented"}
for r in rows[head + 1:]:
    if r and r[0].isdigit():
        n = int(r[0])
        r += [""] * (6 - len(r))
        if n in bad:
            r[5] = bad[n]
        r.append({5: "</td></tr><script>document.title='PWNED'</script>",
                  6: "remark \"q\" & a\nsecond line"}.get(n, ""))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), delimiter="\t",
           lineterminator="\n").writerows(rows)
EOF
run $SLACHECK export --name '<b>"Evil" & Co</b><script>document.title="PWNED"</script>' \
    --name "O'Brien \"Q\"" hostile.tsv "$B" -o hostile.html
expect_rc 0 "export the hostile fixture"

# diff -o: the comparison only (no findings, no per-vendor answers)
run $SLACHECK diff "$A" "$B" -o diff.html
if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then
    have_diff=1
else
    have_diff=0
    fail "diff -o diff.html: exit $rc: $(head -3 "$TMP/err")"
fi
# only the items asked for
[ "$have_diff" = 1 ] && run $SLACHECK diff --items 1-9 "$A" "$B" -o part.html

# the same bytes on a second run, and through a pipe
run $SLACHECK export --profile "$STRICT" "$A" "$B" -o again.html
cmp -s prof.html again.html || fail "two runs of the same export differ"
$SLACHECK export --format html --profile "$STRICT" "$A" "$B" -o - >piped.html 2>"$TMP/err"
cmp -s prof.html piped.html || fail "export -o - differs from the file"

# ---- the W3C Nu Html Checker: no error anywhere ----
REPORTS="one.html two.html prof.html ja.html hostile.html"
[ "$have_diff" = 1 ] && REPORTS="$REPORTS diff.html part.html"
if [ ! -f "$VNU" ]; then
    unchecked "the Nu Html Checker is not installed ($VNU): run make test-deps"
elif ! have_tool "$JAVA"; then
    unchecked "java is not installed (the Nu Html Checker needs it): run make test-deps"
else
    # shellcheck disable=SC2086
    "$JAVA" -jar "$VNU" --errors-only $REPORTS >"$TMP/vnu.out" 2>&1
    vrc=$?
    if [ "$vrc" != 0 ] || [ -s "$TMP/vnu.out" ]; then
        fail "the Nu Html Checker reports errors (exit $vrc):"
        head -20 "$TMP/vnu.out" | sed 's/^/    /'
    fi
fi

# ---- structure ----
# check FILE LANG ROWS FINDINGS(1/0) DETAILS(1/0) REQUIREMENTS(1/0)
check() {
    python3 - "$@" <<'EOF' || failures=$((failures + 1))
import base64, hashlib, re, sys
from html.parser import HTMLParser

path, lang, rows, findings, details, reqs = sys.argv[1:7]
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL: %s: %s" % (path, msg))

class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.lang, self.csp, self.ids = [], None, [], set()
        self.inline = {"style": [], "script": []}
        self.urls, self.cmp_rows, self.rects, self.svgs, self.handlers = [], 0, 0, 0, []
        self.in_cmp, self.text, self.svg_label = 0, [], None
        self.tags = {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(a.get("content", ""))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-type":
            bad("a http-equiv Content-Type meta next to <meta charset>")
        for k, v in attrs:
            if k in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
                self.urls.append(v or "")
            if k.startswith("on"):
                self.handlers.append(k)
            if k == "id":
                if v in self.ids:
                    bad("duplicate id %s" % v)
                self.ids.add(v)
        if tag == "table" and a.get("id") == "cmp":
            self.in_cmp = 1
        if tag == "tr" and self.in_cmp and "data-verdict" in a:
            self.cmp_rows += 1
        if tag == "svg":
            self.svgs += 1
            self.svg_label = a.get("aria-label")
            if a.get("role") != "img":
                bad("svg without role=img")
        if tag == "rect":
            self.rects += 1
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "table":
            self.in_cmp = 0
        while self.stack:
            t = self.stack.pop()
            if t == tag:
                break
    def handle_data(self, d):
        if self.stack and self.stack[-1] in self.inline:
            self.inline[self.stack[-1]].append(d)
        else:
            self.text.append(d)

p = P()
p.feed(open(path, encoding="utf-8").read())
text = "".join(p.text)
if p.lang != lang:
    bad("html lang=%r, expected %r" % (p.lang, lang))
if len(p.csp) != 1:
    bad("%d CSP meta elements" % len(p.csp))
else:
    csp = p.csp[0]
    if "unsafe-inline" in csp:
        bad("CSP allows unsafe-inline")
    if not re.search(r"(^|;)\s*default-src 'none'", csp):
        bad("CSP lacks default-src 'none': " + csp)
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        blocks = p.inline[kind]
        if p.tags.get(kind, 0) != 1:
            bad("%d <%s> elements, expected 1" % (p.tags.get(kind, 0), kind))
        content = "".join(blocks).encode("utf-8")
        want = base64.b64encode(hashlib.sha256(content).digest()).decode()
        m = re.search(directive + r" 'sha256-([A-Za-z0-9+/=]+)'", csp)
        if not m:
            bad("CSP has no %s hash: %s" % (directive, csp))
        elif m.group(1) != want:
            bad("%s hash %s does not match the inline %s (%s)" % (directive, m.group(1), kind, want))
        else:   # for the shell to check against sha256sum
            open(path + "." + kind, "wb").write(content)
            open(path + "." + kind + ".hex", "w").write(base64.b64decode(m.group(1)).hex() + "\n")
for u in p.urls:
    if not u.startswith("#"):
        bad("a link or source that is not in the page: %r" % u)
if p.handlers:
    bad("event handler attributes: %s" % p.handlers)
if p.tags.get("img") or p.tags.get("iframe") or p.tags.get("object"):
    bad("img/iframe/object elements in the page")
if p.cmp_rows != int(rows):
    bad("%d comparison rows, expected %s" % (p.cmp_rows, rows))
if p.svgs:
    bad("%d svg elements: the grid replaced the chart" % p.svgs)
if "@page" not in "".join(p.inline["style"]) or "A4" not in "".join(p.inline["style"]):
    bad("the stylesheet has no @page A4")
for sec, want in (("findings", findings), ("details", details), ("requirements", reqs)):
    if (sec in p.ids) != (want == "1"):
        bad("section %s %s" % (sec, "missing" if want == "1" else "present"))
for sec in ("summary", "grid", "comparison"):
    if sec not in p.ids:
        bad("section %s missing" % sec)
if path.endswith("hostile.html"):
    for s in ("<script>document.title='PWNED'</script>【有】24時間365日",
              "<img src=x onerror=\"document.title='PWNED'\">",
              "He said \"yes\" & <b>more</b> | pipe 'single' &amp; &lt;",
              "line one\nline two\nline three\n\n  indented",
              "</td></tr><script>document.title='PWNED'</script>",
              "remark \"q\" & a\nsecond line",
              "<b>\"Evil\" & Co</b><script>document.title=\"PWNED\"</script>",
              "O'Brien \"Q\""):
        if s not in text:
            bad("vendor text not shown as written: %r" % s)
if lang == "ja" and "比較" not in text:
    bad("no Japanese labels")
sys.exit(0 if ok else 1)
EOF
    for kind in style script; do
        [ -f "$1.$kind" ] || continue
        sum=$(sha256sum <"$1.$kind" | cut -d' ' -f1)
        [ "$sum" = "$(cat "$1.$kind.hex")" ] || fail "$1: CSP $kind hash is not sha256sum's ($sum)"
    done
}
check one.html en 49 1 1 0
check two.html en 49 1 1 0
check prof.html en 49 1 1 1
check ja.html ja 49 1 1 1
check hostile.html en 49 1 1 0
if [ "$have_diff" = 1 ]; then
    check diff.html en 49 0 0 0
    check part.html en 9 0 0 0
fi
grep -q '<table class="grid">' two.html || fail "the summary has no category grid"

# the summary against the profile result validate gives: per vendor the
# must requirements not met or unknown (item, line, evidence), the score,
# the findings counted as validate counts them; the grid's requirement
# counts per category add up to the profile's
$SLACHECK validate --format json --profile "$STRICT" "$A" "$B" >"$TMP/v.json" 2>/dev/null
for lang in en ja; do
    python3 - "$lang.sum.html" "$TMP/v.json" <<'EOF' || failures=$((failures + 1))
import json, re, sys
from html import unescape
page, v = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2]))
ok = True
def bad(m):
    global ok
    ok = False
    print("FAIL: %s: %s" % (sys.argv[1], m))
summ = page[page.index('<section id="summary"'):page.index('<section id="comparison"')]
vendors = re.findall(r'<section class="vendor">(.*?)</section>', summ, re.S)
if len(vendors) != len(v["files"]):
    bad("%d vendor blocks, expected %d" % (len(vendors), len(v["files"])))
grid = re.search(r'<table class="grid">(.*?)</table>', summ, re.S).group(1)
for f, block in zip(v["files"], vendors):
    p = f["profile"]
    want = [(r["item"], r["line"], r["evidence"]) for st in ("not-met", "unknown")
            for r in p["requirements"] if r["level"] == "must" and r["status"] == st]
    rows = re.findall(r'<tr><td class="no">(\d+)</td>.*?<td class="txt">(.*?)</td><td class="num">(.*?)</td></tr>', block, re.S)
    got = [(int(n), int(l) if l.isdigit() else 0, unescape(e)) for n, e, l in rows]
    if [(n, l) for n, l, _ in got] != [(n, l) for n, l, _ in want]:
        bad("must rows %s, validate says %s" % (got, want))
    for (_, _, e), (_, _, w) in zip(got, want):
        if w and not e.endswith(w):
            bad("evidence %r does not end with validate's %r" % (e, w))
    if "%.1f" % p["score"] not in block:
        bad("score %.1f not in the vendor block" % p["score"])
    row = re.search(r'<td class="path">' + re.escape(f["path"]) + r'</td>(.*?)</tr>', summ, re.S)
    nums = re.findall(r'<td class="num[^"]*">([^<]*)</td>', row.group(1)) if row else []
    c = f["counts"]
    if nums[1:4] != [str(c["error"]), str(c["warning"]), str(c["info"])]:
        bad("counts %s, validate gives %s" % (nums[1:4], c))
total = sum(len(f["profile"]["requirements"]) for f in v["files"])
cells = re.findall(r'✓ [^<]*? (\d+)/(\d+)</span>', grid)
if sum(int(b) for a, b in cells) != total:
    bad("the grid counts %d requirements, the profile has %d" % (sum(int(b) for a, b in cells), total))
met = sum(f["profile"]["met"] for f in v["files"])
if sum(int(a) for a, b in cells) != met:
    bad("the grid counts %d met, validate %d" % (sum(int(a) for a, b in cells), met))
sys.exit(0 if ok else 1)
EOF
done
grep -q 'Better' one.html && ! grep -q 'data-differs' one.html ||
    fail "one vendor: the legend or the differs filter is wrong"

# ---- headless Chromium: the hostile page stays inert; a screenshot ----
chromium() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$TMP/chr" "$@" 2>>"$TMP/chromium.err"
}
if [ ! -x "$CHROMIUM" ]; then
    unchecked "chromium is not installed ($CHROMIUM): run make test-deps"
else
    chromium --dump-dom "file://$TMP/w/hostile.html" >dom.html
    [ -s dom.html ] || fail "chromium dumped no DOM: $(tail -3 "$TMP/chromium.err")"
    python3 - dom.html <<'EOF' || failures=$((failures + 1))
import re, sys
from html import unescape
dom = open(sys.argv[1], encoding="utf-8").read()
ok = True
title = re.search(r"<title>(.*?)</title>", dom, re.S)
if not title or "PWNED" in title.group(1):
    print("FAIL: chromium: page title %r" % (title and title.group(1)))
    ok = False
if "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" not in dom:
    print("FAIL: chromium: the answer's <script> is not text in the DOM")
    ok = False
if re.search(r"<img\b", dom) or "onerror=" in re.sub(r"&lt;img[^<]*", "", dom):
    print("FAIL: chromium: an <img> or onerror attribute made it into the DOM")
    ok = False
if len(re.findall(r"<script\b", dom)) != 1:
    print("FAIL: chromium: %d script elements, expected our one" % len(re.findall(r"<script\b", dom)))
    ok = False
if 'class="filter"' not in dom:   # the page's own script ran: its CSP hash is right
    print("FAIL: chromium: the page script did not run (CSP hash refused?)")
    ok = False
sys.exit(0 if ok else 1)
EOF
    chromium --screenshot="$TMP/shot.png" --window-size=1400,2000 "file://$TMP/w/prof.html" >/dev/null
    python3 - "$TMP/shot.png" <<'EOF' || failures=$((failures + 1))
import os, struct, sys
p = sys.argv[1]
if not os.path.exists(p):
    print("FAIL: chromium wrote no screenshot"); sys.exit(1)
d = open(p, "rb").read()
w, h = struct.unpack(">II", d[16:24]) if d[:8] == b"\x89PNG\r\n\x1a\n" else (0, 0)
if (w, h) != (1400, 2000) or len(d) < 60000:
    print("FAIL: screenshot %dx%d, %d bytes" % (w, h, len(d))); sys.exit(1)
EOF
    [ -n "${KEEP_SHOT:-}" ] && cp "$TMP/shot.png" "$KEEP_SHOT"
fi

finish
