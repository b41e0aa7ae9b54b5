#!/usr/bin/env python3
"""check_json.py FILE EXPR... - assertions on a JSON document, for tests/t-*.sh.

Each EXPR is a Python expression that must be true. Names available:
  d         the document read from FILE
  f         d["files"][0] (a validate report), if there is one
  items     {no: item} from d["items"] (a convert document), if there are
  M         the fixture manifest, $FIX/manifest.json (tests/gen_fixtures.py)
  rules(x)  [(rule, severity, item, line)] of a validate file entry x, sorted,
            the loader's structural rules only (allrules(x): every finding)
  S(list)   the same tuples sorted the same way, to compare with rules(x)
On failure prints the expression and, for "A == B" / "A in B", the value of A;
exits 1 if any expression is false (2 if FILE is not JSON).
"""
import json
import os
import sys


# The loader's structural rules. Findings about what answers state
# (quantity-missing, undisclosed, by-reference, the checklist's consistency
# rules, requirements) have their own tests; allrules() includes them.
STRUCTURAL = {"missing-item", "duplicate-item", "unknown-item", "empty-answer", "name-mismatch",
              "category-mismatch", "unit-mismatch", "presence-not-stated", "undecodable-text",
              "no-items", "ignored-row"}


def allrules(x):
    return sorted(((g["rule"], g["severity"], g["item"], g["line"]) for g in x["findings"]), key=repr)


def rules(x):
    return [r for r in allrules(x) if r[0] in STRUCTURAL]


def S(tuples):
    """A list of (rule, severity, item, line) in the order rules() gives."""
    return sorted(tuples, key=repr)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: check_json.py FILE EXPR...")
    try:
        with open(sys.argv[1], encoding="utf-8") as fp:
            d = json.load(fp)
    except (OSError, ValueError) as e:
        print("FAIL: %s is not JSON: %s" % (sys.argv[1], e))
        sys.exit(2)
    env = {"d": d, "rules": rules, "allrules": allrules, "S": S, "STRUCTURAL": STRUCTURAL}
    if isinstance(d, dict) and d.get("files"):
        env["f"] = d["files"][0]
    if isinstance(d, dict) and isinstance(d.get("items"), list):
        env["items"] = {i.get("no"): i for i in d["items"]}
    fix = os.environ.get("FIX")
    if fix and os.path.exists(os.path.join(fix, "manifest.json")):
        with open(os.path.join(fix, "manifest.json"), encoding="utf-8") as fp:
            env["M"] = json.load(fp)
    bad = 0
    for expr in sys.argv[2:]:
        try:
            ok = eval(expr, env)
        except Exception as e:   # a missing key is a failed assertion
            ok, why = False, "%s: %s" % (type(e).__name__, e)
        else:
            why = ""
        if ok:
            continue
        bad += 1
        for op in (" == ", " in "):
            if not why and op in expr:
                try:
                    why = "left side is %r" % (eval(expr.split(op, 1)[0], env),)
                except Exception as e:
                    why = "%s: %s" % (type(e).__name__, e)
                break
        print("FAIL: %s (%s): %s" % (sys.argv[1], why or "false", expr))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
