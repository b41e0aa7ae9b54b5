/* profile.c - loading a buyer's profile and judging answers against it. */
#include "profile.h"

#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "facts.h"
#include "load.h"
#include "regex.h"
#include "text.h"
#include "xmlload.h"

/* ---- loading -------------------------------------------------------------- */

static const char *attr(slc_profile *p, xmlNode *n, const char *name)
{
    return slc_xml_attr(&p->arena, n, name);
}

#define is slc_xml_is

static slc_status read_require(slc_profile *p, const slc_catalog *cat, xmlNode *n,
                               slc_requirement *r, slc_error *err)
{
    memset(r, 0, sizeof(*r));
    r->item = atoi(attr(p, n, "item"));
    r->level = !strcmp(attr(p, n, "level"), "must") ? SLC_LEVEL_MUST : SLC_LEVEL_SHOULD;
    const char *w = attr(p, n, "weight");
    r->weight = w ? strtod(w, NULL) : 1.0;
    r->note = attr(p, n, "note");
    r->note_ja = attr(p, n, "note-ja");
    if (!slc_catalog_item(cat, r->item))
        return slc_error_set(err, SLC_ERR_DEFINITION, p->path, slc_xml_line(n), -1,
                             "item %d is not in checklist %s", r->item, cat->id);
    xmlNode *c = n->children;
    while (c && c->type != XML_ELEMENT_NODE)
        c = c->next;
    if (!c)
        return slc_error_set(err, SLC_ERR_DEFINITION, p->path, slc_xml_line(n), -1,
                             "requirement without a criterion");
    if (is(c, "presence")) {
        const char *v = attr(p, c, "is");
        r->crit = SLC_CRIT_PRESENCE;
        r->presence = !strcmp(v, "yes")  ? SLC_PRESENCE_YES
                      : !strcmp(v, "no") ? SLC_PRESENCE_NO
                                         : SLC_PRESENCE_NA;
    } else if (is(c, "quantity")) {
        r->crit = SLC_CRIT_QUANTITY;
        r->dim = (slc_dim)slc_dim_parse(attr(p, c, "dimension"));
        r->op = (slc_op)slc_op_parse(attr(p, c, "op"));
        r->amount = strtod(attr(p, c, "value"), NULL);
        r->unit = attr(p, c, "unit");
        r->value = r->amount;
        const char *basis = attr(p, c, "basis"); /* the schema allows guarantee, target */
        r->basis = !basis                        ? SLC_BASIS_STATED
                   : !strcmp(basis, "guarantee") ? SLC_BASIS_GUARANTEE
                                                 : SLC_BASIS_TARGET;
        if (r->unit) {
            const slc_cat_unit *u = NULL;
            for (size_t k = 0; k < cat->nunits && !u; k++)
                if (!strcmp(cat->units[k].id, r->unit))
                    u = &cat->units[k];
            if (!u || u->dim != r->dim)
                return slc_error_set(err, SLC_ERR_DEFINITION, p->path, slc_xml_line(c), -1,
                                     "unit \"%s\" is not a %s unit of checklist %s", r->unit,
                                     slc_dim_id(r->dim), cat->id);
            r->value = r->amount * u->factor;
        } else if (r->dim == SLC_DIM_DURATION) {
            return slc_error_set(err, SLC_ERR_DEFINITION, p->path, slc_xml_line(c), -1,
                                 "a duration needs a unit (e.g. unit=\"day\")");
        }
    } else if (is(c, "thing")) {
        r->crit = SLC_CRIT_THING;
        const char *ids = attr(p, c, "id");
        slc_ptrs v = {0};
        for (const char *s = ids; *s;) {
            while (*s == ' ')
                s++;
            size_t len = strcspn(s, " ");
            if (len)
                slc_ptrs_push(&v, slc_arena_strndup(&p->arena, s, len));
            s += len;
        }
        r->nids = v.n;
        r->ids = slc_arena_alloc(&p->arena, (v.n + 1) * sizeof(char *));
        for (size_t k = 0; k < v.n; k++)
            r->ids[k] = v.v[k];
        slc_ptrs_release(&v);
    } else if (is(c, "match")) {
        char msg[200];
        r->crit = SLC_CRIT_MATCH;
        r->pattern = attr(p, c, "pattern");
        r->re = slc_regex_new(r->pattern, msg, sizeof(msg));
        if (!r->re)
            return slc_error_set(err, SLC_ERR_DEFINITION, p->path, slc_xml_line(c), -1,
                                 "invalid regular expression \"%s\": %s", r->pattern, msg);
        slc_ptrs_push(&p->regexes, r->re);
    }
    return SLC_OK;
}

slc_status slc_profile_load(const char *path, const slc_catalog *cat, slc_profile **out,
                            slc_error *err)
{
    xmlDoc *doc = NULL;
    slc_profile *p = NULL;
    slc_status rc;
    slc_xml_source src = {path,
                          NULL,
                          0,
                          path,
                          slc_builtin_profile_rng,
                          slc_builtin_profile_rng_len,
                          "schemas/profile.rng"};
    *out = NULL;
    rc = slc_xml_load(&src, &doc, err);
    if (rc != SLC_OK)
        return rc;
    p = slc_xcalloc(1, sizeof(*p));
    slc_arena_init(&p->arena);
    p->path = slc_arena_strdup(&p->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    p->id = attr(p, root, "id");
    p->checklist = attr(p, root, "checklist");
    if (strcmp(p->checklist, cat->id)) {
        rc = slc_error_set(err, SLC_ERR_DEFINITION, path, slc_xml_line(root), -1,
                           "profile is for checklist %s, not %s", p->checklist, cat->id);
        goto done;
    }
    size_t n = 0;
    for (xmlNode *c = root->children; c; c = c->next)
        n += is(c, "require");
    p->reqs = slc_arena_alloc(&p->arena, (n + 1) * sizeof(slc_requirement));
    for (xmlNode *c = root->children; c && rc == SLC_OK; c = c->next) {
        if (is(c, "title")) {
            p->title.ja = attr(p, c, "ja");
            p->title.en = attr(p, c, "en");
        } else if (is(c, "description")) {
            p->description.ja = attr(p, c, "ja");
            p->description.en = attr(p, c, "en");
        } else if (is(c, "require")) {
            rc = read_require(p, cat, c, &p->reqs[p->nreqs], err);
            p->nreqs++;
        }
    }
done:
    xmlFreeDoc(doc);
    if (rc != SLC_OK)
        slc_profile_free(p);
    else
        *out = p;
    return rc;
}

void slc_profile_free(slc_profile *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->regexes.n; i++)
        slc_regex_free(p->regexes.v[i]);
    slc_ptrs_release(&p->regexes);
    slc_arena_release(&p->arena);
    free(p);
}

/* ---- judging -------------------------------------------------------------- */

const char *slc_verdict_id(slc_verdict v)
{
    static const char *ids[] = {"unknown", "met", "not-met"};
    return (unsigned)v < 3 ? ids[v] : "?";
}

/* the vendor's words between code points s and e */
static const char *words(slc_doc *doc, const char *answer, size_t s, size_t e)
{
    return slc_doc_words(doc, answer, s, e);
}

static const slc_fact *disclosure(const slc_fact *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].type == SLC_FACT_DISCLOSURE && strcmp(f[i].id, "same-as-above"))
            return &f[i];
    return NULL;
}

/* 1 if fact f says the same as g (a fact 同上 copied from the item above) */
static int same_fact(const slc_fact *f, const slc_fact *g)
{
    return f->type == g->type && f->presence == g->presence && f->dim == g->dim &&
           f->value == g->value && f->op == g->op && f->basis == g->basis &&
           f->band_from == g->band_from && f->band_to == g->band_to &&
           f->band_days == g->band_days && f->negated == g->negated &&
           (f->id == g->id || (f->id && g->id && !strcmp(f->id, g->id)));
}

static const slc_fact *same_as_above(const slc_fact *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].type == SLC_FACT_DISCLOSURE && !strcmp(f[i].id, "same-as-above"))
            return &f[i];
    return NULL;
}

/* An answer 同上 carries the facts of the item above (slc_doc_facts) with
 * the span of the word 同上: the evidence is then the answer it stands
 * for. Follows a chain of 同上 up to the answer that says it; with hit
 * NULL, that answer's first words. Sets the result's evidence and
 * same_as_*; 0 if the evidence is not 同上's. */
static int resolve_same_as(slc_doc *doc, size_t idx, const slc_fact *hit, slc_req_result *out)
{
    const slc_fact *want = hit;
    size_t n;
    const slc_fact *f = slc_doc_facts(doc, idx, &n);
    const slc_fact *sa = same_as_above(f, n);
    if (!sa || (hit && (hit == sa || hit->start != sa->start || hit->end != sa->end)))
        return 0;
    for (size_t i = idx, guard = 0; i-- > 0 && guard < doc->cat->nitems; guard++) {
        const slc_answer *a = slc_doc_answer(doc, i);
        if (!a)
            return 0;
        const char *text = a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : "";
        f = slc_doc_facts(doc, i, &n);
        sa = same_as_above(f, n);
        const slc_fact *g = NULL;
        for (size_t k = 0; want && k < n && !g; k++)
            if (&f[k] != sa && same_fact(&f[k], want))
                g = &f[k];
        /* the fact is this answer's own, or the answer says more than 同上 */
        if (!sa || (g && (g->start != sa->start || g->end != sa->end))) {
            out->evidence =
                g ? slc_doc_words(doc, text, g->start, g->end) : slc_doc_words(doc, text, 0, 60);
            out->same_as_item = doc->cat->items[i].no;
            out->same_as_line = a->line;
            return 1;
        }
    }
    return 0;
}

/* whether a quantity's basis is what the requirement demands */
static int basis_meets(slc_basis demanded, slc_basis b)
{
    if (demanded == SLC_BASIS_GUARANTEE)
        return b == SLC_BASIS_GUARANTEE;
    if (demanded == SLC_BASIS_TARGET)
        return b == SLC_BASIS_GUARANTEE || b == SLC_BASIS_TARGET;
    return slc_basis_strength(b) > 0;
}

/* A quantity criterion: met by a commitment of the demanded basis for
 * which the bound holds. An actual figure or a condition is never a
 * commitment (as the comparison reads them). */
static void judge_quantity(const slc_requirement *r, const slc_fact *f, size_t n,
                           slc_req_result *out, const slc_fact **hit)
{
    const slc_fact *met = NULL, *out_of_range = NULL, *weaker = NULL, *uncommitted = NULL;
    const slc_fact *weaker_out = NULL; /* of a weaker basis, and out of range too */
    for (size_t i = 0; i < n && !met; i++) {
        if (f[i].type != SLC_FACT_QUANTITY || f[i].dim != r->dim)
            continue;
        if (slc_basis_strength(f[i].basis) == 0) {
            if (!uncommitted)
                uncommitted = &f[i];
            continue;
        }
        int holds = slc_op_holds(r->op, f[i].value, r->value);
        int meets = basis_meets(r->basis, f[i].basis);
        if (holds && meets)
            met = &f[i];
        else if (meets && !out_of_range)
            out_of_range = &f[i];
        else if (holds && !weaker)
            weaker = &f[i];
        else if (!holds && !weaker_out)
            weaker_out = &f[i];
    }
    if (met) {
        *hit = met;
        out->verdict = SLC_VERDICT_MET;
    } else if (out_of_range || (!weaker && weaker_out)) {
        /* the value fails whatever its basis */
        *hit = out_of_range ? out_of_range : weaker_out;
        out->verdict = SLC_VERDICT_NOT_MET;
        out->reason = "out-of-range";
    } else if (weaker && weaker->basis == SLC_BASIS_TARGET) {
        /* the vendor aims at it in so many words: no guarantee */
        *hit = weaker;
        out->verdict = SLC_VERDICT_NOT_MET;
        out->reason = "not-guaranteed";
    } else if (weaker) {
        /* a value with no basis word: cannot tell whether it is promised */
        *hit = weaker;
        out->reason = "basis-not-stated";
    } else if (uncommitted) {
        *hit = uncommitted;
        out->reason = uncommitted->basis == SLC_BASIS_CONDITION ? "condition-only" : "actual-only";
    }
}

static void judge(slc_doc *doc, const slc_requirement *r, slc_req_result *out)
{
    const slc_catalog *cat = doc->cat;
    size_t idx = (size_t)cat->by_no[r->item], n = 0;
    const slc_answer *a = slc_doc_answer(doc, idx);
    memset(out, 0, sizeof(*out));
    out->req = r;
    if (!a) {
        out->reason = "missing";
        return;
    }
    out->line = a->line;
    const char *answer = a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : "";
    const slc_fact *f = slc_doc_facts(doc, idx, &n);
    const slc_fact *pres = slc_facts_find(f, n, SLC_FACT_PRESENCE, -1);
    const slc_fact *disc = disclosure(f, n);
    const slc_fact *hit = NULL;
    int searched = 0;

    switch (r->crit) {
    case SLC_CRIT_PRESENCE:
        if (pres) {
            hit = pres;
            out->verdict =
                (int)pres->presence == r->presence ? SLC_VERDICT_MET : SLC_VERDICT_NOT_MET;
            out->reason = out->verdict == SLC_VERDICT_MET ? NULL : slc_presence_id(pres->presence);
        }
        break;
    case SLC_CRIT_QUANTITY:
        judge_quantity(r, f, n, out, &hit);
        break;
    case SLC_CRIT_THING:
        for (size_t i = 0; i < n && out->verdict != SLC_VERDICT_MET; i++) {
            if (f[i].type != SLC_FACT_THING)
                continue;
            for (size_t k = 0; k < r->nids; k++) {
                if (!slc_fact_id_matches(f[i].id, r->ids[k]))
                    continue;
                hit = &f[i];
                out->verdict = f[i].negated ? SLC_VERDICT_NOT_MET : SLC_VERDICT_MET;
                out->reason = f[i].negated ? "negated" : NULL;
                if (!f[i].negated)
                    break;
            }
        }
        if (!hit && pres && pres->presence == SLC_PRESENCE_NO) {
            hit = pres;
            out->verdict = SLC_VERDICT_NOT_MET;
            out->reason = "answered-no";
        }
        break;
    case SLC_CRIT_MATCH:
        searched = r->re ? slc_regex_search(r->re, answer) : 0;
        if (searched > 0) {
            out->verdict = SLC_VERDICT_MET;
        } else if (searched < 0) {
            out->reason = "pattern-limit"; /* unknown: the search was stopped */
        } else if (pres && pres->presence == SLC_PRESENCE_NO) {
            hit = pres;
            out->verdict = SLC_VERDICT_NOT_MET;
            out->reason = "answered-no";
        }
        break;
    }
    if (out->verdict == SLC_VERDICT_UNKNOWN &&
        (!out->reason || !strcmp(out->reason, "actual-only") ||
         !strcmp(out->reason, "condition-only"))) {
        /* never silently met: say why it cannot be told (a value that is no
         * commitment in an answer that says it is undisclosed: undisclosed) */
        if (disc) {
            hit = disc;
            out->reason = disc->id;
        } else if (!out->reason) {
            out->reason = "not-stated";
        }
    }
    if (resolve_same_as(doc, idx, hit, out))
        return;
    if (hit)
        out->evidence = words(doc, answer, hit->start, hit->end);
    else
        out->evidence = words(doc, answer, 0, 60);
}

void slc_profile_evaluate(slc_doc *doc, const slc_profile *p)
{
    slc_profile_result *res = slc_arena_alloc(&doc->arena, sizeof(*res));
    memset(res, 0, sizeof(*res));
    res->profile = p;
    res->n = p->nreqs;
    res->v = slc_arena_alloc(&doc->arena, (p->nreqs + 1) * sizeof(slc_req_result));
    double total = 0, met = 0;
    for (size_t i = 0; i < p->nreqs; i++) {
        const slc_requirement *r = &p->reqs[i];
        slc_req_result *x = &res->v[i];
        judge(doc, r, x);
        total += r->weight;
        if (x->verdict == SLC_VERDICT_MET) {
            met += r->weight;
            res->met++;
            continue;
        }
        slc_finding f;
        memset(&f, 0, sizeof(f));
        f.item = r->item;
        f.line = x->line;
        f.req = r;
        f.found = x->evidence;
        f.expected = x->reason;
        f.other = x->same_as_item; /* the evidence is that item's answer (同上) */
        f.line2 = x->same_as_line;
        if (x->verdict == SLC_VERDICT_NOT_MET) {
            res->not_met++;
            res->must_failed += r->level == SLC_LEVEL_MUST;
            f.rule = SLC_RULE_REQUIREMENT_NOT_MET;
            f.severity = r->level == SLC_LEVEL_MUST ? SLC_SEV_ERROR : SLC_SEV_WARNING;
        } else {
            res->unknown++;
            res->must_unknown += r->level == SLC_LEVEL_MUST;
            f.rule = SLC_RULE_REQUIREMENT_UNKNOWN;
            f.severity = r->level == SLC_LEVEL_MUST ? SLC_SEV_WARNING : SLC_SEV_INFO;
        }
        slc_doc_add_finding(doc, &f);
        if (x->reason && !strcmp(x->reason, "pattern-limit")) {
            f.rule = SLC_RULE_PATTERN_LIMIT; /* the profile's pattern, not the answer */
            f.severity = SLC_SEV_WARNING;
            f.expected = r->pattern;
            slc_doc_add_finding(doc, &f);
        }
    }
    res->score = total > 0 ? met / total * 100.0 : 100.0;
    doc->profile = res;
}

const char *slc_req_reason_label(const char *reason, slc_lang lang)
{
    static const struct {
        const char *id;
        slc_label l;
    } reasons[] = {
        {"missing", {"項目なし", "item missing"}},
        {"not-stated", {"記載なし", "not stated"}},
        {"none", {"有無の記載なし", "有/無 not stated"}},
        {"no", {"無と回答", "answered no"}},
        {"answered-no", {"無と回答", "answered no"}},
        {"yes", {"有と回答", "answered yes"}},
        {"na", {"該当なし", "not applicable"}},
        {"not-applicable", {"該当なし", "not applicable"}},
        {"out-of-range", {"値が範囲外", "value out of range"}},
        {"negated", {"否定されている", "negated"}},
        {"undisclosed", {"非公開", "undisclosed"}},
        {"by-reference", {"別文書を参照", "given in another document"}},
        {"same-as-above", {"同上", "same as above"}},
        {"not-guaranteed", {"目標のみで保証なし", "a target, not a guarantee"}},
        {"basis-not-stated", {"保証か目標か記載なし", "not said whether guaranteed or targeted"}},
        {"actual-only", {"実績値のみ", "an actual figure only"}},
        {"condition-only", {"条件のみ（約束ではない）", "a condition only, not a commitment"}},
    };
    for (size_t i = 0; reason && i < sizeof(reasons) / sizeof(reasons[0]); i++)
        if (!strcmp(reasons[i].id, reason))
            return slc_label_get(&reasons[i].l, lang);
    return reason;
}

/* a unit of a requirement as Japanese writes it after the number */
static const char *unit_ja(const char *unit)
{
    static const struct {
        const char *id, *ja;
    } units[] = {{"year", " 年"},   {"month", " か月"}, {"week", " 週間"}, {"day", " 日"},
                 {"hour", " 時間"}, {"minute", " 分"},  {"second", " 秒"}, {"generation", " 世代"},
                 {"times", " 回"},  {"percent", " %"}};
    for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
        if (!strcmp(unit, units[k].id))
            return units[k].ja;
    return unit;
}

void slc_requirement_describe(const slc_requirement *r, slc_lang lang, slc_buf *out)
{
    int ja = lang == SLC_LANG_JA;
    static const char *const ops[SLC_OP_N] = {"=", "≠", "<", "≤", ">", "≥"};
    switch (r->crit) {
    case SLC_CRIT_PRESENCE:
        slc_buf_adds(out, r->presence == SLC_PRESENCE_YES  ? (ja ? "【有】" : "有 (yes)")
                          : r->presence == SLC_PRESENCE_NO ? (ja ? "【無】" : "無 (no)")
                                                           : (ja ? "該当なし" : "not applicable"));
        break;
    case SLC_CRIT_QUANTITY:
        slc_buf_addf(out, "%s %g", ops[r->op], r->amount);
        if (r->unit && ja)
            slc_buf_adds(out, unit_ja(r->unit));
        else if (r->unit)
            slc_buf_addf(out, " %s%s", r->unit, r->amount == 1 ? "" : "s");
        else if (r->dim == SLC_DIM_PERCENTAGE)
            slc_buf_adds(out, " %");
        if (r->basis == SLC_BASIS_GUARANTEE)
            slc_buf_adds(out, ja ? "（保証）" : " (guaranteed)");
        else if (r->basis == SLC_BASIS_TARGET)
            slc_buf_adds(out, ja ? "（目標以上）" : " (at least a target)");
        break;
    case SLC_CRIT_THING:
        for (size_t k = 0; k < r->nids; k++)
            slc_buf_addf(out, "%s%s", k ? (ja ? " または " : " or ") : "", r->ids[k]);
        break;
    case SLC_CRIT_MATCH:
        slc_buf_addf(out, ja ? "/%s/ に一致" : "matches /%s/", r->pattern);
        break;
    }
    const char *note = ja && r->note_ja ? r->note_ja : r->note;
    if (note)
        slc_buf_addf(out, ja ? "（%s）" : " (%s)", note);
}
