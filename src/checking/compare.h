/* compare.h - one comparison model over N loaded checklists, walked by
 * every diff writer (text, JSON; later Markdown, HTML, XLSX): per item a
 * verdict (same, equivalent, differs, missing) and which answers are
 * better or worse where the checklist says which direction is better;
 * for two versions of one vendor, word-level changes and the
 * commitments that were weakened. */
#ifndef SLC_COMPARE_H
#define SLC_COMPARE_H

#include <stddef.h>

#include "doc.h"
#include "facts.h"

typedef enum slc_cmp_verdict {
    SLC_CMP_SAME = 0,
    SLC_CMP_EQUIVALENT,    /* different words, same facts */
    SLC_CMP_DIFFERS,
    SLC_CMP_MISSING        /* absent in at least one checklist */
} slc_cmp_verdict;

/* What an answer commits to, reduced to one comparable value. */
typedef struct slc_standing {
    int known;             /* 1 if the answer states something comparable */
    double value;          /* presence: 1 yes / 0 no; quantity in base units;
                              time band: hours a week */
    slc_op op;             /* for quantities: the bound the vendor wrote */
    int undisclosed;       /* says it is not disclosed */
    const slc_fact *fact;  /* the fact it came from, or NULL */
} slc_standing;

typedef struct slc_cmp_item {
    size_t index;                 /* catalog index */
    slc_cmp_verdict verdict;
    const slc_answer **answers;   /* one per checklist, NULL if missing */
    slc_standing *standing;       /* one per checklist */
    signed char *rank;            /* +1 better, -1 worse, 0 neither */
    int weakened;                 /* two versions: the newer commits less */
} slc_cmp_item;

typedef struct slc_cmp_vendor {
    size_t leads, trails, undisclosed, missing, differs;
} slc_cmp_vendor;

typedef struct slc_comparison {
    slc_doc **docs;               /* borrowed */
    size_t n;
    const slc_catalog *cat;
    slc_cmp_item *items;          /* catalog order */
    size_t nitems;
    slc_cmp_vendor *vendors;      /* one per checklist */
    size_t *category_differs;     /* per category: items not same/equivalent */
    int versions;                 /* 1: two versions of one vendor */
    slc_arena arena;
} slc_comparison;

/* Compares the documents (at least two); versions: 1 to treat them as two
 * versions of one vendor (word-level changes, weakened commitments), -1 to
 * decide from the vendor names, 0 for side by side. */
slc_comparison *slc_compare(slc_doc **docs, size_t n, int versions);
void slc_comparison_free(slc_comparison *c);

const char *slc_cmp_verdict_id(slc_cmp_verdict v);

/* Word-level difference of two answers (ICU word boundaries): calls fn for
 * each run of words, op ' ' kept, '-' removed, '+' added. */
typedef void (*slc_diff_fn)(void *data, char op, const char *s, size_t n);
void slc_diff_words(const char *a, const char *b, slc_diff_fn fn, void *data);

/* "notice 2 weeks → 3 days" style description of a standing */
void slc_standing_describe(const slc_cat_item *it, const slc_standing *s, slc_buf *out);

#endif
