#!/bin/sh
# t-sarif.sh - validate --format sarif: accepted by Microsoft's SARIF
# Multitool (its `validate` checks the SARIF 2.1.0 schema and the spec's
# rules; its own SARIF output must hold no result at level error or
# warning, but the one about the informationUri slacheck leaves out for want
# of a real address), and the structure code scanning relies on: ruleId/ruleIndex
# agree with tool.driver.rules, every result matches the JSON report's
# finding (level, message, startLine, startColumn = the cell's column in
# code points), logical location item/N, partialFingerprints stable across
# runs and when lines move, columnKind, and unreadable files reported as
# toolExecutionNotifications with executionSuccessful false.
# The Multitool is installed by `make test-deps` under build/tools (npm).
. "$ROOT/tests/lib.sh"

# SARIF_MULTITOOL overrides the path (a missing one makes the test SKIP)
MT=${SARIF_MULTITOOL:-"$ROOT/build/tools/node_modules/.bin/sarif-multitool"}

# mt SARIF: the Multitool's verdict on SARIF; fails on any error/warning result
mt() {
    outside_reader "the SARIF Multitool" >/dev/null || return 0
    if [ ! -x "$MT" ]; then
        [ -n "$unchecked" ] || unchecked "SARIF Multitool not installed ($MT): run make test-deps"
        return
    fi
    n=$((n + 1))
    log="$TMP/mt-$n.sarif"
    (cd "$TMP" && "$MT" validate "$1" --output "$log" --quiet) >"$TMP/mt-$n.out" 2>&1
    [ -s "$log" ] || { fail "sarif-multitool wrote no log for $1: $(head -5 "$TMP/mt-$n.out")"; return; }
    python3 - "$log" "$1" <<'EOF' || failures=$((failures + 1))
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8-sig"))
run = log["runs"][0]
rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
bad = []
for r in run.get("results", []):
    # informationUri is left out on purpose (slacheck has no public home page:
    # no placeholder address); the Multitool's one warning about it is expected
    if r.get("message", {}).get("id") == "Warning_ProvideToolnformationUri":
        continue
    level = r.get("level") or rules.get(r.get("ruleId"), {}).get("defaultConfiguration", {}).get("level", "warning")
    if level in ("error", "warning"):
        loc = r.get("locations", [{}])[0].get("physicalLocation", {}).get("region", {})
        rid = r.get("ruleId")
        text = r.get("message", {}).get("text") or " ".join(r.get("message", {}).get("arguments", []))
        for d in run["tool"]["driver"].get("rules", []):   # the rule's own words
            if d["id"] == rid and not r.get("message", {}).get("text"):
                text = "%s (%s)" % (text, d.get("name") or d.get("shortDescription", {}).get("text", ""))
        bad.append("%s %s line %s: %s" % (level, rid, loc.get("startLine"), text))
inv = run.get("invocations", [{}])[0]
if not inv.get("executionSuccessful", False):
    bad.append("the Multitool did not run successfully: %s" % inv.get("toolExecutionNotifications"))
# one line per Multitool rule: how often, and the first instance
by_rule = {}
for b in bad:
    by_rule.setdefault(b.split(" line ")[0], []).append(b)
for k, v in by_rule.items():
    print("FAIL: sarif-multitool on %s: %d x %s" % (sys.argv[2].rsplit("/", 1)[-1], len(v), v[0][:400]))
sys.exit(1 if bad else 0)
EOF
}
n=0

mkdir "$TMP/w" && cd "$TMP/w" || exit 2
cp "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv" .
for fx in rules-all.tsv unknown-item.tsv name-mismatch.tsv shuffled-missing.tsv \
    category-unit-mismatch.tsv empty.tsv sjis-invalid.tsv; do
    cp "$FIX/$fx" . || exit 2
done
# a file name that needs percent-encoding in a URI
cp "$EX/qlingo.tsv" "ベンダー 回答#1.tsv"
STRICT="$EX/profiles/personal-data-strict.xml"
FILES="active-gate-ss.tsv qlingo.tsv rules-all.tsv unknown-item.tsv name-mismatch.tsv shuffled-missing.tsv category-unit-mismatch.tsv"

# one run with many kinds of findings (profile, consistency, structural), and
# the JSON report of the same run to compare with
run $SLACHECK validate --format sarif --profile "$STRICT" $FILES "ベンダー 回答#1.tsv"
expect_rc 1 "validate --format sarif (findings at error level)"
cp "$TMP/out" "$TMP/all.sarif"
run $SLACHECK validate --format json --profile "$STRICT" $FILES "ベンダー 回答#1.tsv"
cp "$TMP/out" "$TMP/all.json"
mt "$TMP/all.sarif"

# the same run again: byte for byte the same (no clock, no random)
run $SLACHECK validate --format sarif --profile "$STRICT" $FILES "ベンダー 回答#1.tsv"
cmp -s "$TMP/out" "$TMP/all.sarif" || fail "two SARIF runs differ"

# the seeds alone, and in Japanese
run $SLACHECK validate --format sarif "$EX/active-gate-ss.tsv" "$EX/qlingo.tsv"
expect_rc 0 "validate --format sarif seeds"
cp "$TMP/out" "$TMP/seeds.sarif"
mt "$TMP/seeds.sarif"
run $SLACHECK validate --lang ja --format sarif --profile "$STRICT" qlingo.tsv
cp "$TMP/out" "$TMP/ja.sarif"
mt "$TMP/ja.sarif"

python3 - "$TMP/all.sarif" "$TMP/all.json" "$TMP/w" <<'EOF' || failures=$((failures + 1))
import json, os, sys, urllib.parse
sarif = json.load(open(sys.argv[1], encoding="utf-8"))
rep = json.load(open(sys.argv[2], encoding="utf-8"))
fix = sys.argv[3]
bad = []
def check(c, what):
    if not c:
        bad.append(what)

check(sarif["version"] == "2.1.0", "version 2.1.0")
check("sarif-2.1.0" in sarif["$schema"], "$schema")
check(len(sarif["runs"]) == 1, "one run")
run = sarif["runs"][0]
check(run["columnKind"] == "unicodeCodePoints", "columnKind unicodeCodePoints")
drv = run["tool"]["driver"]
check(drv["name"] == "slacheck" and drv.get("version") == rep["tool"]["version"], "driver name/version")
ids = [r["id"] for r in drv["rules"]]
check(len(ids) == len(set(ids)), "rule ids unique")
for r in drv["rules"]:
    check(r.get("shortDescription", {}).get("text") and r.get("help", {}).get("text"), "rule %s has texts" % r["id"])
    check(r.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note"), "rule %s level" % r["id"])
# every rule slacheck can report is described, the checklist's own included
for rid in ("missing-item", "quantity-missing", "undisclosed", "by-reference", "requirement-not-met",
            "requirement-unknown", "retention-shorter-than-generations", "dr-absent-no-alternative"):
    check(rid in ids, "driver.rules has %s" % rid)
# each rule's help from the rules table: what to do, apart from the summary;
# no placeholder address (informationUri omitted: there is no real one)
for r in drv["rules"]:
    h, sd, fd = r["help"]["text"], r["shortDescription"]["text"], r["fullDescription"]["text"]
    check(h != sd or r["id"] not in ("missing-item", "empty-answer", "quantity-missing"), "rule %s: help is the summary" % r["id"])
    check(fd.startswith(sd) and fd.endswith(h), "rule %s: fullDescription is summary and help" % r["id"])
check(len(set(r["help"]["text"] for r in drv["rules"] if "-" in r["id"])) >= 20, "rules have their own help texts")
check("informationUri" not in drv, "no informationUri")
check("example.invalid" not in open(sys.argv[1], encoding="utf-8").read(), "no placeholder address")
check(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful true")
check(run["invocations"][0]["toolExecutionNotifications"] == [], "no notifications")
arts = [a["location"]["uri"] for a in run["artifacts"]]
check(arts == [urllib.parse.quote(x["path"], safe="/") for x in rep["files"]], "artifacts: one per file, in order, percent-encoded: %s" % arts)
check("%E3%83%99%E3%83%B3%E3%83%80%E3%83%BC%20%E5%9B%9E%E7%AD%94%231.tsv" in arts, "non-ASCII, space and # encoded")

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
results = run["results"]
findings = [(fi, g) for fi, x in enumerate(rep["files"]) for g in x["findings"]]
check(len(results) == len(findings), "one result per finding: %d vs %d" % (len(results), len(findings)))
lines_of = {}
for res, (fi, g) in zip(results, findings):
    path = rep["files"][fi]["path"]
    what = "%s %s item %s line %s" % (path, g["rule"], g["item"], g["line"])
    check(res["ruleId"] == g["rule"], what + ": ruleId")
    check(0 <= res["ruleIndex"] < len(ids) and ids[res["ruleIndex"]] == res["ruleId"], what + ": ruleIndex")
    check(res["level"] == LEVEL[g["severity"]], what + ": level")
    check(res["message"]["text"] == g["message"], what + ": message")
    check(len(res["partialFingerprints"]["slacheckFinding/v1"]) == 16, what + ": fingerprint")
    loc = res["locations"][0]
    pl = loc["physicalLocation"]
    check(pl["artifactLocation"]["index"] == fi and pl["artifactLocation"]["uri"] == arts[fi], what + ": artifact")
    if g["line"]:
        check(pl["region"]["startLine"] == g["line"], what + ": startLine")
        check(pl["region"]["startColumn"] == (g.get("column") or 1), what + ": startColumn")
    else:   # a finding about the whole file (missing-item): the file, or its first line
        check(pl.get("region", {"startLine": 1})["startLine"] >= 1, what + ": region of a finding without a line")
    if g["item"]:
        check(loc["logicalLocations"] == [{"name": "item/%d" % g["item"], "kind": "member"}], what + ": logical location")
    else:
        check("logicalLocations" not in loc, what + ": no logical location")
    # the column, counted here in code points: the cell the finding is about
    if g["line"] and path.endswith(".tsv"):
        if path not in lines_of:
            lines_of[path] = open(os.path.join(fix, path), encoding="utf-8").read().split("\n")
        cells = lines_of[path][g["line"] - 1].split("\t")
        if g["rule"] == "name-mismatch":
            want = [i for i, c in enumerate(cells) if c == g["found"]]
        elif g["rule"] == "unknown-item":
            want = [0]
        elif g["rule"] in ("category-mismatch", "unit-mismatch", "known-variant"):
            want = [i for i, c in enumerate(cells) if c == g["found"]]
        elif g["rule"] in ("definition-mismatch", "definition-cut-short"):
            # found is the part that differs, with … where it was cut
            want = [i for i, c in enumerate(cells) if i > 0 and g["found"].strip("…") in c]
        else:   # the answer cell (as tests/gen_fixtures.py's answer_index)
            want = [5 if len(cells) == 7 or (len(cells) == 6 and cells[5]) else 4]
        col = len("\t".join(cells[:want[0]])) + (1 if want[0] else 0) + 1 if want else None
        check(pl["region"]["startColumn"] == col, what + ": startColumn %s, counted %s" % (pl["region"]["startColumn"], col))
# fingerprints: one per finding within a file (same rule on the same item is one finding)
seen = {}
for res in results:
    key = (res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], res["partialFingerprints"]["slacheckFinding/v1"])
    seen.setdefault(key, []).append(res["ruleId"])
dups = {k: v for k, v in seen.items() if len(v) > 1}
check(not dups, "fingerprints unique within a file: %s" % dups)
for b in bad[:30]:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# a line inserted at the top: every result moves one line down, fingerprints stay
{ printf '回答票（2024年度版）\n'; cat qlingo.tsv; } >"$TMP/moved.tsv"
cp "$TMP/moved.tsv" moved.tsv
run $SLACHECK validate --format sarif --profile "$STRICT" qlingo.tsv
cp "$TMP/out" "$TMP/before.sarif"
run $SLACHECK validate --format sarif --profile "$STRICT" moved.tsv
cp "$TMP/out" "$TMP/after.sarif"
python3 - "$TMP/before.sarif" "$TMP/after.sarif" <<'EOF' || failures=$((failures + 1))
import json, sys
a, b = (json.load(open(p, encoding="utf-8"))["runs"][0]["results"] for p in sys.argv[1:3])
def key(r):
    return (r["ruleId"], r["partialFingerprints"]["slacheckFinding/v1"])
bad = []
if [key(r) for r in a] != [key(r) for r in b]:
    bad.append("fingerprints changed when a line was inserted: %s vs %s" % ([key(r) for r in a], [key(r) for r in b]))
for x, y in zip(a, b):
    rx = x["locations"][0]["physicalLocation"].get("region")
    ry = y["locations"][0]["physicalLocation"].get("region")
    if rx and (not ry or ry["startLine"] != rx["startLine"] + 1 or ry["startColumn"] != rx["startColumn"]):
        bad.append("%s moved from %s to %s" % (x["ruleId"], rx, ry))
if not a:
    bad.append("no results to compare")
for m in bad:
    print("FAIL:", m)
sys.exit(1 if bad else 0)
EOF

# unreadable files: notifications, executionSuccessful false; the others still reported
run $SLACHECK validate --format sarif qlingo.tsv empty.tsv sjis-invalid.tsv active-gate-ss.tsv
expect_rc 3 "validate --format sarif with unreadable files"
cp "$TMP/out" "$TMP/bad.sarif"
mt "$TMP/bad.sarif"
cp "$TMP/bad.sarif" "$TMP/bad.json"
jcheck "$TMP/bad.json" \
    "d['runs'][0]['invocations'][0]['executionSuccessful'] is False" \
    "[(x['level'], x['descriptor']['id']) for x in d['runs'][0]['invocations'][0]['toolExecutionNotifications']] == [('error', 'empty-input'), ('error', 'decode-error')]" \
    "[x['locations'][0]['physicalLocation']['artifactLocation']['uri'] for x in d['runs'][0]['invocations'][0]['toolExecutionNotifications']] == ['empty.tsv', 'sjis-invalid.tsv']" \
    "d['runs'][0]['invocations'][0]['toolExecutionNotifications'][1]['locations'][0]['physicalLocation']['region'] == {'startLine': 14}" \
    "'empty.tsv' in d['runs'][0]['invocations'][0]['toolExecutionNotifications'][0]['message']['text']" \
    "[a['location']['uri'] for a in d['runs'][0]['artifacts']] == ['qlingo.tsv', 'active-gate-ss.tsv']" \
    "sorted(set(r['locations'][0]['physicalLocation']['artifactLocation']['index'] for r in d['runs'][0]['results'])) == [0, 1]"

finish
