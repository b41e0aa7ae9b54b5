/* export_json.h - the comparison as JSON. diff --format json writes it
 * alone; export -o x.json (slc_export_json) adds each file's
 * validate report and each vendor's standing. Versioned by
 * SLC_JSON_VERSION (json_write.h). */
#ifndef SLC_EXPORT_JSON_H
#define SLC_EXPORT_JSON_H

#include "export.h"
#include "util.h"

struct slc_comparison;
/* diff --format json: appends the comparison to out (the caller's buffer);
 * show: per catalog index, NULL all. */
void slc_json_comparison(const struct slc_comparison *c, const unsigned char *show, int all,
                         slc_buf *out);

/* Writes the report at path (a fresh temporary file the caller renames). */
slc_status slc_export_json(const slc_export *x, const char *path, slc_error *err);

#endif
