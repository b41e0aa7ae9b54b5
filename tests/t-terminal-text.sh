#!/bin/sh
# t-terminal-text.sh - vendor text never drives a terminal or a CI log
# (issue 16): CR/LF in a quoted 対象サービス: cell cannot forge a GitHub
# workflow command; ESC from XLSX (_x001B_) and JSON (\u001b), C1 controls
# and bidi controls from TSV are shown visibly (\x1b, <U+009B>, <U+202E>)
# in the text report, the github lines, error messages and diff.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

# no byte of ESC, CSI (C1, UTF-8 C2 9B), NEL (C2 85) or a bidi control
# (E2 80 AA-AE, E2 81 A6-A9) in FILE
no_controls() {
    python3 - "$1" "$2" <<'PY' || fail "$2: a control character reached the output"
import re, sys
b = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]", b)
if bad:
    print("  %s: %r at %d" % (sys.argv[2], bad.group(0), bad.start()))
    sys.exit(1)
PY
}

python3 - "$EX/active-gate-ss.tsv" <<'PY'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
# 1. CR LF in a quoted 対象サービス: cell, a forged workflow command after it
open("crlf.tsv", "w", encoding="utf-8", newline="").write(src.replace(
    "対象サービス: Active! gate SS",
    '"対象サービス: Evil\r\n::error file=x,line=1::PWNED\r::warning::CR"', 1))
# 2. C1 (U+009B CSI, U+0085 NEL) and bidi controls in a name, a category,
# an answer and a row the loader ignores
out = []
for line in src.split("\n"):
    c = line.split("\t")
    if c[0] == "1":
        c[2] = "全然違う名前\u202e\u009b2J"
        c[1] = "謎\u2066種別\u2069"
    if c[0] == "2" and len(c) > 5:
        c[5] = "\u202eevil\u009b31m answer\u0085"
    out.append("\t".join(c))
    if c[0] == "3":
        out.append("\t\u202eignored\u009b2J row\u2067")
open("c1.tsv", "w", encoding="utf-8", newline="").write("\n".join(out))
PY

# 1. the summary line and github: no value starts a line
for fmt in text github; do
    run $SLACHECK validate --format $fmt crlf.tsv
    expect_rc 0 "validate --format $fmt crlf.tsv"
    grep -q '^::error file=x' out && fail "$fmt: a forged ::error line"
    grep -q '^::warning::CR' out && fail "$fmt: a forged ::warning line after a lone CR"
    grep -q "$(printf '\r')" out && fail "$fmt: a raw CR in the output"
    no_controls out "validate --format $fmt crlf.tsv"
done
run $SLACHECK validate crlf.tsv
out_has 'Evil\r\n::error file=x,line=1::PWNED\r::warning::CR' "text: CR LF shown visibly"
# the lines are exactly the findings and the summary
n=$(grep -c '^crlf.tsv' out)
[ "$n" = "$(wc -l <out)" ] || fail "text: a line that does not start with the file name"
run $SLACHECK validate --format github crlf.tsv
n=$(grep -c '^::' out)
[ "$n" = "$(wc -l <out)" ] || fail "github: a line that is not a workflow command"

# 2. C1 and bidi controls from plain TSV: text, github, diff
for fmt in text github; do
    run $SLACHECK validate --format $fmt c1.tsv
    no_controls out "validate --format $fmt c1.tsv"
done
run $SLACHECK validate c1.tsv
out_has '全然違う名前<U+202E><U+009B>2J' "name-mismatch shows bidi and C1 visibly"
out_has '謎<U+2066>種別<U+2069>' "category-mismatch shows bidi visibly"
grep -q 'ignored-row' out && { out_has '<U+202E>ignored<U+009B>2J row<U+2067>' "ignored-row shows controls"; }
run $SLACHECK diff --all c1.tsv "$EX/active-gate-ss.tsv"
no_controls out "diff c1.tsv (side by side)"
out_has '<U+202E>evil<U+009B>31m' "diff: controls shown visibly"
run $SLACHECK diff --all --versions "$EX/active-gate-ss.tsv" c1.tsv
no_controls out "diff --versions (changes)"

# 3. ESC from JSON \u001b and from an XLSX _x001B_ escape
run $SLACHECK convert "$EX/active-gate-ss.tsv" -o a.json
expect_rc 0 "convert to JSON"
python3 - <<'PY'
import json
d = json.load(open("a.json", encoding="utf-8"))
d["vendor"] = d["meta"]["service"] = "Evil\u001b]52;c;SGVsbG8=\u0007\u001b[2J"
d["items"][4]["answer"] = "約款にて\u001b[2JSLAを記載"
d["items"][1]["answer"] = "\u001b[31mred\u001b[0m"
json.dump(d, open("esc.json", "w", encoding="utf-8"), ensure_ascii=True)
PY
for fmt in text github; do
    run $SLACHECK validate --format $fmt esc.json
    no_controls out "validate --format $fmt esc.json"
done
run $SLACHECK validate esc.json
out_has 'Evil\x1b]52;c;SGVsbG8=\x07\x1b[2J' "JSON: ESC in the summary line shown visibly"
out_has '約款にて\x1b[2JSLAを記載' "JSON: ESC in a quoted answer shown visibly"
run $SLACHECK diff --all esc.json "$EX/active-gate-ss.tsv"
no_controls out "diff esc.json"
out_has '\x1b[31mred\x1b[0m' "diff: ESC in an answer shown visibly"

run $SLACHECK convert "$EX/active-gate-ss.tsv" -o a.xlsx
expect_rc 0 "convert to XLSX"
python3 - <<'PY'
import zipfile
src = zipfile.ZipFile("a.xlsx")
dst = zipfile.ZipFile("esc.xlsx", "w", zipfile.ZIP_DEFLATED)
for info in src.infolist():
    data = src.read(info.filename)
    if info.filename == "xl/sharedStrings.xml":
        data = data.replace("Active! gate SS".encode(), b"Evil_x001B_[2J_x001B_]52;c;SGVsbG8=_x0007_")
    dst.writestr(info, data)
dst.close()
PY
for fmt in text github; do
    run $SLACHECK validate --format $fmt esc.xlsx
    no_controls out "validate --format $fmt esc.xlsx"
done
run $SLACHECK validate esc.xlsx
out_has 'Evil\x1b[2J\x1b]52;c;SGVsbG8=\x07' "XLSX: _x001B_ shown visibly"
run $SLACHECK diff esc.xlsx "$EX/active-gate-ss.tsv"
no_controls out "diff esc.xlsx"

# 4. error messages quote file names visibly too
nl=$(printf 'bad\033[2Jname\nx.tsv')
run $SLACHECK validate "$nl"
expect_rc 3 "a missing file with ESC and LF in its name"
grep -q "$(printf '\033')" err && fail "error message: raw ESC from a file name"
err_has 'bad\x1b[2Jname\nx.tsv' "error message shows the name visibly"

[ "$failures" = 0 ]
