/* report_md.h - findings as a Markdown report (behind report.h's interface;
 * the caller frees it with slc_report_free). */
#ifndef SLC_REPORT_MD_H
#define SLC_REPORT_MD_H

#include "report.h"

slc_report *slc_report_md_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
