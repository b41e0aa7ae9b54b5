#!/bin/sh
# t-report.sh - validate --report FMT=FILE (repeatable): one run writes text
# to the terminal and SARIF + JUnit (+ JSON, Markdown) to files, each the same
# as --format FMT would print; reports are written when the run fails (exit 1,
# exit 3); a report that cannot be written gives exit 5 while the others are
# still written, and never damages an existing file of that name.
. "$ROOT/tests/lib.sh"

mkdir "$TMP/w" && cd "$TMP/w" || exit 2
cp "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv" "$FIX/empty.tsv" .
STRICT="$EX/profiles/personal-data-strict.xml"

# same FMT ARGS...: the report file $TMP/w/r.FMT equals `--format FMT ARGS`
same() {
    fmt=$1
    shift
    $SLACHECK validate --format "$fmt" "$@" >"$TMP/direct.$fmt" 2>/dev/null
    cmp -s "$TMP/direct.$fmt" "r.$fmt" || fail "--report $fmt=r.$fmt differs from --format $fmt ($*): $(diff "$TMP/direct.$fmt" "r.$fmt" | head -3)"
}

# ---- one run: text on stdout, SARIF and JUnit in files ------------------------------
run $SLACHECK validate --report sarif=r.sarif --report junit=r.junit qlingo.tsv active-gate-ss.tsv
expect_rc 0 "text + --report sarif + --report junit"
cp "$TMP/out" "$TMP/text.out"
$SLACHECK validate qlingo.tsv active-gate-ss.tsv >"$TMP/plain.out" 2>/dev/null
cmp -s "$TMP/text.out" "$TMP/plain.out" || fail "stdout with --report differs from plain text output"
[ -s r.sarif ] && [ -s r.junit ] || fail "reports not written"
same sarif qlingo.tsv active-gate-ss.tsv
same junit qlingo.tsv active-gate-ss.tsv
xmllint --noout r.junit || fail "r.junit not well-formed"
python3 -c "import json; json.load(open('r.sarif'))" || fail "r.sarif not JSON"
ls ./*.tmp-* >/dev/null 2>&1 && fail "temporary files left behind: $(ls ./*.tmp-*)"

# every format as a report, and -o for the main one
rm -f r.*
run $SLACHECK validate --format json -o r.json --report text=r.text --report github=r.github \
    --report md=r.md --report sarif=r.sarif --report junit=r.junit --report codequality=r.codequality \
    qlingo.tsv active-gate-ss.tsv
expect_rc 0 "-o r.json and six reports"
[ -s "$TMP/out" ] && fail "-o r.json: something on stdout"
for fmt in json text github md sarif junit codequality; do
    same $fmt qlingo.tsv active-gate-ss.tsv
done

# ---- reports are written when the run fails: exit 1 ----------------------------------
rm -f r.*
run $SLACHECK validate --profile "$STRICT" --report sarif=r.sarif --report junit=r.junit --report md=r.md qlingo.tsv
expect_rc 1 "reports with findings at error level"
for fmt in sarif junit md; do
    same $fmt --profile "$STRICT" qlingo.tsv
done
grep -q 'failures="2"' r.junit || fail "r.junit: the two failed musts"
grep -q "Exit status 1." r.md || fail "r.md: exit status 1"
# English counts agree in number ("1 file", "2 errors"), never "1 files"
grep -q "^1 file (0 unreadable): 2 errors, " r.md || fail "r.md: counts in English: $(sed -n 3p r.md)"

# ---- ... and exit 3 (an unreadable file) ---------------------------------------------
rm -f r.*
run $SLACHECK validate --report json=r.json --report junit=r.junit --report md=r.md --report github=r.github qlingo.tsv empty.tsv
expect_rc 3 "reports with an unreadable file"
err_has "empty.tsv: error: [empty-input]" "exit 3 run"
out_has "qlingo.tsv: qlingo — 49/49 items" "exit 3 run: text still on stdout"
for fmt in json junit md github; do
    same $fmt qlingo.tsv empty.tsv
done
grep -q '<error type="empty-input"' r.junit || fail "r.junit: no error testcase for empty.tsv"
grep -q "Exit status 3." r.md || fail "r.md: exit status 3"
rm -f r.*
run $SLACHECK validate --report sarif=r.sarif qlingo.tsv empty.tsv
expect_rc 3 "SARIF report with an unreadable file"
same sarif qlingo.tsv empty.tsv
python3 -c "
import json, sys
try:
    d = json.load(open('r.sarif'))
except (OSError, ValueError) as e:
    sys.exit('r.sarif: %s' % e)
sys.exit(d['runs'][0]['invocations'][0]['executionSuccessful'] is not False)" ||
    fail "r.sarif: executionSuccessful false expected for a run with an unreadable file"

# ---- a report that cannot be written: exit 5, the others still written ---------------
rm -f r.*
run $SLACHECK validate --report sarif=no-such-dir/r.sarif --report junit=r.junit --report md=r.md qlingo.tsv
expect_rc 5 "--report into a missing directory"
err_has "no-such-dir/r.sarif" "missing directory named"
err_has "[io-error]" "missing directory"
out_has "qlingo.tsv: qlingo — 49/49 items" "missing directory: text still on stdout"
same junit qlingo.tsv
same md qlingo.tsv
[ -e no-such-dir ] && fail "no-such-dir created"
# exit 5 wins over 1 and 3
run $SLACHECK validate --profile "$STRICT" --report json=no-such-dir/r.json --report junit=r.junit qlingo.tsv empty.tsv
expect_rc 5 "--report failing, findings and an unreadable file"
same junit --profile "$STRICT" qlingo.tsv empty.tsv
# a device that refuses the bytes (ENOSPC): exit 5, the other report complete
if [ -w /dev/full ]; then
    rm -f r.*
    run $SLACHECK validate --report md=/dev/full --report junit=r.junit qlingo.tsv
    expect_rc 5 "--report md=/dev/full"
    err_has "/dev/full" "/dev/full named"
    same junit qlingo.tsv
fi
# the main output failing the same way
rm -f r.*
run $SLACHECK validate --format sarif -o no-such-dir/out.sarif --report junit=r.junit qlingo.tsv
expect_rc 5 "-o into a missing directory"
same junit qlingo.tsv

# ---- an existing report is not damaged when writing it fails -------------------------
# The file size limit (4 blocks: 2 KiB in sh, 4 KiB in bash; a report is
# larger) makes the write fail half way (EFBIG, with SIGXFSZ ignored: as on a
# full disk); the old reports must stay as they were, no temporary file left.
printf 'OLD REPORT\n' >keep.sarif
printf 'OLD JUNIT\n' >keep.junit
( trap '' XFSZ; ulimit -f 4; exec $SLACHECK validate --report sarif=keep.sarif --report junit=keep.junit \
    qlingo.tsv active-gate-ss.tsv ) >/dev/null 2>"$TMP/big.err" </dev/null
rc=$?
[ "$rc" = 5 ] || { fail "write failing half way: exit $rc, expected 5"; sed 's/^/    /' "$TMP/big.err" | head -5; }
[ "$(cat keep.sarif)" = "OLD REPORT" ] || fail "keep.sarif damaged by a failed write: $(head -c 80 keep.sarif)"
[ "$(cat keep.junit)" = "OLD JUNIT" ] || fail "keep.junit damaged by a failed write"
grep -q "keep.sarif" "$TMP/big.err" || fail "the failed report is not named on stderr"
ls ./*.tmp-* >/dev/null 2>&1 && fail "temporary files left behind: $(ls ./*.tmp-*)"
# and when it succeeds, it is replaced whole
run $SLACHECK validate --report sarif=keep.sarif qlingo.tsv
expect_rc 0 "report over an existing file"
python3 -c "import json; json.load(open('keep.sarif'))" || fail "keep.sarif not replaced by the new report"

# ---- refused before anything is written ------------------------------------------------
cp qlingo.tsv q2.tsv
run $SLACHECK validate --report sarif=q2.tsv qlingo.tsv q2.tsv
expect_rc 2 "--report onto an input file"
cmp -s qlingo.tsv q2.tsv || fail "an input file was overwritten by a report"
run $SLACHECK validate --report sarif qlingo.tsv
expect_rc 2 "--report without ="
err_has "--report" "--report without ="
run $SLACHECK validate --report pdf=r.pdf qlingo.tsv
expect_rc 2 "--report unknown format"
err_has "pdf" "--report unknown format named"
[ -e r.pdf ] && fail "r.pdf written for an unknown format"
run $SLACHECK validate --report sarif= qlingo.tsv
expect_rc 2 "--report sarif= (no file)"

finish
