/* fuzz_facts.c - libFuzzer harness for reading facts from an answer and
 * for the word-level diff. The input, if it is valid UTF-8 without NUL
 * (all the loader ever hands on), is one answer for slc_facts_extract;
 * split at a code point boundary near the middle it is two answers for
 * slc_diff_words, whose runs must rebuild both texts exactly. Other inputs
 * are skipped. Build and run: `make fuzz` (see fuzz/README.md). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compare.h"
#include "facts.h"
#include "text.h"
#include "util.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

FUZZ_WITH_CATALOG("fuzz_facts")

/* Strict UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF) and no NUL: what the decoder guarantees. */
static int valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07, min = 0x10000;
        else
            return 0;
        if (n - i < len)
            return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

typedef struct rebuild {
    slc_buf old, new;
} rebuild;

static void on_run(void *data, char op, const char *s, size_t n)
{
    rebuild *r = data;
    if (n == 0 || (op != ' ' && op != '-' && op != '+')) {
        fprintf(stderr, "fuzz_facts: diff run op '%c' with %zu bytes\n", op, n);
        abort();
    }
    if (op != '+')
        slc_buf_add(&r->old, s, n);
    if (op != '-')
        slc_buf_add(&r->new, s, n);
}

static void same_text(const char *what, const slc_buf *b, const char *want)
{
    const char *got = b->data ? b->data : "";
    if (b->len != strlen(want) || memcmp(got, want, b->len)) {
        fprintf(stderr, "fuzz_facts: diff runs do not rebuild the %s text\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!valid_utf8(data, size))
        return -1; /* not kept in the corpus */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';

    /* facts of the whole input as one answer, each described */
    slc_arena arena;
    slc_arena_init(&arena);
    slc_facts facts = {0};
    slc_facts_extract(cat, text, &arena, &facts);
    slc_buf desc;
    slc_buf_init(&desc);
    size_t ncp = slc_text_length(text, size);
    for (size_t i = 0; i < facts.n; i++) {
        if (facts.v[i].start > facts.v[i].end || facts.v[i].end > ncp) {
            fprintf(stderr, "fuzz_facts: fact %zu spans %zu..%zu of %zu code points\n", i,
                    facts.v[i].start, facts.v[i].end, ncp);
            abort();
        }
        slc_fact_describe(&facts.v[i], &desc);
    }
    (void)slc_facts_presence(cat, text);
    slc_buf_release(&desc);
    slc_facts_release(&facts);
    slc_arena_release(&arena);

    /* the two halves, split where a code point starts */
    size_t mid = size / 2;
    while (mid < size && (text[mid] & 0xC0) == 0x80)
        mid++;
    char *a = malloc(mid + 1);
    memcpy(a, text, mid);
    a[mid] = '\0';
    const char *b = text + mid;
    rebuild r;
    slc_buf_init(&r.old);
    slc_buf_init(&r.new);
    slc_diff_words(a, b, on_run, &r);
    same_text("old", &r.old, a);
    same_text("new", &r.new, b);
    slc_buf_release(&r.old);
    slc_buf_release(&r.new);
    free(a);
    free(text);
    return 0;
}
