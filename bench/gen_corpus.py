#!/usr/bin/env python3
"""gen_corpus.py OUTDIR N [--seed S] [--big-rows R] - the benchmark corpus.

Makes N vendor checklists from the real answers in examples/*.tsv, varied the
way real files vary (DESIGN.md "Real input is messy"): other vendors and
services, answers with other numbers and added sentences, rows dropped,
duplicated or swapped, header words and metadata varied, a share with no No
column or only the first items, spelling variants of item names; written as
TSV or CSV (comma, some semicolon), LF or CRLF, in UTF-8 (some with a BOM),
CP932 or UTF-16LE with a BOM. Also one single file of R item rows (the 49
rows repeated with varied answers, numbers cycling 1..49).

Reproducible: file i depends only on (seed, i) and the examples, so the first
1,000 files are the same whatever N is, and the same on every machine.

Writes, under OUTDIR:
  files/NNNNN-<service>.{tsv,csv}  the N checklists
  list.txt                         their paths relative to OUTDIR, one a line
  manifest.tsv                     what was done to each file (for debugging)
  big-<R>.tsv                      the single large file
  STAMP                            written last: N, seed, rows, generator and
                                   examples digests (run.sh regenerates when
                                   it differs)
Standard library only.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import sys

GEN_VERSION = "1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

# ---- templates from the real files ------------------------------------------

UNIT_PREFIXES = ("有無", "時間", "稼働率", "回", "処理能力", "世代数", "設定状況", "頻度",
                 "把握状況")


def is_unit(cell):
    return len(cell) <= 20 and cell.startswith(UNIT_PREFIXES)


class Row:
    """One line of a template: kind is blank, text, meta, header, section, item."""

    def __init__(self, kind, cells):
        self.kind = kind
        self.cells = list(cells)
        self.answer = -1     # index of the answer cell (items)
        self.no = 0

    def copy(self):
        r = Row(self.kind, self.cells)
        r.answer, r.no = self.answer, self.no
        return r


def load_template(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows, seen_header = [], False
    for line in lines:
        cells = line.split("\t") if line else []
        first = cells[0].strip() if cells else ""
        if not any(c.strip() for c in cells):
            rows.append(Row("blank", []))
        elif first.isdigit():
            r = Row("item", cells)
            r.no = int(first)
            for k in range(3, len(cells)):
                if is_unit(cells[k]):
                    r.answer = k + 1
                    break
            if r.answer < 0 or r.answer >= len(cells):
                r.answer = max(k for k, c in enumerate(cells) if c.strip())
            rows.append(r)
        elif first.startswith("No") and len(cells) > 3:
            rows.append(Row("header", cells))
            seen_header = True
        elif ":" in first and len([c for c in cells if c.strip()]) == 1:
            rows.append(Row("meta", cells))
        elif seen_header:
            rows.append(Row("section", cells))
        else:
            rows.append(Row("text", cells))
    return rows


# ---- word pools -------------------------------------------------------------

SERVICE_A = ["Kumo", "Sora", "Nami", "Hoshi", "Mori", "Kaze", "Yuki", "Tsuki", "Hikari",
             "Aozora", "Sakura", "Midori", "Ginga", "Taiyo", "Umi", "Kawa"]
SERVICE_B = ["Mail", "Drive", "Desk", "Gate", "Works", "Share", "Cloud", "Link", "Board",
             "Flow", "Note", "Sign", "Chat", "Base", "Office", "Guard"]
SERVICE_C = ["", "", "", " SS", " Pro", " Enterprise", " Lite", " for Business", "!", " 2"]
COMPANY_A = ["ネクスト", "クラウド", "データ", "テクノ", "システム", "ネット", "ソフト",
             "インフォ", "グローバル", "サイバー", "ジャパン", "アクア"]
COMPANY_B = ["ワークス", "ラボ", "ソリューションズ", "テクノロジー", "サービス", "リンク",
             "デザイン", "コム"]
SENTENCES = [
    "詳細は別紙のサービス仕様書をご参照ください。",
    "年{n}回の見直しを行っております。",
    "{n}時間以内に担当者よりご連絡いたします。",
    "なお、契約内容により異なる場合がございます。",
    "第三者機関による監査を年{n}回受けております。",
    "お客様のご要望に応じて個別に対応いたします。",
    "過去{n}か月の実績は当社サイトにて公開しております。",
    "データは国内{n}か所のデータセンターに保管しています。",
    "保守時間帯は毎月第{n}日曜日の2:00〜6:00です。",
    "SLAの詳細はサービス利用約款第{n}条をご確認ください。",
    "24時間365日の有人監視体制をとっております。",
    "障害発生時は{n}分以内に告知サイトへ掲載いたします。",
]
EXTRA_REMARKS = ["https://example.jp/sla", "約款参照", "オプションにて対応", "2024年改定",
                 "別紙参照", "要相談"]
HEADER_WORDS = {
    "no": ["No.", "No", "項番", "番号", "#", "Ｎｏ．"],
    "category": ["種別", "分類", "Type", "Category"],
    "name": ["サービスレベル項目", "サービスレベル項目例", "項目", "項目名", "Item",
             "Service level item"],
    "definition": ["規定内容", "規程内容", "Regulations", "Definition", "Description"],
    "unit": ["測定単位", "単位", "Unit"],
    "answer": ["対応/可否", "設定(記入欄)", "回答", "{company}の回答", "Contents", "Answer"],
    "remarks": ["備考", "Remarks", "Notes"],
}
ENGLISH_HEADER = {"no": "No", "category": "Type", "name": "Item", "definition": "Regulations",
                  "unit": "Unit", "answer": "Contents", "remarks": "Remarks"}
HEADER_ROLES = ["no", "category", "name", "definition", "unit", "answer", "remarks"]
META_KEYS = [("対象サービス", "service"), ("サービス名", "service"), ("会社名", "company"),
             ("提供事業者", "company"), ("作成日", "date"), ("更新日", "date")]
# spelling variants seen in the wild (DESIGN.md); applied to item names only
NAME_VARIANTS = [("漏えい", "漏洩"), ("ウイルス", "ウィルス"), ("/", "／"), ("止", "\u2f4c"),
                 ("保険", "保¥險")]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# characters Python's cp932 codec lacks, mapped to what Excel writes instead
CP932_FIX = str.maketrans({"¥": "￥", "\u301c": "\uff5e", "\u2212": "\uff0d", "\u00a0": " ",
                           "\u2f4c": "止"})


def pick(rng, share):
    return rng.random() < share


# ---- mutations ----------------------------------------------------------------

def new_number(rng, digits):
    n = len(digits)
    if n == 1:
        return str(rng.randint(1, 9))
    if n <= 4:
        return str(rng.randint(10 ** (n - 1), 10 ** n - 1))
    return digits   # long runs (dates, phone numbers) stay


def mutate_answer(rng, text, ctx):
    notes = []
    if not text.strip():
        return text, notes
    if pick(rng, 0.40):
        text = re.sub(r"[0-9]+", lambda m: new_number(rng, m.group(0)), text)
        notes.append("num")
    if pick(rng, 0.30):
        for _ in range(rng.randint(1, 3)):
            s = rng.choice(SENTENCES).format(n=rng.randint(1, 12))
            text = text + (" " if pick(rng, 0.5) else "") + s
        notes.append("sent")
    if pick(rng, 0.06):
        if "【有】" in text:
            text = text.replace("【有】", rng.choice(["【無】", "有り。", "あり："]), 1)
        elif "【無】" in text:
            text = text.replace("【無】", rng.choice(["【有】", "無し。", "なし："]), 1)
        notes.append("flip")
    if pick(rng, 0.04):
        text = text.translate(FULLWIDTH)
        notes.append("fw")
    if ctx["quote_ok"] and pick(rng, 0.04):
        cut = text.find("。")
        if 0 < cut < len(text) - 1:
            text = text[:cut + 1] + ("\r\n" if ctx["crlf"] else "\n") + text[cut + 1:]
            notes.append("nl")
    if pick(rng, 0.02):
        text = ""
        notes.append("empty")
    return text, notes


def make_names(rng):
    service = rng.choice(SERVICE_A) + " " + rng.choice(SERVICE_B) + rng.choice(SERVICE_C)
    company = rng.choice(COMPANY_A) + rng.choice(COMPANY_B) + "株式会社"
    return service.strip(), company


def header_cells(rng, cells, mode, company):
    """The template header with its words varied (cells keep their positions)."""
    out = []
    for k, c in enumerate(cells):
        role = HEADER_ROLES[k] if k < len(HEADER_ROLES) else None
        if role is None or mode == "keep":
            out.append(c)
        elif mode == "english":
            out.append(ENGLISH_HEADER[role])
        else:
            out.append(rng.choice(HEADER_WORDS[role]).format(company=company))
    return out


def build_checklist(rng, templates):
    """Returns (rows as lists of cells, facts dict)."""
    tname, template = templates[rng.randrange(len(templates))]
    service, company = make_names(rng)
    facts = {"src": tname, "service": service, "ops": []}
    crlf = pick(rng, 0.30)
    fmt = "tsv"
    r = rng.random()
    if r < 0.03:
        fmt = "ssv"           # semicolon-separated
    elif r < 0.18:
        fmt = "csv"
        crlf = crlf or pick(rng, 0.7)
    quote_ok = fmt != "tsv" or pick(rng, 0.3)
    ctx = {"crlf": crlf, "quote_ok": quote_ok}
    facts.update(fmt=fmt, crlf=crlf)

    hmode = rng.choices(["keep", "vary", "english"], [0.5, 0.35, 0.15])[0]
    facts["header"] = hmode
    no_number = pick(rng, 0.03)              # items known only by name
    partial = rng.randint(8, 30) if pick(rng, 0.02) else 0
    full_width_no = pick(rng, 0.05)
    name_variants = pick(rng, 0.10)
    add_remarks = pick(rng, 0.15)            # a 備考 column on files without one
    if no_number:
        facts["ops"].append("no-number-column")
    if partial:
        facts["ops"].append("partial-%d" % partial)

    rows = [r.copy() for r in template]
    items = [r for r in rows if r.kind == "item"]
    if partial:
        drop = {id(r) for r in items if r.no > partial}
        rows = [r for r in rows if id(r) not in drop]
        items = [r for r in items if id(r) not in drop]
    if pick(rng, 0.30):
        for r in rng.sample(items, rng.randint(1, min(3, len(items)))):
            rows.remove(r)
            items.remove(r)
            facts["ops"].append("drop-%d" % r.no)
    if pick(rng, 0.15) and items:
        r = rng.choice(items)
        d = r.copy()
        pos = rows.index(r) + 1 if pick(rng, 0.5) else len(rows)
        rows.insert(pos, d)
        items.append(d)
        facts["ops"].append("dup-%d" % r.no)
    if pick(rng, 0.05) and len(items) > 2:
        k = rng.randrange(len(items) - 1)
        a, b = rows.index(items[k]), rows.index(items[k + 1])
        rows[a], rows[b] = rows[b], rows[a]
        facts["ops"].append("swap-%d" % items[k].no)
    if pick(rng, 0.2):   # drop repeated headers, or repeat the header once more
        heads = [i for i, r in enumerate(rows) if r.kind == "header"]
        if len(heads) > 1:
            for i in reversed(heads[1:]):
                del rows[i]
        elif heads:
            secs = [i for i, r in enumerate(rows) if r.kind == "section"]
            if len(secs) > 2:
                rows.insert(secs[len(secs) // 2], rows[heads[0]].copy())

    out = []
    lead = rng.choice([0, 0, 1, 2, 4])
    out.extend([[]] * lead)
    metas = []
    if pick(rng, 0.4):
        for key, what in rng.sample(META_KEYS, rng.randint(1, 3)):
            val = {"service": service, "company": company,
                   "date": "%04d/%02d/%02d" % (rng.randint(2015, 2025), rng.randint(1, 12),
                                               rng.randint(1, 28))}[what]
            metas.append([key + rng.choice([": ", ":", "："]) + val])
    wrote_meta = False
    for r in rows:
        cells = list(r.cells)
        if r.kind == "text":
            line = cells[0]
            line = line.replace("Xtra株式会社", company).replace("Qlingo", service)
            if pick(rng, 0.15):
                continue
            out.append([line])
            continue
        if r.kind == "meta":
            key, _, _ = cells[0].partition(":")
            out.append([key + ": " + service])
            continue
        if r.kind == "blank":
            if not pick(rng, 0.2):
                out.append([])
            continue
        if r.kind == "header" and not wrote_meta:
            out.extend(metas + ([[]] if metas else []))
            wrote_meta = True
        if r.kind == "header":
            cells = header_cells(rng, cells, hmode, company)
            if add_remarks and len(cells) < 7:
                cells.append(rng.choice(HEADER_WORDS["remarks"]) if hmode != "english"
                             else "Remarks")
        elif r.kind == "item":
            text, notes = mutate_answer(rng, cells[r.answer], ctx)
            cells[r.answer] = text
            if notes:
                facts.setdefault("mut", 0)
                facts["mut"] += 1
            if name_variants:
                for k in range(1, min(3, len(cells))):
                    for a, b in NAME_VARIANTS:
                        if a in cells[k] and pick(rng, 0.5):
                            cells[k] = cells[k].replace(a, b)
            if full_width_no:
                cells[0] = cells[0].translate(FULLWIDTH)
            if add_remarks and len(cells) < 7:
                cells.append(rng.choice(EXTRA_REMARKS) if pick(rng, 0.2) else "")
        elif r.kind == "section" and add_remarks and len(cells) < 7 and len(cells) > 1:
            cells.append("")
        if no_number and r.kind in ("header", "item", "section") and len(cells) > 1:
            cells = cells[1:]
        if fmt != "tsv" and pick(rng, 0.5):   # Excel drops trailing empty cells in CSV
            while len(cells) > 1 and cells[-1] == "":
                cells.pop()
        out.append(cells)
    if not wrote_meta:
        out[lead:lead] = metas
    return out, facts


# ---- writing ------------------------------------------------------------------

def serialize(rows, fmt, crlf, quote_all):
    delim = {"tsv": "\t", "csv": ",", "ssv": ";"}[fmt]
    eol = "\r\n" if crlf else "\n"
    lines = []
    for cells in rows:
        out = []
        for c in cells:
            need = any(ch in c for ch in (delim, '"', "\n", "\r"))
            if need or (quote_all and fmt != "tsv"):
                c = '"' + c.replace('"', '""') + '"'
            out.append(c)
        lines.append(delim.join(out))
    return eol.join(lines) + eol


def encode(rng, text):
    r = rng.random()
    if r < 0.15:
        try:
            return text.translate(CP932_FIX).encode("cp932"), "cp932"
        except UnicodeEncodeError:
            return text.encode("utf-8"), "utf-8"
    if r < 0.22:
        return b"\xff\xfe" + text.encode("utf-16-le"), "utf-16le"
    if r < 0.30:
        return b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-bom"
    return text.encode("utf-8"), "utf-8"


def slug(s):
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s or "vendor"


def write_file(path, data):
    with open(path, "wb") as f:
        f.write(data)


def make_big(rng, template, rows_wanted):
    head = [r for r in template if r.kind == "header"][0]
    items = [r for r in template if r.kind == "item"]
    ctx = {"crlf": False, "quote_ok": False}
    out = [["【経済産業省】クラウドサービスレベルのチェックリスト"], [],
           ["対象サービス: Big Test Service"], [], list(head.cells)]
    for i in range(rows_wanted):
        r = items[i % len(items)]
        cells = list(r.cells)
        cells[r.answer], _ = mutate_answer(rng, cells[r.answer], ctx)
        out.append(cells)
    return serialize(out, "tsv", False, False).encode("utf-8")


def digest_inputs():
    h = hashlib.sha256()
    with open(os.path.abspath(__file__), "rb") as f:
        h.update(f.read())
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".tsv"):
            with open(os.path.join(EXAMPLES, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read())
    return h.hexdigest()[:16]


def stamp_text(n, seed, big_rows):
    return "gen_corpus v%s n=%d seed=%d big_rows=%d inputs=%s\n" % (
        GEN_VERSION, n, seed, big_rows, digest_inputs())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=20100816)
    ap.add_argument("--big-rows", type=int, default=10000)
    ap.add_argument("--stamp", action="store_true",
                    help="print the STAMP this call would write, and exit")
    a = ap.parse_args()
    if a.stamp:
        sys.stdout.write(stamp_text(a.n, a.seed, a.big_rows))
        return 0
    names = sorted(n for n in os.listdir(EXAMPLES) if n.endswith(".tsv"))
    if not names:
        sys.exit("gen_corpus: no examples/*.tsv")
    templates = [(n, load_template(os.path.join(EXAMPLES, n))) for n in names]
    for n, t in templates:
        if sum(r.kind == "item" for r in t) < 40:
            sys.exit("gen_corpus: %s: found too few item rows; template parsing is off" % n)

    if os.path.exists(a.outdir):
        shutil.rmtree(a.outdir)
    files = os.path.join(a.outdir, "files")
    os.makedirs(files)
    listing, manifest = [], ["path\tsource\tencoding\tformat\teol\theader\tops"]
    for i in range(a.n):
        rng = random.Random("%d:%d" % (a.seed, i))
        rows, facts = build_checklist(rng, templates)
        text = serialize(rows, facts["fmt"], facts["crlf"], pick(rng, 0.5))
        data, enc = encode(rng, text)
        ext = "tsv" if facts["fmt"] == "tsv" else "csv"
        rel = "files/%05d-%s.%s" % (i, slug(facts["service"]), ext)
        write_file(os.path.join(a.outdir, rel), data)
        listing.append(rel)
        manifest.append("\t".join([rel, facts["src"], enc, facts["fmt"],
                                   "crlf" if facts["crlf"] else "lf", facts["header"],
                                   ",".join(facts["ops"]) or "-"]))
    with open(os.path.join(a.outdir, "list.txt"), "w") as f:
        f.write("\n".join(listing) + "\n")
    with open(os.path.join(a.outdir, "manifest.tsv"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    big_t = dict(templates).get("qlingo.tsv", templates[0][1])
    write_file(os.path.join(a.outdir, "big-%d.tsv" % a.big_rows),
               make_big(random.Random("%d:big" % a.seed), big_t, a.big_rows))
    with open(os.path.join(a.outdir, "STAMP"), "w") as f:
        f.write(stamp_text(a.n, a.seed, a.big_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
