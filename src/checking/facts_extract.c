/* facts_extract.c - reading facts from an answer's text: numbers with
 * units and their bounds, phrases that stand for a quantity, and the
 * checklist's patterns (time bands, certifications, protocols, places,
 * disclosure). Works on NFKC code points mapped back to the original, so
 * each fact keeps the span of the vendor's own text it came from. */
#include <math.h>
#include <pthread.h>
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

/* a span where a basis, status or presence pattern matched (code points
 * of the normalized text), in the order of the checklist's patterns */
typedef struct cue {
    size_t start, end;
    size_t word_end; /* basis words: where the words themselves end, else 0 */
    const char *id;
} cue;

typedef struct cues {
    cue *v;
    size_t n, cap;
} cues;

struct unit_words;
struct value_starts;

typedef struct extractor {
    const slc_catalog *cat;
    const struct unit_words *units;    /* the catalog's unit words by lead byte */
    const struct value_starts *starts; /* where its value phrases may begin */
    const slc_cat_item *item;          /* NULL: no context */
    slc_arena *arena;
    slc_facts *out;
    slc_mapped m;
    unsigned char *covered; /* per normalized code point */
    cues basis, status, presence;
    size_t first;      /* the first fact of this answer in out */
    size_t ranges[16]; /* the facts that end a range (the fact before begins it) */
    size_t nranges;
    size_t *bad; /* impossible values: start, end pairs (may be NULL) */
    size_t nbad, maxbad;
} extractor;

static void cue_add(cues *c, size_t s, size_t e, const char *id)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->v = slc_xrealloc(c->v, c->cap * sizeof(*c->v));
    }
    c->v[c->n].start = s;
    c->v[c->n].end = e;
    c->v[c->n].word_end = 0;
    c->v[c->n].id = id;
    c->n++;
}

static void impossible(extractor *x, size_t s, size_t e)
{
    if (x->bad && x->nbad < x->maxbad) {
        x->bad[2 * x->nbad] = x->m.orig[s];
        x->bad[2 * x->nbad + 1] = e < x->m.n ? x->m.orig[e] : x->m.orig[x->m.n];
    }
    x->nbad++;
}

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
        c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F),
        p += 4;
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
    switch (c) { /* 〇一二三四五六七八九 */
    case 0x3007:
        return 0;
    case 0x4E00:
        return 1;
    case 0x4E8C:
        return 2;
    case 0x4E09:
        return 3;
    case 0x56DB:
        return 4;
    case 0x4E94:
        return 5;
    case 0x516D:
        return 6;
    case 0x4E03:
        return 7;
    case 0x516B:
        return 8;
    case 0x4E5D:
        return 9;
    default:
        return -1;
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
        } else if (c == 0x767E) { /* 百 */
            total += (cur < 0 ? 1 : cur) * 100;
            cur = -1;
        } else if (c == 0x5341) { /* 十 */
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

/* one .. twelve as an English word at i (a number only with a unit) */
static size_t english_number(const slc_mapped *m, size_t i, double *value)
{
    static const char *const words[] = {"one",   "two",   "three", "four", "five",   "six",
                                        "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
    if (i > 0 && m->cp[i - 1] < 0x80 && ((m->cp[i - 1] | 32) >= 'a' && (m->cp[i - 1] | 32) <= 'z'))
        return 0;
    for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
        size_t l = word_at(m, i, words[w]);
        if (l && (i + l >= m->n || !((m->cp[i + l] | 32) >= 'a' && (m->cp[i + l] | 32) <= 'z'))) {
            *value = (double)(w + 1);
            return l;
        }
    }
    return 0;
}

static int digit_or_kanji(int32_t c)
{
    if (c < 0x3007) /* below 〇, the lowest kanji numeral: most text */
        return c >= '0' && c <= '9';
    return kanji_digit(c) >= 0 || c == 0x5341 || c == 0x767E;
}

/* A date written with 年/月/日 (2024年4月1日, 令和6年4月, 4月1日) starting
 * with the number at i of length len: its length in code points, else 0.
 * Its numbers are a point in time, not durations. */
static size_t date_length(const slc_mapped *m, size_t i, size_t len)
{
    double v;
    size_t j = skip_spaces(m, i + len), k, l;
    int year = j < m->n && m->cp[j] == 0x5E74;
    if (year) { /* 年, then a number and 月 */
        /* a calendar year alone (2023年度, 2025年に) is a date, not 2023 years */
        size_t y = j + 1;
        int calendar = len == 4 && read_number(m, i, &v) == 4 && v >= 1900 && v <= 2100 &&
                       !(y < m->n && m->cp[y] == 0x9593); /* 年間 */
        if (calendar && y < m->n && m->cp[y] == 0x5EA6)   /* 度 */
            y++;
        k = skip_spaces(m, j + 1);
        if (k >= m->n || !digit_or_kanji(m->cp[k]) || !(l = read_number(m, k, &v)))
            return calendar ? y - i : 0;
        j = skip_spaces(m, k + l);
        if (j >= m->n || m->cp[j] != 0x6708)
            return calendar ? y - i : 0;
    }
    if (j >= m->n || m->cp[j] != 0x6708) /* 月 */
        return 0;
    k = skip_spaces(m, j + 1);
    if (k < m->n && digit_or_kanji(m->cp[k]) && (l = read_number(m, k, &v))) {
        size_t d = skip_spaces(m, k + l);
        if (d < m->n && m->cp[d] == 0x65E5) /* 日 */
            return d + 1 - i;
    }
    /* a bare month (4月) is a date only after a year */
    return year ? j + 1 - i : 0;
}

static int is_range_sep(int32_t c)
{
    /* ~ 〜 ～ - – ー － */
    return c == '~' || c == 0x301C || c == 0xFF5E || c == '-' || c == 0x2013 || c == 0x30FC ||
           c == 0xFF0D;
}

/* past the range separator at j (a sign of is_range_sep or one of words,
 * a NULL-ended list), else 0 */
static size_t past_range_sep(const slc_mapped *m, size_t j, const char *const *words)
{
    if (j < m->n && is_range_sep(m->cp[j]))
        return j + 1;
    for (; *words; words++) {
        size_t l = word_at(m, j, *words);
        if (l)
            return j + l;
    }
    return 0;
}

/* a range separator (~, 〜, -, から, to) at i, then a number: the number's
 * position, else 0 */
static size_t range_next(const slc_mapped *m, size_t i)
{
    static const char *const words[] = {"から", "to ", NULL};
    size_t j = past_range_sep(m, skip_spaces(m, i), words);
    if (!j)
        return 0;
    j = skip_spaces(m, j);
    return j < m->n && m->cp[j] >= '0' && m->cp[j] <= '9' ? j : 0;
}

/* The catalog's unit words by the first byte of their UTF-8 (ASCII
 * lowercased), in the catalog's order: unit_at() tries only the words that
 * can begin where it looks. */
typedef struct unit_words {
    size_t from[257]; /* the words of lead byte b: unit[from[b]..from[b+1]) */
    const slc_cat_unit **unit;
    const char **word;
} unit_words;

static void unit_words_build(const slc_catalog *cat, unit_words *uw)
{
    size_t total = 0, n = 0;
    for (size_t k = 0; k < cat->nunits; k++)
        total += cat->units[k].words.n;
    uw->unit = slc_xmalloc((total ? total : 1) * sizeof(*uw->unit));
    uw->word = slc_xmalloc((total ? total : 1) * sizeof(*uw->word));
    for (unsigned b = 0; b < 256; b++) {
        uw->from[b] = n;
        for (size_t k = 0; k < cat->nunits; k++)
            for (size_t w = 0; w < cat->units[k].words.n; w++)
                if ((unsigned)lower((unsigned char)cat->units[k].words.v[w][0]) == b) {
                    uw->unit[n] = &cat->units[k];
                    uw->word[n++] = cat->units[k].words.v[w];
                }
    }
    uw->from[256] = n;
}

static void unit_words_free(unit_words *uw)
{
    free(uw->unit);
    free(uw->word);
}

/* the catalog unit whose word is longest at u (the first such unit) */
static const slc_cat_unit *unit_at(const unit_words *uw, const slc_mapped *m, size_t u,
                                   size_t *ulen)
{
    const slc_cat_unit *unit = NULL;
    *ulen = 0;
    if (u >= m->n)
        return NULL;
    unsigned char lead = lead_byte(lower(m->cp[u]));
    for (size_t i = uw->from[lead]; i < uw->from[lead + 1]; i++) {
        size_t l = word_at(m, u, uw->word[i]);
        if (l > *ulen) {
            *ulen = l;
            unit = uw->unit[i];
        }
    }
    return unit;
}

/* the unit an item's answers are counted in: the word in brackets of its
 * unit (時間(分) -> minute, 稼働率(%) -> percent) or the unit itself
 * (世代数 -> generation, 回 -> times, 時間 -> hour) */
static const slc_cat_unit *item_unit(const unit_words *uw, const slc_cat_item *it)
{
    if (!it || !it->unit.ja ||
        (it->kind != SLC_KIND_COUNT && it->kind != SLC_KIND_DURATION &&
         it->kind != SLC_KIND_PERCENTAGE && it->kind != SLC_KIND_FREQUENCY))
        return NULL;
    slc_mapped m;
    const char *label = it->unit.ja;
    slc_text_map_nfkc(label, &m);
    size_t from = 0;
    for (size_t i = 0; i < m.n; i++)
        if (m.cp[i] == '(')
            from = i + 1;
    size_t ulen;
    const slc_cat_unit *u = unit_at(uw, &m, from, &ulen);
    slc_mapped_release(&m);
    return u;
}

/* the period a number of times in a span means: 年1回 (1 year), 月2回
 * (15 days), 毎週1回; the length of the span before the number, else 0 */
static size_t per_period(const slc_mapped *m, size_t i, double *seconds)
{
    size_t b = i;
    while (b > 0 && is_space(m->cp[b - 1]))
        b--;
    if (b > 0 && m->cp[b - 1] == 0x306B) /* に */
        b--;
    if (b == 0)
        return 0;
    switch (m->cp[b - 1]) {
    case 0x5E74:
        *seconds = 31536000;
        break; /* 年 */
    case 0x6708:
        *seconds = 2592000;
        break; /* 月 */
    case 0x9031:
        *seconds = 604800;
        break; /* 週 */
    case 0x65E5:
        *seconds = 86400;
        break; /* 日 */
    default:
        return 0;
    }
    b--;
    size_t d = b;
    while (d > 0 && is_space(m->cp[d - 1]))
        d--;
    if (d > 0 && digit_or_kanji(m->cp[d - 1]))
        return 0;                          /* 1日1回: the day is a number read before */
    if (b > 0 && m->cp[b - 1] == 0x534A) { /* 半年に1回 */
        *seconds /= 2;
        b--;
    }
    if (b > 0 && m->cp[b - 1] == 0x6BCE) /* 毎 */
        b--;
    return i - b;
}

static void scan_numbers(extractor *x)
{
    const slc_catalog *cat = x->cat;
    const slc_mapped *m = &x->m;
    const slc_cat_item *it = x->item;
    size_t first = x->out->n; /* the facts of this answer start here */
    int in_range = 0;         /* the number before began a range: this one ends it */
    size_t range_at = 0;      /* where the number that ends it starts */
    for (size_t i = 0; i < m->n; i++) {
        if (x->covered[i])
            continue;
        double amount;
        size_t len;
        int english = 0;
        if (digit_or_kanji(m->cp[i])) {
            /* not the middle of a longer number or a word like 一般 */
            if (i > 0 && (digit_or_kanji(m->cp[i - 1]) || m->cp[i - 1] == '.'))
                continue;
            len = read_number(m, i, &amount);
        } else if ((m->cp[i] | 32) >= 'e' && (m->cp[i] | 32) <= 't') {
            len = english_number(m, i, &amount);
            english = len > 0;
        } else {
            continue;
        }
        if (!len)
            continue;
        size_t dl = english ? 0 : date_length(m, i, len);
        if (dl) {
            i += dl - 1;
            in_range = 0;
            continue;
        }
        int ascii = m->cp[i] >= '0' && m->cp[i] <= '9';
        size_t u = skip_spaces(m, i + len);
        int plus = 0; /* 5+ days: at least */
        if (u < m->n && m->cp[u] == '+' && ascii) {
            plus = 1;
            u = skip_spaces(m, u + 1);
        }
        if (word_at(m, u, "consecutive ")) /* five consecutive minutes */
            u = skip_spaces(m, u + 12);
        size_t ulen;
        const slc_cat_unit *unit = unit_at(x->units, m, u, &ulen);
        /* the unit of a range is written once, after its end: 1~4時間 */
        size_t next = 0;
        if (!ulen && ascii && !english && (next = range_next(m, u))) {
            double a2;
            size_t l2 = read_number(m, next, &a2), u2len;
            const slc_cat_unit *u2 = unit_at(x->units, m, skip_spaces(m, next + l2), &u2len);
            if (u2len) {
                unit = u2;
                ulen = 0; /* the unit is taken, not read here */
            } else {
                next = 0;
            }
        }
        /* a bare number is in the item's unit: 「7」 in the generations item */
        if (!ulen && !next && ascii && it) {
            size_t a = skip_spaces(m, 0), e = i + len;
            size_t c = 0;
            for (size_t k = 0; k < cat->ncomparators; k++)
                if (!cat->comparators[k].before) {
                    size_t l = longest(&cat->comparators[k].words, m, skip_spaces(m, e));
                    if (l > c)
                        c = l;
                }
            if (a == i && skip_spaces(m, skip_spaces(m, e) + c) == m->n &&
                (unit = item_unit(x->units, it)) != NULL)
                next = (size_t)-1; /* a unit taken from the item */
        }
        /* a kanji numeral counts only with a unit (一般, 同一 are words) */
        if (!unit || ((!ascii || english) && !ulen) || (!ulen && !next)) {
            i += len - 1;
            in_range = 0;
            continue;
        }
        if (next == (size_t)-1)
            next = 0;
        /* ASCII letters as units must stand alone: "5 min", not "5 minutely" */
        size_t end = u + ulen;
        if (ulen && end < m->n && m->cp[end] < 0x80 &&
            ((m->cp[end] | 32) >= 'a' && (m->cp[end] | 32) <= 'z') && m->cp[u] < 0x80) {
            i += len - 1;
            in_range = 0;
            continue;
        }
        if (!ulen)
            end = skip_spaces(m, i + len) < u ? u : i + len;
        /* 回/件 are counts only where the item counts, or a rate: 年1回 */
        double period = 0;
        size_t pre = 0;
        if (unit->dim == SLC_DIM_COUNT && !strcmp(unit->id, "times")) {
            pre = per_period(m, i, &period);
            slc_facts *f = x->out;
            size_t gap = i; /* 1 日 1 回, 3日に1回 */
            while (gap > 0 && is_space(m->cp[gap - 1]))
                gap--;
            if (gap > 0 && m->cp[gap - 1] == 0x306B) /* に */
                gap--;
            while (gap > 0 && is_space(m->cp[gap - 1]))
                gap--;
            if (!pre && f->n > first && f->v[f->n - 1].type == SLC_FACT_QUANTITY &&
                f->v[f->n - 1].dim == SLC_DIM_DURATION && f->v[f->n - 1].op == SLC_OP_EQ &&
                amount > 0 && f->v[f->n - 1].end == m->orig[gap]) {
                /* 1 日 1 回: the day just read is the period */
                slc_fact *p = &f->v[f->n - 1];
                p->value /= amount;
                p->amount = p->value;
                p->unit = NULL;
                p->end = end < m->n ? m->orig[end] : m->orig[m->n];
                for (size_t k = i; k < end; k++)
                    x->covered[k] = 1;
                i = end - 1;
                continue;
            }
            if (!pre && it && it->kind != SLC_KIND_COUNT) {
                i += len - 1;
                in_range = 0;
                continue;
            }
            if (!pre && it) { /* 90件 in the generations item: the item's unit */
                const slc_cat_unit *iu = item_unit(x->units, it);
                if (iu && iu->dim == SLC_DIM_COUNT)
                    unit = iu;
            }
        }
        slc_op op = plus ? SLC_OP_GE : SLC_OP_EQ;
        size_t after = skip_spaces(m, end), clen = 0;
        if (!plus && !next)
            for (size_t k = 0; k < cat->ncomparators; k++) {
                if (cat->comparators[k].before)
                    continue;
                size_t l = longest(&cat->comparators[k].words, m, after);
                if (l > clen) {
                    clen = l;
                    op = cat->comparators[k].op;
                }
            }
        size_t start = pre ? i - pre : i;
        if (op == SLC_OP_EQ && !next) {
            /* a bound before the number: 最大3日; the longest word wins
             * (no less than, not less than) */
            size_t best = 0;
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
                    /* within those 35 days, up to the first 3 days */
                    static const char *const det[] = {
                        "the last ", "the past ", "the first ", "the ", "those ", "these ", "a "};
                    for (size_t d = 0; d < sizeof(det) / sizeof(det[0]); d++) {
                        size_t dl = strlen(det[d]) - 1;
                        if (back > dl && word_at(m, back - dl, det[d]) == dl + 1 &&
                            is_space(m->cp[back - dl - 1])) {
                            back -= dl;
                            break;
                        }
                    }
                    while (back > 0 && is_space(m->cp[back - 1]))
                        back--;
                    if (wl > best && back >= wl && word_at(m, back - wl, word) == wl) {
                        op = cat->comparators[k].op;
                        start = back - wl;
                        best = wl;
                    }
                }
            }
        }
        size_t stop = clen ? after + clen : end;
        /* the end of a range: 5~10分, 99.0%以上~99.5%未満, 48時間から96時間 */
        int ends_range = in_range && i == range_at;
        if (ends_range && op == SLC_OP_EQ)
            op = SLC_OP_LE;
        in_range = 0;
        size_t nx = next ? next : range_next(m, stop);
        if (!ends_range && nx && (op == SLC_OP_EQ || op == SLC_OP_GE || op == SLC_OP_GT)) {
            if (op == SLC_OP_EQ)
                op = SLC_OP_GE;
            in_range = 1;
            range_at = nx;
        }
        /* a percentage above 100 or a negative amount is no answer's meaning:
         * refused (-5分; not 99% -99.9%, a range) */
        int negative = ascii && i > 0 &&
                       (m->cp[i - 1] == 0x2212 || m->cp[i - 1] == 0xFF0D ||
                        (m->cp[i - 1] == '-' &&
                         (i < 2 || !(digit_or_kanji(m->cp[i - 2]) || m->cp[i - 2] == '%' ||
                                     is_space(m->cp[i - 2]) || (m->cp[i - 2] | 32) >= 'a'))));
        /* a number too large to mean anything (1 and 400 zeros is inf): refused
         * too, so no fact goes out without a value */
        int too_large = !(amount * unit->factor <= 1e15) || !(amount <= 1e15);
        if ((unit->dim == SLC_DIM_PERCENTAGE && amount > 100) || negative || too_large) {
            impossible(x, i, stop);
            for (size_t k = i; k < stop; k++)
                x->covered[k] = 1;
            i = stop - 1;
            in_range = 0;
            continue;
        }
        /* 1日間(24時間): a value said again in brackets is one fact */
        slc_fact *last = x->out->n > first ? &x->out->v[x->out->n - 1] : NULL;
        if (last && last->type == SLC_FACT_QUANTITY && i > 0 && m->cp[i - 1] == '(' &&
            last->end == m->orig[i - 1] && last->dim == unit->dim &&
            last->value == amount * unit->factor) {
            for (size_t k = i; k < stop; k++)
                x->covered[k] = 1;
            i = stop - 1;
            continue;
        }
        if (ends_range && x->nranges < sizeof(x->ranges) / sizeof(x->ranges[0]))
            x->ranges[x->nranges++] = x->out->n;
        slc_fact *f = add(x, SLC_FACT_QUANTITY, start, stop);
        f->dim = unit->dim;
        f->amount = amount;
        f->value = amount * unit->factor;
        f->unit = unit->id;
        f->op = op;
        if (pre) { /* a rate: the interval between two events */
            f->dim = SLC_DIM_DURATION;
            f->value = period / (amount > 0 ? amount : 1);
            f->amount = f->value;
            f->unit = NULL;
            /* a bound on the count bounds the interval the other way: 年1回以上
             * is at most a year between two */
            static const slc_op flip[] = {
                [SLC_OP_EQ] = SLC_OP_EQ, [SLC_OP_NE] = SLC_OP_NE, [SLC_OP_LT] = SLC_OP_GT,
                [SLC_OP_LE] = SLC_OP_GE, [SLC_OP_GT] = SLC_OP_LT, [SLC_OP_GE] = SLC_OP_LE};
            if ((unsigned)op < sizeof(flip) / sizeof(flip[0]))
                f->op = flip[op];
        }
        for (size_t k = start < i ? start : i; k < stop; k++)
            x->covered[k] = 1;
        i = (next ? i + len : stop) - 1;
    }
}

/* first code point of a catalog word (UTF-8, already NFKC), -1 if empty */
static int32_t first_cp(const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    return *p ? next_cp(&p) : -1;
}

/* The first code points (ASCII lowercased) of the catalog's value phrases,
 * worked out once per catalog (pattern_index): only positions where some
 * phrase could start are worth a look. From 64 words on, every one is. */
typedef struct value_starts {
    int32_t firsts[64];
    uint64_t seen[64]; /* firsts, by the low 12 bits of a code point */
    size_t nf;
} value_starts;

static void value_starts_build(const slc_catalog *cat, value_starts *vs)
{
    memset(vs, 0, sizeof(*vs));
    for (size_t k = 0; k < cat->nvalues; k++)
        for (size_t w = 0; w < cat->values[k].words.n && vs->nf < 64; w++) {
            int32_t c = lower(first_cp(cat->values[k].words.v[w]));
            vs->firsts[vs->nf++] = c;
            vs->seen[(c & 4095) >> 6] |= 1ull << (c & 63);
        }
}

static void scan_values(extractor *x)
{
    const slc_catalog *cat = x->cat;
    /* in an item that measures a percentage, 毎月 and 日次 say when it is
     * measured or reported, not what it is */
    if (x->item && x->item->kind == SLC_KIND_PERCENTAGE)
        return;
    const int32_t *firsts = x->starts->firsts;
    const uint64_t *seen = x->starts->seen;
    size_t nf = x->starts->nf;
    for (size_t i = 0; i < x->m.n; i++) {
        if (x->covered[i])
            continue;
        int32_t c = lower(x->m.cp[i]);
        int maybe = nf >= 64;
        if (!maybe && !(seen[(c & 4095) >> 6] >> (c & 63) & 1))
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

/* whether the hour in group g (its minutes in g + 1) is followed by pm */
static int half_day_pm(const slc_mapped *m, const slc_match *mt, int g)
{
    long i = mt->gstart[g + 1] >= 0 ? mt->gend[g + 1] : mt->gend[g];
    while (i >= 0 && (size_t)i < m->n && is_space(m->cp[i]))
        i++;
    return i >= 0 && (size_t)i < m->n && (m->cp[i] | 32) == 'p';
}

/* 0 (日) .. 6 (土) for a weekday's kanji, else -1 */
static int weekday(int32_t c)
{
    static const int32_t k[7] = {0x65E5, 0x6708, 0x706B, 0x6C34, 0x6728, 0x91D1, 0x571F};
    for (int i = 0; i < 7; i++)
        if (k[i] == c)
            return i;
    return -1;
}

/* a weekday at i (月, 月曜, 月曜日) not part of a date (4月): its number
 * and length, else -1 */
static int weekday_at(const slc_mapped *m, size_t i, size_t *len)
{
    int d = weekday(m->cp[i]);
    if (d < 0)
        return -1;
    if (i > 0 && digit_or_kanji(m->cp[i - 1])) {
        /* 第2日曜日: a weekday of an ordinal week, not a date (4月) */
        size_t b = i;
        while (b > 0 && digit_or_kanji(m->cp[b - 1]))
            b--;
        if (!(b > 0 && m->cp[b - 1] == 0x7B2C && i + 1 < m->n && m->cp[i + 1] == 0x66DC))
            return -1; /* 第 .. 曜 */
    }
    *len = 1;
    if (i + 1 < m->n && m->cp[i + 1] == 0x66DC) { /* 曜 */
        *len = 2;
        if (i + 2 < m->n && m->cp[i + 2] == 0x65E5)
            *len = 3;
    }
    return d;
}

/* an English weekday at i (Mon, Monday, Mondays; any case) not inside a
 * word: 0 (Sunday) .. 6, its length; else -1 */
static int weekday_en_at(const slc_mapped *m, size_t i, size_t *len)
{
    static const char *const day[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    if (i > 0 && (lower(m->cp[i - 1]) >= 'a' && lower(m->cp[i - 1]) <= 'z'))
        return -1;
    for (int d = 0; d < 7; d++)
        if (word_at(m, i, day[d])) {
            size_t e = i + 3;
            while (e < m->n && lower(m->cp[e]) >= 'a' && lower(m->cp[e]) <= 'z')
                e++;
            *len = e - i;
            return d;
        }
    return -1;
}

/* Monday – Friday, Mon-Fri, Sunday through Thursday, Mondays to Fridays:
 * the days of the span, else 0 */
static int weekday_en_span(const slc_mapped *m, size_t i)
{
    size_t l1, l2;
    int d1 = weekday_en_at(m, i, &l1);
    if (d1 < 0)
        return 0;
    static const char *const words[] = {"to ", "through ", "thru ", NULL};
    size_t j = past_range_sep(m, skip_spaces(m, i + l1), words);
    if (!j)
        return 0;
    j = skip_spaces(m, j);
    int d2 = j < m->n ? weekday_en_at(m, j, &l2) : -1;
    return d2 < 0 ? 0 : (d2 - d1 + 7) % 7 + 1;
}

/* a code point that begins one of band_days' words or a weekday */
static int band_word_start(int32_t c)
{
    switch (lower(c)) {
    case '3':
    case 'e':
    case 'm':
    case 'w':
    case 's':
    case 't':
    case 'f':
    case 0x5E74: /* 年 */
    case 0x9031: /* 週 */
    case 0x6BCE: /* 毎 */
    case 0x5E73: /* 平 */
    case 0x5B9A: /* 定 */
    case 0x4F11: /* 休 */
        return 1;
    default:
        return weekday(c) >= 0; /* 土 and the other weekdays */
    }
}

/* the days a week the words near a band give: 月~金 (5), 日曜日から金曜日 (6),
 * 平日 (5), 毎日 / 365日 / 年中無休 / 週7日 (7), 毎週火曜日 (1); 0 if none */
static int band_days(const slc_mapped *m, size_t start, size_t end)
{
    size_t from = start > 20 ? start - 20 : 0;
    size_t to = end + 50 < m->n ? end + 50 : m->n;
    int single = 0;
    for (size_t i = from; i < to; i++) {
        if (!band_word_start(m->cp[i]))
            continue; /* none of the words below begins here */
        if (word_at(m, i, "365日") || word_at(m, i, "年中無休") || word_at(m, i, "週7日") ||
            word_at(m, i, "毎日"))
            return 7;
        size_t l1, l2;
        int d1 = weekday_at(m, i, &l1);
        if (d1 >= 0) {
            size_t j = skip_spaces(m, i + l1);
            int sep = j < m->n && (is_range_sep(m->cp[j]) || m->cp[j] == 0xFF5E);
            if (sep)
                j++;
            else if (word_at(m, j, "から"))
                j += 2, sep = 1;
            j = skip_spaces(m, j);
            int d2 = sep && j < m->n ? weekday_at(m, j, &l2) : -1;
            /* 月~金 is a span; a lone 月 needs 曜 to be a weekday */
            if (d2 >= 0 && (l2 > 1 || j + 1 >= m->n || !digit_or_kanji(m->cp[j + 1])))
                return (d2 - d1 + 7) % 7 + 1;
            if (l1 > 1 && i < start && i + l1 + 4 >= start) /* 毎週火曜日の, 水曜日10:00~ */
                single = 1;
        }
        int en = weekday_en_span(m, i);
        if (en)
            return en;
        if (word_at(m, i, "平日"))
            return 5;
        if (word_at(m, i, "定休日") || word_at(m, i, "休業日")) { /* 定休日:日曜日 */
            size_t j = skip_spaces(m, i + 3), l;
            if (j < m->n && (m->cp[j] == ':' || m->cp[j] == 0x306F)) /* : は */
                j = skip_spaces(m, j + 1);
            int closed = 0;
            while (j < m->n && weekday_at(m, j, &l) >= 0 && (l > 1 || closed)) {
                closed++;
                j += l;
                if (j < m->n && (m->cp[j] == 0x3001 || m->cp[j] == 0x30FB || m->cp[j] == ','))
                    j++;
            }
            if (closed)
                return 7 - closed;
        }
        if (word_at(m, i, "土日祝") || word_at(m, i, "土日・祝") || word_at(m, i, "土日を除") ||
            word_at(m, i, "excluding saturday") || word_at(m, i, "weekdays") ||
            word_at(m, i, "monday to friday") || word_at(m, i, "monday through friday") ||
            word_at(m, i, "monday - friday") || word_at(m, i, "monday-friday") ||
            word_at(m, i, "monday – friday") || word_at(m, i, "monday–friday") ||
            word_at(m, i, "mondays to fridays"))
            return 5;
    }
    return single;
}

static int negated_after(const slc_mapped *m, size_t end)
{
    static const char *const neg[] = {"ません", "ない", "なし", "not", "never"};
    for (size_t i = end; i < m->n && i < end + 20; i++) {
        if (m->cp[i] == 0x3002 || m->cp[i] == 0x3001 || m->cp[i] == ',' || m->cp[i] == '.')
            return 0; /* 。、 end the clause the negation would belong to */
        for (size_t w = 0; w < sizeof(neg) / sizeof(neg[0]); w++)
            if (word_at(m, i, neg[w]))
                return 1;
    }
    return 0;
}

/* cp[i] ends a sentence: 。, or . not between digits (99.9 goes on) */
static int sentence_end(const slc_mapped *m, size_t i)
{
    if (m->cp[i] == 0x3002)
        return 1;
    return m->cp[i] == '.' && !(i + 1 < m->n && m->cp[i + 1] >= '0' && m->cp[i + 1] <= '9');
}

/* 24時間 alone in an item that measures a duration (RPOは24時間, 復旧時間:
 * 24時間) is that long, not round the clock; 24時間体制, 24時間監視 and
 * 24時間受付 are round the clock in any item */
static int around_the_clock_is_duration(const extractor *x, size_t s, size_t e)
{
    static const char *const clock[] = {"体制", "監視", "受付",     "対応", "稼働",     "運用",
                                        "有人", "常駐", "サポート", "365",  "いつでも", "営業"};
    const slc_mapped *m = &x->m;
    if (!x->item || (x->item->kind != SLC_KIND_DURATION && x->item->kind != SLC_KIND_FREQUENCY))
        return 0;
    if (m->cp[s] != '2' || m->cp[e - 1] == 0x5236) /* 常時, 終日; 24時間体制 */
        return 0;
    size_t a = skip_spaces(m, e);
    if (a < m->n && (m->cp[a] == 0x3067 || m->cp[a] == 0x306E)) /* 24時間で, 24時間の */
        a = skip_spaces(m, a + 1);
    for (size_t w = 0; w < sizeof(clock) / sizeof(clock[0]); w++)
        if (word_at(m, a, clock[w]))
            return 0;
    return 1;
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
    /* words that say what the facts near them are: no fact of their own */
    if (p->type[0] == 'b' && !strcmp(p->type, "basis")) {
        cue_add(&x->basis, s, e, p->id);
        return;
    }
    if (p->type[0] == 'b' && !strcmp(p->type, "basis-word")) {
        /* the words reach their sentence: up to 。 or a full stop that is no
         * decimal point */
        size_t word_end = e;
        while (s > 0 && !sentence_end(m, s - 1))
            s--;
        while (e < m->n && !sentence_end(m, e))
            e++;
        cue_add(&x->basis, s, e, p->id);
        x->basis.v[x->basis.n - 1].word_end = word_end;
        return;
    }
    if (p->type[0] == 's' && !strcmp(p->type, "status")) {
        cue_add(&x->status, s, e, p->id);
        return;
    }
    if (p->type[0] == 'p' && !strcmp(p->type, "presence")) {
        cue_add(&x->presence, s, e, p->id);
        return;
    }
    int disclosure = p->type[0] == 'd' && !strcmp(p->type, "disclosure");
    for (size_t i = s; i < e && !disclosure; i++)
        if (x->covered[i])
            return;
    if (disclosure) /* one fact of each kind: 別記1に記載し、…別記2に記載 */
        for (size_t i = 0; i < x->out->n; i++)
            if (x->out->v[i].type == SLC_FACT_DISCLOSURE && !strcmp(x->out->v[i].id, p->id) &&
                x->out->v[i].start >= x->m.orig[0] && i >= x->first)
                return;
    if (p->type[0] == 'n' && !strcmp(p->type, "not-quantity")) {
        for (size_t i = s; i < e; i++)
            x->covered[i] = 1;
        return;
    }
    if (!strcmp(p->type, "time-band")) {
        if (!strcmp(p->id, "24h") && around_the_clock_is_duration(x, s, e))
            return; /* RPOは24時間: a duration, read as a number */
        int h1 = 0, m1 = 0, h2 = 24, m2 = 0;
        if (!strcmp(p->id, "am-pm")) { /* 9am-6pm, 8:30 a.m. to 5:30 p.m. */
            h1 = group_int(m, mt, 0), m1 = group_int(m, mt, 1);
            h2 = group_int(m, mt, 2), m2 = group_int(m, mt, 3);
            int pm1 = half_day_pm(m, mt, 0), pm2 = half_day_pm(m, mt, 2);
            m1 = m1 < 0 ? 0 : m1;
            m2 = m2 < 0 ? 0 : m2;
            if (h1 > 12 || h2 > 12 || m1 > 59 || m2 > 59) {
                impossible(x, s, e);
                for (size_t i = s; i < e; i++)
                    x->covered[i] = 1;
                return;
            }
            h1 = h1 % 12 + (pm1 ? 12 : 0);
            h2 = h2 % 12 + (pm2 ? 12 : 0);
            if (h2 == 0 && m2 == 0)
                h2 = 24;               /* to midnight */
        } else if (mt->ngroups >= 2) { /* HH:MM~HH:MM, or 9時~18時 (whole hours) */
            int whole = mt->ngroups < 4;
            h1 = group_int(m, mt, 0), m1 = whole ? 0 : group_int(m, mt, 1);
            h2 = group_int(m, mt, whole ? 1 : 2), m2 = whole ? 0 : group_int(m, mt, 3);
            m1 = m1 < 0 ? 0 : m1; /* 3時30分-4時: a minute left out is 0 */
            m2 = m2 < 0 ? 0 : m2;
            /* 午後1時~5時 */
            if (s >= 2 && m->cp[s - 2] == 0x5348 && m->cp[s - 1] == 0x5F8C && h1 < 12) {
                h1 += 12;
                if (h2 < h1 - 12 || (h2 <= 12 && h2 + 12 > h1))
                    h2 += h2 < 12 ? 12 : 0;
            }
            /* 午前10時から午後5時 */
            long g2 = mt->gstart[whole ? 1 : 2];
            if (g2 >= 2 && m->cp[g2 - 2] == 0x5348 && m->cp[g2 - 1] == 0x5F8C && h2 < 12 &&
                h2 + 12 > h1)
                h2 += 12;
            if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || h1 * 60 + m1 > 1440 ||
                h2 * 60 + m2 > 1440) {
                impossible(x, s, e); /* 25:61 is no time of day */
                for (size_t i = s; i < e; i++)
                    x->covered[i] = 1;
                return;
            }
        }
        slc_fact *f = add(x, SLC_FACT_TIME_BAND, s, e);
        if (mt->ngroups >= 2) {
            f->band_from = h1 * 60 + m1;
            f->band_to = h2 * 60 + m2;
            f->band_days = band_days(m, s, e);
            /* 月~金 9:30~12:00 13:00~17:30: the days hold for the band after */
            slc_fact *prev = x->out->n > x->first + 1 ? f - 1 : NULL;
            if (!f->band_days && prev && prev->type == SLC_FACT_TIME_BAND && prev->band_days &&
                f->start <= prev->end + 3)
                f->band_days = prev->band_days;
        } else {
            f->band_from = 0;
            f->band_to = 24 * 60;
            f->band_days = strcmp(p->id, "24h") ? 7 : band_days(m, s, e);
        }
        for (size_t i = s; i < e; i++)
            x->covered[i] = 1;
        return;
    }
    if (!disclosure &&
        !strchr(p->id, '{')) /* one fact per thing: 東日本リージョン1・東日本リージョン2 */
        for (size_t i = x->first; i < x->out->n; i++)
            if (x->out->v[i].type == SLC_FACT_THING && !strcmp(x->out->v[i].id, p->id)) {
                for (size_t k = s; k < e; k++)
                    x->covered[k] = 1;
                return;
            }
    slc_fact *f =
        add(x, !strcmp(p->type, "disclosure") ? SLC_FACT_DISCLOSURE : SLC_FACT_THING, s, e);
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
    f->status = f->negated ? SLC_THING_NOT : SLC_THING_YES;
    if (f->type == SLC_FACT_THING)
        for (size_t i = s; i < e; i++)
            x->covered[i] = 1;
}

/* the first cue (in the checklist's order) whose span holds position pos
 * (original code points) */
static const cue *cue_over(const extractor *x, const cues *c, size_t pos)
{
    for (size_t i = 0; i < c->n; i++)
        if (x->m.orig[c->v[i].start] <= pos &&
            pos < (c->v[i].end < x->m.n ? x->m.orig[c->v[i].end] : x->m.orig[x->m.n]))
            return &c->v[i];
    return NULL;
}

/* the cue nearest after position pos (original code points) in the same
 * sentence: ISO 27001取得済み、ISMAPは取得予定 */
static const cue *cue_after(const extractor *x, const cues *c, size_t pos)
{
    const cue *best = NULL;
    for (size_t i = 0; i < c->n; i++)
        if (x->m.orig[c->v[i].start] >= pos && (!best || c->v[i].start < best->start))
            best = &c->v[i];
    if (!best)
        return NULL;
    for (size_t k = 0; k < best->start; k++)
        if (x->m.orig[k] >= pos && sentence_end(&x->m, k))
            return NULL;
    return best;
}

/* The basis of a quantity that starts at pos (original code points): a
 * threshold that holds it (99.5%を下回った場合); else a basis word just
 * before it in its clause, as a label (目標値:99.9%、実績値:99.98%; 保証値
 * 99.5% / 目標値 99.9%); else the first basis word of its sentence in the
 * checklist's order */
static const cue *basis_over(const extractor *x, size_t pos)
{
    const slc_mapped *m = &x->m;
    const cue *label = NULL;
    for (size_t i = 0; i < x->basis.n; i++) {
        const cue *c = &x->basis.v[i];
        if (!c->word_end) { /* a threshold: the match holds the number */
            if (m->orig[c->start] <= pos && pos < (c->end < m->n ? m->orig[c->end] : m->orig[m->n]))
                return c;
            continue;
        }
        for (size_t k = c->word_end; k < m->n && k < c->word_end + 8; k++) {
            if (m->orig[k] == pos) {
                if (!label || c->word_end > label->word_end)
                    label = c;
                break;
            }
            int32_t ch = m->cp[k];
            if (digit_or_kanji(ch) || ch == 0x3001 || ch == 0x3002 || ch == ',' || ch == '/' ||
                ch == ';' || ch == '|' || ch == '.')
                break;
        }
    }
    return label ? label : cue_over(x, &x->basis, pos);
}

static slc_basis basis_of(const char *id)
{
    for (int b = 0; b < SLC_BASIS_N; b++)
        if (!strcmp(id, slc_basis_id((slc_basis)b)))
            return (slc_basis)b;
    return SLC_BASIS_STATED;
}

static slc_thing_status status_of(const char *id)
{
    for (int b = 0; b < SLC_THING_N; b++)
        if (!strcmp(id, slc_thing_status_id((slc_thing_status)b)))
            return (slc_thing_status)b;
    return SLC_THING_YES;
}

/* the patterns of the vocabulary, by when they are run */
enum {
    PASS_NOT_QUANTITY,
    PASS_TIME_BAND,
    PASS_NAMED,
    PASS_BASIS,
    PASS_STATUS,
    PASS_PRESENCE,
    PASS_N
};

static int pass_of(const slc_cat_pattern *p)
{
    switch (p->type[0]) {
    case 'n':
        return !strcmp(p->type, "not-quantity") ? PASS_NOT_QUANTITY : PASS_NAMED;
    case 't':
        return !strcmp(p->type, "time-band") ? PASS_TIME_BAND : PASS_NAMED;
    case 'b':
        return !strncmp(p->type, "basis", 5) ? PASS_BASIS : PASS_NAMED;
    case 's':
        return !strcmp(p->type, "status") ? PASS_STATUS : PASS_NAMED;
    case 'p':
        return !strcmp(p->type, "presence") ? PASS_PRESENCE : PASS_NAMED;
    default:
        return PASS_NAMED;
    }
}

/* What the extractor needs of a catalog's patterns, worked out once rather
 * than for every answer: the patterns of each pass in the checklist's
 * order, and their hint words, each distinct word once, found in an answer
 * by one walk over its text (every hint of every pattern at once). */
typedef struct hint_word {
    int32_t *cp; /* code points, ASCII lowercase (as the catalog has them) */
    size_t n;
    int next; /* the next word with the same first code point's bucket */
} hint_word;

#define HINT_BUCKETS 256
#define HINT_HTTP 0 /* words the extractor itself asks about */
#define HINT_WWW 1

typedef struct pattern_index {
    const slc_catalog *cat;
    unsigned long freed; /* slc_catalog_freed() when built */
    size_t *order[PASS_N], norder[PASS_N];
    size_t *hfrom, *hto; /* per pattern: its hint ids are hids[hfrom..hto) */
    int *hids;
    hint_word *words;
    size_t nwords;
    int head[HINT_BUCKETS]; /* first word of each bucket, -1 if none */
    uint64_t lead[64];      /* the words' first code points, by their low 12 bits */
    int always;             /* some word is empty: it occurs in every text */
    unit_words units;
    value_starts starts;
    struct pattern_index *older;
} pattern_index;

static int hint_id(pattern_index *ix, const char *w)
{
    size_t len = strlen(w), n = 0;
    int32_t *cp = slc_xmalloc((len + 1) * sizeof(*cp));
    for (const unsigned char *p = (const unsigned char *)w; *p;)
        cp[n++] = lower(next_cp(&p));
    for (size_t i = 0; i < ix->nwords; i++)
        if (ix->words[i].n == n && !memcmp(ix->words[i].cp, cp, n * sizeof(*cp))) {
            free(cp);
            return (int)i;
        }
    ix->words = slc_xrealloc(ix->words, (ix->nwords + 1) * sizeof(*ix->words));
    hint_word *hw = &ix->words[ix->nwords];
    hw->cp = cp;
    hw->n = n;
    hw->next = -1;
    if (!n) {
        ix->always = 1;
    } else {
        unsigned b = (unsigned)cp[0] % HINT_BUCKETS;
        ix->lead[(cp[0] & 4095) >> 6] |= 1ull << (cp[0] & 63);
        hw->next = ix->head[b];
        ix->head[b] = (int)ix->nwords;
    }
    return (int)ix->nwords++;
}

static pattern_index *index_build(const slc_catalog *cat)
{
    pattern_index *ix = slc_xcalloc(1, sizeof(*ix));
    ix->cat = cat;
    ix->freed = slc_catalog_freed();
    for (int b = 0; b < HINT_BUCKETS; b++)
        ix->head[b] = -1;
    hint_id(ix, "http");
    hint_id(ix, "www");
    size_t np = cat->npatterns, nh = 0;
    for (int pass = 0; pass < PASS_N; pass++)
        ix->order[pass] = slc_xmalloc((np ? np : 1) * sizeof(size_t));
    ix->hfrom = slc_xmalloc((np ? np : 1) * sizeof(size_t));
    ix->hto = slc_xmalloc((np ? np : 1) * sizeof(size_t));
    for (size_t i = 0; i < np; i++)
        nh += cat->patterns[i].hints.n;
    ix->hids = slc_xmalloc((nh ? nh : 1) * sizeof(int));
    unit_words_build(cat, &ix->units);
    value_starts_build(cat, &ix->starts);
    nh = 0;
    for (size_t i = 0; i < np; i++) {
        const slc_cat_pattern *p = &cat->patterns[i];
        if (p->re) {
            int pass = pass_of(p);
            ix->order[pass][ix->norder[pass]++] = i;
        }
        ix->hfrom[i] = nh;
        for (size_t h = 0; h < p->hints.n; h++)
            ix->hids[nh++] = hint_id(ix, p->hints.v[h]);
        ix->hto[i] = nh;
    }
    return ix;
}

static void index_free(pattern_index *ix)
{
    while (ix) {
        pattern_index *older = ix->older;
        for (int pass = 0; pass < PASS_N; pass++)
            free(ix->order[pass]);
        for (size_t i = 0; i < ix->nwords; i++)
            free(ix->words[i].cp);
        free(ix->words);
        free(ix->hfrom);
        free(ix->hto);
        free(ix->hids);
        unit_words_free(&ix->units);
        free(ix);
        ix = older;
    }
}

/* The index of cat, built on first use. Threads share it (read only once
 * built); the list is dropped whenever a catalog was freed, since another
 * may be given the freed one's address. */
static pattern_index *index_of(const slc_catalog *cat)
{
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    static pattern_index *all;
    pthread_mutex_lock(&mu);
    unsigned long freed = slc_catalog_freed();
    if (all && all->freed != freed) {
        index_free(all);
        all = NULL;
    }
    pattern_index *ix = all;
    while (ix && ix->cat != cat)
        ix = ix->older;
    if (!ix) {
        ix = index_build(cat);
        ix->older = all;
        all = ix;
    }
    pthread_mutex_unlock(&mu);
    return ix;
}

/* found[w] = 1 for each hint word w that occurs in m (ASCII letters in
 * either case) */
static void hints_found(const pattern_index *ix, const slc_mapped *m, unsigned char *found)
{
    memset(found, 0, ix->nwords);
    for (size_t w = 0; ix->always && w < ix->nwords; w++)
        if (!ix->words[w].n)
            found[w] = 1;
    for (size_t i = 0; i < m->n; i++) {
        int32_t c = lower(m->cp[i]);
        if (!(ix->lead[(c & 4095) >> 6] >> (c & 63) & 1))
            continue; /* no word begins with it */
        for (int w = ix->head[(unsigned)c % HINT_BUCKETS]; w >= 0; w = ix->words[w].next) {
            const hint_word *hw = &ix->words[w];
            if (found[w] || hw->cp[0] != c || i + hw->n > m->n)
                continue;
            size_t k = 1;
            while (k < hw->n && lower(m->cp[i + k]) == hw->cp[k])
                k++;
            if (k == hw->n)
                found[w] = 1;
        }
    }
}

static void run_patterns(extractor *x, const pattern_index *ix, const unsigned char *found,
                         int pass)
{
    const slc_catalog *cat = x->cat;
    for (size_t o = 0; o < ix->norder[pass]; o++) {
        size_t i = ix->order[pass][o];
        const slc_cat_pattern *p = &cat->patterns[i];
        int hinted = ix->hfrom[i] == ix->hto[i];
        for (size_t h = ix->hfrom[i]; h < ix->hto[i] && !hinted; h++)
            hinted = found[ix->hids[h]];
        if (!hinted)
            continue; /* none of its words occur: it cannot match */
        pattern_ctx pc = {x, p};
        /* slc_text_map_nfkc() gives scalar values only */
        slc_regex_each_scalar(p->re, x->m.cp, x->m.n, on_match, &pc);
    }
}

/* Whether a sentence of the item's answers says 有 or 無 in words
 * (通知します, 行っておりません): a 有無 item whose unit is 有無 alone or
 * with a note (有無 (制約条件)); not one that asks for details beside it
 * (有無/内容, 有無/設定状況), where a verb describes, it does not answer. */
static int yes_no_in_words(const slc_cat_item *item)
{
    if (!item || item->kind != SLC_KIND_PRESENCE || !item->unit.ja)
        return 0;
    const char *u = strstr(item->unit.ja, "有無");
    if (!u)
        return 1;
    u += strlen("有無");
    while (*u == ' ')
        u++;
    return *u != '/' && strncmp(u, "／", strlen("／")) != 0;
}

/* an answer that declines to say (非公開, 該当なし, 同上): its verbs do not
 * say 有 (非公開です) */
static int declined(const extractor *x)
{
    for (size_t i = x->first; i < x->out->n; i++)
        if (x->out->v[i].type == SLC_FACT_DISCLOSURE && strcmp(x->out->v[i].id, "by-reference"))
            return 1;
    return 0;
}

/* Whether a sentence's ending says yes or no to the item where its things
 * say otherwise: 「ISMAPは準備中です」 (only planned things) is no 有, and
 * 「TLS1.0は無効にしています」 (only old protocols turned off) is no 無 of
 * encryption; 「ISO 27001に準拠しています」 (only standards complied with,
 * compliant of them) says neither. */
static int said_by_things(const slc_facts *out, size_t first, const char *id, size_t compliant)
{
    int things = 0, planned = 0, off = 0;
    for (size_t i = first; i < out->n; i++) {
        const slc_fact *f = &out->v[i];
        if (f->type != SLC_FACT_THING)
            continue;
        things++;
        planned += f->status == SLC_THING_PLANNED;
        off += f->status == SLC_THING_NOT && !strcmp(f->kind, "protocol");
    }
    if (!things)
        return !compliant;
    if (!strcmp(id, "yes"))
        return planned < things;
    if (!strcmp(id, "no"))
        return off < things;
    return 1;
}

static void run(const slc_catalog *cat, const slc_cat_item *item, const char *answer,
                slc_arena *arena, slc_facts *out, size_t *bad, size_t maxbad, size_t *nbad)
{
    extractor x;
    if (!answer || !*answer)
        return;
    memset(&x, 0, sizeof(x));
    x.cat = cat;
    x.item = item;
    x.arena = arena;
    x.out = out;
    x.bad = bad;
    x.maxbad = maxbad;
    size_t first = out->n;
    x.first = first;
    slc_text_map_nfkc(answer, &x.m);
    x.covered = slc_xcalloc(x.m.n + 1, 1);

    slc_presence pr = slc_facts_presence(cat, answer);
    if (pr != SLC_PRESENCE_NONE) {
        slc_fact *f = add(&x, SLC_FACT_PRESENCE, 0, 0);
        f->presence = pr;
        /* the span of the word: the first 【..】 or the leading word */
        size_t s = skip_spaces(&x.m, 0), e = s;
        while (e < x.m.n && e < s + 6 && !is_space(x.m.cp[e]) && x.m.cp[e] != 0x3001)
            if (x.m.cp[e++] == 0x3011) /* 】 */
                break;
        f->start = x.m.orig[s < x.m.n ? s : x.m.n];
        f->end = x.m.orig[e < x.m.n ? e : x.m.n];
    }
    const pattern_index *ix = index_of(cat);
    x.units = &ix->units;
    x.starts = &ix->starts;
    unsigned char found_small[512];
    unsigned char *found =
        ix->nwords <= sizeof(found_small) ? found_small : slc_xmalloc(ix->nwords);
    hints_found(ix, &x.m, found);
    /* numbers that are no quantity first (第12条, 料金の10分の1, an example),
     * then time bands: their numbers are hours of a day, not durations */
    int digits = 0; /* numbers that are no quantity need a number (or a link) */
    for (size_t i = 0; i < x.m.n && !digits; i++)
        digits = digit_or_kanji(x.m.cp[i]);
    if (digits || found[HINT_HTTP] || found[HINT_WWW])
        run_patterns(&x, ix, found, PASS_NOT_QUANTITY);
    run_patterns(&x, ix, found, PASS_TIME_BAND);
    run_patterns(&x, ix, found, PASS_NAMED);
    scan_numbers(&x);
    scan_values(&x);
    /* the words that qualify facts, only where there are facts to qualify */
    int quantities = 0, things = 0;
    for (size_t i = first; i < out->n; i++) {
        quantities |= out->v[i].type == SLC_FACT_QUANTITY;
        things |= out->v[i].type == SLC_FACT_THING;
    }
    if (quantities)
        run_patterns(&x, ix, found, PASS_BASIS);
    if (things)
        run_patterns(&x, ix, found, PASS_STATUS);
    if (pr == SLC_PRESENCE_NONE && yes_no_in_words(item) && !declined(&x))
        run_patterns(&x, ix, found, PASS_PRESENCE);
    /* a thing named generally (tls) beside the same named precisely (tls1.2) */
    for (size_t i = first; i < out->n; i++) {
        slc_fact *f = &out->v[i];
        if (f->type != SLC_FACT_THING)
            continue;
        size_t l = strlen(f->id);
        for (size_t k = first; k < out->n; k++)
            if (k != i && out->v[k].type == SLC_FACT_THING && strlen(out->v[k].id) > l &&
                !strncmp(out->v[k].id, f->id, l)) {
                memmove(f, f + 1, (out->n - i - 1) * sizeof(*f));
                out->n--;
                i--;
                break;
            }
    }
    for (size_t i = first; i < out->n; i++) {
        slc_fact *f = &out->v[i];
        const cue *c;
        if (f->type == SLC_FACT_QUANTITY && (c = basis_over(&x, f->start)) != NULL)
            f->basis = basis_of(c->id);
        else if (f->type == SLC_FACT_THING && !f->negated &&
                 ((c = cue_over(&x, &x.status, f->start)) != NULL ||
                  (c = cue_after(&x, &x.status, f->end)) != NULL)) {
            f->status = status_of(c->id); /* we do not support TLS 1.0; ISMAPは取得予定 */
            if (!strcmp(c->id, "compliant"))
                f->type = SLC_FACT_N; /* ISO 27001に準拠: not a certificate held */
        }
    }
    /* what is only complied with is no thing of the answer, but its ending
     * then says nothing of the item either */
    size_t compliant = 0;
    for (size_t i = first; i < out->n; i++)
        if (out->v[i].type == SLC_FACT_N) {
            memmove(&out->v[i], &out->v[i + 1], (out->n - i - 1) * sizeof(out->v[i]));
            out->n--;
            i--;
            compliant++;
        }
    /* a range is one statement: 48時間から96時間の…ダウンタイム is a condition
     * at both ends though the words follow only the second */
    for (size_t r = 0; r < x.nranges; r++) {
        slc_fact *e = &out->v[x.ranges[r]], *b = e - 1;
        if (x.ranges[r] <= first || b->type != SLC_FACT_QUANTITY || e->type != SLC_FACT_QUANTITY)
            continue;
        if (b->basis == SLC_BASIS_STATED)
            b->basis = e->basis;
        else if (e->basis == SLC_BASIS_STATED)
            e->basis = b->basis;
    }
    const cue *c = NULL;
    if (x.presence.n) {
        /* no before yes: 実施しておりません holds 実施 */
        for (size_t k = 0; k < x.presence.n && !c; k++)
            if (!strcmp(x.presence.v[k].id, "no"))
                c = &x.presence.v[k];
        for (size_t k = 0; k < x.presence.n && !c; k++)
            if (!strcmp(x.presence.v[k].id, "not-applicable"))
                c = &x.presence.v[k];
        if (!c)
            c = &x.presence.v[0];
        if (!said_by_things(out, first, c->id, compliant))
            c = NULL;
    }
    if (c) {
        slc_fact *f = add(&x, SLC_FACT_PRESENCE, c->start, c->end);
        f->presence = !strcmp(c->id, "no")               ? SLC_PRESENCE_NO
                      : !strcmp(c->id, "not-applicable") ? SLC_PRESENCE_NA
                                                         : SLC_PRESENCE_YES;
        /* presence first, as everywhere */
        slc_fact keep = *f;
        memmove(&out->v[first + 1], &out->v[first], (out->n - 1 - first) * sizeof(*f));
        out->v[first] = keep;
    }
    if (nbad)
        *nbad = x.nbad;
    if (found != found_small)
        free(found);
    free(x.basis.v);
    free(x.status.v);
    free(x.presence.v);
    free(x.covered);
    slc_mapped_release(&x.m);
}

void slc_facts_extract_item(const slc_catalog *cat, const slc_cat_item *item, const char *answer,
                            slc_arena *arena, slc_facts *out)
{
    run(cat, item, answer, arena, out, NULL, 0, NULL);
}

void slc_facts_extract(const slc_catalog *cat, const char *answer, slc_arena *arena, slc_facts *out)
{
    run(cat, NULL, answer, arena, out, NULL, 0, NULL);
}

/* a byte-level look for what could be an impossible value: a percentage of
 * three digits or more, HH:MM past 24 or with minutes past 59, a minus
 * sign before a digit, more than 15 digits in a row, or full-width signs
 * (NFKC would make them ASCII) */
static int maybe_impossible(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; p[i]; i++) {
        if (p[i] >= 0x80) { /* ％ ： － (EF BC 85, 9A, 8D) and − (E2 88 92) */
            if (p[i] >= 0xE3 && p[i] <= 0xE9 && (p[i + 1] & 0xC0) == 0x80 &&
                (p[i + 2] & 0xC0) == 0x80) {
                i += 2; /* kana or kanji: past its three bytes */
                continue;
            }
            if (p[i] == 0xEF && p[i + 1] == 0xBC &&
                (p[i + 2] == 0x85 || p[i + 2] == 0x9A || p[i + 2] == 0x8D))
                return 1;
            if (p[i] == 0xE2 && p[i + 1] == 0x88 && p[i + 2] == 0x92)
                return 1;
            continue;
        }
        if (p[i] < '0' || p[i] > '9')
            continue;
        size_t j = i, v = 0;
        while (p[j] >= '0' && p[j] <= '9') {
            v = v * 10 + (p[j] - '0');
            j++;
            if (v > 100000)
                v = 100000;
        }
        if (j - i > 15)
            return 1; /* too many digits for any value */
        if (i > 0 && p[i - 1] == '-' &&
            (i < 2 || !((p[i - 2] >= '0' && p[i - 2] <= '9') || p[i - 2] == '%' ||
                        p[i - 2] == ' ' || (p[i - 2] | 32) >= 'a')))
            return 1;
        size_t k = j;
        if (p[k] == '.')
            for (k++; p[k] >= '0' && p[k] <= '9'; k++)
                ;
        while (p[k] == ' ')
            k++;
        if (p[k] == '%' && v >= 100)
            return 1;
        if (p[j] == ':' && p[j + 1] >= '0' && p[j + 1] <= '9' && p[j + 2] >= '0' &&
            p[j + 2] <= '9' && (v > 24 || (p[j + 1] - '0') * 10 + (p[j + 2] - '0') > 59))
            return 1;
        i = j - 1;
    }
    return 0;
}

size_t slc_facts_impossible(const slc_catalog *cat, const char *answer, size_t *start, size_t *end,
                            size_t max)
{
    /* read the answer again only where an impossible value may be: most
     * answers have none */
    if (!answer || !maybe_impossible(answer))
        return 0;
    slc_facts f = {0};
    slc_arena arena;
    slc_arena_init(&arena);
    size_t *pairs = max ? slc_xcalloc(2 * max, sizeof(size_t)) : NULL;
    size_t n = 0;
    run(cat, NULL, answer, &arena, &f, pairs, max, &n);
    for (size_t i = 0; i < n && i < max; i++) {
        start[i] = pairs[2 * i];
        end[i] = pairs[2 * i + 1];
    }
    free(pairs);
    slc_facts_release(&f);
    slc_arena_release(&arena);
    return n;
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
    static const struct {
        const char *id;
        double s;
    } u[] = {{"year", 31536000}, {"month", 2592000}, {"week", 604800}, {"day", 86400},
             {"hour", 3600},     {"minute", 60},     {"second", 1}};
    size_t k = 0;
    while (k + 1 < sizeof(u) / sizeof(u[0]) && (seconds < u[k].s || fmod(seconds, u[k].s) != 0))
        k++;
    *amount = seconds / u[k].s;
    return u[k].id;
}

void slc_fact_describe_lang(const slc_fact *f, int ja, slc_buf *out)
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
        if (f->basis != SLC_BASIS_STATED)
            slc_buf_addf(out, ja ? "（%s）" : " (%s)", slc_basis_label(f->basis, ja));
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
        slc_buf_addf(out, "%s%s",
                     f->negated || f->status == SLC_THING_NOT ? "not "
                     : f->status == SLC_THING_PLANNED         ? "planned "
                                                              : "",
                     f->id ? f->id : "");
        break;
    default:
        break;
    }
}

void slc_fact_describe(const slc_fact *f, slc_buf *out)
{
    slc_fact_describe_lang(f, 0, out);
}
