/* compare.c - the comparison model: verdicts, better/worse, versions. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load.h"
#include "text.h"

const char *slc_cmp_verdict_id(slc_cmp_verdict v)
{
    static const char *ids[] = {"same", "equivalent", "differs", "missing"};
    return (unsigned)v < 4 ? ids[v] : "?";
}

/* ---- standing: what an answer commits to ------------------------------ */

static int expected_dim(slc_kind k)
{
    switch (k) {
    case SLC_KIND_DURATION:
    case SLC_KIND_FREQUENCY:
        return SLC_DIM_DURATION;
    case SLC_KIND_PERCENTAGE:
        return SLC_DIM_PERCENTAGE;
    case SLC_KIND_COUNT:
        return SLC_DIM_COUNT;
    default:
        return -1;
    }
}

/* Two levels: a presence item is compared by 有/無 first, then by the
 * duration it gives (2週間前 vs 3日前 for notices); other items by their
 * quantity or time band. The standing keeps the deciding value. A
 * quantity counts only as a commitment (slc_facts_commitment): a guarantee
 * before a target or a value stated without a basis word; an actual
 * figure or a condition is kept apart (uf) to be shown, never ranked. */
typedef struct level2 {
    int pk, qk; /* known */
    double p, q;
    slc_op op;
    slc_basis basis; /* of the quantity */
    const slc_fact *pf, *qf, *uf;
} level2;

/* the quantity of dimension dim the answer commits to, into l */
static void read_quantity(const slc_fact *f, size_t n, int dim, level2 *l)
{
    const slc_fact *q = slc_facts_commitment(f, n, dim);
    if (q) {
        l->qk = 1;
        l->q = q->value;
        l->op = q->op;
        l->basis = q->basis;
        l->qf = q;
        return;
    }
    l->uf = slc_facts_find(f, n, SLC_FACT_QUANTITY, dim);
}

static level2 read_levels(slc_doc *doc, size_t idx, int *undisclosed)
{
    level2 l;
    memset(&l, 0, sizeof(l));
    size_t n;
    const slc_fact *f = slc_doc_facts(doc, idx, &n);
    const slc_cat_item *it = &doc->cat->items[idx];
    *undisclosed = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i].type == SLC_FACT_DISCLOSURE && !strcmp(f[i].id, "undisclosed"))
            *undisclosed = 1;
    if (it->kind == SLC_KIND_PRESENCE) {
        const slc_fact *p = slc_facts_find(f, n, SLC_FACT_PRESENCE, -1);
        if (p && (p->presence == SLC_PRESENCE_YES || p->presence == SLC_PRESENCE_NO)) {
            l.pk = 1;
            l.p = p->presence == SLC_PRESENCE_YES;
            l.pf = p;
        }
        read_quantity(f, n, SLC_DIM_DURATION, &l);
    } else if (it->kind == SLC_KIND_TIME_BAND) {
        const slc_fact *b = slc_facts_find(f, n, SLC_FACT_TIME_BAND, -1);
        int days = b ? (b->band_days ? b->band_days : 0) : 0;
        if (b && days) {
            l.qk = 1;
            l.q = (b->band_to - b->band_from) / 60.0 * days;
            l.qf = b;
        }
    } else if (expected_dim(it->kind) >= 0) {
        read_quantity(f, n, expected_dim(it->kind), &l);
    }
    return l;
}

static int sign_of(double d)
{
    return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* -1, 0, +1: how a compares with b, better direction applied. Quantities
 * are ranked on two counts, the value and how firmly it is committed to
 * (a guarantee above a target or a plain value): a is better when it is
 * at least as good on both and better on one; a higher target than a
 * guarantee is neither better nor worse. */
static int better(const slc_cat_item *it, const level2 *a, const level2 *b)
{
    int sign = it->better == SLC_BETTER_LOWER ? -1 : 1;
    if (a->pk && b->pk && a->p != b->p)
        return (a->p > b->p ? 1 : -1) * (it->kind == SLC_KIND_PRESENCE ? sign : 1);
    if (a->pk && b->pk && a->p == 0) /* both 無: the details do not matter */
        return 0;
    if (it->better == SLC_BETTER_NONE && it->kind != SLC_KIND_PRESENCE)
        return 0;
    if (a->qk && b->qk) {
        /* for presence items the duration is a notice: longer is better */
        int dir = it->kind == SLC_KIND_PRESENCE ? 1 : sign;
        int dv = sign_of(a->q - b->q) * dir;
        int ds = sign_of(slc_basis_strength(a->basis) - slc_basis_strength(b->basis));
        if (dv >= 0 && ds >= 0 && (dv || ds))
            return 1;
        if (dv <= 0 && ds <= 0 && (dv || ds))
            return -1;
    }
    return 0;
}

static int comparable(const level2 *l)
{
    return l->pk || l->qk;
}

/* the same commitment: 有/無, the value and its basis agree ("7日間" and
 * "最大で1週間" both keep backups a week; the bound words may differ) */
static int same_levels(const level2 *a, const level2 *b)
{
    return a->pk == b->pk && a->qk == b->qk && (!a->pk || a->p == b->p) &&
           (!a->qk || (a->q == b->q && a->basis == b->basis));
}

/* the same text but for white space */
static int same_words(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    for (;;) {
        while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
            a++;
        while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (*a++ != *b++)
            return 0;
    }
}

/* ---- the comparison ------------------------------------------------------ */

slc_comparison *slc_compare(slc_doc **docs, size_t n, int versions)
{
    slc_comparison *c = slc_xcalloc(1, sizeof(*c));
    slc_arena_init(&c->arena);
    c->docs = docs;
    c->n = n;
    c->cat = docs[0]->cat;
    c->nitems = c->cat->nitems;
    c->items = slc_arena_alloc(&c->arena, (c->nitems + 1) * sizeof(slc_cmp_item));
    c->vendors = slc_arena_alloc(&c->arena, (n + 1) * sizeof(slc_cmp_vendor));
    memset(c->vendors, 0, (n + 1) * sizeof(slc_cmp_vendor));
    c->category_differs = slc_arena_alloc(&c->arena, (c->cat->ncategories + 1) * sizeof(size_t));
    memset(c->category_differs, 0, (c->cat->ncategories + 1) * sizeof(size_t));
    c->category_missing = slc_arena_alloc(&c->arena, (c->cat->ncategories + 1) * sizeof(size_t));
    memset(c->category_missing, 0, (c->cat->ncategories + 1) * sizeof(size_t));
    if (versions < 0)
        versions =
            n == 2 && docs[0]->name && docs[1]->name && !strcasecmp(docs[0]->name, docs[1]->name);
    c->versions = versions;
    level2 *lv = slc_xmalloc((n + 1) * sizeof(level2));

    for (size_t i = 0; i < c->nitems; i++) {
        slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        memset(ci, 0, sizeof(*ci));
        ci->index = i;
        ci->answers = slc_arena_alloc(&c->arena, n * sizeof(slc_answer *));
        ci->standing = slc_arena_alloc(&c->arena, n * sizeof(slc_standing));
        ci->rank = slc_arena_alloc(&c->arena, n);
        for (size_t v = 0; v < n; v++) {
            ci->answers[v] = slc_doc_answer(docs[v], i);
            ci->rank[v] = 0;
            memset(&ci->standing[v], 0, sizeof(slc_standing));
            memset(&lv[v], 0, sizeof(level2));
            if (!ci->answers[v]) {
                ci->missing++;
                c->vendors[v].missing++;
                continue;
            }
            int und;
            lv[v] = read_levels(docs[v], i, &und);
            slc_standing *s = &ci->standing[v];
            s->known = comparable(&lv[v]);
            s->value = lv[v].qk ? lv[v].q : lv[v].p;
            s->op = lv[v].op;
            s->basis = lv[v].basis;
            s->undisclosed = und;
            s->fact = lv[v].qf ? lv[v].qf : lv[v].pf;
            s->uncommitted = lv[v].qf ? NULL : lv[v].uf;
            if (und && !s->known)
                c->vendors[v].undisclosed++;
        }
        /* the verdict over the checklists that answer: the first of them
         * against each of the others */
        size_t first = 0;
        while (first < n && !ci->answers[first])
            first++;
        int same = 1, equiv = 1;
        for (size_t v = first + 1; v < n; v++) {
            if (!ci->answers[v])
                continue;
            same &= same_words(ci->answers[first]->cell[SLC_ROLE_ANSWER],
                               ci->answers[v]->cell[SLC_ROLE_ANSWER]);
            /* same facts; or nothing comparable but all undisclosed */
            equiv &= (comparable(&lv[first]) && same_levels(&lv[first], &lv[v])) ||
                     (!comparable(&lv[first]) && !comparable(&lv[v]) &&
                      ci->standing[first].undisclosed && ci->standing[v].undisclosed);
        }
        ci->verdict = ci->missing && n - ci->missing < 2 ? SLC_CMP_MISSING
                      : same                             ? SLC_CMP_SAME
                      : equiv                            ? SLC_CMP_EQUIVALENT
                                                         : SLC_CMP_DIFFERS;
        if (ci->verdict == SLC_CMP_DIFFERS)
            c->category_differs[it->category]++;
        if (ci->missing)
            c->category_missing[it->category]++;
        /* better and worse among those that state something comparable;
         * undisclosed or missing is never better. An answer is better when
         * it beats another and none beats it, worse when it loses to
         * another and beats none: answers that cannot be compared with
         * each other (【有】 alone vs 【有】 2週間前) are neither, whatever
         * the order of the files. */
        for (size_t v = 0; v < n; v++) {
            if (!ci->answers[v] || !comparable(&lv[v]))
                continue;
            int wins = 0, losses = 0;
            for (size_t u = 0; u < n; u++) {
                if (u == v || !ci->answers[u] || !comparable(&lv[u]))
                    continue;
                int b = better(it, &lv[v], &lv[u]);
                wins |= b > 0;
                losses |= b < 0;
            }
            if (wins && !losses)
                ci->rank[v] = 1, c->vendors[v].leads++;
            else if (losses && !wins)
                ci->rank[v] = -1, c->vendors[v].trails++;
        }
        for (size_t v = 0; v < n; v++)
            c->vendors[v].differs += ci->verdict == SLC_CMP_DIFFERS && ci->answers[v];
        /* the newer version commits less than the older one */
        if (c->versions && n == 2 && ci->answers[0] && ci->answers[1]) {
            if (ci->rank[0] > 0 && ci->rank[1] < 0)
                ci->weakened = 1;
            else if (comparable(&lv[0]) && !comparable(&lv[1]))
                ci->weakened = 1; /* a commitment that is no longer stated */
        }
    }
    free(lv);
    return c;
}

int slc_cmp_item_differs(const slc_cmp_item *ci)
{
    return ci->verdict >= SLC_CMP_DIFFERS || ci->missing;
}

void slc_comparison_free(slc_comparison *c)
{
    if (!c)
        return;
    slc_arena_release(&c->arena);
    free(c);
}

void slc_standing_describe(const slc_cat_item *it, const slc_standing *s, slc_buf *out)
{
    (void)it;
    if (!s->known) {
        slc_buf_adds(out, s->undisclosed ? "undisclosed" : "not stated");
        if (s->uncommitted) { /* what it gives instead: 100% (actual) */
            slc_buf_adds(out, "; ");
            slc_fact_describe(s->uncommitted, out);
        }
        return;
    }
    if (s->fact)
        slc_fact_describe(s->fact, out);
}

/* ---- word-level diff ------------------------------------------------------- */

void slc_diff_words(const char *a, const char *b, slc_diff_fn fn, void *data)
{
    a = a ? a : "";
    b = b ? b : "";
    size_t *ba, *bb;
    size_t na = slc_text_words(a, strlen(a), &ba), nb = slc_text_words(b, strlen(b), &bb);
    size_t ta = na ? na - 1 : 0, tb = nb ? nb - 1 : 0; /* tokens */
    if (ta * tb > 4000000) {                           /* too long for a table: all out, all in */
        fn(data, '-', a, strlen(a));
        fn(data, '+', b, strlen(b));
        free(ba);
        free(bb);
        return;
    }
    /* longest common subsequence of tokens, from the end */
    unsigned *L = slc_xcalloc((ta + 1) * (tb + 1), sizeof(unsigned));
#define TOK_EQ(i, j) \
    (ba[(i) + 1] - ba[i] == bb[(j) + 1] - bb[j] && \
     !memcmp(a + ba[i], b + bb[j], ba[(i) + 1] - ba[i]))
    for (size_t i = ta; i-- > 0;)
        for (size_t j = tb; j-- > 0;)
            L[i * (tb + 1) + j] = TOK_EQ(i, j) ? L[(i + 1) * (tb + 1) + j + 1] + 1
                                  : L[(i + 1) * (tb + 1) + j] > L[i * (tb + 1) + j + 1]
                                      ? L[(i + 1) * (tb + 1) + j]
                                      : L[i * (tb + 1) + j + 1];
    size_t i = 0, j = 0;
    char op = 0;
    const char *run = NULL;
    size_t runlen = 0;
#define EMIT(o, p, len) \
    do { \
        if (op == (o) && run + runlen == (p)) { \
            runlen += (len); \
        } else { \
            if (runlen) \
                fn(data, op, run, runlen); \
            op = (o), run = (p), runlen = (len); \
        } \
    } while (0)
    while (i < ta || j < tb) {
        if (i < ta && j < tb && TOK_EQ(i, j)) {
            EMIT(' ', a + ba[i], ba[i + 1] - ba[i]);
            i++, j++;
        } else if (j < tb && (i == ta || L[i * (tb + 1) + j + 1] > L[(i + 1) * (tb + 1) + j])) {
            EMIT('+', b + bb[j], bb[j + 1] - bb[j]);
            j++;
        } else {
            EMIT('-', a + ba[i], ba[i + 1] - ba[i]);
            i++;
        }
    }
    if (runlen)
        fn(data, op, run, runlen);
#undef EMIT
#undef TOK_EQ
    free(L);
    free(ba);
    free(bb);
}
