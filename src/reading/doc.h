/* doc.h - the model of one vendor's checklist as loaded: metadata, the
 * answers in file order with where each came from, and the findings. */
#ifndef SLC_DOC_H
#define SLC_DOC_H

#include <stddef.h>

#include "catalog.h"
#include "read_csv.h"
#include "status.h"
#include "text.h"
#include "util.h"

/* One item row of the file. Strings live in the document's arena. */
typedef struct slc_answer {
    int no;                           /* number written in the file, 0 if none */
    int item;                         /* catalog index, -1 if not in the catalog */
    long line;                        /* physical line where the row starts */
    long long offset;                 /* byte offset of the row in the decoded text */
    const char *cell[SLC_ROLE_COUNT]; /* text per role, NULL if absent */
    int col[SLC_ROLE_COUNT];          /* 1-based cell index, 0 if absent */
    int by_name;                      /* identified by its name (no number given) */
    unsigned undecodable; /* bit (1 << role): the cell held undecodable text (U+FFFD) and
                             * now holds SLC_UNDECODABLE_MARK instead */
    double name_score;    /* similarity of the name cell to the item's name */
    int name_item;        /* catalog index the name cell best matches, -1 */
    /* facts read from the answer: filled on first use by slc_answer_facts */
    const struct slc_fact *facts;
    size_t nfacts;
    int facts_state; /* 0 not read, 1 reading (同上 chains), 2 read */
} slc_answer;

/* What a cell that could not be decoded shows in every report, in place of
 * replacement characters around what was left of the vendor's text. */
#define SLC_UNDECODABLE_MARK "[undecodable text / 文字化け]"

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
    SLC_RULE_CONSISTENCY, /* a rule declared in the checklist (cross_rule) */
    SLC_RULE_REQUIREMENT_NOT_MET,
    SLC_RULE_REQUIREMENT_UNKNOWN,
    SLC_RULE_PATTERN_LIMIT, /* a profile's pattern stopped at the backtracking limits */
    SLC_RULE_KNOWN_VARIANT, /* a name, definition or unit the checklist lists as a variant */
    SLC_RULE_DEFINITION_MISMATCH,
    SLC_RULE_DEFINITION_CUT_SHORT,
    SLC_RULE_N
} slc_rule;

typedef struct slc_finding {
    slc_rule rule;
    slc_severity severity;
    int item;             /* item number, 0 if none */
    long line;            /* 0 if the finding has no line */
    long line2;           /* the other line of a pair (duplicates), else 0 */
    long column;          /* 1-based column (code points) of the cell concerned, 0 if none */
    slc_role role;        /* the cell concerned (name, unit, answer ...), SLC_ROLE_NONE if none */
    long count;           /* UNDECODABLE_TEXT: bad sequences placed in the cell (or on the line) */
    const char *found;    /* text found in the file, or NULL */
    const char *expected; /* what the definition expects, or NULL */
    int other;            /* another item involved (name of item N), 0 if none */
    int conflict;         /* duplicates: 1 if the answers differ */
    const slc_cross_rule *cross_rule;  /* CONSISTENCY: the checklist's rule */
    const struct slc_requirement *req; /* REQUIREMENT_*: the buyer's requirement */
} slc_finding;

typedef struct slc_doc {
    slc_arena arena;
    const slc_catalog *cat; /* borrowed; must outlive the document */
    const char *path;       /* as given; "-" for standard input */
    const char *encoding;   /* encoding used to decode */
    int bom, crlf;
    char delimiter;
    const char *format;           /* "tsv", "csv" */
    const char *meta[SLC_META_N]; /* service, vendor, date as stated */
    const char *name;             /* display name: service, vendor or file stem */
    int anonymous;                /* nothing names the answers (standard input, nothing
                               * stated, no --name): name is "-", the path, and is
                               * never written back as the service's name */
    long header_line;             /* first header row, 0 if none */
    slc_answer *answers;          /* file order */
    size_t nanswers;
    int *first; /* per catalog index: first answer index, -1 */
    slc_skipped *skipped;
    size_t nskipped;
    slc_bad_bytes bad[SLC_TEXT_MAX_BAD];
    size_t nbad;       /* places kept in bad[] */
    size_t nbad_total; /* undecodable sequences in all */
    slc_finding *findings;
    size_t nfindings, capfindings;
    struct slc_profile_result *profile; /* set by slc_profile_evaluate, or NULL */
    const char *text;                   /* the decoded text (UTF-8), for locating cells */
    size_t text_len;
} slc_doc;

#endif
