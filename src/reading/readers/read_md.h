/* read_md.h - the Markdown reader (cmark parses it): one heading per item
 * ("## 5. サービス稼働率"), the answer in the blocks below it; rows are
 * given a header row of the checklist's own words so alignment finds the
 * columns; a row's line is the heading's line.
 * Every reader turns its input into the same table of rows (read_csv.h) that
 * the loader aligns; strings go into the caller's arena, the row array is
 * the caller's (slc_table_release). Readers honour the limits (sizes, rows,
 * cells), fail with file, line (or part) and what was expected, and read
 * nothing from the network. */
#ifndef SLC_READ_MD_H
#define SLC_READ_MD_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "util.h"

/* 1 if the decoded text is a Markdown checklist: the path ends in .md or
 * .markdown, or (any other name, standard input) its item headings say so. */
int slc_md_sniff(const char *path, const char *text, size_t len);
slc_status slc_md_read(const slc_catalog *cat, const char *text, size_t len,
                       const slc_limits *limits, slc_arena *arena, const char *path, slc_table *out,
                       slc_error *err);

#endif
