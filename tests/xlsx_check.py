#!/usr/bin/env python3
"""xlsx_check.py FILE EXPR... - assertions on an XLSX workbook, read back by
openpyxl and zipfile (readers that are not ours), for tests/t-export-xlsx.sh.

Each EXPR is a Python expression that must be true. Names available:
  wb          the workbook (openpyxl, formulas not evaluated)
  S           wb.sheetnames
  ws(name)    a sheet by name
  rows(sh)    the sheet's values as lists, row by row (None for empty cells)
  items(sh, first=1)
              {no: [cells]} of the rows from `first` (0-based) whose column A
              is an integer (item rows; group rows have text there)
  val(c)      a cell's value, '' for an empty cell
  fill(c)     the RGB of a cell's solid fill ('FFC6EFCE'), or None
  formulas    every cell of the workbook whose data_type is 'f'
  Z           the names in the zip container; zx(name) a member's text
  charts()    [(sheet name, chart member, chart xml)] for every chart
  J(path)     a JSON document
  GREEN, RED  the fills of better and worse answers
  json, re    the modules
On failure prints the expression (and, for "A == B", A); exits 1 if any is
false, 2 if FILE cannot be read as a workbook.

Strings are read as Excel reads them: ECMA-376 (Part 1, 22.9.2.19
ST_Xstring) escapes a UTF-16 unit as "_xHHHH_" (libxlsxwriter so writes a
carriage return, "_x000D_", and slacheck a literal "_x0041_" as
"_x005F_x0041_"). openpyxl 3.0.9 does not decode these (it only drops
"x005F_"), so its shared-string reader is given the decoding here.
"""
import json
import os
import posixpath
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("FAIL: python3-openpyxl is not installed for %s" % sys.executable)
    sys.exit(2)


def xstring(s):
    """an ST_Xstring as Excel reads it"""
    s = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def read_string_table(xml_source):
    """openpyxl's own reader (openpyxl.reader.strings), decoding ST_Xstring"""
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse
    tag = "{%s}si" % SHEET_MAIN_NS
    strings = []
    for _, node in iterparse(xml_source):
        if node.tag == tag:
            strings.append(xstring(Text.from_tree(node).content))
            node.clear()
    return strings


import openpyxl.reader.excel  # noqa: E402
openpyxl.reader.excel.read_string_table = read_string_table

GREEN = "FFC6EFCE"
RED = "FFFFC7CE"


def main():
    path, exprs = sys.argv[1], sys.argv[2:]
    try:
        wb = openpyxl.load_workbook(path)
        zf = zipfile.ZipFile(path)
    except Exception as e:  # noqa: BLE001 - any reader failure is the finding
        print("FAIL: %s is not a workbook: %s" % (path, e))
        sys.exit(2)
    Z = zf.namelist()

    def zx(name):
        return zf.read(name).decode("utf-8")

    def rels(member):
        d, b = posixpath.split(member)
        r = posixpath.join(d, "_rels", b + ".rels")
        if r not in Z:
            return {}
        out = {}
        for m in re.finditer(r'<Relationship ([^>]*)/>', zx(r)):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            out[attrs["Id"]] = posixpath.normpath(posixpath.join(d, attrs["Target"]))
        return out

    def charts():
        book = zx("xl/workbook.xml")
        brels = rels("xl/workbook.xml")
        out = []
        for m in re.finditer(r'<sheet ([^>]*)/>', book):
            attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', m.group(1)))
            name = attrs["name"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            sheet = brels[attrs["r:id"]]
            for drawing in rels(sheet).values():
                if "/drawings/" not in drawing:
                    continue
                for chart in rels(drawing).values():
                    if "/charts/" in chart:
                        out.append((name, chart, zx(chart)))
        return out

    def ws(name):
        return wb[name]

    def rows(sh):
        return [list(r) for r in sh.iter_rows(values_only=True)]

    def items(sh, first=1):
        out = {}
        for r in sh.iter_rows(min_row=first + 1):
            if r and isinstance(r[0].value, int):
                out[r[0].value] = list(r)
        return out

    def val(c):
        return "" if c.value is None else c.value

    def fill(c):
        f = c.fill
        if f is None or f.fill_type != "solid":
            return None
        return f.fgColor.rgb

    formulas = [(sh.title, c.coordinate) for sh in wb for r in sh.iter_rows() for c in r
                if c.data_type == "f"]

    def J(p):
        with open(p, encoding="utf-8") as f:
            return json.load(f)

    names = dict(wb=wb, S=wb.sheetnames, ws=ws, rows=rows, items=items, val=val, fill=fill,
                 formulas=formulas, Z=Z, zx=zx, charts=charts, J=J, GREEN=GREEN, RED=RED,
                 json=json, re=re, os=os)
    bad = 0
    for e in exprs:
        try:
            ok = eval(e, names)
        except Exception as ex:  # noqa: BLE001
            print("FAIL: %s: %s: %s" % (e, type(ex).__name__, ex))
            bad += 1
            continue
        if not ok:
            bad += 1
            print("FAIL: %s" % e)
            m = re.match(r"^(.*?) == ", e)
            if m:
                try:
                    v = repr(eval(m.group(1), names))
                    print("   left side: %s" % (v if len(v) < 400 else v[:400] + "..."))
                except Exception:  # noqa: BLE001
                    pass
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
