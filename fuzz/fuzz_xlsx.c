/* fuzz_xlsx.c - libFuzzer harness for the XLSX reader's XML side. A
 * mutated zip mostly fails its CRC before any XML is read, so here the
 * input is the parts themselves: the worksheet, then (after a line
 * "--part--") the shared strings, then the styles. The harness zips them
 * with a fixed workbook, relationships and content types (minizip, into
 * a temporary file), and loads the workbook through the loader as
 * `validate` would, then validates it. Crashes, leaks and UB are the
 * findings. Build and run: `make fuzz FUZZ_TARGETS=xlsx`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "catalog.h"
#include "doc.h"
#include "load.h"
#include "rules.h"
#include "common.h"
#include "validate.h"

static slc_catalog *cat;
static char tmp_path[64];

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "</Types>";
static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";
static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"checklist\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cat = fuzz_catalog("fuzz_xlsx");
    snprintf(tmp_path, sizeof(tmp_path), "/tmp/fuzz-xlsx-%ld.xlsx", (long)getpid());
    return 0;
}

static void add(zipFile z, const char *name, const void *p, size_t n)
{
    if (zipOpenNewFileInZip(z, name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1) != ZIP_OK ||
        zipWriteInFileInZip(z, p, (unsigned)n) != ZIP_OK || zipCloseFileInZip(z) != ZIP_OK) {
        fprintf(stderr, "fuzz_xlsx: cannot write %s into the zip\n", name);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char sep[] = "\n--part--\n";
    static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                        "xl/styles.xml"};
    zipFile z = zipOpen(tmp_path, APPEND_STATUS_CREATE);
    if (!z)
        abort();
    add(z, "[Content_Types].xml", content_types, sizeof(content_types) - 1);
    add(z, "_rels/.rels", root_rels, sizeof(root_rels) - 1);
    add(z, "xl/workbook.xml", workbook, sizeof(workbook) - 1);
    add(z, "xl/_rels/workbook.xml.rels", workbook_rels, sizeof(workbook_rels) - 1);
    const char *p = (const char *)data, *end = p + size;
    for (size_t k = 0; k < 3 && p <= end; k++) {
        const char *cut = NULL;
        for (const char *q = p; q + sizeof(sep) - 1 <= end && !cut; q++)
            if (!memcmp(q, sep, sizeof(sep) - 1))
                cut = q;
        size_t n = (size_t)((cut ? cut : end) - p);
        add(z, names[k], p, n);
        if (!cut)
            break;
        p = cut + sizeof(sep) - 1;
    }
    if (zipClose(z, NULL) != ZIP_OK)
        abort();

    slc_buf b;
    slc_buf_init(&b);
    fuzz_read_file(tmp_path, &b);
    unlink(tmp_path);
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(cat, b.data ? b.data : "", b.len, "fuzz.xlsx", NULL, &doc, &err) ==
        SLC_OK)
        slc_validate(doc, NULL);
    slc_doc_free(doc);
    slc_buf_release(&b);
    return 0;
}
