#!/bin/sh
# t-xls-input.sh - legacy Excel (.xls) input through FreeXL (src/read_xls.c):
#   - the example vendors as .xls workbooks made by LibreOffice give the
#     TSV's 49 answers, remarks and names at the TSV's lines (a row's line
#     is its spreadsheet row), and the TSV's findings; from a file and
#     from standard input; made again by soffice and compared when it is
#     there (SKIP otherwise);
#   - a workbook with a cover sheet first: the checklist sheet is chosen;
#     metadata, multi-line text, dates, times and numbers as FreeXL gives
#     them (tests/xls/README.md);
#   - damaged workbooks: truncated, sectors overwritten, no workbook
#     stream: exit 3 with what is wrong, never a crash; --max-rows and
#     --max-cell-bytes hold;
#   - FreeXL runs in a child process: a FreeXL that crashes (a stand-in
#     library put first with LD_PRELOAD) makes the file unreadable (exit 3,
#     "crashed"), the child's memory limit turns a 4 GiB allocation into
#     "out of memory", and a file that reads well still reads after them.
. "$ROOT/tests/lib.sh"
X="$ROOT/tests/xls"
W=$TMP/w
mkdir -p "$W"

# same ORIG.json NEW.json: same items, answers, remarks, names and lines
same() {
    python3 - "$1" "$2" <<'PY' || fail "$2: not the answers of $1"
import json, sys
a, b = (json.load(open(p, encoding="utf-8"))["items"] for p in sys.argv[1:3])
bad = [(x["no"], k, x.get(k), y.get(k)) for x, y in zip(a, b)
       for k in ("no", "answer", "remarks", "name_in_file", "line") if x.get(k) != y.get(k)]
if len(a) != len(b) or bad:
    print(len(a), len(b), bad[:5])
    sys.exit(1)
PY
}

for s in qlingo active-gate-ss; do
    run $SLACHECK convert "$EX/$s.tsv" -o "$W/$s.orig.json"
    run $SLACHECK convert "$X/$s.xls" -o "$W/$s.xls.json"
    expect_rc 0 "convert $s.xls"
    same "$W/$s.orig.json" "$W/$s.xls.json"
    jcheck "$W/$s.xls.json" "len(d['items']) == 49" "d['source']['encoding'] == 'UTF-8'"
    run sh -c "$SLACHECK convert - -o '$W/$s.stdin.json' < '$X/$s.xls'"
    expect_rc 0 "convert - < $s.xls"
    same "$W/$s.orig.json" "$W/$s.stdin.json"
    # the same findings at the same lines
    run $SLACHECK validate --format json "$EX/$s.tsv"
    python3 -c "import json,sys; f=json.load(sys.stdin)['files'][0]['findings']; print(sorted((x['rule'], x.get('item'), x.get('line')) for x in f))" <"$TMP/out" >"$W/$s.tsv.f"
    run $SLACHECK validate --format json "$X/$s.xls"
    python3 -c "import json,sys; f=json.load(sys.stdin)['files'][0]['findings']; print(sorted((x['rule'], x.get('item'), x.get('line')) for x in f))" <"$TMP/out" >"$W/$s.xls.f"
    cmp -s "$W/$s.tsv.f" "$W/$s.xls.f" || fail "$s.xls: findings differ from the TSV's"
done

# the fixtures are what LibreOffice makes of the examples today
if ! outside_reader LibreOffice; then
    :
elif command -v soffice >/dev/null 2>&1; then
    cp "$EX/qlingo.tsv" "$W/fresh.tsv"
    (cd "$W" && HOME=$W timeout 180 soffice --headless --infilter="CSV:9,34,76,1" --convert-to xls fresh.tsv >/dev/null 2>&1)
    if [ -f "$W/fresh.xls" ]; then
        run $SLACHECK convert "$W/fresh.xls" -o "$W/fresh.json"
        expect_rc 0 "convert a fresh LibreOffice .xls"
        same "$W/qlingo.orig.json" "$W/fresh.json"
    else
        fail "soffice did not write fresh.xls"
    fi
else
    unchecked "soffice missing: the committed .xls fixtures only"
fi

# a cover sheet first, the checklist second; what FreeXL gives
run $SLACHECK convert "$X/sheets.xls" -o "$W/sheets.json"
expect_rc 0 "convert sheets.xls"
jcheck "$W/sheets.json" "d['vendor'] == 'テスト・クラウド'" "d['meta']['date'] == '2024-04-01'" \
    "sorted(items) == [1, 2, 3, 5, 6, 7]" \
    "items[1]['answer'] == '24時間365日\n（計画停止を除く）'" "items[1]['line'] == 5" \
    "items[2]['remarks'] == '2024-05-06 07:08:09'" \
    "(items[3]['answer'], items[3]['remarks']) == ('3.5', '10:30:00')" \
    "(items[5]['answer'], items[5]['remarks']) == ('0.999', '1234567.25')" \
    "items[6]['remarks'] == '1E-12'" "items[7]['line'] == 10"

# damaged workbooks
python3 - "$X/qlingo.xls" "$W" <<'PY'
import os, random, sys
src, w = sys.argv[1], sys.argv[2]
b = open(src, "rb").read()
open(os.path.join(w, "truncated.xls"), "wb").write(b[:3000])
r = random.Random(17)
for k in range(8):
    m = bytearray(b)
    for _ in range(40):
        m[r.randrange(512, len(m))] = r.randrange(256)
    open(os.path.join(w, f"noise{k}.xls"), "wb").write(bytes(m))
# the header of a compound file, nothing behind it but the stream's name
hdr = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)
open(os.path.join(w, "hollow.xls"), "wb").write(hdr + "Workbook".encode("utf-16-le").ljust(512, b"\0"))
PY
run $SLACHECK validate "$W/truncated.xls"
expect_rc 3 "truncated.xls"
err_has "[bad-format]" "truncated.xls"
err_has "Excel 97-2003 workbook (.xls)" "truncated.xls: says what"
run $SLACHECK validate "$W/hollow.xls"
expect_rc 3 "hollow.xls"
for k in 0 1 2 3 4 5 6 7; do
    run $SLACHECK validate "$W/noise$k.xls"
    case $rc in 0 | 1 | 3) ;; *) fail "noise$k.xls: exit $rc"; sed 's/^/    /' "$TMP/err" | head -3 ;; esac
done

# limits
run $SLACHECK validate --max-rows 10 "$X/qlingo.xls"
expect_rc 3 "--max-rows 10"
err_has "more than 10 rows" "--max-rows 10"
run $SLACHECK validate --max-cell-bytes 100 "$X/qlingo.xls"
expect_rc 3 "--max-cell-bytes 100"
err_has "more than 100 bytes in a cell" "--max-cell-bytes 100"

# FreeXL contained: stand-ins for freexl_open, put before the real one
if have_tool cc && ! ldd "$ROOT/$BUILD/slacheck" 2>/dev/null | grep -q "libfreexl"; then
    unchecked "slacheck is not linked with a shared libfreexl: no stand-in"
elif have_tool cc; then
    cat >"$W/shim.c" <<'C'
#include <signal.h>
#include <stdlib.h>
#include <string.h>
int freexl_open(const char *path, const void **h)
{
    (void)h;
    if (strstr(path, "slacheck-xls") && getenv("SHIM_CRASH"))
        raise(SIGSEGV);
    void *p = malloc((size_t)4 << 30);
    if (!p)
        return -4; /* FREEXL_INSUFFICIENT_MEMORY */
    raise(SIGSEGV);
    return 0;
}
C
    if cc -shared -fPIC -o "$W/shim.so" "$W/shim.c" 2>"$W/cc.err"; then
        # the sanitizers want to come first; the stand-in is not instrumented
        export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
        run env SHIM_CRASH=1 LD_PRELOAD="$W/shim.so" $SLACHECK validate "$X/qlingo.xls"
        expect_rc 3 "FreeXL crashing"
        err_has "[bad-format]" "FreeXL crashing"
        err_has "FreeXL crashed on it (signal 11)" "FreeXL crashing: says so"
        if ldd "$ROOT/$BUILD/slacheck" | grep -q libasan; then
            unchecked "ASan build: no address-space limit on the child"
        else
            run env LD_PRELOAD="$W/shim.so" $SLACHECK validate "$X/qlingo.xls"
            expect_rc 3 "FreeXL asking for 4 GiB"
            err_has "out of memory" "FreeXL asking for 4 GiB: the child's limit"
        fi
    else
        unchecked "cc cannot build a shared library: $(head -1 "$W/cc.err")"
    fi
else
    unchecked "no C compiler for the FreeXL stand-in"
fi
run $SLACHECK validate "$X/qlingo.xls"
case $rc in 0 | 1) ;; *) fail "qlingo.xls after the stand-ins: exit $rc" ;; esac

finish
