#!/usr/bin/env python3
"""accuracy.py - `make accuracy`: how well slacheck reads what answers commit to.

Reads the facts corpus (tests/corpus/README.md gives the format and the
fact notation): every tune-*.tsv and heldout-*.tsv in the corpus folder.
Each answer is given to the tool in the context of its item, as a one-row
checklist (No, item name, unit, answer) read by `slacheck convert --format
json` (the facts) and `slacheck validate --format json` (the findings). The
facts found are written in the corpus notation and matched with the
expected ones; the figures are printed for the tuning part and the held-out
part apart.

    accuracy.py [--slacheck PATH] [--corpus DIR] [--jobs N] [--show-misses]
    accuracy.py [--slacheck PATH] --check FILE.tsv...

--show-misses prints, for the tuning part only, each answer that is not
exact (expected, found); held-out answers are never printed.

--check is for tests: every answer of the given files (same format) must
be read exactly, or it is printed and the exit status is 1.

It measures, it does not judge: the exit status is 0 whatever the figures
(2 on a set-up error: no binary, no corpus, a malformed line).
Standard library only.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import subprocess
import sys
import tempfile

TYPES = ("presence", "quantity", "band", "thing", "disclosure")
SECONDS = {"millisecond": 0.001, "second": 1, "minute": 60, "hour": 3600, "day": 86400,
           "week": 604800, "month": 2592000, "year": 31536000}
OPS = ("eq", "ne", "lt", "le", "gt", "ge")


class SetupError(Exception):
    pass


def measure(unit):
    """(what the unit measures, its factor to the base unit)"""
    if unit in SECONDS:
        return "duration", SECONDS[unit]
    if unit == "percent":
        return "percent", 1
    if unit in ("generation", "times"):
        return unit, 1
    raise ValueError("unknown unit " + unit)


def parse_fact(text):
    """one fact in the corpus notation -> a tuple; ValueError if malformed"""
    w = text.split()
    if not w:
        raise ValueError("empty fact")
    t = w[0]
    if t == "presence" and len(w) == 2 and w[1] in ("yes", "no", "na"):
        return ("presence", w[1])
    if t == "quantity" and len(w) == 5 and w[1] in OPS:
        what, factor = measure(w[3])
        return ("quantity", w[1], float(w[2]) * factor, what, w[4])
    if t == "band" and len(w) == 3:
        span = w[1].split("-")
        if len(span) != 2:
            raise ValueError("bad band " + w[1])
        mins = []
        for s in span:
            h, m = s.split(":")
            mins.append(int(h) * 60 + int(m))
        return ("band", mins[0], mins[1], int(w[2]))
    if t == "thing" and len(w) == 4 and w[3] in ("yes", "planned", "not"):
        return ("thing", w[1], w[2], w[3])
    if t == "disclosure" and len(w) == 2:
        return ("disclosure", w[1])
    raise ValueError("malformed fact: " + text)


def parse_expected(cell):
    cell = cell.strip()
    if cell in ("-", ""):
        return []
    return [parse_fact(p.strip()) for p in cell.split(" ; ") if p.strip()]


def from_json(f):
    """a fact of `convert --format json` -> the corpus notation's tuple, or None"""
    t = f.get("type")
    if t == "presence":
        v = {"yes": "yes", "no": "no", "not-applicable": "na"}.get(f.get("value"))
        return ("presence", v) if v else None
    if t == "quantity":
        dim = f.get("dimension")
        unit = f.get("unit")
        if dim == "duration":
            what = "duration"
        elif dim == "percentage":
            what = "percent"
        elif unit in ("generation", "times"):
            what = unit
        else:
            what = "count"
        return ("quantity", f.get("op", "eq"), float(f.get("value", 0)), what,
                f.get("basis", "stated"))
    if t == "time-band":
        return ("band", f.get("from_minute"), f.get("to_minute"), f.get("days_per_week") or 0)
    if t == "thing":
        status = f.get("status") or ("not" if f.get("negated") else "yes")
        return ("thing", f.get("kind"), f.get("id"), status)
    if t == "disclosure":
        return ("disclosure", f.get("id"))
    return None


def notation(f):
    if f[0] == "quantity":
        return "quantity %s %g %s %s" % (f[1], f[2], f[3], f[4])
    if f[0] == "band":
        return "band %02d:%02d-%02d:%02d %d" % (f[1] // 60, f[1] % 60, f[2] // 60, f[2] % 60, f[3])
    return " ".join(str(x) for x in f)


def agree(e, f, basis):
    """expected fact e and found fact f match (basis compared when basis)"""
    if e[0] != f[0]:
        return False
    if e[0] == "quantity":
        if e[1] != f[1] or e[3] != f[3] or (basis and e[4] != f[4]):
            return False
        a, b = e[2], f[2]
        return abs(a - b) <= 0.02 * max(abs(a), abs(b)) if a or b else True
    return e == f


def match(expected, found, basis):
    """the number of expected facts matched one to one with found ones"""
    used = [False] * len(found)
    n = 0
    for e in expected:
        for i, f in enumerate(found):
            if not used[i] and agree(e, f, basis):
                used[i] = True
                n += 1
                break
    return n


def read_corpus(path):
    entries = []
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    header = lines[0].rstrip("\r").split("\t")
    if header[:6] != ["id", "vendor", "source", "item", "answer", "expected"]:
        raise SetupError("%s: unexpected header %r" % (path, header))
    for no, line in enumerate(lines[1:], 2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 6:
            raise SetupError("%s:%d: %d cells, expected 6" % (path, no, len(cells)))
        try:
            item = int(cells[3])
            expected = parse_expected(cells[5])
        except ValueError as e:
            raise SetupError("%s:%d: %s" % (path, no, e))
        entries.append({"id": cells[0], "vendor": cells[1], "item": item,
                        "answer": cells[4], "expected": expected,
                        "where": "%s:%d" % (os.path.basename(path), no)})
    return entries


def catalog(slacheck):
    out = subprocess.run([slacheck, "items", "--format", "tsv"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    items = {}
    for line in out.splitlines()[1:]:
        c = line.split("\t")
        items[int(c[0])] = {"name": c[4], "unit": c[6], "kind": c[8]}
    return items


def quote(s):
    return '"' + s.replace('"', '""') + '"'


def write_files(tmp, entries, items):
    """one checklist file per group of entries with distinct items: fewer runs"""
    files = []   # [(path, {item: entry})]
    for e in entries:
        if e["item"] not in items:
            raise SetupError("%s: no item %d" % (e["where"], e["item"]))
        for path, group in files:
            if e["item"] not in group:
                group[e["item"]] = e
                break
        else:
            files.append((os.path.join(tmp, "%03d.tsv" % len(files)), {e["item"]: e}))
    for path, group in files:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("No\tサービスレベル項目\t測定単位\t回答\n")
            for no in sorted(group):
                it = items[no]
                fh.write("%d\t%s\t%s\t%s\n" % (no, it["name"], it["unit"],
                                                 quote(group[no]["answer"])))
    return files


def convert(slacheck, path):
    """item number -> the facts found in its answer"""
    r = subprocess.run([slacheck, "convert", path, "-o", "-", "--format", "json"],
                       capture_output=True)
    if r.returncode != 0:
        raise SetupError("convert %s: exit %d: %s" % (path, r.returncode,
                                                     r.stderr.decode("utf-8", "replace")))
    doc = json.loads(r.stdout.decode("utf-8"))
    out = {}
    for it in doc.get("items", []):
        out[it["no"]] = [t for t in (from_json(f) for f in it.get("facts", [])) if t]
    return out


def findings(slacheck, paths):
    """(path, item) -> list of rule ids (missing-item aside)"""
    r = subprocess.run([slacheck, "validate", "--format", "json", "--fail-on", "error",
                        "-j2"] + paths, capture_output=True)
    if r.returncode not in (0, 1):
        raise SetupError("validate: exit %d: %s" % (r.returncode,
                                                    r.stderr.decode("utf-8", "replace")))
    doc = json.loads(r.stdout.decode("utf-8"))
    out = {}
    for f in doc["files"]:
        for x in f.get("findings", []):
            if x["rule"] != "missing-item":
                out.setdefault((f["path"], x.get("item")), []).append(x["rule"])
    return out


def false_findings(e, rules, items):
    """the findings that are false given the expected facts"""
    kind = items[e["item"]]["kind"]
    exp = e["expected"]
    has = lambda pred: any(pred(f) for f in exp)
    want = {"duration": "duration", "frequency": "duration", "percentage": "percent"}.get(kind)
    bad = []
    for r in rules:
        if r == "quantity-missing":
            if kind == "time-band" and has(lambda f: f[0] == "band"):
                bad.append(r)
            elif kind == "count" and has(lambda f: f[0] == "quantity" and f[3] in ("generation", "times")):
                bad.append(r)
            elif want and has(lambda f: f[0] == "quantity" and f[3] == want):
                bad.append(r)
        elif r == "presence-not-stated":
            if has(lambda f: f[0] == "presence"):
                bad.append(r)
        elif r == "undisclosed":
            if not has(lambda f: f == ("disclosure", "undisclosed")):
                bad.append(r)
        elif r == "by-reference":
            if not has(lambda f: f == ("disclosure", "by-reference")):
                bad.append(r)
    return bad


def score(entries, show, out):
    per = {t: [0, 0, 0, 0] for t in TYPES}   # expected, found, matched, matched without basis
    strict = [0, 0, 0]
    exact = 0
    falses = {}
    other_rules = {}
    misses = []
    for e in entries:
        exp, got = e["expected"], e["found"]
        for t in TYPES:
            et = [f for f in exp if f[0] == t]
            gt = [f for f in got if f[0] == t]
            per[t][0] += len(et)
            per[t][1] += len(gt)
            per[t][2] += match(et, gt, True)
            per[t][3] += match(et, gt, False)
        strict[0] += len(exp)
        strict[1] += len(got)
        strict[2] += match(exp, got, False)
        m = match(exp, got, True)
        if m == len(exp) == len(got):
            exact += 1
        elif show:
            misses.append(e)
        for r in e["false"]:
            falses[r] = falses.get(r, 0) + 1
        for r in e["rules"]:
            if r not in ("quantity-missing", "presence-not-stated", "undisclosed", "by-reference"):
                other_rules[r] = other_rules.get(r, 0) + 1

    def prf(x):
        p = x[2] / x[1] if x[1] else 1.0
        r = x[2] / x[0] if x[0] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    out.write("  %-11s %8s %6s %7s %9s %6s %14s\n" % ("type", "expected", "found", "matched",
                                                       "precision", "recall", "without basis"))
    tot = [0, 0, 0, 0]
    for t in TYPES:
        x = per[t]
        tot = [a + b for a, b in zip(tot, x)]
        p, r, _ = prf(x)
        out.write("  %-11s %8d %6d %7d %9.3f %6.3f %14d\n" % (t, x[0], x[1], x[2], p, r, x[3]))
    p, r, f = prf(tot)
    out.write("  %-11s %8d %6d %7d %9.3f %6.3f %14d\n" % ("all", tot[0], tot[1], tot[2], p, r, tot[3]))
    out.write("  F1 %.3f   strict, without basis: F1 %.3f\n" % (f, prf(strict)[2]))
    n = len(entries)
    out.write("  answers exact: %d of %d (%.1f %%)\n" % (exact, n, 100.0 * exact / n if n else 0))
    out.write("  false findings: %s\n" % (", ".join("%s %d" % kv for kv in sorted(falses.items()))
                                          or "none"))
    if other_rules:
        out.write("  other findings: %s\n" % ", ".join("%s %d" % kv
                                                      for kv in sorted(other_rules.items())))
    for e in misses:
        out.write("\n  %s %s item %d: %s\n" % (e["id"], e["where"], e["item"], e["answer"]))
        out.write("    expected: %s\n" % (" ; ".join(notation(f) for f in e["expected"]) or "-"))
        out.write("    found:    %s\n" % (" ; ".join(notation(f) for f in e["found"]) or "-"))
        if e["false"]:
            out.write("    false findings: %s\n" % ", ".join(e["false"]))
    return f, exact


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--slacheck", default=os.path.join(root, "build", "slacheck"))
    ap.add_argument("--corpus", default=os.path.join(root, "tests", "corpus"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--check", nargs="+", metavar="FILE")
    a = ap.parse_args()
    try:
        if not os.access(a.slacheck, os.X_OK):
            raise SetupError("%s not built (run make)" % a.slacheck)
        parts = [("tuning", sorted(glob.glob(os.path.join(a.corpus, "tune-*.tsv")))),
                 ("held-out", sorted(glob.glob(os.path.join(a.corpus, "heldout-*.tsv"))))]
        if a.check:
            parts = [("check", a.check)]
        if not parts[0][1] and not parts[1][1]:
            raise SetupError("no tune-*.tsv or heldout-*.tsv in " + a.corpus)
        items = catalog(a.slacheck)
        os.environ["LANG"] = "C.UTF-8"
        with tempfile.TemporaryDirectory(prefix="slc-accuracy.") as tmp:
            for name, files in parts:
                entries = [e for p in files for e in read_corpus(p)]
                sys.stdout.write("%s part (%s): %d answers\n" % (
                    name, " ".join(os.path.basename(p) for p in files) or "no files",
                    len(entries)))
                if not entries:
                    continue
                d = os.path.join(tmp, name)
                os.mkdir(d)
                ids = set()
                for e in entries:
                    if e["id"] in ids:
                        raise SetupError("%s: id %s given twice" % (e["where"], e["id"]))
                    ids.add(e["id"])
                files = write_files(d, entries, items)
                with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
                    found = list(ex.map(lambda f: convert(a.slacheck, f[0]), files))
                rules = findings(a.slacheck, [p for p, _ in files])
                for (path, group), facts in zip(files, found):
                    for no, e in group.items():
                        e["found"] = facts.get(no, [])
                        e["rules"] = rules.get((path, no), [])
                        e["false"] = false_findings(e, e["rules"], items)
                if a.check:
                    bad = [e for e in entries if not (match(e["expected"], e["found"], True) ==
                                                      len(e["expected"]) == len(e["found"]))]
                    for e in bad:
                        sys.stdout.write("FAIL %s %s item %d: %s\n    expected: %s\n    found:    %s\n" % (
                            e["id"], e["where"], e["item"], e["answer"],
                            " ; ".join(notation(f) for f in e["expected"]) or "-",
                            " ; ".join(notation(f) for f in e["found"]) or "-"))
                    sys.stdout.write("%d of %d read exactly\n" % (len(entries) - len(bad), len(entries)))
                    return 1 if bad else 0
                score(entries, a.show_misses and name == "tuning", sys.stdout)
                sys.stdout.write("\n")
    except (SetupError, OSError, subprocess.CalledProcessError) as e:
        sys.stderr.write("accuracy: %s\n" % e)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
