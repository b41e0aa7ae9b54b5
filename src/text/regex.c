/* regex.c - PCRE2's 32-bit library over code points: a code unit is a
 * code point, so match offsets are code point indexes with no conversion
 * and no UTF-16 copy. Compiling needs no global set-up (unlike ICU's
 * regex engine, whose first compile builds its Unicode sets: about 8
 * million instructions, a quarter of validating one file). */
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "util.h"

/* Limits on one match: a pattern that backtracks without end (such as
 * ^(a*)*\1b) stops within a fraction of a second instead of PCRE2's
 * default ten million steps; ordinary patterns on answers of the largest
 * cell stay well inside them. */
#define MATCH_LIMIT 200000u   /* backtracking steps */
#define DEPTH_LIMIT 10000u    /* nested backtracking points */
#define HEAP_LIMIT_KIB 20480u /* memory for backtracking */

struct slc_regex {
    pcre2_code *code;
    pcre2_match_context *mc; /* the limits; read-only while matching */
    int ngroups;             /* capture groups reported, at most SLC_REGEX_GROUPS */
};

/* code points of UTF-8 text (ill-formed sequences become U+FFFD); *n set */
static uint32_t *utf8_to_cp(const char *s, size_t *n)
{
    size_t len = strlen(s), k = 0;
    uint32_t *v = slc_xmalloc((len + 1) * sizeof(*v));
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p, need = c < 0x80                ? 0
                                : c >= 0xC2 && c < 0xE0 ? 1
                                : c >= 0xE0 && c < 0xF0 ? 2
                                : c >= 0xF0 && c < 0xF5 ? 3
                                                        : 9;
        uint32_t cp = need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : c & 0x07;
        if (!need) {
            v[k++] = c;
            p++;
            continue;
        }
        size_t i = 1;
        if (need != 9)
            for (; i <= need && p + i < end && (p[i] & 0xC0) == 0x80; i++)
                cp = (cp << 6) | (p[i] & 0x3F);
        int ok = need != 9 && i == need + 1 &&
                 !(need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) &&
                 !(need == 3 && (cp < 0x10000 || cp > 0x10FFFF));
        v[k++] = ok ? cp : 0xFFFD;
        p += ok ? need + 1 : (i > 1 ? i : 1);
    }
    *n = k;
    return v;
}

slc_regex *slc_regex_new(const char *pattern, char *err, size_t len)
{
    size_t n;
    uint32_t *pat = utf8_to_cp(pattern, &n);
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    /* . and $ treat every Unicode line end as one, as ICU did */
    pcre2_set_newline(cc, PCRE2_NEWLINE_ANY);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile(
        pat, n, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NO_UTF_CHECK, &code, &off, cc);
    pcre2_compile_context_free(cc);
    free(pat);
    if (!re) {
        if (err && len) {
            PCRE2_UCHAR msg[160];
            char m8[160];
            size_t i = 0;
            if (pcre2_get_error_message(code, msg, 160) < 0)
                msg[0] = 0;
            for (; msg[i] && i + 1 < sizeof(m8); i++) /* PCRE2's messages are ASCII */
                m8[i] = msg[i] < 0x80 ? (char)msg[i] : '?';
            m8[i] = 0;
            snprintf(err, len, "%s at offset %zu", m8, (size_t)off);
        }
        return NULL;
    }
    slc_regex *r = slc_xmalloc(sizeof(*r));
    uint32_t groups = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
    r->code = re;
    r->mc = pcre2_match_context_create(NULL);
    if (r->mc) {
        pcre2_set_match_limit(r->mc, MATCH_LIMIT);
        pcre2_set_depth_limit(r->mc, DEPTH_LIMIT);
        pcre2_set_heap_limit(r->mc, HEAP_LIMIT_KIB);
    }
    r->ngroups = groups > SLC_REGEX_GROUPS ? SLC_REGEX_GROUPS : (int)groups;
    return r;
}

void slc_regex_jit(slc_regex *re)
{
    /* without JIT support (or memory for it) matching stays interpreted */
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
}

void slc_regex_free(slc_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    pcre2_match_context_free(re->mc);
    free(re);
}

/* the subject as PCRE2 may read it without a UTF check: a copy only when
 * some value is not a Unicode scalar value */
static const uint32_t *subject(const int32_t *cp, size_t n, uint32_t **copy)
{
    *copy = NULL;
    for (size_t i = 0; i < n; i++)
        if (cp[i] < 0 || cp[i] > 0x10FFFF || (cp[i] >= 0xD800 && cp[i] < 0xE000)) {
            uint32_t *v = slc_xmalloc((n ? n : 1) * sizeof(*v));
            for (size_t j = 0; j < n; j++)
                v[j] = cp[j] < 0 || cp[j] > 0x10FFFF || (cp[j] >= 0xD800 && cp[j] < 0xE000)
                           ? 0xFFFD
                           : (uint32_t)cp[j];
            return *copy = v;
        }
    return (const uint32_t *)cp;
}

void slc_regex_each(const slc_regex *re, const int32_t *cp, size_t n, slc_regex_fn fn, void *data)
{
    uint32_t *copy;
    const uint32_t *s = subject(cp, n, &copy);
    pcre2_match_data *md = pcre2_match_data_create(SLC_REGEX_GROUPS + 1, NULL);
    size_t at = 0;
    while (at <= n) {
        int rc = pcre2_match(re->code, s, n, at, PCRE2_NO_UTF_CHECK, md, re->mc);
        if (rc < 0)
            break; /* no match, or a limit reached; 0: more groups than asked for */
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        slc_match m;
        m.start = (long)ov[0];
        m.end = (long)ov[1];
        m.ngroups = re->ngroups;
        for (int g = 0; g < m.ngroups; g++) {
            PCRE2_SIZE gs = ov[2 * g + 2], ge = ov[2 * g + 3];
            m.gstart[g] = gs == PCRE2_UNSET ? -1 : (long)gs;
            m.gend[g] = ge == PCRE2_UNSET ? -1 : (long)ge;
        }
        fn(data, &m);
        /* an empty match moves on one code point, as ICU's findNext did */
        at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
    pcre2_match_data_free(md);
    free(copy);
}

int slc_regex_search(const slc_regex *re, const char *s)
{
    size_t n;
    uint32_t *v = utf8_to_cp(s, &n);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    int rc = pcre2_match(re->code, v, n, 0, PCRE2_NO_UTF_CHECK, md, re->mc);
    pcre2_match_data_free(md);
    free(v);
    if (rc >= 0)
        return 1; /* 0: matched, the ovector too small for the groups */
    return rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL ? 0 : -1;
}
