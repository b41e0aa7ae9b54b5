#!/bin/sh
# t-templates.sh - templates/ and --templates DIR (docs/templates.md): the
# built-in report.css and report.js are what the HTML report carries; an
# override folder changes the stylesheet, the wording (organisation,
# footer) in HTML and Markdown, and the CSP hash follows the bytes used;
# keys left out keep the built-in words; a broken override (unknown key,
# a line that is no "key = value", </style in the stylesheet, invalid
# UTF-8, a file that is no template, a folder that is not there) stops
# with exit 4, names the file (and line), and writes nothing.
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
printf '# ours\norganisation = 株式会社テスト 調達部\nfooter = 社外秘（テスト）\n' >ours/report.ja.txt
printf 'notes\n' >ours/README.md
run $SLACHECK export --lang ja --templates ours "$A" "$B" -o ours.html -o ours.md
expect_rc 0 "export --templates ours"
grep -q 'body{color:#123456}' ours.html || fail "the override stylesheet is not in the page"
grep -q 'ボーダー\|--accent' ours.html && fail "the built-in stylesheet is still in the page"
for f in ours.html ours.md; do
    grep -q '株式会社テスト 調達部' "$f" || fail "$f: the organisation is not shown"
    grep -q '社外秘（テスト）' "$f" || fail "$f: the footer is not shown"
done
# keys the override leaves out keep the built-in words
intro=$(sed -n 's/^intro = //p' "$ROOT/templates/report.ja.txt")
grep -qF "$intro" ours.html || fail "the built-in intro is gone"
# the CSP hash is the override's
want=$(printf 'body{color:#123456}\n' | sha256sum | cut -d' ' -f1 | xxd -r -p | base64)
grep -qF "style-src 'sha256-$want'" ours.html || fail "the CSP does not hash the override stylesheet"
# the English report does not take the Japanese wording
run $SLACHECK export --lang en --templates ours "$A" "$B" -o ours-en.html
grep -q '株式会社テスト' ours-en.html && fail "the ja wording shows in an en report"

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
run $SLACHECK export --templates "$TMP/none" "$A" -o bad.html
expect_rc 4 "--templates with a folder that is not there"
grep -q "$TMP/none" "$TMP/err" || fail "the missing folder is not named"

finish
