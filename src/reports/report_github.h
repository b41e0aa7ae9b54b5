/* report_github.h - findings as GitHub Actions workflow commands. */
#ifndef SLC_REPORT_GITHUB_H
#define SLC_REPORT_GITHUB_H

#include "report.h"

#include "doc.h"
#include "util.h"

/* Appends "::error file=..,line=..,title=..::msg" per finding to out (the
 * caller's buffer). */
void slc_report_github(const slc_doc *doc, slc_lang lang, slc_buf *out);

/* The report behind report.h's interface (slc_report_free frees it). */
slc_report *slc_report_github_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
