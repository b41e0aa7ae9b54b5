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
    /* the code points a match can begin with, when the pattern says (see
     * first_chars; valid when known) */
    uint32_t *first;
    size_t nfirst;
    int known;     /* first and at_start say where a match may begin */
    int at_start;  /* a match may begin at 0 whatever the code point (^) */
    uint32_t *pat; /* the pattern's code points, while first is known */
    size_t npat;
    /* the pattern compiled anchored, JIT-compiled (slc_regex_jit): tried at
     * each position where a match may begin, rather than searching on */
    pcre2_code *anchored;
    uint64_t bits[64]; /* first, by the low 12 bits of a code point */
};

/* ---- where a match can begin ----
 *
 * PCRE2 tries a pattern at every position whose code unit could begin a
 * match, but it knows those only below 256: in Japanese text a pattern
 * such as (?:約款|利用規約|…)… is tried at every position. first_chars()
 * reads the pattern (the plain part of the syntax; anything else gives
 * up) for the set of code points a match must begin with, so that
 * slc_regex_each() starts PCRE2 only where one occurs, and not at all in
 * a text without one. Giving up is always safe: the pattern then runs as
 * before. */

typedef struct cpset {
    uint32_t *v;
    size_t n, cap;
    int nullable; /* can match the empty string */
    int at_start; /* a ^ begins some way through it */
} cpset;

#define FIRST_MAX 512 /* more code points than this: no use, give up */

typedef struct first_parser {
    const uint32_t *p;
    size_t i, n;
    int failed;
    int skip; /* past the first set: the syntax is read, not its meaning */
} first_parser;

static void set_add(first_parser *fp, cpset *s, uint32_t c)
{
    if (fp->skip)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == c)
            return;
    if (s->n >= FIRST_MAX) {
        fp->failed = 1;
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = slc_xrealloc(s->v, s->cap * sizeof(*s->v));
    }
    s->v[s->n++] = c;
}

static void set_union(first_parser *fp, cpset *a, const cpset *b)
{
    for (size_t i = 0; i < b->n && !fp->failed; i++)
        set_add(fp, a, b->v[i]);
    a->at_start |= b->at_start;
}

/* a literal code point, with the others it matches case-insensitively;
 * letters outside ASCII (whose case folding is Unicode's) give up */
static void add_literal(first_parser *fp, cpset *s, uint32_t c)
{
    if (fp->skip)
        return;
    if (c < 0x80) {
        set_add(fp, s, c);
        if ((c | 32) >= 'a' && (c | 32) <= 'z') {
            set_add(fp, s, c ^ 32);
            if ((c | 32) == 'k')
                set_add(fp, s, 0x212A); /* KELVIN SIGN */
            if ((c | 32) == 's')
                set_add(fp, s, 0x017F); /* LATIN SMALL LETTER LONG S */
        }
        return;
    }
    int caseless = c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
                   (c >= 0x3000 && c < 0x10000 && !(c >= 0xFF21 && c <= 0xFF5A));
    if (caseless)
        set_add(fp, s, c);
    else
        fp->failed = 1;
}

/* \s with Unicode properties: White_Space */
static void add_space(first_parser *fp, cpset *s)
{
    static const uint32_t sp[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,  0xA0,
                                  0x1680, 0x180E, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    for (size_t i = 0; i < sizeof(sp) / sizeof(sp[0]); i++)
        set_add(fp, s, sp[i]);
    for (uint32_t c = 0x2000; c <= 0x200A; c++)
        set_add(fp, s, c);
}

static int is_pattern_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static void alternatives(first_parser *fp, cpset *out);

/* an escape \e (e a letter or digit) where only its extent matters: one
 * that takes braces or a name, or quotes, gives up */
static int skippable_escape(const first_parser *fp, uint32_t e)
{
    uint32_t next = fp->i < fp->n ? fp->p[fp->i] : 0;
    return fp->skip && e != 'Q' && e != 'E' && e != 'c' && e != 'g' && e != 'k' && next != '{' &&
           next != '<';
}

/* after a backslash: 1 if the escape was dealt with here (\s adds the
 * spaces, \b outside a class is empty; any other letter or digit - \d \w
 * \p \x{..} \Q, back references - is skipped past the first set, else gives
 * up), 0 if it is the literal code point *lit (\. \( \- …) */
static int escape(first_parser *fp, cpset *s, int in_class, uint32_t *lit)
{
    if (fp->i >= fp->n) {
        fp->failed = 1;
        return 1;
    }
    uint32_t e = fp->p[fp->i++];
    if (e == 's') {
        add_space(fp, s);
        return 1;
    }
    if (!in_class && (e == 'b' || e == 'B')) {
        s->nullable = 1;
        return 1;
    }
    if ((e < 0x80 && ((e | 32) >= 'a' && (e | 32) <= 'z')) || is_pattern_digit(e)) {
        if (!skippable_escape(fp, e))
            fp->failed = 1;
        return 1;
    }
    *lit = e;
    return 0;
}

/* [...]: its members (no negation, no classes but \s) */
static void bracket(first_parser *fp, cpset *s)
{
    const uint32_t *p = fp->p;
    fp->i++; /* [ */
    if (fp->i < fp->n && p[fp->i] == '^') {
        if (!fp->skip) {
            fp->failed = 1;
            return;
        }
        fp->i++;
    }
    int firstc = 1;
    while (fp->i < fp->n && !fp->failed && (p[fp->i] != ']' || firstc)) {
        uint32_t c = p[fp->i++];
        firstc = 0;
        if (c == '[') { /* [:alpha:] and the like */
            fp->failed = 1;
            return;
        }
        if (c == '\\' && escape(fp, s, 1, &c)) {
            if (fp->failed)
                return;
            continue;
        }
        if (fp->i + 1 < fp->n && p[fp->i] == '-' && p[fp->i + 1] != ']') {
            uint32_t hi = p[fp->i + 1];
            fp->i += 2;
            if (fp->skip && hi != '\\')
                continue;
            if (hi == '\\' || hi < c || hi - c > 128) {
                fp->failed = 1;
                return;
            }
            for (uint32_t k = c; k <= hi && !fp->failed; k++)
                add_literal(fp, s, k);
            continue;
        }
        add_literal(fp, s, c);
    }
    if (fp->i >= fp->n)
        fp->failed = 1;
    else
        fp->i++; /* ] */
}

/* one atom at fp->i (a code point, escape, class or group) */
static void atom(first_parser *fp, cpset *s)
{
    const uint32_t *p = fp->p;
    uint32_t c = p[fp->i];
    if (c == '(') {
        if (fp->i + 1 < fp->n && p[fp->i + 1] == '*') {
            fp->failed = 1; /* (*VERB) */
            return;
        }
        int zero_width = 0;
        fp->i++;
        if (fp->i < fp->n && p[fp->i] == '?') {
            uint32_t k = fp->i + 1 < fp->n ? p[fp->i + 1] : 0;
            if (k == ':') {
                fp->i += 2;
            } else if (k == '=' || k == '!') {
                zero_width = 1;
                fp->i += 2;
            } else if (k == '<' && fp->i + 2 < fp->n &&
                       (p[fp->i + 2] == '=' || p[fp->i + 2] == '!')) {
                zero_width = 1;
                fp->i += 3;
            } else {
                fp->failed = 1; /* named groups, flags, recursion, conditions */
                return;
            }
        }
        cpset in = {0};
        alternatives(fp, &in);
        if (!fp->failed && (fp->i >= fp->n || p[fp->i] != ')'))
            fp->failed = 1;
        fp->i++;
        if (zero_width) { /* a look-around reads no code point of the match */
            s->nullable = 1;
        } else {
            set_union(fp, s, &in);
            s->nullable = in.nullable;
        }
        free(in.v);
        return;
    }
    if (c == '[') {
        bracket(fp, s);
        return;
    }
    fp->i++;
    if (c == '^') {
        s->at_start = 1; /* without multiline: the match begins at 0 */
        return;
    }
    if (c == '$') {
        s->nullable = 1;
        return;
    }
    if (c == '.' && fp->skip)
        return;
    if (c == '.' || c == ')' || c == '|' || c == '*' || c == '+' || c == '?' || c == '{') {
        fp->failed = 1;
        return;
    }
    if (c == '\\' && escape(fp, s, 0, &c))
        return;
    add_literal(fp, s, c);
}

/* a quantifier after an atom: its minimum count, -1 if none */
static int quantifier(first_parser *fp)
{
    const uint32_t *p = fp->p;
    if (fp->i >= fp->n)
        return -1;
    int min = -1;
    uint32_t c = p[fp->i];
    if (c == '?' || c == '*') {
        min = 0;
        fp->i++;
    } else if (c == '+') {
        min = 1;
        fp->i++;
    } else if (c == '{') {
        size_t j = fp->i + 1;
        int v = 0, digits = 0;
        while (j < fp->n && is_pattern_digit(p[j]) && v < 100000)
            v = v * 10 + (int)(p[j++] - '0'), digits++;
        if (!digits) {
            fp->failed = 1; /* a literal {, or {,n}: not worth reading */
            return -1;
        }
        if (j < fp->n && p[j] == ',') {
            j++;
            while (j < fp->n && is_pattern_digit(p[j]))
                j++;
        }
        if (j >= fp->n || p[j] != '}') {
            fp->failed = 1;
            return -1;
        }
        fp->i = j + 1;
        min = v;
    } else {
        return -1;
    }
    if (fp->i < fp->n && (p[fp->i] == '?' || p[fp->i] == '+'))
        fp->i++; /* lazy or possessive */
    return min;
}

/* alternatives up to ) or the end: the union of their first sets */
static void alternatives(first_parser *fp, cpset *out)
{
    const uint32_t *p = fp->p;
    out->nullable = 0;
    for (;;) {
        /* one alternative: a sequence, whose first set takes each element's
         * until an element that cannot be empty */
        int open = 1; /* every element so far could be empty */
        while (fp->i < fp->n && !fp->failed && p[fp->i] != '|' && p[fp->i] != ')') {
            cpset a = {0};
            fp->skip += !open;
            atom(fp, &a);
            int min = fp->failed ? -1 : quantifier(fp);
            fp->skip -= !open;
            if (min == 0)
                a.nullable = 1;
            if (open)
                set_union(fp, out, &a);
            if (a.at_start) {
                /* ^ holds only at 0: this way through matches from 0 */
                open = 0;
            } else if (!a.nullable) {
                open = 0;
            }
            free(a.v);
        }
        if (open)
            out->nullable = 1;
        if (fp->failed || fp->i >= fp->n || p[fp->i] != '|')
            return;
        fp->i++;
    }
}

/* re->first from the pattern's code points; re->known stays 0 when unsure */
static void first_chars(slc_regex *re, const uint32_t *pat, size_t n)
{
    first_parser fp = {pat, 0, n, 0, 0};
    cpset s = {0};
    alternatives(&fp, &s);
    if (fp.failed || fp.i != n || s.nullable) {
        free(s.v);
        return;
    }
    re->known = 1;
    re->first = s.v;
    re->nfirst = s.n;
    re->at_start = s.at_start;
    for (size_t i = 0; i < s.n; i++)
        re->bits[(s.v[i] & 4095) >> 6] |= 1ull << (s.v[i] & 63);
}

/* the first position at or after at where a match may begin, n if none */
static size_t next_start(const slc_regex *re, const uint32_t *s, size_t n, size_t at)
{
    if (at == 0 && re->at_start)
        return 0;
    for (size_t i = at; i < n; i++) {
        uint32_t c = s[i];
        if (!(re->bits[(c & 4095) >> 6] >> (c & 63) & 1))
            continue;
        for (size_t k = 0; k < re->nfirst; k++)
            if (re->first[k] == c)
                return i;
    }
    return n;
}

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

static pcre2_code *compile(const uint32_t *pat, size_t n, uint32_t options, int *code,
                           PCRE2_SIZE *off)
{
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    /* . and $ treat every Unicode line end as one, as ICU did */
    pcre2_set_newline(cc, PCRE2_NEWLINE_ANY);
    pcre2_code *re =
        pcre2_compile(pat, n, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NO_UTF_CHECK | options,
                      code, off, cc);
    pcre2_compile_context_free(cc);
    return re;
}

slc_regex *slc_regex_new(const char *pattern, char *err, size_t len)
{
    size_t n;
    uint32_t *pat = utf8_to_cp(pattern, &n);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = compile(pat, n, 0, &code, &off);
    if (!re) {
        free(pat);
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
    slc_regex *r = slc_xcalloc(1, sizeof(*r));
    first_chars(r, pat, n);
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
    if (r->known) {
        r->pat = pat;
        r->npat = n;
    } else {
        free(pat);
    }
    return r;
}

void slc_regex_jit(slc_regex *re)
{
    if (re->anchored)
        return;
    if (re->pat) {
        /* PCRE2 matches anchored at one position only with a pattern
         * compiled so (PCRE2_ANCHORED at match time would leave the JIT);
         * slc_regex_each then uses that one alone */
        int code;
        PCRE2_SIZE off;
        re->anchored = compile(re->pat, re->npat, PCRE2_ANCHORED, &code, &off);
        if (re->anchored && pcre2_jit_compile(re->anchored, PCRE2_JIT_COMPLETE) == 0)
            return;
        pcre2_code_free(re->anchored);
        re->anchored = NULL;
    }
    /* without JIT support (or memory for it) matching stays interpreted */
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
}

void slc_regex_free(slc_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    pcre2_code_free(re->anchored);
    free(re->first);
    free(re->pat);
    pcre2_match_context_free(re->mc);
    free(re);
}

/* the subject as PCRE2 may read it without a UTF check: a copy only when
 * some value is not a Unicode scalar value */
static const uint32_t *subject(const int32_t *cp, size_t n, uint32_t **copy)
{
    *copy = NULL;
    uint32_t bad = 0; /* no early exit: the loop vectorizes */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = (uint32_t)cp[i];
        bad |= (uint32_t)(c > 0x10FFFF) | (uint32_t)(c - 0xD800u < 0x800u);
    }
    if (!bad)
        return (const uint32_t *)cp;
    uint32_t *v = slc_xmalloc((n ? n : 1) * sizeof(*v));
    for (size_t j = 0; j < n; j++)
        v[j] = cp[j] < 0 || cp[j] > 0x10FFFF || (cp[j] >= 0xD800 && cp[j] < 0xE000)
                   ? 0xFFFD
                   : (uint32_t)cp[j];
    return *copy = v;
}

static void each(const slc_regex *re, const uint32_t *s, size_t n, slc_regex_fn fn, void *data);

void slc_regex_each(const slc_regex *re, const int32_t *cp, size_t n, slc_regex_fn fn, void *data)
{
    uint32_t *copy;
    each(re, subject(cp, n, &copy), n, fn, data);
    free(copy);
}

void slc_regex_each_scalar(const slc_regex *re, const int32_t *cp, size_t n, slc_regex_fn fn,
                           void *data)
{
    each(re, (const uint32_t *)cp, n, fn, data);
}

static void each(const slc_regex *re, const uint32_t *s, size_t n, slc_regex_fn fn, void *data)
{
    pcre2_match_data *md = pcre2_match_data_create(SLC_REGEX_GROUPS + 1, NULL);
    size_t at = 0;
    while (at <= n) {
        if (re->known && (at = next_start(re, s, n, at)) >= n)
            break; /* no code point a match begins with: no match */
        /* the anchored code is JIT-compiled (slc_regex_jit): straight into
         * it, without pcre2_match's checks on every call */
        int rc = re->anchored ? pcre2_jit_match(re->anchored, s, n, at, 0, md, re->mc)
                              : pcre2_match(re->code, s, n, at, PCRE2_NO_UTF_CHECK, md, re->mc);
        if (rc == PCRE2_ERROR_NOMATCH && re->anchored) {
            at++; /* none here: the next position a match may begin */
            continue;
        }
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
