#!/bin/sh
# check.sh - the test suite against slacheck.exe under Wine (make
# check-windows). $WIN/slacheck becomes a wrapper that runs the .exe under
# Wine, so tests/run.sh finds it as it finds build/slacheck; SLC_WINE=1 tells
# the tests (lib.sh's unix_only skips what Wine cannot give a Windows
# program, with the reason).
#
# What makes it fast enough: the Wine prefix is made once ($WIN/wine, kept),
# one wineserver stays up for the whole run (wineserver -p) instead of one
# starting and stopping around each of the suite's thousands of calls, the
# wrapper execs Wine's loader directly (no shell script in between), and
# WINEDEBUG=-all.
set -eu
cd "$(dirname "$0")/.."
WIN=${WIN:-build-win}
# Wine's 64-bit loader itself; `wine` is a script that finds it
LOADER=${WINE:-}
if [ -z "$LOADER" ]; then
    for l in /usr/lib/wine/wine64 "$(command -v wine64 || true)" "$(command -v wine || true)"; do
        [ -n "$l" ] && [ -x "$l" ] && { LOADER=$l; break; }
    done
fi
[ -n "$LOADER" ] || { echo "slacheck: Wine missing (apt-get install wine wine64)"; exit 1; }
SERVER=$(dirname "$LOADER")/wineserver
[ -x "$SERVER" ] || SERVER=wineserver
WINEPREFIX=$(pwd)/$WIN/wine
WINEDEBUG=${WINEDEBUG:--all}
# no Mono or Gecko: slacheck needs neither, and their installers would ask
WINEDLLOVERRIDES="mscoree=;mshtml="
WINELOADER=$LOADER
export WINEPREFIX WINEDEBUG WINEDLLOVERRIDES WINELOADER
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "slacheck: making the Wine prefix $WINEPREFIX (once)"
    "$LOADER" wineboot -i >/dev/null 2>&1 || true
    "$SERVER" -w 2>/dev/null || true
fi
for exe in "$WIN"/*.exe; do
    w=${exe%.exe}
    printf '#!/bin/sh\nWINEPREFIX="%s" WINEDEBUG="%s" WINEDLLOVERRIDES="%s" WINELOADER="%s" exec "%s" "%s" "$@"\n' \
        "$WINEPREFIX" "$WINEDEBUG" "$WINEDLLOVERRIDES" "$LOADER" "$LOADER" "$(pwd)/$exe" >"$w"
    chmod +x "$w"
done
# one wineserver for the whole run, stopped at the end however it ends
"$SERVER" -p 2>/dev/null || true
trap '"$SERVER" -k 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
rc=0
BUILD=$WIN SLC_WINE=1 ./tests/run.sh || rc=$?
exit $rc
