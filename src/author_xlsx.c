/* author_xlsx.c - placeholder */
#include "authoring.h"

slc_status slc_author_xlsx(const slc_catalog *cat, const slc_doc *doc,
                           const slc_author_opts *o, const char *path, slc_error *err)
{
    (void)cat, (void)doc, (void)o;
    return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "XLSX templates are not written yet");
}
