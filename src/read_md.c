/* read_md.c - placeholder: Markdown checklists are being written */
#include "readers.h"

int slc_md_sniff(const char *path, const char *text, size_t len)
{
    (void)path, (void)text, (void)len;
    return 0;
}

slc_status slc_md_read(const slc_catalog *cat, const char *text, size_t len,
                       const slc_limits *limits, slc_arena *arena, const char *path,
                       slc_table *out, slc_error *err)
{
    (void)cat, (void)text, (void)len, (void)limits, (void)arena, (void)out;
    return slc_error_set(err, SLC_ERR_FORMAT, path, 0, -1, "Markdown input is not read yet");
}
