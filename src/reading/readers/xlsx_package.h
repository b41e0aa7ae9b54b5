/* xlsx_package.h - the XLSX reader's package layer (internal to the
 * readers): the zip opened from memory, each part streamed as XML with its
 * uncompressed bytes counted against the budget, the text of string items
 * and the relationships between parts. read_xlsx.c reads the workbook with
 * it; xlsx_styles.c the number formats.
 * Everything a function returns lives in the package's scratch arena
 * (freed by slc_xlsx_pkg_close) unless it says otherwise. Failures set the
 * package's error (file, part, what was expected) and return its status. */
#ifndef SLC_XLSX_PACKAGE_H
#define SLC_XLSX_PACKAGE_H

#include <stddef.h>

#include <libxml/xmlreader.h>
#include <minizip/unzip.h>

#include "read_xlsx.h"
#include "status.h"
#include "util.h"

/* The workbook's bytes, as minizip reads them. */
typedef struct slc_xlsx_memfile {
    const unsigned char *data;
    size_t n, pos;
} slc_xlsx_memfile;

/* The reader's state: the package and what the workbook parts told. */
typedef struct slc_xlsx_pkg {
    slc_sheet_score_fn score; /* rates a sheet when there are several */
    void *score_data;
    const slc_limits *lim;
    const char *path;
    slc_error *err;
    slc_xlsx_memfile mem;
    unzFile zf;
    size_t budget;     /* uncompressed bytes left for all parts */
    slc_arena scratch; /* names, shared strings */
    const char **sst;  /* shared strings */
    size_t nsst;
    unsigned char *xf_kind; /* per cell style: how its numbers show (SLC_XLSX_NUM_*) */
    size_t nxf;
    int date1904;                    /* the workbook counts days from 1904 */
    xmlGenericErrorFunc old_generic; /* libxml2's handler, restored on close */
    void *old_generic_ctx;
} slc_xlsx_pkg;

/* One part being read: the zip entry and the XML reader over it. */
typedef struct slc_xlsx_part {
    slc_xlsx_pkg *x;
    const char *name;
    xmlTextReaderPtr rd;
    int absent; /* an optional part the workbook lacks */
    int over;   /* stopped: more than the budget */
    int zerr;   /* stopped: minizip's error */
    int xml_errors;
    int xml_line;
    int xml_code;
    char xml_msg[300];
    int failed; /* our own error is set in x->err */
} slc_xlsx_part;

/* One relationship of a part (external ones are left out). */
typedef struct slc_xlsx_rel {
    const char *id, *type, *target;
} slc_xlsx_rel;

/* Opens the zip over bytes (not copied: they outlive the package), silences
 * libxml2's generic errors, and refuses two entries of one name. Call
 * slc_xlsx_pkg_close whatever it returns. */
slc_status slc_xlsx_pkg_open(slc_xlsx_pkg *x, const char *bytes, size_t n, const slc_limits *limits,
                             const char *path, slc_error *err);
void slc_xlsx_pkg_close(slc_xlsx_pkg *x);

/* Sets the package's error; returns st. */
slc_status slc_xlsx_fail(slc_xlsx_pkg *x, slc_status st, long line, const char *fmt, ...)
    SLC_PRINTF(4, 5);
/* 1 if the package has a part of this name (case-insensitive, as OPC says). */
int slc_xlsx_locate(slc_xlsx_pkg *x, const char *name);

/* Opens a part for streaming: SLC_OK, or an error (a missing part only if
 * `required`; p->absent set otherwise). A DTD or an entity is refused. */
slc_status slc_xlsx_part_open(slc_xlsx_pkg *x, slc_xlsx_part *p, const char *name, int required);
/* Next node, or past the current element's subtree: 1, 0 at the end, -1
 * failed (reported by slc_xlsx_part_close). */
int slc_xlsx_part_next(slc_xlsx_part *p);
int slc_xlsx_part_skip(slc_xlsx_part *p);
/* Closes the part; reports why reading stopped if it did (r: the last
 * part_next result). */
slc_status slc_xlsx_part_close(slc_xlsx_part *p, int r);
/* Fails the part with "NAME: what" at the row `line` (once). */
void slc_xlsx_part_fail(slc_xlsx_part *p, slc_status st, long line, const char *what);

/* The current node's local name, and tests on it. */
const char *slc_xlsx_name(slc_xlsx_part *p);
int slc_xlsx_is_start(slc_xlsx_part *p, const char *name);
int slc_xlsx_is_end(slc_xlsx_part *p, const char *name);
int slc_xlsx_is_empty(slc_xlsx_part *p);
/* An attribute by local name, any namespace (ns_tail: its URI must end so,
 * for r:id), in the scratch arena; NULL if absent. */
const char *slc_xlsx_attr(slc_xlsx_part *p, const char *name, const char *ns_tail);
/* An attribute copied into buf (cut to cap); NULL if absent. */
const char *slc_xlsx_attr_to(slc_xlsx_part *p, const char *name, char *buf, size_t cap);
/* A non-negative decimal, or -1. */
long slc_xlsx_parse_long(const char *s);

/* ST_Xstring as Excel reads it ("_xHHHH_" a UTF-16 unit), appended to out. */
void slc_xlsx_add_xstring(slc_buf *out, const char *s, size_t n);
/* Appends the text inside the current element (<t>, <v>) up to its end;
 * returns part_next's last result. Fails the part past max_cell_bytes. */
int slc_xlsx_read_text(slc_xlsx_part *p, slc_buf *out);
/* The next element inside a container whose start is at `depth` (1), or 0
 * at its end or when reading stopped (*r: the last part_next result). */
int slc_xlsx_next_child(slc_xlsx_part *p, int depth, int *r);
/* The text of a string item (<si>, <is>): <t> and rich-text runs' <t>;
 * phonetic runs skipped. Positioned on its start; ends on its end. */
int slc_xlsx_read_rich(slc_xlsx_part *p, slc_buf *raw);

/* A target resolved against a source part's directory ("." and ".."). */
const char *slc_xlsx_resolve(slc_xlsx_pkg *x, const char *source, const char *target);
/* A part name beside part `source` (its directory, then fmt's text). */
const char *slc_xlsx_beside(slc_xlsx_pkg *x, const char *source, const char *fmt, ...)
    SLC_PRINTF(3, 4);
/* 1 if a relationship type ends with tail ("/worksheet"). */
int slc_xlsx_type_is(const char *type, const char *tail);
/* The relationships of a part (its _rels/NAME.rels); none if absent. */
slc_status slc_xlsx_read_rels(slc_xlsx_pkg *x, const char *source, slc_xlsx_rel **out, size_t *n);

/* v (n elements of `size` bytes, room for *cap; malloc'd, the caller's)
 * with room for one more: the room doubles when full, from `first`. */
void *slc_xlsx_room_for_one(void *v, size_t n, size_t *cap, size_t first, size_t size);

#endif
