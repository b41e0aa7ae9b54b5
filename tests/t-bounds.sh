#!/bin/sh
# t-bounds.sh - hostile inputs end quickly with a clear answer, in bounded
# time and memory: a 50 MB single line (cell limit), a million empty rows,
# 100,000 quotes, more rows/cells than the limits, deeply nested XML and
# an entity expansion bomb in a checklist definition, an external entity
# in a checklist (never read), a buyer's pattern that backtracks without end.
# Each run has a time limit (`timeout`): a
# missing bound shows as a hang; peak memory is checked with /usr/bin/time
# when slacheck runs unwrapped (no valgrind, no sanitizers).
. "$ROOT/tests/lib.sh"

LIMIT_S=60
# under valgrind everything is some 50 times slower: allow it, and skip the one
# run that only shows a raised limit works (200,000 rows through the aligner)
UNDER_VALGRIND=0
case "${SLC_WRAP:-}" in *valgrind*) LIMIT_S=600 UNDER_VALGRIND=1 ;; esac
# timed_run MAXKB CMD...: run with a time limit; peak RSS in $rss (KB)
timed_run() {
    maxkb=$1
    shift
    /usr/bin/time -f %M -o "$TMP/rss" timeout "$LIMIT_S" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    rss=$(tail -n 1 "$TMP/rss" 2>/dev/null)
    [ "$rc" = 124 ] && fail "timed out after ${LIMIT_S}s: $*"
    case "${SLC_WRAP:-}$BUILD" in
    *valgrind* | *asan* | *fuzz*) ;;
    *) [ -n "$rss" ] && [ "$rss" -gt "$maxkb" ] && fail "peak RSS $rss KB > $maxkb KB: $*" ;;
    esac
}

python3 - "$TMP" <<'EOF'
import sys
d = sys.argv[1]
open(d + "/line.tsv", "w").write("a" * (50 << 20))
open(d + "/empty-rows.tsv", "w").write("\n" * 1000000)
open(d + "/quotes.csv", "w").write('"' * 100000 + "\n")
open(d + "/quote-pairs.csv", "w").write("1," + '""' * 100000 + "\n")
open(d + "/many-rows.tsv", "w").write("x\ty\n" * 200000)
open(d + "/wide.tsv", "w").write("\t" * 5000 + "x\n")
# a checklist definition nested 100,000 deep, and one that expands entities
open(d + "/deep.xml", "w").write('<?xml version="1.0"?><checklist>' + "<a>" * 100000 + "</a>" * 100000 + "</checklist>")
lol = ['<?xml version="1.0"?>', '<!DOCTYPE checklist [', '<!ENTITY l0 "lollollollollollollollollollol">']
for i in range(1, 10):
    lol.append('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10))
lol.append(']>')
lol.append('<checklist id="x" version="1"><title ja="&l9;" en="x"/></checklist>')
open(d + "/laughs.xml", "w").write("\n".join(lol))
EOF

timed_run 400000 $SLACHECK validate "$TMP/line.tsv"
expect_rc 3 "a 50 MB single line"
err_has "[too-large]" "a 50 MB single line is too large"
err_has "bytes in a cell" "a 50 MB single line names the cell limit"

timed_run 200000 $SLACHECK validate "$TMP/empty-rows.tsv"
expect_rc 1 "a million empty rows"
out_has "[no-items]" "a million empty rows has no items"

timed_run 100000 $SLACHECK validate "$TMP/quotes.csv"
[ "$rc" = 1 ] || [ "$rc" = 3 ] || fail "100,000 quotes: exit $rc"
timed_run 100000 $SLACHECK validate "$TMP/quote-pairs.csv"
[ "$rc" = 1 ] || [ "$rc" = 3 ] || fail "100,000 quote pairs: exit $rc"

timed_run 200000 $SLACHECK validate "$TMP/many-rows.tsv"
expect_rc 3 "200,000 rows"
err_has "rows" "200,000 rows names the row limit"
if [ "$UNDER_VALGRIND" = 0 ]; then
    timed_run 400000 $SLACHECK validate --max-rows 300000 "$TMP/many-rows.tsv"
    expect_rc 1 "200,000 rows with --max-rows 300000"
fi

timed_run 100000 $SLACHECK validate "$TMP/wide.tsv"
expect_rc 3 "5,000 cells in a row"
err_has "cells" "5,000 cells names the cell limit"
timed_run 100000 $SLACHECK validate --max-cells 6000 "$TMP/wide.tsv"
expect_rc 1 "5,000 cells with --max-cells 6000"

timed_run 200000 $SLACHECK validate --checklist "$TMP/deep.xml" "$EX/qlingo.tsv"
expect_rc 4 "a checklist nested 100,000 deep"
timed_run 200000 $SLACHECK validate --checklist "$TMP/laughs.xml" "$EX/qlingo.tsv"
expect_rc 4 "an entity expansion bomb in a checklist"

# a buyer's pattern that backtracks without end ((a+)+$ on a's and a b) hits
# the regex engine's match limit: the requirement is not met, nothing hangs
python3 - "$TMP" "$EX/qlingo.tsv" <<'EOF2'
import sys
d, src = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")
out = []
for l in lines:
    cells = l.split("\t")
    if cells and cells[0].strip() == "1" and len(cells) > 4:
        cells[-1] = "a" * 5000 + "b"
    out.append("\t".join(cells))
open(d + "/backtrack.tsv", "w", encoding="utf-8").write("\n".join(out))
open(d + "/backtrack.xml", "w").write('<?xml version="1.0"?>\n<profile id="bt" checklist="meti-cloud-sla-2010">'
    '<title ja="t" en="t"/><require item="1" level="must" weight="1"><match pattern="(a+)+$"/></require></profile>\n')
EOF2
timed_run 200000 $SLACHECK validate --format json --profile "$TMP/backtrack.xml" "$TMP/backtrack.tsv"
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "a backtracking profile pattern: exit $rc"
grep -q '"not-met"\|"unknown"' "$TMP/out" || fail "a backtracking profile pattern: no requirement verdict"

# an external entity in a checklist is never read
printf 'SECRET-%s\n' "$$" >"$TMP/secret.txt"
sed "s|<checklist |<!DOCTYPE checklist [<!ENTITY x SYSTEM \"file://$TMP/secret.txt\">]>\n<checklist |" \
    "$ROOT/checklists/meti-cloud-sla-2010.xml" | sed '0,/ja="[^"]*"/s//ja="\&x;"/' >"$TMP/xxe.xml"
timed_run 200000 $SLACHECK items --checklist "$TMP/xxe.xml"
grep -q "SECRET-" "$TMP/out" "$TMP/err" && fail "an external entity in a checklist was read"
[ "$rc" = 0 ] || [ "$rc" = 4 ] || fail "checklist with an external entity: exit $rc"

finish
