#!/bin/sh
# t-xml-md-safe.sh - one vendor cannot break an XML report or plant a link
# in a Markdown one (issue 16): a form feed or ESC from JSON input is never
# written raw into JUnit (xmllint reads every XML file we write), and an
# e-mail address, mailto: or URL in an answer or a name never becomes a
# link in the Markdown reports (cmark-gfm with GitHub's autolinks).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

run $SLACHECK convert "$EX/active-gate-ss.tsv" -o a.json
expect_rc 0 "convert to JSON"
python3 - <<'PY'
import json
d = json.load(open("a.json", encoding="utf-8"))
d["vendor"] = d["meta"]["service"] = "Evil\f\u001b[2J\u0001\ufffe vendor support@example.com"
for k, t in enumerate(["明示できません\f\u001b[31m", "約款にて\u0007SLAを記載 support@example.com",
                       "mailto:x@y.z", "https://evil.test/x", "www.evil.test", "<mailto:a@b.c>"]):
    d["items"][[9, 4, 0, 1, 2, 3][k]]["answer"] = t
json.dump(d, open("evil.json", "w", encoding="utf-8"), ensure_ascii=True)
PY

# 1. XML 1.0: JUnit, and the XLSX parts
if command -v xmllint >/dev/null 2>&1; then
    run $SLACHECK validate --format junit --fail-on warning evil.json "$EX/qlingo.tsv"
    [ "$rc" -le 1 ] || fail "junit: exit $rc"
    xmllint --noout out 2>xmllint.err || { fail "junit: xmllint rejects the report"; head -3 xmllint.err; }
    grep -qF 'Evil\x0c\x1b[2J\x01&lt;U+FFFE&gt;' out || fail "junit: controls not shown visibly"
    run $SLACHECK export evil.json "$EX/qlingo.tsv" -o x.xlsx
    expect_rc 0 "export to XLSX"
    python3 - <<'PY' || fail "xlsx: a part xmllint rejects"
import subprocess, sys, zipfile
z = zipfile.ZipFile("x.xlsx")
bad = 0
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        p = subprocess.run(["xmllint", "--noout", "-"], input=z.read(n), capture_output=True)
        if p.returncode:
            print("  %s: %s" % (n, p.stderr.decode()[:200]))
            bad = 1
sys.exit(bad)
PY
else
    echo "SKIP: XML checks (xmllint not installed: apt-get install libxml2-utils)"
fi

# 2. Markdown: no link forms, in export and in validate --format md
if command -v cmark-gfm >/dev/null 2>&1; then
    run $SLACHECK export evil.json "$EX/qlingo.tsv" -o x.md
    expect_rc 0 "export to Markdown"
    run $SLACHECK validate --format md --fail-on info evil.json
    cp out v.md
    for f in x.md v.md; do
        cmark-gfm -e autolink -e table "$f" >"$f.html"
        grep -q '<a ' "$f.html" && { fail "$f: a link formed"; grep -o '<a [^>]*>' "$f.html" | head -3; }
    done
    grep -q 'support@' v.md.html || fail "v.md: the address is not shown"
    grep -q 'support@' x.md.html || fail "x.md: the address is not shown"
else
    echo "SKIP: Markdown links (cmark-gfm not installed)"
fi
[ "$failures" = 0 ]
