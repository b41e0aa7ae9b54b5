/* export_table.h - the comparison as one TSV/CSV table (export -o
 * x.tsv/.csv). The output buffer is the caller's. */
#ifndef SLC_EXPORT_TABLE_H
#define SLC_EXPORT_TABLE_H

#include "export.h"
#include "util.h"

/* export -o x.{tsv,csv}: the comparison as one table, a row per item shown
 * and per vendor its answer, remarks, facts (with ▲/▼) and source line. */
void slc_write_comparison_table(const slc_export *x, char delimiter, slc_buf *out);
/* The export format table's writers: TSV and CSV. */
slc_status slc_export_tsv(const slc_export *x, const char *path, slc_error *err);
slc_status slc_export_csv(const slc_export *x, const char *path, slc_error *err);

#endif
