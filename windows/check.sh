#!/bin/sh
# check.sh - the test suite against slacheck.exe under Wine (make
# check-windows). $WIN/slacheck (and the test helpers) become wrappers that
# run the .exe files under Wine, so tests/run.sh finds them as it finds
# build/slacheck; SLC_WINE=1 tells the tests (lib.sh's unix_only).
set -eu
cd "$(dirname "$0")/.."
WIN=${WIN:-build-win}
WINE=${WINE:-wine}
command -v "$WINE" >/dev/null || { echo "slacheck: $WINE missing (apt-get install wine wine64)"; exit 1; }
WINEPREFIX=$(pwd)/$WIN/wine
WINEDEBUG=${WINEDEBUG:--all}
export WINEPREFIX WINEDEBUG
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "slacheck: making the Wine prefix $WINEPREFIX"
    "$WINE" wineboot -i >/dev/null 2>&1 || true
fi
for exe in "$WIN"/*.exe; do
    w=${exe%.exe}
    printf '#!/bin/sh\nWINEPREFIX="%s" WINEDEBUG="%s" exec %s "%s" "$@"\n' \
        "$WINEPREFIX" "$WINEDEBUG" "$WINE" "$(pwd)/$exe" >"$w"
    chmod +x "$w"
done
# one wineserver for the whole run: starting one per test costs seconds
wineserver -p 2>/dev/null || true
rc=0
BUILD=$WIN SLC_WINE=1 ./tests/run.sh || rc=$?
wineserver -k 2>/dev/null || true
exit $rc
