/* fuzz_output.c - libFuzzer harness for the output routines of issue 16.
 * Any bytes (vendor text, paths):
 *  - slc_term_text_add: the result is valid UTF-8 with no C0 control but
 *    LF (and only with SLC_TERM_KEEP_LF), no DEL, no C1, no bidi control,
 *    no U+2028/2029, U+FFFE/FFFF; with SLC_TERM_PASS_CR_LF no control but
 *    CR and LF;
 *  - slc_rows_write_field as CSV: the field never starts with a formula
 *    character, and slc_rows_parse reads it back to the very same bytes
 *    (valid UTF-8 without NUL only: what the loader hands on);
 *  - the JUnit XML report, with the bytes as a file's path and as the
 *    detail of its error: libxml2 parses what it wrote (no character XML
 *    1.0 forbids, no broken markup) in one testsuite.
 * Build and run: `make fuzz FUZZ_TARGETS=output` (see fuzz/README.md). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "common.h"
#include "read_csv.h"
#include "report.h"
#include "term_text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* code point at s (well-formed UTF-8 expected), its length in *len */
static unsigned long next_cp(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80 && (c < 0xC2 || c > 0xF4))
        abort(); /* not a lead byte: the output is not UTF-8 */
    if (l > n)
        abort();
    unsigned long v = l == 1 ? c : c & (0x7F >> l);
    for (size_t i = 1; i < l; i++) {
        if ((s[i] & 0xC0) != 0x80)
            abort();
        v = v << 6 | (s[i] & 0x3F);
    }
    *len = l;
    return v;
}

static int valid_utf8_no_nul(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t l = c < 0x80                   ? 1
                   : (c >= 0xC2 && c <= 0xDF) ? 2
                   : (c >= 0xE0 && c <= 0xEF) ? 3
                   : (c >= 0xF0 && c <= 0xF4) ? 4
                                              : 0;
        if (!l || c == 0 || i + l > n)
            return 0;
        unsigned long v = l == 1 ? c : c & (0x7F >> l);
        for (size_t k = 1; k < l; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            v = v << 6 | (s[i + k] & 0x3F);
        }
        static const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (v < min[l] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        i += l;
    }
    return 1;
}

static void check_term(const uint8_t *data, size_t size, unsigned flags)
{
    slc_buf b;
    slc_buf_init(&b);
    slc_term_text_add(&b, (const char *)data, size, flags);
    const unsigned char *p = (const unsigned char *)(b.data ? b.data : "");
    size_t n = b.len, len;
    if (b.data && strlen(b.data) != n)
        abort(); /* a NUL got through */
    for (size_t i = 0; i < n; i += len) {
        unsigned long cp = next_cp(p + i, n - i, &len);
        int line = cp == '\n' || (cp == '\r' && (flags & SLC_TERM_PASS_CR_LF));
        if (cp == '\n' && !(flags & (SLC_TERM_KEEP_LF | SLC_TERM_PASS_CR_LF)))
            abort();
        if (((cp < 0x20 || cp == 0x7F) && !line) || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
            cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFE || cp == 0xFFFF)
            abort();
    }
    slc_buf_release(&b);
}

static void check_csv(const uint8_t *data, size_t size)
{
    if (!valid_utf8_no_nul(data, size))
        return;
    slc_buf line;
    slc_buf_init(&line);
    slc_rows_write_field(&line, (const char *)data, size, ',');
    const char *f = line.data ? line.data : "";
    if (size &&
        (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@' || f[0] == '\t' || f[0] == '\r'))
        abort(); /* a spreadsheet would read a formula */
    /* a second field keeps the record from being one empty cell */
    slc_buf_adds(&line, ",x\n");
    slc_limits lim = SLC_LIMITS_DEFAULT;
    slc_arena arena;
    slc_arena_init(&arena);
    slc_table t;
    slc_error err;
    slc_error_clear(&err);
    if (slc_rows_parse(line.data, line.len, ',', &lim, &arena, "fuzz", &t, &err) == SLC_OK) {
        if (t.nrows != 1 || t.rows[0].ncells != 2 || strlen(t.rows[0].cells[0]) != size ||
            memcmp(t.rows[0].cells[0], data, size))
            abort(); /* the CSV rule did not read back exactly */
        slc_table_release(&t);
    }
    slc_arena_release(&arena);
    slc_buf_release(&line);
}

FUZZ_WITH_CATALOG("fuzz_output")

static void check_junit(const uint8_t *data, size_t size)
{
    slc_error err;
    slc_error_clear(&err);
    size_t n = size < sizeof(err.path) - 1 ? size : sizeof(err.path) - 1;
    memcpy(err.path, data, n);
    err.path[n] = '\0'; /* a path is a C string: cut at a NUL */
    slc_error_set(&err, SLC_ERR_FORMAT, err.path, 1, 0, "%.*s", (int)(size < 400 ? size : 400),
                  (const char *)data);
    slc_report *r = slc_report_new("junit", cat, SLC_LANG_EN, SLC_SEV_ERROR);
    if (!r)
        abort();
    r->ops->add_error(r, &err);
    r->ops->finish(r, 3);
    xmlDocPtr doc = xmlReadMemory(r->out.data ? r->out.data : "", (int)r->out.len, "junit.xml",
                                  NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        abort(); /* one vendor's bytes broke the CI dashboard's file */
    xmlFreeDoc(doc);
    slc_report_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_term(data, size, 0);
    check_term(data, size, SLC_TERM_KEEP_LF);
    check_term(data, size, SLC_TERM_PASS_CR_LF);
    check_csv(data, size);
    check_junit(data, size);
    return 0;
}
