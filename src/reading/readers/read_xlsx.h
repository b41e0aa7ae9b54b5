/* read_xlsx.h - the XLSX reader (minizip opens the zip, libxml2 reads the
 * parts): the sheet with the checklist, cells by reference, shared and
 * inline strings, rich-text runs; a row's line is its spreadsheet row
 * number. No external entities are resolved.
 * Every reader turns its input into the same table of rows (read_csv.h) that
 * the loader aligns; strings go into the caller's arena, the row array is
 * the caller's (slc_table_release). Readers honour the limits (sizes, rows,
 * cells), fail with file, line (or part) and what was expected, and read
 * nothing from the network. */
#ifndef SLC_READ_XLSX_H
#define SLC_READ_XLSX_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "util.h"

/* How well a sheet's rows hold the checklist (higher is better). The
 * loader supplies it, so the reader chooses among sheets without calling
 * the aligner itself. */
typedef int (*slc_sheet_score_fn)(void *data, const slc_table *rows);

/* Sets up libxml2 for the XLSX reader: once, on one thread, before several
 * threads read workbooks (slc_batch_run does it). */
void slc_xlsx_init(void);
/* 1 if the bytes look like an XLSX (a zip: "PK\3\4"). */
int slc_xlsx_sniff(const char *bytes, size_t n);
/* Reads the workbook's best sheet into `out`: with several sheets, the one
 * `score` rates highest (the first on a tie); one sheet is taken as is. */
slc_status slc_xlsx_read(const slc_catalog *cat, const char *bytes, size_t n,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_sheet_score_fn score, void *score_data,
                         slc_error *err);

#endif
