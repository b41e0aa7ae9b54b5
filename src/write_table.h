/* write_table.h - the canonical delimited form of a checklist: a metadata
 * line, a header, and one row per item in catalog order. It loads back to
 * the same answers (see tests). */
#ifndef SLC_WRITE_TABLE_H
#define SLC_WRITE_TABLE_H

#include "doc.h"
#include "util.h"

/* delimiter '\t' (TSV, UTF-8) or ',' (CSV, UTF-8 with BOM so Excel opens
 * it right). Rows for the items the document has, or with all_items for
 * every item of the checklist (blank answers where doc, which may be NULL
 * for a blank template, has none). */
void slc_write_table(const slc_catalog *cat, const slc_doc *doc, char delimiter, int all_items,
                     slc_buf *out);

struct slc_export;
/* export -o x.{tsv,csv}: the comparison as one table, a row per item shown
 * and per vendor its answer, remarks, facts (with ▲/▼) and source line. */
void slc_write_comparison_table(const struct slc_export *x, char delimiter, slc_buf *out);

#endif
