#!/usr/bin/env python3
"""html_input.py - web pages of a checklist for tests/t-html-input.sh.

  page SRC.tsv OUT.html MAP.json [STYLE] [ENCODING]
      SRC (a TSV checklist) as the page a vendor publishes: a title, a
      navigation bar, a script and a style that are not the checklist, and
      the checklist as one <table>, one <tr> per record of SRC, each on a
      line of its own. STYLE:
        plain    every cell a <td>
        merged   (default) 種別 cells merged down over the rows that leave it
                 empty (rowspan), section rows one cell wide (colspan)
        sheets   Google Sheets' "publish to the web" (row numbers and column
                 letters in <th>s of their own, the whole table on one line)
        split    one table per section of the checklist
      ENCODING (default utf-8) is declared in <meta charset> and used.
      MAP gets {"lines": {"<line of the record in SRC>": <line of its <tr>>}}.
  same ORIG.json PAGE.json MAP.json
      the two convert documents give the same items (number, answer,
      remarks, name) and each item of PAGE is at the line MAP says for the
      item's line in ORIG.
"""
import csv
import html
import json
import sys


def records(path):
    """(line, cells) of each record of a TSV file, lines 1-based."""
    text = open(path, encoding="utf-8-sig", newline="").read()
    out, line = [], 1
    for raw in text.split("\n"):
        cells = next(csv.reader([raw.rstrip("\r")], delimiter="\t")) if raw.strip("\r") else []
        out.append((line, cells))
        line += 1
    return out


def esc(s):
    return html.escape(s, quote=True).replace("\n", "<br>")


def is_item(cells):
    return len(cells) > 2 and cells[0].strip().isdigit()


def page(src, dst, mapfile, style="merged", encoding="utf-8"):
    recs = records(src)
    lines = ["<!DOCTYPE html>",
             "<html lang=\"ja\">",
             "<head>",
             f"<meta charset=\"{encoding}\">",
             "<title>クラウドサービスレベルのチェックリスト</title>",
             "<style>td { border: 1px solid #ccc } /* <td>1</td> */</style>",
             "<script>var rows = '<tr><td>1</td><td>サービス時間</td></tr>';</script>",
             "</head>",
             "<body>",
             "<nav><table><tr><td>1</td><td>サービス時間</td><td>ホーム</td></tr></table></nav>",
             "<h1>チェックリストへの回答</h1>"]
    where = {}
    width = max(len(c) for _, c in recs)
    if style == "sheets":
        row = ["<table class=\"waffle\" cellspacing=\"0\" cellpadding=\"0\"><thead><tr>"
               "<th class=\"row-header freezebar-origin-ltr\"></th>"]
        row += [f"<th id=\"0C{k}\" class=\"column-headers-background\">{chr(65 + k)}</th>"
                for k in range(width)]
        row.append("</tr></thead><tbody>")
        n = len(lines) + 1
        for i, (line, cells) in enumerate(recs):
            row.append(f"<tr style=\"height: 20px\"><th id=\"0R{i}\" class=\"row-headers-background\">"
                       f"<div class=\"row-header-wrapper\">{i + 1}</div></th>")
            row += [f"<td class=\"s{k}\" dir=\"ltr\">{esc(c)}</td>" for k, c in enumerate(cells)]
            row.append("</tr>")
            if cells:
                where[str(line)] = n
        row.append("</tbody></table>")
        lines.append("".join(row))
    else:
        lines.append("<table border=\"1\">")
        # 種別 merged down: how many rows below leave it empty
        span = {}
        if style in ("merged", "split"):
            i = 0
            while i < len(recs):
                cells = recs[i][1]
                if is_item(cells) and cells[1].strip():
                    j = i + 1
                    while j < len(recs) and is_item(recs[j][1]) and not recs[j][1][1].strip():
                        j += 1
                    span[i] = j - i
                    i = j
                else:
                    i += 1
        covered = set()
        for i, n in span.items():
            covered.update(range(i + 1, i + n))
        for i, (line, cells) in enumerate(recs):
            if style == "split" and cells and not is_item(cells) and len(cells) > 1 \
                    and cells[0].strip() and not any(c.strip() for c in cells[1:]) and i > 0:
                # a section row: the table so far ends, a heading, a new table
                lines.append("</table>")
                lines.append(f"<h2>{esc(cells[0])}</h2>")
                lines.append("<table border=\"1\">")
            if not cells:
                continue
            tds = []
            for k, c in enumerate(cells):
                if k == 1 and i in covered:
                    continue
                attr = ""
                if k == 1 and span.get(i, 1) > 1:
                    attr = f" rowspan=\"{span[i]}\""
                tag = "th" if not is_item(cells) and k < len(cells) and i < 12 and \
                    cells[0] in ("No", "No.") else "td"
                tds.append(f"<{tag}{attr}>{esc(c)}</{tag}>")
            if style != "plain" and len(cells) > 1 and cells[0].strip() and \
                    not any(c.strip() for c in cells[1:]):
                tds = [f"<td colspan=\"{len(cells)}\">{esc(cells[0])}</td>"]
            where[str(line)] = len(lines) + 1
            lines.append("<tr>" + "".join(tds) + "</tr>")
        lines.append("</table>")
    lines += ["<footer><p>1. サービス時間</p></footer>", "</body>", "</html>", ""]
    # what Windows calls Shift_JIS is cp932 (～ and ① included)
    codec = "cp932" if encoding.lower().replace("-", "_") in ("shift_jis", "sjis") else encoding
    # a character the encoding lacks (or maps elsewhere: Python's EUC-JP
    # writes ¥ as 0x5C) as a character reference, as pages do: &#165;
    text = "".join(c if ord(c) < 128 or c.encode(codec, "replace").decode(codec, "replace") == c
                   else f"&#{ord(c)};" for c in "\n".join(lines))
    data = text.encode(codec)
    open(dst, "wb").write(data)
    json.dump({"lines": where}, open(mapfile, "w"))


def same(orig, pagefile, mapfile):
    a = json.load(open(orig, encoding="utf-8"))
    b = json.load(open(pagefile, encoding="utf-8"))
    where = json.load(open(mapfile))["lines"]
    ok = True
    ia, ib = a["items"], b["items"]
    if len(ia) != len(ib):
        print(f"{len(ia)} items in {orig}, {len(ib)} in {pagefile}")
        return False
    for x, y in zip(ia, ib):
        for k in ("no", "answer", "remarks", "name_in_file"):
            if x.get(k) != y.get(k):
                print(f"item {x['no']}: {k} {x.get(k)!r} became {y.get(k)!r}")
                ok = False
        want = where.get(str(x["line"]))
        if y["line"] != want:
            print(f"item {x['no']}: line {y['line']}, expected {want} (line {x['line']} of the TSV)")
            ok = False
    return ok


def main():
    if sys.argv[1] == "page":
        page(*sys.argv[2:])
    elif sys.argv[1] == "same":
        sys.exit(0 if same(*sys.argv[2:5]) else 1)
    else:
        sys.exit(f"unknown command {sys.argv[1]}")


if __name__ == "__main__":
    main()
