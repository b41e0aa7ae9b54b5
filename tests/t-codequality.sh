#!/bin/sh
# t-codequality.sh - validate --format codequality: GitLab's Code Quality
# report, compared with the JSON report of the same run. The shape GitLab
# documents (a JSON array of objects with description, check_name,
# fingerprint, severity info|minor|major|critical|blocker, location.path,
# location.lines.begin), one issue per finding in order and one blocker per
# unreadable file; fingerprints unique in the report, the same on a second
# run and when lines move, and different for the same finding in another file.
. "$ROOT/tests/lib.sh"

mkdir "$TMP/w" && cd "$TMP/w" || exit 2
cp "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv" .
for fx in shuffled-missing.tsv empty.tsv sjis-invalid.tsv rules-all.tsv unknown-item.tsv; do
    cp "$FIX/$fx" . || exit 2
done
cp qlingo.tsv "qlingo copy.tsv"
STRICT="$EX/profiles/personal-data-strict.xml"
FILES="qlingo.tsv empty.tsv active-gate-ss.tsv shuffled-missing.tsv sjis-invalid.tsv rules-all.tsv unknown-item.tsv"

# all FORMAT: validate all the files with the profile, in FORMAT
all() {
    run $SLACHECK validate --format "$1" --profile "$STRICT" $FILES "qlingo copy.tsv"
}
all codequality
expect_rc 3 "validate --format codequality (unreadable files)"
cp "$TMP/out" "$TMP/cq.json"
all json && cp "$TMP/out" "$TMP/all.json"
all codequality && cmp -s "$TMP/out" "$TMP/cq.json" || fail "two codequality runs differ"

python3 - "$TMP/cq.json" "$TMP/all.json" <<'PY' || failures=$((failures + 1))
import json, re, sys
cq = json.load(open(sys.argv[1], encoding="utf-8"))
rep = json.load(open(sys.argv[2], encoding="utf-8"))
bad = []
def check(c, what):
    if not c:
        bad.append(what)
check(isinstance(cq, list), "the report is a JSON array")
SEV = {"error": "major", "warning": "minor", "info": "info"}
for i, x in enumerate(cq):
    w = "issue %d" % i
    check(isinstance(x, dict) and set(x) == {"description", "check_name", "fingerprint", "severity", "location"},
          w + ": exactly the documented keys: %s" % sorted(x))
    check(isinstance(x["description"], str) and x["description"], w + ": description")
    check(re.fullmatch(r"[a-z0-9-]+", x["check_name"]), w + ": check_name %r" % x["check_name"])
    check(re.fullmatch(r"[0-9a-f]{32}", x["fingerprint"]), w + ": fingerprint %r" % x["fingerprint"])
    check(x["severity"] in ("info", "minor", "major", "critical", "blocker"), w + ": severity")
    loc = x["location"]
    check(set(loc) == {"path", "lines"} and isinstance(loc["path"], str), w + ": location")
    check(set(loc["lines"]) == {"begin"} and type(loc["lines"]["begin"]) is int and loc["lines"]["begin"] >= 1,
          w + ": location.lines.begin")
fps = [x["fingerprint"] for x in cq]
check(len(fps) == len(set(fps)), "fingerprints unique: %d of %d" % (len(set(fps)), len(fps)))
# findings and unreadable files in the order of the JSON report
want = []
for f in rep["files"]:
    if "findings" in f:
        want += [(f["path"], g["rule"], SEV[g["severity"]], g["message"], g["line"] or 1) for g in f["findings"]]
    else:
        want.append((f["path"], f["error"]["status"], "blocker", None, f["error"]["line"] or 1))
check(len(cq) == len(want), "one issue per finding and unreadable file: %d vs %d" % (len(cq), len(want)))
for x, (path, rule, sev, msg, line) in zip(cq, want):
    w = "%s %s line %s" % (path, rule, line)
    check(x["check_name"] == rule, w + ": check_name %s" % x["check_name"])
    check(x["severity"] == sev, w + ": severity")
    check(msg is None or x["description"] == msg, w + ": description")
    check(x["location"]["path"] == path, w + ": path")
    check(x["location"]["lines"]["begin"] == line, w + ": line")
blockers = [(x["location"]["path"], x["check_name"]) for x in cq if x["severity"] == "blocker"]
check(blockers == [("empty.tsv", "empty-input"), ("sjis-invalid.tsv", "decode-error")], "blockers: %s" % blockers)
# the same findings in two files: the same rules, other fingerprints
a = [x for x in cq if x["location"]["path"] == "qlingo.tsv"]
b = [x for x in cq if x["location"]["path"] == "qlingo copy.tsv"]
check(a and [x["check_name"] for x in a] == [x["check_name"] for x in b], "copy has the same findings")
check(not set(x["fingerprint"] for x in a) & set(x["fingerprint"] for x in b), "copy's fingerprints differ")
for m in bad[:30]:
    print("FAIL:", m)
sys.exit(1 if bad else 0)
PY

# a line inserted at the top: every issue moves one line down, fingerprints stay
{ printf '回答票（2024年度版）\n'; cat qlingo.tsv; } >moved.tsv
run $SLACHECK validate --format codequality --profile "$STRICT" qlingo.tsv
cp "$TMP/out" "$TMP/before.json"
cp moved.tsv qlingo.tsv
run $SLACHECK validate --format codequality --profile "$STRICT" qlingo.tsv
cp "$TMP/out" "$TMP/after.json"
python3 - "$TMP/before.json" "$TMP/after.json" <<'PY' || failures=$((failures + 1))
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
bad = []
if not a:
    bad.append("no issues to compare")
if [x["fingerprint"] for x in a] != [x["fingerprint"] for x in b]:
    bad.append("fingerprints changed when a line was inserted")
for x, y in zip(a, b):
    if y["location"]["lines"]["begin"] != x["location"]["lines"]["begin"] + 1:
        bad.append("%s did not move one line down" % x["check_name"])
for m in bad[:10]:
    print("FAIL:", m)
sys.exit(1 if bad else 0)
PY

# no findings: an empty array, exit 0; in Japanese the descriptions are Japanese
run $SLACHECK validate --format codequality active-gate-ss.tsv --fail-on error
expect_rc 0 "validate --format codequality, seeds"
run $SLACHECK validate --lang ja --format codequality unknown-item.tsv
jcheck "$TMP/out" "isinstance(d, list) and d" "all(any(ord(c) > 0x3000 for c in x['description']) for x in d)"
printf '%s' "" | $SLACHECK validate --format codequality - >"$TMP/out" 2>"$TMP/err"
jcheck "$TMP/out" "len(d) == 1 and d[0]['severity'] == 'blocker' and d[0]['location']['path'] == '-'"

finish
