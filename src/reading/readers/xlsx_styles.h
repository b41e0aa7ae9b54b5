/* xlsx_styles.h - how a workbook shows its numbers (internal to the XLSX
 * reader): each cell style's number format read from xl/styles.xml, and a
 * cell's number written as Excel shows it. */
#ifndef SLC_XLSX_STYLES_H
#define SLC_XLSX_STYLES_H

#include "xlsx_package.h"

/* How a cell style shows a number. */
enum {
    SLC_XLSX_NUM_GENERAL = 0,
    SLC_XLSX_NUM_DATE,
    SLC_XLSX_NUM_TIME,
    SLC_XLSX_NUM_DATETIME,
    SLC_XLSX_NUM_PERCENT
};

/* Reads the styles part into x->xf_kind (one SLC_XLSX_NUM_* per cell style;
 * malloc'd, freed by slc_xlsx_pkg_close); an absent part is no error. */
slc_status slc_xlsx_read_styles(slc_xlsx_pkg *x, const char *name);
/* Appends a cell's number v as Excel shows it in a style of `kind`:
 * General (integers whole, else 15 significant digits), a percent as
 * typed (0.999 -> 99.9%), a date or time as ISO 8601; v as is if it is
 * not a number. */
void slc_xlsx_add_number(slc_buf *out, const char *v, int kind, int date1904);

#endif
