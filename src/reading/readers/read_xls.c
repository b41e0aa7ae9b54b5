/* read_xls.c - legacy Excel workbooks (.xls, BIFF8 and older) through
 * FreeXL (read_xls.h). FreeXL opens files by name only, so the bytes go to
 * a private temporary file first (removed as soon as FreeXL has read it).
 * Every worksheet is a candidate table and the loader keeps the one that
 * gives the most items, as for an .xlsx; a row's line is its spreadsheet
 * row number. Cells as FreeXL gives them: text (UTF-8, from the workbook's
 * code page), whole numbers, other numbers as Excel shows them in General,
 * dates and times as YYYY-MM-DD, YYYY-MM-DD HH:MM:SS and HH:MM:SS. FreeXL
 * does not give number formats: a percentage reads as its value (0.999).
 *
 * Containment: FreeXL is not safe on hostile bytes (damaged workbooks make
 * it read out of bounds), so it runs in a child process (the platform
 * module's: a fork, or on Windows this program again in a job object) with
 * limits on memory and CPU time. The child walks the workbook
 * and writes its non-empty cells to a pipe in a length-prefixed form; the
 * parent reads at most a bounded number of bytes, with a timeout while the
 * child is silent, checks every record, and accepts the rows only if the
 * child ended them and exited normally. A child that crashes, is killed or
 * says nothing makes the file unreadable (SLC_ERR_FORMAT), never slacheck.
 *
 * Bounds: rows, cells per row and bytes per cell (limits), and all sheets'
 * rows together, checked by the parent; an obfuscated (password-protected)
 * workbook is refused with what to do. */
#include "read_xls.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform.h"

#include <freexl.h>

#define MAX_SHEETS 256     /* worksheets considered, as for .xlsx */
#define CHILD_CPU_S 60     /* CPU seconds FreeXL may take on one workbook */
#define CHILD_SILENT_S 120 /* seconds the child may write nothing */
/* memory the child may add to what it starts with, beyond the file's */
#define CHILD_MEMORY_BYTES ((size_t)1 << 30)
/* the child's output may come to this plus 4 bytes per byte of the file */
#define PIPE_BASE_BYTES ((size_t)16 << 20)

/* The child's records: a tag byte, then 32-bit little-endian numbers. */
enum {
    REC_SHEET = 'S', /* a worksheet begins */
    REC_CELL = 'C',  /* row, column, length, then the cell's bytes */
    REC_OPEN = 'F',  /* freexl_open failed: its code */
    REC_PASSWORD = 'P',
    REC_DONE = 'D' /* the walk ended normally */
};

int slc_xls_sniff(const char *bytes, size_t n)
{
    return n >= 8 && !memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

/* FreeXL's error codes in words, for the message. */
static const char *freexl_words(int rc)
{
    switch (rc) {
    case FREEXL_INSUFFICIENT_MEMORY:
        return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
        return "a damaged compound file header";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
        return "truncated or damaged";
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
        return "a damaged sector table";
    case FREEXL_BIFF_INVALID_BOF:
        return "a damaged workbook stream";
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
        return "a damaged shared string table";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        return "no workbook stream";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
        return "text in a code page FreeXL cannot convert";
    case FREEXL_CRAFTED_FILE:
        return "a severely damaged (possibly crafted) file";
    default:
        return "unreadable";
    }
}

/* A number as Excel's General format shows it: up to 15 significant digits,
 * no exponent for ordinary magnitudes, no trailing zeros. */
static void general_number(char *out, size_t size, double v)
{
    if (!isfinite(v)) {
        snprintf(out, size, "#NUM!");
        return;
    }
    double a = fabs(v);
    if (a != 0 && (a >= 1e11 || a < 1e-9)) {
        snprintf(out, size, "%.6G", v);
        return;
    }
    snprintf(out, size, "%.15G", v);
    char *dot = strchr(out, '.');
    if (dot) {
        size_t k = strlen(out);
        while (k > 0 && out[k - 1] == '0')
            out[--k] = '\0';
        if (k > 0 && out[k - 1] == '.')
            out[--k] = '\0';
    }
    if (!strcmp(out, "-0"))
        snprintf(out, size, "0");
}

/* ---- the child: FreeXL's walk, written to a pipe ---- */

typedef struct pipe_out {
    int fd;
    size_t n;
    unsigned char buf[1 << 16];
} pipe_out;

static void out_flush(pipe_out *o)
{
    size_t done = 0;
    while (done < o->n) {
        ssize_t k = write(o->fd, o->buf + done, o->n - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            _exit(2); /* the parent stopped reading */
        done += (size_t)k;
    }
    o->n = 0;
}

static void out_bytes(pipe_out *o, const void *p, size_t n)
{
    const unsigned char *s = p;
    while (n) {
        if (o->n == sizeof(o->buf))
            out_flush(o);
        size_t k = sizeof(o->buf) - o->n;
        if (k > n)
            k = n;
        memcpy(o->buf + o->n, s, k);
        o->n += k;
        s += k;
        n -= k;
    }
}

static void out_u32(pipe_out *o, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    out_bytes(o, b, 4);
}

static void out_tag(pipe_out *o, int tag)
{
    unsigned char c = (unsigned char)tag;
    out_bytes(o, &c, 1);
}

/* One worksheet's non-empty cells, row by row. */
static void walk_sheet(const void *h, pipe_out *o)
{
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
        return; /* an empty or chart sheet */
    char num[64];
    for (unsigned int r = 0; r < rows; r++) {
        for (unsigned short c = 0; c < cols; c++) {
            FreeXL_CellValue val;
            if (freexl_get_cell_value(h, r, c, &val) != FREEXL_OK)
                break;
            const char *s = NULL;
            switch (val.type) {
            case FREEXL_CELL_INT:
                snprintf(num, sizeof(num), "%d", val.value.int_value);
                s = num;
                break;
            case FREEXL_CELL_DOUBLE:
                general_number(num, sizeof(num), val.value.double_value);
                s = num;
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                s = val.value.text_value;
                break;
            default:
                break;
            }
            if (!s || !*s)
                continue; /* an empty cell */
            size_t len = strlen(s);
            if (len > UINT32_MAX)
                len = UINT32_MAX; /* the parent refuses it by its limit */
            out_tag(o, REC_CELL);
            out_u32(o, r);
            out_u32(o, c);
            out_u32(o, (uint32_t)len);
            out_bytes(o, s, len);
        }
    }
}

/* The child's work (slc_xls_child): FreeXL on the file tmp, its cells as
 * records on fd. */
static int child_run(const char *tmp, int fd)
{
    static pipe_out o;
    o.fd = fd;
    o.n = 0;
    const void *h = NULL;
    int rc = freexl_open(tmp, &h);
    if (rc != FREEXL_OK) {
        out_tag(&o, REC_OPEN);
        out_u32(&o, (uint32_t)rc);
        out_tag(&o, REC_DONE);
        out_flush(&o);
        return 0;
    }
    unsigned int info = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
        info == FREEXL_BIFF_OBFUSCATED) {
        out_tag(&o, REC_PASSWORD);
    } else {
        unsigned int nsheets = 0;
        if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets) != FREEXL_OK)
            nsheets = 0;
        if (nsheets > MAX_SHEETS)
            nsheets = MAX_SHEETS;
        for (unsigned int i = 0; i < nsheets; i++) {
            if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK)
                continue;
            out_tag(&o, REC_SHEET);
            walk_sheet(h, &o);
        }
    }
    freexl_close(h);
    out_tag(&o, REC_DONE);
    out_flush(&o);
    return 0;
}

const slc_child_entry slc_xls_child = {"xls", child_run};

/* ---- the parent: the child's records, checked, into candidates ---- */

typedef struct xls {
    const slc_limits *lim;
    slc_arena *arena;
    const char *path;
    slc_error *err;
    size_t nrows; /* over all sheets */
    /* the sheet and the row being built */
    slc_row *v;
    size_t nv, cap;
    slc_ptrs cells;
    long line; /* of the row in cells, 0 for none */
} xls;

static slc_status damaged_output(xls *x, const char *what)
{
    return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                         "not a readable Excel 97-2003 workbook (.xls): FreeXL gave %s", what);
}

/* The row being built, if any, into the sheet. */
static slc_status end_row(xls *x)
{
    if (!x->line)
        return SLC_OK;
    long line = x->line;
    x->line = 0;
    if (x->nrows >= x->lim->max_rows)
        return slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, line, -1, "more than %zu rows",
                             x->lim->max_rows);
    x->nrows++;
    if (x->nv == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 64;
        x->v = slc_xrealloc(x->v, x->cap * sizeof(*x->v));
    }
    slc_row *row = &x->v[x->nv++];
    row->line = line;
    row->offset = 0;
    row->ncells = x->cells.n;
    row->cells = slc_arena_alloc(x->arena, (x->cells.n + 1) * sizeof(char *));
    for (size_t k = 0; k < x->cells.n; k++)
        row->cells[k] = x->cells.v[k];
    row->cells[x->cells.n] = NULL;
    x->cells.n = 0;
    return SLC_OK;
}

/* The sheet being built, if it has rows, into the candidates. */
static void end_sheet(xls *x, slc_tables *out)
{
    if (!x->nv) {
        free(x->v);
    } else {
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 4;
            out->v = slc_xrealloc(out->v, out->cap * sizeof(*out->v));
        }
        slc_table *t = &out->v[out->n++];
        memset(t, 0, sizeof(*t));
        t->rows = x->v;
        t->nrows = x->nv;
        t->delimiter = '\t';
    }
    x->v = NULL;
    x->nv = x->cap = 0;
}

static int take_u32(const unsigned char **p, const unsigned char *end, uint32_t *v)
{
    if (end - *p < 4)
        return 0;
    const unsigned char *b = *p;
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    *p += 4;
    return 1;
}

/* One cell record (after its tag) into the row being built. */
static slc_status take_cell(xls *x, const unsigned char **p, const unsigned char *end)
{
    uint32_t r, c, len;
    if (!take_u32(p, end, &r) || !take_u32(p, end, &c) || !take_u32(p, end, &len) ||
        (size_t)(end - *p) < len)
        return damaged_output(x, "a cut record");
    long line = (long)r + 1;
    if (line != x->line) {
        if (x->line && line < x->line)
            return damaged_output(x, "rows out of order");
        slc_status st = end_row(x);
        if (st != SLC_OK)
            return st;
        x->line = line;
    } else if ((size_t)c < x->cells.n) {
        return damaged_output(x, "cells out of order");
    }
    if (len > x->lim->max_cell_bytes)
        return slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, line, -1,
                             "column %u: more than %zu bytes in a cell", c + 1u,
                             x->lim->max_cell_bytes);
    if ((size_t)c >= x->lim->max_cells)
        return slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, line, -1,
                             "more than %zu cells in a row", x->lim->max_cells);
    while (x->cells.n < (size_t)c)
        slc_ptrs_push(&x->cells, (void *)"");
    slc_ptrs_push(&x->cells, slc_arena_strndup(x->arena, (const char *)*p, len));
    *p += len;
    return SLC_OK;
}

/* The child's whole output into candidates; SLC_OK only if it ended. */
static slc_status take_records(xls *x, const unsigned char *p, size_t n, slc_tables *out)
{
    const unsigned char *end = p + n;
    slc_status st = SLC_OK;
    while (st == SLC_OK) {
        if (p == end)
            return damaged_output(x, "no end to its output");
        int tag = *p++;
        uint32_t rc;
        switch (tag) {
        case REC_SHEET:
            st = end_row(x);
            end_sheet(x, out);
            break;
        case REC_CELL:
            st = take_cell(x, &p, end);
            break;
        case REC_OPEN:
            if (!take_u32(&p, end, &rc))
                return damaged_output(x, "a cut record");
            return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                                 "not a readable Excel 97-2003 workbook (.xls): %s (FreeXL %d)",
                                 freexl_words((int)rc), (int)rc);
        case REC_PASSWORD:
            return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                                 "the workbook is password-protected: save it without a password");
        case REC_DONE:
            if (p != end)
                return damaged_output(x, "bytes after its end");
            st = end_row(x);
            end_sheet(x, out);
            return st;
        default:
            return damaged_output(x, "an unknown record");
        }
    }
    return st;
}

/* Reads the child's output into *buf (at most max bytes); 0, or -1 with
 * *why set when the child was too slow or wrote too much. */
static int read_child(slc_child *c, slc_buf *buf, size_t max, const char **why)
{
    for (;;) {
        slc_buf_grow(buf, 1 << 16);
        long got = slc_child_read(c, buf->data + buf->len, buf->cap - buf->len - 1, CHILD_SILENT_S);
        if (got == -2) {
            *why = "silent";
            return -1;
        }
        if (got < 0) {
            *why = "unreadable";
            return -1;
        }
        if (got == 0)
            return 0;
        buf->len += (size_t)got;
        buf->data[buf->len] = '\0';
        if (buf->len > max) {
            *why = "too much";
            return -1;
        }
    }
}

/* Runs FreeXL on the file tmp in a child; its output in *buf. */
static slc_status run_child(xls *x, const char *tmp, size_t n, slc_buf *buf)
{
    slc_child *c = slc_child_start(&slc_xls_child, tmp, CHILD_CPU_S, CHILD_MEMORY_BYTES + n * 8);
    if (!c)
        return slc_error_set(x->err, SLC_ERR_IO, x->path, 0, -1,
                             "cannot start a process for FreeXL: %s", strerror(errno));
    size_t max = PIPE_BASE_BYTES + 4 * n;
    const char *why = NULL;
    int r = read_child(c, buf, max, &why);
    int code = 0;
    char what[64];
    slc_child_end end = slc_child_finish(c, r < 0, &code, what, sizeof(what));
    if (r < 0 && !strcmp(why, "too much"))
        return slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, 0, -1,
                             "the workbook's cells come to more than %zu bytes", max);
    if (r < 0 && !strcmp(why, "silent"))
        return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                             "not a readable Excel 97-2003 workbook (.xls): FreeXL wrote nothing "
                             "for %d seconds and was stopped",
                             CHILD_SILENT_S);
    if (r < 0)
        return damaged_output(x, "output that cannot be read");
    if (end == SLC_CHILD_STOPPED)
        return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                             "not a readable Excel 97-2003 workbook (.xls): FreeXL was "
                             "stopped after %d seconds of CPU time or at its memory limit",
                             CHILD_CPU_S);
    if (end == SLC_CHILD_CRASHED)
        return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                             "not a readable Excel 97-2003 workbook (.xls): FreeXL crashed on "
                             "it (%s), a damaged or crafted file; save it again as .xlsx",
                             what);
    if (code != 0)
        return slc_error_set(x->err, SLC_ERR_FORMAT, x->path, 0, -1,
                             "not a readable Excel 97-2003 workbook (.xls): FreeXL failed on it "
                             "(exit status %d), a damaged or crafted file; save it again as .xlsx",
                             code);
    return SLC_OK;
}

slc_status slc_xls_read(const char *bytes, size_t n, const slc_limits *limits, slc_arena *arena,
                        const char *path, slc_tables *out, slc_error *err)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    xls x = {limits ? limits : &def, arena, path ? path : "-", err, 0, NULL, 0, 0, {0}, 0};
    memset(out, 0, sizeof(*out));
    slc_status st = SLC_OK;
    slc_buf buf;
    slc_buf_init(&buf);

    /* FreeXL reads files only: a private copy, gone once it is read */
    char dir[4096], tmp[4200];
    slc_platform_temp_dir(dir, sizeof(dir));
    snprintf(tmp, sizeof(tmp), "%s/slacheck-xls-XXXXXX", dir);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return slc_error_set(err, SLC_ERR_IO, x.path, 0, -1,
                             "cannot make a temporary copy for FreeXL in %s: %s", dir,
                             strerror(errno));
    size_t done = 0;
    while (done < n) {
        ssize_t k = write(fd, bytes + done, n - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            st = slc_error_set(err, SLC_ERR_IO, x.path, 0, -1,
                               "cannot write a temporary copy for FreeXL: %s", strerror(errno));
            break;
        }
        done += (size_t)k;
    }
    close(fd);
    if (st == SLC_OK)
        st = run_child(&x, tmp, n, &buf);
    unlink(tmp);
    if (st == SLC_OK)
        st = take_records(&x, (const unsigned char *)buf.data, buf.len, out);
    free(x.v);
    slc_ptrs_release(&x.cells);
    slc_buf_release(&buf);
    if (st != SLC_OK)
        slc_tables_release(out);
    return st;
}
