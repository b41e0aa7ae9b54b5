#!/usr/bin/env python3
"""xlsx_input.py COMMAND ARGS - workbooks for tests/t-xlsx-input.sh, made and
read by programs that are not slacheck (openpyxl, zipfile).

  template FILE N ITEMS.json [lang]
                          checks a template: sheets, N item rows, item cells
                          locked and answer/remarks/metadata cells unlocked,
                          sheet protection, list validations on the 有無
                          items' answer cells (no error alert: free text stays), input
                          messages with definition and unit, frozen panes,
                          print set-up; prints FAIL lines, exits 1 on failure
  fill TEMPLATE OUT EXPECT
                          fills every answer of the template with openpyxl
                          (multi-line, "=1+1" as a string, full-width,
                          <script>, quotes) and the metadata; EXPECT gets
                          the JSON of what was typed
  scratch TSV OUT EXPECT  a workbook written from scratch by openpyxl in the
                          seed's layout (its title rows, header and rows)
  handmade TSV OUT        a workbook crafted with zipfile the way other
                          producers write one: a cover sheet first, shared
                          strings with rich-text runs and phonetic runs,
                          inline strings, formula string results, numbers,
                          booleans, cells without r, rows with gaps,
                          _x000D_ escapes, an absolute relationship target
  formats TSV ORIG.json OUT EXPECT [1904]
                          the seed's layout by openpyxl with numbers in
                          number formats: a date (作成日, Japanese format),
                          percentages, a time, a date-time, a grouped
                          number; 1904: the workbook counts from 1904
  same JSON EXPECT        convert's JSON has exactly EXPECT's answers,
                          remarks (and meta when given)
  seed-same A.json B.json [ours]
                          the same items, answers, remarks and meta (ours:
                          written by slacheck, the service may be the stem)
  bomb OUT MB             sharedStrings.xml holding a MB MB run of "0"
  xxe OUT                 sharedStrings.xml with an external entity
  noworkbook OUT          a zip with no xl/workbook.xml
  badref OUT              a cell referring to a shared string not there
"""
import json
import sys
import zipfile

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    print("FAIL: python3-openpyxl is not installed for %s" % sys.executable)
    sys.exit(2)

fails = []


def check(cond, what):
    if not cond:
        fails.append(what)


def done():
    for f in fails:
        print("FAIL: " + f)
    sys.exit(1 if fails else 0)


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line in f.read().split("\n"):
            if line.endswith("\r"):
                line = line[:-1]
            rows.append(line.split("\t"))
    while rows and rows[-1] == [""]:
        rows.pop()
    return rows


# ---- template ----------------------------------------------------------------

def raw_data_validations(path):
    """{sqref: the <dataValidation ...> start tag} from every sheet's XML"""
    import re
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode("utf-8")
                for tag in re.findall(r"<dataValidation [^>]*>", xml):
                    m = re.search(r'sqref="([^"]*)"', tag)
                    if m:
                        out[m.group(1)] = tag
    return out


def cmd_template(path, n, items_json, lang="en"):
    n = int(n)
    kinds = {i["no"]: i["kind"] for i in json.load(open(items_json))["items"]}
    raw_validations = raw_data_validations(path)
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["表紙", "チェックリスト"], "sheets %r" % wb.sheetnames)
    cover = wb["表紙"]
    text = "\n".join(str(c.value) for row in cover.iter_rows() for c in row if c.value)
    for want in ("slacheck validate answers.xlsx", "該当なし", "有", "無", "How to fill in",
                 "記入のしかた", "クラウドサービスレベルのチェックリスト", "version"):
        check(want in text, "cover sheet lacks %r" % want)
    check(cover.protection.sheet, "cover sheet not protected")
    ws = wb["チェックリスト"]
    rows = list(ws.iter_rows())
    header = None
    for i, row in enumerate(rows):
        if [c.value for c in row[:7]] == ["No", "種別", "サービスレベル項目", "規定内容", "測定単位", "回答", "備考"]:
            header = i
            break
    check(header is not None, "no canonical header row")
    if header is None:
        done()
    meta = {}
    for row in rows[:header]:
        if row[0].value in META_KEYS:
            meta[row[0].value] = value_cell(row)
    check(sorted(meta) == sorted(META_KEYS), "metadata rows %r" % sorted(meta))
    for k, c in meta.items():
        check(not c.protection.locked, "metadata value cell %s (%s) is locked" % (c.coordinate, k))
        check(c.number_format == "@", "metadata value cell %s is not a text cell" % c.coordinate)
    items = [r for r in rows[header + 1:] if isinstance(r[0].value, int)]
    check(len(items) == n, "%d item rows, expected %d" % (len(items), n))
    check([r[0].value for r in items] == sorted(r[0].value for r in items), "items out of order")
    check(ws.protection.sheet, "checklist sheet not protected")
    check(ws.protection.password is None, "checklist sheet has a password")
    check(not ws.protection.formatColumns and not ws.protection.formatRows,
          "columns/rows cannot be resized (formatColumns/formatRows protected)")
    check(ws.protection.insertRows and ws.protection.deleteRows, "rows may be inserted or deleted")
    check(ws.freeze_panes == "D%d" % (header + 2), "frozen panes %r" % ws.freeze_panes)
    check(ws.print_title_rows == "$%d:$%d" % (header + 1, header + 1), "print titles %r" % ws.print_title_rows)
    check(ws.page_setup.orientation == "landscape", "not landscape")
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
          and ws.page_setup.fitToHeight in (0, "0"),
          "not fitted to one page wide")
    for r in items:
        for c in r[:5]:
            check(c.protection.locked, "item cell %s unlocked" % c.coordinate)
        for c in r[5:7]:
            check(not c.protection.locked, "answer/remarks cell %s locked" % c.coordinate)
            check(c.alignment.wrap_text, "cell %s does not wrap" % c.coordinate)
    check(ws.column_dimensions["D"].width >= 30 and ws.column_dimensions["F"].width >= 30,
          "definition/answer columns too narrow")
    dvs = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            dvs[rng] = dv
    npresence = 0
    for r in items:
        no, unit, definition = r[0].value, r[4].value, r[3].value
        ref = r[5].coordinate
        dv = dvs.get(ref)
        check(dv is not None, "item %d: no validation on %s" % (no, ref))
        if dv is None:
            continue
        check(dv.showInputMessage and dv.prompt and dv.promptTitle,
              "item %d: no input message" % no)
        check(len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32,
              "item %d: message %d/%d characters" % (no, len(dv.prompt), len(dv.promptTitle)))
        if lang == "ja":
            check(("測定単位: " + unit) in dv.prompt, "item %d: the unit is not in %r" % (no, dv.prompt))
            shown = dv.prompt.split("規定内容: ", 1)[-1]
            check(definition.startswith(shown.rstrip("…")), "item %d: the definition is not in %r" % (no, dv.prompt))
            check(dv.promptTitle.startswith("%d. " % no), "item %d: title %r" % (no, dv.promptTitle))
        if kinds[no] == "presence":
            npresence += 1
            check(dv.type == "list" and dv.formula1 == '"有,無,該当なし"',
                  "item %d: validation %s %r" % (no, dv.type, dv.formula1))
            # openpyxl reads an absent showErrorMessage as True; the spec's default is false
            raw = raw_validations.get(str(dv.sqref), "")
            check(raw and 'showErrorMessage="1"' not in raw,
                  "item %d: an error alert would reject or question free text: %s" % (no, raw[:120]))
            check(dv.allow_blank, "item %d: blank not allowed" % no)
        else:
            check(dv.type in (None, "none"), "item %d (%s): validation type %r" % (no, unit, dv.type))
    if n == 49:
        check(npresence >= 20, "only %d 有無 items with a list" % npresence)
    done()


# ---- filling the template with openpyxl -----------------------------------------

HOSTILE = {
    1: ("24時間365日\n（計画停止を除く）\n\n3行目", "備考1\n2行目"),
    2: ("=1+1", "=SUM(A1:A3)"),
    3: ("【有】ｆｕｌｌ－ｗｉｄｔｈ　全角　ＡＢＣ１２３", "全角スペース　で区切り"),
    4: ("<script>alert(1)</script>", "<b>bold</b> &amp; &lt;"),
    5: ('稼働率 "99.9%" 以上', "'single' \"double\""),
    6: ("  前後に空白  ", "\t"),
    7: ("有", ""),
    8: ("該当なし", "𠮷野家 (U+20BB7)"),
    9: ("tab\there", "--"),
}


META_KEYS = ["対象サービス", "会社名", "作成日", "担当者・連絡先", "版・改訂日"]


def value_cell(row):
    """The cell beside a metadata key: the first one the key's merge does not cover."""
    return next(c for c in row[1:] if not isinstance(c, openpyxl.cell.cell.MergedCell))


def cmd_fill(template, out, expect):
    wb = openpyxl.load_workbook(template)
    ws = wb["チェックリスト"]
    want = {"items": {}, "meta": {}}
    meta = {"対象サービス": "テスト・サービス", "会社名": "株式会社＜テスト＞", "作成日": "2024/04/01",
            "担当者・連絡先": "山田 (03-0000-0000)", "版・改訂日": "第2版 2024/05/01"}
    keys = {"対象サービス": "service", "会社名": "vendor", "作成日": "date",
            "担当者・連絡先": "contact", "版・改訂日": "revision"}
    for row in ws.iter_rows():
        k = row[0].value
        if k in meta:
            c = value_cell(row)
            c.value = meta[k]
            c.data_type = "s"
            want["meta"][keys[k]] = meta[k]
        elif isinstance(k, int):
            ans, rem = HOSTILE.get(k, ("【有】項目%dの回答" % k, "備考%d" % k))
            for cell, v in ((row[5], ans), (row[6], rem)):
                cell.value = v if v else None
                if v:
                    cell.data_type = "s"   # "=1+1" is text, not a formula
            want["items"][str(k)] = [ans, rem]
    wb.save(out)
    json.dump(want, open(expect, "w"), ensure_ascii=False)


# ---- workbooks written from scratch ------------------------------------------------

def cmd_scratch(tsv, out, expect):
    rows = read_tsv(tsv)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "シート1"
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v == "":
                continue
            cell = ws.cell(row=r, column=c)
            cell.value = int(v) if v.isdigit() and c == 1 else v
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(out)


def cmd_formats(tsv, orig, out, expect, epoch=None):
    import datetime
    rows = read_tsv(tsv)
    wb = openpyxl.Workbook()
    if epoch == "1904":
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.cell(row=1, column=1).value = "作成日"
    ws.cell(row=1, column=2).value = datetime.date(2024, 4, 1)
    ws.cell(row=1, column=2).number_format = 'yyyy"年"m"月"d"日"'
    typed = {
        1: (datetime.datetime(2024, 4, 1, 9, 30), "yyyy/mm/dd hh:mm", "2024-04-01 09:30"),
        2: (datetime.date(1900, 1, 1), "m/d/yyyy", "1900-01-01"),
        3: (datetime.date(1900, 3, 1), "yyyy-mm-dd", "1900-03-01"),
        5: (0.999, "0%", "99.9%"),
        6: (0.5, "0.00%", "50%"),
        10: (datetime.time(4, 30, 15), "[h]:mm:ss", "04:30:15"),
        11: (1234.5, "#,##0.00", "1234.5"),
        12: (99.9, "General", "99.9"),
        13: (7, "0\"世代\"", "7"),
    }
    if epoch == "1904":   # no dates before 1904 there
        del typed[2], typed[3]
    want = {"items": {str(i["no"]): [i["answer"] or "", i["remarks"] or ""]
                      for i in json.load(open(orig))["items"]},
            "meta": {"date": "2024-04-01"}}
    r0 = 2
    for r, row in enumerate(rows, start=r0):
        no = int(row[0]) if row and row[0].isdigit() else None
        for c, v in enumerate(row, start=1):
            if v == "":
                continue
            cell = ws.cell(row=r, column=c)
            cell.value = int(v) if c == 1 and no else v
            if isinstance(cell.value, str):
                cell.data_type = "s"
        if no in typed:   # the answer column (F) of the seed's full rows
            value, fmt, ans = typed[no]
            cell = ws.cell(row=r, column=6)
            cell.value = value
            cell.number_format = fmt
            want["items"][str(no)][0] = ans
    wb.save(out)
    json.dump(want, open(expect, "w"), ensure_ascii=False)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xstr(s):
    """text for a <t>: line breaks as Excel writes them, CR as _x000D_"""
    return esc(s).replace("\r", "_x000D_")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook_zip(out, sheets, sst=None, extra=None, sst_raw=None):
    """sheets: [(name, sheet xml)]; sst: [si xml] or None"""
    z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    wbx = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>' % (MAIN, RNS)
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, (name, xml) in enumerate(sheets, start=1):
        wbx += '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (esc(name), i, i)
        # one target relative, the others absolute, as some producers write them
        target = "worksheets/sheet%d.xml" % i if i == 1 else "/xl/worksheets/sheet%d.xml" % i
        rels += '<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>' % (i, RNS, target)
        z.writestr("xl/worksheets/sheet%d.xml" % i, xml)
    if sst is not None or sst_raw is not None:
        rels += '<Relationship Id="rIdS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % RNS
        if sst_raw is None:
            sst_raw = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d">%s</sst>' % (
                MAIN, len(sst), "".join(sst))
        z.writestr("xl/sharedStrings.xml", sst_raw)
    wbx += "</sheets></workbook>"
    rels += "</Relationships>"
    z.writestr("xl/workbook.xml", wbx)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    for name, data in (extra or {}).items():
        z.writestr(name, data)
    z.close()


def cmd_handmade(tsv, out):
    rows = read_tsv(tsv)
    sst = []
    index = {}

    def shared(si):
        if si not in index:
            index[si] = len(sst)
            sst.append(si)
        return index[si]

    body = []
    k = 0
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            if v == "":
                continue
            k += 1
            ref = ' r="%s%d"' % (col_name(c), r) if k % 7 else ""   # some cells without r
            if ref == "" and (not cells or cells[-1][0] != c - 1):
                ref = ' r="%s%d"' % (col_name(c), r)
            if c == 0 and v.isdigit():
                x = '<c%s><v>%s</v></c>' % (ref, v)                       # a number
            elif k % 5 == 0:
                x = '<c%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, xstr(v))
            elif k % 5 == 1 and len(v) > 3:
                # rich text: runs with properties, and a phonetic run that is not text
                a, b = v[: len(v) // 2], v[len(v) // 2:]
                si = ('<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">%s</t></r>'
                      '<r><t xml:space="preserve">%s</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh>'
                      '<phoneticPr fontId="1"/></si>') % (xstr(a), xstr(b))
                x = '<c%s t="s"><v>%d</v></c>' % (ref, shared(si))
            elif k % 5 == 2:
                x = '<c%s t="str"><f>A1&amp;""</f><v>%s</v></c>' % (ref, xstr(v))  # a formula's text
            else:
                si = '<si><t xml:space="preserve">%s</t></si>' % xstr(v)
                x = '<c%s t="s" s="1"><v>%d</v></c>' % (ref, shared(si))
            cells.append((c, x))
        if cells:
            # rows numbered as in the seed (blank rows are gaps); spans and styles as Excel writes them
            body.append('<row r="%d" spans="1:%d" ht="15">%s</row>' % (r, len(row), "".join(x for _, x in cells)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:G99"/><sheetData>%s</sheetData>'
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
             % (MAIN, RNS, "".join(body)))
    cover = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>表紙: 回答はシート「回答」に</t></is></c></row>'
             '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3"><v>0.30000000000000004</v></c>'
             '<c r="C3"><v>1.0</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
             '</sheetData></worksheet>' % MAIN)
    workbook_zip(out, [("表紙", cover), ("回答", sheet)], sst)


# ---- comparing ----------------------------------------------------------------------

def cmd_same(path, expect):
    d = json.load(open(path))
    want = json.load(open(expect))
    got = {str(i["no"]): [i["answer"] or "", i["remarks"] or ""] for i in d["items"]}
    for no, (a, r) in want["items"].items():
        g = got.get(no)
        check(g is not None, "item %s missing" % no)
        if g is None:
            continue
        check(g[0] == a, "item %s answer %r, typed %r" % (no, g[0], a))
        check(g[1] == r, "item %s remarks %r, typed %r" % (no, g[1], r))
    check(len(got) == len(want["items"]), "%d items, expected %d" % (len(got), len(want["items"])))
    for k, v in want.get("meta", {}).items():
        check(d["meta"].get(k) == v, "meta %s %r, typed %r" % (k, d["meta"].get(k), v))
    done()


def cmd_seed_same(a, b, ours=None):
    da, db = json.load(open(a)), json.load(open(b))
    key = lambda d: [(i["no"], i["id"], i["answer"], i["remarks"]) for i in d["items"]]
    ka, kb = key(da), key(db)
    check(len(ka) == len(kb), "%d items, expected %d" % (len(ka), len(kb)))
    for x, y in zip(ka, kb):
        check(x == y, "item %s: %r, expected %r" % (y[0], x[2:], y[2:]))
    if ours:
        # our writer states the display name (the file stem if none) as 対象サービス, as TSV does
        check(da["vendor"] == db["vendor"], "vendor %r, expected %r" % (da["vendor"], db["vendor"]))
        da["meta"]["service"] = db["meta"]["service"] = None
    check(da["meta"] == db["meta"], "meta %r, expected %r" % (da["meta"], db["meta"]))
    done()


# ---- hostile workbooks ------------------------------------------------------------------

ONE_SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>' % MAIN)


def cmd_bomb(out, mb):
    head = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s"><si><t>' % MAIN
    tail = "</t></si></sst>"
    z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, RNS))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (RNS, RNS))
    z.writestr("xl/worksheets/sheet1.xml", ONE_SHEET)
    with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
        f.write(head.encode())
        chunk = b"0" * (1 << 20)
        for _ in range(int(mb)):
            f.write(chunk)
        f.write(tail.encode())
    z.close()


def cmd_xxe(out):
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
           '<sst xmlns="%s"><si><t>&e;</t></si></sst>' % MAIN)
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
             '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>0</v></c></row>'
             '</sheetData></worksheet>' % MAIN)
    workbook_zip(out, [("S", sheet)], sst_raw=sst)


def cmd_noworkbook(out):
    z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    z.writestr("hello.txt", "not a workbook")
    z.writestr("_rels/.rels", RELS)
    z.close()


def cmd_badref(out):
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
             '<row r="4"><c r="A4"><v>1</v></c><c r="C4" t="s"><v>7</v></c></row></sheetData></worksheet>' % MAIN)
    workbook_zip(out, [("S", sheet)], ['<si><t>only</t></si>'])


if __name__ == "__main__":
    cmds = {"template": cmd_template, "fill": cmd_fill, "scratch": cmd_scratch,
            "handmade": cmd_handmade, "formats": cmd_formats, "same": cmd_same, "seed-same": cmd_seed_same,
            "bomb": cmd_bomb, "xxe": cmd_xxe, "noworkbook": cmd_noworkbook, "badref": cmd_badref}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        print(__doc__)
        sys.exit(2)
    cmds[sys.argv[1]](*sys.argv[2:])
