/* summary.c - the summary page's model: per vendor the musts not met or
 * unknown, score and weights, remaining risks; the category x vendor grid. */
#include "summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export.h"
#include "platform.h"
#include "profile.h"
#include "rules.h"

/* the report date: SOURCE_DATE_EPOCH (reproducible builds) or now, UTC */
static const char *report_date(slc_arena *arena)
{
    time_t t = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end = NULL;
        long long v = strtoll(sde, &end, 10);
        if (end && !*end && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    char b[32] = "";
    if (slc_platform_utc_time(t, &tm))
        strftime(b, sizeof(b), "%Y-%m-%d", &tm);
    return slc_arena_strdup(arena, b);
}

static int same_name(const slc_doc *a, const slc_doc *b)
{
    return a->name && b->name && !strcmp(a->name, b->name);
}

static const char *base_name(const char *path)
{
    const char *base = path;
    for (const char *s = path; *s; s++)
        if (slc_platform_is_separator(*s))
            base = s + 1;
    return base;
}

/* the vendor's name, with the file's name after it when another vendor of
 * the report has the same name (and the number when the files share it) */
static const char *unique_name(const slc_export *x, size_t v, slc_arena *arena)
{
    const slc_doc *d = x->docs[v];
    const char *name = d->name ? d->name : d->path;
    size_t shared = 0, nth = 0, same_file = 0;
    for (size_t w = 0; w < x->n; w++) {
        if (w == v || !same_name(d, x->docs[w]))
            continue;
        shared++;
        if (!strcmp(base_name(d->path), base_name(x->docs[w]->path))) {
            same_file++;
            nth += w < v;
        }
    }
    if (!shared)
        return name;
    slc_buf b;
    slc_buf_init(&b);
    slc_buf_addf(&b, "%s (%s", name, base_name(d->path));
    if (same_file)
        slc_buf_addf(&b, " #%zu", nth + 1);
    slc_buf_adds(&b, ")");
    const char *s = slc_arena_strdup(arena, b.data);
    slc_buf_release(&b);
    return s;
}

static void *arena_array(slc_arena *arena, size_t n, size_t size)
{
    void *p = slc_arena_alloc(arena, (n ? n : 1) * size);
    memset(p, 0, (n ? n : 1) * size);
    return p;
}

static int shown_req(const slc_export *x, const slc_requirement *r)
{
    const slc_cat_item *it = slc_catalog_item(x->cat, r->item);
    return !it || slc_export_shows(x, (size_t)(it - x->cat->items));
}

static void build_vendor(slc_summary *s, const slc_export *x, size_t v, slc_arena *arena)
{
    const slc_catalog *cat = x->cat;
    const slc_comparison *cmp = x->cmp;
    slc_summary_vendor *sv = &s->vendors[v];
    const slc_doc *d = x->docs[v];
    sv->name = unique_name(x, v, arena);
    slc_doc_count(d, sv->counts);

    size_t *und = arena_array(arena, cat->nitems, sizeof(size_t));
    size_t *mis = arena_array(arena, cat->nitems, sizeof(size_t));
    for (size_t i = 0; i < cat->nitems && i < cmp->nitems; i++) {
        if (!slc_export_shows(x, i))
            continue;
        const slc_cmp_item *ci = &cmp->items[i];
        const slc_cat_item *it = &cat->items[i];
        if (!ci->answers[v])
            mis[sv->nmissing++] = i;
        else if (ci->standing[v].undisclosed)
            und[sv->nundisclosed++] = i;
        if (it->category < 0 || (size_t)it->category >= s->ncategories)
            continue;
        slc_summary_cell *c = &s->grid[(size_t)it->category * s->n + v];
        c->items++;
        c->answered += ci->answers[v] != NULL;
        c->leads += ci->rank[v] > 0;
        c->trails += ci->rank[v] < 0;
    }
    sv->undisclosed = und;
    sv->missing = mis;

    const slc_profile_result *pr = d->profile;
    if (!pr)
        return;
    sv->scored = 1;
    sv->score = pr->score;
    sv->musts = arena_array(arena, pr->n, sizeof(*sv->musts));
    sv->targets = arena_array(arena, pr->n, sizeof(*sv->targets));
    for (int pass = 0; pass < 2; pass++) /* not met first, then unknown */
        for (size_t k = 0; k < pr->n; k++) {
            const slc_req_result *r = &pr->v[k];
            if (r->req->level == SLC_LEVEL_MUST && shown_req(x, r->req) &&
                r->verdict == (pass ? SLC_VERDICT_UNKNOWN : SLC_VERDICT_NOT_MET))
                sv->musts[sv->nmusts++] = r;
        }
    for (size_t k = 0; k < sv->nmusts; k++)
        sv->nmusts_failed += sv->musts[k]->verdict == SLC_VERDICT_NOT_MET;
    for (size_t k = 0; k < pr->n; k++) {
        const slc_req_result *r = &pr->v[k];
        sv->weight_total += r->req->weight;
        if (r->verdict == SLC_VERDICT_MET)
            sv->weight_met += r->req->weight;
        sv->req_met += r->verdict == SLC_VERDICT_MET;
        sv->req_not_met += r->verdict == SLC_VERDICT_NOT_MET;
        sv->req_unknown += r->verdict == SLC_VERDICT_UNKNOWN;
        if (r->verdict != SLC_VERDICT_MET && r->reason && !strcmp(r->reason, "not-guaranteed") &&
            shown_req(x, r->req))
            sv->targets[sv->ntargets++] = r;
        const slc_cat_item *it = slc_catalog_item(cat, r->req->item);
        if (!it || !shown_req(x, r->req) || it->category < 0 ||
            (size_t)it->category >= s->ncategories)
            continue;
        slc_summary_cell *c = &s->grid[(size_t)it->category * s->n + v];
        c->req_total++;
        c->req_met += r->verdict == SLC_VERDICT_MET;
        c->req_not_met += r->verdict == SLC_VERDICT_NOT_MET;
        c->req_unknown += r->verdict == SLC_VERDICT_UNKNOWN;
    }
}

void slc_summary_build(slc_summary *s, const slc_export *x, slc_arena *arena)
{
    memset(s, 0, sizeof(*s));
    const slc_catalog *cat = x->cat;
    s->date = report_date(arena);
    slc_buf b;
    slc_buf_init(&b);
    const char *title = slc_label_get(&cat->title, x->lang);
    slc_buf_adds(&b, title ? title : "");
    if (cat->id && cat->version)
        slc_buf_addf(&b, " (%s v%s)", cat->id, cat->version);
    else if (cat->id || cat->version)
        slc_buf_addf(&b, " (%s)", cat->id ? cat->id : cat->version);
    s->checklist = slc_arena_strdup(arena, b.data ? b.data : "");
    slc_buf_release(&b);
    if (x->profile) {
        const char *t = slc_label_get(&x->profile->title, x->lang);
        s->profile = t && *t ? t : x->profile->id;
        s->profile_path = x->profile->path;
    }
    s->n = x->n;
    s->ncategories = cat->ncategories;
    s->vendors = arena_array(arena, x->n, sizeof(*s->vendors));
    s->grid = arena_array(arena, s->ncategories * x->n, sizeof(*s->grid));
    for (size_t v = 0; v < x->n; v++)
        build_vendor(s, x, v, arena);
}

const slc_summary_cell *slc_summary_cell_at(const slc_summary *s, size_t category, size_t vendor)
{
    return &s->grid[category * s->n + vendor];
}

void slc_summary_score_text(const slc_export *x, size_t v, slc_buf *out)
{
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    if (!sv->scored)
        return;
    slc_buf_addf(out,
                 x->lang == SLC_LANG_JA
                     ? "充足した要件の重み %g ÷ 全要件の重み %g × 100 = %.1f"
                     : "weight of the requirements met %g ÷ weight of all requirements %g × 100 = "
                       "%.1f",
                 sv->weight_met, sv->weight_total, sv->score);
}

void slc_summary_weights_text(const slc_export *x, slc_buf *out)
{
    const slc_profile *p = x->profile;
    if (!p)
        return;
    int first = 1;
    for (int level = SLC_LEVEL_MUST; level <= SLC_LEVEL_SHOULD; level++)
        for (size_t k = 0; k < p->nreqs; k++) {
            const slc_requirement *r = &p->reqs[k];
            size_t count = 0, seen = 0;
            if ((int)r->level != level)
                continue;
            for (size_t j = 0; j < p->nreqs; j++)
                if ((int)p->reqs[j].level == level && p->reqs[j].weight == r->weight) {
                    count++;
                    seen += j < k;
                }
            if (seen) /* this weight was written already */
                continue;
            slc_buf_addf(
                out, x->lang == SLC_LANG_JA ? "%s%s（重み %g）%zu 件" : "%s%s (weight %g) × %zu",
                first                    ? ""
                : x->lang == SLC_LANG_JA ? "、"
                                         : ", ",
                slc_export_level_label(x, level), r->weight, count);
            first = 0;
        }
}

int slc_summary_risk_text(const slc_export *x, size_t v, int k, slc_buf *title, slc_buf *items)
{
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    static const slc_xlabel labels[SLC_SUMMARY_RISKS] = {SLC_XL_RISK_UNDISCLOSED,
                                                         SLC_XL_RISK_TARGETS, SLC_XL_RISK_MISSING};
    size_t n = k == 0 ? sv->nundisclosed : k == 1 ? sv->ntargets : sv->nmissing;
    if (k < 0 || k >= SLC_SUMMARY_RISKS || (k == 1 && !sv->scored))
        return 0;
    slc_buf_addf(title, "%s (%zu)", slc_export_label(x, labels[k]), n);
    if (!n)
        slc_buf_adds(items, slc_export_label(x, SLC_XL_NONE));
    for (size_t j = 0; j < n; j++) {
        int no = k == 1   ? sv->targets[j]->req->item
                 : k == 0 ? x->cat->items[sv->undisclosed[j]].no
                          : x->cat->items[sv->missing[j]].no;
        const slc_cat_item *it = slc_catalog_item(x->cat, no);
        slc_buf_addf(items, "%s%d %s", j ? (x->lang == SLC_LANG_JA ? "、" : "; ") : "", no,
                     it ? slc_label_get(&it->name, x->lang) : "");
    }
    return 1;
}
