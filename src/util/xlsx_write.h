/* xlsx_write.h - what both workbooks need from libxlsxwriter: the report
 * (export_xlsx.c) and the template vendors fill in (author_xlsx.c).
 *
 * Text is always written as a string cell, never as a formula, and comes
 * back byte for byte: Excel reads "_xHHHH_" in a string as an escaped
 * UTF-16 unit, so a literal one is escaped itself ("_x005F_"), as are the
 * two code points XML 1.0 cannot carry (U+FFFE, U+FFFF); libxlsxwriter
 * escapes control characters and carriage returns. The first failure is
 * kept with the cell it concerned, later writes are skipped, and closing
 * the workbook turns it into an slc_error without libxlsxwriter printing. */
#ifndef SLC_XLSX_WRITE_H
#define SLC_XLSX_WRITE_H

#include <stddef.h>

#include <time.h>

#include <xlsxwriter.h>

#include "status.h"
#include "util.h"

#define SLC_XLSX_CELL_TEXT_MAX 32767 /* Excel: UTF-16 units in one cell */

/* ---- text ---------------------------------------------------------------- */

/* 1 if s starts with U+FFFE or U+FFFF (three bytes), which XML cannot carry. */
int slc_xlsx_is_nonchar(const char *s);

/* s as libxlsxwriter must be given it to read back unchanged: s itself when
 * nothing needs escaping, else esc's data (esc is cleared and refilled). */
const char *slc_xlsx_text(const char *s, slc_buf *esc);

/* Bytes of the UTF-8 sequence that starts with lead byte c. */
size_t slc_xlsx_cp_bytes(unsigned char c);

/* UTF-16 units of valid UTF-8 s: Excel's limits count these. */
size_t slc_xlsx_utf16_units(const char *s);

/* Display width of the widest line of s, in Excel character units (a wide
 * glyph counts two). */
double slc_xlsx_text_width(const char *s);

/* ---- row heights --------------------------------------------------------- */

/* LibreOffice does not fit rows to wrapped text when it opens a workbook,
 * and Excel only for rows it never saw a height for: a writer notes the
 * text of each wrapped cell as it writes it and, once the column widths
 * are known, sets each row's height from the lines its tallest cell needs. */
typedef struct slc_xlsx_fit {
    struct slc_xlsx_line *v; /* one per line of text noted */
    size_t n, cap;
} slc_xlsx_fit;

#define SLC_XLSX_LINE_PT 15.0 /* points per line of the default 11-point font */

void slc_xlsx_fit_init(slc_xlsx_fit *f);
void slc_xlsx_fit_release(slc_xlsx_fit *f);
/* Notes the text of the wrapped cell (row, col). */
void slc_xlsx_fit_note(slc_xlsx_fit *f, lxw_row_t row, lxw_col_t col, const char *s);
/* Lines a text of display width w takes in a column of width `width`. */
double slc_xlsx_lines(double w, double width);
/* Sets the height of every row whose cells need more than one line, given
 * the final column widths width[0..ncols-1]; the first failure. */
lxw_error slc_xlsx_fit_rows(const slc_xlsx_fit *f, lxw_worksheet *ws, const double *width,
                            size_t ncols);

/* ---- errors -------------------------------------------------------------- */

/* The first libxlsxwriter failure of a workbook and where it happened;
 * zero it before the first write. */
typedef struct slc_xlsx_errors {
    lxw_error rc;    /* LXW_NO_ERROR until something fails */
    char where[160]; /* "In sheet S, cell C7.", or "" */
} slc_xlsx_errors;

/* 1 once a failure is kept: writers skip what would follow. */
int slc_xlsx_failed(const slc_xlsx_errors *e);

/* Keeps rc if it is a failure and the first one; with a sheet name, also
 * the cell (row, col) it concerned. */
void slc_xlsx_note(slc_xlsx_errors *e, lxw_error rc, const char *sheet, lxw_row_t row,
                   lxw_col_t col);

/* The slc_status of a libxlsxwriter error: files and zip SLC_ERR_IO, a text
 * too long SLC_ERR_TOO_LARGE, anything else SLC_ERR_INTERNAL. */
slc_status slc_xlsx_status(lxw_error rc);

/* ---- cells and the workbook ---------------------------------------------- */

/* A string cell (escaped by slc_xlsx_text into esc); an empty or NULL s is a
 * blank cell with format f, or nothing without one. A text over Excel's
 * limit is LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED and is not written. */
lxw_error slc_xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                              lxw_format *f, slc_buf *esc);

/* The text to give libxlsxwriter for s (escaped as slc_xlsx_text does)
 * when it may be cut: s itself if it fits Excel's cell limit, else the
 * longest prefix that fits with marker appended ("… (truncated)"), built in
 * cut or esc (both cleared and refilled). *was_cut says which. */
const char *slc_xlsx_cut_text(const char *s, const char *marker, slc_buf *cut, slc_buf *esc,
                              int *was_cut);

/* slc_xlsx_write_text for vendor text in a report: text over Excel's limit
 * is cut and marked (slc_xlsx_cut_text) instead of failing. */
lxw_error slc_xlsx_write_cut(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                             const char *marker, lxw_format *f, slc_buf *esc);

/* Closes (writes and frees) wb with standard error captured, since
 * workbook_close() prints its own complaints. SLC_OK, or err set for path:
 * the first failure kept in e and the cell it concerned, else the close's
 * failure and the system error it named ("No space left on device"). */
slc_status slc_xlsx_close(lxw_workbook *wb, const slc_xlsx_errors *e, const char *path,
                          slc_error *err);

/* The workbook's creation time: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else 0, which lets libxlsxwriter take the current time. */
time_t slc_xlsx_created(void);

#endif
