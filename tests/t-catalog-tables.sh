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
for f in "$EX"/*.tsv "$FIX"/*.tsv; do
    $SLACHECK validate --format json "$f" >"$TMP/a.json" 2>/dev/null
    a=$?
    $SLACHECK validate --format json --checklist "$XML" "$f" >"$TMP/b.json" 2>/dev/null
    b=$?
    [ "$a" = "$b" ] || { echo "FAIL: $f: exit $a built-in, $b with --checklist"; exit 1; }
    python3 - "$TMP/a.json" "$TMP/b.json" <<'PY' || { echo "FAIL: $f: findings differ"; exit 1; }
import json, sys
def load(p):
    try:
        d = json.load(open(p, encoding="utf-8"))
    except ValueError:
        return None
    d.pop("checklist", None)
    return d
a, b = (load(p) for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
done
echo ok
