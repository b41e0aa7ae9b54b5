/* common.h - what every libFuzzer harness here needs: the built-in
 * checklist loaded once, a file read back into a buffer, and a load of
 * the input under a file name that picks its reader. Included by
 * each fuzz/fuzz_*.c (each is built as one translation unit). */
#ifndef SLC_FUZZ_COMMON_H
#define SLC_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "author_json.h"
#include "catalog.h"
#include "json_write.h"
#include "load.h"
#include "validate.h"
#include "xmlload.h"
#include "util.h"

/* The built-in checklist, or abort() naming the harness. */
static inline slc_catalog *fuzz_catalog(const char *harness)
{
    slc_catalog *cat = NULL;
    slc_error err;
    slc_error_clear(&err);
    slc_json_init(); /* as the CLI's main: the libraries use slc_xmalloc */
    slc_xml_init();
    if (slc_catalog_load(NULL, &cat, &err) != SLC_OK) {
        fprintf(stderr, "%s: cannot load the built-in checklist\n", harness);
        abort();
    }
    return cat;
}

/* A harness whose only set-up is the built-in checklist: declares `cat`
 * and an LLVMFuzzerInitialize that loads it (name: the harness, for the
 * message if it cannot). */
#define FUZZ_WITH_CATALOG(name) \
    static slc_catalog *cat; \
    int LLVMFuzzerInitialize(int *argc, char ***argv); \
    int LLVMFuzzerInitialize(int *argc, char ***argv) \
    { \
        (void)argc, (void)argv; \
        cat = fuzz_catalog(name); \
        return 0; \
    }

/* Appends the bytes of the file at path to b (nothing if it cannot be read). */
static inline void fuzz_read_file(const char *path, slc_buf *b)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    while (f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        slc_buf_add(b, chunk, n);
    if (f)
        fclose(f);
}

/* Loads the input as a file of that name would be loaded (the name picks
 * the reader: "fuzz.html", "fuzz.xls"), validates it and writes convert
 * JSON, which must parse; harness names the harness in the message. */
static inline int fuzz_load_named(const slc_catalog *c, const uint8_t *data, size_t size,
                                  const char *name, const char *harness)
{
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(c, (const char *)data, size, name, NULL, &doc, &err) != SLC_OK)
        return 0;
    slc_validate(doc, NULL);
    slc_buf out;
    slc_buf_init(&out);
    slc_json_doc(doc, &out);
    json_error_t jerr;
    json_t *j = json_loadb(out.data ? out.data : "", out.len, 0, &jerr);
    if (!j) {
        fprintf(stderr, "%s: convert JSON does not parse: %s\n", harness, jerr.text);
        abort();
    }
    json_decref(j);
    slc_buf_release(&out);
    slc_doc_free(doc);
    return 0;
}

#endif
