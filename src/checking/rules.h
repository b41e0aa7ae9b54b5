/* rules.h - the table of finding rules: stable ids, default severities,
 * and the localized message each finding is rendered with. */
#ifndef SLC_RULES_H
#define SLC_RULES_H

#include "doc.h"

typedef struct slc_rule_info {
    const char *id;        /* stable, e.g. "missing-item" */
    slc_severity severity; /* default */
    const char *summary_en, *summary_ja;
    const char *message_en, *message_ja; /* templates with {placeholders} */
    const char *help_en, *help_ja;       /* what to do about a finding (SARIF help) */
} slc_rule_info;

const slc_rule_info *slc_rule_get(slc_rule rule);
/* The finding's rule id: the table's, or the checklist rule's own id. */
const char *slc_finding_rule_id(const slc_finding *f);
const char *slc_severity_id(slc_severity s);
/* parses "error" / "warning" / "info"; returns 0 if unknown */
int slc_severity_parse(const char *s, slc_severity *out);

/* Appends the finding's message in `lang`: the template with {item},
 * {name}, {found}, {expected}, {line2} filled in. */
void slc_finding_message(slc_buf *out, const slc_doc *doc, const slc_finding *f, slc_lang lang);

/* counts per severity */
void slc_doc_count(const slc_doc *doc, size_t counts[3]);

#endif
