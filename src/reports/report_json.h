/* json.h - the JSON documents slacheck writes (jansson lives here).
 * Field names are documented in docs/json.md and versioned by
 * SLC_JSON_VERSION; adding fields does not change the version. */
#ifndef SLC_JSON_H
#define SLC_JSON_H

#include "catalog.h"
#include "doc.h"
#include "util.h"

#define SLC_JSON_VERSION 1

typedef struct slc_json_report slc_json_report;

/* validate --format json: one report over many files. */
/* Writes into out as files are added (the caller may drain out between). */
slc_json_report *slc_json_report_new(const slc_catalog *cat, slc_lang lang, slc_buf *out);
void slc_json_report_add_doc(slc_json_report *r, const slc_doc *doc);
void slc_json_report_add_error(slc_json_report *r, const slc_error *err);
/* Appends the report, with a summary, as indented JSON. */
void slc_json_report_finish(slc_json_report *r, int exit_code, slc_buf *out);
void slc_json_report_free(slc_json_report *r);

/* convert -o x.json: one document's items in catalog order. */
void slc_json_doc(slc_doc *doc, slc_buf *out);

/* The facts of an answer as a JSON array (jansson object, caller decrefs). */
struct json_t;
struct json_t *slc_json_facts(const struct slc_fact *f, size_t n, const char *answer);

struct slc_comparison;
/* diff --format json: the comparison (show: per catalog index, NULL all). */
void slc_json_comparison(const struct slc_comparison *c, const unsigned char *show, int all,
                         slc_buf *out);

/* items --format json: the catalog in use. */
void slc_json_catalog(const slc_catalog *cat, slc_buf *out);

#endif
