/* batch.h - many files through the loader (and the rules) on several
 * threads, handed back one by one in the order given. */
#ifndef SLC_BATCH_H
#define SLC_BATCH_H

#include <stddef.h>

#include "doc.h"
#include "load.h"

struct slc_profile;

typedef struct slc_batch {
    const slc_catalog *cat;            /* read-only while the batch runs */
    const struct slc_profile *profile; /* NULL: no buyer's requirements */
    int validate;                      /* run the rules on each document */
    const char *const *files;
    size_t nfiles;
    const slc_load_options *opts; /* for every file */
    const char *const *names;     /* NULL, or a display name per file (may be NULL) */
    unsigned jobs;                /* loading threads; 0 or 1: the caller's thread only */
} slc_batch;

/* Called in file order, from the thread that called slc_batch_run: file i
 * gave doc (the callee's, slc_doc_free) or, if doc is NULL, the error. */
typedef void (*slc_batch_fn)(void *data, size_t i, slc_doc *doc, const slc_error *err);

/* Loads every file, with at most b->jobs threads loading ahead of fn by a
 * few files each (memory stays flat however many files there are). If
 * threads cannot be started it loads on the caller's thread. The catalog's
 * patterns may be compiled to machine code first (slc_catalog_jit), not
 * during the run. */
void slc_batch_run(const slc_batch *b, slc_batch_fn fn, void *data);

/* Processors online, for a default number of jobs (at least 1). */
unsigned slc_batch_cpus(void);

#endif
