#!/bin/sh
# t-ci-formats.sh - validate --format junit / md / github, each compared with
# the JSON report of the same run:
#   junit   well-formed (xmllint); a testsuite per readable file with 50
#           testcases (file + 49 items), a failure exactly where a finding is
#           at or above --fail-on, the rest in system-out, an error testcase
#           for an unreadable file, totals that add up;
#   md      a summary whose headings, counts and bullets agree with the JSON,
#           the vendor's text escaped (no raw HTML or emphasis);
#   github  one workflow command per finding, with the documented escaping
#           (% -> %25, CR -> %0D, LF -> %0A; in properties also : -> %3A, , -> %2C).
. "$ROOT/tests/lib.sh"

mkdir "$TMP/w" && cd "$TMP/w" || exit 2
cp "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv" .
for fx in shuffled-missing.tsv header-only.tsv empty.tsv sjis-invalid.tsv rules-all.tsv; do
    cp "$FIX/$fx" . || exit 2
done
STRICT="$EX/profiles/personal-data-strict.xml"
FILES="qlingo.tsv empty.tsv active-gate-ss.tsv shuffled-missing.tsv header-only.tsv sjis-invalid.tsv rules-all.tsv"

# ---- JUnit ----------------------------------------------------------------------
for fail_on in error warning info; do
    run $SLACHECK validate --format junit --fail-on $fail_on --profile "$STRICT" $FILES
    expect_rc 3 "validate --format junit --fail-on $fail_on (unreadable files)"
    cp "$TMP/out" "$TMP/junit-$fail_on.xml"
    xmllint --noout "$TMP/junit-$fail_on.xml" 2>"$TMP/lint" || fail "junit --fail-on $fail_on: not well-formed: $(head -3 "$TMP/lint")"
    run $SLACHECK validate --format json --fail-on $fail_on --profile "$STRICT" $FILES
    cp "$TMP/out" "$TMP/junit-$fail_on.json"
    python3 - "$TMP/junit-$fail_on.xml" "$TMP/junit-$fail_on.json" "$fail_on" <<'EOF' || failures=$((failures + 1))
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
rep = json.load(open(sys.argv[2], encoding="utf-8"))
SEV = {"info": 0, "warning": 1, "error": 2}
fail_on = SEV[sys.argv[3]]
bad = []
def check(c, what):
    if not c:
        bad.append(what)
check(root.tag == "testsuites" and root.get("name") == "slacheck", "root testsuites")
suites = root.findall("testsuite")
check(len(suites) == len(rep["files"]), "a testsuite per file: %d" % len(suites))
tot_tests = tot_fail = tot_err = 0
for s, x in zip(suites, rep["files"]):
    check(s.get("name") == x["path"], "suite name %s" % s.get("name"))
    cases = s.findall("testcase")
    if x["error"]:
        check(len(cases) == 1 and cases[0].get("name") == "read", x["path"] + ": one testcase 'read'")
        err = cases[0].findall("error")
        check(len(err) == 1 and err[0].get("type") == x["error"]["status"], x["path"] + ": error type")
        check(err and x["path"] in (err[0].text or ""), x["path"] + ": error text names the file")
        check(err and err[0].get("message"), x["path"] + ": error message")
        check(not cases[0].findall("failure"), x["path"] + ": no failure")
        check((s.get("tests"), s.get("failures"), s.get("errors")) == ("1", "0", "1"), x["path"] + ": counts")
        tot_tests += 1
        tot_err += 1
        continue
    check(len(cases) == 50, "%s: 50 testcases, got %d" % (x["path"], len(cases)))
    check(cases[0].get("name") == "file", x["path"] + ": first testcase 'file'")
    check([c.get("name")[:8] for c in cases[1:]] == ["item %02d " % n for n in range(1, 50)],
          x["path"] + ": testcases item 01 .. item 49")
    check(all(c.get("classname") == x["path"] for c in cases), x["path"] + ": classname")
    props = {p.get("name"): p.get("value") for p in s.find("properties")}
    check(props == {"vendor": x["vendor"], "encoding": x["encoding"]}, x["path"] + ": properties %s" % props)
    nfail = 0
    for k, c in enumerate(cases):
        item = k   # 0: the file
        mine = [g for g in x["findings"] if (g["item"] or 0) == item]
        failing = [g for g in mine if SEV[g["severity"]] >= fail_on]
        rest = [g for g in mine if SEV[g["severity"]] < fail_on]
        fl = c.findall("failure")
        what = "%s %s" % (x["path"], c.get("name"))
        check(len(fl) == (1 if failing else 0), what + ": %d failure elements, %d failing findings" % (len(fl), len(failing)))
        if failing and fl:
            check(fl[0].get("type") == failing[0]["rule"], what + ": failure type")
            check(fl[0].get("message") == failing[0]["message"], what + ": failure message")
            check(all("[%s] %s" % (g["rule"], g["message"]) in fl[0].text for g in failing), what + ": every failing finding in the text")
            check(not any("[%s] %s" % (g["rule"], g["message"]) in fl[0].text for g in rest), what + ": no finding below --fail-on in the failure")
            nfail += 1
        so = c.findall("system-out")
        check(len(so) == (1 if rest else 0), what + ": system-out iff findings below --fail-on")
        if rest and so:
            check(all("[%s] %s" % (g["rule"], g["message"]) in so[0].text for g in rest), what + ": system-out text")
        check(not c.findall("error"), what + ": no error element")
    check((s.get("tests"), s.get("failures"), s.get("errors"), s.get("skipped")) == ("50", str(nfail), "0", "0"),
          x["path"] + ": suite counts %s" % dict(s.attrib))
    tot_tests += 50
    tot_fail += nfail
check((root.get("tests"), root.get("failures"), root.get("errors")) == (str(tot_tests), str(tot_fail), str(tot_err)),
      "totals %s, counted %s" % (dict(root.attrib), (tot_tests, tot_fail, tot_err)))
for b in bad[:20]:
    print("FAIL: junit --fail-on %s: %s" % (sys.argv[3], b))
sys.exit(1 if bad else 0)
EOF
done
# with --fail-on error the seeds' warnings are no failures; with warning they are
python3 - "$TMP/junit-error.xml" "$TMP/junit-warning.xml" <<'EOF' || failures=$((failures + 1))
import sys, xml.etree.ElementTree as ET
def fails(p, suite):
    s = [x for x in ET.parse(p).getroot() if x.get("name") == suite][0]
    return [c.get("name")[:7] for c in s.findall("testcase") if c.find("failure") is not None]
bad = []
if fails(sys.argv[1], "qlingo.tsv") != ["item 02", "item 39"]:
    bad.append("qlingo --fail-on error: failures %s" % fails(sys.argv[1], "qlingo.tsv"))
if fails(sys.argv[2], "qlingo.tsv") != ["item 02", "item 10", "item 12", "item 15", "item 17", "item 18", "item 39", "item 48", "item 49"]:
    bad.append("qlingo --fail-on warning: failures %s" % fails(sys.argv[2], "qlingo.tsv"))
if fails(sys.argv[1], "shuffled-missing.tsv")[:2] != ["item 02", "item 12"] or "item 40" not in fails(sys.argv[1], "shuffled-missing.tsv"):
    bad.append("shuffled-missing: missing items 12 and 40 fail: %s" % fails(sys.argv[1], "shuffled-missing.tsv"))
if fails(sys.argv[1], "header-only.tsv")[0] != "file":
    bad.append("header-only: the file testcase fails (no-items)")
if fails(sys.argv[1], "header-only.tsv")[1:] != ["item %02d" % n for n in range(1, 50)]:
    bad.append("header-only: all 49 item testcases fail (missing-item): %s" % fails(sys.argv[1], "header-only.tsv"))
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF
# XML special characters from the vendor are escaped, and JUnit for a clean run
python3 - <<'EOF'
s = open("qlingo.tsv", encoding="utf-8").read()
s = s.replace("【有】把握しております。", "【有】<b>把握</b> & \"quoted\" ]]> 'x' 100%")
open("xml-chars.tsv", "w", encoding="utf-8").write(s)
EOF
run $SLACHECK validate --format junit --profile "$STRICT" xml-chars.tsv
expect_rc 1 "junit xml-chars.tsv"
cp "$TMP/out" "$TMP/xml-chars.xml"
xmllint --noout "$TMP/xml-chars.xml" 2>"$TMP/lint" || fail "junit with XML characters: not well-formed: $(head -3 "$TMP/lint")"
python3 - "$TMP/xml-chars.xml" <<'EOF' || failures=$((failures + 1))
import sys, xml.etree.ElementTree as ET
c = [c for c in ET.parse(sys.argv[1]).getroot().iter("testcase") if c.get("name").startswith("item 49")][0]
text = "".join(c.itertext())
if "【有】<b>把握</b> & \"quoted\" ]]> 'x' 100%" not in text:
    print("FAIL: item 49's answer not carried exactly through XML: %r" % text)
    sys.exit(1)
EOF
run $SLACHECK validate --format junit --fail-on error "$EX/active-gate-ss.tsv"
expect_rc 0 "junit active-gate-ss.tsv"
cp "$TMP/out" "$TMP/ag.xml"
if have_tool "$XMLLINT"; then
    xmllint --xpath 'string(/testsuites/@failures)' "$TMP/ag.xml" >"$TMP/nf" 2>/dev/null
    [ "$(cat "$TMP/nf")" = 0 ] || fail "junit active-gate-ss.tsv --fail-on error: failures $(cat "$TMP/nf")"
fi

# ---- Markdown summary ---------------------------------------------------------------
python3 - <<'EOF'
s = open("qlingo.tsv", encoding="utf-8").read()
s = s.replace("【有】把握しております。", "【有】**重要** <b>把握</b> [link](http://x) `c` a_b_c #5 100%")
open("md-chars.tsv", "w", encoding="utf-8").write(s)
EOF
for fail_on in error info; do
    run $SLACHECK validate --format md --fail-on $fail_on --profile "$STRICT" $FILES md-chars.tsv
    expect_rc 3 "validate --format md --fail-on $fail_on"
    cp "$TMP/out" "$TMP/sum-$fail_on.md"
    run $SLACHECK validate --format json --fail-on $fail_on --profile "$STRICT" $FILES md-chars.tsv
    cp "$TMP/out" "$TMP/sum-$fail_on.json"
    python3 - "$TMP/sum-$fail_on.md" "$TMP/sum-$fail_on.json" "$fail_on" <<'EOF' || failures=$((failures + 1))
import json, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
rep = json.load(open(sys.argv[2], encoding="utf-8"))
SEV = {"info": 0, "warning": 1, "error": 2}
fail_on = SEV[sys.argv[3]]
bad = []
def check(c, what):
    if not c:
        bad.append(what)
lines = md.split("\n")
check(lines[0] == "## slacheck results", "first line: %r" % lines[0])
S = rep["summary"]
check("%d files (%d unreadable): %d errors, %d warnings, %d info. Exit status %d." %
      (S["files"], S["unreadable"], S["errors"], S["warnings"], S["info"], S["exit_code"]) in md, "summary line")
# CommonMark backslash escapes (cmark escapes more than it must: Active\\! gate)
unesc = lambda t: re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", t)
heads = [unesc(l) for l in lines if l.startswith("#")]
readable = [x for x in rep["files"] if not x["error"]]
check(heads == ["## slacheck results"] + ["### %s (`%s`)" % (x["vendor"], x["path"]) for x in readable],
      "headings: %s" % heads)
# each file's section: counts, profile line, one bullet per finding shown
sections = re.split(r"^### ", md, flags=re.M)[1:]
for x, sec in zip(readable, sections):
    c = x["counts"]
    check("%d errors, %d warnings, %d info (%s)" % (c["error"], c["warning"], c["info"], x["encoding"]) in sec,
          x["path"] + ": counts line")
    p = x.get("profile")   # (its absence for a file without items: tests/t-profiles.sh)
    if p:
        check("Profile personal-data-strict: score %.0f/100, %d must not met, %d unknown" % (p["score"], p["must_failed"], p["unknown"]) in sec,
              x["path"] + ": profile line")
    else:
        check("Profile " not in sec, x["path"] + ": a profile line without a profile")
    bullets = [l for l in sec.split("\n") if l.lstrip().startswith("- **")]
    shown = [g for g in x["findings"] if SEV[g["severity"]] >= min(fail_on, 1)]
    check(len(bullets) == len(shown), "%s: %d bullets for %d findings" % (x["path"], len(bullets), len(shown)))
    for b, g in zip(bullets, shown):
        want = "- **%s** `%s` %s" % (g["severity"], g["rule"], "line %d: " % g["line"] if g["line"] else "")
        check(b.lstrip().startswith(want), "%s: bullet %r, expected it to start %r" % (x["path"], b, want))
for x in rep["files"]:
    if x["error"]:
        check(re.search(r"^\*\*error\*\* %s(:\d+)?: " % re.escape(x["path"]), md, re.M), x["path"] + ": unreadable file paragraph")
# the vendor's words cannot make markup
check("\\*\\*重要\\*\\*" in md and "\\<b\\>" in md and "\\[link\\]" in md and "\\`c\\`" in md, "vendor text escaped")
check("<b>" not in md.replace("\\<b\\>", ""), "no raw HTML from the vendor")
for b in bad[:20]:
    print("FAIL: md --fail-on %s: %s" % (sys.argv[3], b))
sys.exit(1 if bad else 0)
EOF
done
run $SLACHECK validate --lang ja --format md "$EX/qlingo.tsv"
out_has "## slacheck 検証結果" "md ja title"
out_has "1 ファイル（読めないもの 0）: エラー 0、警告 5、情報 6。終了コード 0。" "md ja summary"

# ---- GitHub workflow commands --------------------------------------------------------
run $SLACHECK validate --format github --fail-on info --profile "$STRICT" $FILES
expect_rc 3 "validate --format github"
cp "$TMP/out" "$TMP/gh.txt"
run $SLACHECK validate --format json --fail-on info --profile "$STRICT" $FILES
cp "$TMP/out" "$TMP/gh.json"
python3 - "$TMP/gh.txt" "$TMP/gh.json" <<'EOF' || failures=$((failures + 1))
import json, re, sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n")
rep = json.load(open(sys.argv[2], encoding="utf-8"))
assert out[-1] == ""
out = out[:-1]
LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
def esc(s, prop):
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s
want = []
for x in rep["files"]:
    for g in x.get("findings", []):
        want.append("::%s file=%s%s,title=%s::%s" % (LEVEL[g["severity"]], esc(x["path"], True),
                    ",line=%d" % g["line"] if g["line"] else "", esc(g["rule"], True), esc(g["message"], False)))
bad = [("line %d: %r, expected %r" % (i + 1, a, b)) for i, (a, b) in enumerate(zip(out, want)) if a != b]
if len(out) != len(want):
    bad.append("%d lines for %d findings" % (len(out), len(want)))
if not all(re.match(r"^::(error|warning|notice) file=[^:,]+(,line=\d+)?,title=[a-z0-9-]+::", l) for l in out):
    bad.append("a line is not a workflow command")
for b in bad[:10]:
    print("FAIL: github:", b)
sys.exit(1 if bad else 0)
EOF
grep -q '%25' "$TMP/gh.txt" || fail "github: no %25 for the % of '≥ 99.9 %'"

# escaping: a path with a comma, a colon, a percent sign and a line break; a
# profile note with % and line breaks (CR, LF) that the messages quote; an
# answer (a quoted CSV cell) with % and a line break, which a message quotes
# with the break as a space
# (Windows file names cannot hold ':' or a line break: not under Wine)
if [ -n "${SLC_WINE:-}" ]; then
    unchecked "under Wine: a file name with ':' and a line break"
    finish
fi
nl='
'
crafted="v,1:a%b${nl}x.csv"
python3 - "$crafted" <<'EOF'
import csv, sys
rows = [l.split("\t") for l in open("qlingo.tsv", encoding="utf-8").read().split("\n")]
for r in rows:
    if r[0] == "15":
        r[5] = "定めは100%ございません。\n(営業時間外は翌営業日)"
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
EOF
sed 's|note="planned outages announced at least 14 days ahead"|note="at least 14 days, 100 % sure\&#13;\&#10;second line"|' "$STRICT" >"$TMP/note.xml"
grep -q '&#10;second line' "$TMP/note.xml" || fail "note.xml not made"
run $SLACHECK validate --format github --profile "$TMP/note.xml" "$crafted"
expect_rc 1 "validate --format github on a crafted file"
cp "$TMP/out" "$TMP/gh-crafted.txt"
bad_lines=$(grep -vc '^::' "$TMP/gh-crafted.txt")
[ "$bad_lines" = 0 ] || fail "github: $bad_lines output lines are not workflow commands (an unescaped line break)"
P='v%2C1%3Aa%25b%0Ax.csv'
grep -qF "::error file=$P,line=11,title=requirement-not-met::item 2 (Notice of planned outages) does not meet must requirement ≥ 14 days (at least 14 days, 100 %25 sure%0D%0Asecond line): \"3日前までに\" (out-of-range)" "$TMP/gh-crafted.txt" ||
    fail "github: item 2 not escaped as documented: $(grep 'line=11,' "$TMP/gh-crafted.txt")"
grep -qF "::notice file=$P,line=24,title=requirement-unknown::item 15 (Failure notification time): cannot tell whether it meets should requirement ≤ 1 hour (failures reported within an hour) (not-stated): \"定めは100%25ございません。 (営業時間外は翌営業日)\"" "$TMP/gh-crafted.txt" ||
    fail "github: item 15 (answer with % and a line break) not escaped as documented: $(grep 'line=24,' "$TMP/gh-crafted.txt")"
[ "$(grep -c "^::[a-z]* file=$P," "$TMP/gh-crafted.txt")" = "$(grep -c '' "$TMP/gh-crafted.txt")" ] ||
    fail "github: every line must carry the escaped path"

finish
