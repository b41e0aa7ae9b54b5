#!/bin/sh
# run.sh HARNESS... - `make fuzz`: seeds the corpora, runs each harness
# (FUZZ_BUILD/fuzz_HARNESS, built by the Makefile) for FUZZ_S seconds and
# prints one summary line per harness. See fuzz/README.md.
#
# Environment: FUZZ_S (seconds per harness, default 60), FUZZ_LEN (-max_len,
# default 65536), FUZZ_TIMEOUT (seconds one input may take, default 10),
# FUZZ_BUILD (default build-fuzz), BENCH_FILES (a `make bench` corpus to
# sample seeds from, if it exists), FUZZ_ARGS (more libFuzzer options).
#
# Seeds: FUZZ_BUILD/seeds (fixtures, examples, bench sample) for load,
# FUZZ_BUILD/seeds-facts (cells of those files) for facts, and the
# dictionary FUZZ_BUILD/slacheck.dict (fuzz/seeds.py).
# Corpora grow across runs in FUZZ_BUILD/corpus/HARNESS; crashes, leaks,
# UB and timeouts are written to FUZZ_BUILD/artifacts/HARNESS-*. Exit
# status 1 if any harness found something.
set -u
cd "$(dirname "$0")/.." || exit 2
S=${FUZZ_S:-60}
LEN=${FUZZ_LEN:-65536}
TIMEOUT=${FUZZ_TIMEOUT:-10}
B=${FUZZ_BUILD:-build-fuzz}
BENCH=${BENCH_FILES:-build/bench/corpus/files}

rm -rf "$B/seeds" "$B/seeds-facts"
if ! python3 tests/gen_fixtures.py "$B/seeds" >/dev/null ||
    ! python3 fuzz/seeds.py "$B/seeds" "$B/seeds-facts" "$B/slacheck.dict" "$BENCH"; then
    echo "fuzz: seeding failed"
    exit 2
fi
mkdir -p "$B/artifacts"
# authoring: the examples and fixtures as Markdown and XLSX, by the CLI
rm -rf "$B/seeds-authoring"
mkdir -p "$B/seeds-authoring"
if [ -x build/slacheck ]; then
    for f in examples/*.tsv "$B"/seeds/*; do
        n=$(basename "$f")
        build/slacheck convert "$f" -o "$B/seeds-authoring/$n.md" >/dev/null 2>&1
        build/slacheck convert "$f" -o "$B/seeds-authoring/$n.xlsx" >/dev/null 2>&1
    done
    build/slacheck template --format md -o "$B/seeds-authoring/blank.md"
    build/slacheck template --format xlsx -o "$B/seeds-authoring/blank.xlsx"
else
    echo "fuzz: build/slacheck not built (make): authoring seeds are empty"
fi
# xlsx: the parts of those workbooks, as fuzz_xlsx takes them
rm -rf "$B/seeds-xlsx"
mkdir -p "$B/seeds-xlsx"
python3 - "$B/seeds-authoring" "$B/seeds-xlsx" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    if not name.endswith(".xlsx"):
        continue
    with zipfile.ZipFile(os.path.join(src, name)) as z:
        names = z.namelist()
        sheets = sorted(n for n in names if n.startswith("xl/worksheets/sheet"))
        parts = [z.read(sheets[-1]) if sheets else b""]
        for extra in ("xl/sharedStrings.xml", "xl/styles.xml"):
            parts.append(z.read(extra) if extra in names else b"")
    with open(os.path.join(dst, name + ".parts"), "wb") as f:
        f.write(b"\n--part--\n".join(parts))
PY

# html: the examples and fixtures as web pages in the shapes vendors use
rm -rf "$B/seeds-html"
mkdir -p "$B/seeds-html"
for f in examples/*.tsv; do
    n=$(basename "$f" .tsv)
    for style in plain merged sheets split; do
        python3 tests/html_input.py page "$f" "$B/seeds-html/$n.$style.html" /dev/null "$style" ||
            echo "fuzz: cannot render $f as a $style page"
    done
done
cp tests/cases/html-*/*.html "$B/seeds-html/" 2>/dev/null
# xls: the committed workbooks
rm -rf "$B/seeds-xls"
mkdir -p "$B/seeds-xls"
cp tests/xls/*.xls "$B/seeds-xls/"

summary=""
found=0
for h in "$@"; do
    case $h in
    facts | output) seeds="$B/seeds-facts" ;;
    authoring) seeds="$B/seeds-authoring" ;;
    xlsx) seeds="$B/seeds-xlsx" ;;
    html) seeds="$B/seeds-html" ;;
    xls) seeds="$B/seeds-xls" ;;
    *) seeds="$B/seeds" ;;
    esac
    mkdir -p "$B/corpus/$h"
    log="$B/fuzz_$h.log"
    echo "fuzz: $h for ${S}s (log $log)"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$B/fuzz_$h" -max_total_time="$S" -max_len="$LEN" -timeout="$TIMEOUT" \
        -dict="$B/slacheck.dict" -print_final_stats=1 -artifact_prefix="$B/artifacts/$h-" ${FUZZ_ARGS:-} \
        "$B/corpus/$h" "$seeds" >"$log" 2>&1
    status=$?
    # the last status line ("#N DONE cov: C ft: F corp: U/S ... exec/s: E")
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    corp=$(printf '%s\n' "$last" | sed -n 's/.*corp: \([^ ]*\).*/\1/p')
    verdict="ok"
    if [ "$status" != 0 ]; then
        found=1
        what=$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*ALARM|.*out-of-memory|fuzz_)' "$log")
        unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        verdict="FOUND (exit $status): ${what:-see log} ${unit:+-> $unit}"
    fi
    summary="$summary$(printf '%-6s runs %-10s exec/s %-6s cov %-6s ft %-6s corpus %-12s rss %sMB  %s' \
        "$h" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$verdict")
"
done
echo "fuzz summary (${S}s each, -max_len=$LEN):"
printf '%s' "$summary"
exit $found
