#!/bin/sh
# t-deb.sh - the Debian package `make deb` builds (debian/): unpacked with
# dpkg -x into a folder, its slacheck validates the examples it ships (and
# reads its own checklist and profile); the package holds the binary, the man
# pages (1 and 5), the data, the docs and examples, a DEP-5 copyright, the
# changelogs, nothing outside /usr and no second licence file; its control
# data names the libraries it needs; lintian found no error.
# Building takes minutes, so the package is kept in build/deb/ (whatever BUILD
# is) and rebuilt only when a file it is made from is newer. SKIP without the
# Debian tools (dpkg-deb; to build, dpkg-buildpackage and debhelper's dh:
# make test-deps installs them when run as root).
. "$ROOT/tests/lib.sh"
normal_pass_only "dpkg-buildpackage (the package is built apart from the build under test)"

command -v dpkg-deb >/dev/null 2>&1 || skip "dpkg-deb not installed (not a Debian system)"
DEBDIR="$ROOT/build/deb"
deb=$(ls "$DEBDIR"/slacheck_*_*.deb 2>/dev/null | head -1)
stale=
if [ -n "$deb" ]; then
    stale=$(cd "$ROOT" && find Makefile debian src man checklists schemas docs examples tools \
        README.md CHANGELOG.md .pre-commit-hooks.yaml -newer "$deb" -type f 2>/dev/null | head -1)
fi
if [ -z "$deb" ] || [ -n "$stale" ]; then
    command -v dpkg-buildpackage >/dev/null 2>&1 && command -v dh >/dev/null 2>&1 ||
        skip "no package built and no Debian build tools (apt-get install dpkg-dev debhelper fakeroot lintian)"
    echo "building the package (${stale:+$stale changed; }make deb)" >"$TMP/why"
    make -s -C "$ROOT" deb BUILD=build >"$TMP/deb.log" 2>&1 || {
        tail -20 "$TMP/deb.log"; fail "make deb"; finish; }
    deb=$(ls "$DEBDIR"/slacheck_*_*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || { fail "make deb made no build/deb/slacheck_*.deb"; finish; }
fi

# control data
dpkg-deb -f "$deb" Package Version Architecture Depends >"$TMP/control" || fail "dpkg-deb -f"
grep -qx 'Package: slacheck' "$TMP/control" || fail "package name: $(head -1 "$TMP/control")"
ver=$(sed -n 's/^Version: //p' "$TMP/control")
for lib in libxml2 libjansson4 libcmark libxlsxwriter libminizip libpcre2-32 libfreexl1 libcsv3 libicu; do
    grep -q "^Depends:.*$lib" "$TMP/control" || fail "Depends lacks $lib: $(grep Depends "$TMP/control")"
done

# unpacked into a folder
X="$TMP/x"
dpkg -x "$deb" "$X" 2>"$TMP/err" || { fail "dpkg -x: $(head -3 "$TMP/err")"; finish; }
S="$X/usr/bin/slacheck"
[ -x "$S" ] || { fail "no executable usr/bin/slacheck"; finish; }
run "$S" --version
case "$(cat "$TMP/out")" in *"$ver"*) ;; *) fail "slacheck --version says $(cat "$TMP/out"), the package is $ver" ;; esac
E="$X/usr/share/doc/slacheck/examples"
run "$S" validate "$E/qlingo.tsv" "$E/active-gate-ss.tsv"
expect_rc 0 "the package's slacheck validate on its examples"
grep -q 'qlingo.tsv: qlingo — 49/49 items' "$TMP/out" || fail "no summary for qlingo: $(head -3 "$TMP/out")"
run "$S" validate --profile "$E/profiles/personal-data-strict.xml" "$E/qlingo.tsv"
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "validate --profile from the package: exit $rc"
grep -q 'profile personal-data-strict' "$TMP/out" || fail "no profile summary from the package"
run "$S" items --checklist "$X/usr/share/slacheck/checklists/meti-cloud-sla-2010.xml"
expect_rc 0 "items --checklist the package's checklist"

# the files
for f in usr/share/man/man1/slacheck.1.gz usr/share/man/man5/slacheck-checklist.5.gz \
         usr/share/man/man5/slacheck-profile.5.gz usr/share/slacheck/schemas/checklist.rng \
         usr/share/slacheck/schemas/profile.rng usr/share/doc/slacheck/copyright \
         usr/share/doc/slacheck/changelog.gz usr/share/doc/slacheck/changelog.Debian.gz \
         usr/share/doc/slacheck/README.md usr/share/doc/slacheck/checklist-format.md \
         usr/share/doc/slacheck/profiles.md usr/share/doc/slacheck/examples/ci/.gitlab-ci.yml \
         usr/share/doc/slacheck/examples/ci/.pre-commit-hooks.yaml; do
    [ -f "$X/$f" ] || fail "$f not in the package"
done
[ ! -e "$X/usr/share/doc/slacheck/LICENSE" ] || fail "LICENSE in the docs (debian/copyright holds it)"
dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '^\./usr/' | grep -v '^\./$' >"$TMP/outside"
[ ! -s "$TMP/outside" ] || fail "files outside /usr: $(head -3 "$TMP/outside")"
head -1 "$X/usr/share/doc/slacheck/copyright" |
    grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' || fail "copyright is not DEP-5"
for l in Apache-2.0 LGPL-2.1+ MPL-1.1 Zlib; do
    grep -q "$l" "$X/usr/share/doc/slacheck/copyright" || fail "copyright does not name $l"
done
gzip -dc "$X/usr/share/man/man5/slacheck-profile.5.gz" | grep -q '^\.TH SLACHECK-PROFILE 5' || fail "man5 page"

# lintian's verdict at build time
if [ -f "$DEBDIR/lintian.txt" ]; then
    grep -q '^E: ' "$DEBDIR/lintian.txt" && fail "lintian errors: $(grep '^E: ' "$DEBDIR/lintian.txt" | head -3)"
    grep -q '^[WI]: ' "$DEBDIR/lintian.txt" && fail "lintian tags (explain or fix): $(grep '^[WI]: ' "$DEBDIR/lintian.txt" | head -3)"
else
    unchecked "no build/deb/lintian.txt (lintian was not run)"
fi

finish
