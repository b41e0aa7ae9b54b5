#!/usr/bin/env python3
"""diff_layout.py TEXT JSON COLUMNS - checks the terminal layout of `slacheck diff`.

TEXT is the side-by-side output of `slacheck diff` (not a tty), JSON the output of
the same command with --format json; COLUMNS the width it was laid out to.
Display widths follow East Asian Width: W and F take two cells, combining marks
none, everything else one. Checks that
  - no line of TEXT is wider than COLUMNS;
  - the table has one row per item of JSON, in order, with its number and verdict;
  - every vendor column starts at the display column of its name in the header
    on every line of every row: the cell before it never runs into it, and the
    text read back from the column, line by line, is the vendor's answer with
    its ▲/▼ mark and [standing] (white space aside; a cell cut after too many
    lines is a prefix, ending with …).
Prints what is wrong and exits 1; prints a one-line summary and exits 0 when all
is well.
"""
import json
import re
import sys
import unicodedata


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(line):
    """[(display column, char)] of a line"""
    out, col = [], 0
    for ch in line:
        out.append((col, ch))
        col += width(ch)
    return out


def text_width(line):
    return sum(width(ch) for ch in line)


def segment(line, start, end):
    """the characters of a line that start in display columns [start, end)"""
    return "".join(ch for col, ch in cells(line) if start <= col < (end if end is not None else 1 << 30))


def char_at(line, col):
    """the character that covers display column col, or None past the end"""
    for c, ch in cells(line):
        if c <= col < c + max(width(ch), 1):
            return ch
    return None


def squeeze(s):
    """without white space or control characters (shown as spaces)"""
    return re.sub(r"[\s\x00-\x1f\x7f]+", "", s)


def main():
    text_path, json_path, columns = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lines = open(text_path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    d = json.load(open(json_path, encoding="utf-8"))
    bad = []

    for n, line in enumerate(lines, 1):
        if text_width(line) > columns:
            bad.append("line %d is %d cells wide, COLUMNS=%d: %s" % (n, text_width(line), columns, line[:60]))
        if "\x1b" in line:
            bad.append("line %d has an escape sequence" % n)

    head = next((i for i, l in enumerate(lines) if l.startswith(" No ")), None)
    if head is None:
        print("FAIL: %s: no table header (' No ...')" % text_path)
        sys.exit(1)
    header = lines[head]
    # where each vendor's column starts: its name in the header
    starts, pos = [], 0
    for v in d["vendors"]:
        i = header.find(v["name"], pos)
        if i < 0:
            print("FAIL: %s: vendor %r not in the header: %s" % (text_path, v["name"], header))
            sys.exit(1)
        starts.append(text_width(header[:i]))
        pos = i + len(v["name"])
    # the verdict column: the second word after " No " (Item/項目, then Verdict/判定)
    verdict_col = text_width(header[:re.search(r"\S+\s+(\S+)", header[4:]).start(1) + 4])

    # rows: a line whose first cells are a number starts one
    rows = []
    for line in lines[head + 1:]:
        if re.match(r"^ {0,2}\d{1,3} ", line):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
        else:
            bad.append("table line before the first row: %s" % line[:60])
    if [int(r[0].split()[0]) for r in rows] != [i["no"] for i in d["items"]]:
        bad.append("rows %s, JSON items %s" % ([int(r[0].split()[0]) for r in rows],
                                                [i["no"] for i in d["items"]]))

    checked = 0
    for row, item in zip(rows, d["items"]):
        no = item["no"]
        verdict = segment(row[0], verdict_col, starts[0]).strip()
        if verdict != item["verdict"]:
            bad.append("item %d: verdict %r in the table, %r in JSON" % (no, verdict, item["verdict"]))
        for k, v in enumerate(d["vendors"]):
            end = starts[k + 1] if k + 1 < len(starts) else None
            got = []
            for line in row:
                ch = char_at(line, starts[k] - 1)
                if ch is not None and ch != " ":
                    bad.append("item %d: the column before %s's runs into it: %r" % (no, v["name"], line))
                got.append(segment(line, starts[k], end))
            a = item["answers"][k]
            if a is None:
                want = "(missing)"
            else:
                mark = "▲ " if k in item["better"] else "▼ " if k in item["worse"] else ""
                want = mark + a["text"]
                if a["standing"] != "not stated":
                    want += " [%s]" % a["standing"]
            got_s, want_s = squeeze("".join(got)), squeeze(want)
            if got_s.endswith("…") and want_s.startswith(got_s[:-1]) and len(got_s) < len(want_s) + 1:
                pass
            elif got_s != want_s:
                bad.append("item %d, %s: column reads %r, expected %r" % (no, v["name"], got_s[:80], want_s[:80]))
            checked += 1

    for b in bad[:12]:
        print("FAIL: %s: %s" % (text_path, b))
    if bad:
        sys.exit(1)
    print("%s: %d lines <= %d cells, %d rows, %d cells read back" % (text_path, len(lines), columns, len(rows), checked))


if __name__ == "__main__":
    main()
