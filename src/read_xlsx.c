/* read_xlsx.c - placeholder: XLSX input is being written */
#include "readers.h"

#include <string.h>

int slc_xlsx_sniff(const char *bytes, size_t n)
{
    return n >= 4 && !memcmp(bytes, "PK\3\4", 4);
}

slc_status slc_xlsx_read(const slc_catalog *cat, const char *bytes, size_t n,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_error *err)
{
    (void)cat, (void)bytes, (void)n, (void)limits, (void)arena, (void)out;
    return slc_error_set(err, SLC_ERR_FORMAT, path, 0, -1, "XLSX input is not read yet");
}
