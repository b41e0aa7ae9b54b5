/* report_junit.h - findings as JUnit XML, one test case per item, for CI dashboards (behind report.h's interface;
 * the caller frees it with slc_report_free). */
#ifndef SLC_REPORT_JUNIT_H
#define SLC_REPORT_JUNIT_H

#include "report.h"

slc_report *slc_report_junit_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
