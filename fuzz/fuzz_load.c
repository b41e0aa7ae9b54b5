/* fuzz_load.c - libFuzzer harness: bytes -> decode -> rows -> align ->
 * validate -> reports. The input is a whole file as `validate` would read
 * it; the built-in checklist is loaded once. Every loaded document goes to
 * the JSON and SARIF reports and to the convert JSON writer; every refused
 * input goes to the reports as an unreadable file. What they write must
 * parse as JSON. Build and run: `make fuzz`
 * (see fuzz/README.md). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "catalog.h"
#include "doc.h"
#include "author_json.h"
#include "load.h"
#include "rules.h"
#include "report.h"
#include "common.h"
#include "validate.h"

/* What the writers produced must parse as JSON (valid UTF-8, escaped
 * control characters): a report that does not parse is a lost report. */
static void must_parse(const char *what, const slc_buf *b)
{
    json_error_t jerr;
    json_t *j = json_loadb(b->data ? b->data : "", b->len, 0, &jerr);
    if (!j) {
        fprintf(stderr, "fuzz_load: %s output is not JSON: %s (line %d, column %d)\n", what,
                jerr.text, jerr.line, jerr.column);
        abort();
    }
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

FUZZ_WITH_CATALOG("fuzz_load")

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"json", "sarif", "codequality"};
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    slc_status rc = slc_doc_load_bytes(cat, (const char *)data, size, "fuzz.tsv", NULL, &doc, &err);
    int failing = 0;
    if (rc == SLC_OK) {
        slc_validate(doc, NULL);
        for (size_t k = 0; k < doc->nfindings; k++)
            failing |= doc->findings[k].severity >= SLC_SEV_ERROR;
    }
    for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
        slc_report *s =
            slc_report_new(formats[f], cat, f ? SLC_LANG_JA : SLC_LANG_EN, SLC_SEV_ERROR);
        if (doc)
            s->ops->add_doc(s, doc);
        else
            s->ops->add_error(s, &err);
        s->ops->finish(s, doc ? (failing ? 1 : 0) : 3);
        must_parse(formats[f], &s->out);
        slc_report_free(s);
    }
    if (doc) {
        slc_buf out;
        slc_buf_init(&out);
        slc_json_doc(doc, &out);
        must_parse("convert json", &out);
        slc_buf_release(&out);
    }
    slc_doc_free(doc);
    return 0;
}
