/* summary.h - what the first page of every report shows, computed once in
 * the export model (slc_export.summary) so that the HTML, Markdown and XLSX
 * writers draw the same thing:
 *
 *   - per vendor: the must requirements not met or unknown (each with its
 *     result: evidence, 同上 resolved by slc_export_evidence, line), the
 *     score and the weights it is computed from, the risks that remain
 *     (undisclosed items, targets where a guarantee was required, missing
 *     items) and the findings as `validate` counts them;
 *   - the category x vendor grid: per category the profile requirements
 *     met / not met / unknown and the items where the vendor leads or
 *     trails the others;
 *   - the report date, the checklist and the profile used.
 *
 * Everything lives in the export's arena and is freed with it. Items the
 * report leaves out (diff --items) are left out here too. */
#ifndef SLC_SUMMARY_H
#define SLC_SUMMARY_H

#include <stddef.h>

#include "util.h"

struct slc_export;
struct slc_req_result;

typedef struct slc_summary_vendor {
    const char *name; /* display name, unique among the report's vendors:
                         a name two files share gets " (file name)" */
    int scored;       /* 1 if a profile was evaluated on this vendor */
    double score;     /* weight_met / weight_total * 100 (100 if no weight) */
    double weight_met, weight_total;
    size_t req_met, req_not_met, req_unknown;
    /* must requirements not met, then must requirements unknown, each in
     * profile order (point into the document's profile result) */
    const struct slc_req_result **musts;
    size_t nmusts, nmusts_failed; /* the first nmusts_failed are not met */
    /* risks that remain */
    const size_t *undisclosed; /* catalog indexes of answers saying 非公開 */
    size_t nundisclosed;
    const struct slc_req_result **targets; /* a guarantee required, a target given */
    size_t ntargets;
    const size_t *missing; /* catalog indexes of items the file lacks */
    size_t nmissing;
    size_t counts[3]; /* findings: info, warning, error (as validate gives them) */
} slc_summary_vendor;

/* One category for one vendor: a cell of the grid. */
typedef struct slc_summary_cell {
    size_t items;     /* items of the category in the report */
    size_t answered;  /* of those, present in the vendor's file */
    size_t req_total; /* profile requirements on these items */
    size_t req_met, req_not_met, req_unknown;
    size_t leads, trails; /* items where the vendor's answer ranks better / worse */
} slc_summary_cell;

typedef struct slc_summary {
    const char *date;      /* report date, YYYY-MM-DD: SOURCE_DATE_EPOCH if set, else today (UTC) */
    const char *checklist; /* the catalog's title in the report's language, id and version */
    const char *profile;   /* the profile's title (or id), or NULL without a profile */
    const char *profile_path; /* as given, or NULL */
    size_t n;                 /* vendors */
    slc_summary_vendor *vendors;
    size_t ncategories;
    slc_summary_cell *grid; /* [category * n + vendor] */
} slc_summary;

/* Fills s from the export model (its docs, comparison, profile results and
 * show filter); allocates in arena. Called by slc_export_new. */
void slc_summary_build(slc_summary *s, const struct slc_export *x, slc_arena *arena);

const slc_summary_cell *slc_summary_cell_at(const slc_summary *s, size_t category, size_t vendor);

/* How vendor v's score is computed, in the report's language:
 * "充足した要件の重み 7 ÷ 全要件の重み 9 × 100 = 77.8" /
 * "weight of the requirements met 7 ÷ weight of all requirements 9 × 100 = 77.8";
 * nothing without a profile. */
void slc_summary_score_text(const struct slc_export *x, size_t v, slc_buf *out);

/* The weights the profile gives, as one line: "必須（重み 2）3 件、推奨（重み 1）4 件" /
 * "must (weight 2) × 3, should (weight 1) × 4";
 * nothing without a profile. */
void slc_summary_weights_text(const struct slc_export *x, slc_buf *out);

#endif
