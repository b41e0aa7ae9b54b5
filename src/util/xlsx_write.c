/* xlsx_write.c - what both workbooks need from libxlsxwriter (see
 * xlsx_write.h): escaped cell text, UTF-16 counting, the first error and
 * where it happened, and a close that keeps libxlsxwriter quiet. */
#include "xlsx_write.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

/* ---- text ---------------------------------------------------------------- */

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* "_xHHHH_", which Excel reads as an escaped UTF-16 unit */
static int is_escape_seq(const char *s)
{
    return s[0] == '_' && (s[1] == 'x' || s[1] == 'X') && is_hex(s[2]) && is_hex(s[3]) &&
           is_hex(s[4]) && is_hex(s[5]) && s[6] == '_';
}

int slc_xlsx_is_nonchar(const char *s)
{
    return (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
           ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF);
}

const char *slc_xlsx_text(const char *s, slc_buf *esc)
{
    const char *p = s;
    for (; *p; p++)
        if ((*p == '_' && is_escape_seq(p)) || slc_xlsx_is_nonchar(p))
            break;
    if (!*p)
        return s;
    slc_buf_clear(esc);
    slc_buf_add(esc, s, (size_t)(p - s));
    for (; *p; p++) {
        if (*p == '_' && is_escape_seq(p)) {
            slc_buf_adds(esc, "_x005F_");
        } else if (slc_xlsx_is_nonchar(p)) {
            slc_buf_adds(esc, (unsigned char)p[2] == 0xBE ? "_xFFFE_" : "_xFFFF_");
            p += 2;
        } else {
            slc_buf_addc(esc, *p);
        }
    }
    return esc->data;
}

size_t slc_xlsx_cp_bytes(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

size_t slc_xlsx_utf16_units(const char *s)
{
    size_t n = 0;
    for (; *s; s += slc_xlsx_cp_bytes((unsigned char)*s))
        n += slc_xlsx_cp_bytes((unsigned char)*s) == 4 ? 2 : 1;
    return n;
}

double slc_xlsx_text_width(const char *s)
{
    double best = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        double wd = (double)slc_text_width(s, n);
        if (wd > best)
            best = wd;
        s += n + (nl != NULL);
    }
    return best;
}

/* ---- row heights --------------------------------------------------------- */

typedef struct slc_xlsx_line {
    lxw_row_t row;
    lxw_col_t col;
    unsigned first; /* the first line of its cell */
    double width;   /* display width */
} slc_xlsx_line;

#define ROW_PT_MAX 409.0 /* Excel: the tallest row */

void slc_xlsx_fit_init(slc_xlsx_fit *f)
{
    memset(f, 0, sizeof(*f));
}

void slc_xlsx_fit_release(slc_xlsx_fit *f)
{
    free(f->v);
    memset(f, 0, sizeof(*f));
}

void slc_xlsx_fit_note(slc_xlsx_fit *f, lxw_row_t row, lxw_col_t col, const char *s)
{
    unsigned first = 1;
    while (s && *s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (f->n == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 256;
            f->v = slc_xrealloc(f->v, f->cap * sizeof(*f->v));
        }
        f->v[f->n++] = (slc_xlsx_line){row, col, first, (double)slc_text_width(s, n)};
        first = 0;
        s += n + (nl != NULL);
    }
}

double slc_xlsx_lines(double w, double width)
{
    /* a column shows about width - 1 characters beside its padding; words
     * wrap whole, so a line holds a little less than it could */
    double room = width > 2 ? (width - 1) * 0.92 : 1;
    double lines = 1;
    while (w > room * lines)
        lines++;
    return lines;
}

lxw_error slc_xlsx_fit_rows(const slc_xlsx_fit *f, lxw_worksheet *ws, const double *width,
                            size_t ncols)
{
    lxw_row_t rows = 0;
    for (size_t k = 0; k < f->n; k++)
        if (f->v[k].row + 1 > rows)
            rows = f->v[k].row + 1;
    if (!rows)
        return LXW_NO_ERROR;
    double *need = slc_xcalloc(rows, sizeof(double));
    double cell = 0;
    for (size_t k = 0; k < f->n; k++) {
        const slc_xlsx_line *l = &f->v[k];
        if (l->col >= ncols)
            continue;
        cell = l->first ? 0 : cell;
        cell += slc_xlsx_lines(l->width, width[l->col]);
        if (cell > need[l->row])
            need[l->row] = cell;
    }
    lxw_error rc = LXW_NO_ERROR;
    for (lxw_row_t r = 0; r < rows && rc == LXW_NO_ERROR; r++) {
        if (need[r] <= 1)
            continue;
        double pt = need[r] * SLC_XLSX_LINE_PT + 2;
        rc = worksheet_set_row(ws, r, pt < ROW_PT_MAX ? pt : ROW_PT_MAX, NULL);
    }
    free(need);
    return rc;
}

/* ---- errors -------------------------------------------------------------- */

int slc_xlsx_failed(const slc_xlsx_errors *e)
{
    return e->rc != LXW_NO_ERROR;
}

void slc_xlsx_note(slc_xlsx_errors *e, lxw_error rc, const char *sheet, lxw_row_t row,
                   lxw_col_t col)
{
    if (rc == LXW_NO_ERROR || slc_xlsx_failed(e))
        return;
    e->rc = rc;
    if (sheet) {
        char cell[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(cell, row, col);
        snprintf(e->where, sizeof(e->where), "In sheet %s, cell %s.", sheet, cell);
    }
}

slc_status slc_xlsx_status(lxw_error rc)
{
    switch (rc) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return SLC_ERR_IO;
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
        return SLC_ERR_TOO_LARGE;
    default:
        return SLC_ERR_INTERNAL;
    }
}

/* ---- cells and the workbook ---------------------------------------------- */

lxw_error slc_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                              lxw_format *f, slc_buf *esc)
{
    if (!s || !*s)
        return f ? worksheet_write_blank(ws, row, col, f) : LXW_NO_ERROR;
    const char *t = slc_xlsx_text(s, esc);
    if (slc_xlsx_utf16_units(t) > SLC_XLSX_CELL_TEXT_MAX)
        return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    return worksheet_write_string(ws, row, col, t, f);
}

const char *slc_xlsx_cut_text(const char *s, const char *marker, slc_buf *cut, slc_buf *esc,
                              int *was_cut)
{
    const char *t = slc_xlsx_text(s, esc);
    size_t units = slc_xlsx_utf16_units(t);
    *was_cut = units > SLC_XLSX_CELL_TEXT_MAX;
    if (!*was_cut)
        return t;
    size_t mark = slc_xlsx_utf16_units(marker);
    size_t budget = mark < SLC_XLSX_CELL_TEXT_MAX ? SLC_XLSX_CELL_TEXT_MAX - mark : 0;
    /* escaping may lengthen the prefix: shorten it by the excess until it fits */
    for (;;) {
        size_t k = 0, u = 0;
        while (s[k]) {
            size_t b = slc_xlsx_cp_bytes((unsigned char)s[k]);
            size_t w = b == 4 ? 2 : 1;
            if (u + w > budget)
                break;
            u += w;
            k += b;
        }
        slc_buf_clear(cut);
        slc_buf_add(cut, s, k);
        slc_buf_adds(cut, marker);
        t = slc_xlsx_text(cut->data, esc);
        units = slc_xlsx_utf16_units(t);
        if (units <= SLC_XLSX_CELL_TEXT_MAX || !budget)
            return t;
        size_t over = units - SLC_XLSX_CELL_TEXT_MAX;
        budget = over < budget ? budget - over : 0;
    }
}

lxw_error slc_xlsx_write_cut(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                             const char *marker, lxw_format *f, slc_buf *esc)
{
    if (!s || !*s)
        return slc_xlsx_write_text(ws, row, col, s, f, esc);
    slc_buf cut;
    slc_buf_init(&cut);
    int was_cut;
    const char *t = slc_xlsx_cut_text(s, marker, &cut, esc, &was_cut);
    lxw_error rc = slc_xlsx_utf16_units(t) > SLC_XLSX_CELL_TEXT_MAX
                       ? LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                       : worksheet_write_string(ws, row, col, t, f);
    slc_buf_release(&cut);
    return rc;
}

/* workbook_close() tells of its failures on stderr itself ("[ERROR]
 * workbook_close(): ... System error = No space left on device"); a writer
 * never prints, so while it runs standard error goes to a temporary file,
 * and the system's words are kept for the error's detail. */
typedef struct quiet {
    int saved; /* the real standard error, or -1 */
    FILE *cap; /* what the library wrote, or NULL (then /dev/null) */
} quiet;

static void quiet_begin(quiet *q)
{
    fflush(stderr);
    q->cap = tmpfile();
    int fd = q->cap ? fileno(q->cap) : open(slc_platform_null_device(), O_WRONLY);
    q->saved = fd >= 0 ? dup(STDERR_FILENO) : -1;
    if (q->saved >= 0 && dup2(fd, STDERR_FILENO) < 0) {
        close(q->saved);
        q->saved = -1;
    }
    if (!q->cap && fd >= 0)
        close(fd);
}

/* ends the capture; reason gets the system error it named, if any */
static void quiet_end(quiet *q, char *reason, size_t n)
{
    reason[0] = '\0';
    fflush(stderr);
    if (q->saved >= 0) {
        dup2(q->saved, STDERR_FILENO);
        close(q->saved);
    }
    if (!q->cap)
        return;
    char text[1024];
    rewind(q->cap);
    size_t len = fread(text, 1, sizeof(text) - 1, q->cap);
    text[len] = '\0';
    fclose(q->cap);
    const char *p = strstr(text, "System error = ");
    if (p) {
        p += strlen("System error = ");
        size_t k = strcspn(p, "\r\n");
        snprintf(reason, n, "%.*s", (int)k, p);
    }
}

slc_status slc_xlsx_close(lxw_workbook *wb, const slc_xlsx_errors *e, const char *path,
                          slc_error *err)
{
    quiet q;
    char reason[256];
    quiet_begin(&q);
    lxw_error closed = workbook_close(wb); /* also frees the workbook */
    quiet_end(&q, reason, sizeof(reason));
    if (slc_xlsx_failed(e))
        return slc_error_set(err, slc_xlsx_status(e->rc), path, 0, -1, "%s%s%s",
                             lxw_strerror(e->rc), e->where[0] ? " " : "", e->where);
    if (closed != LXW_NO_ERROR)
        return slc_error_set(err, slc_xlsx_status(closed), path, 0, -1, "%s%s%s",
                             lxw_strerror(closed), reason[0] ? " " : "", reason);
    return SLC_OK;
}

time_t slc_xlsx_created(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (!e || !*e)
        return 0;
    char *end;
    long long t = strtoll(e, &end, 10);
    return *end || t <= 0 ? 0 : (time_t)t;
}
