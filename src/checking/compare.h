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

/* The verdict is over the checklists that answer the item: a checklist
 * without the item is shown as missing for that item (slc_cmp_item.
 * missing) and does not stop the others from being compared. */
typedef enum slc_cmp_verdict {
    SLC_CMP_SAME = 0,
    SLC_CMP_EQUIVALENT, /* different words, same facts */
    SLC_CMP_DIFFERS,
    SLC_CMP_MISSING /* fewer than two checklists answer it: nothing to compare */
} slc_cmp_verdict;

/* What an answer commits to, reduced to one comparable value. An actual
 * figure (「SLAとしては非公開です。…実績稼働率は100%」) or a condition
 * (〜を下回った場合は返金) is not a commitment: such an answer is not
 * comparable, and undisclosed if it says so. */
typedef struct slc_standing {
    int known;                   /* 1 if the answer states something comparable */
    double value;                /* presence: 1 yes / 0 no; quantity in base units;
                              time band: hours a week */
    slc_op op;                   /* for quantities: the bound the vendor wrote */
    slc_basis basis;             /* for quantities: guarantee, target or stated */
    int undisclosed;             /* says it is not disclosed */
    const slc_fact *fact;        /* the fact it came from, or NULL */
    const slc_fact *uncommitted; /* a value given that is no commitment
                                      (actual, condition), or NULL */
} slc_standing;

typedef struct slc_cmp_item {
    size_t index; /* catalog index */
    slc_cmp_verdict verdict;
    const slc_answer **answers; /* one per checklist, NULL if missing */
    slc_standing *standing;     /* one per checklist */
    signed char *rank;          /* +1 better, -1 worse, 0 neither */
    int weakened;               /* two versions: the newer commits less */
    size_t missing;             /* checklists that do not answer it */
} slc_cmp_item;

typedef struct slc_cmp_vendor {
    size_t leads, trails, undisclosed, missing;
    size_t differs; /* items it answers whose answers differ */
} slc_cmp_vendor;

typedef struct slc_comparison {
    slc_doc **docs; /* borrowed */
    size_t n;
    const slc_catalog *cat;
    slc_cmp_item *items; /* catalog order */
    size_t nitems;
    slc_cmp_vendor *vendors;  /* one per checklist */
    size_t *category_differs; /* per category: items whose answers differ */
    size_t *category_missing; /* per category: items some checklist lacks */
    int versions;             /* 1: two versions of one vendor */
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

/* 1 if the checklists differ on the item: the answers differ, or one of
 * them lacks it */
int slc_cmp_item_differs(const slc_cmp_item *ci);

/* "≥ 99.9% (guarantee)", "undisclosed; 100% (actual)", "not stated" */
void slc_standing_describe(const slc_cat_item *it, const slc_standing *s, slc_buf *out);

#endif
