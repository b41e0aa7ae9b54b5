/* author_md.c - placeholder */
#include "authoring.h"

void slc_author_md(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                   slc_buf *out)
{
    (void)cat, (void)doc, (void)o, (void)out;
}
