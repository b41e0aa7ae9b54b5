/* report_json.h - the validate report as JSON (validate --format json),
 * written as files are added so memory stays flat over a batch. Field
 * names are documented in docs/json.md and versioned by SLC_JSON_VERSION
 * (json_write.h). The report object is the caller's (slc_json_report_free);
 * the output buffer is the caller's throughout. */
#ifndef SLC_REPORT_JSON_H
#define SLC_REPORT_JSON_H

#include "report.h"

#include "catalog.h"
#include "doc.h"
#include "util.h"

typedef struct slc_json_report slc_json_report;

/* validate --format json: one report over many files. */
/* Writes into out as files are added (the caller may drain out between). */
slc_json_report *slc_json_report_new(const slc_catalog *cat, slc_lang lang, slc_buf *out);
void slc_json_report_add_doc(slc_json_report *r, const slc_doc *doc);
void slc_json_report_add_error(slc_json_report *r, const slc_error *err);
/* Appends the report, with a summary, as indented JSON. */
void slc_json_report_finish(slc_json_report *r, int exit_code, slc_buf *out);
void slc_json_report_free(slc_json_report *r);

/* One file's object in a report (what was found, the findings, the
 * profile), adding its findings per severity to counts; export -o x.json
 * embeds it. A new jansson reference the caller decrefs. */
struct json_t;
struct json_t *slc_json_report_file(const slc_doc *doc, slc_lang lang, size_t counts[3]);

/* The report behind report.h's interface (slc_report_free frees it). */
slc_report *slc_report_json_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
