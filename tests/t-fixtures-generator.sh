#!/bin/sh
# t-fixtures-generator.sh - tests/gen_fixtures.py itself: it is deterministic
# and its fixtures really are what the manifest says, byte for byte (so the
# other tests test slacheck, not a broken fixture).
. "$ROOT/tests/lib.sh"

python3 "$ROOT/tests/gen_fixtures.py" "$TMP/a" >/dev/null || fail "gen_fixtures.py failed"
python3 "$ROOT/tests/gen_fixtures.py" "$TMP/b" >/dev/null || fail "gen_fixtures.py failed (2nd run)"
diff -r "$TMP/a" "$TMP/b" >/dev/null || fail "two runs of gen_fixtures.py differ"
diff -r "$TMP/a" "$FIX" >/dev/null || fail "gen_fixtures.py output differs from \$FIX"

python3 - "$FIX" "$EX" <<'EOF' || failures=$((failures + 1))
import codecs, json, os, sys
fix, ex = sys.argv[1], sys.argv[2]
M = json.load(open(os.path.join(fix, "manifest.json"), encoding="utf-8"))
bad = []
def check(c, what):
    if not c:
        bad.append(what)
def raw(name):
    return open(os.path.join(fix, name), "rb").read()
def decodes(b, enc):
    try:
        b.decode(enc)
        return True
    except UnicodeDecodeError:
        return False
seed_q = open(os.path.join(ex, "qlingo.tsv"), "rb").read()

for name in M:
    check(os.path.getsize(os.path.join(fix, name)) == M[name]["bytes"], name + ": size")

b = raw("cp932-crlf.csv")
check(b.count(b"\n") == b.count(b"\r\n") and b.count(b"\n") == 63, "cp932-crlf: 63 CRLF lines")
check(decodes(b, "cp932") and not decodes(b, "utf-8"), "cp932-crlf: cp932, not UTF-8")
check("月～金曜日".encode("cp932") in b and "保\\險".encode("cp932") in b, "cp932-crlf: ～ and 保\\險")
check(M["cp932-crlf.csv"]["not_encodable"] == ["U+00A5"], "cp932-crlf: note on U+00A5")

b = raw("bom-quoted-newline.csv")
check(b.startswith(codecs.BOM_UTF8) and decodes(b, "utf-8"), "bom: UTF-8 BOM")
check(b.count(b"\r\n") == 61 and b.count(b"\n") - b.count(b"\r\n") == 23, "bom: 61 CRLF records, 23 LF in cells")
check(b'"\xe3\x80\x90\xe6\x9c\x89\xe3\x80\x91 ""TLS1.2"" ' in b, "bom: item 42 quoted with doubled quotes")

b = raw("utf16le.tsv")
check(b.startswith(codecs.BOM_UTF16_LE) and len(b) % 2 == 0, "utf16le: BOM, even length")
t = b[2:].decode("utf-16-le")
check(t.count("\r\n") == 61 and t.replace("\r\n", "\n").rstrip("\n") == open(os.path.join(ex, "active-gate-ss.tsv"), encoding="utf-8").read(),
      "utf16le: the seed in UTF-16LE with CRLF")

b = raw("eucjp.tsv")
check(decodes(b, "euc_jp") and not decodes(b, "utf-8"), "eucjp: EUC-JP")
check(b"\xa1\xc1" in b, "eucjp: 0xA1C1 for U+FF5E")

e = M["invalid-byte.tsv"]
b = raw("invalid-byte.tsv")
check(b[e["bad_offset"]] == 0xFF and b[:e["bad_offset"]] + b[e["bad_offset"] + 1:] == seed_q,
      "invalid-byte: the seed plus one 0xFF")
check(b[:e["bad_offset"]].count(b"\n") + 1 == e["bad_line"] == 14, "invalid-byte: line 14")

e = M["sjis-invalid.tsv"]
b = raw("sjis-invalid.tsv")
check(b[e["bad_offset"]] == 0x88 and b[e["bad_offset"] + 1:e["bad_offset"] + 2] == b"9", "sjis-invalid: 0x88 '9'")
check(decodes(b[:e["bad_offset"]] + b[e["bad_offset"] + 1:], "cp932") and not decodes(b, "cp932"),
      "sjis-invalid: valid cp932 but for one byte")

check(raw("empty.tsv") == b"", "empty: 0 bytes")
check(raw("header-only.tsv").count(b"\n") == 1, "header-only: one line")
b = raw("binary.bin")
check(b.startswith(b"\x89PNG\r\n\x1a\n") and b.index(b"\x00") == 8, "binary.bin: PNG, NUL at 8")
check(raw("binary-gzip.tsv.gz")[:2] == b"\x1f\x8b", "binary-gzip: gzip magic")

t = raw("shuffled-missing.tsv").decode("utf-8")
nos = [int(l.split("\t")[0]) for l in t.split("\n") if l.split("\t")[0].isdigit()]
check(sorted(nos) == [n for n in range(1, 50) if n not in (12, 40)] and nos != sorted(nos),
      "shuffled-missing: 47 items, shuffled")
t = raw("fullwidth-numbers.tsv").decode("utf-8")
check("\n１２\t" in t and "\n12\t" not in t, "fullwidth-numbers: １２")
t = raw("no-number-column.tsv").decode("utf-8")
check("\u2f4c" in t and "ウイルススキャン" in t and "漏えい" in t and "下での¥セキュリティ" in t,
      "no-number-column: name variants")
check(not any(l.split("\t")[0].isdigit() for l in t.split("\n")), "no-number-column: no number cells")
t = raw("extra-example-column.tsv").decode("utf-8")
check("\t設定例\t設定(記入欄)" in t, "extra-example-column: header")

for w in bad:
    print("FAIL:", w)
sys.exit(1 if bad else 0)
EOF

finish
