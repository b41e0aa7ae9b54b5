/* author_md.h - a checklist as Markdown for vendors to edit: one heading
 * per item, rendered through cmark; reads back to the same answers. */
#ifndef SLC_AUTHOR_MD_H
#define SLC_AUTHOR_MD_H

#include "authoring.h"

/* Appends the document to out. */
void slc_author_md(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                   slc_buf *out);

#endif
