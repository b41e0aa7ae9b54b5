/* profile.h - a buyer's requirements (examples/profiles/NAME.xml, described by
 * schemas/profile.rng) and how a vendor's answers meet them: each
 * requirement is met, not met, or unknown (never silently met), with the
 * evidence; a vendor gets a score and a count of failed musts. */
#ifndef SLC_PROFILE_H
#define SLC_PROFILE_H

#include <stddef.h>

#include "catalog.h"
#include "doc.h"
#include "facts.h"
#include "util.h"

typedef enum slc_level { SLC_LEVEL_MUST = 0, SLC_LEVEL_SHOULD } slc_level;
typedef enum slc_crit {
    SLC_CRIT_PRESENCE = 0,
    SLC_CRIT_QUANTITY,
    SLC_CRIT_THING,
    SLC_CRIT_MATCH
} slc_crit;

typedef struct slc_requirement {
    int item;
    slc_level level;
    double weight;
    const char *note; /* the buyer's words, or NULL */
    slc_crit crit;
    int presence; /* PRESENCE: slc_presence wanted */
    slc_dim dim;  /* QUANTITY */
    slc_op op;
    double value;     /* QUANTITY: in base units (seconds, percent, items) */
    double amount;    /* as written */
    const char *unit; /* as written, or NULL */
    slc_basis basis;  /* QUANTITY: the basis demanded: SLC_BASIS_GUARANTEE,
                               SLC_BASIS_TARGET (a target or a guarantee), or
                               SLC_BASIS_STATED for any commitment */
    const char **ids; /* THING: any of these (may end in *) */
    size_t nids;
    const char *pattern; /* MATCH */
    struct slc_regex *re;
    const char *note_ja; /* the note in Japanese (note-ja), or NULL: note is used */
} slc_requirement;

typedef struct slc_profile {
    slc_arena arena;
    const char *id, *checklist, *path;
    slc_label title, description;
    slc_requirement *reqs;
    size_t nreqs;
    slc_ptrs regexes;
} slc_profile;

/* Loads and validates a profile against the catalog it refers to (its
 * checklist id, item numbers and units must exist). On success *out is
 * the caller's (slc_profile_free). */
slc_status slc_profile_load(const char *path, const slc_catalog *cat, slc_profile **out,
                            slc_error *err);
void slc_profile_free(slc_profile *p);

typedef enum slc_verdict {
    SLC_VERDICT_UNKNOWN = 0,
    SLC_VERDICT_MET,
    SLC_VERDICT_NOT_MET
} slc_verdict;

typedef struct slc_req_result {
    const slc_requirement *req;
    slc_verdict verdict;
    const char *reason;   /* why unknown/not met: missing, not-stated, undisclosed,
                               by-reference, answered-no, negated, out-of-range,
                               not-guaranteed, basis-not-stated, actual-only,
                               condition-only ... */
    const char *evidence; /* the vendor's words that decided it, or NULL; for
                               an answer 同上, the words of the answer it stands for */
    long line;            /* where the answer is, 0 if missing */
    int same_as_item;     /* the answer is 同上: the item whose answer it
                               stands for (evidence), else 0 */
    long same_as_line;    /* and that answer's line */
} slc_req_result;

typedef struct slc_profile_result {
    const slc_profile *profile;
    slc_req_result *v; /* one per requirement, in profile order */
    size_t n;
    double score; /* weight met / total weight * 100 */
    size_t met, not_met, unknown, must_failed, must_unknown;
} slc_profile_result;

/* Evaluates the profile on a document, keeps the result in the document
 * (doc->profile) and adds requirement-not-met / requirement-unknown
 * findings. Strings live in the document's arena. */
void slc_profile_evaluate(slc_doc *doc, const slc_profile *p);

const char *slc_verdict_id(slc_verdict v);
/* A result's reason (slc_req_result.reason) in words: "値が範囲外" /
 * "value out of range"; an unknown reason as it is. */
const char *slc_req_reason_label(const char *reason, slc_lang lang);
/* "≥ 99.9 %", "≥ 99.9 % (guarantee)", "有 (yes)", "iso27001 or isms", "matches /TLS/" */
void slc_requirement_describe(const slc_requirement *r, slc_lang lang, slc_buf *out);

#endif
