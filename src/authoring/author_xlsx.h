/* author_xlsx.h - a checklist as an XLSX workbook for vendors to fill in
 * (libxlsxwriter): item columns locked, lists on the 有無 items, a cover. */
#ifndef SLC_AUTHOR_XLSX_H
#define SLC_AUTHOR_XLSX_H

#include "authoring.h"

/* Writes the workbook at path (a fresh temporary file the caller renames). */
slc_status slc_author_xlsx(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                           const char *path, slc_error *err);

#endif
