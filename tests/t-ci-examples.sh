#!/bin/sh
# t-ci-examples.sh - examples/ci/ works as written: the steps of the GitHub
# Actions workflow (slacheck.yml) that list the changed checklist files and run
# `slacheck validate --format github --report sarif=... --report md=...` are
# taken from the file and run here, in a scratch git repository, the way the
# runner would (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP); the
# pre-commit hook (.pre-commit-hooks.yaml) runs its entry and args on the
# files its pattern selects. Nothing is copied by hand, so they cannot drift.
. "$ROOT/tests/lib.sh"

WF="$ROOT/examples/ci/slacheck.yml"
HOOKS="$ROOT/examples/ci/.pre-commit-hooks.yaml"
[ -f "$WF" ] && [ -f "$HOOKS" ] || { fail "examples/ci/slacheck.yml or .pre-commit-hooks.yaml missing"; finish; }

# step NAME: the `run: |` script of the workflow step named NAME
step() {
    python3 - "$WF" "$1" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
name = sys.argv[2]
for i, l in enumerate(lines):
    if re.match(r"^\s*- name: %s\s*$" % re.escape(name), l):
        ind = len(l) - len(l.lstrip()) + 2   # the step's keys
        for j in range(i + 1, len(lines)):
            m = lines[j]
            if m.strip() and len(m) - len(m.lstrip()) <= ind - 2:
                break
            if m.strip() == "run: |":
                body = []
                for k in range(j + 1, len(lines)):
                    b = lines[k]
                    if b.strip() and len(b) - len(b.lstrip()) <= ind:
                        break
                    body.append(b[ind + 2:])
                print("\n".join(body).strip())
                sys.exit(0)
sys.exit("no run block for step %r" % name)
EOF
}

# the workflow is YAML, if PyYAML is here to say so
if python3 -c "import yaml" 2>/dev/null; then
    python3 - "$WF" "$HOOKS" <<'EOF' || failures=$((failures + 1))
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
steps = wf["jobs"]["validate"]["steps"]
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
bad = []
if not up or up[0]["with"]["sarif_file"] != "slacheck.sarif" or "always()" not in up[0].get("if", ""):
    bad.append("the workflow must upload slacheck.sarif always")
if wf.get("permissions", {}).get("security-events") != "write":
    bad.append("upload-sarif needs security-events: write")
hooks = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
if not (isinstance(hooks, list) and hooks[0]["id"] == "slacheck" and hooks[0]["language"] == "system"):
    bad.append(".pre-commit-hooks.yaml: one hook slacheck, language system")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF
fi

step "Changed checklist files" >"$TMP/changed.sh" || fail "no 'Changed checklist files' step"
step "slacheck validate" >"$TMP/validate.sh" || fail "no 'slacheck validate' step"
grep -q '^slacheck validate --format github --report sarif=slacheck.sarif --report md="$GITHUB_STEP_SUMMARY" ' "$TMP/validate.sh" ||
    fail "the workflow's command line is not the documented one: $(cat "$TMP/validate.sh")"

# a scratch repository: one commit with Qlingo, then a commit that adds Active!
# gate (under a name with a space), changes Qlingo, adds a broken CSV and a README
mkdir "$TMP/repo" "$TMP/runner" "$TMP/bin" && cd "$TMP/repo" || exit 2
printf '#!/bin/sh\nexec %s "$@"\n' "$SLACHECK" >"$TMP/bin/slacheck"
chmod +x "$TMP/bin/slacheck"
g() { git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false "$@" >/dev/null 2>&1; }
g init -q . && mkdir vendors && cp "$EX/qlingo.tsv" vendors/ && g add -A && g commit -qm base || fail "git setup"
BASE=$(git rev-parse HEAD)
cp "$EX/active-gate-ss.tsv" "vendors/active gate.tsv"
sed 's/稼働率99.9%以上/稼働率99.95%以上/' "$EX/qlingo.tsv" >vendors/qlingo.tsv
cp "$FIX/empty-answer.tsv" vendors/broken.csv
echo "notes" >README.md
g add -A && g commit -qm change || fail "git commit"
HEAD=$(git rev-parse HEAD)

# the 'changed' step: lists the checklist files only
: >"$TMP/gh-output"
env BASE="$BASE" GITHUB_SHA="$HEAD" GITHUB_OUTPUT="$TMP/gh-output" RUNNER_TEMP="$TMP/runner" \
    bash -e "$TMP/changed.sh" || fail "the 'changed' step failed"
grep -qx "any=true" "$TMP/gh-output" || fail "the 'changed' step did not set any=true"
tr '\0' '\n' <"$TMP/runner/changed" | sort >"$TMP/changed.txt"
printf 'vendors/active gate.tsv\nvendors/broken.csv\nvendors/qlingo.tsv\n' >"$TMP/changed.want"
cmp -s "$TMP/changed.txt" "$TMP/changed.want" || fail "changed files: $(cat "$TMP/changed.txt")"

# the validate step, with the runner's variables
: >"$TMP/summary.md"
PATH="$TMP/bin:$PATH" GITHUB_STEP_SUMMARY="$TMP/summary.md" RUNNER_TEMP="$TMP/runner" \
    bash -e "$TMP/validate.sh" >"$TMP/out" 2>"$TMP/err"
rc=$?
# broken.csv is empty-answer.tsv's content: an error, so the job fails (exit 1)
[ "$rc" = 1 ] || fail "validate step: exit $rc, expected 1 (broken.csv has an error)"
[ "$(grep -vc '^::' "$TMP/out")" = 0 ] || fail "validate step: stdout has lines that are not workflow commands"
grep -q '^::error file=vendors/broken.csv,line=14,title=empty-answer::' "$TMP/out" || fail "validate step: no annotation for broken.csv"
grep -q '^::notice file=vendors/active gate.tsv,line=13,title=by-reference::' "$TMP/out" || fail "validate step: no annotation for active gate.tsv"
[ -s slacheck.sarif ] || fail "validate step: slacheck.sarif not written"
cp slacheck.sarif "$TMP/wf.sarif"
jcheck "$TMP/wf.sarif" "d['version'] == '2.1.0'" \
    "sorted(a['location']['uri'] for a in d['runs'][0]['artifacts']) == ['vendors/active%20gate.tsv', 'vendors/broken.csv', 'vendors/qlingo.tsv']" \
    "any(r['ruleId'] == 'empty-answer' and r['level'] == 'error' for r in d['runs'][0]['results'])"
head -1 "$TMP/summary.md" | grep -qx '## slacheck results' || fail "the step summary does not start with the results heading"
grep -q 'Exit status 1\.' "$TMP/summary.md" || fail "the step summary lacks the exit status"
grep -c '^### ' "$TMP/summary.md" | grep -qx 3 || fail "the step summary: a heading per file expected"

# nothing changed: the validate step is skipped
: >"$TMP/gh-output"
env BASE="$HEAD" GITHUB_SHA="$HEAD" GITHUB_OUTPUT="$TMP/gh-output" RUNNER_TEMP="$TMP/runner" \
    bash -e "$TMP/changed.sh" || fail "the 'changed' step failed with nothing changed"
grep -q "any=true" "$TMP/gh-output" && fail "the 'changed' step set any=true with nothing changed"
grep -q "if: steps.changed.outputs.any == 'true'" "$WF" || fail "the validate step must depend on the changed files"

# ---- pre-commit hook: entry + args on the files its pattern selects ----------------
python3 - "$HOOKS" >"$TMP/hook" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def field(name):
    m = re.search(r"^\s*-?\s*%s:\s*(.+?)\s*$" % name, text, re.M)
    return m.group(1) if m else ""
entry, args, files = field("entry"), field("args"), field("files").strip("'\"")
args = [a.strip().strip("'\"") for a in args.strip("[]").split(",") if a.strip()]
print(entry)
print(" ".join(args))
print(files)
EOF
entry=$(sed -n 1p "$TMP/hook")
args=$(sed -n 2p "$TMP/hook")
pattern=$(sed -n 3p "$TMP/hook")
[ "${entry%% *}" = slacheck ] || fail "hook entry: $entry"
cd "$TMP/repo" || exit 2
sel=$(git ls-files | grep -E "$pattern" | tr '\n' ' ')
[ "$sel" = "vendors/active gate.tsv vendors/broken.csv vendors/qlingo.tsv " ] || fail "hook pattern selects: $sel"
# pre-commit passes the selected files as arguments after entry and args
# shellcheck disable=SC2086
PATH="$TMP/bin:$PATH" $entry $args "vendors/active gate.tsv" vendors/qlingo.tsv >"$TMP/hook.out" 2>&1
rc=$?
[ "$rc" = 0 ] || fail "hook on the two good files: exit $rc"
grep -q "vendors/qlingo.tsv: qlingo — 49/49 items" "$TMP/hook.out" || fail "hook output lacks the summary"
# shellcheck disable=SC2086
PATH="$TMP/bin:$PATH" $entry $args vendors/broken.csv >"$TMP/hook.out" 2>&1
rc=$?
[ "$rc" = 1 ] || fail "hook on broken.csv: exit $rc, expected 1 (the commit is refused)"

finish
