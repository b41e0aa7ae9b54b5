#!/bin/sh
# t-compare-basis.sh - the comparison and the buyer's profile weigh each
# quantity by its basis (tests/compare_basis.c): a guarantee ranks above a
# target of the same value, a higher target than a guarantee is neither;
# an actual figure or a refund condition is never a commitment (an answer
# 「SLAとしては非公開です。…実績稼働率は100%」 is undisclosed, not best);
# <quantity basis="guarantee|target"> is met, not met or unknown with the
# reason that says why.
set -u
[ -z "${SLC_WINE:-}" ] || { echo "SKIP: under Wine: its C helper, a library test, is not built for Windows"; exit 77; }
CHECK=$ROOT/$BUILD/compare-basis
[ -x "$CHECK" ] || { echo "FAIL: $CHECK not built (make $BUILD/compare-basis)"; exit 1; }
${SLC_WRAP:+$SLC_WRAP }"$CHECK" "$TMP"
