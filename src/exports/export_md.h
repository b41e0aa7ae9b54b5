/* export_md.h - the comparison as a Markdown report (cmark). */
#ifndef SLC_EXPORT_MD_H
#define SLC_EXPORT_MD_H

#include "export.h"

/* Writes the report at path (a fresh temporary file the caller renames). */
slc_status slc_export_md(const slc_export *x, const char *path, slc_error *err);

#endif
