/* json_write.h - what every JSON output shares (jansson lives in the
 * modules that include this): a string that never fails, the indented
 * dump, the objects that several formats embed. Every json_t returned is a
 * new reference the caller owns (json_decref); buffers are the caller's. */
#ifndef SLC_JSON_WRITE_H
#define SLC_JSON_WRITE_H

#include <jansson.h>

#include "catalog.h"
#include "doc.h"
#include "util.h"

/* The version of every JSON document slacheck writes. Field names are
 * documented in docs/json.md; adding fields does not change the version
 * (CHANGELOG.md records changes). */
#define SLC_JSON_VERSION 2

/* Makes jansson allocate through slc_xmalloc (util.h), so no JSON output
 * can come out silently truncated when memory runs out. Call once, before
 * any other jansson call (the CLI's main does). */
void slc_json_init(void);

/* A JSON string of s (null for NULL); U+FFFD if jansson refuses it. */
json_t *slc_json_text(const char *s);
/* Appends j, indented by two, and a newline. */
void slc_json_dump(json_t *j, slc_buf *out);
/* Appends j with every line indented by `indent` spaces. */
void slc_json_dump_indented(json_t *j, int indent, slc_buf *out);
/* Appends `"key": value` as a member of an object dumped at depth
 * indent / 2: the lines after the first indented by `indent` spaces, as
 * jansson's own JSON_INDENT(2) dump of the enclosing object has them. Takes
 * value's reference. */
void slc_json_dump_member(const char *key, json_t *value, int indent, slc_buf *out);
/* {"id", "version", "path"} of the checklist in use. */
json_t *slc_json_checklist(const slc_catalog *cat);
/* {"service", "vendor", "date"} as the document states them. */
json_t *slc_json_meta(const slc_doc *doc);
/* The cells of a row that could not be decoded, by role id: ["answer"]. */
json_t *slc_json_undecodable(const slc_answer *a);

#endif
