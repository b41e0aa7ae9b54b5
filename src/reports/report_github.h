/* report_github.h - findings as GitHub Actions workflow commands. */
#ifndef SLC_REPORT_GITHUB_H
#define SLC_REPORT_GITHUB_H

#include "doc.h"
#include "util.h"

/* Appends "::error file=..,line=..,title=..::msg" per finding to out (the
 * caller's buffer). */
void slc_report_github(const slc_doc *doc, slc_lang lang, slc_buf *out);

#endif
