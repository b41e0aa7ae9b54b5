#!/bin/sh
# deps.sh PACKAGE... - install the Debian packages that are missing.
# Idempotent; says what it installs; runs apt-get update only when an
# install fails for lack of package lists.
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "slacheck: installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
    echo "slacheck: apt-get update (package lists were missing or stale)"
    $SUDO apt-get update -q >/dev/null &&
        $SUDO apt-get install -y --no-install-recommends $missing
}
