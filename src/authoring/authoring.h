/* authoring.h - the formats vendors fill in and keep for years, beside the
 * canonical TSV/CSV (write_table.h): a Markdown file with one heading per
 * item (author_md.c, rendered through cmark), and an XLSX workbook with the
 * item columns locked, a 有/無/該当なし list where the item is 有無, the
 * definition and unit as each answer cell's input message, and a cover
 * sheet of instructions (author_xlsx.c, libxlsxwriter). Each is blank
 * (doc NULL) or filled from a loaded checklist; each reads back through
 * readers.h to the same answers and remarks, byte for byte. */
#ifndef SLC_AUTHORING_H
#define SLC_AUTHORING_H

#include "catalog.h"
#include "doc.h"
#include "status.h"
#include "util.h"

typedef struct slc_author_opts {
    slc_lang lang; /* instructions and hints: ja (with en) or en */
    int all_items; /* 1: every item of the checklist, blank where doc lacks it
                          (templates); 0: only the items doc has (convert) */
} slc_author_opts;

#endif
