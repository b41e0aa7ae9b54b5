/* catalog_emit.h - a loaded definition written as C (see catalog_emit.c). */
#ifndef SLC_CATALOG_EMIT_H
#define SLC_CATALOG_EMIT_H

#include <stdio.h>

#include "catalog.h"

/* Writes cat as C source defining slc_catalog_tables() (everything but
 * the path and the compiled regexes); `from` names the source in the
 * header comment. Returns 0, or -1 if the output failed or a number
 * cannot be written. */
int slc_catalog_emit(const slc_catalog *cat, const char *from, FILE *out);

#endif
