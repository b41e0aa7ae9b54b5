#!/bin/sh
# t-report-lang.sh - --lang ja reports are Japanese throughout: the text a
# reader sees in the HTML report (not the stylesheet, script or attributes),
# the Markdown report and the diff text output, with a profile, hold none
# of a list of English words slacheck itself writes (durations, bounds,
# verdicts, bases, levels, reasons, labels); the words are looked for only
# where the vendors' own files do not have them. Rule ids (code elements,
# `code` spans) are stable ids like item numbers, the same in every
# language (docs/rules.md), and are not looked at. The same reports in
# --lang en do have some of them (the test can fail).
. "$ROOT/tests/lib.sh"

A="$EX/active-gate-ss.tsv"
B="$EX/qlingo.tsv"
P="$EX/profiles/personal-data-strict.xml"
mkdir "$TMP/w" && cd "$TMP/w" || exit 2

for lang in ja en; do
    run $SLACHECK export --lang $lang --profile "$P" "$A" "$B" -o $lang.html -o $lang.md
    expect_rc 0 "export --lang $lang"
    $SLACHECK diff --lang $lang --exit-zero --all "$A" "$B" >$lang.diff.txt 2>"$TMP/err" ||
        fail "diff --lang $lang: $(cat "$TMP/err")"
    $SLACHECK diff --lang $lang --exit-zero --changes "$A" "$B" >>$lang.diff.txt 2>"$TMP/err" ||
        fail "diff --changes --lang $lang: $(cat "$TMP/err")"
done

python3 - "$A" "$B" <<'PYEOF' || failures=$((failures + 1))
import re, sys
from html.parser import HTMLParser

WORDS = ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
         "weeks", "month", "months", "year", "years", "same", "differs", "equivalent",
         "missing", "undisclosed", "not stated", "guarantee", "guaranteed", "target",
         "actual", "condition", "must", "should", "out-of-range", "answered-no",
         "not-stated", "by-reference", "Category", "Vendor", "Score", "Summary",
         "Requirements", "Evidence", "errors", "warnings", "Findings", "Comparison",
         "Legend", "Met", "Not met", "Unknown", "Leads", "Trails", "Reviewer", "Decision",
         "Weights", "yes", "no", "weight", "Answered", "Report date", "Checklist", "Profile"]

vendor = " ".join(open(p, encoding="utf-8").read() for p in sys.argv[1:]).lower()
words = [w for w in WORDS if not re.search(r"(?<![A-Za-z-])%s(?![A-Za-z-])" % re.escape(w.lower()), vendor)]

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip, self.out = 0, []
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script", "code")
    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script", "code")
    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)

def text(path):
    s = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Text()
        p.feed(s)
        s = " ".join(p.out)
    else:
        s = re.sub(r"`[a-z0-9-]+`", "", s)   # Markdown: rule ids
    # slacheck's own id words that stay as they are: the generator, paths
    return s.replace("slacheck", "")

ok = True
for lang in ("ja", "en"):
    found_any = False
    for f in ("%s.html" % lang, "%s.md" % lang, "%s.diff.txt" % lang):
        t = text(f)
        hits = sorted({w for w in words if re.search(r"(?<![A-Za-z-])%s(?![A-Za-z-])" % re.escape(w), t)})
        found_any = found_any or bool(hits)
        if lang == "ja" and hits:
            ok = False
            print("FAIL: %s: English words in a Japanese report: %s" % (f, ", ".join(hits)))
            for w in hits[:5]:
                m = re.search(r".{0,40}(?<![A-Za-z-])%s(?![A-Za-z-]).{0,40}" % re.escape(w), t)
                print("    %r" % (m.group(0) if m else w))
    if lang == "en" and not found_any:
        ok = False
        print("FAIL: the English reports have none of the words: the test cannot fail")
sys.exit(0 if ok else 1)
PYEOF

finish
