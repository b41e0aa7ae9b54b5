#!/bin/sh
# t-templates.sh - templates/ and --templates DIR (docs/templates.md): the
# built-in report.css and report.js are what the HTML report carries; an
# override folder changes the stylesheet, the wording (organisation,
# footer) in HTML and Markdown, and the CSP hash follows the bytes used;
# keys left out keep the built-in words; a broken override (unknown key,
# a line that is no "key = value", </style in the stylesheet, invalid
# UTF-8, a file that is no template, a folder that is not there, a page
# skeleton with bad markup or a slot unknown, missing or out of place)
# stops with exit 4, names the file (and line), and writes nothing. The
# page skeleton (report.html) shapes the page; its slots are escaped.
. "$ROOT/tests/lib.sh"

A="$EX/active-gate-ss.tsv"
B="$EX/qlingo.tsv"
mkdir "$TMP/w" && cd "$TMP/w" || exit 2

# the built-in templates are the files in templates/
run $SLACHECK export "$A" "$B" -o plain.html
expect_rc 0 "export with the built-in templates"
python3 - plain.html "$ROOT/templates/report.css" "$ROOT/templates/report.js" <<'PYEOF' ||
import sys
page = open(sys.argv[1], encoding="utf-8").read()
for f in sys.argv[2:]:
    if open(f, encoding="utf-8").read() not in page:
        print("FAIL: %s is not in the page as it is" % f)
        sys.exit(1)
PYEOF
    failures=$((failures + 1))

# an override: the stylesheet, and two keys of the Japanese wording
mkdir ours
printf 'body{color:#123456}\n' >ours/report.css
printf '# ours\norganisation = 株式会社テスト 調達部\nfooter = 社外秘（テスト）\nsummary = 審査の概要\n' >ours/report.ja.txt
printf 'notes\n' >ours/README.md
run $SLACHECK export --lang ja --templates ours "$A" "$B" -o ours.html -o ours.md
expect_rc 0 "export --templates ours"
grep -q 'body{color:#123456}' ours.html || fail "the override stylesheet is not in the page"
grep -q 'ボーダー\|--accent' ours.html && fail "the built-in stylesheet is still in the page"
for f in ours.html ours.md; do
    grep -q '株式会社テスト 調達部' "$f" || fail "$f: the organisation is not shown"
    grep -q '社外秘（テスト）' "$f" || fail "$f: the footer is not shown"
    grep -q '^\(<h2>\|## \)審査の概要' "$f" || fail "$f: the summary heading is not the template's"
done
# keys the override leaves out keep the built-in words
intro=$(sed -n 's/^intro = //p' "$ROOT/templates/report.ja.txt")
grep -qF "$intro" ours.html || fail "the built-in intro is gone"
# the CSP hash is the override's
want=$(printf 'body{color:#123456}\n' | sha256sum | cut -d' ' -f1 | xxd -r -p | base64)
grep -qF "style-src 'sha256-$want'" ours.html || fail "the CSP does not hash the override stylesheet"
# a stylesheet with CRLF line ends: the page carries LF ends (HTML text),
# and the CSP hashes exactly the bytes in the page, not the file's
mkdir crlf
printf 'body{color:#123456}\r\nh1{color:red}\r\n' >crlf/report.css
run $SLACHECK export --templates crlf "$A" -o crlf.html
expect_rc 0 "export --templates crlf"
python3 - crlf.html <<'PYEOF' || fail "the CSP does not hash the stylesheet the page carries"
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8", newline="").read()
css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
want = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
if "style-src 'sha256-%s'" % want not in page:
    sys.exit("FAIL: no style-src hash of the <style> the page has")
PYEOF
# the English report does not take the Japanese wording
run $SLACHECK export --lang en --templates ours "$A" "$B" -o ours-en.html
grep -q '株式会社テスト' ours-en.html && fail "the ja wording shows in an en report"

# the page skeleton (report.html): an override changes the page's
# structure and fixed wording; what its slots bring is escaped (the vendor
# name reaches {{title}}, here also put in an attribute); sections under
# data-if follow the report (no requirements without a profile)
mkdir page
H="$TMP/w/hostile.tsv"
sed '1s/^/対象サービス: "><b id="x">Evil\&amp; <\/b>\n/' "$B" >"$H"
python3 - "$ROOT/templates/report.html" page/report.html <<'PYEOF' || fail "could not make the skeleton override"
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for a, b in (("<h1>{{title}}</h1>",
              '<h1 data-title="{{title}}">{{title}}</h1><p class="ours">調達部 審査用 {{date}}</p>'),
             ("<h2>{{comparison}}</h2>", "<h2>比較表（{{comparison}}）</h2>")):
    assert a in s, a
    s = s.replace(a, b, 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PYEOF
run $SLACHECK export --lang ja --templates page "$H" -o page.html
expect_rc 0 "export --templates page (a skeleton override)"
grep -q '<p class="ours">調達部 審査用 [0-9-]*</p>' page.html || fail "the skeleton's own element is not in the page"
grep -q '<h2>比較表（比較）</h2>' page.html || fail "the skeleton's heading wording is not in the page"
python3 - page.html <<'PYEOF' || fail "vendor text in a slot is not kept as text"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    seen, title = [], None
    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag == "h1":
            P.title = dict(attrs).get("data-title")
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
want = '"><b id="x">Evil&amp; </b>'
if "b" in p.seen:
    sys.exit("FAIL: vendor text in a slot became a <b> element")
if not P.title or want not in P.title:
    sys.exit("FAIL: the attribute slot holds %r, not the vendor's text %r" % (P.title, want))
PYEOF
grep -q 'id="requirements"' page.html && fail "the requirements section is there without a profile"
grep -q 'id="findings"' page.html || fail "the findings section is missing"

# broken overrides: exit 4, the file (and line) named, nothing written
broken() { # NAME CONTENT WHAT-THE-MESSAGE-SAYS
    rm -rf bad && mkdir bad && printf "$2" >"bad/$1"
    run $SLACHECK export --templates bad "$A" -o bad.html
    expect_rc 4 "--templates with a broken $1"
    grep -q "bad/$1" "$TMP/err" || fail "$1: the message does not name the file: $(cat "$TMP/err")"
    grep -q "$3" "$TMP/err" || fail "$1: the message does not say '$3': $(cat "$TMP/err")"
    [ -e bad.html ] && fail "$1: a report was written"
    rm -f bad.html
}
broken report.en.txt 'intro = fine\nfooterr = typo\n' 'bad/report.en.txt:2:.*unknown key "footerr"'
broken report.en.txt 'just words\n' 'bad/report.en.txt:1:.*key = value'
broken report.css 'a{}</style><script>alert(1)</script>' '</style'
broken report.js '\377\376' 'UTF-8'
broken report.cs 'a{}' 'not a template'
# a broken skeleton: bad markup, an unknown slot, a missing one, the CSP
# <meta> after the style, a script of its own
skel() { # WHAT-TO-REPLACE REPLACEMENT
    python3 -c 'import sys; s = open(sys.argv[1], encoding="utf-8").read(); a, b = sys.argv[2], sys.argv[3]
assert a in s, a
sys.stdout.write(s.replace(a, b, 1))' "$ROOT/templates/report.html" "$1" "$2" | sed 's/%/%%/g'
}
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1>{{title}}</h2>')" 'bad/report.html:[0-9]*:.*bad markup.*h1'
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1>{{titel}}</h1>')" 'bad/report.html:[0-9]*:.*unknown slot {{titel}}'
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1>{{title}</h1>')" 'bad/report.html:[0-9]*:.*without'
broken report.html "$(skel '</dl>
    {{vendors_table}}' '</dl>')" 'missing slot {{vendors_table}}'
broken report.html "$(skel '<meta charset="utf-8" />' '<style>{{css}}</style><meta charset="utf-8" />')" \
    'bad/report.html:[0-9]*:.*before any style'
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1 onclick="alert(1)">{{title}}</h1>')" 'onclick'
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1>{{title}}</h1><script>alert(1)</script>')" \
    '<script> holds {{js}}'
broken report.html "$(skel '<h1>{{title}}</h1>' '<h1 data-if="sometimes">{{title}}</h1>')" \
    'unknown slot {{sometimes}}'
run $SLACHECK export --templates "$TMP/none" "$A" -o bad.html
expect_rc 4 "--templates with a folder that is not there"
grep -q "$TMP/none" "$TMP/err" || fail "the missing folder is not named"

finish
