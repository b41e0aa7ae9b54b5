/* facts_extract.c - reading facts from an answer's text: numbers with
 * units and their bounds, phrases that stand for a quantity, and the
 * checklist's patterns (time bands, certifications, protocols, places,
 * disclosure). Works on NFKC code points mapped back to the original, so
 * each fact keeps the span of the vendor's own text it came from. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "regex.h"
#include "text.h"

const char *slc_fact_type_id(slc_fact_type t)
{
    static const char *ids[SLC_FACT_N] = {"presence", "quantity", "time-band", "thing",
                                          "disclosure"};
    return (unsigned)t < SLC_FACT_N ? ids[t] : "?";
}

int slc_fact_id_matches(const char *id, const char *pat)
{
    size_t n = strlen(pat);
    if (n && pat[n - 1] == '*')
        return !strncmp(id, pat, n - 1);
    return !strcmp(id, pat);
}

const slc_fact *slc_facts_find(const slc_fact *v, size_t n, slc_fact_type type, int dim)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].type == type && (type != SLC_FACT_QUANTITY || dim < 0 || (int)v[i].dim == dim))
            return &v[i];
    return NULL;
}

void slc_facts_release(slc_facts *f)
{
    if (!f)
        return;
    free(f->v);
    memset(f, 0, sizeof(*f));
}

typedef struct extractor {
    const slc_catalog *cat;
    slc_arena *arena;
    slc_facts *out;
    slc_mapped m;
    unsigned char *covered;   /* per normalized code point */
} extractor;

static slc_fact *add(extractor *x, slc_fact_type type, size_t s, size_t e)
{
    slc_facts *f = x->out;
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->v = slc_xrealloc(f->v, f->cap * sizeof(*f->v));
    }
    slc_fact *r = &f->v[f->n++];
    memset(r, 0, sizeof(*r));
    r->type = type;
    r->start = x->m.orig[s];
    r->end = e < x->m.n ? x->m.orig[e] : x->m.orig[x->m.n];
    return r;
}

/* the code point at *p in a catalog word (valid UTF-8), moving past it */
static inline int32_t next_cp(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    int32_t c;
    if (*p < 0x80)
        c = *p++;
    else if ((*p & 0xE0) == 0xC0)
        c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F), p += 2;
    else if ((*p & 0xF0) == 0xE0)
        c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F), p += 3;
    else
        c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F), p += 4;
    *pp = p;
    return c;
}

/* ASCII upper case to lower case; anything else is itself */
static inline int32_t lower(int32_t c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* length in code points of UTF-8 word w if it occurs at cp[pos], else 0 */
static size_t word_at(const slc_mapped *m, size_t pos, const char *w)
{
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)w;
    while (*p) {
        int32_t c = next_cp(&p);
        if (pos + k >= m->n)
            return 0;
        if (lower(c) != lower(m->cp[pos + k]))
            return 0;
        k++;
    }
    return k;
}

/* Which code points and which pairs of adjacent code points a text has,
 * ASCII lowercased, each in a set of 1024 bits: a word with a pair (or, of
 * one code point, a code point) not in its set does not occur, and most
 * hints are ruled out without a search. */
typedef struct text_pairs {
    uint64_t one[16];    /* code points, by their low ten bits */
    uint64_t two[16];    /* adjacent pairs, hashed */
} text_pairs;

static inline unsigned pair_hash(int32_t a, int32_t b)
{
    return ((uint32_t)a * 0x9E3779B1u ^ (uint32_t)b) >> 22;
}

static inline void bit_set(uint64_t *set, unsigned h)
{
    set[(h >> 6) & 15] |= 1ull << (h & 63);
}

static inline int bit_has(const uint64_t *set, unsigned h)
{
    return (int)(set[(h >> 6) & 15] >> (h & 63) & 1);
}

static void pairs_of(const slc_mapped *m, text_pairs *t)
{
    memset(t, 0, sizeof(*t));
    if (!m->n)
        return;
    int32_t prev = lower(m->cp[0]);
    bit_set(t->one, (unsigned)prev);
    for (size_t i = 1; i < m->n; i++) {
        int32_t c = lower(m->cp[i]);
        bit_set(t->one, (unsigned)c);
        bit_set(t->two, pair_hash(prev, c));
        prev = c;
    }
}

/* catalog word w (UTF-8, NFKC, ASCII lowercase) occurs in m */
static int has_word(const slc_mapped *m, const text_pairs *t, const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    if (!*p)
        return 1;
    int32_t first = next_cp(&p), prev = first;
    if (!*p && !bit_has(t->one, (unsigned)prev))
        return 0;
    while (*p) {
        int32_t c = next_cp(&p);
        if (!bit_has(t->two, pair_hash(prev, c)))
            return 0;
        prev = c;
    }
    /* a letter may be upper case in the text; anything else is itself */
    int32_t upper = first >= 'a' && first <= 'z' ? first - 32 : first;
    for (size_t i = 0; i < m->n; i++)
        if ((m->cp[i] == first || m->cp[i] == upper) && word_at(m, i, w))
            return 1;
    return 0;
}

/* the first byte of code point c in UTF-8 */
static inline unsigned char lead_byte(int32_t c)
{
    if (c < 0x80)
        return (unsigned char)c;
    if (c < 0x800)
        return (unsigned char)(0xC0 | c >> 6);
    if (c < 0x10000)
        return (unsigned char)(0xE0 | c >> 12);
    return (unsigned char)(0xF0 | c >> 18);
}

/* the length of the longest word of k at cp[pos]; most words are ruled out
 * by their first byte */
static size_t longest(const slc_keys *k, const slc_mapped *m, size_t pos)
{
    if (pos >= m->n)
        return 0;
    unsigned char lead = lead_byte(lower(m->cp[pos]));
    size_t best = 0;
    for (size_t i = 0; i < k->n; i++) {
        if (lower((unsigned char)k->v[i][0]) != lead)
            continue;
        size_t l = word_at(m, pos, k->v[i]);
        if (l > best)
            best = l;
    }
    return best;
}

static int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_spaces(const slc_mapped *m, size_t i)
{
    while (i < m->n && is_space(m->cp[i]))
        i++;
    return i;
}

/* ---- numbers ---- */

static int kanji_digit(int32_t c)
{
    switch (c) {   /* 〇一二三四五六七八九 */
    case 0x3007: return 0;
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

/* ASCII digits with , groups and a decimal point; or kanji numerals up
 * to 九百九十九 (十 = 10, 百 = 100). Returns the length, 0 if none. */
static size_t read_number(const slc_mapped *m, size_t i, double *value)
{
    size_t j = i;
    if (m->cp[i] >= '0' && m->cp[i] <= '9') {
        double v = 0;
        while (j < m->n && ((m->cp[j] >= '0' && m->cp[j] <= '9') ||
                            (m->cp[j] == ',' && j + 3 < m->n && m->cp[j + 1] >= '0' &&
                             m->cp[j + 1] <= '9' && j > i))) {
            if (m->cp[j] != ',')
                v = v * 10 + (m->cp[j] - '0');
            j++;
        }
        if (j + 1 < m->n && m->cp[j] == '.' && m->cp[j + 1] >= '0' && m->cp[j + 1] <= '9') {
            double scale = 0.1;
            for (j++; j < m->n && m->cp[j] >= '0' && m->cp[j] <= '9'; j++, scale /= 10)
                v += (m->cp[j] - '0') * scale;
        }
        *value = v;
        return j - i;
    }
    /* kanji: [d]百[d]十[d] */
    double total = 0, cur = -1;
    int any = 0;
    while (j < m->n) {
        int32_t c = m->cp[j];
        int d = kanji_digit(c);
        if (d >= 0) {
            /* digits in a row are positional: 一〇 = 10, 二〇二四 = 2024 */
            cur = cur < 0 ? d : cur * 10 + d;
        } else if (c == 0x767E) {   /* 百 */
            total += (cur < 0 ? 1 : cur) * 100;
            cur = -1;
        } else if (c == 0x5341) {   /* 十 */
            total += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
        } else {
            break;
        }
        any = 1;
        j++;
    }
    if (!any)
        return 0;
    *value = total + (cur < 0 ? 0 : cur);
    return j - i;
}

static int digit_or_kanji(int32_t c)
{
    if (c < 0x3007)   /* below 〇, the lowest kanji numeral: most text */
        return c >= '0' && c <= '9';
    return kanji_digit(c) >= 0 || c == 0x5341 || c == 0x767E;
}

/* A date written with 年/月/日 (2024年4月1日, 令和6年4月, 4月1日) starting
 * with the number at i of length len: its length in code points, else 0.
 * Its numbers are a point in time, not durations. */
static size_t date_length(const slc_mapped *m, size_t i, size_t len)
{
    double v;
    size_t j = i + len, k, l;
    if (j < m->n && m->cp[j] == 0x5E74) {   /* 年, then a number and 月 */
        k = j + 1;
        if (k >= m->n || !digit_or_kanji(m->cp[k]) || !(l = read_number(m, k, &v)) ||
            k + l >= m->n || m->cp[k + l] != 0x6708)
            return 0;
        j = k + l;
    }
    if (j >= m->n || m->cp[j] != 0x6708)   /* 月 */
        return 0;
    k = j + 1;
    if (k < m->n && digit_or_kanji(m->cp[k]) && (l = read_number(m, k, &v)) && k + l < m->n &&
        m->cp[k + l] == 0x65E5)   /* 日 */
        return k + l + 1 - i;
    /* a bare month (4月) is a date only after a year */
    return m->cp[i + len] == 0x5E74 ? j + 1 - i : 0;
}

static void scan_numbers(extractor *x)
{
    const slc_catalog *cat = x->cat;
    const slc_mapped *m = &x->m;
    for (size_t i = 0; i < m->n; i++) {
        if (x->covered[i] || !digit_or_kanji(m->cp[i]))
            continue;
        /* not the middle of a longer number or a word like 一般 */
        if (i > 0 && (digit_or_kanji(m->cp[i - 1]) || m->cp[i - 1] == '.'))
            continue;
        double amount;
        size_t len = read_number(m, i, &amount);
        if (!len)
            continue;
        size_t dl = date_length(m, i, len);
        if (dl) {
            i += dl - 1;
            continue;
        }
        int ascii = m->cp[i] >= '0' && m->cp[i] <= '9';
        size_t u = skip_spaces(m, i + len);
        const slc_cat_unit *unit = NULL;
        size_t ulen = 0;
        for (size_t k = 0; k < cat->nunits; k++) {
            size_t l = longest(&cat->units[k].words, m, u);
            if (l > ulen) {
                ulen = l;
                unit = &cat->units[k];
            }
        }
        /* a kanji numeral counts only with a unit (一般, 同一 are words) */
        if (!unit || (!ascii && !ulen)) {
            i += len - 1;
            continue;
        }
        /* ASCII letters as units must stand alone: "5 min", not "5 minutely" */
        size_t end = u + ulen;
        if (end < m->n && m->cp[end] < 0x80 && ((m->cp[end] | 32) >= 'a' && (m->cp[end] | 32) <= 'z') &&
            m->cp[u] < 0x80) {
            i += len - 1;
            continue;
        }
        slc_op op = SLC_OP_EQ;
        size_t after = skip_spaces(m, end), clen = 0;
        for (size_t k = 0; k < cat->ncomparators; k++) {
            if (cat->comparators[k].before)
                continue;
            size_t l = longest(&cat->comparators[k].words, m, after);
            if (l > clen) {
                clen = l;
                op = cat->comparators[k].op;
            }
        }
        size_t start = i;
        if (op == SLC_OP_EQ) {
            /* a bound before the number: 最大3日 */
            for (size_t k = 0; k < cat->ncomparators; k++) {
                if (!cat->comparators[k].before)
                    continue;
                for (size_t w = 0; w < cat->comparators[k].words.n; w++) {
                    const char *word = cat->comparators[k].words.v[w];
                    size_t wl = slc_text_length(word, strlen(word));
                    size_t back = i;
                    while (back > 0 && is_space(m->cp[back - 1]))
                        back--;
                    /* 最大で1週間, 最長は3日 */
                    if (back > 0 && (m->cp[back - 1] == 0x3067 || m->cp[back - 1] == 0x306F))
                        back--;
                    if (back >= wl && word_at(m, back - wl, word) == wl) {
                        op = cat->comparators[k].op;
                        start = back - wl;
                    }
                }
            }
        }
        slc_fact *f = add(x, SLC_FACT_QUANTITY, start, clen ? after + clen : end);
        f->dim = unit->dim;
        f->amount = amount;
        f->value = amount * unit->factor;
        f->unit = unit->id;
        f->op = op;
        for (size_t k = i; k < (clen ? after + clen : end); k++)
            x->covered[k] = 1;
        i = (clen ? after + clen : end) - 1;
    }
}

/* first code point of a catalog word (UTF-8, already NFKC), -1 if empty */
static int32_t first_cp(const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    return *p ? next_cp(&p) : -1;
}

static void scan_values(extractor *x)
{
    const slc_catalog *cat = x->cat;
    /* only positions where some phrase could start are worth a look */
    int32_t firsts[64];
    uint64_t seen[16] = {0};   /* first code points, hashed to 1024 bits */
    size_t nf = 0;
    for (size_t k = 0; k < cat->nvalues; k++)
        for (size_t w = 0; w < cat->values[k].words.n && nf < 64; w++) {
            int32_t c = first_cp(cat->values[k].words.v[w]);
            c = lower(c);
            firsts[nf++] = c;
            seen[(c & 1023) >> 6] |= 1ull << (c & 63);
        }
    for (size_t i = 0; i < x->m.n; i++) {
        if (x->covered[i])
            continue;
        int32_t c = lower(x->m.cp[i]);
        int maybe = nf >= 64;
        if (!maybe && !(seen[(c & 1023) >> 6] >> (c & 63) & 1))
            continue;
        for (size_t k = 0; k < nf && !maybe; k++)
            maybe = firsts[k] == c;
        if (!maybe)
            continue;
        for (size_t k = 0; k < cat->nvalues; k++) {
            size_t l = longest(&cat->values[k].words, &x->m, i);
            if (!l)
                continue;
            slc_fact *f = add(x, SLC_FACT_QUANTITY, i, i + l);
            f->dim = cat->values[k].dim;
            f->value = f->amount = cat->values[k].amount;
            f->op = cat->values[k].op;
            for (size_t c = i; c < i + l; c++)
                x->covered[c] = 1;
            i += l - 1;
            break;
        }
    }
}

/* ---- patterns ---- */

typedef struct pattern_ctx {
    extractor *x;
    const slc_cat_pattern *p;
} pattern_ctx;

static int group_int(const slc_mapped *m, const slc_match *mt, int g)
{
    if (g >= mt->ngroups || mt->gstart[g] < 0)
        return -1;
    int v = 0;
    for (long i = mt->gstart[g]; i < mt->gend[g]; i++)
        v = v * 10 + (m->cp[i] - '0');
    return v;
}

/* 平日 or 月〜金 near a band: five days a week */
static int band_days(const slc_mapped *m, size_t start, size_t end)
{
    static const char *const weekdays[] = {"平日", "月~金", "月〜金", "月～金", "月曜日~金曜日",
                                           "月曜日〜金曜日", "月曜~金曜", "月-金", "土日祝"};
    size_t from = start > 20 ? start - 20 : 0;
    size_t to = end + 20 < m->n ? end + 20 : m->n;
    for (size_t i = from; i < to; i++) {
        if (word_at(m, i, "365日") || word_at(m, i, "年中無休"))
            return 7;
        for (size_t w = 0; w < sizeof(weekdays) / sizeof(weekdays[0]); w++)
            if (word_at(m, i, weekdays[w]))
                return 5;
    }
    return 0;
}

static int negated_after(const slc_mapped *m, size_t end)
{
    static const char *const neg[] = {"ません", "ない", "なし", "not", "never"};
    for (size_t i = end; i < m->n && i < end + 20; i++) {
        if (m->cp[i] == 0x3002 || m->cp[i] == 0x3001 || m->cp[i] == ',' || m->cp[i] == '.')
            return 0;   /* 。、 end the clause the negation would belong to */
        for (size_t w = 0; w < sizeof(neg) / sizeof(neg[0]); w++)
            if (word_at(m, i, neg[w]))
                return 1;
    }
    return 0;
}

static void on_match(void *data, const slc_match *mt)
{
    pattern_ctx *pc = data;
    extractor *x = pc->x;
    const slc_cat_pattern *p = pc->p;
    const slc_mapped *m = &x->m;
    size_t s = (size_t)mt->start, e = (size_t)mt->end;
    if (e <= s)
        return;
    for (size_t i = s; i < e; i++)
        if (x->covered[i])
            return;
    if (!strcmp(p->type, "time-band")) {
        slc_fact *f = add(x, SLC_FACT_TIME_BAND, s, e);
        if (mt->ngroups >= 2) {   /* HH:MM~HH:MM, or 9時~18時 (whole hours) */
            int whole = mt->ngroups < 4;
            int h1 = group_int(m, mt, 0), m1 = whole ? 0 : group_int(m, mt, 1);
            int h2 = group_int(m, mt, whole ? 1 : 2), m2 = whole ? 0 : group_int(m, mt, 3);
            f->band_from = h1 * 60 + m1;
            f->band_to = h2 * 60 + m2;
            f->band_days = band_days(m, s, e);
        } else {
            f->band_from = 0;
            f->band_to = 24 * 60;
            f->band_days = 7;
        }
        for (size_t i = s; i < e; i++)
            x->covered[i] = 1;
        return;
    }
    slc_fact *f = add(x, !strcmp(p->type, "disclosure") ? SLC_FACT_DISCLOSURE : SLC_FACT_THING, s, e);
    f->kind = p->type;
    const char *brace = strstr(p->id, "{1}");
    if (brace && mt->ngroups >= 1 && mt->gstart[0] >= 0) {
        slc_buf b;
        slc_buf_init(&b);
        slc_buf_add(&b, p->id, (size_t)(brace - p->id));
        for (long i = mt->gstart[0]; i < mt->gend[0]; i++) {
            int32_t c = m->cp[i];
            if (c < 0x80)
                slc_buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        slc_buf_adds(&b, brace + 3);
        f->id = slc_arena_strdup(x->arena, b.data);
        slc_buf_release(&b);
    } else {
        f->id = p->id;
    }
    f->negated = p->negatable && negated_after(m, e);
    if (f->type == SLC_FACT_THING)
        for (size_t i = s; i < e; i++)
            x->covered[i] = 1;
}

void slc_facts_extract(const slc_catalog *cat, const char *answer, slc_arena *arena,
                       slc_facts *out)
{
    extractor x;
    if (!answer || !*answer)
        return;
    memset(&x, 0, sizeof(x));
    x.cat = cat;
    x.arena = arena;
    x.out = out;
    slc_text_map_nfkc(answer, &x.m);
    x.covered = slc_xcalloc(x.m.n + 1, 1);

    slc_presence pr = slc_facts_presence(cat, answer);
    if (pr != SLC_PRESENCE_NONE) {
        slc_fact *f = add(&x, SLC_FACT_PRESENCE, 0, 0);
        f->presence = pr;
        /* the span of the word: the first 【..】 or the leading word */
        size_t s = skip_spaces(&x.m, 0), e = s;
        while (e < x.m.n && e < s + 6 && !is_space(x.m.cp[e]) && x.m.cp[e] != 0x3001)
            if (x.m.cp[e++] == 0x3011)   /* 】 */
                break;
        f->start = x.m.orig[s < x.m.n ? s : x.m.n];
        f->end = x.m.orig[e < x.m.n ? e : x.m.n];
    }
    text_pairs tp;
    pairs_of(&x.m, &tp);
    /* time bands first: their numbers are hours of a day, not durations */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cat->npatterns; i++) {
            const slc_cat_pattern *p = &cat->patterns[i];
            if (!p->re || (pass == 0) != (p->type[0] == 't' && !strcmp(p->type, "time-band")))
                continue;
            int hinted = p->hints.n == 0;
            for (size_t h = 0; h < p->hints.n && !hinted; h++)
                hinted = has_word(&x.m, &tp, p->hints.v[h]);
            if (!hinted)
                continue;   /* none of its words occur: it cannot match */
            pattern_ctx pc = {&x, p};
            slc_regex_each(p->re, x.m.cp, x.m.n, on_match, &pc);
        }
    }
    scan_numbers(&x);
    scan_values(&x);
    free(x.covered);
    slc_mapped_release(&x.m);
}

static const char *unit_name(const slc_fact *f)
{
    switch (f->dim) {
    case SLC_DIM_PERCENTAGE:
        return "%";
    case SLC_DIM_COUNT:
        return f->unit && !strcmp(f->unit, "generation") ? " generations" : "";
    default:
        return "";
    }
}

const char *slc_op_symbol(slc_op op)
{
    static const char *const ops[SLC_OP_N] = {"", "≠ ", "< ", "≤ ", "> ", "≥ "};
    return (unsigned)op < SLC_OP_N ? ops[op] : "";
}

const char *slc_duration_unit(double seconds, double *amount)
{
    static const struct { const char *id; double s; } u[] = {
        {"year", 31536000}, {"month", 2592000}, {"week", 604800}, {"day", 86400},
        {"hour", 3600},     {"minute", 60},     {"second", 1}};
    size_t k = 0;
    while (k + 1 < sizeof(u) / sizeof(u[0]) && (seconds < u[k].s || fmod(seconds, u[k].s) != 0))
        k++;
    *amount = seconds / u[k].s;
    return u[k].id;
}

void slc_fact_describe(const slc_fact *f, slc_buf *out)
{
    switch (f->type) {
    case SLC_FACT_PRESENCE:
        slc_buf_adds(out, slc_presence_id(f->presence));
        break;
    case SLC_FACT_QUANTITY:
        slc_buf_adds(out, slc_op_symbol(f->op));
        if (f->dim == SLC_DIM_DURATION && f->unit) {
            slc_buf_addf(out, "%g %s%s", f->amount, f->unit, f->amount == 1 ? "" : "s");
        } else if (f->dim == SLC_DIM_DURATION) {
            double amount;
            const char *unit = slc_duration_unit(f->value, &amount);
            if (f->value == 0)
                slc_buf_adds(out, "0 seconds");
            else
                slc_buf_addf(out, "%g %s%s", amount, unit, amount == 1 ? "" : "s");
        } else {
            slc_buf_addf(out, "%g%s", f->value, unit_name(f));
        }
        if (f->basis != SLC_BASIS_STATED)   /* basis: shared with the facts branch */
            slc_buf_addf(out, " (%s)", slc_basis_label(f->basis, 0));
        break;
    case SLC_FACT_TIME_BAND:
        if (f->band_from == 0 && f->band_to == 1440)
            slc_buf_adds(out, "24h");
        else
            slc_buf_addf(out, "%02d:%02d-%02d:%02d", f->band_from / 60, f->band_from % 60,
                         f->band_to / 60, f->band_to % 60);
        if (f->band_days)
            slc_buf_addf(out, " x %dd", f->band_days);
        break;
    case SLC_FACT_THING:
    case SLC_FACT_DISCLOSURE:
        slc_buf_addf(out, "%s%s", f->negated ? "not " : "", f->id ? f->id : "");
        break;
    default:
        break;
    }
}
