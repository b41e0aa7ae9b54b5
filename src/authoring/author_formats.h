/* author_formats.h - the authoring formats as one table: id, file name
 * extensions and writer. convert and template pick a format from it, by
 * --format or by the output's extension; the table is static (nothing to
 * free). */
#ifndef SLC_AUTHOR_FORMATS_H
#define SLC_AUTHOR_FORMATS_H

#include <stddef.h>

#include "authoring.h"
#include "catalog.h"
#include "doc.h"
#include "status.h"
#include "util.h"

typedef struct slc_author_format {
    const char *id;     /* "tsv", "csv", "json", "md", "xlsx" */
    const slc_ext *ext; /* extensions that mean it (".tsv", ".txt" ...) */
    size_t next;
    int for_template; /* template writes it (json is convert's only) */
    int encodable;    /* --encoding applies (a delimited table) */
    /* Appends the file to out; NULL for a format written to a path. */
    void (*write)(const slc_catalog *cat, slc_doc *doc, const slc_author_opts *o, slc_buf *out);
    /* Writes the file at path (a fresh temporary file the caller renames). */
    slc_status (*write_path)(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                             const char *path, slc_error *err);
} slc_author_format;

extern const slc_author_format slc_author_formats[];
extern const size_t slc_author_nformats;

/* By id ("md"), or NULL. */
const slc_author_format *slc_author_format_find(const char *id);
/* By the path's extension (case-insensitive: ".markdown", ".TXT" ...), or NULL. */
const slc_author_format *slc_author_format_for_path(const char *path);

#endif
