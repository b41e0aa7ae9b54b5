#!/bin/sh
# t-accuracy.sh - `make accuracy` itself (tests/accuracy.py), on the tiny
# corpus of tests/accuracy/: both parts are found and scored apart, the
# table has every fact type, answers read exactly are counted, a false
# presence-not-stated is told apart, and a malformed corpus is a set-up
# error (exit 2), while poor figures are not (exit 0).
. "$ROOT/tests/lib.sh"

A="$ROOT/tests/accuracy.py"
run python3 "$A" --slacheck "$ROOT/$BUILD/slacheck" --corpus "$ROOT/tests/accuracy"
expect_rc 0 "accuracy.py on tests/accuracy"
out_has "tuning part (tune-x.tsv): 7 answers" "tuning part"
out_has "held-out part (heldout-x.tsv): 3 answers" "held-out part"
for t in presence quantity band thing disclosure all; do
    grep -q "^  $t " "$TMP/out" || fail "no row for $t"
done
out_has "strict, without basis: F1" "strict F1"
# the tuning part: t004's presence is read beside its quantity and t005's
# from 取得済み; t007 names only the channels (メールとウェブサイトで), which
# says 有 to a reader but to no pattern (6 of 7 exact); the disclosure of
# t006 is matched
out_has "answers exact: 6 of 7 (85.7 %)" "tuning exact"
grep -q "^  disclosure  *1  *1  *1 " "$TMP/out" || fail "disclosure row"
out_has "answers exact: 3 of 3 (100.0 %)" "held-out exact"
out_has "false findings: presence-not-stated 1" "the false presence-not-stated of t007 (有 for a reader, no word for the tool)"
out_has "false findings: none" "no false findings in the held-out part"
# --show-misses shows the tuning part's misses, never the held-out part's
run python3 "$A" --slacheck "$ROOT/$BUILD/slacheck" --corpus "$ROOT/tests/accuracy" --show-misses
out_has "t007 tune-x.tsv:8 item 2:" "tuning miss shown"
grep -q "h00[0-9]" "$TMP/out" && fail "a held-out answer was shown"

# a malformed corpus is an error of set-up
mkdir -p "$TMP/bad"
printf 'id\tvendor\tsource\titem\tanswer\texpected\nz1\tV\tu\t5\t99%%\tquantity about 99 percent stated\n' >"$TMP/bad/tune-z.tsv"
run python3 "$A" --slacheck "$ROOT/$BUILD/slacheck" --corpus "$TMP/bad"
expect_rc 2 "malformed fact"
grep -q "tune-z.tsv:2" "$TMP/err" || fail "malformed fact: no file and line in: $(cat "$TMP/err")"
run python3 "$A" --slacheck "$ROOT/$BUILD/slacheck" --corpus "$TMP/none"
expect_rc 2 "no corpus"

finish
