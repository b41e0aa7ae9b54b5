#!/bin/sh
# t-install.sh - make install honours DESTDIR and PREFIX, installs the
# binary, the man page and the data files, and the installed binary runs.
set -u
make -s -C "$ROOT" install BUILD="$BUILD" DESTDIR="$TMP/root" PREFIX=/opt/sla >"$TMP/log" 2>&1 || {
    cat "$TMP/log"; echo "FAIL: make install"; exit 1; }
for f in bin/slacheck share/man/man1/slacheck.1 share/slacheck/checklists/meti-cloud-sla-2010.xml \
         share/slacheck/schemas/checklist.rng share/slacheck/schemas/profile.rng; do
    [ -f "$TMP/root/opt/sla/$f" ] || { echo "FAIL: $f not installed under DESTDIR/PREFIX"; exit 1; }
done
[ -x "$TMP/root/opt/sla/bin/slacheck" ] || { echo "FAIL: binary not executable"; exit 1; }
"$TMP/root/opt/sla/bin/slacheck" validate "$ROOT/examples/qlingo.tsv" >/dev/null
[ $? = 0 ] || { echo "FAIL: installed slacheck does not validate"; exit 1; }
make -s -C "$ROOT" uninstall BUILD="$BUILD" DESTDIR="$TMP/root" PREFIX=/opt/sla >/dev/null 2>&1
[ ! -e "$TMP/root/opt/sla/bin/slacheck" ] || { echo "FAIL: uninstall left the binary"; exit 1; }
