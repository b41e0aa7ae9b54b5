/* export_html.c - the HTML report: one self-contained page (inline CSS,
 * an inline SVG chart, a small inline script), built as a libxml2 tree so
 * that vendor text only ever enters as text nodes or attribute values and
 * the serializer escapes it. A strict Content-Security-Policy allows the
 * inline style and script by their SHA-256 only; nothing is fetched.
 *
 * The page: header, summary of the vendors, the chart of each vendor's
 * standing per category, the comparison table (grouped by category,
 * better/worse by colour and by marker), the buyer's requirements, the
 * findings and each vendor's answers with their source lines. */
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLtree.h>
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
    int failed;                   /* a libxml2 call returned NULL: the page is not written */
    slc_buf clean;                /* scratch for text_clean */
    slc_buf tmp;                  /* scratch for composed strings */
    const slc_template *css, *js; /* templates/report.css, report.js (or --templates) */
    const char *words;            /* templates/report.LANG.txt */
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

/* a paragraph of the wording template (report.LANG.txt), if not empty */
static void words_p(html *h, xmlNode *parent, const char *key, const char *cls)
{
    slc_buf w;
    slc_buf_init(&w);
    slc_template_word(h->words, key, &w);
    if (w.len)
        el_text(h, parent, "p", cls, w.data);
    slc_buf_release(&w);
}

/* ---- head ---- */

static void build_head(html *h, xmlNode *root, const char *csp)
{
    xmlNode *head = el(h, root, "head");
    attr(h, el(h, head, "meta"), "charset", "utf-8");
    xmlNode *m = el(h, head, "meta");
    attr(h, m, "http-equiv", "Content-Security-Policy");
    attr(h, m, "content", csp);
    m = el(h, head, "meta");
    attr(h, m, "name", "viewport");
    attr(h, m, "content", "width=device-width, initial-scale=1");
    m = el(h, head, "meta");
    attr(h, m, "name", "generator");
    attr(h, m, "content", h->x->generator);
    el_text(h, head, "title", NULL, h->x->title);
    el_text(h, head, "style", NULL, h->css->data);
}

/* ---- header ---- */

static void build_header(html *h, xmlNode *body)
{
    const slc_export *x = h->x;
    xmlNode *hd = el(h, body, "header");
    words_p(h, hd, "organisation", "org");
    el_text(h, hd, "h1", NULL, x->title);
    slc_buf *t = &h->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s: %s", L(h, SLC_XL_CHECKLIST), lang_get(h, &x->cat->title));
    if (x->cat->version)
        slc_buf_addf(t, " (%s%s%s)", x->cat->id ? x->cat->id : "", x->cat->id ? " v" : "v",
                     x->cat->version);
    if (x->cat->published)
        slc_buf_addf(t, ", %s", x->cat->published);
    el_text(h, hd, "p", "meta", t->data);
    slc_buf_clear(t);
    slc_buf_addf(t, "%s: %s", L(h, SLC_XL_GENERATED_BY), x->generator);
    el_text(h, hd, "p", "meta", t->data);

    static const struct {
        const char *id;
        slc_xlabel l;
        int when;
    } links[] = {
        {"summary", SLC_XL_SUMMARY, 0},       {"grid", SLC_XL_GRID, 0},
        {"comparison", SLC_XL_COMPARISON, 0}, {"requirements", SLC_XL_REQUIREMENTS, 1},
        {"findings", SLC_XL_FINDINGS, 2},     {"details", SLC_XL_DETAILS, 2},
    };
    xmlNode *ul = el(h, el(h, hd, "nav"), "ul");
    for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
        if ((links[i].when == 1 && !x->profile) || (links[i].when == 2 && x->comparison_only))
            continue;
        char href[32];
        snprintf(href, sizeof(href), "#%s", links[i].id);
        xmlNode *a = el_text(h, el(h, ul, "li"), "a", NULL, L(h, links[i].l));
        attr(h, a, "href", href);
    }
}

static xmlNode *section(html *h, xmlNode *parent, const char *id, slc_xlabel l)
{
    xmlNode *s = el(h, parent, "section");
    attr(h, s, "id", id);
    el_text(h, s, "h2", NULL, L(h, l));
    return s;
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
static void build_grid(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    const slc_summary *sm = &x->summary;
    const slc_catalog *cat = x->cat;
    xmlNode *s = el(h, content, "section");
    attr(h, s, "id", "grid");
    el_text(h, s, "h3", NULL, L(h, SLC_XL_GRID));
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

static void build_summary(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    const slc_summary *sm = &x->summary;
    xmlNode *s = section(h, content, "summary", SLC_XL_SUMMARY);
    slc_buf *t = &h->tmp;
    words_p(h, s, "intro", "meta");
    xmlNode *dl = el(h, s, "dl");
    attr(h, dl, "class", "about");
    el_text(h, dl, "dt", NULL, L(h, SLC_XL_REPORT_DATE));
    el_text(h, dl, "dd", NULL, sm->date);
    el_text(h, dl, "dt", NULL, L(h, SLC_XL_CHECKLIST));
    el_text(h, dl, "dd", NULL, sm->checklist);
    if (sm->profile) {
        el_text(h, dl, "dt", NULL, L(h, SLC_XL_PROFILE));
        slc_buf_clear(t);
        slc_buf_addf(t, "%s (%s)", sm->profile, sm->profile_path ? sm->profile_path : "");
        el_text(h, dl, "dd", NULL, t->data);
        el_text(h, dl, "dt", NULL, L(h, SLC_XL_WEIGHTS));
        slc_buf_clear(t);
        slc_summary_weights_text(x, t);
        el_text(h, dl, "dd", NULL, t->data);
    }
    summary_vendors(h, s);
    build_grid(h, s);
    /* the reviewer's fields, left empty to fill in on paper or on screen */
    words_p(h, s, "decision_note", "meta");
    xmlNode *table = el(h, s, "table");
    attr(h, table, "class", "decision");
    xmlNode *tb = el(h, table, "tbody");
    const slc_xlabel fields[] = {SLC_XL_REVIEWER, SLC_XL_DECISION, SLC_XL_DECISION_DATE};
    for (size_t k = 0; k < 3; k++) {
        xmlNode *tr = el(h, tb, "tr");
        attr(h, el_text(h, tr, "th", NULL, L(h, fields[k])), "scope", "row");
        el_text(h, tr, "td", NULL, NULL);
    }
    for (size_t v = 0; v < x->n; v++)
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

static void build_comparison(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    const slc_catalog *cat = x->cat;
    xmlNode *s = section(h, content, "comparison", SLC_XL_COMPARISON);

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

static void build_requirements(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    const slc_profile *p = x->profile;
    xmlNode *s = section(h, content, "requirements", SLC_XL_REQUIREMENTS);
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

static void build_findings(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    xmlNode *s = section(h, content, "findings", SLC_XL_FINDINGS);
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

static void build_details(html *h, xmlNode *content)
{
    const slc_export *x = h->x;
    const slc_catalog *cat = x->cat;
    xmlNode *s = section(h, content, "details", SLC_XL_DETAILS);
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

/* ---- the page ---- */

static void build_body(html *h, xmlNode *root)
{
    const slc_export *x = h->x;
    xmlNode *body = el(h, root, "body");
    build_header(h, body);
    xmlNode *content = el(h, body, "main");
    build_summary(h, content);
    build_comparison(h, content);
    if (x->profile)
        build_requirements(h, content);
    if (!x->comparison_only) {
        build_findings(h, content);
        build_details(h, content);
    }
    slc_buf *t = &h->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s: %s", L(h, SLC_XL_GENERATED_BY), x->generator);
    xmlNode *footer = el_text(h, body, "footer", NULL, t->data);
    words_p(h, footer, "footer", NULL);
    el_text(h, body, "script", NULL, h->js->data);
}

slc_status slc_export_html(const slc_export *x, const char *path, slc_error *err)
{
    html h = {x,
              NULL,
              0,
              {0},
              {0},
              slc_template_get("report.css"),
              slc_template_get("report.js"),
              x->lang == SLC_LANG_JA ? "report.ja.txt" : "report.en.txt"};
    slc_buf_init(&h.clean);
    slc_buf_init(&h.tmp);

    char css_hash[SLC_SHA256_B64_LEN], js_hash[SLC_SHA256_B64_LEN];
    if (!h.css || !h.js) /* the build embeds them: only a broken build gets here */
        return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1,
                             "no report.css or report.js template");
    /* the CSP allows exactly the bytes the page carries */
    slc_sha256_base64(h.css->data, h.css->len, css_hash);
    slc_sha256_base64(h.js->data, h.js->len, js_hash);
    char csp[256];
    snprintf(csp, sizeof(csp),
             "default-src 'none'; style-src 'sha256-%s'; img-src data:; script-src 'sha256-%s'; "
             "base-uri 'none'; form-action 'none'",
             css_hash, js_hash);

    xmlNode *root = NULL;
    h.doc = htmlNewDocNoDtD(NULL, NULL);
    if (!h.doc || !xmlCreateIntSubset(h.doc, (const xmlChar *)"html", NULL, NULL) ||
        !(root = xmlNewDocNode(h.doc, NULL, (const xmlChar *)"html", NULL)))
        h.failed = 1;
    else
        xmlDocSetRootElement(h.doc, root);
    attr(&h, root, "lang", x->lang == SLC_LANG_JA ? "ja" : "en");
    build_head(&h, root, csp);
    build_body(&h, root);

    slc_status st = SLC_OK;
    if (h.failed) {
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
    xmlFreeDoc(h.doc);
    slc_buf_release(&h.clean);
    slc_buf_release(&h.tmp);
    return st;
}
