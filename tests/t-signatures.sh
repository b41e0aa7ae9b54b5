#!/bin/sh
# t-signatures.sh - files that are not checklists, known by their first
# bytes (src/signature.c): each gets exit 3, the status not-a-checklist,
# what it is, and what to give instead, in English and Japanese, from a
# file and from standard input; JSON reports say the same. Workbooks are
# not refused (an .xlsx, an .xls); unknown binary data is still
# binary-input with its line and byte offset. Real PDF/Word/PowerPoint
# files from LibreOffice when soffice is there (SKIP otherwise).
. "$ROOT/tests/lib.sh"
W=$TMP/w
mkdir -p "$W"

python3 - "$W" "$EX/qlingo.tsv" <<'PY' || fail "making the files"
import bz2, gzip, io, lzma, os, sys, tarfile, zipfile
w, seed = sys.argv[1], sys.argv[2]
data = open(seed, "rb").read()
def put(name, b):
    open(os.path.join(w, name), "wb").write(b)
def z(name, parts):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, c in parts:   # OpenDocument's mimetype comes first, stored
            zf.writestr(n, c, zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED)
    put(name, bio.getvalue())
def ole(name, stream):
    # an OLE2 header, then a directory sector naming the stream (UTF-16LE)
    # (sector size 2^9 at 0x1E, the directory in sector 0, right after it)
    head = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    head[0x1E] = 9
    head = bytes(head)
    entry = "Root Entry".encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    entry += stream.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    put(name, head + entry.ljust(512, b"\0"))
put("a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
put("junk-before.pdf", b"\r\n\r\n%PDF-1.4\n")
ole("a.doc", "WordDocument")
ole("a.ppt", "PowerPoint Document")
ole("a.msg", "__substg1.0_0037001F")
ole("locked.xlsx", "EncryptedPackage")
ole("other.ole", "Contents")
ct = "[Content_Types].xml"
z("a.docx", [(ct, "<Types/>"), ("word/document.xml", "<w:document/>")])
z("a.pptx", [(ct, "<Types/>"), ("ppt/presentation.xml", "<p:presentation/>")])
z("a.ods", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet")])
z("a.odt", [("mimetype", "application/vnd.oasis.opendocument.text")])
z("a.numbers", [("Index/Document.iwa", "x")])
z("a.zip", [("qlingo.tsv", data)])
put("a.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
put("a.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0")
put("a.gif", b"GIF89a\x01\0\x01\0")
put("a.tif", b"II*\0\x08\0\0\0")
put("a.webp", b"RIFF\x10\0\0\0WEBPVP8 ")
put("a.tsv.gz", gzip.compress(data, mtime=0))
put("a.tsv.bz2", bz2.compress(data))
put("a.tsv.xz", lzma.compress(data))
put("a.7z", b"7z\xbc\xaf\x27\x1c\0\x04")
put("a.rar", b"Rar!\x1a\x07\x01\0")
bio = io.BytesIO()
with tarfile.open(fileobj=bio, mode="w") as t:
    t.add(seed, arcname="qlingo.tsv")
put("a.tar", bio.getvalue())
put("a.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} hello}\n")
put("a.sqlite", b"SQLite format 3\0" + bytes(84))
put("noise.bin", b"\x01\x02No\tname\n\x00\x00\x07")
PY

# file  what the message must name
while read -r f what; do
    run $SLACHECK validate "$W/$f"
    expect_rc 3 "$f"
    err_has "$W/$f: error: [not-a-checklist] not a checklist but a document, image or archive: use the vendor's original spreadsheet (.xlsx, .xls, .csv), or export the answers as text (CSV or TSV) ($what" "$f"
done <<'EOF2'
a.pdf a PDF document
junk-before.pdf a PDF document
a.doc a Word 97-2003 document (.doc)
a.ppt a PowerPoint 97-2003 presentation (.ppt)
a.msg an Outlook message (.msg)
locked.xlsx an encrypted (password-protected) Office file: save it without a password
other.ole an Office 97-2003 file that holds no workbook
a.docx a Word document (.docx)
a.pptx a PowerPoint presentation (.pptx)
a.ods an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV
a.odt an OpenDocument text or presentation
a.numbers an Apple Numbers, Pages or Keynote file
a.zip a zip archive: unpack it and give the checklist inside
a.png a PNG image
a.jpg a JPEG image
a.gif a GIF image
a.tif a TIFF image
a.webp a WebP image
a.tsv.gz a gzip archive
a.tsv.bz2 a bzip2 archive
a.tsv.xz an xz archive
a.7z a 7-Zip archive
a.rar a RAR archive
a.tar a tar archive
a.rtf a Rich Text document (.rtf)
a.sqlite an SQLite database
EOF2

# Japanese, standard input, every command that reads, JSON
run env LANG=ja_JP.UTF-8 $SLACHECK validate "$W/a.pdf"
expect_rc 3 "a.pdf in Japanese"
err_has "[not-a-checklist] チェックリストではなく文書・画像・アーカイブです。ベンダーの元の表計算ファイル（.xlsx・.xls・.csv）を使うか、回答をテキスト（CSV・TSV）に書き出してください (a PDF document)" "a.pdf in Japanese"
run sh -c "$SLACHECK validate - < '$W/a.docx'"
expect_rc 3 "a.docx on standard input"
err_has "slacheck: -: error: [not-a-checklist]" "a.docx on standard input"
for cmd in "convert $W/a.pdf -o $W/x.json" "diff $W/a.pdf $EX/qlingo.tsv" "export $W/a.pdf -o $W/x.html" "template --from $W/a.pdf -o $W/t.tsv"; do
    run $SLACHECK $cmd
    expect_rc 3 "$cmd"
    err_has "[not-a-checklist]" "$cmd"
done
run $SLACHECK validate --format json "$W/a.pdf" "$EX/qlingo.tsv"
expect_rc 3 "validate --format json a.pdf qlingo.tsv"
cp "$TMP/out" "$W/v.json"
jcheck "$W/v.json" "d['files'][0]['error']['status'] == 'not-a-checklist'" \
    "d['files'][0]['error']['detail'] == 'a PDF document'" "d['files'][1]['items_found'] == 49"

# not refused: workbooks; unknown binary data is binary-input at its NUL
run $SLACHECK convert "$EX/qlingo.tsv" -o "$W/q.xlsx"
run $SLACHECK validate "$W/q.xlsx"
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "an .xlsx refused: exit $rc"
run $SLACHECK validate "$W/noise.bin"
expect_rc 3 "noise.bin"
err_has "noise.bin:2: error: [binary-input]" "noise.bin"
err_has "at byte offset 10" "noise.bin: offset"

# a real PDF from LibreOffice (Calc: the Debian package is calc only)
if ! outside_reader LibreOffice; then
    :
elif command -v soffice >/dev/null 2>&1; then
    $SLACHECK convert "$EX/qlingo.tsv" -o "$W/q.csv"
    HOME=$W timeout 120 soffice --headless --convert-to pdf --outdir "$W/lo" "$W/q.csv" >/dev/null 2>&1
    if [ -f "$W/lo/q.pdf" ]; then
        run $SLACHECK validate "$W/lo/q.pdf"
        expect_rc 3 "LibreOffice's PDF"
        err_has "[not-a-checklist]" "LibreOffice's PDF"
        err_has "(a PDF document)" "LibreOffice's PDF"
    else
        fail "soffice did not write q.pdf"
    fi
else
    unchecked "soffice missing: no real PDF from LibreOffice"
fi

finish
