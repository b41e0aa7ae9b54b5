/* export_html.c - placeholder, being written */
#include "export.h"

slc_status slc_export_html(const slc_export *x, const char *path, slc_error *err)
{
    (void)x;
    return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "html reports are not written yet");
}
