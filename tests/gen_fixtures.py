#!/usr/bin/env python3
"""gen_fixtures.py OUTDIR - hard test inputs made from the two real vendor files.

Every fixture is derived from examples/qlingo.tsv or examples/active-gate-ss.tsv
(or, for the "not a checklist" cases, from a few well-known magic bytes and a
seeded random stream). Nothing is hand-made binary; run it twice and you get the
same bytes. Python standard library only.

Besides the fixtures, OUTDIR/manifest.json records for each fixture what it is
and the facts a test may rely on: the physical line where each item's record
starts ("lines"), the items present, missing and duplicated, the answers and
remarks exactly as the vendor wrote them ("answers": an oracle computed here from
the seed, independent of slacheck), and special positions (the bad byte's line
and byte offset). OUTDIR/MANIFEST.txt is the same in a few readable lines.

Besides variants of encoding and layout, there are answer-content fixtures:
quantities.tsv (quantities written the hard ways; tests/t-facts.sh asserts the
facts read from each) and rule-*.tsv / rules-*.tsv (answers changed so that
each consistency rule of the checklist fires, or none does; tests/t-rules.sh).

Seed layout (1-based physical lines):
  qlingo.tsv        63 lines, LF, no final newline, 6 cells a row; header line 8
                    ("No." ... "設定(記入欄)"), repeated at line 36; section rows
                    9, 37, 40, 52; items 1-25 on lines 10-34, 26-27 on 38-39,
                    28-38 on 41-51, 39-49 on 53-63. Rows of items 18, 38, 49 leave
                    種別 out (cells shift left, a trailing empty cell). Item 18
                    (line 27) answer "ログの取得は行っていますが、ログ提供は行って
                    いません。" has no 有/無 -> the one presence-not-stated warning.
                    Item 35's name is "データ漏えい・破壊時の補償/保¥險" (stray ¥).
  active-gate-ss.tsv 61 lines, LF; "対象サービス: Active! gate SS" on line 5; header
                    line 7 (7 cells: No ... 対応/可否, 備考); items 1-34 have 7 cells
                    (answer cell 6, remarks cell 7; item 2's remarks is
                    https://notice.qualitia.com/); items 35-49 (lines 46-49, 51-61)
                    have 5 cells: no 種別, no 備考.

Encoding notes (checked on every run, see check_encodable):
  - cp932 cannot encode U+00A5 YEN SIGN (Qlingo item 35's name "保¥險"). Excel on
    Japanese Windows saves it as byte 0x5C (best fit), which reads back as "\\";
    cp932 fixtures do the same. It is in a name only, never in an answer.
  - EUC-JP (JIS X 0208) cannot encode U+FF5E FULLWIDTH TILDE (Qlingo item 27's
    answer "月～金曜日"). The JIS row-1 wave dash 0xA1C1 is written instead
    (Python's euc_jp via U+301C); ICU's EUC-JP table reads 0xA1C1 back as U+FF5E,
    so the answer survives exactly. U+00A5 becomes 0x5C as in cp932.
"""
import codecs
import csv
import gzip
import io
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

YEN = "\u00a5"
KANGXI_STOP = "\u2f4c"   # ⽌ KANGXI RADICAL STOP, looks like 止


# ---------------------------------------------------------------- seeds ----

def read_seed(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8", newline="") as f:
        text = f.read()
    # one row per physical line; a blank line is an empty row
    return [line.split("\t") if line != "" else [] for line in text.split("\n")]


def item_no(cells):
    if cells and cells[0].strip().isdigit():
        return int(cells[0])
    return None


def answer_index(seed, cells):
    """Index of the answer cell (and of remarks, or None) in a seed item row."""
    if seed == "qlingo":
        # rows of items 18, 38, 49 have 種別 left out: the answer shifts left
        if len(cells) == 6 and cells[5] != "":
            return 5, None
        return 4, None
    if len(cells) == 7:
        return 5, 6
    return 4, None


class Seed:
    def __init__(self, key, filename):
        self.key = key
        self.filename = filename
        self.rows = read_seed(filename)
        self.answers = {}
        for cells in self.rows:
            no = item_no(cells)
            if no is None:
                continue
            ai, ri = answer_index(key, cells)
            self.answers[no] = {"answer": cells[ai],
                                "remarks": cells[ri] if ri is not None else ""}

    def copy_rows(self):
        return [list(r) for r in self.rows]


# --------------------------------------------------------------- output ----

class Built:
    """Rows serialized to text, remembering where each record starts."""

    def __init__(self, text, lines, order):
        self.text = text
        self.lines = lines       # item number -> [physical lines]
        self.order = order       # item numbers in file order


def serialize(rows, fmt="tsv", eol="\n", delimiter=",", final_eol=True):
    out = []
    lines = {}
    order = []
    line = 1
    for i, cells in enumerate(rows):
        if fmt == "tsv":
            rec = "\t".join(cells)
        else:
            # the writer's line terminator must hold CR and LF, or cells with
            # line breaks are not quoted; it is cut off again here
            buf = io.StringIO()
            w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n",
                           quoting=csv.QUOTE_MINIMAL)
            if cells:
                w.writerow(cells)
            rec = buf.getvalue()[:-2] if cells else ""
        no = item_no(cells)
        if no is not None:
            lines.setdefault(no, []).append(line)
            order.append(no)
        last = i == len(rows) - 1
        rec += "" if (last and not final_eol) else eol
        line += rec.count("\n")
        out.append(rec)
    return Built("".join(out), lines, order)


def check_encodable(text, encoding, allowed):
    """Characters of text that encoding cannot encode; all must be in allowed."""
    bad = set()
    for ch in set(text):
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            bad.add(ch)
    unexpected = bad - set(allowed)
    if unexpected:
        sys.exit("gen_fixtures: %s cannot encode %s (not handled)" %
                 (encoding, ", ".join("U+%04X" % ord(c) for c in sorted(unexpected))))
    return sorted(bad)


def to_cp932(text):
    check_encodable(text, "cp932", {YEN})
    return text.replace(YEN, "\\").encode("cp932")


def to_eucjp(text):
    check_encodable(text, "euc_jp", {"\uff5e", YEN})
    return text.replace("\uff5e", "\u301c").replace(YEN, "\\").encode("euc_jp")


def line_of(data, offset):
    """1-based line of a byte offset in 8-bit encoded data."""
    return data[:offset].count(b"\n") + 1


# ------------------------------------------------------------- fixtures ----

def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_fixtures.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    q = Seed("qlingo", "qlingo.tsv")
    ag = Seed("active-gate", "active-gate-ss.tsv")
    assert len(q.answers) == 49 and len(ag.answers) == 49
    assert q.answers[18]["answer"] == "ログの取得は行っていますが、ログ提供は行っていません。"
    assert ag.answers[2]["remarks"] == "https://notice.qualitia.com/"
    manifest = {}

    def emit(name, data, seed, desc, built=None, answers=None, **facts):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        entry = {"file": name, "seed": seed.filename if seed else None,
                 "description": desc, "bytes": len(data)}
        if built is not None:
            present = sorted(set(built.order))
            entry["lines"] = {str(k): v for k, v in sorted(built.lines.items())}
            entry["items"] = present
            entry["missing"] = [n for n in range(1, 50) if n not in built.lines]
            entry["duplicates"] = sorted(n for n, v in built.lines.items() if len(v) > 1)
        if answers is not None:
            entry["answers"] = {str(k): v for k, v in sorted(answers.items())}
        entry.update(facts)
        manifest[name] = entry

    def answers_of(seed, keep=None, changes=None):
        """The seed's answers (of the items in keep), with changes applied."""
        a = {k: dict(v) for k, v in seed.answers.items() if keep is None or k in keep}
        for k, v in (changes or {}).items():
            a[k].update(v)
        return a

    def set_answer(rows, seed, no, new, remarks=None, changes=None):
        """Sets item no's answer in rows; records it in changes."""
        changes = changes if changes is not None else {}
        for cells in rows:
            if item_no(cells) == no:
                ai, ri = answer_index(seed.key, cells)
                cells[ai] = new
                changes[no] = {"answer": new}
                if remarks is not None:
                    cells[ri] = remarks
                    changes[no]["remarks"] = remarks
                return
        raise KeyError(no)

    # -- cp932-crlf.csv: what Excel on Japanese Windows writes as "CSV" -----
    b = serialize(q.copy_rows(), fmt="csv", eol="\r\n")
    not_cp932 = check_encodable(b.text, "cp932", {YEN})
    emit("cp932-crlf.csv", to_cp932(b.text), q,
         "Qlingo as CSV (csv module quoting), cp932, CRLF. " +
         "U+00A5 in item 35's name written as 0x5C (Excel best fit).",
         b, answers_of(q), encoding="windows-31j", bom=False, delimiter="comma",
         not_encodable=["U+%04X" % ord(c) for c in not_cp932])

    # -- bom-quoted-newline.csv: UTF-8 BOM CSV, line breaks inside cells -----
    rows = ag.copy_rows()
    changes = {}

    # the seed's answers are cells whose lines were joined by spaces: restore
    # the line breaks (Alt+Enter in Excel) in a few of them
    for no in (2, 14, 35, 39):
        set_answer(rows, ag, no, ag.answers[no]["answer"].replace(" ", "\n"), changes=changes)
    # and one answer with "quotes" and a comma
    set_answer(rows, ag, 42, '【有】 "TLS1.2" に対応しています, TLS1.0/1.1 は無効です。', changes=changes)
    b = serialize(rows, fmt="csv", eol="\r\n")
    assert '"【有】 ""TLS1.2"" に対応しています, TLS1.0/1.1 は無効です。"' in b.text
    emit("bom-quoted-newline.csv", codecs.BOM_UTF8 + b.text.encode("utf-8"), ag,
         "Active! gate as CSV, UTF-8 with BOM, CRLF records; answers of items 2, 14, "
         "35, 39 hold LF line breaks inside quoted fields; item 42's answer has "
         "\"quotes\" and a comma.",
         b, answers_of(ag, changes=changes), changed=sorted(changes),
         encoding="UTF-8", bom=True, delimiter="comma")

    # -- utf16le.tsv: Excel "Unicode text" ---------------------------------
    b = serialize(ag.copy_rows(), eol="\r\n")
    emit("utf16le.tsv", codecs.BOM_UTF16_LE + b.text.encode("utf-16-le"), ag,
         "Active! gate, UTF-16LE with BOM, CRLF (Excel 'Unicode text').",
         b, answers_of(ag), encoding="UTF-16LE", bom=True, delimiter="tab")

    # -- shuffled-missing.tsv ----------------------------------------------
    rows = q.copy_rows()
    head, rest = rows[:8], rows[8:]       # preamble and header stay on top
    rest = [r for r in rest if item_no(r) not in (12, 40)]
    random.Random(20240401).shuffle(rest)
    b = serialize(head + rest)
    emit("shuffled-missing.tsv", b.text.encode("utf-8"), q,
         "Qlingo, rows after the header shuffled (random seed 20240401), "
         "items 12 and 40 removed.",
         b, answers_of(q, keep=set(range(1, 50)) - {12, 40}), encoding="UTF-8")

    # -- duplicate.tsv / duplicate-same.tsv ------------------------------------
    rows = q.copy_rows()
    i8 = next(i for i, r in enumerate(rows) if item_no(r) == 8)
    dup = list(next(r for r in rows if item_no(r) == 7))
    dup[5] = "【有】代替手段として電子メールでの受付を行います。"
    rows.insert(i8 + 1, dup)
    b = serialize(rows)
    emit("duplicate.tsv", b.text.encode("utf-8"), q,
         "Qlingo with item 7 given again after item 8, with a different answer "
         "(\"%s\")." % dup[5],
         b, answers_of(q), second_answer=dup[5], encoding="UTF-8")

    rows = q.copy_rows()
    i9 = next(i for i, r in enumerate(rows) if item_no(r) == 9)
    rows.insert(i9 + 1, list(rows[i9]))
    b = serialize(rows)
    emit("duplicate-same.tsv", b.text.encode("utf-8"), q,
         "Qlingo with item 9's row given twice, identical.",
         b, answers_of(q), encoding="UTF-8")

    # -- fullwidth-numbers.tsv ---------------------------------------------
    rows = ag.copy_rows()
    fw = str.maketrans("0123456789", "０１２３４５６７８９")
    for cells in rows:
        if item_no(cells) is not None:
            cells[0] = cells[0].translate(fw)
    b = serialize(rows)
    lines = {}
    for i, cells in enumerate(rows):   # item_no() does not read １２
        if cells and cells[0] and cells[0][0] in "０１２３４５６７８９":
            lines[int(cells[0])] = [i + 1]
    b.lines, b.order = lines, sorted(lines)
    emit("fullwidth-numbers.tsv", b.text.encode("utf-8"), ag,
         "Active! gate with every item number in full-width digits (１２).",
         b, answers_of(ag), encoding="UTF-8")

    # -- no-number-column.tsv ----------------------------------------------
    rows = ag.copy_rows()
    renamed = {}
    lines = {}
    for i, cells in enumerate(rows):
        if not cells:
            continue
        no = item_no(cells)
        if cells[0] == "No":
            rows[i] = cells[1:]
            continue
        if no is None:   # section row: its label stays, one empty cell goes
            rows[i] = cells[:-1] if len(cells) > 1 else cells
            continue
        name_at = 2 if len(cells) == 7 else 1
        name = cells[name_at]
        new = name.replace("漏洩", "漏えい").replace("ウィルス", "ウイルス") \
                  .replace("止", KANGXI_STOP)
        if no == 44:
            new = new.replace("下での", "下での" + YEN)   # a stray ¥
        if new != name:
            renamed[no] = [name, new]
            cells[name_at] = new
        rows[i] = cells[1:]
        lines[no] = [i + 1]
    assert set(renamed) == {2, 4, 35, 44, 47}, renamed
    b = serialize(rows)
    b.lines, b.order = lines, sorted(lines)
    emit("no-number-column.tsv", b.text.encode("utf-8"), ag,
         "Active! gate with the No column removed (items known by name only); "
         "names changed: 漏洩->漏えい (35), ウィルス->ウイルス (47), 止->U+2F4C "
         "KANGXI RADICAL STOP (2, 4), a stray ¥ in item 44's name.",
         b, answers_of(ag), renamed={str(k): v for k, v in sorted(renamed.items())},
         encoding="UTF-8")

    # -- partial-1-8.tsv ----------------------------------------------------
    rows = [r for r in q.rows[:9]] + [r for r in q.rows if item_no(r) in range(1, 9)]
    b = serialize(rows)
    emit("partial-1-8.tsv", b.text.encode("utf-8"), q,
         "Qlingo preamble, header, first section row and items 1-8 only.",
         b, answers_of(q, keep=set(range(1, 9))), encoding="UTF-8")

    # -- not checklists at all ------------------------------------------------
    emit("empty.tsv", b"", None, "0 bytes.")
    b = serialize([q.rows[7]])
    emit("header-only.tsv", b.text.encode("utf-8"), q,
         "Qlingo's header row (line 8) alone, with a newline.", b, {})
    rnd = random.Random(7)
    png = (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" +
           bytes(rnd.getrandbits(8) for _ in range(500)))
    emit("binary.bin", png, None,
         "PNG signature + IHDR chunk start + 500 seeded random bytes; first NUL at "
         "byte offset 8, on line 3 (the signature holds LF bytes at offsets 5 and 7).",
         first_nul_offset=png.index(b"\x00"), first_nul_line=line_of(png, png.index(b"\x00")))
    gz = gzip.compress(open(os.path.join(EXAMPLES, "qlingo.tsv"), "rb").read(), mtime=0)
    emit("binary-gzip.tsv.gz", gz, q,
         "qlingo.tsv gzip-compressed (mtime 0): a checklist, but not text.",
         first_nul_offset=gz.index(b"\x00"), first_nul_line=line_of(gz, gz.index(b"\x00")))

    # -- invalid-byte.tsv: UTF-8 with one 0xFF inside item 5's answer ----------
    b = serialize(q.copy_rows(), final_eol=False)
    data = b.text.encode("utf-8")
    marker = "稼働率99.9%".encode("utf-8")
    at = data.index(marker) + len("稼働率".encode("utf-8"))
    data = data[:at] + b"\xff" + data[at:]
    emit("invalid-byte.tsv", data, q,
         "qlingo.tsv byte for byte, plus one 0xFF inside item 5's answer "
         "(between 稼働率 and 99.9%).",
         b, answers_of(q), bad_item=5, bad_line=line_of(data, at), bad_offset=at,
         encoding="UTF-8")

    # -- sjis-invalid.tsv: cp932 with a lead byte followed by a digit -----------
    b = serialize(q.copy_rows())
    data = to_cp932(b.text)
    marker = "稼働率99.9%".encode("cp932")
    at = data.index(marker) + len("稼働率".encode("cp932"))
    data = data[:at] + b"\x88" + data[at:]   # 0x88 must be followed by 0x40-0xFC
    try:
        data.decode("cp932")
        sys.exit("gen_fixtures: sjis-invalid.tsv decodes as cp932")
    except UnicodeDecodeError as e:
        assert e.start == at, (e.start, at)
    emit("sjis-invalid.tsv", data, q,
         "Qlingo TSV in cp932 (LF) with a lone lead byte 0x88 before '99.9%' in "
         "item 5's answer (0x88 0x39 is no cp932 character).",
         b, None, bad_item=5, bad_line=line_of(data, at), bad_offset=at,
         encoding="windows-31j")

    # -- eucjp.tsv ---------------------------------------------------------------
    b = serialize(q.copy_rows())
    emit("eucjp.tsv", to_eucjp(b.text), q,
         "Qlingo TSV in EUC-JP (LF). U+FF5E written as 0xA1C1, U+00A5 as 0x5C.",
         b, answers_of(q), encoding="EUC-JP")

    # -- semicolon.csv -----------------------------------------------------------
    b = serialize(q.copy_rows(), fmt="csv", delimiter=";")
    emit("semicolon.csv", b.text.encode("utf-8"), q,
         "Qlingo as semicolon-delimited CSV, UTF-8, LF.",
         b, answers_of(q), encoding="UTF-8", delimiter="semicolon")

    # -- extra-example-column.tsv: METI's 設定例 column before the answer --------
    rows = q.copy_rows()
    examples = {}
    for i, cells in enumerate(rows):
        if not cells:
            continue
        if cells[0] == "No.":
            rows[i] = cells[:5] + ["設定例"] + cells[5:]
            continue
        no = item_no(cells)
        if no is None:
            rows[i] = cells + [""] if len(cells) > 1 else cells
            continue
        ai, _ = answer_index("qlingo", cells)
        # answer-like examples, the way METI's sheet fills them; every 4th blank
        ex = "" if no % 4 == 0 else "【有】（記入例）%sを記入" % cells[ai - 1]
        examples[no] = ex
        rows[i] = cells[:ai] + [ex] + cells[ai:]
    b = serialize(rows)
    emit("extra-example-column.tsv", b.text.encode("utf-8"), q,
         "Qlingo with a 設定例 (example) column between 測定単位 and 設定(記入欄); "
         "example text starts with 【有】（記入例）, blank for items 4, 8, ..., 48.",
         b, answers_of(q), example_marker="（記入例）", encoding="UTF-8")

    # -- english-header.tsv / company-answer-header.tsv ---------------------------
    rows = ag.copy_rows()
    assert rows[6][0] == "No"
    rows[6] = ["No", "Type", "Item", "Regulations", "Unit", "Contents", "Remarks"]
    b = serialize(rows)
    emit("english-header.tsv", b.text.encode("utf-8"), ag,
         "Active! gate with the header row (line 7) in English.",
         b, answers_of(ag), encoding="UTF-8")

    rows = ag.copy_rows()
    rows[6][5] = "株式会社サンプルの回答"
    b = serialize(rows)
    emit("company-answer-header.tsv", b.text.encode("utf-8"), ag,
         "Active! gate with the answer column headed 株式会社サンプルの回答.",
         b, answers_of(ag), encoding="UTF-8")

    # -- unknown-item.tsv -------------------------------------------------------
    rows = q.copy_rows()
    extra = ["50", "", "専任担当者", "専任の担当者が付くか", "有無", "【有】専任の担当者が対応します。"]
    rows.append(extra)
    b = serialize(rows)
    emit("unknown-item.tsv", b.text.encode("utf-8"), q,
         "Qlingo plus an item 50 (専任担当者) after item 49.",
         b, answers_of(q), unknown_line=b.lines[50][0], encoding="UTF-8")

    # -- name-mismatch.tsv --------------------------------------------------------
    rows = q.copy_rows()
    r12 = next(r for r in rows if item_no(r) == 12)
    r13 = next(r for r in rows if item_no(r) == 13)
    r12[2] = r13[2]
    b = serialize(rows)
    emit("name-mismatch.tsv", b.text.encode("utf-8"), q,
         "Qlingo where item 12's row carries item 13's name (%s)." % r13[2],
         b, answers_of(q), encoding="UTF-8")

    # -- empty-answer.tsv -----------------------------------------------------------
    rows = q.copy_rows()
    changes = {}
    set_answer(rows, q, 5, "", changes=changes)
    b = serialize(rows)
    emit("empty-answer.tsv", b.text.encode("utf-8"), q,
         "Qlingo with item 5's answer cell blank.",
         b, answers_of(q, changes=changes), encoding="UTF-8")

    # -- repeated-header.tsv ----------------------------------------------------------
    rows = ag.copy_rows()
    header = list(rows[6])
    i11 = next(i for i, r in enumerate(rows) if item_no(r) == 11)
    rows[i11:i11] = [[], []]
    i41 = next(i for i, r in enumerate(rows) if item_no(r) == 41)
    rows[i41:i41] = [[], [], header, []]
    b = serialize(rows)
    emit("repeated-header.tsv", b.text.encode("utf-8"), ag,
         "Active! gate with two blank lines before item 11, and two blank lines, "
         "the header row again and a blank line before item 41.",
         b, answers_of(ag), repeated_header_line=b.lines[41][0] - 2, encoding="UTF-8")

    # -- preamble-metadata.tsv -----------------------------------------------------------
    rows = q.copy_rows()
    rows[0:0] = [["会社名: 株式会社テスト"], ["作成日：2024年4月1日"]]
    b = serialize(rows)
    emit("preamble-metadata.tsv", b.text.encode("utf-8"), q,
         "Qlingo with '会社名: 株式会社テスト' and '作成日：2024年4月1日' (full-width "
         "colon) on lines 1-2.",
         b, answers_of(q), vendor="株式会社テスト", date="2024年4月1日", encoding="UTF-8")

    # -- presence-variants.tsv: the ways vendors write 有/無 -------------------------
    rows = q.copy_rows()
    changes = {}
    variants = {
        2: "【 有 】実施3日前までにページ上部の告知欄にて通知致します。",   # spaces in brackets
        3: "有り。終了1ヶ月前までに公式サイトにて事前に通知致します。",
        4: "なし（預託等の措置は行っておりません）",
        6: "○：過去1週間のデータを復元できます。",
        7: "×",
        8: "該当なし",
        9: "あり　軽微な機能追加・改善は随時実施します。",
        13: "［有］システム稼働状況を24時間365日で監視しています。",
        14: "有りません。",                 # "there is none": states neither 有 nor 無
        22: "無償でカスタマイズを承ります。",  # 無償 (free of charge) is not 無; 承ります says yes
        23: "\u00a0",                      # a no-break space only: empty
        24: "Yes",
    }
    for no, text in variants.items():
        set_answer(rows, q, no, text, changes=changes)
    b = serialize(rows)
    emit("presence-variants.tsv", b.text.encode("utf-8"), q,
         "Qlingo with presence (有無) answers written in many ways: 【 有 】, 有り, なし, "
         "○, ×, 該当なし, あり, ［有］, Yes (all state it); 無償でカスタマイズを承ります (22) "
         "says yes in words, not by 無; 有りません (14) states nothing; item 23 is a lone U+00A0 (empty).",
         b, answers_of(q, changes=changes), not_stated=[14, 18, 22], empty=[23],
         encoding="UTF-8")

    # -- category-unit-mismatch.tsv ---------------------------------------------------
    rows = q.copy_rows()
    next(r for r in rows if item_no(r) == 10)[1] = "性能"     # belongs to 信頼性
    next(r for r in rows if item_no(r) == 32)[4] = "時間"     # unit is 世代数
    next(r for r in rows if item_no(r) == 20)[4] = "時間(分)"  # a known variant of 時間(秒)
    b = serialize(rows)
    emit("category-unit-mismatch.tsv", b.text.encode("utf-8"), q,
         "Qlingo with item 10's 種別 changed to 性能 and item 32's unit to 時間 "
         "(both wrong); item 20's unit 時間(分) is an accepted variant.",
         b, answers_of(q), encoding="UTF-8")

    # -- quotes that are the vendor's text, not CSV quoting ------------------------
    # A plain TSV (like both seeds) is not quoted: a cell may begin with a quote
    # that a CSV parser would take for an opening one.
    rows = q.copy_rows()
    changes = {}
    set_answer(rows, q, 5, '"稼働率" 99.9%以上を目標と定義しています。', changes=changes)
    set_answer(rows, q, 9, q.answers[9]["answer"].replace("軽微な機能追加", '軽微な"機能追加"'), changes=changes)
    assert '"機能追加"' in changes[9]["answer"]
    b = serialize(rows)
    emit("tsv-bare-quotes.tsv", b.text.encode("utf-8"), q,
         "Qlingo TSV (unquoted, like the seed) where item 5's answer begins with a "
         "quoted word followed by more text and item 9's has quotes mid-cell.",
         b, answers_of(q, changes=changes), encoding="UTF-8")

    rows = q.copy_rows()
    changes = {}
    set_answer(rows, q, 27, '"' + q.answers[27]["answer"], changes=changes)
    b = serialize(rows)
    emit("tsv-open-quote.tsv", b.text.encode("utf-8"), q,
         "Qlingo TSV where item 27's answer begins with a quote that is never closed.",
         b, answers_of(q, changes=changes), encoding="UTF-8")

    # A CSV with the same slip cannot be split reliably: must be an error.
    rows = q.copy_rows()
    set_answer(rows, q, 9, q.answers[9]["answer"].replace("、", ", ", 1), changes={})  # quoted later
    b = serialize(rows, fmt="csv")
    plain = ",稼働率99.9%以上を目標と定義しています。"
    assert plain in b.text
    text = b.text.replace(plain, ',"稼働率" 99.9%以上を目標と定義しています。')
    data = text.encode("utf-8")
    at = data.index('"稼働率" '.encode("utf-8")) + len('"稼働率"'.encode("utf-8"))
    emit("csv-broken-quote.csv", data, q,
         "Qlingo CSV (UTF-8, LF) where item 5's field is '\"稼働率\" 99.9%...': text "
         "after a closing quote. Item 9's field (with a comma) is properly quoted "
         "further down, so a lenient parser would silently merge rows 14-18.",
         bad_item=5, bad_line=line_of(data, at), bad_offset=at, encoding="UTF-8")

    # -- quantities.tsv: the hard ways vendors write quantities ------------------
    # Qlingo with answers rewritten; the facts expected from each are asserted
    # by tests/t-facts.sh (the manifest keeps the answers as written).
    phrasings = {
        1: "24時間365日",
        2: "【有】２週間前までに告知欄にて通知致します。",          # full-width digit
        3: "【有】三日前までに公式サイトにて通知致します。",        # kanji numeral
        5: "稼働率99.95%以上を保証します。",
        6: "【有】十四日分のデータを遠隔地に保管しています。",      # 十四 = 14
        8: "該当なし",
        10: "障害発生から6時間以内に復旧します。",
        11: "最大3日で復旧します。",                                # bound before the number
        12: "過去一〇年間の障害は〇件です。",                        # positional 一〇, 〇
        15: "40分以内に通知します。",
        16: "5分間隔で監視しております。",
        19: "非公開",
        20: "利用規約に記載しております。",
        21: "2時間未満で完了します。",
        26: "２４時間３６５日受け付けます。",                        # full-width time band
        27: "平日9:00～18:00（土日祝日、年末年始を除く）",
        30: "1週間",
        31: "【有】解約後三十日以内に削除します。",
        32: "７世代",
        36: "【有】2024年4月1日以降の解約分は、解約後90日以内に削除します。",  # a date is no duration
        46: "ログは7日間保管しています。",                          # = 1週間 (item 30)
    }
    rows = q.copy_rows()
    changes = {}
    for no, text in phrasings.items():
        set_answer(rows, q, no, text, changes=changes)
    b = serialize(rows)
    emit("quantities.tsv", b.text.encode("utf-8"), q,
         "Qlingo with quantities written the hard ways: full-width digits (２週間前, "
         "７世代, ２４時間３６５日), kanji numerals (三日前まで, 十四日, 三十日, 一〇年間, 〇件), "
         "1週間 (30) and 7日間 (46), 6時間以内, 40分以内, 5分間隔, 最大3日, 2時間未満, "
         "99.95%以上, 24時間365日, 平日9:00～18:00, 該当なし (8), 非公開 (19), "
         "利用規約に記載 (20), a date 2024年4月1日 before 90日以内 (36).",
         b, answers_of(q, changes=changes), changed=sorted(changes), encoding="UTF-8")

    # -- rule-*.tsv: each consistency rule of the checklist, triggered ------------
    # (seed, {item: new answer}, items removed, description); tests/t-rules.sh
    # asserts which rules fire, their severity and line.
    rule_fixtures = {
        "rule-dr-alternative.tsv": (ag, {7: "【無】代替手段はありません。"}, (),
            "Active! gate (6 is 【無】) with item 7 answered 【無】: dr-absent-no-alternative."),
        "rule-alternative-format.tsv": (q, {8: "【有】CSV形式で提供します。"}, (),
            "Qlingo (7 is 【無】) with item 8 answered 【有】CSV形式: alternative-absent-but-format."),
        "rule-backup-absent.tsv": (ag, {28: "【無】バックアップは取得していません。"}, (),
            "Active! gate with item 28 answered 【無】 while 29 前日分, 30 7日間, 32 7世代: "
            "backup-absent-but-detailed and backup-absent-but-generations."),
        "rule-backup-detailed-only.tsv": (q, {28: "【無】バックアップは取得していません。",
                                              32: "非公開"}, (),
            "Qlingo with 28 【無】 and 32 非公開 (no count): backup-absent-but-detailed only."),
        "rule-backup-generations-only.tsv": (q, {28: "【無】バックアップは取得していません。",
                                                 29: "非公開", 30: "非公開"}, (),
            "Qlingo with 28 【無】, 29 and 30 非公開 (no duration): "
            "backup-absent-but-generations only."),
        "rule-retention.tsv": (ag, {30: "3日間"}, (),
            "Active! gate with retention (30) 3日間 < 7世代 × 前日分: "
            "retention-shorter-than-generations."),
        "rule-encryption-tls.tsv": (ag, {33: "【無】"}, (),
            "Active! gate with item 33 answered 【無】 while 42 names TLS1.2: "
            "encryption-absent-but-tls."),
        "rule-certification.tsv": (q, {39: "【無】ISO/IEC 27001 は取得予定です。"}, (),
            "Qlingo with item 39 【無】 naming ISO/IEC 27001: certification-absent-but-named."),
        "rules-all.tsv": (q, {6: "【無】", 8: "【有】CSV形式",
                              28: "【無】バックアップは取得していません。", 30: "3日間",
                              33: "【無】", 39: "【無】ISO/IEC 27001 は取得予定です。"}, (),
            "Qlingo changed as in docs/rules.md (6, 8, 28, 30, 33, 39): all seven rules."),
        "rules-none-na.tsv": (q, {6: "該当なし", 28: "該当なし", 33: "該当なし"}, (),
            "Qlingo with 6, 28 and 33 該当なし (not 無): no rule fires."),
        "rules-none-missing.tsv": (q, {28: "【無】バックアップは取得していません。"}, (29, 30, 32),
            "Qlingo with 28 【無】 and items 29, 30, 32 removed: a missing item triggers no rule."),
    }
    for name, (seed, answers, drop, desc) in rule_fixtures.items():
        rows = [r for r in seed.copy_rows() if item_no(r) not in drop]
        changes = {}
        for no, text in answers.items():
            set_answer(rows, seed, no, text, changes=changes)
        b = serialize(rows)
        emit(name, b.text.encode("utf-8"), seed, desc, b,
             answers_of(seed, keep=set(range(1, 50)) - set(drop), changes=changes),
             changed=sorted(changes), encoding="UTF-8")

    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
    with open(os.path.join(outdir, "MANIFEST.txt"), "w", encoding="utf-8") as f:
        for name, e in manifest.items():
            f.write("%s (%d bytes): %s\n" % (name, e["bytes"], e["description"]))
            for k in ("missing", "duplicates"):
                if e.get(k):
                    f.write("    %s: %s\n" % (k, e[k]))
            for k in ("bad_line", "bad_offset", "first_nul_line", "first_nul_offset"):
                if k in e:
                    f.write("    %s: %s\n" % (k, e[k]))


if __name__ == "__main__":
    main()
