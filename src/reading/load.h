/* load.h - the loader: reads a file or bytes, decodes, picks the reader
 * for the input format, aligns its rows to the catalog and returns the
 * document (doc.h), and the document's own functions.
 * Ownership: slc_doc_load_* hand the caller a document it frees with
 * slc_doc_free (NULL is a no-op); the catalog is borrowed and must outlive
 * the document. Strings returned by slc_doc_* live in the document. */
#ifndef SLC_LOAD_H
#define SLC_LOAD_H

#include "doc.h"

typedef struct slc_load_options {
    const char *encoding; /* NULL: detect */
    char delimiter;       /* 0: sniff */
    const char *name;     /* display name override, or NULL */
    slc_limits limits;
} slc_load_options;

void slc_load_options_init(slc_load_options *o);

/* Reads a file ("-" = standard input) and aligns it to the catalog.
 * On success *out is the caller's (slc_doc_free). Unreadable or
 * undecodable input gives an error status with path/line/offset in err. */
slc_status slc_doc_load_file(const slc_catalog *cat, const char *path, const slc_load_options *opts,
                             slc_doc **out, slc_error *err);
/* Same from bytes in memory; path only names them in messages. */
slc_status slc_doc_load_bytes(const slc_catalog *cat, const char *bytes, size_t n, const char *path,
                              const slc_load_options *opts, slc_doc **out, slc_error *err);
void slc_doc_free(slc_doc *doc);

/* The answer the document gives for catalog index i (first one), or NULL. */
const slc_answer *slc_doc_answer(const slc_doc *doc, size_t i);

/* The facts of the document's answer for catalog index i (first one), read
 * on first use and kept in the document; NULL/0 if the item is missing.
 * An answer "同上" (same as above) carries the facts of the item before. */
const struct slc_fact *slc_doc_facts(slc_doc *doc, size_t i, size_t *n);

/* Line and column (code points, 1-based) where an answer's cell for `role`
 * begins; the row's line and column 1 if the cell is absent. */
void slc_doc_locate(const slc_doc *doc, const slc_answer *a, slc_role role, long *line, long *col);

/* The words of `text` between code points start and end, copied into the
 * document's arena (evidence for findings and requirements). */
const char *slc_doc_words(slc_doc *doc, const char *text, size_t start, size_t end);

/* Used by the aligner (align.c) while it builds a document. */
slc_doc *slc_doc_new(const slc_catalog *cat, const char *path);
void slc_doc_add_finding(slc_doc *doc, const slc_finding *f);

#endif
