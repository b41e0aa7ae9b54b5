#!/bin/sh
# t-report-lang.sh - --lang ja reports are Japanese throughout: the text a
# reader sees in the HTML report (not the stylesheet, script or attributes),
# the Markdown report and the diff text output, with a profile, hold none
# of a list of English words slacheck itself writes (durations, bounds,
# verdicts, bases, levels, reasons, labels); the words are looked for only
# where the vendors' own files do not have them. Rule ids (code elements,
# `code` spans) are stable ids like item numbers, the same in every
# language (docs/rules.md), and are not looked at. The same reports in
# --lang en do have some of them (the test can fail). The same the other
# way: --lang en outputs hold none of a list of Japanese words slacheck
# writes. Looked at: HTML, Markdown, XLSX (sheet names and cell strings),
# diff's text and XLSX report, and what export and diff print.
. "$ROOT/tests/lib.sh"

A="$EX/active-gate-ss.tsv"
B="$EX/qlingo.tsv"
P="$EX/profiles/personal-data-strict.xml"
mkdir "$TMP/w" && cd "$TMP/w" || exit 2

for lang in ja en; do
    run $SLACHECK export --lang $lang --profile "$P" "$A" "$B" -o $lang.html -o $lang.md -o $lang.xlsx
    expect_rc 0 "export --lang $lang"
    cat "$TMP/out" "$TMP/err" >$lang.export.txt
    # the terminal: what export and diff say beside the reports
    $SLACHECK diff --lang $lang --exit-zero --profile "$P" "$A" "$B" -o $lang.diff.xlsx \
        >>$lang.export.txt 2>&1 || fail "diff -o x.xlsx --lang $lang"
    $SLACHECK diff --lang $lang --exit-zero --all "$A" "$B" >$lang.diff.txt 2>"$TMP/err" ||
        fail "diff --lang $lang: $(cat "$TMP/err")"
    $SLACHECK diff --lang $lang --exit-zero --changes "$A" "$B" >>$lang.diff.txt 2>"$TMP/err" ||
        fail "diff --changes --lang $lang: $(cat "$TMP/err")"
done

python3 - "$A" "$B" "$ROOT/docs/rules.md" <<'PYEOF' || failures=$((failures + 1))
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

vendor = " ".join(open(p, encoding="utf-8").read() for p in sys.argv[1:-1]).lower()
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

RULE_IDS = set(re.findall(r"^\| `([a-z0-9-]+)`", open(sys.argv[-1], encoding="utf-8").read(), re.M))

def xlsx_text(path):
    """the sheets' names and every string in their cells"""
    import zipfile
    z = zipfile.ZipFile(path)
    out = []
    for n in z.namelist():
        if n == "xl/sharedStrings.xml" or n == "xl/workbook.xml" or n.startswith("xl/worksheets/sheet"):
            x = z.read(n).decode("utf-8")
            out += re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", x)
            out += re.findall(r'<sheet name="([^"]*)"', x)
    # rule ids (the findings' Rule column) are stable ids, as in the other reports
    return " ".join(o for o in out if o not in RULE_IDS)

def text(path):
    if path.endswith(".xlsx"):
        return xlsx_text(path).replace("slacheck", "")
    s = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Text()
        p.feed(s)
        s = " ".join(p.out)
    else:
        s = re.sub(r"`[a-z0-9-]+`", "", s)   # Markdown: rule ids
    # slacheck's own id words that stay as they are: the generator, paths
    return s.replace("slacheck", "")

# Japanese words slacheck itself writes, looked for in --lang en outputs
# where the vendors' files do not have them
JA = ["概要", "比較", "検証結果", "回答の詳細", "凡例", "ベンダー", "文字コード", "判定",
      "重大度", "メッセージ", "優位", "劣位", "相違", "非公開", "欠落", "スコア", "未充足",
      "判断不能", "水準", "根拠", "優れている", "劣っている", "作成日", "確認者", "判断日",
      "残るリスク", "重み", "回答あり", "必須", "推奨", "表現違い", "週間", "読み取った事実",
      "エラー", "警告", "件"]
ja_words = [w for w in JA if w not in vendor]

FILES = (".html", ".md", ".xlsx", ".diff.txt", ".diff.xlsx", ".export.txt")
ok = True
found = {"ja": False, "en": False}
for lang in ("ja", "en"):
    for f in (lang + ext for ext in FILES):
        t = text(f)
        if lang == "ja":
            hits = sorted({w for w in words if re.search(r"(?<![A-Za-z-])%s(?![A-Za-z-])" % re.escape(w), t)})
        else:
            hits = sorted({w for w in ja_words if w in t})
        found["en" if lang == "ja" else "ja"] |= bool(hits)
        if hits:
            ok = False
            print("FAIL: %s: %s words in a %s report: %s" % (f, "English" if lang == "ja" else "Japanese",
                  "Japanese" if lang == "ja" else "English", ", ".join(hits)))
            for w in hits[:5]:
                m = re.search(r".{0,40}%s.{0,40}" % re.escape(w), t)
                print("    %r" % (m.group(0) if m else w))
# each list must be able to fail: the other language's outputs have its words
for lst, lang in ((words, "en"), (ja_words, "ja")):
    t = " ".join(text(lang + ext) for ext in FILES)
    if not any(re.search(r"(?<![A-Za-z-])%s(?![A-Za-z-])" % re.escape(w), t) if lang == "en" else w in t for w in lst):
        ok = False
        print("FAIL: the %s outputs have none of the %s words: the test cannot fail" % (lang, lang))
sys.exit(0 if ok else 1)
PYEOF

finish
