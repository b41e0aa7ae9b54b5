#!/bin/sh
# t-pre-commit.sh - the hook in .pre-commit-hooks.yaml, run by pre-commit
# itself (`pre-commit try-repo`, as a user tries a hooks repository) in a
# scratch git repository: good answers in TSV, Markdown and .xlsx pass; a
# broken CSV fails the hook and is named; README.md and package.json are not
# handed to slacheck; without slacheck on PATH the hook fails, saying so.
# pre-commit is Debian's package (make test-deps installs it).
. "$ROOT/tests/lib.sh"
normal_pass_only "pre-commit try-repo"

command -v pre-commit >/dev/null 2>&1 || skip "pre-commit not installed (apt-get install pre-commit; make test-deps)"
command -v git >/dev/null 2>&1 || skip "git not installed"
git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 || skip "$ROOT is not a git checkout (try-repo needs one)"

export PRE_COMMIT_HOME="$TMP/pre-commit-home" PRE_COMMIT_COLOR=never
mkdir "$TMP/repo" "$TMP/bin" && cd "$TMP/repo" || exit 2
printf '#!/bin/sh\nexec %s "$@"\n' "$SLACHECK" >"$TMP/bin/slacheck"
chmod +x "$TMP/bin/slacheck"
g() { git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false "$@" >/dev/null 2>&1; }
g init -q . || fail "git init"
mkdir vendors
cp "$EX/qlingo.tsv" vendors/
$SLACHECK convert "$EX/active-gate-ss.tsv" -o vendors/active-gate.md >/dev/null 2>&1 || fail "convert to md"
$SLACHECK convert "$EX/qlingo.tsv" -o vendors/qlingo.xlsx >/dev/null 2>&1 || fail "convert to xlsx"
printf '# Answers\n\nThe vendors answers.\n' >README.md
printf '{"name": "answers"}\n' >package.json
g add -A || fail "git add"

# try_hook: pre-commit try-repo on every file, the hook's own output shown
try_hook() {
    PATH="$1:$PATH" pre-commit try-repo "$ROOT" slacheck --all-files --verbose >"$TMP/out" 2>&1
    rc=$?
}
try_hook "$TMP/bin"
expect_rc 0 "pre-commit try-repo on good answers"
for f in vendors/qlingo.tsv vendors/active-gate.md vendors/qlingo.xlsx; do
    grep -q "^$f: .* 49/49 items" "$TMP/out" || fail "the hook did not validate $f: $(tail -5 "$TMP/out")"
done
grep -Eq '^(README\.md|package\.json)' "$TMP/out" && fail "the hook validated README.md or package.json"
grep -q 'Passed' "$TMP/out" || fail "pre-commit does not say Passed"

# a broken checklist: the hook fails and names it
cp "$FIX/empty-answer.tsv" vendors/broken.csv
g add -A
try_hook "$TMP/bin"
expect_rc 1 "pre-commit try-repo with a broken CSV"
grep -q 'Failed' "$TMP/out" || fail "pre-commit does not say Failed"
grep -q '^vendors/broken.csv:14: error: \[empty-answer\]' "$TMP/out" ||
    fail "the broken file's finding is not shown: $(grep broken "$TMP/out" | head -3)"

# no slacheck on PATH: the hook fails and says why
g rm -q --cached vendors/broken.csv
rm vendors/broken.csv
mkdir "$TMP/nobin"
PATH="$TMP/nobin:/usr/bin:/bin" pre-commit try-repo "$ROOT" slacheck --all-files >"$TMP/out" 2>&1
rc=$?
[ "$rc" != 0 ] || fail "the hook passed without slacheck on PATH"
grep -q 'slacheck' "$TMP/out" && grep -qi 'not found' "$TMP/out" ||
    fail "without slacheck: no 'not found' message: $(tail -3 "$TMP/out")"

finish
