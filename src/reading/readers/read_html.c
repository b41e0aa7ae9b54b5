/* read_html.c - web pages (read_html.h): a page saved from a browser, a
 * vendor's answers published as HTML, Excel's "Save as Web Page", Google
 * Sheets' "publish to the web". libxml2's HTML parser reads the decoded
 * text (it recovers from the tag soup real pages are); this module turns
 * the tree into candidate tables of rows, and the loader keeps the one
 * that gives the most checklist items:
 *   - every <table> (outside <nav>, <header>, <footer>, <script>,
 *     <style>, <template>), its rows laid out on a grid that honours
 *     rowspan and colspan: a merged 種別 cell gives its text to every row
 *     it spans, as the page shows it; Google Sheets' row numbers and
 *     column letters are not cells;
 *   - all those tables one after another (a page with one table per
 *     section of the checklist);
 *   - the second layout: headings (h1-h6, or <dt>) that name items, each
 *     followed by its answer in paragraphs and lists, read only if at least
 *     one heading names an item of the catalog.
 * A cell's text is what a browser shows: white space collapsed, <br> and
 * the edges of blocks (p, div, li ...) as line breaks, <pre> kept as is,
 * scripts and styles left out. A row's line is the source line of its
 * <tr> (or heading) in the page.
 *
 * Bounds: rows, cells per row and bytes per cell as for other inputs
 * (limits); rowspan and colspan as HTML caps them (65534, 1000); nesting
 * deeper than MAX_DEPTH is refused; walks over the tree use no recursion. */
#include "read_html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "text.h"

#define MAX_DEPTH 1024   /* elements inside elements */
#define MAX_COLSPAN 1000 /* HTML's own caps */
#define MAX_ROWSPAN 65534
#define MAX_GRID_CELLS \
    (4u << 20)            /* cells of all rows together: colspan and rowspan
                                    * make many of few bytes */
#define HEADING_MATCH 0.8 /* a heading that names an item: similarity of keys */

/* ---- sniffing and the declared encoding ------------------------------- */

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 if s[0..n) starts with the ASCII word w, case-insensitively */
static int starts_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (ascii_lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

static const slc_ext html_exts[] = {{".html", "html"}, {".htm", "html"}, {".xhtml", "html"}};

int slc_html_sniff(const char *path, const char *bytes, size_t n)
{
    if (path && slc_ext_lookup(path, html_exts, sizeof(html_exts) / sizeof(html_exts[0])))
        return 1;
    size_t i = 0;
    if (n >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
        i = 3;
    /* UTF-16 with a BOM: look at every other byte */
    int step = 1;
    if (n >= 2 && (!memcmp(bytes, "\xFF\xFE", 2) || !memcmp(bytes, "\xFE\xFF", 2))) {
        step = 2;
        i = bytes[0] == '\xFF' ? 2 : 3;
    }
    char head[64];
    size_t h = 0;
    for (; i < n && h < sizeof(head) - 1; i += (size_t)step) {
        char c = bytes[i];
        if (h == 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n'))
            continue;
        head[h++] = c;
    }
    head[h] = '\0';
    static const char *const starts[] = {"<!doctype html", "<html",  "<head",   "<body",
                                         "<table",         "<meta ", "<meta\t", "<?xml version"};
    for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
        if (starts_ci(head, h, starts[k])) {
            /* an XML declaration: only if an <html element follows soon */
            if (k == sizeof(starts) / sizeof(starts[0]) - 1) {
                size_t lim = n < 1024 ? n : 1024;
                for (size_t j = 0; j + 5 <= lim; j++)
                    if (starts_ci(bytes + j, lim - j, "<html"))
                        return 1;
                return 0;
            }
            return 1;
        }
    return 0;
}

/* The value of attribute-like "name=value" in s[0..n) after `at`. */
static size_t attr_value(const char *s, size_t n, size_t at, char *out, size_t outsize)
{
    size_t i = at;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    char q = 0;
    if (i < n && (s[i] == '"' || s[i] == '\''))
        q = s[i++];
    size_t o = 0;
    while (i < n && o + 1 < outsize) {
        char c = s[i];
        if (q ? c == q
              : (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == ';' ||
                 c == '"' || c == '\''))
            break;
        out[o++] = c;
        i++;
    }
    out[o] = '\0';
    return o;
}

const char *slc_html_charset(const char *bytes, size_t n, char *buf, size_t bufsize)
{
    /* HTML's prescan looks at the first 1024 bytes; Excel's pages put long
     * comments and styles first, so look a little further */
    size_t lim = n < 4096 ? n : 4096;
    if (bufsize < 2)
        return NULL;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (bytes[i] != '<' || !starts_ci(bytes + i + 1, lim - i - 1, "meta"))
            continue;
        size_t end = i + 5;
        while (end < lim && bytes[end] != '>')
            end++;
        /* charset=... anywhere in the tag: <meta charset="x"> and
         * <meta http-equiv="Content-Type" content="text/html; charset=x"> */
        for (size_t j = i + 5; j + 8 <= end; j++) {
            if (!starts_ci(bytes + j, end - j, "charset"))
                continue;
            size_t k = j + 7;
            while (k < end && (bytes[k] == ' ' || bytes[k] == '\t'))
                k++;
            if (k >= end || bytes[k] != '=')
                continue;
            if (!attr_value(bytes, end, k + 1, buf, bufsize))
                continue;
            /* a page that calls itself UTF-16 but was found by an ASCII
             * scan is not UTF-16 (HTML says: read it as UTF-8) */
            if (starts_ci(buf, strlen(buf), "utf-16"))
                snprintf(buf, bufsize, "UTF-8");
            return buf;
        }
        i = end;
    }
    return NULL;
}

/* ---- the reader's state -------------------------------------------------- */

typedef struct hr {
    const slc_catalog *cat;
    const slc_limits *lim;
    slc_arena *arena;
    const char *path;
    slc_error *err;
    slc_status rc;
    htmlParserCtxtPtr ctxt;
    size_t nrows;    /* rows given so far, over all candidates */
    size_t ncells;   /* and their cells */
    const char *src; /* the decoded text, for offsets of lines */
    size_t srclen;
    long cur_line; /* cursor: line cur_line starts at byte cur_off */
    size_t cur_off;
    slc_buf text, tmp;
} hr;

/* Byte offset where line `want` starts; rows come in increasing order, so
 * the cursor mostly moves forward (it starts again if not). */
static size_t line_offset(hr *r, long want)
{
    if (want < r->cur_line) {
        r->cur_line = 1;
        r->cur_off = 0;
    }
    while (r->cur_line < want && r->cur_off < r->srclen) {
        const char *nl = memchr(r->src + r->cur_off, '\n', r->srclen - r->cur_off);
        if (!nl) {
            r->cur_off = r->srclen;
            break;
        }
        r->cur_off = (size_t)(nl - r->src) + 1;
        r->cur_line++;
    }
    return r->cur_off;
}

static slc_status fail(hr *r, slc_status st, long line, const char *fmt, ...) SLC_PRINTF(4, 5);

static slc_status fail(hr *r, slc_status st, long line, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (r->rc == SLC_OK)
        r->rc = slc_error_set(r->err, st, r->path, line, -1, "%s", msg);
    return r->rc;
}

static int is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static int is_one_of(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (; *names; names++)
        if (!strcasecmp((const char *)n->name, *names))
            return 1;
    return 0;
}

/* Never text: scripts, styles, a page's navigation and furniture. */
static const char *const skipped_els[] = {"script", "style",  "template", "noscript", "head",
                                          "nav",    "header", "footer",   "select",   "button",
                                          "iframe", "object", "svg",      "math",     NULL};
/* Elements whose edges are line breaks in the text. */
static const char *const block_els[] = {
    "p",          "div",     "li",      "ul",         "ol",    "dl",   "dt",
    "dd",         "h1",      "h2",      "h3",         "h4",    "h5",   "h6",
    "blockquote", "pre",     "section", "article",    "aside", "main", "table",
    "tr",         "address", "figure",  "figcaption", "hr",    "form", "fieldset",
    "center",     "caption", "details", "summary",    NULL};
static const char *const heading_els[] = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", NULL};

/* The source line of a node. An element's own field stops at 65535; past
 * that, libxml2 looks into the text below it, whose lines it keeps whole
 * (XML_PARSE_BIG_LINES). The offset is the start of that line in the text. */
static long node_line(hr *r, xmlNode *n, long long *offset)
{
    long line = n ? (long)xmlGetLineNo(n) : 0;
    if (line < 1)
        line = 0;
    *offset = line ? (long long)line_offset(r, line) : 0;
    return line;
}

/* Next node in document order below `top`, skipping `n`'s children when
 * `skip_children`; NULL at the end. No recursion: deep pages cost no stack. */
static xmlNode *walk_next(xmlNode *n, const xmlNode *top, int skip_children)
{
    if (!skip_children && n->children)
        return n->children;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* ---- the text of an element, as a browser shows it --------------------- */

typedef struct textw {
    slc_buf *out;
    int space, newline; /* pending */
} textw;

static void tw_break(textw *w)
{
    w->newline = 1;
    w->space = 0;
}

static void tw_text(textw *w, const char *s, int pre)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int c = *p;
        int nbsp = c == 0xC2 && p[1] == 0xA0;
        if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp)) {
            if (nbsp)
                p++;
            w->space = 1;
            continue;
        }
        if (w->out->len) {
            if (w->newline)
                slc_buf_addc(w->out, '\n');
            else if (w->space)
                slc_buf_addc(w->out, ' ');
        }
        w->newline = w->space = 0;
        if (pre && c == '\r') {
            if (p[1] != '\n')
                slc_buf_addc(w->out, '\n');
            continue;
        }
        slc_buf_addc(w->out, (char)c);
    }
}

/* The text under `el` into out (cleared first). Nested tables are left out
 * when `no_tables` (each is a candidate of its own). */
static void element_text(hr *r, xmlNode *el, slc_buf *out, int no_tables)
{
    (void)r;
    textw w = {out, 0, 0};
    slc_buf_clear(out);
    slc_buf_adds(out, "");
    if (!el->children)
        return;
    xmlNode *n = el->children;
    while (n) {
        int skip = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            int pre = 0;
            for (const xmlNode *p = n->parent; p && p != el->parent; p = p->parent)
                if (is_el(p, "pre") || is_el(p, "textarea")) {
                    pre = 1;
                    break;
                }
            if (n->content)
                tw_text(&w, (const char *)n->content, pre);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (is_one_of(n, skipped_els) || (no_tables && is_el(n, "table"))) {
                skip = 1;
            } else if (is_el(n, "br")) {
                /* an explicit break is a line break even at the start */
                if (w.newline && out->len)
                    slc_buf_addc(out, '\n');
                slc_buf_addc(out, '\n');
                w.newline = w.space = 0;
            } else if (is_one_of(n, block_els) || is_el(n, "td") || is_el(n, "th")) {
                tw_break(&w);
            }
        } else {
            skip = 1; /* comments, processing instructions */
        }
        /* leaving elements: a block's end is a break too */
        xmlNode *next = walk_next(n, el, skip);
        if (next && next != n->children) {
            for (xmlNode *p = n; p && p != el && p != next->parent; p = p->parent)
                if (is_one_of(p, block_els))
                    tw_break(&w);
        }
        n = next;
    }
    /* no break at the very start (spaces there are <pre>'s), none at the end */
    size_t s = 0;
    while (s < out->len && out->data[s] == '\n')
        s++;
    size_t e = out->len;
    while (e > s && (out->data[e - 1] == '\n' || out->data[e - 1] == ' '))
        e--;
    if (s || e != out->len) {
        memmove(out->data, out->data + s, e - s);
        out->len = e - s;
        out->data[out->len] = '\0';
    }
}

/* ---- candidate tables ---------------------------------------------------- */

static slc_table *new_candidate(slc_tables *t)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->v = slc_xrealloc(t->v, t->cap * sizeof(*t->v));
    }
    slc_table *tab = &t->v[t->n++];
    memset(tab, 0, sizeof(*tab));
    tab->delimiter = '\t';
    return tab;
}

typedef struct rowbuf {
    slc_row *v;
    size_t n, cap;
} rowbuf;

static slc_row *add_row(hr *r, rowbuf *rb, long line, long long offset, size_t ncells)
{
    if (r->nrows >= r->lim->max_rows) {
        fail(r, SLC_ERR_TOO_LARGE, line, "more than %zu rows in the page's tables",
             r->lim->max_rows);
        return NULL;
    }
    if (ncells > MAX_GRID_CELLS - r->ncells) {
        fail(r, SLC_ERR_TOO_LARGE, line, "more than %u cells in the page's tables", MAX_GRID_CELLS);
        return NULL;
    }
    r->nrows++;
    r->ncells += ncells;
    if (rb->n == rb->cap) {
        rb->cap = rb->cap ? rb->cap * 2 : 64;
        rb->v = slc_xrealloc(rb->v, rb->cap * sizeof(slc_row));
    }
    slc_row *row = &rb->v[rb->n++];
    row->line = line;
    row->offset = offset;
    row->ncells = ncells;
    row->cells = slc_arena_alloc(r->arena, (ncells + 1) * sizeof(char *));
    for (size_t i = 0; i <= ncells; i++)
        row->cells[i] = "";
    return row;
}

static const char *cell_copy(hr *r, const slc_buf *b, long line)
{
    if (b->len > r->lim->max_cell_bytes) {
        fail(r, SLC_ERR_TOO_LARGE, line, "a cell of more than %zu bytes", r->lim->max_cell_bytes);
        return NULL;
    }
    return slc_arena_strndup(r->arena, b->data ? b->data : "", b->len);
}

static long span_attr(xmlNode *n, const char *name, long dflt, long max)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return dflt;
    long k = 0;
    const xmlChar *p = v;
    while (*p == ' ' || *p == '\t')
        p++;
    int digits = 0;
    while (*p >= '0' && *p <= '9') {
        if (k < max * 10L)
            k = k * 10 + (*p - '0');
        p++;
        digits++;
    }
    xmlFree(v);
    if (!digits)
        return dflt;
    if (k > max)
        k = max;
    return k;
}

static int class_has(xmlNode *n, const char *word)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
    int yes = v && strstr((const char *)v, word) != NULL;
    xmlFree(v);
    return yes;
}

/* Google Sheets' published pages (<table class="waffle">) number the rows
 * and letter the columns in <th> cells of their own; those are the sheet's
 * furniture, not cells. Other pages' classes mean nothing here. */
static int sheet_furniture(int sheets, xmlNode *cell)
{
    return sheets && (class_has(cell, "row-header") || class_has(cell, "freezebar") ||
                      class_has(cell, "column-headers-background"));
}

/* A column's cell still covered by a rowspan from a row above. */
typedef struct spanning {
    const char *text;
    long left; /* rows it still covers */
} spanning;

/* The rows of a table's grid into rb. */
static void read_table(hr *r, xmlNode *table, rowbuf *rb)
{
    spanning *cols = NULL; /* per column: a rowspan from above */
    size_t ncols = 0;
    const char **cells = NULL; /* this row's grid, NULL where nothing is yet */
    size_t cap = 0;
    int sheets = class_has(table, "waffle");
    for (xmlNode *n = table->children; n && r->rc == SLC_OK;) {
        if (is_el(n, "thead") || is_el(n, "tbody") || is_el(n, "tfoot")) {
            /* a rowspan ends with its row group */
            for (size_t c = 0; c < ncols; c++)
                cols[c].left = 0;
            if (n->children) {
                n = n->children;
                continue;
            }
        } else if (is_el(n, "tr")) {
            long long off;
            long line = node_line(r, n, &off);
            if (ncols > cap) {
                cap = ncols * 2;
                cells = slc_xrealloc(cells, cap * sizeof(*cells));
            }
            size_t nc = 0;
            for (size_t c = 0; c < ncols; c++) {
                cells[c] = cols[c].left > 0 ? cols[c].text : NULL;
                if (cells[c])
                    nc = c + 1;
            }
            size_t col = 0;
            int furniture_only = 1, any_cell = 0;
            for (xmlNode *c = n->children; c && r->rc == SLC_OK; c = c->next) {
                if (!is_el(c, "td") && !is_el(c, "th"))
                    continue;
                any_cell = 1;
                if (sheet_furniture(sheets, c))
                    continue;
                furniture_only = 0;
                while (col < ncols && cells[col])
                    col++;
                long cs = span_attr(c, "colspan", 1, MAX_COLSPAN);
                long rs = span_attr(c, "rowspan", 1, MAX_ROWSPAN);
                if (cs < 1)
                    cs = 1;
                if (rs == 0)
                    rs = MAX_ROWSPAN; /* to the end of the row group */
                if (col + (size_t)cs > r->lim->max_cells) {
                    fail(r, SLC_ERR_TOO_LARGE, line, "more than %zu cells in a row",
                         r->lim->max_cells);
                    break;
                }
                element_text(r, c, &r->text, 1);
                const char *s = cell_copy(r, &r->text, line);
                if (!s)
                    break;
                size_t end = col + (size_t)cs;
                if (end > ncols) {
                    cols = slc_xrealloc(cols, end * sizeof(*cols));
                    for (size_t k = ncols; k < end; k++)
                        cols[k].left = 0, cols[k].text = "";
                    if (end > cap) {
                        cap = end * 2;
                        cells = slc_xrealloc(cells, cap * sizeof(*cells));
                    }
                    for (size_t k = ncols; k < end; k++)
                        cells[k] = NULL;
                    ncols = end;
                }
                /* colspan: the text in the first column, the others empty,
                 * so a merged answer is not read twice; rowspan: the same
                 * text in every row it covers, as the page shows it */
                for (size_t k = col; k < end; k++) {
                    cells[k] = k == col ? s : "";
                    if (rs > 1) {
                        cols[k].left = rs; /* counts this row too */
                        cols[k].text = cells[k];
                    }
                }
                col = end;
                if (col > nc)
                    nc = col;
            }
            if (r->rc != SLC_OK)
                break;
            if (!(any_cell && furniture_only)) { /* not Google Sheets' column letters */
                slc_row *row = add_row(r, rb, line, off, nc);
                if (!row)
                    break;
                for (size_t c = 0; c < nc; c++)
                    row->cells[c] = cells[c] ? cells[c] : "";
                for (size_t c = 0; c < ncols; c++)
                    if (cols[c].left > 0)
                        cols[c].left--;
            }
        } else if (!is_el(n, "table") && n->type == XML_ELEMENT_NODE &&
                   !is_one_of(n, skipped_els) && !is_el(n, "caption") && !is_el(n, "colgroup") &&
                   n->children) {
            /* a <form> or <div> a sloppy page put around rows */
            n = n->children;
            continue;
        }
        /* next sibling, climbing out of row groups */
        xmlNode *next = n->next;
        while (!next && n->parent && n->parent != table) {
            n = n->parent;
            next = n->next;
        }
        n = next;
    }
    free(cols);
    free(cells);
}

/* ---- headings that name items, answers below ------------------------------ */

/* Does the heading name an item of the catalog? Its number ("5.", "No.5")
 * is taken off first. Writes the number (or "") and the name. */
static int heading_item(hr *r, const char *h, char no[16], const char **name)
{
    size_t i = 0, n = strlen(h);
    no[0] = '\0';
    slc_buf_clear(&r->tmp);
    slc_text_nfkc(&r->tmp, h, n < 512 ? n : 512);
    const char *s = r->tmp.data ? r->tmp.data : "";
    size_t sl = r->tmp.len;
    if (sl >= 2 && (s[0] == 'N' || s[0] == 'n') && (s[1] == 'o' || s[1] == 'O')) {
        i = 2;
        if (i < sl && s[i] == '.')
            i++;
        while (i < sl && s[i] == ' ')
            i++;
    }
    size_t d = i;
    while (i < sl && s[i] >= '0' && s[i] <= '9' && i - d < 4)
        i++;
    size_t name_at = 0;
    if (i > d && (i == sl || strchr(".):、 \t", s[i]) || !strncmp(s + i, "\xE3\x80\x81", 3))) {
        memcpy(no, s + d, i - d);
        no[i - d] = '\0';
        while (i < sl && strchr(".):\t ", s[i]))
            i++;
        if (!strncmp(s + i, "\xE3\x80\x81", 3))
            i += 3;
        name_at = i;
    }
    *name = slc_arena_strdup(r->arena, s + name_at);
    slc_buf key;
    slc_buf_init(&key);
    slc_text_fold(&key, s + name_at, sl - name_at);
    int found = 0;
    if (key.len && key.len <= 256) { /* item names are short: a paragraph is not one */
        for (size_t k = 0; k < r->cat->nitems && !found; k++) {
            const slc_keys *nk = &r->cat->items[k].name_keys;
            for (size_t j = 0; j < nk->n && !found; j++)
                found = slc_text_similarity(key.data, nk->v[j], HEADING_MATCH) >= HEADING_MATCH;
        }
    }
    slc_buf_release(&key);
    return found;
}

static void read_headings(hr *r, xmlNode *body, slc_tables *out)
{
    rowbuf rb = {0};
    int items = 0;
    slc_row *cur = NULL;
    slc_buf ans;
    slc_buf_init(&ans);
    textw w = {&ans, 0, 0};
    size_t save_rows = r->nrows;
    for (xmlNode *n = body; n && r->rc == SLC_OK;) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE && is_one_of(n, skipped_els)) {
            skip = 1;
        } else if (n->type == XML_ELEMENT_NODE && is_one_of(n, heading_els)) {
            skip = 1;
            element_text(r, n, &r->text, 0);
            char no[16];
            const char *name;
            if (heading_item(r, r->text.data, no, &name)) {
                if (cur) {
                    cur->cells[2] = cell_copy(r, &ans, cur->line);
                    if (!cur->cells[2])
                        break;
                }
                long long off;
                long line = node_line(r, n, &off);
                if (!rb.n) {
                    /* the checklist's own header words, so alignment finds the columns */
                    slc_row *h = add_row(r, &rb, line, off, 3);
                    if (!h)
                        break;
                    h->cells[0] = "No";
                    h->cells[1] = "サービスレベル項目";
                    h->cells[2] = "回答";
                }
                cur = add_row(r, &rb, line, off, 3);
                if (!cur)
                    break;
                cur->cells[0] = slc_arena_strdup(r->arena, no);
                cur->cells[1] = name;
                items++;
            } else if (cur) {
                /* a heading that names no item ends the answer */
                cur->cells[2] = cell_copy(r, &ans, cur->line);
                cur = NULL;
            }
            slc_buf_clear(&ans);
            w.space = w.newline = 0;
        } else if (cur && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)) {
            int pre = 0;
            for (const xmlNode *p = n->parent; p; p = p->parent)
                if (is_el(p, "pre")) {
                    pre = 1;
                    break;
                }
            if (n->content)
                tw_text(&w, (const char *)n->content, pre);
            if (ans.len > r->lim->max_cell_bytes) {
                fail(r, SLC_ERR_TOO_LARGE, cur->line, "an answer of more than %zu bytes",
                     r->lim->max_cell_bytes);
                break;
            }
        } else if (cur && n->type == XML_ELEMENT_NODE) {
            if (is_el(n, "br"))
                slc_buf_addc(&ans, '\n'), w.space = w.newline = 0;
            else if (is_one_of(n, block_els) || is_el(n, "td") || is_el(n, "th"))
                tw_break(&w);
        } else if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
                   n->type != XML_HTML_DOCUMENT_NODE) {
            skip = 1;
        }
        xmlNode *next = walk_next(n, body, skip);
        if (cur && next && next != n->children)
            for (xmlNode *p = n; p && p != next->parent; p = p->parent)
                if (is_one_of(p, block_els))
                    tw_break(&w);
        n = next;
    }
    if (r->rc == SLC_OK && cur) {
        /* trailing breaks are not part of the answer */
        while (ans.len && (ans.data[ans.len - 1] == '\n' || ans.data[ans.len - 1] == ' '))
            ans.data[--ans.len] = '\0';
        cur->cells[2] = cell_copy(r, &ans, cur->line);
    }
    slc_buf_release(&ans);
    if (r->rc != SLC_OK || !items) {
        free(rb.v);
        r->nrows = save_rows;
        return;
    }
    slc_table *t = new_candidate(out);
    t->rows = rb.v;
    t->nrows = rb.n;
}

/* ---- the page ----------------------------------------------------------- */

static void on_error(void *data, xmlErrorPtr e)
{
    (void)data, (void)e; /* tag soup is the rule: recover, say nothing */
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

/* The deepest nesting of the tree, stopping at MAX_DEPTH + 1. */
static int too_deep(xmlNode *root, long *line)
{
    int depth = 0;
    for (xmlNode *n = root; n;) {
        if (n->children && n->type == XML_ELEMENT_NODE) {
            if (++depth > MAX_DEPTH) {
                *line = (long)xmlGetLineNo(n);
                return 1;
            }
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    return 0;
}

void slc_tables_release(slc_tables *t)
{
    for (size_t i = 0; i < t->n; i++)
        slc_table_release(&t->v[i]);
    free(t->v);
    memset(t, 0, sizeof(*t));
}

slc_status slc_html_read(const slc_catalog *cat, const char *text, size_t len,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_tables *out, slc_error *err)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    hr r;
    memset(&r, 0, sizeof(r));
    memset(out, 0, sizeof(*out));
    r.cat = cat;
    r.lim = limits ? limits : &def;
    r.arena = arena;
    r.path = path ? path : "-";
    r.err = err;
    r.src = text;
    r.srclen = len;
    r.cur_line = 1;
    slc_buf_init(&r.text);
    slc_buf_init(&r.tmp);
    htmlDocPtr doc = NULL;
    rowbuf all = {0};
    slc_ptrs tables = {0};

    if (len > (size_t)0x7fffffff)
        return slc_error_set(err, SLC_ERR_TOO_LARGE, r.path, 0, -1, "a page of more than 2 GiB");
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    r.ctxt = htmlCreateMemoryParserCtxt(text, (int)len);
    if (!r.ctxt) {
        fail(&r, SLC_ERR_INTERNAL, 0, "cannot start the HTML parser");
        goto done;
    }
    /* the text is UTF-8 already (decoded by the loader): a <meta charset>
     * must not switch it again; nothing is fetched */
    xmlSwitchEncoding(r.ctxt, XML_CHAR_ENCODING_UTF8);
    htmlCtxtUseOptions(r.ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    /* lines past 65535 kept whole (in text nodes) */
    r.ctxt->linenumbers = 1;
    r.ctxt->options |= XML_PARSE_BIG_LINES;
    xmlSetStructuredErrorFunc(NULL, on_error);
    htmlParseDocument(r.ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    doc = r.ctxt->myDoc;
    r.ctxt->myDoc = NULL;
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root)
        goto done; /* no element at all: no rows */
    long deep_line = 0;
    if (too_deep(root, &deep_line)) {
        fail(&r, SLC_ERR_TOO_LARGE, deep_line, "elements nested more than %d deep", MAX_DEPTH);
        goto done;
    }

    /* every table outside the page's furniture, in document order */
    for (xmlNode *n = root; n;) {
        int skip = n->type != XML_ELEMENT_NODE || is_one_of(n, skipped_els);
        if (!skip && is_el(n, "table"))
            slc_ptrs_push(&tables, n);
        n = walk_next(n, root, skip);
    }
    for (size_t i = 0; i < tables.n && r.rc == SLC_OK; i++) {
        rowbuf rb = {0};
        read_table(&r, tables.v[i], &rb);
        if (r.rc != SLC_OK) {
            free(rb.v);
            break;
        }
        if (!rb.n) {
            free(rb.v);
            continue;
        }
        if (tables.n > 1) { /* and all of them, one after another */
            if (all.n + rb.n > all.cap) {
                all.cap = (all.n + rb.n) * 2;
                all.v = slc_xrealloc(all.v, all.cap * sizeof(slc_row));
            }
            memcpy(all.v + all.n, rb.v, rb.n * sizeof(slc_row));
            all.n += rb.n;
        }
        slc_table *t = new_candidate(out);
        t->rows = rb.v;
        t->nrows = rb.n;
    }
    if (r.rc == SLC_OK && all.n && out->n > 1) {
        slc_table *t = new_candidate(out);
        t->rows = all.v;
        t->nrows = all.n;
        all.v = NULL;
    }
    if (r.rc == SLC_OK)
        read_headings(&r, root, out);

done:
    if (r.rc != SLC_OK)
        slc_tables_release(out);
    free(all.v);
    slc_ptrs_release(&tables);
    if (doc)
        xmlFreeDoc(doc);
    if (r.ctxt)
        htmlFreeParserCtxt(r.ctxt);
    slc_buf_release(&r.text);
    slc_buf_release(&r.tmp);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    return r.rc;
}
