/* signature.c - files that are not checklists, known by their first bytes
 * (signature.h): a PDF, a Word or PowerPoint file, an image, an archive ...
 * They are refused with SLC_ERR_NOT_CHECKLIST naming what they are, before
 * any decoding would call them binary data or, worse, read them as text.
 * Workbooks pass: an .xlsx (a zip holding xl/), an .xls (an OLE2 compound
 * file with a Workbook stream), which their readers take. */
#include "signature.h"

#include <string.h>

static int has(const char *b, size_t n, size_t at, const char *sig, size_t k)
{
    return n >= at + k && !memcmp(b + at, sig, k);
}

/* memmem, which C11 lacks */
static int contains(const char *b, size_t n, const char *s, size_t k)
{
    if (k == 0 || n < k)
        return 0;
    for (const char *p = b, *end = b + n - k + 1; p < end;) {
        p = memchr(p, s[0], (size_t)(end - p));
        if (!p)
            return 0;
        if (!memcmp(p, s, k))
            return 1;
        p++;
    }
    return 0;
}

/* A name as OLE2 directory entries hold it: UTF-16LE. */
static int ole_has(const char *b, size_t n, const char *name)
{
    char wide[64];
    size_t k = strlen(name);
    if (k * 2 > sizeof(wide))
        return 0;
    for (size_t i = 0; i < k; i++) {
        wide[2 * i] = name[i];
        wide[2 * i + 1] = '\0';
    }
    return contains(b, n, wide, 2 * k);
}

/* The compound file's first directory sector lies within the bytes (the
 * header names it: sector size at 0x1E, first directory sector at 0x30). */
static int ole_directory_present(const char *b, size_t n)
{
    if (n < 512)
        return 0;
    const unsigned char *u = (const unsigned char *)b;
    unsigned shift = u[0x1E] | (unsigned)u[0x1F] << 8;
    unsigned long sect = u[0x30] | (unsigned long)u[0x31] << 8 | (unsigned long)u[0x32] << 16 |
                         (unsigned long)u[0x33] << 24;
    if (shift < 7 || shift > 16 || sect >= 0xFFFFFFFAul)
        return 0;
    unsigned long long at = ((unsigned long long)sect + 1) << shift;
    return at + 128 <= n;
}

#define HAS(at, lit) has(bytes, n, (at), (lit), sizeof(lit) - 1)
#define CONTAINS(lit) contains(bytes, n, (lit), sizeof(lit) - 1)

/* What the bytes are, if a known format that is not a checklist; NULL if
 * they may be one (text, an .xlsx, an .xls). */
static const char *what_is(const char *bytes, size_t n)
{
    /* a PDF may have bytes before its header (the format allows 1024) */
    if (contains(bytes, n < 1024 ? n : 1024, "%PDF-", 5))
        return "a PDF document";
    if (HAS(0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) { /* OLE2: Office 97-2003 */
        if (ole_has(bytes, n, "EncryptedPackage"))
            return "an encrypted (password-protected) Office file: save it without a password";
        /* Word keeps its text in UTF-16LE too: its stream first */
        if (ole_has(bytes, n, "WordDocument"))
            return "a Word 97-2003 document (.doc)";
        if (ole_has(bytes, n, "PowerPoint Document"))
            return "a PowerPoint 97-2003 presentation (.ppt)";
        if (ole_has(bytes, n, "Workbook") || ole_has(bytes, n, "Book"))
            return NULL; /* an .xls workbook */
        if (!ole_directory_present(bytes, n))
            return NULL; /* damaged or truncated: the .xls reader says so */
        if (ole_has(bytes, n, "__substg1.0_"))
            return "an Outlook message (.msg): save its attachment";
        return "an Office 97-2003 file that holds no workbook";
    }
    if (HAS(0, "PK\3\4") || HAS(0, "PK\5\6")) {
        if (CONTAINS("xl/workbook") || CONTAINS("xl/worksheets/"))
            return NULL; /* an .xlsx workbook, to its reader */
        if (CONTAINS("word/document.xml") || CONTAINS("word/_rels"))
            return "a Word document (.docx)";
        if (CONTAINS("ppt/presentation.xml") || CONTAINS("ppt/slides/"))
            return "a PowerPoint presentation (.pptx)";
        if (CONTAINS("application/vnd.oasis.opendocument.spreadsheet"))
            return "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV";
        if (CONTAINS("application/vnd.oasis.opendocument."))
            return "an OpenDocument text or presentation (.odt, .odp)";
        if (CONTAINS("Index/Document.iwa"))
            return "an Apple Numbers, Pages or Keynote file: export it as .xlsx or CSV";
        if (CONTAINS("[Content_Types].xml") || CONTAINS("_rels/.rels"))
            return NULL; /* some other Office Open XML package: the workbook reader says what */
        return "a zip archive: unpack it and give the checklist inside";
    }
    if (HAS(0, "\x89PNG\r\n\x1A\n"))
        return "a PNG image";
    if (HAS(0, "\xFF\xD8\xFF"))
        return "a JPEG image";
    if (HAS(0, "GIF87a") || HAS(0, "GIF89a"))
        return "a GIF image";
    if (HAS(0, "II*\0") || HAS(0, "MM\0*"))
        return "a TIFF image";
    if (HAS(0, "RIFF") && HAS(8, "WEBP"))
        return "a WebP image";
    if (HAS(4, "ftypheic") || HAS(4, "ftypheix") || HAS(4, "ftypmif1") || HAS(4, "ftypavif"))
        return "an HEIC or AVIF image";
    if (HAS(0, "\x1F\x8B"))
        return "a gzip archive: unpack it and give the checklist inside";
    if (HAS(0, "BZh") && n > 3 && bytes[3] >= '1' && bytes[3] <= '9')
        return "a bzip2 archive: unpack it and give the checklist inside";
    if (HAS(0, "\xFD"
               "7zXZ\0"))
        return "an xz archive: unpack it and give the checklist inside";
    if (HAS(0, "7z\xBC\xAF\x27\x1C"))
        return "a 7-Zip archive: unpack it and give the checklist inside";
    if (HAS(0, "Rar!\x1A\x07"))
        return "a RAR archive: unpack it and give the checklist inside";
    if (HAS(0, "\x28\xB5\x2F\xFD"))
        return "a Zstandard archive: unpack it and give the checklist inside";
    if (HAS(257, "ustar"))
        return "a tar archive: unpack it and give the checklist inside";
    if (HAS(0, "{\\rtf"))
        return "a Rich Text document (.rtf)";
    if (HAS(0, "\x7F"
               "ELF") ||
        (HAS(0, "MZ") && n >= 64 && HAS(0x40, "\x0E\x1F\xBA")))
        return "a program";
    if (HAS(0, "SQLite format 3"))
        return "an SQLite database";
    return NULL;
}

slc_status slc_signature_refuse(const char *bytes, size_t n, const char *path, slc_error *err)
{
    const char *what = what_is(bytes, n);
    if (!what)
        return SLC_OK;
    return slc_error_set(err, SLC_ERR_NOT_CHECKLIST, path, 0, -1, "%s", what);
}
