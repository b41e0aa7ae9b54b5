/* export_md.c - the report as GitHub-flavoured Markdown: a summary (vendors,
 * standing per category, legend), the comparison as one table per
 * category, and the findings per vendor.
 *
 * The summary comes first (summary.h: date, checklist, profile and weights,
 * vendors, the category grid, reviewer fields, open musts and risks).
 *
 * The document is one cmark tree rendered by cmark, which escapes the
 * vendor's text in headings, paragraphs and lists. Plain cmark has no
 * tables, so each table is a custom block whose literal text we write
 * row by row; every cell's text is still rendered by cmark (a paragraph
 * of inline nodes) and only then made safe for a GFM table row:
 *   - `|` becomes `\|` (GFM splits cells before inline parsing and drops
 *     the backslash of `\|`, so the pipe comes back as text);
 *   - `~` and `$` are backslash-escaped too (GitHub's strikethrough and
 *     math), as cmark leaves them alone, and so are the characters that
 *     would start one of GitHub's bare-address autolinks (starts_autolink);
 *   - lines of the text are rendered one by one and joined by `<br>`; a
 *     newline cmark would still emit (a hard break) becomes `<br>`, so a
 *     row is always one line;
 *   - leading and trailing spaces are trimmed.
 * cmark itself backslash-escapes `\ < > & * _ ` [ ]` and the characters
 * that would start a block, so no cell can open HTML, a link or code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export.h"
#include "md_tree.h"
#include "profile.h"
#include "rules.h"
#include "template.h"
#include "export_md.h"

/* ---- the tree ---- */

/* A table written by hand, as a custom block cmark prints verbatim. */
static void add_table(cmark_node *parent, const slc_buf *t)
{
    cmark_node *n = slc_md_add(parent, CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(n, t->data ? t->data : "");
}

/* ---- table cells ---- */

/* 1 if md[k] is where GitHub's extended autolinks would start a link: the
 * ":" of "://", an "@", the "." of "www.". That extension reads the raw
 * source, so a link would swallow the backslash of an escape that follows
 * the address (`http://x\*` links "http://x\"); escaping this character
 * keeps the address as plain text, exactly as written. */
static int starts_autolink(const char *md, size_t k, size_t e)
{
    if (md[k] == ':')
        return k + 2 < e && md[k + 1] == '/' && md[k + 2] == '/';
    if (md[k] == '.')
        return k >= 3 && !strncasecmp(md + k - 3, "www", 3);
    return md[k] == '@';
}

/* Appends cmark's rendering of a paragraph (which it frees), made safe for
 * a table cell as described at the top of the file. */
static void cell_inline(slc_buf *out, cmark_node *para)
{
    cmark_node *doc = slc_md_node_new(CMARK_NODE_DOCUMENT);
    cmark_node_append_child(doc, para);
    char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    cmark_node_free(doc);
    if (!md) /* cmark's allocator aborts first; nothing to add */
        return;
    size_t s = 0, e = strlen(md);
    while (e > 0 && (md[e - 1] == '\n' || md[e - 1] == ' '))
        e--;
    while (s < e && md[s] == ' ')
        s++;
    for (size_t k = s; k < e; k++) {
        char c = md[k];
        if (c == '\\' && k + 1 < e && md[k + 1] == '\n') {
            slc_buf_adds(out, "<br>"); /* a hard break */
            k++;
        } else if (c == '\\' && k + 1 < e) {
            slc_buf_add(out, md + k, 2); /* cmark's escape, kept whole */
            k++;
        } else if (c == '\n' || c == '\r') {
            slc_buf_adds(out, "<br>");
        } else {
            if (c == '|' || c == '~' || c == '$' || starts_autolink(md, k, e))
                slc_buf_addc(out, '\\');
            slc_buf_addc(out, c);
            /* GitHub finds an e-mail address in the text cmark has already
             * unescaped, so "\@" still links: an empty comment after the @
             * splits the text, and shows as nothing */
            if (c == '@')
                slc_buf_adds(out, "<!-- -->");
        }
    }
    free(md);
}

/* A paragraph holding one text node of n bytes of s, spaces trimmed,
 * wrapped in a node of type `wrap` (emphasis, strong) unless 0; NULL if
 * nothing is left. */
static cmark_node *inline_para(const char *s, size_t n, cmark_node_type wrap)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (!n)
        return NULL;
    cmark_node *para = slc_md_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node *in = wrap ? slc_md_add(para, wrap) : para;
    char *copy = slc_xstrndup(s, n);
    slc_md_add_plain(in, copy);
    free(copy);
    return para;
}

/* Text of any number of lines (\n, \r\n or \r), joined by <br>. */
static void cell_lines(slc_buf *out, const char *s, cmark_node_type wrap)
{
    if (!s)
        return;
    for (;;) {
        cmark_node *para = inline_para(s, strcspn(s, "\r\n"), wrap);
        size_t n = strcspn(s, "\r\n");
        if (para)
            cell_inline(out, para);
        if (!s[n])
            break;
        s += n + (s[n] == '\r' && s[n + 1] == '\n' ? 2 : 1);
        slc_buf_adds(out, "<br>");
    }
}

static void cell(slc_buf *row, const char *s)
{
    slc_buf_addc(row, ' ');
    cell_lines(row, s, 0);
    slc_buf_adds(row, " |");
}

static void cellf_size(slc_buf *row, size_t a, size_t b)
{
    slc_buf_addf(row, " %zu/%zu |", a, b);
}

/* The header row and the delimiter row; numeric: columns aligned right. */
static void table_head(slc_buf *t, const char **heads, size_t n, const unsigned char *numeric)
{
    slc_buf_addc(t, '|');
    for (size_t k = 0; k < n; k++)
        cell(t, heads[k]);
    slc_buf_adds(t, "\n|");
    for (size_t k = 0; k < n; k++)
        slc_buf_adds(t, numeric && numeric[k] ? " ---: |" : " --- |");
    slc_buf_addc(t, '\n');
}

/* ---- summary ---- */

static size_t items_present(const slc_export *x, size_t v)
{
    size_t k = 0;
    for (size_t i = 0; i < x->cmp->nitems; i++)
        k += x->cmp->items[i].answers[v] != NULL;
    return k;
}

/* the wording template's words for key (report.LANG.txt), as a paragraph */
static void words_para(const slc_export *x, cmark_node *doc, const char *key)
{
    slc_buf w;
    slc_buf_init(&w);
    slc_template_word(x->lang == SLC_LANG_JA ? "report.ja.txt" : "report.en.txt", key, &w);
    if (w.len)
        slc_md_add_plain(slc_md_add(doc, CMARK_NODE_PARAGRAPH), w.data);
    slc_buf_release(&w);
}

/* Name, file, encoding, items present; the findings' counts as validate
 * gives them; leads and trails with several vendors; with a profile, the
 * score and the musts not met. */
static void summary_vendors(const slc_export *x, cmark_node *doc)
{
    const slc_xlabel cols[] = {SLC_XL_VENDOR,        SLC_XL_FILE,       SLC_XL_ENCODING,
                               SLC_XL_ITEMS_PRESENT, SLC_XL_ERRORS,     SLC_XL_WARNINGS,
                               SLC_XL_INFO,          SLC_XL_LEADS,      SLC_XL_TRAILS,
                               SLC_XL_SCORE,         SLC_XL_MUST_FAILED};
    const unsigned char numeric[] = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
    const char *heads[11];
    unsigned char right[11];
    size_t ncols = 0;
    for (size_t k = 0; k < 11; k++) {
        if ((x->n < 2 && (k == 7 || k == 8)) || (!x->profile && k >= 9))
            continue;
        right[ncols] = numeric[k];
        heads[ncols++] = slc_export_label(x, cols[k]);
    }
    slc_buf t;
    slc_buf_init(&t);
    table_head(&t, heads, ncols, right);
    for (size_t v = 0; v < x->n; v++) {
        const slc_doc *d = x->docs[v];
        const slc_summary_vendor *sv = &x->summary.vendors[v];
        const slc_cmp_vendor *cv = &x->cmp->vendors[v];
        slc_buf_addc(&t, '|');
        cell(&t, sv->name);
        cell(&t, d->path);
        cell(&t, d->encoding);
        cellf_size(&t, items_present(x, v), x->cat->nitems);
        slc_buf_addf(&t, " %zu | %zu | %zu |", sv->counts[SLC_SEV_ERROR],
                     sv->counts[SLC_SEV_WARNING], sv->counts[SLC_SEV_INFO]);
        if (x->n > 1)
            slc_buf_addf(&t, " %zu | %zu |", cv->leads, cv->trails);
        if (x->profile && sv->scored)
            slc_buf_addf(&t, " %.1f | %zu |", sv->score, sv->nmusts_failed);
        else if (x->profile)
            slc_buf_adds(&t, " — | — |");
        slc_buf_addc(&t, '\n');
    }
    add_table(doc, &t);
    slc_buf_release(&t);
}

/* The grid: a row per category, a column per vendor; in each cell the
 * requirements met / not met / unknown (✓ ✗ ?) and leads/trails (▲ ▼). */
static void summary_grid(const slc_export *x, cmark_node *doc)
{
    const slc_summary *sm = &x->summary;
    size_t ncols = x->n + 1;
    const char **heads = slc_xcalloc(ncols, sizeof(*heads));
    heads[0] = slc_export_label(x, SLC_XL_CATEGORY);
    for (size_t v = 0; v < x->n; v++)
        heads[v + 1] = sm->vendors[v].name;
    slc_buf t, c;
    slc_buf_init(&t);
    slc_buf_init(&c);
    slc_md_heading(doc, 3, slc_export_word(x, SLC_XL_GRID));
    table_head(&t, heads, ncols, NULL);
    for (size_t k = 0; k < sm->ncategories; k++) {
        if (!slc_summary_cell_at(sm, k, 0)->items)
            continue;
        slc_buf_addc(&t, '|');
        cell(&t, slc_label_get(&x->cat->categories[k].label, x->lang));
        for (size_t v = 0; v < x->n; v++) {
            const slc_summary_cell *g = slc_summary_cell_at(sm, k, v);
            slc_buf_clear(&c);
            if (g->req_total) {
                slc_buf_addf(&c, "✓ %s %zu/%zu", slc_export_label(x, SLC_XL_MET), g->req_met,
                             g->req_total);
                if (g->req_not_met)
                    slc_buf_addf(&c, " ✗ %s %zu", slc_export_label(x, SLC_XL_NOT_MET),
                                 g->req_not_met);
                if (g->req_unknown)
                    slc_buf_addf(&c, " ? %s %zu", slc_export_label(x, SLC_XL_UNKNOWN),
                                 g->req_unknown);
                slc_buf_adds(&c, "\n");
            }
            if (x->n > 1)
                slc_buf_addf(&c, "▲ %s %zu · ▼ %s %zu · ", slc_export_label(x, SLC_XL_LEADS),
                             g->leads, slc_export_label(x, SLC_XL_TRAILS), g->trails);
            slc_buf_addf(&c, "%s %zu/%zu", slc_export_label(x, SLC_XL_ANSWERED), g->answered,
                         g->items);
            cell(&t, c.data);
        }
        slc_buf_addc(&t, '\n');
    }
    add_table(doc, &t);
    slc_buf_release(&c);
    slc_buf_release(&t);
    free(heads);
}

/* empty reviewer, decision and date fields to fill in */
static void summary_decision(const slc_export *x, cmark_node *doc)
{
    words_para(x, doc, "decision_note");
    const char *heads[] = {slc_export_word(x, SLC_XL_REVIEWER), slc_export_word(x, SLC_XL_DECISION),
                           slc_export_word(x, SLC_XL_DECISION_DATE)};
    slc_buf t;
    slc_buf_init(&t);
    table_head(&t, heads, 3, NULL);
    slc_buf_adds(&t, "|   |   |   |\n");
    add_table(doc, &t);
    slc_buf_release(&t);
}

static void summary_musts(const slc_export *x, cmark_node *doc, const slc_summary_vendor *sv)
{
    const char *heads[] = {
        slc_export_label(x, SLC_XL_NO),          slc_export_label(x, SLC_XL_ITEM),
        slc_export_label(x, SLC_XL_REQUIREMENT), slc_export_label(x, SLC_XL_VERDICT),
        slc_export_label(x, SLC_XL_EVIDENCE),    slc_export_label(x, SLC_XL_LINE)};
    const unsigned char numeric[] = {1, 0, 0, 0, 0, 1};
    slc_buf t, s;
    slc_buf_init(&t);
    slc_buf_init(&s);
    table_head(&t, heads, 6, numeric);
    for (size_t k = 0; k < sv->nmusts; k++) {
        const slc_req_result *r = sv->musts[k];
        const slc_cat_item *it = slc_catalog_item(x->cat, r->req->item);
        slc_buf_addf(&t, "| %d |", r->req->item);
        cell(&t, it ? slc_label_get(&it->name, x->lang) : "");
        slc_buf_clear(&s);
        slc_requirement_describe(r->req, x->lang, &s);
        cell(&t, s.data);
        slc_buf_clear(&s);
        slc_buf_adds(&s, r->verdict == SLC_VERDICT_NOT_MET ? "✗ " : "? ");
        slc_export_req_verdict(x, r, &s);
        cell(&t, s.data);
        slc_buf_clear(&s);
        slc_export_evidence(x, r, &s);
        cell(&t, s.data);
        if (r->line)
            slc_buf_addf(&t, " %ld |\n", r->line);
        else
            slc_buf_adds(&t, " — |\n");
    }
    add_table(doc, &t);
    slc_buf_release(&s);
    slc_buf_release(&t);
}

static void summary_risks(const slc_export *x, cmark_node *doc, size_t v)
{
    slc_md_heading(doc, 4, slc_export_label(x, SLC_XL_RISKS));
    cmark_node *list = slc_md_list(doc);
    slc_buf s, items;
    slc_buf_init(&s);
    slc_buf_init(&items);
    for (int k = 0; k < SLC_SUMMARY_RISKS; k++) {
        slc_buf_clear(&s);
        slc_buf_clear(&items);
        if (!slc_summary_risk_text(x, v, k, &s, &items))
            continue;
        cmark_node *para = slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
        slc_md_add_plain(slc_md_add(para, CMARK_NODE_STRONG), s.data);
        slc_md_add_plain(para, ": ");
        slc_md_add_plain(para, items.data);
    }
    slc_buf_release(&items);
    slc_buf_release(&s);
}

static void summary_vendor(const slc_export *x, cmark_node *doc, size_t v)
{
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    slc_md_heading(doc, 3, sv->name);
    if (sv->scored) {
        slc_buf s;
        slc_buf_init(&s);
        slc_buf_addf(&s, "%s %.1f — %s: ", slc_export_label(x, SLC_XL_SCORE), sv->score,
                     slc_export_label(x, SLC_XL_SCORE_HOW));
        slc_summary_score_text(x, v, &s);
        slc_md_add_plain(slc_md_add(doc, CMARK_NODE_PARAGRAPH), s.data);
        slc_buf_release(&s);
        slc_md_heading(doc, 4, slc_export_label(x, SLC_XL_MUSTS_OPEN));
        if (sv->nmusts)
            summary_musts(x, doc, sv);
        else
            slc_md_add_plain(slc_md_add(doc, CMARK_NODE_PARAGRAPH),
                             slc_export_label(x, SLC_XL_NONE));
    }
    summary_risks(x, doc, v);
}

static void legend_entry(cmark_node *list, const char *marker, const char *label)
{
    cmark_node *para = slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
    slc_md_add_plain(slc_md_add(para, CMARK_NODE_STRONG), marker);
    slc_md_add_plain(para, " ");
    slc_md_add_plain(para, label);
}

static void summary_legend(const slc_export *x, cmark_node *doc)
{
    slc_md_heading(doc, 3, slc_export_label(x, SLC_XL_LEGEND));
    cmark_node *list = slc_md_list(doc);
    if (x->profile) {
        legend_entry(list, "✓", slc_export_label(x, SLC_XL_MET));
        legend_entry(list, "✗", slc_export_label(x, SLC_XL_NOT_MET));
        legend_entry(list, "?", slc_export_label(x, SLC_XL_UNKNOWN));
    }
    legend_entry(list, slc_export_rank_marker(1), slc_export_label(x, SLC_XL_BETTER));
    legend_entry(list, slc_export_rank_marker(-1), slc_export_label(x, SLC_XL_WORSE));
    for (int v = x->n > 1 ? SLC_CMP_SAME : SLC_CMP_MISSING; v <= SLC_CMP_MISSING; v++)
        legend_entry(list, slc_export_verdict_marker((slc_cmp_verdict)v),
                     slc_export_verdict_label(x, (slc_cmp_verdict)v));
}

static void title_block(const slc_export *x, cmark_node *doc)
{
    const slc_summary *sm = &x->summary;
    slc_buf line;
    slc_buf_init(&line);
    words_para(x, doc, "organisation");
    slc_md_heading(doc, 1, x->title);
    cmark_node *list = slc_md_list(doc);
    const struct {
        slc_xlabel l;
        const char *v;
    } about[] = {{SLC_XL_REPORT_DATE, sm->date},
                 {SLC_XL_CHECKLIST, sm->checklist},
                 {SLC_XL_PROFILE, sm->profile},
                 {SLC_XL_GENERATED_BY, x->generator}};
    for (size_t k = 0; k < sizeof(about) / sizeof(about[0]); k++) {
        if (!about[k].v)
            continue;
        slc_buf_clear(&line);
        slc_buf_addf(&line, "%s: %s", slc_export_word(x, about[k].l), about[k].v);
        if (about[k].l == SLC_XL_PROFILE && sm->profile_path)
            slc_buf_addf(&line, " (%s)", sm->profile_path);
        slc_md_add_plain(slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH),
                         line.data);
    }
    if (x->profile) {
        slc_buf_clear(&line);
        slc_buf_addf(&line, "%s: ", slc_export_word(x, SLC_XL_WEIGHTS));
        slc_summary_weights_text(x, &line);
        slc_md_add_plain(slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH),
                         line.data);
    }
    slc_buf_release(&line);
}

static void summary(const slc_export *x, cmark_node *doc)
{
    slc_md_heading(doc, 2, slc_export_word(x, SLC_XL_SUMMARY));
    words_para(x, doc, "intro");
    summary_vendors(x, doc);
    summary_grid(x, doc);
    summary_decision(x, doc);
    for (size_t v = 0; v < x->n; v++)
        summary_vendor(x, doc, v);
    summary_legend(x, doc);
}

/* ---- comparison ---- */

/* Vendor v's answer to item i: rank marker, the answer's lines, the facts
 * read (emphasized); a missing answer is the missing marker, emphasized. */
static void cell_answer(const slc_export *x, slc_buf *row, size_t v, size_t i, slc_buf *facts)
{
    const slc_cmp_item *ci = &x->cmp->items[i];
    const slc_answer *a = ci->answers[v];
    slc_buf_addc(row, ' ');
    if (!a) {
        slc_buf_clear(facts);
        slc_buf_addf(facts, "%s %s", slc_export_verdict_marker(SLC_CMP_MISSING),
                     slc_export_verdict_label(x, SLC_CMP_MISSING));
        cell_lines(row, facts->data, CMARK_NODE_EMPH);
        slc_buf_adds(row, " |");
        return;
    }
    const char *marker = slc_export_rank_marker(ci->rank[v]);
    if (*marker) {
        cell_lines(row, marker, CMARK_NODE_STRONG);
        slc_buf_addc(row, ' ');
    }
    cell_lines(row, a->cell[SLC_ROLE_ANSWER], 0);
    slc_buf_clear(facts);
    slc_export_facts_text(x, v, i, facts);
    if (facts->len) {
        slc_buf_adds(row, "<br>");
        cell_lines(row, facts->data, CMARK_NODE_EMPH);
    }
    slc_buf_adds(row, " |");
}

static void compare_row(const slc_export *x, slc_buf *t, size_t i, slc_buf *scratch)
{
    const slc_cat_item *it = &x->cat->items[i];
    const slc_cmp_item *ci = &x->cmp->items[i];
    slc_buf_addf(t, "| %d |", it->no);
    cell(t, slc_label_get(&it->name, x->lang));
    for (size_t v = 0; v < x->n; v++)
        cell_answer(x, t, v, i, scratch);
    if (x->n > 1) {
        slc_buf_clear(scratch);
        slc_buf_addf(scratch, "%s %s", slc_export_verdict_marker(ci->verdict),
                     slc_export_verdict_label(x, ci->verdict));
        cell(t, scratch->data);
    }
    slc_buf_addc(t, '\n');
}

static int category_shows(const slc_export *x, size_t c)
{
    for (size_t i = 0; i < x->cat->nitems; i++)
        if ((size_t)x->cat->items[i].category == c && slc_export_shows(x, i))
            return 1;
    return 0;
}

static void compare_category(const slc_export *x, cmark_node *doc, size_t c)
{
    const slc_catalog *cat = x->cat;
    size_t ncols = x->n + 2 + (x->n > 1);
    const char **heads = slc_xcalloc(ncols, sizeof(*heads));
    unsigned char *numeric = slc_xcalloc(ncols, 1);
    slc_buf t, scratch;
    slc_buf_init(&t);
    slc_buf_init(&scratch);
    heads[0] = slc_export_label(x, SLC_XL_NO);
    heads[1] = slc_export_label(x, SLC_XL_ITEM);
    for (size_t v = 0; v < x->n; v++)
        heads[v + 2] = slc_export_vendor_name(x, v);
    if (x->n > 1) /* one vendor: nothing to give a verdict on */
        heads[ncols - 1] = slc_export_label(x, SLC_XL_VERDICT);
    numeric[0] = 1;
    slc_md_heading(doc, 4, slc_label_get(&cat->categories[c].label, x->lang));
    table_head(&t, heads, ncols, numeric);
    for (size_t i = 0; i < cat->nitems; i++)
        if ((size_t)cat->items[i].category == c && slc_export_shows(x, i))
            compare_row(x, &t, i, &scratch);
    add_table(doc, &t);
    slc_buf_release(&scratch);
    slc_buf_release(&t);
    free(numeric);
    free(heads);
}

static void comparison(const slc_export *x, cmark_node *doc)
{
    const slc_catalog *cat = x->cat;
    slc_md_heading(doc, 2, slc_export_word(x, SLC_XL_COMPARISON));
    for (size_t s = 0; s < cat->nsections; s++) {
        int heading = 0;
        for (size_t c = 0; c < cat->ncategories; c++) {
            if ((size_t)cat->categories[c].section != s || !category_shows(x, c))
                continue;
            if (!heading)
                slc_md_heading(doc, 3, slc_label_get(&cat->sections[s].label, x->lang));
            heading = 1;
            compare_category(x, doc, c);
        }
    }
}

/* ---- findings ---- */

static void finding_item(const slc_export *x, cmark_node *list, size_t v, const slc_finding *f,
                         slc_buf *scratch)
{
    cmark_node *para = slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
    slc_md_add_plain(slc_md_add(para, CMARK_NODE_STRONG),
                     slc_export_severity_label(x, f->severity));
    slc_md_add_plain(para, " ");
    slc_md_add_text(para, CMARK_NODE_CODE, slc_finding_rule_id(f));
    slc_buf_clear(scratch);
    slc_buf_addf(scratch, " %s", x->docs[v]->path);
    if (f->line)
        slc_buf_addf(scratch, ":%ld", f->line);
    slc_buf_adds(scratch, ": ");
    slc_export_message(x, v, f, scratch);
    slc_md_add_plain(para, scratch->data);
}

static void requirements(const slc_export *x, cmark_node *doc, const slc_profile_result *pr)
{
    const char *heads[] = {
        slc_export_label(x, SLC_XL_NO),      slc_export_label(x, SLC_XL_ITEM),
        slc_export_label(x, SLC_XL_LEVEL),   slc_export_label(x, SLC_XL_REQUIREMENT),
        slc_export_label(x, SLC_XL_VERDICT), slc_export_label(x, SLC_XL_EVIDENCE)};
    const unsigned char numeric[] = {1, 0, 0, 0, 0, 0};
    slc_buf t, scratch;
    slc_buf_init(&t);
    slc_buf_init(&scratch);
    slc_md_heading(doc, 4, slc_export_word(x, SLC_XL_REQUIREMENTS));
    table_head(&t, heads, 6, numeric);
    for (size_t k = 0; k < pr->n; k++) {
        const slc_req_result *r = &pr->v[k];
        const slc_cat_item *it = slc_catalog_item(x->cat, r->req->item);
        slc_buf_addf(&t, "| %d |", r->req->item);
        cell(&t, it ? slc_label_get(&it->name, x->lang) : "");
        cell(&t, slc_export_level_label(x, r->req->level));
        slc_buf_clear(&scratch);
        slc_requirement_describe(r->req, x->lang, &scratch);
        cell(&t, scratch.data);
        slc_buf_clear(&scratch);
        slc_export_req_verdict(x, r, &scratch);
        cell(&t, scratch.data);
        slc_buf_clear(&scratch);
        slc_export_evidence(x, r, &scratch);
        cell(&t, scratch.data);
        slc_buf_addc(&t, '\n');
    }
    add_table(doc, &t);
    slc_buf_release(&scratch);
    slc_buf_release(&t);
}

static void findings_vendor(const slc_export *x, cmark_node *doc, size_t v, slc_buf *scratch)
{
    const slc_doc *d = x->docs[v];
    slc_buf_clear(scratch);
    slc_buf_addf(scratch, "%s (%s)", slc_export_vendor_name(x, v), d->path);
    slc_md_heading(doc, 3, scratch->data);
    if (!d->nfindings)
        slc_md_add_plain(slc_md_add(doc, CMARK_NODE_PARAGRAPH),
                         slc_export_label(x, SLC_XL_NO_FINDINGS));
    cmark_node *list = d->nfindings ? slc_md_list(doc) : NULL;
    for (size_t k = 0; k < d->nfindings; k++)
        finding_item(x, list, v, &d->findings[k], scratch);
    if (d->profile)
        requirements(x, doc, d->profile);
}

static void findings(const slc_export *x, cmark_node *doc)
{
    slc_buf scratch;
    slc_buf_init(&scratch);
    slc_md_heading(doc, 2, slc_export_word(x, SLC_XL_FINDINGS));
    for (size_t v = 0; v < x->n; v++)
        findings_vendor(x, doc, v, &scratch);
    slc_buf_release(&scratch);
}

slc_status slc_export_md(const slc_export *x, const char *path, slc_error *err)
{
    cmark_node *doc = slc_md_node_new(CMARK_NODE_DOCUMENT);
    title_block(x, doc);
    summary(x, doc);
    comparison(x, doc);
    if (!x->comparison_only)
        findings(x, doc);
    slc_buf foot;
    slc_buf_init(&foot);
    slc_template_word(x->lang == SLC_LANG_JA ? "report.ja.txt" : "report.en.txt", "footer", &foot);
    if (foot.len) {
        slc_md_add(doc, CMARK_NODE_THEMATIC_BREAK);
        slc_md_add_plain(slc_md_add(doc, CMARK_NODE_PARAGRAPH), foot.data);
    }
    slc_buf_release(&foot);
    char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    cmark_node_free(doc);
    if (!md)
        return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1,
                             "cmark could not render the report");
    slc_buf out;
    slc_buf_init(&out);
    slc_buf_adds(&out, md);
    free(md);
    slc_status st = slc_export_write(&out, path, err);
    slc_buf_release(&out);
    return st;
}
