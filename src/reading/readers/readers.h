/* readers.h - input formats other than delimited text (rows.h), each
 * turned into the same table of rows, so alignment, facts and rules see
 * one model whatever the vendor filled in:
 *   - XLSX (read_xlsx.c: minizip opens the zip, libxml2 reads the parts):
 *     the sheet with the checklist, cells by reference, shared and inline
 *     strings, rich-text runs; a row's line is its spreadsheet row number;
 *   - Markdown (read_md.c: cmark parses it): one heading per item
 *     ("## 5. サービス稼働率"), the answer in the blocks below it; rows are
 *     given a header row of the checklist's own words so alignment finds
 *     the columns; a row's line is the heading's line.
 * Both honour the limits (sizes, rows, cells) and fail with file, line
 * (or part) and what was expected; neither reads anything from the network
 * nor resolves external entities. */
#ifndef SLC_READERS_H
#define SLC_READERS_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "util.h"

/* Sets up libxml2 for the XLSX reader: once, on one thread, before several
 * threads read workbooks (slc_batch_run does it). */
void slc_xlsx_init(void);
/* 1 if the bytes look like an XLSX (a zip: "PK\3\4"). */
int slc_xlsx_sniff(const char *bytes, size_t n);
slc_status slc_xlsx_read(const slc_catalog *cat, const char *bytes, size_t n,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_error *err);

/* 1 if the decoded text is a Markdown checklist: the path ends in .md or
 * .markdown, or (any other name, standard input) its item headings say so. */
int slc_md_sniff(const char *path, const char *text, size_t len);
slc_status slc_md_read(const slc_catalog *cat, const char *text, size_t len,
                       const slc_limits *limits, slc_arena *arena, const char *path,
                       slc_table *out, slc_error *err);

/* 1 if the decoded text is what convert -o x.json writes (read_json.c,
 * jansson): items with their answers and remarks, read back as rows. */
int slc_json_sniff(const char *path, const char *text, size_t len);
slc_status slc_json_read(const slc_catalog *cat, const char *text, size_t len,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_error *err);

#endif
