/* export_html.h - the comparison as one self-contained HTML page (libxml2). */
#ifndef SLC_EXPORT_HTML_H
#define SLC_EXPORT_HTML_H

#include "export.h"

/* Writes the report at path (a fresh temporary file the caller renames). */
slc_status slc_export_html(const slc_export *x, const char *path, slc_error *err);

/* Checks the page skeleton in use (templates/report.html, or the
 * --templates folder's: slc_templates_use_dir first): well-formed, every
 * slot known and where it may be, each block, {{csp}}, {{css}} and {{js}}
 * exactly once. SLC_ERR_TEMPLATE with the file and line if not. The
 * writer checks it too; this lets a command check before writing. */
slc_status slc_export_html_check_template(slc_error *err);

#endif
