/* read_html.h - the web page reader (libxml2's HTML parser): every table of
 * the page (rowspan/colspan laid out), all of them together, and headings
 * that name items with the answer below, as candidates the loader chooses
 * among; a row's line is the page's source line.
 * Every reader turns its input into the same table of rows (read_csv.h) that
 * the loader aligns; strings go into the caller's arena. Readers honour the
 * limits (sizes, rows, cells), fail with file, line (or part) and what was
 * expected, and read nothing from the network. */
#ifndef SLC_READ_HTML_H
#define SLC_READ_HTML_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "util.h"

/* Several candidate tables from one input (a page's tables and layouts, a
 * workbook's sheets): the loader keeps the one whose rows give the most
 * checklist items, the first of equals. The rows' strings live in the
 * reader's arena; slc_tables_release frees the row arrays. */
typedef struct slc_tables {
    slc_table *v;
    size_t n, cap;
} slc_tables;
void slc_tables_release(slc_tables *t);

/* 1 if the bytes are a web page: the path ends in .html, .htm or .xhtml,
 * or (any other name, standard input) the page starts as one does
 * (<!DOCTYPE html>, <html>, <table> ...). */
int slc_html_sniff(const char *path, const char *bytes, size_t n);
/* The encoding the page declares in its first bytes (<meta charset>, or
 * http-equiv Content-Type), copied into buf; NULL if none. */
const char *slc_html_charset(const char *bytes, size_t n, char *buf, size_t bufsize);
/* The page's candidate tables (decoded text, UTF-8). No table at all is not
 * an error: *out is empty. On failure *out is empty and err says why. */
slc_status slc_html_read(const slc_catalog *cat, const char *text, size_t len,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_tables *out, slc_error *err);

#endif
