/* validate.c - findings from a loaded document: which items are missing,
 * duplicated, unknown, empty, misnamed, and what the answers fail to state. */
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "load.h"
#include "profile.h"
#include "facts.h"
#include "rules.h"
#include "text.h"
#include "validate.h"

#define NAME_OK 0.7
#define UNIT_OK 0.8

static int blank(const char *s)
{
    if (!s)
        return 1;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)   /* U+3000 */
            p += 3;
        else if (p[0] == 0xC2 && p[1] == 0xA0)   /* U+00A0, as align.c's is_blank */
            p += 2;
        else
            return 0;
    }
    return 1;
}

static void add(slc_doc *doc, slc_rule rule, int item, long line, const char *found,
                const char *expected)
{
    slc_finding f;
    memset(&f, 0, sizeof(f));
    f.rule = rule;
    f.severity = slc_rule_get(rule)->severity;
    f.item = item;
    f.line = line;
    f.found = found;
    f.expected = expected;
    slc_doc_add_finding(doc, &f);
}

static int keys_have(const slc_keys *k, const char *s)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->v[i], s))
            return 1;
    return 0;
}

/* the same text but for surrounding white space */
static int same_text(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    while (*a == ' ' || *a == '\n' || *a == '\r' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t')
        b++;
    size_t la = strlen(a), lb = strlen(b);
    while (la && strchr(" \n\r\t", a[la - 1]))
        la--;
    while (lb && strchr(" \n\r\t", b[lb - 1]))
        lb--;
    return la == lb && !memcmp(a, b, la);
}

static void check_answer(slc_doc *doc, size_t i, slc_buf *tmp)
{
    const slc_catalog *cat = doc->cat;
    const slc_answer *a = &doc->answers[i];
    const slc_cat_item *it = &cat->items[a->item];
    const char *answer = a->cell[SLC_ROLE_ANSWER];

    if (doc->first[a->item] != (int)i) {
        const slc_answer *first = &doc->answers[doc->first[a->item]];
        slc_finding f;
        memset(&f, 0, sizeof(f));
        f.rule = SLC_RULE_DUPLICATE_ITEM;
        f.item = it->no;
        f.line = a->line;
        f.line2 = first->line;
        f.conflict = !same_text(answer, first->cell[SLC_ROLE_ANSWER]) ||
                     !same_text(a->cell[SLC_ROLE_REMARKS], first->cell[SLC_ROLE_REMARKS]);
        f.severity = f.conflict ? SLC_SEV_ERROR : SLC_SEV_WARNING;
        slc_doc_add_finding(doc, &f);
    }
    if (blank(answer))
        add(doc, SLC_RULE_EMPTY_ANSWER, it->no, a->line, NULL, NULL);
    if (a->name_score >= 0 && a->name_score < NAME_OK) {
        slc_finding f;
        memset(&f, 0, sizeof(f));
        f.rule = SLC_RULE_NAME_MISMATCH;
        f.severity = slc_rule_get(f.rule)->severity;
        f.item = it->no;
        f.line = a->line;
        f.found = a->cell[SLC_ROLE_NAME];
        if (a->name_item >= 0 && a->name_item != a->item)
            f.other = cat->items[a->name_item].no;
        slc_doc_add_finding(doc, &f);
    }
    const char *c = a->cell[SLC_ROLE_CATEGORY];
    if (!blank(c)) {
        slc_buf_clear(tmp);
        slc_text_fold(tmp, c, strlen(c));
        const slc_cat_group *g = &cat->categories[it->category];
        const slc_cat_group *s = &cat->sections[it->section];
        if (!tmp->data || (!keys_have(&g->keys, tmp->data) && !keys_have(&s->keys, tmp->data)))
            add(doc, SLC_RULE_CATEGORY_MISMATCH, it->no, a->line, c, g->label.ja);
    }
    const char *u = a->cell[SLC_ROLE_UNIT];
    if (!blank(u)) {
        slc_buf_clear(tmp);
        slc_text_fold(tmp, u, strlen(u));
        int ok = tmp->data && keys_have(&it->unit_keys, tmp->data);
        for (size_t k = 0; !ok && tmp->data && k < it->unit_keys.n; k++)
            ok = slc_text_similarity(tmp->data, it->unit_keys.v[k], UNIT_OK) > 0;
        if (!ok)
            add(doc, SLC_RULE_UNIT_MISMATCH, it->no, a->line, u, it->unit.ja);
    }
    if (it->kind == SLC_KIND_PRESENCE && !blank(answer) &&
        slc_facts_presence(cat, answer) == SLC_PRESENCE_NONE)
        add(doc, SLC_RULE_PRESENCE_NOT_STATED, it->no, a->line, NULL, NULL);
}

/* What a measurable item's answer is expected to state. */
static int expected_fact(slc_kind kind, slc_fact_type *type, int *dim)
{
    switch (kind) {
    case SLC_KIND_DURATION:
    case SLC_KIND_FREQUENCY:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_DURATION;
        return 1;
    case SLC_KIND_PERCENTAGE:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_PERCENTAGE;
        return 1;
    case SLC_KIND_COUNT:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_COUNT;
        return 1;
    case SLC_KIND_TIME_BAND:
        *type = SLC_FACT_TIME_BAND, *dim = -1;
        return 1;
    default:
        return 0;
    }
}

/* the vendor's words a fact was read from, for a message */
static const char *evidence(slc_doc *doc, const char *answer, const slc_fact *f)
{
    return slc_doc_words(doc, answer, f->start, f->end);
}

/* quantity-missing, undisclosed, by-reference: what the answer commits to */
static void check_facts(slc_doc *doc, size_t idx)
{
    const slc_cat_item *it = &doc->cat->items[idx];
    const slc_answer *a = slc_doc_answer(doc, idx);
    const char *answer = a->cell[SLC_ROLE_ANSWER];
    if (blank(answer))
        return;
    size_t n;
    const slc_fact *f = slc_doc_facts(doc, idx, &n);
    const slc_fact *undisclosed = NULL, *reference = NULL, *na = NULL;
    for (size_t i = 0; i < n; i++) {
        if (f[i].type != SLC_FACT_DISCLOSURE)
            continue;
        if (!strcmp(f[i].id, "undisclosed") && !undisclosed)
            undisclosed = &f[i];
        else if (!strcmp(f[i].id, "by-reference") && !reference)
            reference = &f[i];
        else if (!strcmp(f[i].id, "not-applicable"))
            na = &f[i];
    }
    if (undisclosed)
        add(doc, SLC_RULE_UNDISCLOSED, it->no, a->line, evidence(doc, answer, undisclosed), NULL);
    slc_fact_type type;
    int dim;
    if (!expected_fact(it->kind, &type, &dim) || slc_facts_find(f, n, type, dim))
        return;
    if (reference)
        add(doc, SLC_RULE_BY_REFERENCE, it->no, a->line, evidence(doc, answer, reference), NULL);
    else if (!undisclosed && !na)
        add(doc, SLC_RULE_QUANTITY_MISSING, it->no, a->line, NULL, NULL);
}

/* Points each finding about a row at the cell concerned. */
static void locate_findings(slc_doc *doc)
{
    for (size_t i = 0; i < doc->nfindings; i++) {
        slc_finding *f = &doc->findings[i];
        if (!f->line || !f->item)
            continue;
        const slc_answer *a = NULL;
        for (size_t k = 0; k < doc->nanswers && !a; k++)
            if (doc->answers[k].line == f->line)
                a = &doc->answers[k];
        if (!a)
            continue;
        slc_role role = f->rule == SLC_RULE_NAME_MISMATCH ? SLC_ROLE_NAME
                      : f->rule == SLC_RULE_CATEGORY_MISMATCH ? SLC_ROLE_CATEGORY
                      : f->rule == SLC_RULE_UNIT_MISMATCH ? SLC_ROLE_UNIT
                      : f->rule == SLC_RULE_UNKNOWN_ITEM ? SLC_ROLE_NO : SLC_ROLE_ANSWER;
        long line;
        slc_doc_locate(doc, a, role, &line, &f->column);
        if (line != f->line)   /* a quoted cell that starts on a later line */
            f->column = 1;
    }
}

static int by_line(const void *x, const void *y)
{
    const slc_finding *a = x, *b = y;
    long la = a->line ? a->line : 0x7fffffffL, lb = b->line ? b->line : 0x7fffffffL;
    if (la != lb)
        return la < lb ? -1 : 1;
    if (a->item != b->item)
        return a->item < b->item ? -1 : 1;
    return (int)a->rule - (int)b->rule;
}

void slc_validate(slc_doc *doc, const slc_profile *profile)
{
    slc_buf tmp;
    slc_buf_init(&tmp);
    doc->nfindings = 0;

    for (size_t i = 0; i < doc->nbad; i++) {
        const slc_bad_bytes *b = &doc->bad[i];
        slc_buf_clear(&tmp);
        for (int k = 0; k < b->nbytes; k++)
            slc_buf_addf(&tmp, "%s0x%02X", k ? " " : "", b->bytes[k]);
        const char *found = slc_arena_strdup(&doc->arena, tmp.data ? tmp.data : "");
        slc_buf_clear(&tmp);
        slc_buf_addf(&tmp, "%lld", b->offset);
        add(doc, SLC_RULE_UNDECODABLE_TEXT, 0, b->line, found,
            slc_arena_strdup(&doc->arena, tmp.data));
    }
    if (doc->nanswers == 0) {
        /* every item is missing too: JSON's "missing", JUnit's item cases and
         * SARIF read the missing-item findings, not this one */
        add(doc, SLC_RULE_NO_ITEMS, 0, 0, NULL, NULL);
        for (size_t i = 0; i < doc->cat->nitems; i++)
            add(doc, SLC_RULE_MISSING_ITEM, doc->cat->items[i].no, 0, NULL, NULL);
    } else {
        for (size_t i = 0; i < doc->nanswers; i++) {
            const slc_answer *a = &doc->answers[i];
            if (a->item < 0) {
                const char *what = a->cell[SLC_ROLE_NAME];
                if (blank(what))
                    what = a->cell[SLC_ROLE_ANSWER];
                add(doc, SLC_RULE_UNKNOWN_ITEM, a->no, a->line, what ? what : "", NULL);
                continue;
            }
            check_answer(doc, i, &tmp);
        }
        for (size_t i = 0; i < doc->cat->nitems; i++) {
            if (doc->first[i] < 0)
                add(doc, SLC_RULE_MISSING_ITEM, doc->cat->items[i].no, 0, NULL, NULL);
            else
                check_facts(doc, i);
        }
        slc_crosscheck(doc);
        for (size_t i = 0; i < doc->nskipped; i++)
            add(doc, SLC_RULE_IGNORED_ROW, 0, doc->skipped[i].line, doc->skipped[i].text, NULL);
    }
    if (profile)
        slc_profile_evaluate(doc, profile);
    locate_findings(doc);
    if (doc->nfindings > 1)   /* findings is NULL when there are none */
        qsort(doc->findings, doc->nfindings, sizeof(*doc->findings), by_line);
    slc_buf_release(&tmp);
}
