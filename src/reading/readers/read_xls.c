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
 * Bounds: rows, cells per row and bytes per cell (limits), and all sheets'
 * rows together; an obfuscated (password-protected) workbook is refused
 * with what to do. FreeXL's own checks catch crafted sector chains. */
#include "read_xls.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <freexl.h>

#define MAX_SHEETS 256 /* worksheets considered, as for .xlsx */

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

typedef struct xls {
    const slc_limits *lim;
    slc_arena *arena;
    const char *path;
    slc_error *err;
    size_t nrows; /* over all sheets */
} xls;

/* One worksheet's rows into a candidate; SLC_OK or a limit. */
static slc_status read_sheet(xls *x, const void *h, slc_table *t)
{
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
        return SLC_OK; /* an empty or chart sheet */
    slc_row *v = NULL;
    size_t nv = 0, cap = 0;
    slc_ptrs cells = {0};
    slc_status st = SLC_OK;
    char num[64];
    for (unsigned int r = 0; r < rows && st == SLC_OK; r++) {
        cells.n = 0;
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
            if (len > x->lim->max_cell_bytes) {
                st = slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, (long)r + 1, -1,
                                   "column %u: more than %zu bytes in a cell", c + 1u,
                                   x->lim->max_cell_bytes);
                break;
            }
            if ((size_t)c >= x->lim->max_cells) {
                st = slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, (long)r + 1, -1,
                                   "more than %zu cells in a row", x->lim->max_cells);
                break;
            }
            while (cells.n < (size_t)c)
                slc_ptrs_push(&cells, (void *)"");
            slc_ptrs_push(&cells, slc_arena_strndup(x->arena, s, len));
        }
        if (st != SLC_OK || !cells.n)
            continue; /* blank rows are no rows, as in the .xlsx reader */
        if (x->nrows >= x->lim->max_rows) {
            st = slc_error_set(x->err, SLC_ERR_TOO_LARGE, x->path, (long)r + 1, -1,
                               "more than %zu rows", x->lim->max_rows);
            break;
        }
        x->nrows++;
        if (nv == cap) {
            cap = cap ? cap * 2 : 64;
            v = slc_xrealloc(v, cap * sizeof(*v));
        }
        slc_row *row = &v[nv++];
        row->line = (long)r + 1;
        row->offset = 0;
        row->ncells = cells.n;
        row->cells = slc_arena_alloc(x->arena, (cells.n + 1) * sizeof(char *));
        for (size_t k = 0; k < cells.n; k++)
            row->cells[k] = cells.v[k];
        row->cells[cells.n] = NULL;
    }
    slc_ptrs_release(&cells);
    if (st != SLC_OK) {
        free(v);
        return st;
    }
    t->rows = v;
    t->nrows = nv;
    t->delimiter = '\t';
    return SLC_OK;
}

slc_status slc_xls_read(const char *bytes, size_t n, const slc_limits *limits, slc_arena *arena,
                        const char *path, slc_tables *out, slc_error *err)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    xls x = {limits ? limits : &def, arena, path ? path : "-", err, 0};
    memset(out, 0, sizeof(*out));
    const void *h = NULL;
    slc_status st = SLC_OK;

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
    int rc = st == SLC_OK ? freexl_open(tmp, &h) : FREEXL_OK;
    unlink(tmp);
    if (st != SLC_OK)
        goto done;
    if (rc != FREEXL_OK) {
        st = slc_error_set(err, SLC_ERR_FORMAT, x.path, 0, -1,
                           "not a readable Excel 97-2003 workbook (.xls): %s (FreeXL %d)",
                           freexl_words(rc), rc);
        goto done;
    }
    unsigned int info = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
        info == FREEXL_BIFF_OBFUSCATED) {
        st = slc_error_set(err, SLC_ERR_FORMAT, x.path, 0, -1,
                           "the workbook is password-protected: save it without a password");
        goto done;
    }
    unsigned int nsheets = 0;
    if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets) != FREEXL_OK)
        nsheets = 0;
    if (nsheets > MAX_SHEETS)
        nsheets = MAX_SHEETS;
    for (unsigned int i = 0; i < nsheets; i++) {
        if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK)
            continue;
        slc_table t = {0};
        st = read_sheet(&x, h, &t);
        if (st != SLC_OK)
            break;
        if (!t.nrows) {
            free(t.rows);
            continue;
        }
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 4;
            out->v = slc_xrealloc(out->v, out->cap * sizeof(*out->v));
        }
        out->v[out->n++] = t;
    }
done:
    if (h)
        freexl_close(h);
    if (st != SLC_OK)
        slc_tables_release(out);
    return st;
}
