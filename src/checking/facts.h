/* facts.h - what an answer commits to, read from its words: 有/無, numbers
 * with units (normalized, with 以上/以内/前まで kept as a comparison), time
 * bands, named things (certifications, protocols, places) and how the
 * answer discloses (undisclosed, by reference, not applicable, 同上).
 * The words and patterns come from the checklist's <vocabulary>. */
#ifndef SLC_FACTS_H
#define SLC_FACTS_H

#include <stddef.h>

#include "catalog.h"
#include "util.h"

typedef enum slc_presence {
    SLC_PRESENCE_NONE = 0, /* not stated */
    SLC_PRESENCE_YES,
    SLC_PRESENCE_NO,
    SLC_PRESENCE_NA
} slc_presence;

typedef enum slc_fact_type {
    SLC_FACT_PRESENCE = 0,
    SLC_FACT_QUANTITY,
    SLC_FACT_TIME_BAND,
    SLC_FACT_THING,
    SLC_FACT_DISCLOSURE,
    SLC_FACT_N
} slc_fact_type;

/* What a quantity is: a promise (保証, SLA), an aim (目標, 努めます), a figure
 * measured (実績, 過去N年間), a threshold that triggers something (99.5%を
 * 下回った場合は返金: not a commitment), or a value stated with none of
 * these words. The words are the checklist's <pattern type="basis">. */
typedef enum slc_basis {
    SLC_BASIS_STATED = 0,
    SLC_BASIS_GUARANTEE,
    SLC_BASIS_TARGET,
    SLC_BASIS_ACTUAL,
    SLC_BASIS_CONDITION,
    SLC_BASIS_N
} slc_basis;

/* Whether a named thing is held (used, located there), only planned
 * (取得予定, 準備中, 検討中, 更新中) or not held (取得していません, 無効) */
typedef enum slc_thing_status {
    SLC_THING_YES = 0,
    SLC_THING_PLANNED,
    SLC_THING_NOT,
    SLC_THING_N
} slc_thing_status;

typedef struct slc_fact {
    slc_fact_type type;
    size_t start, end;       /* span in the answer, in code points */
    slc_presence presence;   /* PRESENCE */
    slc_dim dim;             /* QUANTITY: what it measures */
    double value;            /* QUANTITY: in seconds, percent or items */
    double amount;           /* QUANTITY: the number as written */
    const char *unit;        /* QUANTITY: unit id as written ("week"), NULL for phrases */
    slc_op op;               /* QUANTITY: eq, or ge for 以上/前まで, le for 以内 ... */
    slc_basis basis;         /* QUANTITY: guarantee, target, actual, condition, stated */
    const char *kind;        /* THING: certification, protocol, place */
    const char *id;          /* THING: "iso27001", "tls1.2", "domestic";
                                DISCLOSURE: undisclosed, by-reference,
                                not-applicable, same-as-above */
    int negated;             /* THING: followed by a negation (海外には保管しません);
                                status is then SLC_THING_NOT */
    slc_thing_status status; /* THING: held, planned or not held */
    int band_from, band_to;  /* TIME_BAND: minutes after 00:00 (0..1440) */
    int band_days;           /* TIME_BAND: days a week, 0 if not stated */
} slc_fact;

typedef struct slc_facts {
    slc_fact *v;
    size_t n, cap;
} slc_facts;

/* Appends the facts of one answer to out; strings point into the catalog
 * or the arena. */
void slc_facts_extract(const slc_catalog *cat, const char *answer, slc_arena *arena,
                       slc_facts *out);
/* The same in the context of the item the answer answers (NULL: none): a
 * bare number (7 in the generations item) is a quantity in the item's
 * unit, counts of 回/件 are read only where the item counts, and a 有無
 * item's sentence says yes or no by its verbs (実施しています, 行いません). */
void slc_facts_extract_item(const slc_catalog *cat, const slc_cat_item *item, const char *answer,
                            slc_arena *arena, slc_facts *out);
/* Values no answer can mean (25:61, 999.9 %, a negative duration), found
 * while reading the answer and refused as facts: where they are, for the
 * impossible-value finding. Appends spans (code points) to v; returns how
 * many. */
size_t slc_facts_impossible(const slc_catalog *cat, const char *answer, size_t *start, size_t *end,
                            size_t max);
void slc_facts_release(slc_facts *f);

/* The first fact of a type (and, for quantities, a dimension), or NULL. */
const slc_fact *slc_facts_find(const slc_fact *v, size_t n, slc_fact_type type, int dim);

/* Reads 【有】/【無】, 有:, あり, なし, ○, ×, 該当なし ... (the catalog's
 * presence words) at the start of the answer, or bracketed anywhere. */
slc_presence slc_facts_presence(const slc_catalog *cat, const char *answer);
const char *slc_presence_id(slc_presence p);
/* "stated", "guarantee", "target", "actual", "condition" */
const char *slc_basis_id(slc_basis b);
/* the basis as people read it: "guarantee" / "保証" ...; "" for stated */
const char *slc_basis_label(slc_basis b, int ja);
/* a quantity's basis (SLC_BASIS_STATED for any other fact) */
slc_basis slc_fact_basis(const slc_fact *f);
/* How firmly a basis commits: 2 a guarantee, 1 a target or a value stated
 * with no basis word, 0 an actual figure or a condition (no commitment). */
int slc_basis_strength(slc_basis b);
/* The commitment an answer makes for a dimension: of its quantities of
 * that dimension that are commitments (not actual figures, not
 * conditions), the first of the strongest basis; NULL if none. */
const slc_fact *slc_facts_commitment(const slc_fact *v, size_t n, int dim);
/* "yes", "planned", "not" */
const char *slc_thing_status_id(slc_thing_status s);
/* a quantity's basis (SLC_BASIS_STATED for any other fact) */
slc_basis slc_fact_basis(const slc_fact *f);
const char *slc_fact_type_id(slc_fact_type t);
/* a thing id against a pattern that may end in '*' (tls* matches tls1.2) */
int slc_fact_id_matches(const char *id, const char *pattern);

/* "≥ " for SLC_OP_GE ... ("" for eq), as descriptions print bounds */
const char *slc_op_symbol(slc_op op);
/* The largest unit (year, month, week, day, hour, minute, second) that
 * divides seconds evenly, and the amount of it: 1209600 -> "week", 2. */
const char *slc_duration_unit(double seconds, double *amount);

/* "14 days", "99.9 %", "7 generations", "24h×7d", "10:00–17:00 ×5d";
 * a quantity's basis follows in brackets ("≥ 99.9% (target)"), a thing's
 * status before it ("planned iso27001", "not tls1.0") */
void slc_fact_describe(const slc_fact *f, slc_buf *out);
/* the same, the basis in Japanese when ja ("≥ 99.9%（目標）") */
void slc_fact_describe_lang(const slc_fact *f, int ja, slc_buf *out);

#endif
