/* validate.h - validation: runs the catalog's rules, the checklist's
 * cross-item rules and the buyer's profile over a loaded document and
 * fills its findings (owned by the document, freed with it). */
#ifndef SLC_VALIDATE_H
#define SLC_VALIDATE_H

#include "doc.h"

struct slc_profile;
/* Fills doc->findings from the loaded document (replacing earlier ones);
 * with a profile, also judges the buyer's requirements (doc->profile). */
void slc_validate(slc_doc *doc, const struct slc_profile *profile);

/* The duplicate-item finding for doc->answers[i] if it gives an item
 * again (the first answer, at f->line2, is the one used); 0 if not. */
int slc_duplicate_finding(const slc_doc *doc, size_t i, slc_finding *f);

#endif
