/* common.h - what every libFuzzer harness here needs: the built-in
 * checklist loaded once, and a file read back into a buffer. Included by
 * each fuzz/fuzz_*.c (each is built as one translation unit). */
#ifndef SLC_FUZZ_COMMON_H
#define SLC_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "json_write.h"
#include "xmlload.h"
#include "util.h"

/* The built-in checklist, or abort() naming the harness. */
static inline slc_catalog *fuzz_catalog(const char *harness)
{
    slc_catalog *cat = NULL;
    slc_error err;
    slc_error_clear(&err);
    slc_json_init();   /* as the CLI's main: the libraries use slc_xmalloc */
    slc_xml_init();
    if (slc_catalog_load(NULL, &cat, &err) != SLC_OK) {
        fprintf(stderr, "%s: cannot load the built-in checklist\n", harness);
        abort();
    }
    return cat;
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

#endif
