#!/bin/sh
# run.sh - `make bench`: every figure beside its floor, measured in one run.
# See bench/README.md for the method and how to read the table.
#
# Environment:
#   BUILD            build directory (default build); slacheck is $BUILD/slacheck
#   BENCH_N          checklists in the corpus (default 10000)
#   BENCH_SMALL      files in the "small batch" memory figure (default 1000)
#   BENCH_DIFF_N     vendors in the diff figure (default 100)
#   BENCH_REPORT_N   vendors in the report figures (default 20)
#   BENCH_REPS       timed runs of each batch figure, median reported (default 5)
#   BENCH_ONE_REPS   timed runs of each one-file figure, best reported (default 30)
#   BENCH_CALLGRIND  1 (default) to count instructions with valgrind if installed, 0 not to
#   BENCH_ONLY       a pattern: only figures whose id contains it (e.g. one, batch, rss)
#   BENCH_TARGET_FPS  files/s aim for a one-process batch (default 8000, issue 7)
#   BENCH_TARGET_ONE  aim for one file end to end, times linkonly (default 1.3, issue 7)
#   BENCH_FACTS_BASE  issue 14's instructions for validate -j1 -q of the first 200 files,
#                     scaled to this corpus (default 635500000; bench/README.md)
#   BENCH_TARGET_FACTS  aim for that figure, times the base (default 1.15, issue 14)
#   CC               compiler for the bench helpers (default cc)
#
# Output: the table on standard output, and the same figures as
# $BUILD/bench/results.tsv (id, figure, value, unit, baseline, ratio, target, verdict).
# Exit status: 0 when every figure was measured (targets missed are reported,
# not fatal), 1 when something could not be measured, 2 on a set-up error.
#
# To add a figure: write a function fig_NAME that calls `row` (see below) and
# add NAME to FIGURES.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
BUILD=${BUILD:-build}
N=${BENCH_N:-10000}
SMALL=${BENCH_SMALL:-1000}
DIFF_N=${BENCH_DIFF_N:-100}
REPORT_N=${BENCH_REPORT_N:-20}
REPS=${BENCH_REPS:-5}
ONE_REPS=${BENCH_ONE_REPS:-30}
CALLGRIND=${BENCH_CALLGRIND:-1}
ONLY=${BENCH_ONLY:-}
TARGET_FPS=${BENCH_TARGET_FPS:-8000}
TARGET_ONE=${BENCH_TARGET_ONE:-1.3}
FACTS_BASE=${BENCH_FACTS_BASE:-635500000}
TARGET_FACTS=${BENCH_TARGET_FACTS:-1.15}
CC=${CC:-cc}
B="$ROOT/$BUILD/bench"
CORPUS="$B/corpus"
BUILT="$ROOT/$BUILD/slacheck"
SLACHECK="$ROOT/$BUILD/bench/slacheck"   # a copy: a rebuild mid-run cannot mix versions
ONE="$ROOT/examples/qlingo.tsv"      # the one file of the one-file figures
PKGS=$(sed -n 's/^PKGS *= *//p' Makefile)   # the libraries slacheck is built with
FIGURES="read csv batch json rss one callgrind facts big diff report reports3 peers"
export LANG=C.UTF-8 LC_ALL='' LC_MESSAGES=''

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

[ -x "$BUILT" ] || die "$BUILT not built (run make)"
mkdir -p "$B" || die "cannot create $B"
cp "$BUILT" "$SLACHECK" || die "cannot copy $BUILT"
VERSION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain -- src 2>/dev/null)" ] && VERSION="$VERSION+uncommitted src changes"

# ---- helpers -----------------------------------------------------------------
# Built here, not by the Makefile: same compiler, same pkg-config flags.
CFLAGS_B="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Wall -Wextra"
for prog in linkonly readall csvonly timeit writeonly; do
    src="bench/$prog.c"
    if [ ! -x "$B/$prog" ] || [ -n "$(find "$src" -newer "$B/$prog")" ]; then
        # shellcheck disable=SC2046,SC2086  # flags are word lists
        case $prog in
            linkonly | csvonly | writeonly)
                $CC $CFLAGS_B $(pkg-config --cflags $PKGS) -o "$B/$prog" "$src" \
                    $(pkg-config --libs $PKGS) -lcsv || die "cannot build $prog" ;;
            *) $CC $CFLAGS_B -o "$B/$prog" "$src" || die "cannot build $prog" ;;
        esac
    fi
done
TIMEIT="$B/timeit"
# the floor is only fair if it loads the very libraries slacheck loads
libs_of() { ldd "$1" | awk '$1 !~ /^linux-vdso/ {print $1}' | sort; }
libs_of "$SLACHECK" >"$B/libs.slacheck"
libs_of "$B/linkonly" >"$B/libs.linkonly"
cmp -s "$B/libs.slacheck" "$B/libs.linkonly" ||
    note "linkonly does not load the same shared libraries as slacheck: $(diff "$B/libs.slacheck" "$B/libs.linkonly" | grep '^[<>]' | tr '\n' ' ')"

# ---- corpus (generated once per N, seed, generator and examples) ---------------
want=$(python3 bench/gen_corpus.py --stamp "$CORPUS" "$N") || die "gen_corpus.py failed"
if [ "$(cat "$CORPUS/STAMP" 2>/dev/null)" != "$want" ]; then
    note "generating $N checklists into $CORPUS"
    python3 bench/gen_corpus.py "$CORPUS" "$N" || die "corpus generation failed"
fi
BIG=""
for f in "$CORPUS"/big-*.tsv; do [ -f "$f" ] && BIG=$f; done
# Paths are relative to the corpus so the command line stays short.
cd "$CORPUS" || die "no corpus"
head -n "$SMALL" list.txt >list-small.txt
head -n "$DIFF_N" list.txt >list-diff.txt
head -n "$REPORT_N" list.txt >list-report.txt
NFILES=$(wc -l <list.txt)
BYTES=$("$B/readall" -l list.txt | sed -n 's/.*bytes=\([0-9]*\).*/\1/p')
[ -n "$BYTES" ] || die "cannot read the corpus"

# One process gets all the files: check they fit in one command line
# (ARG_MAX covers argument and environment strings plus one pointer each).
argmax=$(getconf ARG_MAX)
argbytes=$(awk -v n="$NFILES" '{ s += length($0) + 1 } END { print s + 8 * (n + 8) }' list.txt)
envbytes=$(env | awk '{ s += length($0) + 9 } END { print s + 0 }')
if [ $((argbytes + envbytes + 4096)) -ge "$argmax" ]; then
    die "$NFILES paths need $argbytes bytes of arguments, ARG_MAX is $argmax;
     slacheck needs a --files-from option for a batch this large"
fi
nl='
'
IFS=$nl
set -f
# shellcheck disable=SC2046
set -- $(cat list.txt)            # "$@" is the whole corpus from here on
unset IFS
set +f

# ---- the table -----------------------------------------------------------------
RESULTS="$B/results.tsv"
rm -f "$B/failed"
printf 'id\tfigure\tvalue\tunit\tbaseline\tratio\ttarget\tverdict\n' >"$RESULTS"

# row ID FIGURE VALUE UNIT BASELINE RATIO TARGET VERDICT  ("-" for none)
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"
}

# kv KEY LINE: the value of KEY=... in a timeit line
kv() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# calc EXPR: floating-point arithmetic through awk
calc() { awk "BEGIN { printf \"%s\", $1 }" </dev/null; }

# verdict VALUE OP LIMIT: ok or MISS
verdict() { awk -v v="$1" -v l="$3" -v op="$2" \
    'BEGIN { ok = op == ">=" ? v >= l : v <= l; print ok ? "ok" : "MISS" }' </dev/null; }

# timed ID RUNS WARMUPS COMMAND... [:: COMMAND...]: runs timeit, checks the
# exit statuses, prints its lines (one per command)
timed() {
    id=$1 runs=$2 warm=$3
    shift 3
    lines=$("$TIMEIT" -n "$runs" -w "$warm" -e "$B/$id.err" -- "$@")
    for st in $(echo "$lines" | sed -n 's/.*status=//p'); do
        case $st in
            0 | 1) ;;   # 1: findings at error level, expected in this corpus
            *) note "$id: exit status $st (see $B/$id.err)"; : >"$B/failed" ;;
        esac
    done
    echo "$lines"
}

rss_of() {   # rss_of COMMAND...: peak RSS in KB, with /usr/bin/time
    /usr/bin/time -f %M -o "$B/rss.tmp" "$@" >/dev/null 2>&1
    tail -n 1 "$B/rss.tmp"
}

READ_S="" ; READ_FPS="" ; READ_MBS=""

fig_read() {
    "$B/readall" "$@" >/dev/null   # warms the page cache for every figure
    l=$(timed read "$REPS" 1 "$B/readall" "$@")
    READ_S=$(kv median "$l")
    READ_FPS=$(calc "$NFILES / $READ_S")
    READ_MBS=$(calc "$BYTES / 1048576 / $READ_S")
    row read "plain read, $NFILES files (floor)" "$READ_FPS" files/s - - - -
    row read-mbs "plain read, throughput (floor)" "$READ_MBS" MB/s - - - -
}

fig_csv() {
    l=$(timed csv "$REPS" 1 "$B/csvonly" "$@")
    s=$(kv median "$l")
    row csv "libcsv alone, $NFILES files (floor)" "$(calc "$NFILES / $s")" files/s \
        "$READ_FPS" "$(calc "$s / $READ_S")" - -
}

batch() {   # batch ID LABEL FORMAT
    id=$1 label=$2 fmt=$3
    shift 3
    # an untimed check that one process really got every file (and warm-up)
    "$SLACHECK" validate --format json "$@" >"$B/$id.check.json" 2>"$B/$id.err"
    got=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["files"], s["unreadable"])' "$B/$id.check.json" 2>/dev/null)
    if [ "$got" != "$NFILES 0" ]; then
        note "$id: expected $NFILES files, 0 unreadable; got '$got'"
        : >"$B/failed"
    fi
    l=$(timed "$id" "$REPS" 0 "$SLACHECK" validate --format "$fmt" "$@")
    s=$(kv median "$l")
    fps=$(calc "$NFILES / $s")
    row "$id" "$label, $NFILES files, one process" "$fps" files/s "$READ_FPS" \
        "$(calc "$s / $READ_S")" ">= $TARGET_FPS files/s" "$(verdict "$fps" ">=" "$TARGET_FPS")"
    row "$id-mbs" "$label, throughput" "$(calc "$BYTES / 1048576 / $s")" MB/s "$READ_MBS" \
        "$(calc "$s / $READ_S")" - -
}

fig_batch() { batch batch "validate (text)" text "$@"; }
fig_json() { batch json "validate --format json" json "$@"; }

fig_rss() {
    one=$(rss_of "$SLACHECK" validate "$ONE")
    # shellcheck disable=SC2046  # paths without spaces, by construction
    small=$(rss_of "$SLACHECK" validate $(cat list-small.txt))
    all=$(rss_of "$SLACHECK" validate "$@")
    row rss-one "peak RSS, validate 1 file" "$one" KB - - - -
    row rss "peak RSS, validate $NFILES vs $SMALL files" "$all" KB "$small" \
        "$(calc "$all / $small")" "<= 1.10x (flat)" "$(verdict "$(calc "$all / $small")" "<=" 1.10)"
    row rss-vs-one "peak RSS, validate $NFILES files vs 1 file" "$all" KB "$one" \
        "$(calc "$all / $one")" "<= 2x" "$(verdict "$(calc "$all / $one")" "<=" 2)"
    # shellcheck disable=SC2046
    jsmall=$(rss_of "$SLACHECK" validate --format json $(cat list-small.txt))
    jall=$(rss_of "$SLACHECK" validate --format json "$@")
    row rss-json "peak RSS, validate --format json $NFILES vs $SMALL files" "$jall" KB \
        "$jsmall" "$(calc "$jall / $jsmall")" "<= 1.10x (flat)" \
        "$(verdict "$(calc "$jall / $jsmall")" "<=" 1.10)"
}

fig_one() {
    # in turns (slacheck, linkonly, slacheck, ...) so both see the same machine
    both=$(timed one "$ONE_REPS" 3 "$SLACHECK" validate "$ONE" :: "$B/linkonly")
    l=$(echo "$both" | sed -n 1p) floor=$(echo "$both" | sed -n 2p)
    s=$(kv min "$l") f=$(kv min "$floor")
    row one "one file end to end (best of $ONE_REPS)" "$(calc "$s * 1000")" ms \
        "$(calc "$f * 1000")" "$(calc "$s / $f")" "<= ${TARGET_ONE}x linkonly" \
        "$(verdict "$(calc "$s / $f")" "<=" "$TARGET_ONE")"
    row one-median "one file end to end (median of $ONE_REPS)" "$(calc "$(kv median "$l") * 1000")" ms \
        "$(calc "$(kv median "$floor") * 1000")" "$(calc "$(kv median "$l") / $(kv median "$floor")")" - -
}

cg() {   # cg NAME COMMAND...: instructions executed (Ir)
    name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$B/callgrind.$name.out" "$@" \
        >/dev/null 2>"$B/callgrind.$name.log"
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$B/callgrind.$name.log" | tail -n 1
}

fig_callgrind() {
    [ "$CALLGRIND" = 1 ] || return 0
    command -v valgrind >/dev/null 2>&1 || { note "no valgrind: callgrind figure skipped"; return 0; }
    a=$(cg one "$SLACHECK" validate "$ONE")
    f=$(cg linkonly "$B/linkonly")
    if [ -z "$a" ] || [ -z "$f" ]; then
        note "callgrind failed (see $B/callgrind.*.log)"
        : >"$B/failed"
        return 0
    fi
    row callgrind "one file, instructions (callgrind)" "$a" Ir "$f" "$(calc "$a / $f")" \
        "<= ${TARGET_ONE}x linkonly" "$(verdict "$(calc "$a / $f")" "<=" "$TARGET_ONE")"
}

# facts: instructions of validate -j1 -q of the first 200 files (the files
# of `gen_corpus.py DIR 200`), against issue 14's baseline scaled to them
fig_facts() {
    [ "$CALLGRIND" = 1 ] || return 0
    command -v valgrind >/dev/null 2>&1 || { note "no valgrind: facts figure skipped"; return 0; }
    [ "$NFILES" -ge 200 ] || { note "fewer than 200 files: facts figure skipped"; return 0; }
    # shellcheck disable=SC2046  # the 200 relative paths, without spaces
    a=$(cg facts200 "$SLACHECK" validate -j1 -q $(head -n 200 list.txt))
    if [ -z "$a" ]; then
        note "callgrind failed (see $B/callgrind.facts200.log)"
        : >"$B/failed"
        return 0
    fi
    r=$(calc "$a / $FACTS_BASE")
    row facts "200 files validate -j1 -q, instructions (callgrind)" "$a" Ir "$FACTS_BASE" "$r" \
        "<= ${TARGET_FACTS}x issue 14" "$(verdict "$r" "<=" "$TARGET_FACTS")"
}

fig_big() {
    [ -n "$BIG" ] || return 0
    rows=$(basename "$BIG" .tsv | sed 's/big-//')
    l=$(timed big 3 1 "$SLACHECK" validate "$BIG")
    rss=$(kv maxrss_kb "$l")
    row big "one $rows-row file, validate (median of 3)" "$(calc "$(kv median "$l") * 1000")" ms - - - -
    row big-rss "one $rows-row file, peak RSS" "$rss" KB - - "<= 102400 KB" \
        "$(verdict "$rss" "<=" 102400)"
}

# diff: DIFF_N vendors side by side in one process, beside validating the same
# files (loading them, with their facts, and no comparison), run in turns; and
# the two examples, beside validating them.
fig_diff() {
    n=$(wc -l <list-diff.txt | tr -d ' ')
    # an untimed check that the comparison has every vendor (and warm-up)
    # shellcheck disable=SC2046  # paths without spaces, by construction
    "$SLACHECK" diff --format json $(cat list-diff.txt) >"$B/diff.check.json" 2>"$B/diff.err"
    got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["vendors"]), len(d["summary"]["vendors"]))' "$B/diff.check.json" 2>/dev/null)
    if [ "$got" != "$n $n" ]; then
        note "diff: expected $n vendors; got '$got' (see $B/diff.err)"
        : >"$B/failed"
    fi
    # shellcheck disable=SC2046
    both=$(timed diff "$REPS" 1 "$SLACHECK" diff $(cat list-diff.txt) :: \
        "$SLACHECK" diff --format json $(cat list-diff.txt) :: "$SLACHECK" validate $(cat list-diff.txt))
    t=$(echo "$both" | sed -n 1p) j=$(echo "$both" | sed -n 2p) v=$(echo "$both" | sed -n 3p)
    ts=$(kv median "$t") js=$(kv median "$j") vs=$(kv median "$v")
    row diff-load "validate of the same $n files (loading alone)" "$(calc "$vs * 1000")" ms - - - -
    row diff "diff of $n vendors (text), one process" "$(calc "$ts * 1000")" ms \
        "$(calc "$vs * 1000")" "$(calc "$ts / $vs")" - -
    row diff-json "diff --format json of $n vendors" "$(calc "$js * 1000")" ms \
        "$(calc "$vs * 1000")" "$(calc "$js / $vs")" - -
    row diff-rss "peak RSS, diff of $n vendors" "$(kv maxrss_kb "$t")" KB "$(kv maxrss_kb "$v")" \
        "$(calc "$(kv maxrss_kb "$t") / $(kv maxrss_kb "$v")")" - -
    two=$(timed diff-two "$ONE_REPS" 3 "$SLACHECK" diff "$ROOT/examples/active-gate-ss.tsv" "$ONE" :: \
        "$SLACHECK" validate "$ROOT/examples/active-gate-ss.tsv" "$ONE")
    d=$(echo "$two" | sed -n 1p) v=$(echo "$two" | sed -n 2p)
    row diff-two "diff of the two examples (best of $ONE_REPS)" "$(calc "$(kv min "$d") * 1000")" ms \
        "$(calc "$(kv min "$v") * 1000")" "$(calc "$(kv min "$d") / $(kv min "$v")")" - -
}

# report: REPORT_N vendors compared into each report format, beside
# validating the same files (loading alone), run in turns.
fig_report() {
    n=$(wc -l <list-report.txt | tr -d ' ')
    for f in xlsx html md; do
        # shellcheck disable=SC2046  # paths without spaces, by construction
        both=$(timed "report-$f" "$REPS" 1 "$SLACHECK" export $(cat list-report.txt) -o "$B/report.$f" :: \
            "$SLACHECK" validate $(cat list-report.txt))
        e=$(echo "$both" | sed -n 1p) v=$(echo "$both" | sed -n 2p)
        es=$(kv median "$e") vs=$(kv median "$v")
        [ -s "$B/report.$f" ] || { note "report-$f: no report written"; : >"$B/failed"; }
        row "report-$f" "export of $n vendors to .$f (median of $REPS)" "$(calc "$es * 1000")" ms \
            "$(calc "$vs * 1000")" "$(calc "$es / $vs")" - -
        row "report-$f-size" "  its size" "$(wc -c <"$B/report.$f" | tr -d ' ')" bytes - - - -
    done
    row report-load "validate of the same $n files (loading alone)" "$(calc "$vs * 1000")" ms - - - -
}

# two vendors to XLSX + HTML + Markdown in one run (three -o), against a
# program that only writes the same three files with the same libraries:
# linkonly's start-up plus writeonly's timed write of what slacheck wrote
fig_reports3() {
    ex_a="$ROOT/examples/active-gate-ss.tsv"
    mkdir -p "$B/r3"
    both=$(timed reports3 "$ONE_REPS" 3 "$SLACHECK" export "$ex_a" "$ONE" -o "$B/r3/r.xlsx" -o "$B/r3/r.html" \
        -o "$B/r3/r.md" :: "$B/linkonly")
    s=$(echo "$both" | sed -n 1p) l=$(echo "$both" | sed -n 2p)
    w=""
    k=0
    while [ $k -lt "$ONE_REPS" ]; do
        t=$("$B/writeonly" "$B/r3/r.xlsx" "$B/r3/r.html" "$B/r3/r.md" "$B/r3" | sed -n 's/^write_s=\([0-9.]*\).*/\1/p')
        [ -n "$t" ] || { note "reports3: writeonly failed"; : >"$B/failed"; return; }
        w=$(awk -v a="$w" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
        k=$((k + 1))
    done
    floor=$(calc "$(kv min "$l") + $w")
    ratio=$(calc "$(kv min "$s") / $floor")
    row reports3 "two vendors to .xlsx+.html+.md, one run (best of $ONE_REPS)" "$(calc "$(kv min "$s") * 1000")" ms \
        "$(calc "$floor * 1000")" "$ratio" "<= 1.5x writing only" "$(verdict "$ratio" "<=" 1.5)"
    row reports3-write "  floor: linkonly start-up + writing the same files (writeonly)" "$(calc "$w * 1000")" ms - - - -
}

# peers, where installed (make bench-deps): csvkit's csvclean checking one
# file, daff diffing two, Miller reading the batch; each beside slacheck
# doing its own, larger job on the same files, run in turns.
# peer_row ID LABEL AIM: from $both (slacheck's timeit line, then the peer's),
# the peer's median beside slacheck's, aiming at AIM times slower
peer_row() {
    s=$(echo "$both" | sed -n 1p) p=$(echo "$both" | sed -n 2p)
    ratio=$(calc "$(kv median "$p") / $(kv median "$s")")
    row "$1" "$2" "$(calc "$(kv median "$p") * 1000")" ms "$(calc "$(kv median "$s") * 1000")" "$ratio" \
        ">= ${3}x slower" "$(verdict "$ratio" ">=" "$3")"
}

fig_peers() {
    ex_a="$ROOT/examples/active-gate-ss.tsv"
    if command -v csvclean >/dev/null 2>&1; then
        both=$(timed peer-csvclean "$REPS" 1 "$SLACHECK" validate "$ONE" :: csvclean -t -n "$ONE")
        peer_row peer-csvclean "csvclean -t -n on one file, vs slacheck validate" 25
    else
        note "csvclean not installed (make bench-deps): peer figure skipped"
    fi
    daff="$ROOT/build/tools/node_modules/.bin/daff"
    if [ -x "$daff" ]; then
        # daff gets the canonical CSVs (one header, no preamble): its best case
        "$SLACHECK" convert "$ex_a" -o "$B/peer-a.csv" && "$SLACHECK" convert "$ONE" -o "$B/peer-b.csv"
        sed -i '1,2d' "$B/peer-a.csv" "$B/peer-b.csv"
        both=$(timed peer-daff "$REPS" 1 "$SLACHECK" diff --exit-zero "$ex_a" "$ONE" :: \
            "$daff" diff --output "$B/peer-daff.out" "$B/peer-a.csv" "$B/peer-b.csv")
        peer_row peer-daff "daff diff of the two examples, vs slacheck diff" 10
    else
        note "daff not installed (make bench-deps): peer figure skipped"
    fi
    if command -v mlr >/dev/null 2>&1; then
        # shellcheck disable=SC2046  # paths without spaces, by construction
        both=$(timed peer-mlr "$REPS" 1 "$SLACHECK" validate $(cat list-small.txt) :: \
            mlr --inidx --ifs tab --ojson cat $(cat list-small.txt))
        s=$(echo "$both" | sed -n 1p) p=$(echo "$both" | sed -n 2p)
        row peer-mlr "mlr reading $SMALL files to JSON, vs slacheck validate" "$(calc "$(kv median "$p") * 1000")" ms \
            "$(calc "$(kv median "$s") * 1000")" "$(calc "$(kv median "$p") / $(kv median "$s")")" - -
    else
        note "mlr not installed (make bench-deps): peer figure skipped"
    fi
}

# ---- run -----------------------------------------------------------------------
note "corpus: $NFILES files, $BYTES bytes; batch figures median of $REPS, one-file best of $ONE_REPS"
for f in $FIGURES; do
    case $f in *"$ONLY"*) ;; *) [ "$f" = read ] || continue ;; esac
    "fig_$f" "$@"
done

# ---- print -----------------------------------------------------------------------
echo
echo "slacheck bench - $(date +%Y-%m-%d) - $(nproc) CPUs - $NFILES files, $(calc "$BYTES / 1048576") MB - slacheck $VERSION"
awk -F '\t' '
    function num(x) {   # numbers shortened for reading, text as is
        if (x !~ /^[0-9.]+$/) return x
        if (x + 0 >= 1000000) return sprintf("%.1fM", x / 1000000)
        if (x + 0 >= 100) return sprintf("%.0f", x)
        return sprintf("%.3g", x)
    }
    NR == 1 { printf "%-58s %12s %-8s %12s %8s  %-18s %s\n", "figure", "value", "unit", "baseline", "ratio", "target", ""; next }
    { ratio = $6 == "-" ? "-" : sprintf("%.2fx", $6)
      printf "%-58s %12s %-8s %12s %8s  %-18s %s\n", $2, num($3), $4, num($5), ratio, $7 == "-" ? "" : $7, $8 == "-" ? "" : $8 }
' "$RESULTS"
echo "(ratio = value / baseline for sizes and instructions, time / baseline time for rates; results in $RESULTS)"
[ ! -e "$B/failed" ]
