#!/bin/sh
# t-ci-examples.sh - examples/ci/ works as written: the steps of the GitHub
# Actions workflow (slacheck.yml) that list the changed checklist files and run
# `slacheck validate --format github --report sarif=... --report md=...` are
# taken from the file and run here, in a scratch git repository, the way the
# runner would (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP); the GitLab CI
# example's script (.gitlab-ci.yml) runs likewise and writes the JUnit and
# Code Quality reports its artifacts declare. Both select the same file
# formats as the pre-commit hook (.pre-commit-hooks.yaml; run by pre-commit in
# t-pre-commit.sh), checked here. Nothing is copied by hand, so they cannot drift.
. "$ROOT/tests/lib.sh"

WF="$ROOT/examples/ci/slacheck.yml"
GL="$ROOT/examples/ci/.gitlab-ci.yml"
HOOKS="$ROOT/.pre-commit-hooks.yaml"
[ -f "$WF" ] && [ -f "$GL" ] && [ -f "$HOOKS" ] || { fail "examples/ci/slacheck.yml, .gitlab-ci.yml or .pre-commit-hooks.yaml missing"; finish; }

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

# the examples are YAML, if PyYAML is here to say so: what they must hold
if python3 -c "import yaml" 2>/dev/null; then
    python3 - "$WF" "$HOOKS" "$GL" <<'EOF' || failures=$((failures + 1))
import re, sys, yaml
wf = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
steps = wf["jobs"]["validate"]["steps"]
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
bad = []
if not up or up[0]["with"]["sarif_file"] != "slacheck.sarif" or "always()" not in up[0].get("if", ""):
    bad.append("the workflow must upload slacheck.sarif always")
if up and up[0].get("continue-on-error") is not True:
    bad.append("the SARIF upload must be allowed to fail (continue-on-error: true)")
if wf.get("permissions", {}).get("security-events") != "write":
    bad.append("upload-sarif needs security-events: write")
if not re.fullmatch(r"v\d+\.\d+\.\d+", str(wf.get("env", {}).get("SLACHECK_VERSION"))):
    bad.append("the workflow must pin slacheck's version (env SLACHECK_VERSION: vX.Y.Z)")
src = [s for s in steps if s.get("with", {}).get("path") == ".slacheck-src"]
if not src or src[0]["with"].get("ref") != "${{ env.SLACHECK_VERSION }}":
    bad.append("slacheck must be checked out at SLACHECK_VERSION")
gl = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))["slacheck"]
if gl.get("artifacts", {}).get("when") != "always":
    bad.append(".gitlab-ci.yml: artifacts when: always")
if gl.get("artifacts", {}).get("reports") != {"junit": "slacheck-junit.xml", "codequality": "gl-code-quality-report.json"}:
    bad.append(".gitlab-ci.yml: junit and codequality reports")
if not re.fullmatch(r"v\d+\.\d+\.\d+", str(gl.get("variables", {}).get("SLACHECK_VERSION"))):
    bad.append(".gitlab-ci.yml must pin slacheck's version")
for f in sys.argv[1:4]:
    text = open(f, encoding="utf-8").read()
    for ph in ("your-org", "example.com", "example.invalid", "CHANGEME", "<your"):
        if ph in text:
            bad.append("%s: placeholder %r" % (f.rsplit("/", 1)[-1], ph))
hooks = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
if not (isinstance(hooks, list) and hooks[0]["id"] == "slacheck" and hooks[0]["language"] == "system"):
    bad.append(".pre-commit-hooks.yaml: one hook slacheck, language system")
# one set of formats everywhere: every input format slacheck reads
want = {"tsv", "csv", "txt", "xlsx", "xls", "html", "htm", "md", "markdown", "json"}
hook_ext = set(re.search(r"\\\.\(([^)]*)\)", hooks[0]["files"]).group(1).split("|"))
gh = wf[True]
run_changed = [s for s in steps if s.get("name") == "Changed checklist files"][0]["run"]
for name, ext in (("hook files", hook_ext),
                  ("workflow pull_request paths", {p[3:] for p in gh["pull_request"]["paths"] if p.startswith("**.")}),
                  ("workflow push paths", {p[3:] for p in gh["push"]["paths"] if p.startswith("**.")}),
                  ("workflow pathspecs", set(re.findall(r"'\*\.([a-z]+)'", run_changed))),
                  ("GitLab pathspecs", set(re.findall(r"'\*\.([a-z]+)'", gl["script"][0])))):
    if ext != want:
        bad.append("%s: %s, expected %s" % (name, sorted(ext), sorted(want)))
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF
else
    unchecked "python3 yaml (PyYAML) missing: the examples' YAML is not checked"
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
$SLACHECK convert "$EX/qlingo.tsv" -o vendors/q.xlsx >/dev/null 2>&1 || fail "convert to xlsx"
$SLACHECK convert "$EX/active-gate-ss.tsv" -o vendors/ag.md >/dev/null 2>&1 || fail "convert to md"
echo "notes" >README.md
echo "notes" >vendors/README.md
echo '{"name": "x"}' >package.json
g add -A && g commit -qm change || fail "git commit"
HEAD=$(git rev-parse HEAD)

# the 'changed' step: lists the checklist files only
: >"$TMP/gh-output"
env BASE="$BASE" GITHUB_SHA="$HEAD" GITHUB_OUTPUT="$TMP/gh-output" RUNNER_TEMP="$TMP/runner" \
    bash -e "$TMP/changed.sh" || fail "the 'changed' step failed"
grep -qx "any=true" "$TMP/gh-output" || fail "the 'changed' step did not set any=true"
tr '\0' '\n' <"$TMP/runner/changed" | sort >"$TMP/changed.txt"
printf 'vendors/active gate.tsv\nvendors/ag.md\nvendors/broken.csv\nvendors/q.xlsx\nvendors/qlingo.tsv\n' >"$TMP/changed.want"
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
    "sorted(a['location']['uri'] for a in d['runs'][0]['artifacts']) == ['vendors/active%20gate.tsv', 'vendors/ag.md', 'vendors/broken.csv', 'vendors/q.xlsx', 'vendors/qlingo.tsv']" \
    "any(r['ruleId'] == 'empty-answer' and r['level'] == 'error' for r in d['runs'][0]['results'])"
head -1 "$TMP/summary.md" | grep -qx '## slacheck results' || fail "the step summary does not start with the results heading"
grep -q 'Exit status 1\.' "$TMP/summary.md" || fail "the step summary lacks the exit status"
grep -c '^### ' "$TMP/summary.md" | grep -qx 5 || fail "the step summary: a heading per file expected"

# nothing changed: the validate step is skipped
: >"$TMP/gh-output"
env BASE="$HEAD" GITHUB_SHA="$HEAD" GITHUB_OUTPUT="$TMP/gh-output" RUNNER_TEMP="$TMP/runner" \
    bash -e "$TMP/changed.sh" || fail "the 'changed' step failed with nothing changed"
grep -q "any=true" "$TMP/gh-output" && fail "the 'changed' step set any=true with nothing changed"
grep -q "if: steps.changed.outputs.any == 'true'" "$WF" || fail "the validate step must depend on the changed files"

# ---- GitLab CI: the job's script in the same repository --------------------------
python3 - "$GL" >"$TMP/gl.sh" <<'EOF' || fail "cannot read the script of .gitlab-ci.yml"
import re, sys
# the `script:` items of the job, without PyYAML: "    - COMMAND" lines
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = lines.index("  script:")
out = []
for l in lines[i + 1:]:
    m = re.match(r"^    - (.*)$", l)
    if not m:
        break
    out.append(m.group(1))
if not out:
    sys.exit("no script")
print("set -e")
print("\n".join(out))
EOF
cd "$TMP/repo" || exit 2
PATH="$TMP/bin:$PATH" bash "$TMP/gl.sh" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] || fail "GitLab script: exit $rc, expected 1 (broken.csv has an error): $(head -3 "$TMP/err")"
tr '\0' '\n' <answers.lst | sort >"$TMP/gl-files.txt"
cmp -s "$TMP/gl-files.txt" "$TMP/changed.want" || fail "GitLab script checks: $(cat "$TMP/gl-files.txt")"
grep -q '^vendors/broken.csv:14: error: \[empty-answer\]' "$TMP/out" || fail "GitLab job log lacks the finding"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout slacheck-junit.xml 2>/dev/null || fail "slacheck-junit.xml missing or not well-formed"
else
    unchecked "xmllint missing: the JUnit report is not checked for well-formedness"
fi
grep -c '<testsuite ' slacheck-junit.xml | grep -qx 5 || fail "slacheck-junit.xml: a test suite per file expected"
jcheck gl-code-quality-report.json "isinstance(d, list) and d" \
    "any(x['check_name'] == 'empty-answer' and x['location'] == {'path': 'vendors/broken.csv', 'lines': {'begin': 14}} and x['severity'] == 'major' for x in d)" \
    "set(x['location']['path'] for x in d) <= {'vendors/active gate.tsv', 'vendors/ag.md', 'vendors/broken.csv', 'vendors/q.xlsx', 'vendors/qlingo.tsv'}"
# no checklist files at all: the job passes, saying so
mkdir "$TMP/empty" && cd "$TMP/empty" && g init -q . && echo x >README.md && g add -A || exit 2
PATH="$TMP/bin:$PATH" bash "$TMP/gl.sh" >"$TMP/out" 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q 'no checklist files' "$TMP/out" || fail "GitLab script with no checklist files: exit $rc"

finish
