/* report_sarif.h - findings as SARIF 2.1.0 for code scanning (behind report.h's interface;
 * the caller frees it with slc_report_free). */
#ifndef SLC_REPORT_SARIF_H
#define SLC_REPORT_SARIF_H

#include "report.h"

slc_report *slc_report_sarif_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
