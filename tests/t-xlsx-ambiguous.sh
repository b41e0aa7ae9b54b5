#!/bin/sh
# t-xlsx-ambiguous.sh - a workbook with two zip entries of the same name is
# refused as ambiguous (issue 16): this reader would take the first, others
# the last, so one file could show two readers two different answers.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

run $SLACHECK convert "$EX/active-gate-ss.tsv" -o a.xlsx
expect_rc 0 "convert to XLSX"
python3 - <<'PY'
import warnings, zipfile
warnings.simplefilter("ignore")   # zipfile warns about the duplicate name
src = zipfile.ZipFile("a.xlsx")
for out, dup in (("dup.xlsx", "xl/sharedStrings.xml"), ("dupcase.xlsx", "XL/SharedStrings.xml")):
    dst = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for info in src.infolist():
        dst.writestr(info, src.read(info.filename))
    data = src.read("xl/sharedStrings.xml").replace("Active! gate SS".encode(), b"Other vendor")
    dst.writestr(dup, data)
    dst.close()
PY
for f in dup.xlsx dupcase.xlsx; do
    run $SLACHECK validate "$f"
    expect_rc 3 "validate $f"
    err_has "two zip entries of this name" "validate $f"
done
run $SLACHECK validate a.xlsx
expect_rc 0 "validate a.xlsx"
[ "$failures" = 0 ]
