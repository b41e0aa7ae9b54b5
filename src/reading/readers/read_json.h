/* read_json.h - the JSON reader (jansson): reads back what convert -o x.json
 * writes.
 * Every reader turns its input into the same table of rows (read_csv.h) that
 * the loader aligns; strings go into the caller's arena, the row array is
 * the caller's (slc_table_release). Readers honour the limits (sizes, rows,
 * cells), fail with file, line (or part) and what was expected, and read
 * nothing from the network. */
#ifndef SLC_READ_JSON_H
#define SLC_READ_JSON_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "util.h"

/* 1 if the decoded text is what convert -o x.json writes (read_json.c,
 * jansson): items with their answers and remarks, read back as rows. */
int slc_json_sniff(const char *path, const char *text, size_t len);
slc_status slc_json_read(const slc_catalog *cat, const char *text, size_t len,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_error *err);

#endif
