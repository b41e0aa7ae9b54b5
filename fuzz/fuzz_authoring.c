/* fuzz_authoring.c - libFuzzer harness for the authoring readers and
 * writers. The input is read as Markdown (path x.md) or, when it starts
 * with a zip's "PK\3\4", as an XLSX workbook, through the same loader
 * `validate` uses; whatever loads is then written back in its own format
 * (slc_author_md, slc_author_xlsx to a temporary file) and read again, and
 * every item's answer and remarks must come back byte for byte: a round
 * trip that changes a vendor's words is a bug as much as a crash is.
 * Build and run: `make fuzz FUZZ_TARGETS=authoring` (see fuzz/README.md). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "author_md.h"
#include "author_xlsx.h"
#include "catalog.h"
#include "doc.h"
#include "load.h"
#include "rules.h"
#include "common.h"
#include "validate.h"

static slc_catalog *cat;
static char tmp_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cat = fuzz_catalog("fuzz_authoring");
    snprintf(tmp_path, sizeof(tmp_path), "/tmp/fuzz-authoring-%ld.xlsx", (long)getpid());
    return 0;
}

static const char *cell(const slc_answer *a, slc_role r)
{
    return a && a->cell[r] ? a->cell[r] : "";
}

/* every item of a is in b with the same answer and remarks */
static void must_match(const slc_doc *a, const slc_doc *b, const char *how)
{
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *x = slc_doc_answer(a, i), *y = slc_doc_answer(b, i);
        if (!x)
            continue;
        if (!y || strcmp(cell(x, SLC_ROLE_ANSWER), cell(y, SLC_ROLE_ANSWER)) ||
            strcmp(cell(x, SLC_ROLE_REMARKS), cell(y, SLC_ROLE_REMARKS))) {
            fprintf(stderr,
                    "fuzz_authoring: %s changed item %d:\n  answer  [%s]\n  became  [%s]\n"
                    "  remarks [%s]\n  became  [%s]\n",
                    how, cat->items[i].no, cell(x, SLC_ROLE_ANSWER),
                    y ? cell(y, SLC_ROLE_ANSWER) : "(missing)", cell(x, SLC_ROLE_REMARKS),
                    y ? cell(y, SLC_ROLE_REMARKS) : "(missing)");
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int xlsx = size >= 4 && !memcmp(data, "PK\3\4", 4);
    slc_doc *doc = NULL, *back = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(cat, (const char *)data, size, xlsx ? "fuzz.xlsx" : "fuzz.md", NULL,
                           &doc, &err) != SLC_OK)
        return 0;
    slc_validate(doc, NULL);
    /* U+FFFD where the input had bad bytes is what was read: compare with it */
    slc_author_opts o = {SLC_LANG_JA, 0};
    if (xlsx) {
        slc_error_clear(&err);
        if (slc_author_xlsx(cat, doc, &o, tmp_path, &err) == SLC_OK) {
            slc_buf b;
            slc_buf_init(&b);
            fuzz_read_file(tmp_path, &b);
            slc_error_clear(&err);
            if (slc_doc_load_bytes(cat, b.data ? b.data : "", b.len, "back.xlsx", NULL, &back,
                                   &err) != SLC_OK) {
                fprintf(stderr, "fuzz_authoring: our own workbook does not load: %s\n", err.detail);
                abort();
            }
            must_match(doc, back, "xlsx round trip");
            slc_buf_release(&b);
        } else if (err.status != SLC_ERR_TOO_LARGE) {
            fprintf(stderr, "fuzz_authoring: cannot write a workbook: %s\n", err.detail);
            abort();
        }
        unlink(tmp_path);
    } else {
        slc_buf b;
        slc_buf_init(&b);
        slc_author_md(cat, doc, &o, &b);
        slc_error_clear(&err);
        if (slc_doc_load_bytes(cat, b.data ? b.data : "", b.len, "back.md", NULL, &back, &err) !=
            SLC_OK) {
            fprintf(stderr, "fuzz_authoring: our own Markdown does not load: %s\n", err.detail);
            abort();
        }
        must_match(doc, back, "md round trip");
        slc_buf_release(&b);
    }
    slc_doc_free(back);
    slc_doc_free(doc);
    return 0;
}
