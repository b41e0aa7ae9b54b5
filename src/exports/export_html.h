/* export_html.h - the comparison as one self-contained HTML page (libxml2). */
#ifndef SLC_EXPORT_HTML_H
#define SLC_EXPORT_HTML_H

#include "export.h"

/* Writes the report at path (a fresh temporary file the caller renames). */
slc_status slc_export_html(const slc_export *x, const char *path, slc_error *err);

#endif
