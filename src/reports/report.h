/* report.h - one interface for every validate report format: the run feeds
 * each loaded document (or each unreadable file) to the reports, then asks
 * them to finish. Text and GitHub lines can be drained after each file;
 * JSON, SARIF, JUnit and Markdown are written at the end. */
#ifndef SLC_SINK_H
#define SLC_SINK_H

#include "catalog.h"
#include "doc.h"
#include "util.h"

typedef struct slc_report slc_report;

typedef struct slc_report_ops {
    void (*add_doc)(slc_report *s, const slc_doc *doc);
    void (*add_error)(slc_report *s, const slc_error *err);
    void (*finish)(slc_report *s, int exit_code);
    void (*release)(slc_report *s);
} slc_report_ops;

struct slc_report {
    const slc_report_ops *ops;
    const slc_catalog *cat;
    slc_lang lang;
    slc_severity fail_on;
    int streams; /* output may be drained after each file */
    int colour;  /* ANSI colours (text only; set by the caller for a terminal) */
    slc_buf out; /* what the report wrote so far */
};

/* "text", "json", "github", "sarif", "junit", "md", "codequality"; NULL if
 * unknown. */
slc_report *slc_report_new(const char *format, const slc_catalog *cat, slc_lang lang,
                           slc_severity fail_on);
void slc_report_free(slc_report *s);
/* The i-th format's name, in the table's order; NULL past the last (for
 * --help, completion and messages: the names are never written by hand). */
const char *slc_report_format_id(size_t i);
/* 1 if the format name is known */
int slc_report_known(const char *format);

/* For the format modules. */
void slc_report_init(slc_report *s, const slc_report_ops *ops, const slc_catalog *cat,
                     slc_lang lang, slc_severity fail_on);
/* add_error / finish for formats that do nothing there (unreadable files
 * are reported on standard error). */
void slc_report_no_error(slc_report *s, const slc_error *err);
void slc_report_no_finish(slc_report *s, int exit_code);
/* A plain report for a format that writes lines per document, drained
 * after each file (text, GitHub). The caller frees it with slc_report_free. */
slc_report *slc_report_lines_new(const slc_report_ops *ops, const slc_catalog *cat, slc_lang lang,
                                 slc_severity fail_on);

#endif
