#!/bin/sh
# t-catalog-tables.sh - the checklist compiled into slacheck as C tables
# (tools/catalog_gen.c) is the checklist the XML gives: the same C text
# when both are written out, every pattern compiled; and validating with
# the built-in and with --checklist FILE gives the same findings.
set -u
[ -z "${SLC_WINE:-}" ] || { echo "SKIP: under Wine: its C helper (tools/catalog_emit.c uses open_memstream) is not built for Windows"; exit 77; }
XML=$ROOT/checklists/meti-cloud-sla-2010.xml
CHECK=$ROOT/$BUILD/catalog-check
[ -x "$CHECK" ] || { echo "FAIL: $CHECK not built (make $BUILD/catalog-check)"; exit 1; }
${SLC_WRAP:+$SLC_WRAP }"$CHECK" "$XML" >"$TMP/check" || { cat "$TMP/check"; echo "FAIL: tables differ from the XML"; exit 1; }
grep -q '^same: 49 items' "$TMP/check" || { cat "$TMP/check"; echo "FAIL: unexpected summary"; exit 1; }
# every file in one batch per catalog (two runs, not two per file): each
# file's report the same, the exit status the same
set -- "$EX"/*.tsv "$FIX"/*.tsv
$SLACHECK validate --format json "$@" >"$TMP/a.json" 2>/dev/null
a=$?
$SLACHECK validate --format json --checklist "$XML" "$@" >"$TMP/b.json" 2>/dev/null
b=$?
[ "$a" = "$b" ] || { echo "FAIL: exit $a built-in, $b with --checklist"; exit 1; }
python3 - "$TMP/a.json" "$TMP/b.json" "$#" <<'PY' || { echo "FAIL: findings differ"; exit 1; }
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
if not len(a["files"]) == len(b["files"]) == int(sys.argv[3]):
    sys.exit("files reported: %d built-in, %d with --checklist, %s given"
             % (len(a["files"]), len(b["files"]), sys.argv[3]))
bad = [fa["path"] for fa, fb in zip(a["files"], b["files"]) if fa != fb]
for p in bad:
    print("FAIL: %s: the report differs with --checklist" % p)
if a["summary"] != b["summary"]:
    print("FAIL: the summaries differ")
    bad.append("summary")
sys.exit(1 if bad else 0)
PY
echo ok
