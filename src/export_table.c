/* export_table.c - placeholder */
#include "export.h"

slc_status slc_export_table(const slc_export *x, const char *path, char delimiter, slc_error *err)
{
    (void)x; (void)delimiter;
    return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "not yet");
}
