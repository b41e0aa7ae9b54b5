/* cross_rules.c - evaluating the checklist's cross-item rules. A rule is a
 * list of conditions that must all hold; a condition about an item the
 * document lacks does not hold, so a missing item never triggers a rule. */
#include "cross_rules.h"

#include <string.h>

#include "facts.h"
#include "load.h"
#include "regex.h"
#include "text.h"

static const slc_fact *facts_of(slc_doc *doc, int no, size_t *n)
{
    *n = 0;
    const slc_cat_item *it = slc_catalog_item(doc->cat, no);
    if (!it)
        return NULL;
    return slc_doc_facts(doc, (size_t)doc->cat->by_no[no], n);
}

int slc_doc_quantity(slc_doc *doc, int no, slc_dim dim, double *value)
{
    size_t n;
    const slc_fact *f = facts_of(doc, no, &n);
    const slc_fact *q = slc_facts_find(f, n, SLC_FACT_QUANTITY, (int)dim);
    if (!q)
        return 0;
    *value = q->value;
    return 1;
}

static int product(slc_doc *doc, const slc_term *t, size_t n, double *out)
{
    double v = 1;
    for (size_t i = 0; i < n; i++) {
        double x;
        if (t[i].item) {
            if (!slc_doc_quantity(doc, t[i].item, t[i].dim, &x))
                return 0;
        } else {
            x = t[i].constant;
        }
        v *= x;
    }
    *out = v;
    return 1;
}

static int cond_holds(slc_doc *doc, const slc_cond *c)
{
    size_t n;
    const slc_fact *f;
    switch (c->type) {
    case SLC_COND_PRESENCE: {
        const slc_cat_item *it = c->nitems ? slc_catalog_item(doc->cat, c->items[0]) : NULL;
        if (!it || !slc_doc_answer(doc, (size_t)doc->cat->by_no[it->no]))
            return 0;
        f = facts_of(doc, it->no, &n);
        const slc_fact *p = slc_facts_find(f, n, SLC_FACT_PRESENCE, -1);
        return (int)(p ? p->presence : SLC_PRESENCE_NONE) == c->presence;
    }
    case SLC_COND_QUANTITY:
        for (size_t i = 0; i < c->nitems; i++) {
            double v;
            if (slc_doc_quantity(doc, c->items[i], c->dim, &v))
                return 1;
        }
        return 0;
    case SLC_COND_THING:
        f = c->nitems ? facts_of(doc, c->items[0], &n) : NULL;
        for (size_t i = 0; f && i < n; i++)
            if (f[i].type == SLC_FACT_THING && !f[i].negated && slc_fact_id_matches(f[i].id, c->id))
                return 1;
        return 0;
    case SLC_COND_MATCH: {
        const slc_cat_item *it = c->nitems ? slc_catalog_item(doc->cat, c->items[0]) : NULL;
        const slc_answer *a = it ? slc_doc_answer(doc, (size_t)doc->cat->by_no[it->no]) : NULL;
        return a && c->re && a->cell[SLC_ROLE_ANSWER] &&
               slc_regex_search(c->re, a->cell[SLC_ROLE_ANSWER]) > 0;
    }
    case SLC_COND_COMPARE: {
        double a, b;
        if (!product(doc, c->a, c->na, &a) || !product(doc, c->b, c->nb, &b))
            return 0;
        return slc_op_holds(c->op, a, b);
    }
    }
    return 0;
}

int slc_cross_rule_holds(slc_doc *doc, const slc_cross_rule *rule)
{
    for (size_t i = 0; i < rule->nconds; i++)
        if (!cond_holds(doc, &rule->conds[i]))
            return 0;
    return rule->nconds > 0;
}

void slc_cross_rules_check(slc_doc *doc)
{
    const slc_catalog *cat = doc->cat;
    for (size_t r = 0; r < cat->nrules; r++) {
        const slc_cross_rule *x = &cat->rules[r];
        if (!slc_cross_rule_holds(doc, x))
            continue;
        const slc_cat_item *it = slc_catalog_item(cat, x->item);
        const slc_answer *a = it ? slc_doc_answer(doc, (size_t)cat->by_no[x->item]) : NULL;
        slc_finding f;
        memset(&f, 0, sizeof(f));
        f.rule = SLC_RULE_CONSISTENCY;
        f.severity = x->severity;
        f.item = x->item;
        f.line = a ? a->line : 0;
        f.cross_rule = x;
        slc_doc_add_finding(doc, &f);
    }
}
