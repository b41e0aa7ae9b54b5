#!/bin/sh
# t-builtin-checklist.sh - the checklist compiled into slacheck is checked
# against its schema here (slacheck skips that at run time for speed), and
# reading the same file with --checklist gives the same catalog.
set -u
XML=$ROOT/checklists/meti-cloud-sla-2010.xml
# XMLLINT overrides the command; without it the schema check is left out and
# the test says SKIP once the rest has passed
XMLLINT=${XMLLINT:-xmllint}
no_xmllint=
if command -v "$XMLLINT" >/dev/null 2>&1; then
    "$XMLLINT" --noout --relaxng "$ROOT/schemas/checklist.rng" "$XML" 2>"$TMP/lint" || {
        cat "$TMP/lint"; echo "FAIL: built-in checklist does not match its schema"; exit 1; }
else
    no_xmllint=1
fi
$SLACHECK items --format json >"$TMP/builtin.json" || exit 1
$SLACHECK items --format json --checklist "$XML" >"$TMP/file.json" || exit 1
python3 - "$TMP/builtin.json" "$TMP/file.json" <<'PY' || exit 1
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
a.pop("path"); b.pop("path")
if a != b:
    sys.exit("FAIL: built-in catalog differs from the file read with --checklist")
if len(a["items"]) != 49:
    sys.exit("FAIL: expected 49 items")
PY
[ -z "$no_xmllint" ] || { echo "SKIP: xmllint is not installed (Debian libxml2-utils): the schema is not checked"; exit 77; }
