/* report_codequality.h - validate --format codequality: GitLab's Code
 * Quality report (a JSON array of issues, Code Climate's subset that GitLab
 * documents), shown in merge requests when a CI job declares it as
 * artifacts:reports:codequality. */
#ifndef SLC_REPORT_CODEQUALITY_H
#define SLC_REPORT_CODEQUALITY_H

#include "report.h"

/* One issue per finding and per unreadable file: description (the message
 * in `lang`), check_name (the rule id, or the status id of an unreadable
 * file), fingerprint (stable across runs and line moves, unique in the
 * report), severity (error -> major, warning -> minor, info -> info, an
 * unreadable file -> blocker), location.path and location.lines.begin.
 * The caller frees it with slc_report_free. */
slc_report *slc_report_codequality_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);

#endif
