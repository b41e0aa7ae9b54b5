/* export_xlsx.h - the comparison as an XLSX workbook (libxlsxwriter):
 * the summary sheet, the comparison, per-vendor sheets. */
#ifndef SLC_EXPORT_XLSX_H
#define SLC_EXPORT_XLSX_H

#include "export.h"

/* Writes the workbook at path (a fresh temporary file the caller renames). */
slc_status slc_export_xlsx(const slc_export *x, const char *path, slc_error *err);
/* The answers and remarks longer than an XLSX cell holds, which the
 * workbook has cut and marked: one warning line each into out (cleared
 * first), in the report's language; how many. */
size_t slc_export_xlsx_cuts(const slc_export *x, slc_buf *out);

#endif
