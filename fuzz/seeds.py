#!/usr/bin/env python3
"""seeds.py LOADDIR FACTSDIR DICT [BENCHDIR] - starting corpora for the fuzz harnesses.

LOADDIR already holds the test fixtures (tests/gen_fixtures.py LOADDIR). This
adds examples/*.tsv and, if BENCHDIR (a `make bench` corpus, e.g.
build/bench/corpus/files) exists, a sample of its files under 64 KiB.

FACTSDIR gets the answers for fuzz_facts: every distinct cell of the files in
LOADDIR that decode as UTF-8 (answers, remarks, names, units), and for each
item of the two real files, the two vendors' answers one after the other (the
harness diffs the two halves).

DICT gets a libFuzzer dictionary: the words of the built-in checklist (header
and metadata words, presence words, units, comparators, phrases, pattern
hints, item names) and the separators the readers care about, so mutations
can splice in what the loader and the fact reader look for.
Standard library only; same bytes every run.
"""
import hashlib
import os
import shutil
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_LEN = 65536
BENCH_SAMPLE = 50


def cells_of(text):
    delim = "\t" if text.count("\t") >= text.count(",") else ","
    for line in text.splitlines():
        for cell in line.split(delim):
            cell = cell.strip().strip('"').replace('""', '"')
            if cell:
                yield cell


def dict_entry(word):
    out = []
    for b in word.encode("utf-8"):
        c = chr(b)
        out.append(c if 0x20 <= b < 0x7f and c not in '"\\' else "\\x%02X" % b)
    return '"%s"' % "".join(out)


def write_dict(path):
    root = ET.parse(os.path.join(ROOT, "checklists", "meti-cloud-sla-2010.xml")).getroot()
    words = []
    for el in root.iter():
        if el.tag in ("word", "suffix", "yes", "no", "na") and el.text:
            words.append(el.text)
        if el.tag == "pattern":
            words.extend(el.get("hint", "").split())
        if el.tag in ("name", "unit", "title") and el.get("ja"):
            words += [el.get("ja"), el.get("en", "")]
    words += ["\t", "\r\n", "\n", ",", ";", '"', '""', "\ufeff", "【", "】", "：", ":",
              "No.", "同上", "24時間365日", "9:00～17:00", "99.9%", "１２３", "\u00a5", "～"]
    seen = set()
    with open(path, "w", encoding="ascii") as f:
        for w in words:
            if w and w not in seen:
                seen.add(w)
                f.write(dict_entry(w) + "\n")


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: seeds.py LOADDIR FACTSDIR DICT [BENCHDIR]")
    load, facts = sys.argv[1], sys.argv[2]
    write_dict(sys.argv[3])
    bench = sys.argv[4] if len(sys.argv) == 5 else ""
    os.makedirs(load, exist_ok=True)
    os.makedirs(facts, exist_ok=True)
    examples = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(examples)):
        if name.endswith(".tsv"):
            shutil.copyfile(os.path.join(examples, name), os.path.join(load, name))
    if bench and os.path.isdir(bench):
        taken = 0
        for name in sorted(os.listdir(bench)):
            path = os.path.join(bench, name)
            if taken >= BENCH_SAMPLE:
                break
            if os.path.isfile(path) and os.path.getsize(path) <= MAX_LEN:
                shutil.copyfile(path, os.path.join(load, "bench-" + name))
                taken += 1

    seen = set()

    def emit(text):
        data = text.encode("utf-8")[:MAX_LEN]
        key = hashlib.sha1(data).hexdigest()
        if data and key not in seen and b"\0" not in data:
            seen.add(key)
            with open(os.path.join(facts, key[:16]), "wb") as f:
                f.write(data)

    for name in sorted(os.listdir(load)):
        if name.startswith("bench-") or not name.endswith((".tsv", ".csv")):
            continue
        with open(os.path.join(load, name), "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        for cell in cells_of(text):
            emit(cell)

    # the two vendors' answers to each item, for the diff of the halves
    per_item = []
    for name in ("qlingo.tsv", "active-gate-ss.tsv"):
        answers = {}
        with open(os.path.join(examples, name), encoding="utf-8") as f:
            for line in f.read().splitlines():
                cells = line.split("\t")
                if cells and cells[0].strip().isdigit() and len(cells) >= 5:
                    answers[int(cells[0])] = max(cells[1:], key=len)
        per_item.append(answers)
    for no in sorted(set(per_item[0]) & set(per_item[1])):
        a, b = per_item[0][no], per_item[1][no]
        emit(a + b)
        emit(a + a)   # a version that did not change: the halves are equal
    return 0


if __name__ == "__main__":
    sys.exit(main())
