/* export_html.c - the HTML report: one self-contained page (inline CSS,
 * a small inline script), built as a libxml2 tree so that vendor text
 * only ever enters as text nodes or attribute values and the serializer
 * escapes it. A strict Content-Security-Policy allows the inline style and
 * script by their SHA-256 only; nothing is fetched.
 *
 * The page's structure and fixed wording are the skeleton
 * templates/report.html (docs/templates.md), copied into the tree with
 * its slots filled; the blocks drawn here are the vendors, the category
 * grid, each vendor's open musts and risks, the comparison table (grouped
 * by category, better/worse by colour and by marker), the buyer's
 * requirements, the findings and each vendor's answers with their lines. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>

#include "export.h"
#include "load.h"
#include "profile.h"
#include "rules.h"
#include "sha256.h"
#include "template.h"
#include "export_html.h"

/* Filters the comparison table by words and to the items that differ;
 * without it the page shows everything. Labels come from data- attributes. */

/* ---- building the tree: every libxml2 result is checked here ---- */

typedef struct html {
    const slc_export *x;
    xmlDoc *doc;
    int failed;            /* a libxml2 call returned NULL: the page is not written */
    slc_buf clean;         /* scratch for text_clean */
    slc_buf tmp;           /* scratch for composed strings */
    slc_buf style, script; /* report.css and report.js as the page carries them */
    char csp[256];         /* the Content-Security-Policy: their hashes */
    const char *words;     /* templates/report.LANG.txt */
} html;

/* Vendor text as HTML may carry it: CR LF and lone CR become LF, and
 * control characters other than tab and LF (C0, DEL, C1), which HTML
 * forbids, become U+FFFD. The loader gives valid UTF-8. */
static const char *text_clean(html *h, const char *s)
{
    slc_buf *b = &h->clean;
    slc_buf_clear(b);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\r') {
            if (p[1] != '\n')
                slc_buf_addc(b, '\n');
        } else if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f) {
            slc_buf_adds(b, "\xEF\xBF\xBD");
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            slc_buf_adds(b, "\xEF\xBF\xBD");
            p++;
        } else {
            slc_buf_addc(b, (char)*p);
        }
    }
    return b->data ? b->data : "";
}

/* Elements that start a line in the file. The page is written unformatted
 * (libxml2's formatter would also break lines inside pre-wrap answers), so
 * these get a newline text node before them, where whitespace does not
 * matter: between rows, sections, head elements, SVG groups. */
static int starts_line(const char *name)
{
    static const char *const names[] = {
        "head",    "body",   "meta", "title",  "style", "script", "header", "nav", "main",
        "section", "footer", "h1",   "h2",     "h3",    "p",      "ul",     "li",  "table",
        "thead",   "tbody",  "tr",   "figure", "svg",   "g",      NULL};
    for (size_t i = 0; names[i]; i++)
        if (!strcmp(name, names[i]))
            return 1;
    return 0;
}

static xmlNode *el(html *h, xmlNode *parent, const char *name)
{
    if (!parent || h->failed)
        return NULL;
    if (starts_line(name)) {
        xmlNode *nl = xmlNewDocText(h->doc, (const xmlChar *)"\n");
        if (!nl || !xmlAddChild(parent, nl)) {
            xmlFreeNode(nl);
            h->failed = 1;
            return NULL;
        }
    }
    xmlNode *n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
    if (!n)
        h->failed = 1;
    return n;
}

/* appends text (vendor text is fine: a text node, escaped when written) */
static void text(html *h, xmlNode *parent, const char *s)
{
    if (!parent || h->failed || !s || !*s)
        return;
    xmlNode *t = xmlNewDocText(h->doc, (const xmlChar *)text_clean(h, s));
    if (!t || !xmlAddChild(parent, t)) {
        xmlFreeNode(t);
        h->failed = 1;
    }
}

static void attr(html *h, xmlNode *n, const char *name, const char *value)
{
    if (!n || h->failed)
        return;
    if (!xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)text_clean(h, value ? value : "")))
        h->failed = 1;
}

/* <name class="cls">text</name> */
static xmlNode *el_text(html *h, xmlNode *parent, const char *name, const char *cls, const char *s)
{
    xmlNode *n = el(h, parent, name);
    if (cls && *cls)
        attr(h, n, "class", cls);
    text(h, n, s);
    return n;
}

/* a count in a cell; flag: the class it gets when not zero */
static xmlNode *el_num(html *h, xmlNode *parent, size_t v, const char *flag)
{
    char b[32];
    snprintf(b, sizeof(b), "%zu", v);
    return el_text(h, parent, "td", v && flag ? flag : "num", b);
}

static const char *L(html *h, slc_xlabel l)
{
    return slc_export_label(h->x, l);
}

static const char *lang_get(html *h, const slc_label *l)
{
    const char *s = slc_label_get(l, h->x->lang);
    return s ? s : "";
}

static size_t items_present(const slc_export *x, size_t v)
{
    size_t n = 0;
    for (size_t i = 0; i < x->cat->nitems; i++)
        n += slc_doc_answer(x->docs[v], i) != NULL;
    return n;
}

/* ---- summary: the page a decision meeting starts from ---- */

static void th_col(html *h, xmlNode *tr, const char *cls, const char *label)
{
    attr(h, el_text(h, tr, "th", cls, label), "scope", "col");
}

static void legend_item(html *h, xmlNode *ul, const char *cls, const char *mk, const char *label)
{
    xmlNode *li = el(h, ul, "li");
    if (cls)
        attr(h, li, "class", cls);
    el_text(h, li, "span", "mk", mk);
    text(h, li, label);
}

/* A table of class `cls` in a scroll container (no clipped column on a
 * narrow screen) under parent; returns its header row (its tbody goes in
 * tr->parent->parent, the table). */
static xmlNode *scroll_table(html *h, xmlNode *parent, const char *cls)
{
    xmlNode *wrap = el(h, parent, "div");
    attr(h, wrap, "class", "scroll");
    xmlNode *table = el(h, wrap, "table");
    attr(h, table, "class", cls);
    return el(h, el(h, table, "thead"), "tr");
}

static void summary_vendors(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    const slc_summary *sm = &x->summary;
    xmlNode *tr = scroll_table(h, s, "vendors");
    const slc_xlabel cols[] = {SLC_XL_VENDOR,        SLC_XL_FILE,   SLC_XL_ENCODING,
                               SLC_XL_ITEMS_PRESENT, SLC_XL_ERRORS, SLC_XL_WARNINGS,
                               SLC_XL_INFO};
    for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
        th_col(h, tr, c >= 3 ? "num" : NULL, L(h, cols[c]));
    if (x->n > 1) {
        th_col(h, tr, "num", L(h, SLC_XL_LEADS));
        th_col(h, tr, "num", L(h, SLC_XL_TRAILS));
        th_col(h, tr, "num", L(h, SLC_XL_DIFFERS));
    }
    if (x->profile) {
        th_col(h, tr, "num", L(h, SLC_XL_SCORE));
        th_col(h, tr, "num", L(h, SLC_XL_MUST_FAILED));
    }
    xmlNode *tb = el(h, tr->parent->parent, "tbody");
    for (size_t v = 0; v < x->n; v++) {
        const slc_doc *d = x->docs[v];
        const slc_summary_vendor *sv = &sm->vendors[v];
        tr = el(h, tb, "tr");
        attr(h, el_text(h, tr, "th", "name", sv->name), "scope", "row");
        el_text(h, tr, "td", "path", d->path);
        el_text(h, tr, "td", NULL, d->encoding);
        char b[64];
        snprintf(b, sizeof(b), "%zu / %zu", items_present(x, v), x->cat->nitems);
        el_text(h, tr, "td", "num", b);
        el_num(h, tr, sv->counts[SLC_SEV_ERROR], "num sev-error");
        el_num(h, tr, sv->counts[SLC_SEV_WARNING], "num sev-warning");
        el_num(h, tr, sv->counts[SLC_SEV_INFO], NULL);
        if (x->n > 1) {
            el_num(h, tr, x->cmp->vendors[v].leads, NULL);
            el_num(h, tr, x->cmp->vendors[v].trails, NULL);
            el_num(h, tr, x->cmp->vendors[v].differs, NULL);
        }
        if (x->profile) {
            if (sv->scored) {
                snprintf(b, sizeof(b), "%.1f", sv->score);
                el_text(h, tr, "td", "num", b);
                el_num(h, tr, sv->nmusts_failed, "num sev-error");
            } else {
                el_text(h, tr, "td", "num", "—");
                el_text(h, tr, "td", "num", "—");
            }
        }
    }
}

/* the grid: per category and vendor, requirements met / not met / unknown
 * and the items where the vendor leads or trails; the class colours the
 * cell, the markers (✓ ✗ ? ▲ ▼) say the same in greyscale */
static void block_grid(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    const slc_summary *sm = &x->summary;
    const slc_catalog *cat = x->cat;
    xmlNode *ul = el(h, s, "ul");
    attr(h, ul, "class", "legend");
    attr(h, ul, "aria-label", L(h, SLC_XL_LEGEND));
    if (x->profile) {
        legend_item(h, ul, "met", "✓", L(h, SLC_XL_MET));
        legend_item(h, ul, "not-met", "✗", L(h, SLC_XL_NOT_MET));
        legend_item(h, ul, "unknown", "?", L(h, SLC_XL_UNKNOWN));
    }
    if (x->n > 1) {
        legend_item(h, ul, NULL, slc_export_rank_marker(1), L(h, SLC_XL_LEADS));
        legend_item(h, ul, NULL, slc_export_rank_marker(-1), L(h, SLC_XL_TRAILS));
    }
    xmlNode *tr = scroll_table(h, s, "grid");
    th_col(h, tr, "cat", L(h, SLC_XL_CATEGORY));
    for (size_t v = 0; v < x->n; v++)
        th_col(h, tr, "name", sm->vendors[v].name);
    xmlNode *tb = el(h, tr->parent->parent, "tbody");
    slc_buf *t = &h->tmp;
    for (size_t c = 0; c < cat->ncategories; c++) {
        if (!slc_summary_cell_at(sm, c, 0)->items)
            continue; /* none of its items in the report */
        tr = el(h, tb, "tr");
        xmlNode *th = el_text(h, tr, "th", "cat", lang_get(h, &cat->categories[c].label));
        attr(h, th, "scope", "row");
        for (size_t v = 0; v < x->n; v++) {
            const slc_summary_cell *g = slc_summary_cell_at(sm, c, v);
            const char *cls = !g->req_total    ? NULL
                              : g->req_not_met ? "not-met"
                              : g->req_unknown ? "unknown"
                                               : "met";
            xmlNode *td = el_text(h, tr, "td", cls, NULL);
            if (g->req_total) {
                xmlNode *p = el(h, td, "div");
                static const char *mk[] = {"✓", "✗", "?"};
                size_t nums[] = {g->req_met, g->req_not_met, g->req_unknown};
                const slc_xlabel lb[] = {SLC_XL_MET, SLC_XL_NOT_MET, SLC_XL_UNKNOWN};
                for (int k = 0; k < 3; k++) {
                    if (!nums[k] && k)
                        continue;
                    slc_buf_clear(t);
                    slc_buf_addf(t, "%s %s %zu", mk[k], L(h, lb[k]), nums[k]);
                    if (k == 0)
                        slc_buf_addf(t, "/%zu", g->req_total);
                    el_text(h, p, "span", "g", t->data);
                }
            }
            xmlNode *p = el(h, td, "div");
            attr(h, p, "class", "facts");
            slc_buf_clear(t);
            if (x->n > 1)
                slc_buf_addf(t, "%s %s %zu · %s %s %zu · ", slc_export_rank_marker(1),
                             L(h, SLC_XL_LEADS), g->leads, slc_export_rank_marker(-1),
                             L(h, SLC_XL_TRAILS), g->trails);
            slc_buf_addf(t, "%s %zu/%zu", L(h, SLC_XL_ANSWERED), g->answered, g->items);
            text(h, p, t->data);
        }
    }
}

static void musts_table(html *h, xmlNode *vs, const slc_summary_vendor *sv)
{
    const slc_export *x = h->x;
    slc_buf *t = &h->tmp;
    xmlNode *tr = scroll_table(h, vs, "musts");
    th_col(h, tr, "no", L(h, SLC_XL_NO));
    th_col(h, tr, "item", L(h, SLC_XL_REQUIREMENT));
    th_col(h, tr, "verdict", L(h, SLC_XL_VERDICT));
    th_col(h, tr, NULL, L(h, SLC_XL_EVIDENCE));
    th_col(h, tr, "num", L(h, SLC_XL_LINE));
    xmlNode *tb = el(h, tr->parent->parent, "tbody");
    for (size_t k = 0; k < sv->nmusts; k++) {
        const slc_req_result *r = sv->musts[k];
        const slc_cat_item *it = slc_catalog_item(x->cat, r->req->item);
        tr = el(h, tb, "tr");
        char b[32];
        snprintf(b, sizeof(b), "%d", r->req->item);
        el_text(h, tr, "td", "no", b);
        xmlNode *th = el_text(h, tr, "th", "item", it ? lang_get(h, &it->name) : "");
        attr(h, th, "scope", "row");
        slc_buf_clear(t);
        slc_requirement_describe(r->req, x->lang, t);
        el_text(h, th, "span", "unit", t->data);
        int failed = r->verdict == SLC_VERDICT_NOT_MET;
        xmlNode *td = el_text(h, tr, "td", failed ? "not-met" : "unknown", NULL);
        el_text(h, td, "span", "mk", failed ? "✗" : "?");
        slc_buf_clear(t);
        slc_export_req_verdict(x, r, t);
        text(h, td, t->data);
        slc_buf_clear(t);
        slc_export_evidence(x, r, t);
        el_text(h, tr, "td", "txt", t->data);
        if (r->line)
            snprintf(b, sizeof(b), "%ld", r->line);
        else
            snprintf(b, sizeof(b), "—");
        el_text(h, tr, "td", "num", b);
    }
}

/* one vendor's open musts, score and remaining risks */
static void summary_vendor(html *h, xmlNode *s, size_t v)
{
    const slc_export *x = h->x;
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    slc_buf *t = &h->tmp;
    xmlNode *vs = el(h, s, "section");
    attr(h, vs, "class", "vendor");
    el_text(h, vs, "h3", NULL, sv->name);
    if (sv->scored) {
        slc_buf_clear(t);
        slc_buf_addf(t, "%s %.1f — %s: ", L(h, SLC_XL_SCORE), sv->score, L(h, SLC_XL_SCORE_HOW));
        slc_summary_score_text(x, v, t);
        el_text(h, vs, "p", NULL, t->data);
        el_text(h, vs, "h4", NULL, L(h, SLC_XL_MUSTS_OPEN));
        if (sv->nmusts)
            musts_table(h, vs, sv);
        else
            el_text(h, vs, "p", NULL, L(h, SLC_XL_NONE));
    }
    el_text(h, vs, "h4", NULL, L(h, SLC_XL_RISKS));
    xmlNode *dl = el(h, vs, "dl");
    attr(h, dl, "class", "risks");
    slc_buf items;
    slc_buf_init(&items);
    for (int k = 0; k < SLC_SUMMARY_RISKS; k++) {
        slc_buf_clear(t);
        slc_buf_clear(&items);
        if (!slc_summary_risk_text(x, v, k, t, &items))
            continue;
        el_text(h, dl, "dt", NULL, t->data);
        el_text(h, dl, "dd", NULL, items.data);
    }
    slc_buf_release(&items);
}

static void block_vendor_summaries(html *h, xmlNode *s)
{
    for (size_t v = 0; v < h->x->n; v++)
        summary_vendor(h, s, v);
}

/* ---- comparison ---- */

static void comparison_cell(html *h, xmlNode *tr, size_t v, const slc_cmp_item *ci)
{
    const slc_export *x = h->x;
    const slc_answer *a = ci->answers[v];
    if (!a) {
        xmlNode *td = el_text(h, tr, "td", "missing", NULL);
        el_text(h, td, "span", "mk", slc_export_verdict_marker(SLC_CMP_MISSING));
        text(h, td, L(h, SLC_XL_MISSING));
        return;
    }
    int rank = ci->rank[v];
    xmlNode *td = el_text(h, tr, "td", rank > 0 ? "better" : rank < 0 ? "worse" : NULL, NULL);
    xmlNode *txt = el_text(h, td, "div", "txt", NULL);
    if (rank) { /* the marker says it without colour; the hidden word for screen readers */
        xmlNode *mk = el_text(h, txt, "span", "mk", slc_export_rank_marker(rank));
        attr(h, mk, "title", L(h, rank > 0 ? SLC_XL_BETTER : SLC_XL_WORSE));
        el_text(h, txt, "span", "vh", L(h, rank > 0 ? SLC_XL_BETTER : SLC_XL_WORSE));
    }
    text(h, txt, a->cell[SLC_ROLE_ANSWER]);
    if (ci->standing[v].undisclosed)
        el_text(h, td, "span", "badge", L(h, SLC_XL_UNDISCLOSED));
    slc_buf facts;
    slc_buf_init(&facts);
    slc_export_facts_text(x, v, ci->index, &facts);
    if (facts.len) {
        xmlNode *f = el_text(h, td, "div", "facts", NULL);
        el_text(h, f, "span", "vh", L(h, SLC_XL_FACTS));
        text(h, f, facts.data);
        attr(h, f, "title", L(h, SLC_XL_FACTS));
    }
    slc_buf_release(&facts);
}

static void block_comparison(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    const slc_catalog *cat = x->cat;

    xmlNode *ul = el(h, s, "ul");
    attr(h, ul, "class", "legend");
    attr(h, ul, "aria-label", L(h, SLC_XL_LEGEND));
    legend_item(h, ul, "better", slc_export_rank_marker(1), L(h, SLC_XL_BETTER));
    legend_item(h, ul, "worse", slc_export_rank_marker(-1), L(h, SLC_XL_WORSE));
    for (int v = x->n > 1 ? 0 : SLC_CMP_MISSING; v <= SLC_CMP_MISSING; v++)
        legend_item(h, ul, NULL, slc_export_verdict_marker((slc_cmp_verdict)v),
                    slc_export_verdict_label(x, (slc_cmp_verdict)v));

    xmlNode *table = el(h, s, "table");
    attr(h, table, "id", "cmp");
    attr(h, table, "class", "fixed");
    slc_buf *t = &h->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s / %s", L(h, SLC_XL_ITEM), L(h, SLC_XL_ANSWER));
    attr(h, table, "data-filter", t->data);
    if (x->n > 1)
        attr(h, table, "data-differs", L(h, SLC_XL_DIFFERS));
    xmlNode *tr = el(h, el(h, table, "thead"), "tr");
    attr(h, el_text(h, tr, "th", "no", L(h, SLC_XL_NO)), "scope", "col");
    attr(h, el_text(h, tr, "th", "item", L(h, SLC_XL_ITEM)), "scope", "col");
    for (size_t v = 0; v < x->n; v++)
        attr(h, el_text(h, tr, "th", NULL, slc_export_vendor_name(x, v)), "scope", "col");
    if (x->n > 1)
        attr(h, el_text(h, tr, "th", "verdict", L(h, SLC_XL_VERDICT)), "scope", "col");
    char span[16];
    snprintf(span, sizeof(span), "%zu", 2 + x->n + (x->n > 1));

    xmlNode *tb = NULL;
    int group = -2;
    for (size_t i = 0; i < cat->nitems && i < x->cmp->nitems; i++) {
        if (!slc_export_shows(x, i))
            continue;
        const slc_cat_item *it = &cat->items[i];
        const slc_cmp_item *ci = &x->cmp->items[i];
        if (it->category != group || !tb) { /* one tbody per category */
            group = it->category;
            tb = el(h, table, "tbody");
            slc_buf_clear(t);
            if (it->section >= 0 && (size_t)it->section < cat->nsections)
                slc_buf_adds(t, lang_get(h, &cat->sections[it->section].label));
            if (it->category >= 0 && (size_t)it->category < cat->ncategories) {
                const char *cn = lang_get(h, &cat->categories[it->category].label);
                if (!t->len || strcmp(t->data, cn))
                    slc_buf_addf(t, "%s%s", t->len ? " › " : "", cn);
            }
            xmlNode *th = el_text(h, el(h, tb, "tr"), "th", "group", t->data);
            attr(h, th, "colspan", span);
            attr(h, th, "scope", "rowgroup");
        }
        tr = el(h, tb, "tr");
        attr(h, tr, "data-verdict", slc_cmp_verdict_id(ci->verdict));
        if (ci->missing) { /* the verdict is over the vendors that answer */
            char nm[24];
            snprintf(nm, sizeof(nm), "%zu", ci->missing);
            attr(h, tr, "data-missing", nm);
        }
        char id[32];
        snprintf(id, sizeof(id), "item-%d", it->no);
        attr(h, tr, "id", id);
        snprintf(id, sizeof(id), "%d", it->no);
        el_text(h, tr, "td", "no", id);
        xmlNode *th = el_text(h, tr, "th", "item", lang_get(h, &it->name));
        attr(h, th, "scope", "row");
        const char *unit = lang_get(h, &it->unit);
        if (*unit)
            el_text(h, th, "span", "unit", unit);
        for (size_t v = 0; v < x->n; v++)
            comparison_cell(h, tr, v, ci);
        if (x->n > 1) {
            char cls[32];
            snprintf(cls, sizeof(cls), "verdict v-%s", slc_cmp_verdict_id(ci->verdict));
            xmlNode *td = el_text(h, tr, "td", cls, NULL);
            el_text(h, td, "span", "mk", slc_export_verdict_marker(ci->verdict));
            text(h, td, slc_export_verdict_label(x, ci->verdict));
        }
    }
}

/* ---- requirements ---- */

static void block_requirements(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    const slc_profile *p = x->profile;
    if (!p) /* a skeleton without data-if="with_profile" around it */
        return;
    const char *desc = lang_get(h, &p->description);
    if (*desc)
        el_text(h, s, "p", "meta", desc);
    xmlNode *table = el(h, s, "table");
    attr(h, table, "class", "fixed");
    xmlNode *tr = el(h, el(h, table, "thead"), "tr");
    attr(h, el_text(h, tr, "th", "no", L(h, SLC_XL_NO)), "scope", "col");
    attr(h, el_text(h, tr, "th", "item", L(h, SLC_XL_REQUIREMENT)), "scope", "col");
    attr(h, el_text(h, tr, "th", "level", L(h, SLC_XL_LEVEL)), "scope", "col");
    for (size_t v = 0; v < x->n; v++)
        attr(h, el_text(h, tr, "th", NULL, slc_export_vendor_name(x, v)), "scope", "col");
    xmlNode *tb = el(h, table, "tbody");
    slc_buf *t = &h->tmp;
    for (size_t k = 0; k < p->nreqs; k++) {
        const slc_requirement *r = &p->reqs[k];
        const slc_cat_item *it = slc_catalog_item(x->cat, r->item);
        if (it && !slc_export_shows(x, (size_t)(it - x->cat->items)))
            continue;
        tr = el(h, tb, "tr");
        char b[32];
        snprintf(b, sizeof(b), "%d", r->item);
        el_text(h, tr, "td", "no", b);
        xmlNode *th = el_text(h, tr, "th", "item", it ? lang_get(h, &it->name) : "");
        attr(h, th, "scope", "row");
        slc_buf_clear(t);
        slc_requirement_describe(r, x->lang, t);
        el_text(h, th, "span", "unit", t->data);
        el_text(h, tr, "td", NULL, slc_export_level_label(x, r->level));
        for (size_t v = 0; v < x->n; v++) {
            const slc_profile_result *pr = x->docs[v]->profile;
            const slc_req_result *rr = pr && k < pr->n && pr->v[k].req == r ? &pr->v[k] : NULL;
            if (!rr) {
                el_text(h, tr, "td", "unknown", L(h, SLC_XL_UNKNOWN));
                continue;
            }
            static const char *cls[] = {"unknown", "met", "not-met"};
            static const char *mk[] = {"?", "✓", "✗"};
            xmlNode *td = el_text(h, tr, "td", cls[rr->verdict], NULL);
            xmlNode *strong = el(h, td, "strong");
            el_text(h, strong, "span", "mk", mk[rr->verdict]);
            slc_buf_clear(t);
            slc_export_req_verdict(x, rr, t);
            text(h, strong, t->data);
            if (rr->evidence && *rr->evidence) {
                xmlNode *ev = el_text(h, td, "div", "facts txt", NULL);
                slc_buf_clear(t);
                slc_buf_addf(t, "%s: ", L(h, SLC_XL_EVIDENCE));
                text(h, ev, t->data);
                if (rr->same_as_item) { /* 同上: the answer it stands for */
                    slc_buf_clear(t);
                    slc_export_evidence(x,
                                        &(slc_req_result){.same_as_item = rr->same_as_item,
                                                          .same_as_line = rr->same_as_line},
                                        t);
                    text(h, ev, t->data);
                }
                el_text(h, ev, "q", NULL, rr->evidence);
            }
            if (rr->line) {
                slc_buf_clear(t);
                slc_buf_addf(t, "%s:%ld", x->docs[v]->path, rr->line);
                el_text(h, td, "div", "facts", t->data);
            }
        }
    }
}

/* ---- findings ---- */

static void block_findings(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    if (x->comparison_only)
        return;
    slc_buf *t = &h->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s: %zu · %s: %zu · %s: %zu", L(h, SLC_XL_ERRORS), x->counts[SLC_SEV_ERROR],
                 L(h, SLC_XL_WARNINGS), x->counts[SLC_SEV_WARNING], L(h, SLC_XL_INFO),
                 x->counts[SLC_SEV_INFO]);
    el_text(h, s, "p", "meta", t->data);
    size_t total = x->counts[0] + x->counts[1] + x->counts[2];
    if (!total) {
        el_text(h, s, "p", NULL, L(h, SLC_XL_NO_FINDINGS));
        return;
    }
    xmlNode *table = el(h, s, "table");
    xmlNode *tr = el(h, el(h, table, "thead"), "tr");
    const slc_xlabel cols[] = {SLC_XL_FILE,     SLC_XL_LINE, SLC_XL_ITEM,
                               SLC_XL_SEVERITY, SLC_XL_RULE, SLC_XL_MESSAGE};
    for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
        attr(h, el_text(h, tr, "th", c == 1 ? "num" : NULL, L(h, cols[c])), "scope", "col");
    xmlNode *tb = el(h, table, "tbody");
    slc_buf msg;
    slc_buf_init(&msg);
    for (size_t v = 0; v < x->n; v++) {
        const slc_doc *d = x->docs[v];
        for (size_t k = 0; k < d->nfindings; k++) {
            const slc_finding *f = &d->findings[k];
            const slc_cat_item *it = f->item ? slc_catalog_item(x->cat, f->item) : NULL;
            if (it && !slc_export_shows(x, (size_t)(it - x->cat->items)))
                continue;
            tr = el(h, tb, "tr");
            el_text(h, tr, "td", NULL, d->path);
            char b[32] = "";
            if (f->line)
                snprintf(b, sizeof(b), "%ld", f->line);
            el_text(h, tr, "td", "num", b);
            slc_buf_clear(t);
            if (f->item)
                slc_buf_addf(t, "%d%s%s", f->item, it ? " " : "", it ? lang_get(h, &it->name) : "");
            el_text(h, tr, "td", NULL, t->data);
            snprintf(b, sizeof(b), "sev-%s", slc_severity_id(f->severity));
            el_text(h, tr, "td", b, slc_export_severity_label(x, f->severity));
            el_text(h, el(h, tr, "td"), "code", "rule", slc_finding_rule_id(f));
            slc_buf_clear(&msg);
            slc_export_message(x, v, f, &msg);
            el_text(h, tr, "td", "txt", msg.data ? msg.data : "");
        }
    }
    slc_buf_release(&msg);
}

/* ---- per-vendor details ---- */

static void block_answers(html *h, xmlNode *s)
{
    const slc_export *x = h->x;
    const slc_catalog *cat = x->cat;
    if (x->comparison_only)
        return;
    slc_buf *t = &h->tmp;
    for (size_t v = 0; v < x->n; v++) {
        const slc_doc *d = x->docs[v];
        xmlNode *vs = el(h, s, "section");
        char id[32];
        snprintf(id, sizeof(id), "vendor-%zu", v + 1);
        attr(h, vs, "id", id);
        el_text(h, vs, "h3", NULL, slc_export_vendor_name(x, v));
        slc_buf_clear(t);
        slc_buf_addf(t, "%s: %s · %s: %s", L(h, SLC_XL_FILE), d->path, L(h, SLC_XL_ENCODING),
                     d->encoding ? d->encoding : "");
        el_text(h, vs, "p", "meta", t->data);
        xmlNode *table = el(h, vs, "table");
        xmlNode *tr = el(h, el(h, table, "thead"), "tr");
        attr(h, el_text(h, tr, "th", "no", L(h, SLC_XL_NO)), "scope", "col");
        attr(h, el_text(h, tr, "th", "item", L(h, SLC_XL_ITEM)), "scope", "col");
        attr(h, el_text(h, tr, "th", NULL, L(h, SLC_XL_ANSWER)), "scope", "col");
        attr(h, el_text(h, tr, "th", NULL, L(h, SLC_XL_REMARKS)), "scope", "col");
        attr(h, el_text(h, tr, "th", NULL, L(h, SLC_XL_LINE)), "scope", "col");
        xmlNode *tb = el(h, table, "tbody");
        for (size_t i = 0; i < cat->nitems; i++) {
            if (!slc_export_shows(x, i))
                continue;
            const slc_cat_item *it = &cat->items[i];
            const slc_answer *a = slc_doc_answer(d, i);
            tr = el(h, tb, "tr");
            snprintf(id, sizeof(id), "%d", it->no);
            el_text(h, tr, "td", "no", id);
            attr(h, el_text(h, tr, "th", "item", lang_get(h, &it->name)), "scope", "row");
            if (!a) {
                xmlNode *td = el_text(h, tr, "td", "missing", NULL);
                attr(h, td, "colspan", "3");
                el_text(h, td, "span", "mk", slc_export_verdict_marker(SLC_CMP_MISSING));
                text(h, td, L(h, SLC_XL_MISSING));
                continue;
            }
            el_text(h, el(h, tr, "td"), "div", "txt", a->cell[SLC_ROLE_ANSWER]);
            el_text(h, el(h, tr, "td"), "div", "txt", a->cell[SLC_ROLE_REMARKS]);
            slc_buf_clear(t);
            slc_buf_addf(t, "%s:%ld", d->path, a->line);
            el_text(h, el(h, tr, "td"), "code", NULL, t->data);
        }
    }
}

/* ---- the page: the skeleton filled ---- */

/* The page's structure and fixed wording come from templates/report.html
 * (or the --templates folder's): XML with {{slot}}s, read by libxml2's XML
 * parser (strict, so bad markup is an error with its line), checked, then
 * copied into the page element by element through el, attr and text, so
 * whatever a slot brings is escaped like the rest of the page. Line breaks
 * between elements are the template file's layout and are dropped: the
 * page gets its own (starts_line), as the built parts do. */

typedef enum { SK_TEXT, SK_BLOCK, SK_COND } sk_kind;

typedef enum {
    SKV_NONE,
    SKV_LANG,
    SKV_CSP,
    SKV_TITLE,
    SKV_GENERATOR,
    SKV_CSS,
    SKV_JS,
    SKV_CATALOG_LINE,
    SKV_CATALOG_NAME,
    SKV_DATE,
    SKV_PROFILE_LINE,
    SKV_WEIGHTS_LINE,
    SKV_WITH_PROFILE,
    SKV_WITH_DETAILS
} sk_value;

typedef struct sk_slot {
    const char *name;
    sk_kind kind;
    int once;                                /* must be in the skeleton exactly once */
    sk_value value;                          /* SK_TEXT, SK_COND */
    void (*block)(html *h, xmlNode *parent); /* SK_BLOCK */
} sk_slot;

static const sk_slot sk_slots[] = {
    {"lang", SK_TEXT, 0, SKV_LANG, NULL},
    {"csp", SK_TEXT, 1, SKV_CSP, NULL},
    {"title", SK_TEXT, 0, SKV_TITLE, NULL},
    {"generator", SK_TEXT, 0, SKV_GENERATOR, NULL},
    {"css", SK_TEXT, 1, SKV_CSS, NULL},
    {"js", SK_TEXT, 1, SKV_JS, NULL},
    {"catalog_line", SK_TEXT, 0, SKV_CATALOG_LINE, NULL},
    {"catalog_name", SK_TEXT, 0, SKV_CATALOG_NAME, NULL},
    {"date", SK_TEXT, 0, SKV_DATE, NULL},
    {"profile_line", SK_TEXT, 0, SKV_PROFILE_LINE, NULL},
    {"weights_line", SK_TEXT, 0, SKV_WEIGHTS_LINE, NULL},
    {"with_profile", SK_COND, 0, SKV_WITH_PROFILE, NULL},
    {"with_details", SK_COND, 0, SKV_WITH_DETAILS, NULL},
    {"vendors_table", SK_BLOCK, 1, SKV_NONE, summary_vendors},
    {"grid_table", SK_BLOCK, 1, SKV_NONE, block_grid},
    {"vendor_summaries", SK_BLOCK, 1, SKV_NONE, block_vendor_summaries},
    {"comparison_table", SK_BLOCK, 1, SKV_NONE, block_comparison},
    {"requirements_table", SK_BLOCK, 1, SKV_NONE, block_requirements},
    {"findings_table", SK_BLOCK, 1, SKV_NONE, block_findings},
    {"answer_tables", SK_BLOCK, 1, SKV_NONE, block_answers},
};
#define SK_NSLOTS (sizeof(sk_slots) / sizeof(sk_slots[0]))

typedef struct skel {
    const slc_template *t; /* report.html in use */
    const char *file;      /* for messages */
    slc_error *err;
    slc_status st;
    int check;                /* checking: every element kept, counts taken, nothing built */
    unsigned used[SK_NSLOTS]; /* how often each slot is in the skeleton */
    long second[SK_NSLOTS];   /* the line of a slot's second use */
    int styled;               /* a style, script or link seen: too late for the CSP */
    slc_buf val;              /* a text's or an attribute's value, filled */
} skel;

static long sk_line(const xmlNode *n)
{
    for (; n; n = n->parent) {
        long l = xmlGetLineNo(n);
        if (l > 0)
            return l;
    }
    return 0;
}

/* a failure at line (0: the whole file), column col (0: the line) */
static void sk_fail_at(skel *k, long line, long col, const char *fmt, ...) SLC_PRINTF(4, 5);
static void sk_fail_at(skel *k, long line, long col, const char *fmt, ...)
{
    if (k->st != SLC_OK)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    long long off = -1;
    if (line > 0) { /* the line's first byte */
        off = 0;
        for (long l = 1; l < line && (size_t)off < k->t->len; off++)
            l += k->t->data[off] == '\n';
        if (col > 0)
            off += col - 1;
    }
    k->st = slc_error_set(k->err, SLC_ERR_TEMPLATE, k->file, line, off, "%s", msg);
}

#define sk_fail(k, line, ...) sk_fail_at(k, line, 0, __VA_ARGS__)

static const sk_slot *sk_find(const char *name, size_t len)
{
    for (size_t i = 0; i < SK_NSLOTS; i++)
        if (strlen(sk_slots[i].name) == len && !memcmp(sk_slots[i].name, name, len))
            return &sk_slots[i];
    return NULL;
}

/* appends a text slot's value (or, with a condition, "1" if it holds) */
static void sk_value_text(html *h, sk_value v, slc_buf *out)
{
    const slc_export *x = h->x;
    const slc_summary *sm = &x->summary;
    switch (v) {
    case SKV_LANG:
        slc_buf_adds(out, x->lang == SLC_LANG_JA ? "ja" : "en");
        break;
    case SKV_CSP:
        slc_buf_adds(out, h->csp);
        break;
    case SKV_TITLE:
        slc_buf_adds(out, x->title);
        break;
    case SKV_GENERATOR:
        slc_buf_adds(out, x->generator);
        break;
    case SKV_CSS:
        slc_buf_adds(out, h->style.data ? h->style.data : "");
        break;
    case SKV_JS:
        slc_buf_adds(out, h->script.data ? h->script.data : "");
        break;
    case SKV_CATALOG_LINE:
        slc_buf_adds(out, lang_get(h, &x->cat->title));
        if (x->cat->version)
            slc_buf_addf(out, " (%s%s%s)", x->cat->id ? x->cat->id : "", x->cat->id ? " v" : "v",
                         x->cat->version);
        if (x->cat->published)
            slc_buf_addf(out, ", %s", x->cat->published);
        break;
    case SKV_CATALOG_NAME:
        slc_buf_adds(out, sm->checklist ? sm->checklist : "");
        break;
    case SKV_DATE:
        slc_buf_adds(out, sm->date ? sm->date : "");
        break;
    case SKV_PROFILE_LINE:
        if (sm->profile)
            slc_buf_addf(out, "%s (%s)", sm->profile, sm->profile_path ? sm->profile_path : "");
        break;
    case SKV_WEIGHTS_LINE:
        if (sm->profile)
            slc_summary_weights_text(x, out);
        break;
    case SKV_WITH_PROFILE:
        if (x->profile)
            slc_buf_adds(out, "1");
        break;
    case SKV_WITH_DETAILS:
        if (!x->comparison_only)
            slc_buf_adds(out, "1");
        break;
    case SKV_NONE:
        break;
    }
}

static int sk_is_name(const char *s, size_t len)
{
    if (!len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Appends the value of name (a text slot, a condition or a wording key)
 * to out; 0 and a failure if it is none of them. */
static int sk_named(html *h, skel *k, const char *name, size_t len, long line, slc_buf *out)
{
    const sk_slot *s = sk_find(name, len);
    if (s && s->kind != SK_BLOCK) {
        if (!k->check)
            sk_value_text(h, s->value, out);
        return 1;
    }
    char key[64];
    if (!s && sk_is_name(name, len) && len < sizeof(key)) {
        memcpy(key, name, len);
        key[len] = 0;
        if (slc_template_word(h->words, key, out))
            return 1;
    }
    sk_fail(k, line,
            "unknown slot {{%.*s}} (slots: lang, csp, title, generator, css, js, catalog_line, "
            "catalog_name, date, profile_line, weights_line, and the keys of report.en.txt)",
            (int)len, name);
    return 0;
}

static void sk_use(skel *k, const sk_slot *s, long line)
{
    size_t i = (size_t)(s - sk_slots);
    if (k->used[i]++ == 1)
        k->second[i] = line;
}

/* s, with its {{slots}} filled, appended to k->val. host: the element the
 * text is in or the attribute is on; aname: the attribute, NULL for text.
 * Returns the block slot if s is one alone (and white space), else NULL. */
static const sk_slot *sk_fill_text(html *h, skel *k, const char *s, const xmlNode *host,
                                   const char *aname, long line)
{
    slc_buf_clear(&k->val);
    size_t n = strlen(s), a = 0, b = n;
    while (a < n && strchr(" \t\r\n", s[a]))
        a++;
    while (b > a && strchr(" \t\r\n", s[b - 1]))
        b--;
    const char *hname = (const char *)host->name;
    const char *must = !aname && !strcmp(hname, "style")    ? "css"
                       : !aname && !strcmp(hname, "script") ? "js"
                                                            : NULL;
    const sk_slot *whole = NULL; /* s is one slot and white space */
    if (b - a > 4 && !strncmp(s + a, "{{", 2) && !strncmp(s + b - 2, "}}", 2) &&
        !memchr(s + a + 2, '}', b - a - 4))
        whole = sk_find(s + a + 2, b - a - 4);
    if (must && (!whole || strcmp(whole->name, must))) {
        sk_fail(k, line, "<%s> holds {{%s}} and nothing else (the page's CSP allows only it)",
                hname, must);
        return NULL;
    }
    if (whole && whole->kind == SK_BLOCK) {
        sk_use(k, whole, line);
        if (aname)
            sk_fail(k, line, "{{%s}} is a block of the page: not in an attribute", whole->name);
        return whole;
    }
    if (whole && (whole->value == SKV_CSS || whole->value == SKV_JS)) { /* exactly the bytes */
        sk_use(k, whole, line);
        if (!must)
            sk_fail(k, line, "{{%s}} is the whole of the <%s>", whole->name,
                    whole->value == SKV_CSS ? "style" : "script");
        else if (!k->check)
            sk_value_text(h, whole->value, &k->val);
        return NULL;
    }
    for (size_t i = 0; i < n && k->st == SLC_OK;) {
        const char *o = strstr(s + i, "{{");
        if (!o) {
            slc_buf_add(&k->val, s + i, n - i);
            break;
        }
        slc_buf_add(&k->val, s + i, (size_t)(o - (s + i)));
        const char *c = strstr(o + 2, "}}");
        if (!c) {
            sk_fail(k, line, "\"{{\" without \"}}\"");
            break;
        }
        const char *name = o + 2;
        size_t len = (size_t)(c - name);
        const sk_slot *sl = sk_find(name, len);
        if (sl && sl->kind == SK_BLOCK)
            sk_fail(k, line, "{{%s}} is a block of the page: alone between elements", sl->name);
        else if (sl && sl->kind == SK_COND)
            sk_fail(k, line, "{{%s}} is a condition, for data-if only", sl->name);
        else if (sl && (sl->value == SKV_CSS || sl->value == SKV_JS))
            sk_fail(k, line, "{{%s}} is the whole of the <%s>", sl->name,
                    sl->value == SKV_CSS ? "style" : "script");
        else if (sl && sl->value == SKV_CSP &&
                 (!aname || strcmp(aname, "content") || strcmp(hname, "meta") || !host->parent ||
                  xmlStrcmp(host->parent->name, (const xmlChar *)"head") || a != (size_t)(o - s) ||
                  b != (size_t)(c + 2 - s)))
            sk_fail(k, line,
                    "{{csp}} is the whole content of <meta http-equiv=\"Content-Security-Policy\"> "
                    "in <head>");
        else if (sl && sl->value == SKV_CSP && k->styled)
            sk_fail(k, line, "the Content-Security-Policy <meta> comes before any style or script");
        else if (sk_named(h, k, name, len, line, &k->val) && sl)
            sk_use(k, sl, line);
        i = (size_t)(c + 2 - s);
    }
    return NULL;
}

static void sk_children(html *h, skel *k, const xmlNode *from, xmlNode *to);

/* data-if="NAME": 1 to keep the element (always, when checking) */
static int sk_keep(html *h, skel *k, const char *cond, long line)
{
    slc_buf v;
    slc_buf_init(&v);
    int ok = sk_named(h, k, cond, strlen(cond), line, &v);
    const sk_slot *s = sk_find(cond, strlen(cond));
    if (ok && s && (s->value == SKV_CSS || s->value == SKV_JS || s->value == SKV_CSP))
        ok = 0, sk_fail(k, line, "data-if=\"%s\": not a condition", cond);
    int keep = k->check || (ok && v.len);
    slc_buf_release(&v);
    return keep;
}

static void sk_attrs(html *h, skel *k, const xmlNode *e, xmlNode *n)
{
    for (const xmlAttr *a = e->properties; a && k->st == SLC_OK; a = a->next) {
        const char *an = (const char *)a->name;
        if (!strcmp(an, "data-if"))
            continue;
        if (!strncasecmp(an, "on", 2)) {
            sk_fail(k, sk_line(e), "%s=: the page's CSP blocks inline event handlers", an);
            return;
        }
        xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
        sk_fill_text(h, k, v ? (const char *)v : "", e, an, sk_line(e));
        xmlFree(v);
        attr(h, n, an, k->val.data ? k->val.data : "");
    }
}

static void sk_element(html *h, skel *k, const xmlNode *e, xmlNode *to)
{
    const char *name = (const char *)e->name;
    long line = sk_line(e);
    xmlChar *cond = xmlGetNoNsProp(e, (const xmlChar *)"data-if");
    int keep = !cond || sk_keep(h, k, (const char *)cond, line);
    xmlFree(cond);
    if (!keep || k->st != SLC_OK)
        return;
    xmlNode *n = k->check ? NULL : el(h, to, name);
    sk_attrs(h, k, e, n);
    if (!strcmp(name, "style") || !strcmp(name, "script") || !strcmp(name, "link"))
        k->styled = 1;
    sk_children(h, k, e, n);
}

static void sk_children(html *h, skel *k, const xmlNode *from, xmlNode *to)
{
    for (const xmlNode *c = from->children; c && k->st == SLC_OK; c = c->next) {
        switch (c->type) {
        case XML_ELEMENT_NODE:
            sk_element(h, k, c, to);
            break;
        case XML_TEXT_NODE: {
            const char *s = (const char *)c->content;
            if (strchr(s, '\n') && !s[strspn(s, " \t\r\n")])
                break; /* the file's layout */
            const sk_slot *b = sk_fill_text(h, k, s, from, NULL, sk_line(c));
            if (k->check || k->st != SLC_OK)
                break;
            if (b)
                b->block(h, to);
            else
                text(h, to, k->val.data);
            break;
        }
        case XML_COMMENT_NODE:
            break;
        default:
            sk_fail(k, sk_line(c),
                    "only elements, text and comments (no CDATA, entities or processing "
                    "instructions)");
        }
    }
}

/* Reads report.html and checks it: the parsed skeleton, or NULL and k->st. */
static xmlDoc *sk_read(skel *k, slc_error *err)
{
    memset(k, 0, sizeof(*k));
    slc_buf_init(&k->val);
    k->err = err;
    k->t = slc_template_get("report.html");
    if (!k->t) { /* the build embeds it: only a broken build gets here */
        k->st =
            slc_error_set(err, SLC_ERR_INTERNAL, "report.html", 0, -1, "no report.html template");
        return NULL;
    }
    k->file = k->t->path ? k->t->path : "report.html (built in)";
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        k->st = slc_error_set(err, SLC_ERR_INTERNAL, k->file, 0, -1, "libxml2: no parser");
        return NULL;
    }
    xmlDoc *d = xmlCtxtReadMemory(ctxt, k->t->data, (int)k->t->len, NULL, "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!d) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[256] = "not well-formed";
        if (e && e->message) {
            snprintf(msg, sizeof(msg), "%s", e->message);
            msg[strcspn(msg, "\n")] = 0;
        }
        sk_fail_at(k, e ? e->line : 0, e ? e->int2 : 0, "bad markup (the skeleton is XML): %s",
                   msg);
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    xmlFreeParserCtxt(ctxt);
    const xmlNode *r = xmlDocGetRootElement(d);
    if (!r || strcmp((const char *)r->name, "html"))
        sk_fail(k, sk_line(r), "the root element is <html>");
    else if (d->intSubset &&
             (d->intSubset->children || d->intSubset->ExternalID || d->intSubset->SystemID))
        sk_fail(k, sk_line(r), "the document type is <!DOCTYPE html> and nothing more");
    /* check everything once, every element kept */
    k->check = 1;
    html none = {0};
    none.words = "report.en.txt";
    if (k->st == SLC_OK) {
        sk_attrs(&none, k, r, NULL);
        sk_children(&none, k, r, NULL);
    }
    for (size_t i = 0; i < SK_NSLOTS && k->st == SLC_OK; i++) {
        if (sk_slots[i].once && !k->used[i])
            sk_fail(k, 0, "missing slot {{%s}}", sk_slots[i].name);
        else if (sk_slots[i].once && k->used[i] > 1)
            sk_fail(k, k->second[i], "{{%s}} more than once", sk_slots[i].name);
    }
    k->check = 0;
    k->styled = 0;
    if (k->st != SLC_OK) {
        xmlFreeDoc(d);
        return NULL;
    }
    return d;
}

slc_status slc_export_html_check_template(slc_error *err)
{
    skel k;
    xmlDoc *d = sk_read(&k, err);
    xmlFreeDoc(d);
    slc_buf_release(&k.val);
    return k.st;
}
slc_status slc_export_html(const slc_export *x, const char *path, slc_error *err)
{
    skel k;
    xmlDoc *skeleton = sk_read(&k, err);
    if (!skeleton) {
        slc_buf_release(&k.val);
        return k.st;
    }
    const slc_template *css = slc_template_get("report.css"), *js = slc_template_get("report.js");
    html h = {.x = x, .words = x->lang == SLC_LANG_JA ? "report.ja.txt" : "report.en.txt"};
    slc_buf_init(&h.clean);
    slc_buf_init(&h.tmp);
    slc_buf_init(&h.style);
    slc_buf_init(&h.script);
    slc_status st = SLC_OK;
    if (!css || !js) { /* the build embeds them: only a broken build gets here */
        st = slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1,
                           "no report.css or report.js template");
        goto done;
    }
    /* the CSP allows exactly the bytes the page carries */
    slc_buf_adds(&h.style, text_clean(&h, css->data));
    slc_buf_adds(&h.script, text_clean(&h, js->data));
    char css_hash[SLC_SHA256_B64_LEN], js_hash[SLC_SHA256_B64_LEN];
    slc_sha256_base64(h.style.data ? h.style.data : "", h.style.len, css_hash);
    slc_sha256_base64(h.script.data ? h.script.data : "", h.script.len, js_hash);
    snprintf(h.csp, sizeof(h.csp),
             "default-src 'none'; style-src 'sha256-%s'; img-src data:; script-src 'sha256-%s'; "
             "base-uri 'none'; form-action 'none'",
             css_hash, js_hash);

    const xmlNode *sr = xmlDocGetRootElement(skeleton);
    xmlNode *root = NULL;
    h.doc = htmlNewDocNoDtD(NULL, NULL);
    if (!h.doc || !xmlCreateIntSubset(h.doc, (const xmlChar *)"html", NULL, NULL) ||
        !(root = xmlNewDocNode(h.doc, NULL, sr->name, NULL)))
        h.failed = 1;
    else
        xmlDocSetRootElement(h.doc, root);
    if (!h.failed) {
        sk_attrs(&h, &k, sr, root);
        sk_children(&h, &k, sr, root);
    }

    if (k.st != SLC_OK) {
        st = k.st;
    } else if (h.failed) {
        st = slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "libxml2 could not build the page");
    } else {
        /* raw UTF-8 out (no encoder), unformatted (see starts_line), and
         * unlike htmlDocDumpMemory no http-equiv Content-Type meta next to
         * our <meta charset> */
        xmlOutputBuffer *ob = xmlAllocOutputBuffer(NULL);
        if (!ob) {
            st = slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1,
                               "libxml2 could not allocate a buffer");
        } else {
            htmlDocContentDumpFormatOutput(ob, h.doc, NULL, 0);
            const xmlChar *mem = ob->error ? NULL : xmlOutputBufferGetContent(ob);
            if (!mem) {
                st = slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1,
                                   "libxml2 could not serialize the page (error %d)", ob->error);
            } else {
                slc_buf out = {(char *)mem, xmlOutputBufferGetSize(ob), 0};
                st = slc_export_write(&out, path, err);
            }
            xmlOutputBufferClose(ob);
        }
    }
done:
    xmlFreeDoc(h.doc);
    xmlFreeDoc(skeleton);
    slc_buf_release(&k.val);
    slc_buf_release(&h.clean);
    slc_buf_release(&h.tmp);
    slc_buf_release(&h.style);
    slc_buf_release(&h.script);
    return st;
}
