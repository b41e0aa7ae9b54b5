#!/bin/sh
# t-install.sh - make install honours DESTDIR, PREFIX and DOCDIR, installs the
# binary, the man pages (slacheck.1, and section 5 for the checklist and
# profile formats), the data files, the docs, the example answers, profiles
# and CI set-ups; the installed binary runs on the installed examples; make
# uninstall removes every file it installed and leaves no directory of its own.
. "$ROOT/tests/lib.sh"

D="$TMP/root"
make -s -C "$ROOT" install BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/sla >"$TMP/log" 2>&1 || {
    cat "$TMP/log"; fail "make install"; finish; }
P="$D/opt/sla"
for f in bin/slacheck share/man/man1/slacheck.1 share/man/man5/slacheck-checklist.5 \
         share/man/man5/slacheck-profile.5 share/slacheck/checklists/meti-cloud-sla-2010.xml \
         share/slacheck/schemas/checklist.rng share/slacheck/schemas/profile.rng \
         share/doc/slacheck/README.md share/doc/slacheck/CHANGELOG.md share/doc/slacheck/LICENSE \
         share/doc/slacheck/checklist-format.md share/doc/slacheck/profiles.md \
         share/doc/slacheck/rules.md share/doc/slacheck/json.md \
         share/doc/slacheck/examples/qlingo.tsv share/doc/slacheck/examples/active-gate-ss.tsv \
         share/doc/slacheck/examples/profiles/personal-data-strict.xml \
         share/doc/slacheck/examples/profiles/internal-tool-light.xml \
         share/doc/slacheck/examples/ci/slacheck.yml share/doc/slacheck/examples/ci/.gitlab-ci.yml \
         share/doc/slacheck/examples/ci/.pre-commit-hooks.yaml; do
    [ -f "$P/$f" ] || fail "$f not installed under DESTDIR/PREFIX"
done
[ -x "$P/bin/slacheck" ] || fail "binary not executable"
# nothing installed outside PREFIX
find "$D" -type f | grep -v "^$P/" | head -3 | while read -r f; do echo "FAIL: installed outside PREFIX: $f"; done
[ -z "$(find "$D" -type f | grep -v "^$P/")" ] || failures=$((failures + 1))
# every installed file is readable by all, none but the binary executable
[ -z "$(find "$P" -type f ! -perm -444)" ] || fail "installed files not readable by all"
[ "$(find "$P" -type f -perm -100)" = "$P/bin/slacheck" ] || fail "executable files: $(find "$P" -type f -perm -100)"

# the installed binary on the installed examples and profile
run "$P/bin/slacheck" validate --profile "$P/share/doc/slacheck/examples/profiles/personal-data-strict.xml" \
    "$P/share/doc/slacheck/examples/qlingo.tsv" "$P/share/doc/slacheck/examples/active-gate-ss.tsv"
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "installed slacheck on the installed examples: exit $rc: $(head -2 "$TMP/err")"
grep -q 'qlingo.tsv: profile personal-data-strict' "$TMP/out" || fail "no profile summary from the installed files"
run "$P/bin/slacheck" items --checklist "$P/share/slacheck/checklists/meti-cloud-sla-2010.xml"
expect_rc 0 "installed slacheck items --checklist the installed checklist"

# the section-5 pages render without warnings
if command -v groff >/dev/null 2>&1; then
    for m in "$P"/share/man/man5/*.5; do
        groff -man -Tutf8 -ww "$m" 2>"$TMP/groff.err" >"$TMP/page" || fail "groff failed on $m"
        [ -s "$TMP/groff.err" ] && fail "groff warnings on ${m##*/}: $(head -3 "$TMP/groff.err")"
        sed 's/.\x08//g' "$TMP/page" | grep -q 'SEE ALSO' || fail "${m##*/}: no SEE ALSO"
    done
else
    unchecked "groff not installed: the section-5 pages' rendering is not checked"
fi
if command -v man >/dev/null 2>&1; then
    for m in "$P"/share/man/man5/*.5; do
        w=$(MANWIDTH=80 man --warnings -l "$m" 2>&1 >/dev/null)
        [ -z "$w" ] || fail "man --warnings on ${m##*/}: $w"
    done
fi

# DOCDIR moves the docs alone
make -s -C "$ROOT" install BUILD="$BUILD" DESTDIR="$TMP/r2" PREFIX=/usr DOCDIR=/usr/share/doc/x >/dev/null 2>&1 ||
    fail "make install DOCDIR="
[ -f "$TMP/r2/usr/share/doc/x/README.md" ] && [ ! -e "$TMP/r2/usr/share/doc/slacheck" ] || fail "DOCDIR not honoured"

make -s -C "$ROOT" uninstall BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/sla >/dev/null 2>&1 || fail "make uninstall"
left=$(find "$D" -type f)
[ -z "$left" ] || fail "uninstall left files: $(echo "$left" | head -5)"
[ ! -e "$P/share/doc/slacheck" ] && [ ! -e "$P/share/slacheck" ] || fail "uninstall left slacheck's directories"

finish
