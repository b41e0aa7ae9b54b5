/* read_xls.h - the legacy Excel reader (.xls, Excel 97-2003, through
 * FreeXL): every worksheet a candidate the loader chooses among, a row's
 * line its spreadsheet row.
 * Every reader turns its input into the same table of rows (read_csv.h) that
 * the loader aligns; strings go into the caller's arena. Readers honour the
 * limits (sizes, rows, cells), fail with file, line (or part) and what was
 * expected, and read nothing from the network. */
#ifndef SLC_READ_XLS_H
#define SLC_READ_XLS_H

#include <stddef.h>

#include "read_csv.h"
#include "platform.h"
#include "read_html.h"
#include "status.h"
#include "util.h"

/* 1 if the bytes are an OLE2 compound file (Office 97-2003); after
 * slc_signature_refuse, one that holds a workbook (.xls). */
int slc_xls_sniff(const char *bytes, size_t n);
/* Every worksheet of an .xls as a candidate (slc_tables, read_html.h); on
 * failure *out is empty and err says why. */
slc_status slc_xls_read(const char *bytes, size_t n, const slc_limits *limits, slc_arena *arena,
                        const char *path, slc_tables *out, slc_error *err);
/* FreeXL's walk in the child process, for main to hand its hidden
 * sub-command to (slc_child_main): where the system starts this program
 * again for a child. */
extern const slc_child_entry slc_xls_child;

#endif
