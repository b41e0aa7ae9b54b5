/* fuzz_xls.c - libFuzzer harness for .xls workbooks: the input is a
 * workbook, loaded through the loader as `validate book.xls` would (FreeXL
 * reads it from a temporary file), then validated and written as convert
 * JSON, which must parse. Crashes, leaks, UB and timeouts are the findings,
 * FreeXL's included. Seeds: the workbooks in tests/xls. Build and run:
 * `make fuzz FUZZ_TARGETS=xls`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "author_json.h"
#include "catalog.h"
#include "common.h"
#include "doc.h"
#include "load.h"
#include "rules.h"
#include "validate.h"

static slc_catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cat = fuzz_catalog("fuzz_xls");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(cat, (const char *)data, size, "fuzz.xls", NULL, &doc, &err) !=
        SLC_OK)
        return 0;
    slc_validate(doc, NULL);
    slc_buf out;
    slc_buf_init(&out);
    slc_json_doc(doc, &out);
    json_error_t jerr;
    json_t *j = json_loadb(out.data ? out.data : "", out.len, 0, &jerr);
    if (!j) {
        fprintf(stderr, "fuzz_xls: convert JSON does not parse: %s\n", jerr.text);
        abort();
    }
    json_decref(j);
    slc_buf_release(&out);
    slc_doc_free(doc);
    return 0;
}
