#!/bin/sh
# t-facts-phrasing.sh - the phrasings of real answers, one per line of
# tests/facts/phrasing.tsv (the corpus format of tests/corpus/README.md: the
# item, the answer, the facts a careful reader takes from it), each read in
# the context of its item; every line must be read exactly. The table is
# read by tests/accuracy.py --check, so it also tests the notation and
# matching that `make accuracy` uses.
. "$ROOT/tests/lib.sh"

run python3 "$ROOT/tests/accuracy.py" --slacheck "$ROOT/$BUILD/slacheck" \
    --check "$ROOT/tests/facts/phrasing.tsv"
[ "$rc" = 0 ] || { fail "phrasing.tsv: not every answer read exactly"; sed 's/^/    /' "$TMP/out" | tail -40; }

finish
