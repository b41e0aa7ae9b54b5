/* cross_rules.h - the consistency rules a checklist declares between its
 * items (<rule> in checklists/NAME.xml), evaluated on a document's facts. */
#ifndef SLC_CROSSCHECK_H
#define SLC_CROSSCHECK_H

#include "doc.h"

/* 1 if every condition of the rule holds for the document. */
int slc_cross_rule_holds(slc_doc *doc, const slc_cross_rule *rule);

/* Adds a finding for each declared rule that holds. */
void slc_cross_rules_check(slc_doc *doc);

/* The value of item `no`'s first quantity of dimension dim; 0 if none. */
int slc_doc_quantity(slc_doc *doc, int no, slc_dim dim, double *value);

#endif
