#!/bin/sh
# t-pattern-limit.sh - a profile's pattern that backtracks without end
# (^(a*)*\1b on an answer of many a's) is stopped by tighter PCRE2 limits
# and its requirement reads as unknown, reason "pattern-limit", with a
# pattern-limit finding naming the pattern, never as "not matched"; the
# pattern still matches where it can, and the other requirements are
# judged as usual.
. "$ROOT/tests/lib.sh"
W=$TMP/w
mkdir -p "$W"
LIGHT="$EX/profiles/internal-tool-light.xml"
sed 's|<match pattern="\\d"/>|<match pattern="^(a*)*\\1b"/>|' "$LIGHT" >"$W/slow.xml"
grep -qF 'pattern="^(a*)*\1b"' "$W/slow.xml" || fail "slow.xml not made"
python3 - "$EX/qlingo.tsv" "$W" <<'PY' || fail "cannot write the answers"
import sys
src, w = sys.argv[1], sys.argv[2]
for name, answer in (("as", "a" * 40 + "cb"), ("ab", "aab")):
    out = []
    for line in open(src, encoding="utf-8").read().split("\n"):
        cells = line.split("\t")
        if len(cells) >= 6 and cells[0] == "1":
            cells[5] = answer
        out.append("\t".join(cells))
    open(f"{w}/{name}.tsv", "w", encoding="utf-8").write("\n".join(out))
PY

run $SLACHECK validate --format json --profile "$W/slow.xml" "$W/as.tsv"
case $rc in 0 | 1) ;; *) fail "validate with a backtracking pattern: exit $rc" ;; esac
cp "$TMP/out" "$W/as.json"
jcheck "$W/as.json" \
    "[r[:2] for r in req(f, 1)] == [('unknown', 'pattern-limit')]" \
    "[(x['item'], x['expected']) for x in f['findings'] if x['rule'] in ('pattern-limit',)] == [(1, '^(a*)*' + chr(92) + '1b')]" \
    "[r[0] for r in req(f, 3)] == ['met']"
run $SLACHECK validate --profile "$W/slow.xml" "$W/as.tsv"
grep -qF "[pattern-limit]" "$TMP/out" "$TMP/err" || fail "text: the finding"
run $SLACHECK --lang ja validate --profile "$W/slow.xml" "$W/as.tsv"
grep -qF "照合の上限" "$TMP/out" "$TMP/err" || fail "ja: the finding's message"

# where the pattern can decide, it does
run $SLACHECK validate --format json --profile "$W/slow.xml" "$W/ab.tsv"
cp "$TMP/out" "$W/ab.json"
jcheck "$W/ab.json" \
    "[r[0] for r in req(f, 1)] == ['met']" \
    "not [x for x in f['findings'] if x['rule'] in ('pattern-limit',)]"

finish
