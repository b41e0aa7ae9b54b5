/* read_md.c - Markdown checklists (readers.h), parsed by cmark.
 *
 * One heading per item: its text starts with the item's number ("5.",
 * "5．", "No.5", "### 5 サービス稼働率", full-width digits: NFKC), then the
 * name. The item's answer is the top-level blocks below the heading, up
 * to the next heading at the item's level or above, the next item heading
 * or a remarks heading ("### 備考": the catalog's remarks header words);
 * the remarks are the blocks below that one. Deeper headings are part of
 * the text. The answer is the source text of those blocks, byte for byte
 * (lists, line breaks and blank lines kept), taken from the lines cmark's
 * source positions give, not re-rendered, except that
 *   - a block quote right below the heading is the hint (規定内容/測定単位),
 *   - HTML comments before or after the text are placeholders, and rules
 *     (---) there separate items,
 *   - an answer that is a single fenced code block (no info string, or
 *     "text") is the block's content: the writer's escape for text that
 *     would not survive as paragraphs (author_md.c).
 * Before the first item, "key: value" paragraphs and list items are offered
 * as metadata (対象サービス, 会社名, 作成日). The rows get a header of the
 * checklist's own words so slc_align finds the columns.
 *
 * A GFM pipe table before the first item heading (many vendors keep their
 * answers in a README's table) gives its rows as they are, header row
 * included, each at its source line; its cells' inline Markdown is read as
 * text (md_pipe.c splits the rows; cmark parses the inlines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "md_pipe.h"
#include "md_tree.h"
#include "read_md.h"
#include "text.h"

/* ---- the source's lines, counted the way cmark counts them ------------- */

typedef struct src_lines {
    const char *text;
    size_t len;
    long line; /* cursor: line `line` (1-based) starts at byte `off` */
    size_t off;
} src_lines;

static int is_eol(char c)
{
    return c == '\n' || c == '\r';
}

/* Byte offset where line `want` starts (len if past the end). Callers ask
 * in increasing order, so the cursor only moves forward (restarts if not). */
static size_t line_start(src_lines *L, long want)
{
    if (want < L->line) {
        L->line = 1;
        L->off = 0;
    }
    while (L->line < want && L->off < L->len) {
        size_t i = L->off;
        while (i < L->len && !is_eol(L->text[i]))
            i++;
        if (i < L->len) {
            if (L->text[i] == '\r' && i + 1 < L->len && L->text[i + 1] == '\n')
                i++;
            i++;
        }
        L->off = i;
        L->line++;
    }
    return L->off;
}

/* End of the content of the line starting at off (before its line ending). */
static size_t content_end(const src_lines *L, size_t off)
{
    while (off < L->len && !is_eol(L->text[off]))
        off++;
    return off;
}

/* ---- the reader ---------------------------------------------------------- */

typedef struct md_reader {
    const slc_catalog *cat;
    const slc_limits *limits;
    slc_arena *arena;
    const char *path;
    slc_error *err;
    slc_status rc;
    src_lines L;
    int crlf; /* the file's first line ending is CR LF */
    slc_row *rows;
    size_t nrows, cap;
    int header_done;
    int seen_item; /* past the preamble */
    /* the item being read */
    int in_item, level, remarks_mode;
    long line;
    long long offset;
    const char *no, *name, *answer;
    slc_ptrs blocks; /* blocks of the current answer or remarks */
    slc_buf tmp, key;
} md_reader;

static slc_row *add_row(md_reader *r, long line, long long offset, size_t ncells)
{
    if (r->nrows >= r->limits->max_rows) {
        r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, line, offset,
                              "more than %zu rows", r->limits->max_rows);
        return NULL;
    }
    if (r->nrows == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->rows = slc_xrealloc(r->rows, r->cap * sizeof(slc_row));
    }
    slc_row *row = &r->rows[r->nrows++];
    row->line = line;
    row->offset = offset;
    row->ncells = ncells;
    row->cells = slc_arena_alloc(r->arena, (ncells + 1) * sizeof(char *));
    return row;
}

/* The text of a node's inlines, unescaped; breaks become `brk`. */
static void plain_text(cmark_node *node, slc_buf *out, const char *brk)
{
    slc_buf_clear(out);
    slc_buf_adds(out, "");
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            slc_buf_adds(out, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            slc_buf_adds(out, brk);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

static int key_in(const slc_keys *k, const char *s)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->v[i], s))
            return 1;
    return 0;
}

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t';
}

/* "5. サービス稼働率", "No.5 …", "５．…" (NFKC): 1 with the number and
 * where the name starts in h; 0 if h does not start with an item number. */
static int item_number(const char *h, int *no, size_t *name_off)
{
    size_t n = strlen(h), cut = n < 256 ? n : 256;
    while (cut < n && ((unsigned char)h[cut] & 0xC0) == 0x80)
        cut--;
    char *prefix = slc_xstrndup(h, cut);
    slc_mapped m;
    slc_text_map_nfkc(prefix, &m);
    size_t i = 0;
    int v = 0, digits = 0, ok = 0;
    while (i < m.n && is_space_cp(m.cp[i]))
        i++;
    if (i + 1 < m.n && (m.cp[i] == 'N' || m.cp[i] == 'n') &&
        (m.cp[i + 1] == 'o' || m.cp[i + 1] == 'O')) {
        i += 2;
        if (i < m.n && m.cp[i] == '.')
            i++;
        while (i < m.n && is_space_cp(m.cp[i]))
            i++;
    } else if (i < m.n && m.cp[i] == '#') {
        i++;
    }
    while (i < m.n && m.cp[i] >= '0' && m.cp[i] <= '9' && digits < 6) {
        v = v * 10 + (int)(m.cp[i] - '0');
        i++;
        digits++;
    }
    if (digits && v > 0) {
        if (i == m.n) {
            ok = 1;
        } else if (m.cp[i] == '.' || m.cp[i] == ')' || m.cp[i] == ':' || m.cp[i] == 0x3001 ||
                   is_space_cp(m.cp[i])) {
            i++;
            while (i < m.n && is_space_cp(m.cp[i]))
                i++;
            ok = 1;
        }
    }
    if (ok) {
        *no = v;
        *name_off = i < m.n ? slc_text_offset(prefix, m.orig[i]) : cut;
    }
    slc_mapped_release(&m);
    free(prefix);
    return ok;
}

static int group_key(const slc_catalog *cat, const char *fold)
{
    for (size_t i = 0; i < cat->ncategories; i++)
        if (key_in(&cat->categories[i].keys, fold))
            return 1;
    for (size_t i = 0; i < cat->nsections; i++)
        if (key_in(&cat->sections[i].keys, fold))
            return 1;
    return 0;
}

static int item_name_key(const slc_catalog *cat, const char *fold)
{
    for (size_t i = 0; i < cat->nitems; i++)
        if (key_in(&cat->items[i].name_keys, fold))
            return 1;
    return 0;
}

static const char *fold(md_reader *r, const char *s)
{
    slc_buf_clear(&r->key);
    slc_buf_adds(&r->key, "");
    if (strlen(s) <= 300)
        slc_text_fold(&r->key, s, strlen(s));
    return r->key.data;
}

static int is_comment_block(cmark_node *n)
{
    if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
        return 0;
    const char *s = cmark_node_get_literal(n);
    size_t l = strlen(s);
    while (l && (s[l - 1] == '\n' || s[l - 1] == '\r' || s[l - 1] == ' ' || s[l - 1] == '\t'))
        l--;
    while (*s == ' ')
        s++, l--;
    return l >= 7 && !strncmp(s, "<!--", 4) && !strncmp(s + l - 3, "-->", 3);
}

/* Around the text, placeholders (HTML comments) and rules (---) between
 * items are not part of it. */
static int is_filler(cmark_node *n)
{
    return is_comment_block(n) || cmark_node_get_type(n) == CMARK_NODE_THEMATIC_BREAK;
}

static int blank_to(const char *t, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (t[i] != ' ' && t[i] != '\t')
            return 0;
    return 1;
}

/* A fenced code block's content from its source text t[s,e) (cmark's
 * literal turns CR LF into LF); NULL if n is not a fenced block the writer
 * could have made (an info string other than "text", indented code). */
static const char *fenced_text(md_reader *r, cmark_node *n, size_t s, size_t e, size_t *len)
{
    const char *t = r->L.text;
    if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK)
        return NULL;
    const char *info = cmark_node_get_fence_info(n);
    if (info && *info && strcmp(info, "text"))
        return NULL;
    size_t i = s;
    while (i < e && i - s < 3 && t[i] == ' ')
        i++;
    char fc = i < e ? t[i] : 0;
    if (fc != '`' && fc != '~')
        return NULL; /* indented code */
    size_t flen = 0;
    while (i + flen < e && t[i + flen] == fc)
        flen++;
    if (flen < 3)
        return NULL;
    if (i > s) { /* an indented fence: cmark took the indentation off each line */
        const char *lit = cmark_node_get_literal(n);
        *len = strlen(lit);
        if (*len && lit[*len - 1] == '\n')
            (*len)--;
        return lit;
    }
    size_t cs = content_end(&r->L, s); /* past the opening fence's line */
    if (cs >= e)
        return *len = 0, "";
    cs += t[cs] == '\r' && cs + 1 < e && t[cs + 1] == '\n' ? 2 : 1;
    /* the last line: the closing fence, if it is one */
    size_t last = e;
    while (last > cs && !is_eol(t[last - 1]))
        last--;
    size_t j = last, k = 0;
    while (j < e && j - last < 3 && t[j] == ' ')
        j++;
    while (j < e && t[j] == fc)
        j++, k++;
    size_t ce = e;
    if (last >= cs && k >= flen && blank_to(t, j, e) && last > s) {
        ce = last; /* closed: the content ends with the line ending before it */
        if (ce > cs && t[ce - 1] == '\n') {
            ce--;
            if (r->crlf && ce > cs && t[ce - 1] == '\r')
                ce--;
        } else if (ce > cs && t[ce - 1] == '\r') {
            ce--;
        }
    }
    *len = ce > cs ? ce - cs : 0;
    return t + cs;
}

/* The text of the blocks collected for the answer (answer 1) or remarks,
 * up to `next`, the node that ended them (NULL: the end of the text).
 * cmark's end positions are not exact (an HTML block may end on the line
 * before, a list take in a blank line), so the text runs from the first
 * block's line to the line before `next`, blank lines at the end left out. */
static const char *region_text(md_reader *r, int answer, cmark_node *next, size_t *len)
{
    cmark_node **v = (cmark_node **)r->blocks.v;
    const char *t = r->L.text;
    size_t a = 0, b = r->blocks.n;
    *len = 0;
    if (answer && a < b && cmark_node_get_type(v[a]) == CMARK_NODE_BLOCK_QUOTE)
        a++; /* the hint */
    while (a < b && is_filler(v[a]))
        a++;
    while (b > a && is_filler(v[b - 1]))
        b--;
    if (a == b)
        return "";
    if (b < r->blocks.n)
        next = v[b];
    size_t s = line_start(&r->L, cmark_node_get_start_line(v[a]));
    size_t e = next ? line_start(&r->L, cmark_node_get_start_line(next)) : r->L.len;
    if (e < s)
        e = s;
    for (;;) {
        if (e > s && t[e - 1] == '\n') { /* the last line's ending */
            e--;
            if (e > s && t[e - 1] == '\r')
                e--;
        } else if (e > s && t[e - 1] == '\r') {
            e--;
        }
        size_t k = e;
        while (k > s && (t[k - 1] == ' ' || t[k - 1] == '\t'))
            k--;
        if (k > s && !is_eol(t[k - 1]))
            break; /* the last line has text */
        e = k;     /* a blank line: drop it */
        if (k == s)
            break;
    }
    const char *f;
    if (b - a == 1 && (f = fenced_text(r, v[a], s, e, len)))
        return f;
    *len = e - s;
    return t + s;
}

static const char *keep(md_reader *r, const char *s, size_t n, const char *what)
{
    if (n > r->limits->max_cell_bytes) {
        r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, r->line, r->offset,
                              "item %s: %s has more than %zu bytes", r->no, what,
                              r->limits->max_cell_bytes);
        return "";
    }
    return slc_arena_strndup(r->arena, s, n);
}

/* the answer's blocks end (at the remarks heading or the item's end) */
static void close_answer(md_reader *r, cmark_node *next)
{
    size_t n;
    const char *s = region_text(r, 1, next, &n);
    r->answer = keep(r, s, n, "the answer");
    r->blocks.n = 0;
}

static void finish_item(md_reader *r, cmark_node *next)
{
    if (!r->in_item)
        return;
    const char *remarks = "";
    if (!r->remarks_mode) {
        close_answer(r, next);
    } else {
        size_t n;
        const char *s = region_text(r, 0, next, &n);
        remarks = keep(r, s, n, "the remarks");
        r->blocks.n = 0;
    }
    r->in_item = 0;
    if (r->rc != SLC_OK)
        return;
    slc_row *row = add_row(r, r->line, r->offset, 4);
    if (!row)
        return;
    row->cells[0] = r->no;
    row->cells[1] = r->name;
    row->cells[2] = r->answer;
    row->cells[3] = remarks;
}

static void start_item(md_reader *r, cmark_node *h, const char *text, int no, size_t name_off)
{
    finish_item(r, h);
    if (r->rc != SLC_OK)
        return;
    r->line = cmark_node_get_start_line(h);
    r->offset = (long long)line_start(&r->L, r->line);
    if (!r->header_done) {
        /* the checklist's own header words, so alignment finds the columns */
        slc_row *row = add_row(r, r->line, r->offset, 4);
        if (!row)
            return;
        row->cells[0] = "No";
        row->cells[1] = "サービスレベル項目";
        row->cells[2] = "回答";
        row->cells[3] = "備考";
        r->header_done = 1;
    }
    char nb[16];
    snprintf(nb, sizeof(nb), "%d", no);
    r->no = slc_arena_strdup(r->arena, nb);
    const char *name = text + name_off;
    size_t nl = strlen(name);
    while (nl && (name[nl - 1] == ' ' || name[nl - 1] == '\t'))
        nl--;
    while (nl >= 3 && !memcmp(name + nl - 3, "\xE3\x80\x80", 3)) /* U+3000 */
        nl -= 3;
    if (nl > r->limits->max_cell_bytes) {
        r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, r->line, r->offset,
                              "item %d: heading has more than %zu bytes", no,
                              r->limits->max_cell_bytes);
        return;
    }
    if (nl) {
        r->name = slc_arena_strndup(r->arena, name, nl);
    } else {
        /* a bare number: the catalog's name, so the row is an item row */
        const slc_cat_item *it = slc_catalog_item(r->cat, no);
        r->name = it ? it->name.ja : r->no;
    }
    r->in_item = 1;
    r->seen_item = 1;
    r->remarks_mode = 0;
    r->answer = NULL;
    r->level = cmark_node_get_heading_level(h);
    r->blocks.n = 0;
}

/* "対象サービス: …" before the first item: offered to alignment as a row
 * of one cell, which takes it as metadata if the key is a metadata word. */
static void preamble_text(md_reader *r, cmark_node *n)
{
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_LIST) {
        for (cmark_node *item = cmark_node_first_child(n); item && r->rc == SLC_OK;
             item = cmark_node_next(item)) {
            cmark_node *p = cmark_node_first_child(item);
            if (p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH)
                preamble_text(r, p);
        }
        return;
    }
    if (t != CMARK_NODE_PARAGRAPH)
        return;
    plain_text(n, &r->tmp, "\n");
    if (r->tmp.len > 4096 || (!strchr(r->tmp.data, ':') && !strstr(r->tmp.data, "\xEF\xBC\x9A")))
        return;
    long line = cmark_node_get_start_line(n);
    slc_row *row = add_row(r, line, (long long)line_start(&r->L, line), 1);
    if (row)
        row->cells[0] = slc_arena_strndup(r->arena, r->tmp.data, r->tmp.len);
}

/* ---- GFM pipe tables (md_pipe.c splits the rows) ------------------------- */

static int is_br(const char *s)
{
    return !strncasecmp(s, "<br", 3) && (s[3] == '>' || s[3] == '/' || s[3] == ' ');
}

/* Raw HTML as text: tags dropped, <br> a line break. */
static void html_as_text(slc_buf *out, const char *s)
{
    while (*s) {
        if (*s == '<') {
            const char *e = strchr(s, '>');
            if (e) {
                if (is_br(s))
                    slc_buf_addc(out, '\n');
                s = e + 1;
                continue;
            }
        }
        if (*s != '\n' && *s != '\r')
            slc_buf_addc(out, *s);
        s++;
    }
}

/* A cell's inline Markdown as text (cmark's inlines: escapes, entities,
 * emphasis and code spans, link text; <br> a line break). The cell is one
 * line of a table: a leading "1." or "-" is not a list there. */
static const char *cell_text(md_reader *r, const char *raw)
{
    if (!strpbrk(raw, "\\`*_[]<>&!"))
        return raw; /* nothing Markdown would change */
    slc_buf_clear(&r->key);
    size_t d = strspn(raw, "0123456789");
    char c = raw[0];
    size_t hashes = strspn(raw, "#");
    if (c == '>' || (hashes && (raw[hashes] == ' ' || !raw[hashes])) ||
        (c && strchr("-+*", c) && (raw[1] == ' ' || raw[1] == '\t' || !raw[1])) ||
        (c && strchr("-*_", c) &&
         strspn(raw, c == '-'   ? "- "
                     : c == '*' ? "* "
                                : "_ ") == strlen(raw)))
        slc_buf_addc(&r->key, '\\'); /* a quote, heading, list item or rule */
    else if (d && (raw[d] == '.' || raw[d] == ')') &&
             (raw[d + 1] == ' ' || raw[d + 1] == '\t' || !raw[d + 1])) {
        slc_buf_add(&r->key, raw, d);
        slc_buf_addc(&r->key, '\\');
        raw += d;
    }
    slc_buf_adds(&r->key, raw);
    cmark_node *doc = cmark_parse_document(r->key.data, r->key.len, 0);
    slc_buf_clear(&r->tmp);
    slc_buf_adds(&r->tmp, "");
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        const char *lit = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            slc_buf_adds(&r->tmp, lit ? lit : "");
            break;
        case CMARK_NODE_CODE_BLOCK:
            slc_buf_adds(&r->tmp, lit ? lit : "");
            while (r->tmp.len && r->tmp.data[r->tmp.len - 1] == '\n')
                r->tmp.data[--r->tmp.len] = '\0';
            break;
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
            html_as_text(&r->tmp, lit ? lit : "");
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            slc_buf_addc(&r->tmp, '\n');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return slc_arena_strndup(r->arena, r->tmp.data, r->tmp.len);
}

/* A paragraph holding a pipe table (a header row, a delimiter row with as
 * many cells, then rows, one a line): its rows, each at its source line;
 * cells past the header's are dropped and missing ones empty, as GFM says.
 * Lines before the header are the paragraph's own. 1 if it was a table. */
static int read_table(md_reader *r, cmark_node *para)
{
    long first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
    long head = 0;
    size_t ncols = 0, nh = 0;
    for (long ln = first; ln < last && !head; ln++) {
        size_t a = line_start(&r->L, ln), e = content_end(&r->L, a);
        size_t b = line_start(&r->L, ln + 1), be = content_end(&r->L, b);
        size_t cols;
        if (!memchr(r->L.text + a, '|', e - a) ||
            !slc_md_pipe_delimiter(r->L.text + b, be - b, &cols))
            continue;
        slc_ptrs tmp = {0};
        slc_arena scratch;
        slc_arena_init(&scratch);
        nh = slc_md_pipe_cells(r->L.text + a, e - a, 0, &scratch, &tmp);
        slc_arena_release(&scratch);
        slc_ptrs_release(&tmp);
        if (nh == cols) {
            head = ln;
            ncols = cols;
        }
    }
    if (!head)
        return 0;
    if (ncols > r->limits->max_cells) {
        r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, head, -1,
                              "more than %zu cells in a row", r->limits->max_cells);
        return 1;
    }
    slc_ptrs cells = {0};
    for (long ln = head; ln <= last && r->rc == SLC_OK; ln++) {
        if (ln == head + 1)
            continue; /* the delimiter row */
        size_t a = line_start(&r->L, ln), e = content_end(&r->L, a);
        if (e - a > r->limits->max_cell_bytes * 4 + 4096) {
            r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, ln, (long long)a,
                                  "a table row of more than %zu bytes",
                                  r->limits->max_cell_bytes * 4 + 4096);
            break;
        }
        cells.n = 0;
        slc_md_pipe_cells(r->L.text + a, e - a, ncols, r->arena, &cells);
        slc_row *row = add_row(r, ln, (long long)a, ncols);
        if (!row)
            break;
        for (size_t c = 0; c < ncols && r->rc == SLC_OK; c++) {
            const char *t = c < cells.n ? cell_text(r, cells.v[c]) : "";
            if (strlen(t) > r->limits->max_cell_bytes)
                r->rc = slc_error_set(r->err, SLC_ERR_TOO_LARGE, r->path, ln, (long long)a,
                                      "more than %zu bytes in a cell", r->limits->max_cell_bytes);
            row->cells[c] = t;
        }
        row->cells[ncols] = NULL;
    }
    slc_ptrs_release(&cells);
    return 1;
}

static void on_heading(md_reader *r, cmark_node *n)
{
    plain_text(n, &r->tmp, " ");
    int no = 0;
    size_t name_off = 0;
    int level = cmark_node_get_heading_level(n);
    if (r->tmp.len <= 1u << 16 && item_number(r->tmp.data, &no, &name_off)) {
        /* "# 1. アプリケーション運用": a numbered section, not item 1 */
        const char *f = fold(r, r->tmp.data + name_off);
        if (!*f || item_name_key(r->cat, f) || !group_key(r->cat, f)) {
            char *text = slc_xstrdup(r->tmp.data);
            start_item(r, n, text, no, name_off);
            free(text);
            return;
        }
        finish_item(r, n);
        return;
    }
    if (!r->in_item)
        return;
    if (!r->remarks_mode && r->tmp.len <= 120 &&
        key_in(&r->cat->header_words[SLC_ROLE_REMARKS], fold(r, r->tmp.data))) {
        close_answer(r, n);
        r->remarks_mode = 1;
        return;
    }
    if (level <= r->level) {
        finish_item(r, n);
        return;
    }
    slc_ptrs_push(&r->blocks, n); /* a sub-heading of the answer */
}

static int ext_is(const char *path, const char *ext)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base && !strcasecmp(dot, ext);
}

/* An ATX heading starting with an item number: "## 5.", "### ５．", "# No.5 ". */
static int item_heading_line(const unsigned char *p, const unsigned char *end)
{
    int sp = 0, hashes = 0;
    while (p < end && *p == ' ' && sp < 3)
        p++, sp++;
    while (p < end && *p == '#' && hashes < 7)
        p++, hashes++;
    if (hashes < 1 || hashes > 6 || p >= end || (*p != ' ' && *p != '\t'))
        return 0;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p >= 2 && (p[0] == 'N' || p[0] == 'n') && (p[1] == 'o' || p[1] == 'O')) {
        p += 2;
        if (p < end && *p == '.')
            p++;
        while (p < end && *p == ' ')
            p++;
    }
    int digits = 0;
    for (;;) {
        if (p < end && *p >= '0' && *p <= '9')
            p++, digits++;
        else if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
            p += 3, digits++; /* U+FF10..FF19 */
        else
            break;
    }
    if (!digits || digits > 6)
        return 0;
    if (p >= end || *p == ' ' || *p == '\t' || *p == '.' || *p == ')' || *p == ':' || *p == '\r')
        return 1;
    if (end - p >= 3 &&
        ((p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8E || p[2] == 0x89 || p[2] == 0x9A)) ||
         (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x81))))
        return 1; /* ． ） ： U+3000 、 */
    return 0;
}

int slc_md_sniff(const char *path, const char *text, size_t len)
{
    if (path && (ext_is(path, ".md") || ext_is(path, ".markdown")))
        return 1;
    if (path && (ext_is(path, ".tsv") || ext_is(path, ".csv") || ext_is(path, ".xlsx")))
        return 0;
    size_t heads = 0, tabs = 0, i = 0, cols;
    int prev_pipe = 0, table = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        /* a pipe table: a row of pipes, then a delimiter row */
        if (prev_pipe && !table && slc_md_pipe_delimiter(text + i, e - i, &cols) && cols > 1)
            table = 1;
        prev_pipe = memchr(text + i, '|', e - i) != NULL;
        if (memchr(text + i, '\t', e - i))
            tabs++;
        else if (e > i && (text[i] == '#' || text[i] == ' '))
            heads += (size_t)item_heading_line((const unsigned char *)text + i,
                                               (const unsigned char *)text + e);
        i = e + 1;
    }
    return (heads >= 3 && heads > tabs) || (table && !tabs);
}

slc_status slc_md_read(const slc_catalog *cat, const char *text, size_t len,
                       const slc_limits *limits, slc_arena *arena, const char *path, slc_table *out,
                       slc_error *err)
{
    md_reader r;
    memset(&r, 0, sizeof(r));
    memset(out, 0, sizeof(*out));
    r.cat = cat;
    r.limits = limits;
    r.arena = arena;
    r.path = path ? path : "-";
    r.err = err;
    r.rc = SLC_OK;
    r.L.text = text;
    r.L.len = len;
    r.L.line = 1;
    slc_buf_init(&r.tmp);
    slc_buf_init(&r.key);
    for (size_t i = 0; i < len; i++)
        if (is_eol(text[i])) {
            r.crlf = text[i] == '\r' && i + 1 < len && text[i + 1] == '\n';
            break;
        }

    cmark_node *doc = slc_md_parse(text, len, CMARK_OPT_SOURCEPOS);
    if (!doc) {
        slc_buf_release(&r.tmp);
        slc_buf_release(&r.key);
        return slc_error_set(err, SLC_ERR_INTERNAL, r.path, 0, -1, "cmark could not parse");
    }
    for (cmark_node *n = cmark_node_first_child(doc); n && r.rc == SLC_OK; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
            on_heading(&r, n);
        else if (r.in_item)
            slc_ptrs_push(&r.blocks, n);
        else if (!r.seen_item &&
                 !(cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && read_table(&r, n)))
            preamble_text(&r, n);
    }
    if (r.rc == SLC_OK)
        finish_item(&r, NULL);
    cmark_node_free(doc);
    slc_ptrs_release(&r.blocks);
    slc_buf_release(&r.tmp);
    slc_buf_release(&r.key);
    if (r.rc != SLC_OK) {
        free(r.rows);
        return r.rc;
    }
    out->rows = r.rows;
    out->nrows = r.nrows;
    out->delimiter = 0;
    out->crlf = r.crlf;
    return SLC_OK;
}
