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
  X         the ids of the checklist's consistency rules (the <rule> elements)
  xrules(x) [(rule, severity, item, line)] of x: the consistency rules only
  req(x, n) [(status, reason, evidence, line)] of the profile requirements on
            item n of x (validate --profile)
Facts of a convert document's item n (in the order slacheck gives them):
  F(n)      the fact objects           PR(n)  (value, text) of its presence, or None
  QT(n)     quantities: (value, op, amount, unit, text), unit None for phrases
  TB(n)     time bands: (from_minute, to_minute, days_per_week, text)
  TH(n)     things: (kind, id, negated, text)     DI(n)  disclosures: (id, text)
  spans_ok(n)  every fact's text is the answer's text at its span (code points)
  bare(x)   a fact without span and text, to compare facts of different answers
  json      the json module (to load a second document)
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


# What Qlingo's rows say in other words than the checklist's (known-variant,
# definition-cut-short; tests/t-words.sh tests these rules): every fixture
# made from qlingo.tsv with its rows in place has them.
QLINGO_WORDS = [("known-variant", "info", 20, 29), ("known-variant", "info", 36, 49),
                ("definition-cut-short", "warning", 48, 62)]


def allrules(x):
    return sorted(((g["rule"], g["severity"], g["item"], g["line"]) for g in x["findings"]), key=repr)


def rules(x):
    return [r for r in allrules(x) if r[0] in STRUCTURAL]


# The METI checklist's consistency rules (checklists/meti-cloud-sla-2010.xml).
X = {"backup-absent-but-detailed", "backup-absent-but-generations",
     "retention-shorter-than-generations", "encryption-absent-but-tls",
     "alternative-absent-but-format", "dr-absent-no-alternative",
     "certification-absent-but-named"}


def xrules(x):
    return [r for r in allrules(x) if r[0] in X]


def req(x, n):
    """(status, reason, evidence, line) of the requirements on item n of a
    validate file entry x with a profile."""
    return [(r["status"], r["reason"], r["evidence"], r["line"])
            for r in x["profile"]["requirements"] if r["item"] == n]


def fact_helpers(items):
    def F(n):
        return items[n]["facts"]

    def PR(n):
        p = [(f["value"], f["text"]) for f in F(n) if f["type"] == "presence"]
        return p[0] if p else None

    def QT(n):
        return [(f["value"], f["op"], f["amount"], f.get("unit"), f["text"])
                for f in F(n) if f["type"] == "quantity"]

    def TB(n):
        return [(f["from_minute"], f["to_minute"], f["days_per_week"], f["text"])
                for f in F(n) if f["type"] == "time-band"]

    def TH(n):
        return [(f["kind"], f["id"], f["negated"], f["text"]) for f in F(n) if f["type"] == "thing"]

    def DI(n):
        return [(f["id"], f["text"]) for f in F(n) if f["type"] == "disclosure"]

    def spans_ok(n):
        a = items[n]["answer"]
        return all(0 <= f["span"][0] <= f["span"][1] <= len(a) and
                   a[f["span"][0]:f["span"][1]] == f["text"] for f in F(n))

    return {"F": F, "PR": PR, "QT": QT, "TB": TB, "TH": TH, "DI": DI, "spans_ok": spans_ok}


def bare(f):
    return {k: v for k, v in f.items() if k not in ("span", "text")}


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
    env = {"d": d, "rules": rules, "allrules": allrules, "S": S, "STRUCTURAL": STRUCTURAL,
           "X": X, "xrules": xrules, "bare": bare, "json": json, "QLINGO_WORDS": QLINGO_WORDS,
           "req": req}
    if isinstance(d, dict) and d.get("files"):
        env["f"] = d["files"][0]
    if isinstance(d, dict) and isinstance(d.get("items"), list):
        env["items"] = {i.get("no"): i for i in d["items"]}
        env.update(fact_helpers(env["items"]))
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
                # the left side: the longest prefix before op that is an expression
                # (op may stand inside it too, as in a generator's condition)
                parts = expr.split(op)
                for k in range(len(parts) - 1, 0, -1):
                    try:
                        why = "left side is %r" % (eval(op.join(parts[:k]), env),)
                        break
                    except SyntaxError:
                        continue
                    except Exception as e:
                        why = "%s: %s" % (type(e).__name__, e)
                        break
                break
        print("FAIL: %s (%s): %s" % (sys.argv[1], why or "false", expr))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
