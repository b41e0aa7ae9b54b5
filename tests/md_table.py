#!/usr/bin/env python3
"""md_table.py SRC.tsv OUT.md MAP.json - a TSV checklist as the Markdown a
vendor keeps in a README (tests/t-md-table.sh): the lines before the header
row as paragraphs, then one GFM pipe table, a row per record (blank records
left out), cells with Markdown's special characters escaped, "|" as "\\|"
and line breaks as <br>. MAP gets {"lines": {"<TSV line>": <Markdown line>}}
for the records in the table and the "key: value" lines before it."""
import csv
import json
import sys

SPECIAL = set("\\`*_[]<>&!#~|")


def esc(s):
    return "".join("\\" + c if c in SPECIAL else c for c in s).replace("\n", "<br>")


def main(src, dst, mapfile):
    text = open(src, encoding="utf-8-sig", newline="").read()
    recs = [(i + 1, next(csv.reader([raw.rstrip("\r")], delimiter="\t")) if raw.strip("\r") else [])
            for i, raw in enumerate(text.split("\n"))]
    head = next(i for i, (_, c) in enumerate(recs) if c and c[0].strip() in ("No", "No."))
    width = max(len(c) for _, c in recs)
    out, where = [], {}
    for line, cells in recs[:head]:
        if any(x.strip() for x in cells):
            where[str(line)] = len(out) + 1
            out.append(esc(" ".join(x for x in cells if x.strip())))
            out.append("")
    for k, (line, cells) in enumerate(recs[head:]):
        if not any(x.strip() for x in cells):
            continue
        cells = cells + [""] * (width - len(cells))
        where[str(line)] = len(out) + 1
        out.append("| " + " | ".join(esc(x) for x in cells) + " |")
        if k == 0:
            out.append("|" + "|".join(["---"] * width) + "|")
    out.append("")
    open(dst, "w", encoding="utf-8").write("\n".join(out))
    json.dump({"lines": where}, open(mapfile, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
