#!/bin/sh
# sources.sh - makes Debian's source packages reachable for windows/deps/:
# adds a deb-src entry for each deb entry already configured (same mirror,
# suites and components), then apt-get update once. Idempotent: does nothing
# when apt already knows a source package (apt-cache showsrc zlib).
set -eu
apt-cache showsrc zlib 2>/dev/null | grep -q '^Package: zlib' && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
list=/etc/apt/sources.list.d/slacheck-deb-src.sources
echo "slacheck: adding deb-src entries ($list) for Debian's source packages"
tmp=$(mktemp)
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && [ "$f" != "$list" ] || continue
    # deb822 stanzas of Types: deb become Types: deb-src
    awk 'BEGIN { RS = ""; ORS = "\n\n" } /(^|\n)Types:[^\n]*deb([ \n]|$)/ && !/deb-src/ {
        sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >>"$tmp"
done
if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)$/Types: deb-src\nURIs: \1\n/p' /etc/apt/sources.list |
        awk '/^URIs:/ { n = split($0, a, " "); printf "URIs: %s\nSuites: %s\nComponents:", a[2], a[3];
             for (i = 4; i <= n; i++) printf " %s", a[i]; printf "\n\n"; next } /^Types/ { print }' >>"$tmp"
fi
$SUDO cp "$tmp" "$list"
rm -f "$tmp"
$SUDO apt-get update -q >/dev/null
