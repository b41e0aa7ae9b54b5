/* catalog.h - the checklist definition: items, aliases, units, answer
 * kinds, header words. Loaded from XML (checklists/NAME.xml) and validated
 * against schemas/checklist.rng; libxml2 lives in catalog.c. */
#ifndef SLC_CATALOG_H
#define SLC_CATALOG_H

#include <stddef.h>

#include "status.h"
#include "util.h"

typedef enum slc_role {
    SLC_ROLE_NONE = 0,
    SLC_ROLE_NO,
    SLC_ROLE_CATEGORY,
    SLC_ROLE_NAME,
    SLC_ROLE_DEFINITION,
    SLC_ROLE_UNIT,
    SLC_ROLE_ANSWER,
    SLC_ROLE_REMARKS,
    SLC_ROLE_EXAMPLE,
    SLC_ROLE_COUNT
} slc_role;

typedef enum slc_kind {
    SLC_KIND_PRESENCE = 0,
    SLC_KIND_DURATION,
    SLC_KIND_TIME_BAND,
    SLC_KIND_PERCENTAGE,
    SLC_KIND_COUNT,
    SLC_KIND_FREQUENCY,
    SLC_KIND_TEXT,
    SLC_KIND_N
} slc_kind;

typedef enum slc_better { SLC_BETTER_NONE = 0, SLC_BETTER_HIGHER, SLC_BETTER_LOWER } slc_better;

typedef enum slc_meta_role {
    SLC_META_SERVICE = 0,
    SLC_META_VENDOR,
    SLC_META_DATE,
    SLC_META_CONTACT,  /* the person to ask: 担当者 / 連絡先 */
    SLC_META_REVISION, /* which edition of the answers: 版 / 改訂日 */
    SLC_META_N
} slc_meta_role;

typedef struct slc_label {
    const char *ja, *en;
} slc_label;

/* A list of comparison keys (see slc_text_fold). */
typedef struct slc_keys {
    const char **v;
    size_t n;
} slc_keys;

typedef struct slc_cat_group {
    const char *id;
    slc_label label;
    slc_keys keys; /* folded ja and en labels */
    int section;   /* for a category: index of its section */
} slc_cat_group;

typedef struct slc_cat_item {
    int no;
    const char *id;
    slc_kind kind;
    slc_better better;
    slc_label name, definition, unit;
    int section, category; /* indexes into the catalog's arrays */
    /* in this order, without repeats: v[0] is the ja word's key */
    slc_keys name_keys;   /* ja name, aliases, en name */
    slc_keys def_keys;    /* ja definition, aliases, en definition */
    slc_keys unit_keys;   /* ja unit, aliases, en unit */
    const char **aliases; /* name aliases as written */
    size_t naliases;
    const char **unit_aliases;
    size_t nunit_aliases;
} slc_cat_item;

/* ---- vocabulary: reading facts from answers ---- */

typedef enum slc_dim { SLC_DIM_DURATION = 0, SLC_DIM_PERCENTAGE, SLC_DIM_COUNT, SLC_DIM_N } slc_dim;
typedef enum slc_op {
    SLC_OP_EQ = 0,
    SLC_OP_NE,
    SLC_OP_LT,
    SLC_OP_LE,
    SLC_OP_GT,
    SLC_OP_GE,
    SLC_OP_N
} slc_op;

typedef struct slc_cat_unit {
    const char *id;
    slc_dim dim;
    double factor;  /* to seconds, percent or items */
    slc_keys words; /* NFKC */
} slc_cat_unit;

typedef struct slc_cat_comparator {
    slc_op op;
    int before; /* 1: precedes the number; 0: follows the unit */
    slc_keys words;
} slc_cat_comparator;

typedef struct slc_cat_value {
    slc_dim dim;
    double amount;
    slc_op op;
    slc_keys words;
} slc_cat_value;

struct slc_regex;
typedef struct slc_cat_pattern {
    const char *type; /* certification, protocol, place, disclosure, time-band */
    const char *id;   /* may hold {1} */
    int negatable;
    const char *source;
    struct slc_regex *re;
    slc_keys hints; /* NFKC, ASCII lowercased; empty: always run */
} slc_cat_pattern;

/* ---- cross-item rules ---- */

typedef struct slc_term {
    int item; /* 0: a constant */
    slc_dim dim;
    double constant;
} slc_term;

#define SLC_MAX_TERMS 4
#define SLC_MAX_COND_ITEMS 8

typedef enum slc_cond_type {
    SLC_COND_PRESENCE = 0,
    SLC_COND_QUANTITY,
    SLC_COND_THING,
    SLC_COND_MATCH,
    SLC_COND_COMPARE
} slc_cond_type;

typedef struct slc_cond {
    slc_cond_type type;
    int items[SLC_MAX_COND_ITEMS];
    size_t nitems;
    int presence; /* slc_presence for COND_PRESENCE */
    slc_dim dim;
    const char *id;       /* thing id, may end in * */
    const char *source;   /* COND_MATCH: the pattern as written */
    struct slc_regex *re; /* COND_MATCH: compiled at load */
    slc_term a[SLC_MAX_TERMS], b[SLC_MAX_TERMS];
    size_t na, nb;
    slc_op op;
} slc_cond;

typedef struct slc_cross_rule {
    const char *id;
    slc_severity severity;
    int item; /* where the finding points */
    slc_label message;
    slc_cond *conds;
    size_t nconds;
} slc_cross_rule;

typedef struct slc_catalog {
    slc_arena arena;
    const char *path; /* file it came from, or "(built-in) ..." */
    const char *id, *version, *published;
    slc_label title, publisher;
    slc_cat_group *sections;
    size_t nsections;
    slc_cat_group *categories;
    size_t ncategories;
    slc_cat_item *items; /* in document order */
    size_t nitems;
    int *by_no; /* item index by number, -1 if none */
    int max_no;
    slc_keys header_words[SLC_ROLE_COUNT];
    slc_keys header_suffixes[SLC_ROLE_COUNT];
    slc_keys meta_words[SLC_META_N];
    slc_keys presence_yes, presence_no, presence_na; /* NFKC, not folded */
    slc_cat_unit *units;
    size_t nunits;
    slc_cat_comparator *comparators;
    size_t ncomparators;
    slc_cat_value *values;
    size_t nvalues;
    slc_cat_pattern *patterns;
    size_t npatterns;
    slc_cross_rule *rules;
    size_t nrules;
    slc_ptrs regexes; /* compiled patterns, freed with the catalog */
} slc_catalog;

/* Every field above is written out as C by tools/catalog_gen.c, which
 * compiles the built-in checklist into the binary: a field added here must
 * be added there too (tests/t-catalog-tables.sh compares the two).
 *
 * Loads and validates a definition; path NULL loads the built-in METI
 * checklist (from tables made at build time: no XML is parsed). On success *out is the caller's (slc_catalog_free). Invalid
 * XML, schema violations and duplicate numbers/ids give SLC_ERR_DEFINITION
 * with line and message in err. */
slc_status slc_catalog_load(const char *path, slc_catalog **out, slc_error *err);
void slc_catalog_free(slc_catalog *cat);
/* How many catalogs were freed so far: what is kept about a catalog by its
 * address is stale once this changes (a new one may have that address). */
unsigned long slc_catalog_freed(void);

/* The built-in definition as static C data (build/gen/catalog_tables.c,
 * written by tools/catalog_gen.c): no path, no compiled regexes. Only
 * slc_catalog_load(NULL) should use it. */
const slc_catalog *slc_catalog_tables(void);

/* Compiles the catalog's patterns to machine code (slc_regex_jit): for
 * runs that read more than one document, before any thread uses them. */
void slc_catalog_jit(slc_catalog *cat);

/* Item by number, or NULL. */
const slc_cat_item *slc_catalog_item(const slc_catalog *cat, int no);

const char *slc_kind_id(slc_kind kind);
const char *slc_dim_id(slc_dim dim);
const char *slc_op_id(slc_op op);
/* "ge" -> SLC_OP_GE; -1 if unknown */
int slc_op_parse(const char *s);
int slc_dim_parse(const char *s);
/* a op b */
int slc_op_holds(slc_op op, double a, double b);
const char *slc_better_id(slc_better better);
const char *slc_role_id(slc_role role);
/* ja or en label picked by language */
const char *slc_label_get(const slc_label *l, slc_lang lang);

#endif
