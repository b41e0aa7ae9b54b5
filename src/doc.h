/* doc.h - the model of one vendor's checklist as loaded: metadata, the
 * answers in file order with where each came from, and the findings. */
#ifndef SLC_DOC_H
#define SLC_DOC_H

#include <stddef.h>

#include "catalog.h"
#include "rows.h"
#include "status.h"
#include "text.h"
#include "util.h"

/* One item row of the file. Strings live in the document's arena. */
typedef struct slc_answer {
    int no;              /* number written in the file, 0 if none */
    int item;            /* catalog index, -1 if not in the catalog */
    long line;           /* physical line where the row starts */
    long long offset;    /* byte offset of the row in the decoded text */
    const char *cell[SLC_ROLE_COUNT];  /* text per role, NULL if absent */
    int col[SLC_ROLE_COUNT];           /* 1-based cell index, 0 if absent */
    int by_name;         /* identified by its name (no number given) */
    double name_score;   /* similarity of the name cell to the item's name */
    int name_item;       /* catalog index the name cell best matches, -1 */
    /* facts read from the answer: filled on first use by slc_answer_facts */
    const struct slc_fact *facts;
    size_t nfacts;
    int facts_state;     /* 0 not read, 1 reading (同上 chains), 2 read */
} slc_answer;

/* A row the loader saw but could not use. */
typedef struct slc_skipped {
    long line;
    int no;              /* number it gave, 0 if none */
    const char *text;    /* first non-empty cell */
    int looks_like_item; /* had a number or an item-like shape */
} slc_skipped;

typedef enum slc_rule {
    SLC_RULE_MISSING_ITEM = 0,
    SLC_RULE_DUPLICATE_ITEM,
    SLC_RULE_UNKNOWN_ITEM,
    SLC_RULE_EMPTY_ANSWER,
    SLC_RULE_NAME_MISMATCH,
    SLC_RULE_CATEGORY_MISMATCH,
    SLC_RULE_UNIT_MISMATCH,
    SLC_RULE_PRESENCE_NOT_STATED,
    SLC_RULE_UNDECODABLE_TEXT,
    SLC_RULE_NO_ITEMS,
    SLC_RULE_IGNORED_ROW,
    SLC_RULE_QUANTITY_MISSING,
    SLC_RULE_UNDISCLOSED,
    SLC_RULE_BY_REFERENCE,
    SLC_RULE_IMPOSSIBLE_VALUE,
    SLC_RULE_CONSISTENCY,        /* a rule declared in the checklist (xrule) */
    SLC_RULE_REQUIREMENT_NOT_MET,
    SLC_RULE_REQUIREMENT_UNKNOWN,
    SLC_RULE_N
} slc_rule;

typedef struct slc_finding {
    slc_rule rule;
    slc_severity severity;
    int item;             /* item number, 0 if none */
    long line;            /* 0 if the finding has no line */
    long line2;           /* the other line of a pair (duplicates), else 0 */
    long column;          /* 1-based column (code points) of the cell concerned, 0 if none */
    const char *found;    /* text found in the file, or NULL */
    const char *expected; /* what the definition expects, or NULL */
    int other;            /* another item involved (name of item N), 0 if none */
    int conflict;         /* duplicates: 1 if the answers differ */
    const slc_xrule *xrule;   /* CONSISTENCY: the checklist's rule */
    const struct slc_requirement *req;   /* REQUIREMENT_*: the buyer's requirement */
} slc_finding;

typedef struct slc_doc {
    slc_arena arena;
    const slc_catalog *cat;   /* borrowed; must outlive the document */
    const char *path;         /* as given; "-" for standard input */
    const char *encoding;     /* encoding used to decode */
    int bom, crlf;
    char delimiter;
    const char *format;       /* "tsv", "csv" */
    const char *meta[SLC_META_N];  /* service, vendor, date as stated */
    const char *name;         /* display name: service, vendor or file stem */
    long header_line;         /* first header row, 0 if none */
    slc_answer *answers;      /* file order */
    size_t nanswers;
    int *first;               /* per catalog index: first answer index, -1 */
    slc_skipped *skipped;
    size_t nskipped;
    slc_bad_bytes bad[SLC_TEXT_MAX_BAD];
    size_t nbad;
    slc_finding *findings;
    size_t nfindings, capfindings;
    struct slc_profile_result *profile;   /* set by slc_profile_evaluate, or NULL */
    const char *text;         /* the decoded text (UTF-8), for locating cells */
    size_t text_len;
} slc_doc;

typedef struct slc_load_options {
    const char *encoding;   /* NULL: detect */
    char delimiter;         /* 0: sniff */
    const char *name;       /* display name override, or NULL */
    slc_limits limits;
} slc_load_options;

void slc_load_options_init(slc_load_options *o);

/* Reads a file ("-" = standard input) and aligns it to the catalog.
 * On success *out is the caller's (slc_doc_free). Unreadable or
 * undecodable input gives an error status with path/line/offset in err. */
slc_status slc_doc_load_file(const slc_catalog *cat, const char *path,
                             const slc_load_options *opts, slc_doc **out,
                             slc_error *err);
/* Same from bytes in memory; path only names them in messages. */
slc_status slc_doc_load_bytes(const slc_catalog *cat, const char *bytes, size_t n,
                              const char *path, const slc_load_options *opts,
                              slc_doc **out, slc_error *err);
void slc_doc_free(slc_doc *doc);

/* The answer the document gives for catalog index i (first one), or NULL. */
const slc_answer *slc_doc_answer(const slc_doc *doc, size_t i);

/* The facts of the document's answer for catalog index i (first one), read
 * on first use and kept in the document; NULL/0 if the item is missing.
 * An answer "同上" (same as above) carries the facts of the item before. */
const struct slc_fact *slc_doc_facts(slc_doc *doc, size_t i, size_t *n);

/* Line and column (code points, 1-based) where an answer's cell for `role`
 * begins; the row's line and column 1 if the cell is absent. */
void slc_doc_locate(const slc_doc *doc, const slc_answer *a, slc_role role, long *line,
                    long *col);

/* The words of `text` between code points start and end, copied into the
 * document's arena (evidence for findings and requirements). */
const char *slc_doc_words(slc_doc *doc, const char *text, size_t start, size_t end);

/* Internal: used by align.c. */
slc_doc *slc_doc_new(const slc_catalog *cat, const char *path);
void slc_doc_add_finding(slc_doc *doc, const slc_finding *f);

/* Turns rows into answers (align.c). */
void slc_align(slc_doc *doc, const slc_table *table);

#endif
