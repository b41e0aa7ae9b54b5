/* report_text.h - findings as lines for people (validate --format text),
 * and the catalog as a table (items). Output goes to the caller's buffer. */
#ifndef SLC_REPORT_TEXT_H
#define SLC_REPORT_TEXT_H

#include "report.h"

#include "doc.h"
#include "util.h"

/* "path:line: severity: [rule] message" per finding, then a summary line. */
void slc_report_text(const slc_doc *doc, slc_lang lang, slc_buf *out);
/* The same with the severity words in ANSI colours when colour is set
 * (vendor text is never inside a colour: it goes through term_text.h). */
void slc_report_text_colour(const slc_doc *doc, slc_lang lang, int colour, slc_buf *out);
/* Items of the catalog as an aligned table or TSV. */
void slc_report_items_text(const slc_catalog *cat, slc_lang lang, slc_buf *out);
void slc_report_items_tsv(const slc_catalog *cat, slc_buf *out);

/* The report behind report.h's interface (slc_report_free frees it). */
slc_report *slc_report_text_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
