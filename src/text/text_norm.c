/* text_norm.c - the text module's second half: NFKC with a map back to
 * the original code points, and word boundaries (ICU). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "text.h"

/* appends code point c, from original code point `orig`, at m->cp[m->n] */
static inline void put(slc_mapped *m, size_t *cap, int32_t c, size_t orig)
{
    if (m->n + 1 >= *cap) {
        *cap *= 2;
        m->cp = slc_xrealloc(m->cp, *cap * sizeof(int32_t));
        m->orig = slc_xrealloc(m->orig, (*cap + 1) * sizeof(size_t));
    }
    m->cp[m->n] = c;
    m->orig[m->n++] = orig;
}

void slc_text_map_nfkc(const char *s, slc_mapped *m)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nz = unorm2_getNFKCInstance(&st);
    int32_t len = (int32_t)strlen(s), i = 0;
    size_t cap = (size_t)len + 8, orig = 0;
    m->n = 0;
    m->cp = slc_xmalloc(cap * sizeof(int32_t));
    m->orig = slc_xmalloc((cap + 1) * sizeof(size_t));
    while (i < len) {
        UChar32 c;
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            c = b;
            i++;
        } else if (b >= 0xE1 && b != 0xED && b <= 0xEF && i + 2 < len &&
                   ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
                   ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            /* three bytes with no overlong or surrogate form (E0, ED): all
             * of kana and kanji, decoded here as U8_NEXT would */
            c = ((b & 0x0F) << 12) | (((unsigned char)s[i + 1] & 0x3F) << 6) |
                ((unsigned char)s[i + 2] & 0x3F);
            i += 3;
        } else {
            U8_NEXT((const uint8_t *)s, i, len, c);
            if (c < 0)
                c = 0xFFFD;
        }
        /* ASCII, kana, CJK ideographs and the usual Japanese punctuation are
         * their own NFKC: no need to ask ICU */
        if (c < 0x80 || slc_text_is_kana_or_han(c) || (c >= 0x3001 && c <= 0x3003) ||
            (c >= 0x3008 && c <= 0x3011)) {
            put(m, &cap, c, orig++);
            continue;
        }
        UChar src[2], dst[32];
        int32_t sl = 0, dl;
        U16_APPEND_UNSAFE(src, sl, c);
        if (U_SUCCESS(st) && unorm2_isNormalized(nz, src, sl, &st)) {
            dst[0] = src[0];
            dst[1] = src[1];
            dl = sl;
        } else {
            UErrorCode e = U_ZERO_ERROR;
            dl = unorm2_normalize(nz, src, sl, dst, 32, &e);
            if (U_FAILURE(e)) {
                memcpy(dst, src, sizeof(src));
                dl = sl;
            }
        }
        for (int32_t j = 0; j < dl;) {
            UChar32 d;
            U16_NEXT(dst, j, dl, d);
            put(m, &cap, d, orig);
        }
        orig++;
    }
    m->orig[m->n] = orig;
}

void slc_mapped_release(slc_mapped *m)
{
    if (!m)
        return;
    free(m->cp);
    free(m->orig);
    memset(m, 0, sizeof(*m));
}

size_t slc_text_words(const char *s, size_t len, size_t **bounds)
{
    UErrorCode st = U_ZERO_ERROR;
    size_t n = 0, cap = 16;
    *bounds = slc_xmalloc(cap * sizeof(size_t));
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
    UBreakIterator *bi = U_SUCCESS(st) ? ubrk_open(UBRK_WORD, "ja", NULL, 0, &st) : NULL;
    if (bi)
        ubrk_setUText(bi, ut, &st);
    if (!bi || U_FAILURE(st)) { /* no iterator: the whole text is one word */
        (*bounds)[n++] = 0;
        if (len)
            (*bounds)[n++] = len;
    } else {
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
            if (n == cap) {
                cap *= 2;
                *bounds = slc_xrealloc(*bounds, cap * sizeof(size_t));
            }
            (*bounds)[n++] = (size_t)b; /* UTF-8 UText: native indexes are bytes */
        }
    }
    if (bi)
        ubrk_close(bi);
    utext_close(ut);
    return n;
}
