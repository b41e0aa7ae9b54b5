#!/bin/sh
# t-windows-child.sh - the child process .xls files are read in, started
# the way Windows starts it (the program again, with the hidden arguments
# --slc-child NAME ARG; src/util/platform.h): here as on Windows, and under
# Wine (make check-windows) through CreateProcess and a job object:
#   - --slc-child xls FILE writes FreeXL's walk as records on standard
#     output (sheets, cells, an end) and exits 0; a file FreeXL cannot open
#     gives its code and the end;
#   - an unknown child's name is no hidden command: a usage error;
#   - a temporary directory with a space and Japanese in its name reaches
#     the child intact (quoted on its command line on Windows).
. "$(dirname "$0")/lib.sh"
X=$ROOT/tests/xls

# records FILE: "S C D" counts and the first cells of the child's output,
# or a failure when it is not well formed
records() {
    python3 - "$1" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()
i, n, cells, opened = 0, {"S": 0, "C": 0, "D": 0, "F": 0}, [], None
while i < len(b):
    t = chr(b[i]); i += 1
    if t not in n:
        sys.exit("unknown tag %r at %d" % (t, i - 1))
    n[t] += 1
    if t == "C":
        r, c, k = struct.unpack_from("<III", b, i); i += 12
        cells.append(b[i:i + k].decode("utf-8")); i += k
    elif t == "F":
        opened = struct.unpack_from("<I", b, i)[0]; i += 4
    elif t == "D" and i != len(b):
        sys.exit("bytes after the end")
print(n["S"], n["C"], n["D"], opened, "|".join(cells[:3]))
PY
}

run $SLACHECK --slc-child xls "$X/qlingo.xls"
expect_rc 0 "--slc-child xls qlingo.xls"
cp "$TMP/out" "$TMP/qlingo.rec"
set -- $(records "$TMP/qlingo.rec" | cut -d' ' -f1-4)
[ "${1:-0}" -ge 1 ] || fail "qlingo.xls: no sheet record"
[ "${2:-0}" -ge 98 ] || fail "qlingo.xls: ${2:-0} cells, expected answers and remarks of 49 items"
[ "${3:-0}" = 1 ] || fail "qlingo.xls: no end record"
[ "${4:-}" = None ] || fail "qlingo.xls: FreeXL could not open it (${4:-})"

printf 'not a workbook' >"$TMP/plain.xls"
run $SLACHECK --slc-child xls "$TMP/plain.xls"
expect_rc 0 "--slc-child xls on a file FreeXL cannot open"
set -- $(records "$TMP/out" | cut -d' ' -f1-4)
[ "${3:-0}" = 1 ] && [ "${4:-None}" != None ] || fail "plain.xls: no FreeXL code and end ($*)"

run $SLACHECK --slc-child nosuch "$X/qlingo.xls"
expect_rc 2 "--slc-child with an unknown name"

# the child's argument (the temporary copy's path) through a command line
T="$TMP/一時 dir"
mkdir "$T"
run env TMPDIR="$T" $SLACHECK convert "$X/qlingo.xls" -o "$TMP/q.json"
expect_rc 0 "convert qlingo.xls with TMPDIR='$T'"
jcheck "$TMP/q.json" "len(d['items']) == 49"
[ -z "$(ls "$T")" ] || fail "the temporary copy was left in $T: $(ls "$T")"
finish
