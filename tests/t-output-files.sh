#!/bin/sh
# t-output-files.sh - how output files are written (issue 16): a rewritten
# report keeps its mode; the same output named twice is refused (exit 2);
# SIGINT or SIGTERM while a report is open leaves no *.tmp-XXXXXX behind.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
Q="$EX/qlingo.tsv"

# 1. mode kept: a private report stays private, whatever the writer
for ext in json xlsx html csv; do
    : >"r.$ext"
    chmod 600 "r.$ext"
    run $SLACHECK export "$Q" -o "r.$ext"
    expect_rc 0 "export -o r.$ext"
    m=$(stat -c %a "r.$ext")
    [ "$m" = 600 ] || fail "export -o r.$ext over a 0600 file left mode $m"
done
: >v.json
chmod 640 v.json
run $SLACHECK validate --format json -o v.json "$Q"
[ "$(stat -c %a v.json)" = 640 ] || fail "validate -o v.json over a 0640 file left mode $(stat -c %a v.json)"

# 2. the same output twice, by another spelling or as a --report
mkdir sub
for args in "-o y.html -o ./y.html" "-o y.html -o sub/../y.html" "-o y.md -o $TMP/y.md"; do
    run $SLACHECK export "$Q" $args
    expect_rc 2 "export $args"
    err_has "the same output is given twice" "export $args"
done
run $SLACHECK validate --format json -o d.json -r sarif=d.json "$Q"
expect_rc 2 "validate -o d.json -r sarif=d.json"
[ -e d.json ] && fail "validate -o d.json -r sarif=d.json wrote d.json"
run $SLACHECK validate --format json -o d.json -r sarif=./d.json "$Q"
expect_rc 2 "validate -o d.json -r sarif=./d.json"
run $SLACHECK validate --format json -r sarif=- "$Q"
expect_rc 2 "validate: two reports on standard output"
run $SLACHECK validate --format json -o d.json -r sarif=e.sarif "$Q"
expect_rc 0 "validate -o d.json -r sarif=e.sarif"

# 3. a signal while the report is open: its temporary file is removed.
# The input is a FIFO whose writer waits, so the run stays inside the load
# with the outputs open.
for sig in INT TERM; do
    rm -f fifo
    mkfifo fifo
    (sleep 20 >fifo) &
    writer=$!
    # a background job of a script starts with SIGINT ignored: undo that
    python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
        $SLACHECK validate --format json -o s.json -r sarif=s.sarif fifo >/dev/null 2>&1 &
    pid=$!
    n=0
    while [ "$n" -lt 50 ] && ! ls s.json.tmp-* >/dev/null 2>&1; do
        sleep 0.1
        n=$((n + 1))
    done
    ls s.json.tmp-* >/dev/null 2>&1 || fail "$sig: no temporary file appeared while the input was read"
    kill -"$sig" "$pid"
    wait "$pid"
    st=$?
    kill "$writer" 2>/dev/null
    wait "$writer" 2>/dev/null
    [ "$st" -gt 128 ] || fail "$sig: exit $st, expected death by the signal"
    left=$(ls | grep '\.tmp-' || true)
    [ -z "$left" ] || fail "$sig: temporary files left: $left"
    rm -f s.json.tmp-* s.sarif.tmp-*
done
[ "$failures" = 0 ]
