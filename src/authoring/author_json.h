/* author_json.h - one vendor's checklist as JSON (convert -o x.json): its
 * items in catalog order with answers, remarks and facts; read_json.c
 * reads it back. Versioned by SLC_JSON_VERSION (json_write.h). */
#ifndef SLC_AUTHOR_JSON_H
#define SLC_AUTHOR_JSON_H

#include "doc.h"
#include "util.h"

/* Appends the document as JSON to out (the caller's buffer). Reads the
 * answers' facts on first use, hence the non-const document. */
void slc_json_doc(slc_doc *doc, slc_buf *out);

/* The facts of an answer as a JSON array (jansson object, caller decrefs). */
struct json_t;
struct slc_fact;
struct json_t *slc_json_facts(const struct slc_fact *f, size_t n, const char *answer);

#endif
