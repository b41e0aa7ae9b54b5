/* fuzz_html.c - libFuzzer harness for web pages: the input is a page, loaded
 * through the loader as `validate page.html` would (the name makes it a
 * page whatever its bytes), then validated and written as convert JSON,
 * which must parse. Crashes, leaks, UB and timeouts are the findings. Seeds:
 * the examples and fixtures rendered as pages in the shapes vendors use
 * (tests/html_input.py). Build and run: `make fuzz FUZZ_TARGETS=html`. */
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
    cat = fuzz_catalog("fuzz_html");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(cat, (const char *)data, size, "fuzz.html", NULL, &doc, &err) !=
        SLC_OK)
        return 0;
    slc_validate(doc, NULL);
    slc_buf out;
    slc_buf_init(&out);
    slc_json_doc(doc, &out);
    json_error_t jerr;
    json_t *j = json_loadb(out.data ? out.data : "", out.len, 0, &jerr);
    if (!j) {
        fprintf(stderr, "fuzz_html: convert JSON does not parse: %s\n", jerr.text);
        abort();
    }
    json_decref(j);
    slc_buf_release(&out);
    slc_doc_free(doc);
    return 0;
}
