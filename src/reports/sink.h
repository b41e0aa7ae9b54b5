/* sink.h - one interface for every validate report format: the run feeds
 * each loaded document (or each unreadable file) to the sinks, then asks
 * them to finish. Text and GitHub lines can be drained after each file;
 * JSON, SARIF, JUnit and Markdown are written at the end. */
#ifndef SLC_SINK_H
#define SLC_SINK_H

#include "catalog.h"
#include "doc.h"
#include "util.h"

typedef struct slc_sink slc_sink;

typedef struct slc_sink_ops {
    void (*add_doc)(slc_sink *s, const slc_doc *doc);
    void (*add_error)(slc_sink *s, const slc_error *err);
    void (*finish)(slc_sink *s, int exit_code);
    void (*release)(slc_sink *s);
} slc_sink_ops;

struct slc_sink {
    const slc_sink_ops *ops;
    const slc_catalog *cat;
    slc_lang lang;
    slc_severity fail_on;
    int streams;      /* output may be drained after each file */
    slc_buf out;      /* what the sink wrote so far */
};

/* "text", "json", "github", "sarif", "junit", "md"; NULL if unknown. */
slc_sink *slc_sink_new(const char *format, const slc_catalog *cat, slc_lang lang,
                       slc_severity fail_on);
void slc_sink_free(slc_sink *s);
/* 1 if the format name is known */
int slc_sink_known(const char *format);

/* For the format modules. */
void slc_sink_init(slc_sink *s, const slc_sink_ops *ops, const slc_catalog *cat,
                   slc_lang lang, slc_severity fail_on);
/* add_error / finish for formats that do nothing there (unreadable files
 * are reported on standard error). */
void slc_sink_no_error(slc_sink *s, const slc_error *err);
void slc_sink_no_finish(slc_sink *s, int exit_code);
/* A plain sink for a format that writes lines per document, drained
 * after each file (text, GitHub). The caller frees it with slc_sink_free. */
slc_sink *slc_sink_lines_new(const slc_sink_ops *ops, const slc_catalog *cat, slc_lang lang,
                             slc_severity fail_on);
slc_sink *slc_sink_text_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
slc_sink *slc_sink_github_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
slc_sink *slc_sink_json_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
slc_sink *slc_sink_sarif_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
slc_sink *slc_sink_junit_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
slc_sink *slc_sink_md_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
