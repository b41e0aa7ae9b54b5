/* read_csv.h - the CSV/TSV reader: from decoded text to records of cells (libcsv lives here),
 * and the writer side: one field quoted the way CSV/TSV readers expect. */
#ifndef SLC_READ_CSV_H
#define SLC_READ_CSV_H

#include <stddef.h>

#include "status.h"
#include "util.h"

/* Bounds that keep hostile input from costing unbounded time or memory. */
typedef struct slc_limits {
    size_t max_bytes;      /* whole input */
    size_t max_rows;       /* records */
    size_t max_cells;      /* cells in one record */
    size_t max_cell_bytes; /* bytes in one cell */
} slc_limits;

#define SLC_LIMITS_DEFAULT \
    { \
        64u << 20, 100000u, 1000u, 1u << 20 \
    }

typedef struct slc_row {
    long line;        /* physical line where the record starts (1-based) */
    long long offset; /* byte offset of that line in the decoded text */
    size_t ncells;
    const char **cells; /* NUL-terminated UTF-8, in the table's arena */
} slc_row;

typedef struct slc_table {
    slc_row *rows;
    size_t nrows;
    char delimiter; /* '\t', ',' or ';' */
    int crlf;       /* 1 if lines end in CR LF */
} slc_table;

/* Picks the delimiter that splits most lines of the first part of text:
 * tab, then comma, then semicolon on ties. */
char slc_rows_sniff(const char *text, size_t len);

/* Splits text into records. delimiter 0 = sniff. Cells keep their bytes
 * exactly (no trimming); quoted fields may span lines. Strings live in
 * `arena`; release the row array with slc_table_release(). */
slc_status slc_rows_parse(const char *text, size_t len, char delimiter, const slc_limits *limits,
                          slc_arena *arena, const char *path, slc_table *out, slc_error *err);
void slc_table_release(slc_table *t);

/* Where cell `index` of the record starting at byte `offset` of text
 * begins: its 1-based physical line (counting from `line`, the record's)
 * and 1-based column in code points. Quoted fields may span lines. */
void slc_rows_locate(const char *text, size_t len, size_t offset, long line, char delimiter,
                     size_t index, long *cell_line, long *cell_col);

/* Appends one field for a delimiter-separated file, quoted (with doubled
 * quotes) only when it holds the delimiter, a quote or a line break. In a
 * CSV (any delimiter but tab) a field that a spreadsheet would take for a
 * formula (= + - @ tab CR first) gets an apostrophe in front, as does one
 * that starts with an apostrophe followed by one of those or another
 * apostrophe; slc_rows_parse drops that apostrophe again when reading a
 * CSV, so the round trip is exact (docs/csv.md). */
void slc_rows_write_field(slc_buf *out, const char *s, size_t n, char delimiter);
/* One cell (NULL writes an empty one) and its delimiter, or the line's end
 * when `last`. */
void slc_rows_write_cell(slc_buf *out, const char *s, char delimiter, int last);
/* A UTF-8 BOM before CSV (delimiter ','), so Excel opens it as UTF-8;
 * nothing before TSV. */
void slc_rows_write_bom(slc_buf *out, char delimiter);

#endif
