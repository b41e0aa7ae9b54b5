/* read_csv.c - the CSV/TSV reader: records and cells through libcsv. */
#include "read_csv.h"

#include <string.h>

#include <csv.h>

char slc_rows_sniff(const char *text, size_t len)
{
    static const char cands[] = {'\t', ',', ';'};
    size_t lines[3] = {0, 0, 0};
    size_t seen = 0, i = 0;
    while (i < len && seen < 40) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        int has[3] = {0, 0, 0};
        if (!memchr(text + i, '"', end - i)) { /* the usual line: no quotes */
            for (int k = 0; k < 3; k++)
                has[k] = memchr(text + i, cands[k], end - i) != NULL;
        } else {
            int inq = 0;
            for (size_t j = i; j < end; j++) {
                char c = text[j];
                if (c == '"')
                    inq = !inq;
                else if (!inq)
                    for (int k = 0; k < 3; k++)
                        has[k] |= c == cands[k];
            }
        }
        for (int k = 0; k < 3; k++)
            lines[k] += (size_t)has[k];
        seen++;
        i = end + 1;
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (lines[k] > lines[best])
            best = k;
    return cands[best];
}

typedef struct parse_state {
    slc_arena *arena;
    const slc_limits *limits;
    slc_ptrs cells; /* cells of the record being built */
    slc_row *rows;
    size_t nrows, cap;
    long line, start_line;
    long long start_offset;
    size_t ncells; /* kept in all rows so far */
    int overflow;  /* which limit was hit, 0 if none */
    char delimiter;
} parse_state;

/* Cells kept in one table, a bound on memory: rows x cells per row allow
 * 100 million, which a 64 MiB file of tabs reaches (some 16 bytes each).
 * Empty cells at the end of a row are not kept, so only cells before a
 * row's last non-empty one count. */
#define MAX_TABLE_CELLS 4000000u

static int formula_guarded(const char *s, size_t n);

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void on_field(void *s, size_t n, void *data)
{
    parse_state *st = data;
    if (st->overflow)
        return;
    if (n > st->limits->max_cell_bytes) {
        st->overflow = 3;
        return;
    }
    if (st->cells.n >= st->limits->max_cells) {
        st->overflow = 2;
        return;
    }
    const char *c = s ? s : "";
    if (st->delimiter != '\t' && formula_guarded(c, n)) /* the CSV rule, undone */
        c++, n--;
    /* empty cells share one string: a file of tabs costs a pointer a cell */
    slc_ptrs_push(&st->cells, s && n ? slc_arena_strndup(st->arena, c, n) : (char *)"");
}

static void on_record(int term, void *data)
{
    parse_state *st = data;
    (void)term;
    if (st->overflow)
        return;
    if (st->nrows >= st->limits->max_rows) {
        st->overflow = 1;
        return;
    }
    while (st->cells.n && !*(const char *)st->cells.v[st->cells.n - 1])
        st->cells.n--; /* empty cells at the end of a row say nothing */
    if (st->cells.n > MAX_TABLE_CELLS - st->ncells) {
        st->overflow = 4;
        return;
    }
    st->ncells += st->cells.n;
    if (st->nrows == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->rows = slc_xrealloc(st->rows, st->cap * sizeof(*st->rows));
    }
    slc_row *r = &st->rows[st->nrows++];
    r->line = st->start_line;
    r->offset = st->start_offset;
    r->ncells = st->cells.n;
    r->cells = slc_arena_alloc(st->arena, (st->cells.n ? st->cells.n : 1) * sizeof(char *));
    for (size_t i = 0; i < st->cells.n; i++)
        r->cells[i] = st->cells.v[i];
    st->cells.n = 0;
}

/* libcsv's parser states (see libcsv.c): a record not begun, a field begun */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_BEGUN 2
/* a quote character that never occurs in decoded (valid UTF-8) text */
#define NO_QUOTE 0xFF

enum { PASS_OK, PASS_MALFORMED, PASS_UNTERMINATED, PASS_FAILED };

/* csv_parse in slices, so that a cell over the limit is refused as it
 * grows, not after libcsv has buffered all of it (a 50 MB line); returns
 * what csv_parse would, or n once a limit is hit (st->overflow set). */
static size_t feed(struct csv_parser *p, const char *s, size_t n, parse_state *st)
{
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < 65536 ? n - done : 65536;
        size_t used = csv_parse(p, s + done, k, on_field, on_record, st);
        done += used;
        if (st->overflow)
            return n;
        if (p->entry_pos > st->limits->max_cell_bytes) {
            st->overflow = 3;
            return n;
        }
        if (used != k)
            return done;
    }
    return done;
}

/* One pass of libcsv over text. strict: stop at a malformed quote (a quote
 * inside an unquoted field, or text after a closing quote). quote: '"' or
 * NO_QUOTE (quotes are plain characters). *where gets the line and offset
 * of a malformed or unterminated field. */
static int parse_pass(const char *text, size_t len, char delimiter, unsigned char quote, int strict,
                      parse_state *st, slc_table *out, long *line_out, long long *off_out,
                      const char *path, slc_error *err)
{
    struct csv_parser p;
    int rc = PASS_OK;

    if (csv_init(&p, (unsigned char)(CSV_APPEND_NULL | (strict ? CSV_STRICT : 0))) != 0) {
        slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "csv_init failed");
        return PASS_FAILED;
    }
    csv_set_delim(&p, (unsigned char)delimiter);
    csv_set_quote(&p, quote);
    csv_set_space_func(&p, no_space);
    csv_set_blk_size(&p, 65536); /* libcsv grows a cell by this much at a time */

    /* Feed one physical line at a time so each record knows where it began:
     * a record starts on the line fed while the parser has no row begun. */
    size_t i = 0;
    long line = 0;
    while (i < len && !st->overflow) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        line++;
        if (line == 1 && end >= 2 && text[end - 1] == '\n' && text[end - 2] == '\r')
            out->crlf = 1;
        if (p.pstate == CSV_STATE_ROW_NOT_BEGUN) {
            st->start_line = line;
            st->start_offset = (long long)i;
        }
        size_t used = feed(&p, text + i, end - i, st);
        /* a quote inside an unquoted field (約款の"SLA") is the vendor's text:
         * feed it as a plain character and go on strictly */
        while (used < end - i && csv_error(&p) == CSV_EPARSE && p.pstate == CSV_STATE_FIELD_BEGUN &&
               !p.quoted && text[i + used] == '"') {
            p.status = 0;
            csv_set_quote(&p, NO_QUOTE);
            size_t one = csv_parse(&p, text + i + used, 1, on_field, on_record, st);
            csv_set_quote(&p, quote);
            if (one != 1)
                break;
            used++;
            used += feed(&p, text + i + used, end - i - used, st);
        }
        if (used != end - i) {
            *line_out = line;
            *off_out = (long long)(i + used);
            rc = csv_error(&p) == CSV_EPARSE ? PASS_MALFORMED : PASS_FAILED;
            if (rc == PASS_FAILED)
                slc_error_set(err, SLC_ERR_FORMAT, path, line, (long long)i, "%s",
                              csv_strerror(csv_error(&p)));
            goto done;
        }
        i = end;
    }
    /* a quoted field still open at the end (libcsv checks this only in
     * strict mode, so look at its state) */
    if (!st->overflow && p.pstate == CSV_STATE_FIELD_BEGUN && p.quoted) {
        *line_out = st->start_line;
        *off_out = st->start_offset;
        rc = PASS_UNTERMINATED;
        goto done;
    }
    if (!st->overflow)
        csv_fini(&p, on_field, on_record, st);
done:
    csv_free(&p);
    return rc;
}

slc_status slc_rows_parse(const char *text, size_t len, char delimiter, const slc_limits *limits,
                          slc_arena *arena, const char *path, slc_table *out, slc_error *err)
{
    parse_state st;
    slc_status rc = SLC_OK;
    long bad_line = 0;
    long long bad_off = -1;

    memset(out, 0, sizeof(*out));
    memset(&st, 0, sizeof(st));
    st.arena = arena;
    st.limits = limits;
    if (!delimiter)
        delimiter = slc_rows_sniff(text, len);
    out->delimiter = delimiter;
    st.delimiter = delimiter;

    /* Quoted fields as Excel writes them. If the quotes break those rules
     * (text after a closing quote, a quote never closed), in a TSV they are
     * the vendor's own text ("SLA" 99.9%): read it again with quotes as plain
     * characters. A CSV cannot be split without its quotes: an error, never
     * a silent guess (libcsv's lenient mode would swallow the following rows). */
    int r = parse_pass(text, len, delimiter, '"', 1, &st, out, &bad_line, &bad_off, path, err);
    if ((r == PASS_MALFORMED || r == PASS_UNTERMINATED) && delimiter == '\t') {
        st.nrows = 0;
        st.cells.n = 0;
        st.overflow = 0;
        r = parse_pass(text, len, delimiter, NO_QUOTE, 0, &st, out, &bad_line, &bad_off, path, err);
    }
    if (r == PASS_FAILED) {
        rc = err ? err->status : SLC_ERR_FORMAT;
        goto done;
    }
    if (r != PASS_OK) {
        rc = slc_error_set(err, SLC_ERR_FORMAT, path, bad_line, bad_off, "%s",
                           r == PASS_MALFORMED ? "text after the closing quote of a quoted field"
                                               : "unterminated quoted field");
        goto done;
    }
    if (st.overflow) {
        static const char *what[] = {"", "rows", "cells in a row", "bytes in a cell",
                                     "cells in the table (before each row's last non-empty one)"};
        size_t lim = st.overflow == 1   ? limits->max_rows
                     : st.overflow == 2 ? limits->max_cells
                     : st.overflow == 3 ? limits->max_cell_bytes
                                        : MAX_TABLE_CELLS;
        rc = slc_error_set(err, SLC_ERR_TOO_LARGE, path, st.start_line, st.start_offset,
                           "more than %zu %s", lim, what[st.overflow]);
        goto done;
    }
    out->rows = st.rows;
    out->nrows = st.nrows;
    st.rows = NULL;
done:
    free(st.rows);
    slc_ptrs_release(&st.cells);
    return rc;
}

void slc_table_release(slc_table *t)
{
    if (!t)
        return;
    free(t->rows);
    memset(t, 0, sizeof(*t));
}

void slc_rows_locate(const char *text, size_t len, size_t offset, long line, char delimiter,
                     size_t index, long *cell_line, long *cell_col)
{
    size_t i = offset, line_start = offset;
    for (size_t cell = 0; cell < index && i < len; cell++) {
        if (text[i] == '"') { /* quoted: to the closing quote ("" is a quote) */
            for (i++; i < len; i++) {
                if (text[i] == '\n') {
                    line++;
                    line_start = i + 1;
                } else if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"')
                        i++;
                    else
                        break;
                }
            }
        }
        while (i < len && text[i] != delimiter && text[i] != '\n')
            i++;
        if (i < len && text[i] == delimiter)
            i++;
        else
            break;
    }
    long col = 1;
    for (size_t k = line_start; k < i && k < len; k++)
        col += ((unsigned char)text[k] & 0xC0) != 0x80;
    *cell_line = line;
    *cell_col = col;
}

/* Spreadsheets read a CSV cell that starts with one of these as a formula
 * (OWASP, CSV injection): = + - @ tab CR. */
static int formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* The CSV rule: a cell that starts with a formula character, or with an
 * apostrophe and then one of those or another apostrophe, is written with
 * one more apostrophe in front ("=1" as "'=1"); reading a CSV drops it
 * again, so the round trip is exact and a cell that merely starts with an
 * apostrophe ("'x") is left alone both ways. */
static int formula_guarded(const char *s, size_t n)
{
    return n >= 2 && s[0] == '\'' && (s[1] == '\'' || formula_start(s[1]));
}

/* one field, quoted (quotes doubled) only when it must be */
static void write_quoted(slc_buf *out, const char *s, size_t n, char delimiter)
{
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == delimiter || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    /* a leading space would be lost by readers that trim */
    if (!quote) {
        slc_buf_add(out, s, n);
        return;
    }
    size_t need = csv_write2(NULL, 0, s, n, '"');
    slc_buf_grow(out, need);
    csv_write2(out->data + out->len, need, s, n, '"');
    out->len += need;
    out->data[out->len] = '\0';
}

void slc_rows_write_field(slc_buf *out, const char *s, size_t n, char delimiter)
{
    if (delimiter == '\t' || !n || !(formula_start(s[0]) || formula_guarded(s, n))) {
        write_quoted(out, s, n, delimiter);
        return;
    }
    slc_buf guarded;
    slc_buf_init(&guarded);
    slc_buf_addc(&guarded, '\'');
    slc_buf_add(&guarded, s, n);
    write_quoted(out, guarded.data, guarded.len, delimiter);
    slc_buf_release(&guarded);
}

void slc_rows_write_cell(slc_buf *out, const char *s, char delimiter, int last)
{
    slc_rows_write_field(out, s ? s : "", s ? strlen(s) : 0, delimiter);
    slc_buf_add(out, last ? "\n" : &delimiter, 1);
}

void slc_rows_write_bom(slc_buf *out, char delimiter)
{
    if (delimiter == ',')
        slc_buf_adds(out, "\xEF\xBB\xBF");
}
