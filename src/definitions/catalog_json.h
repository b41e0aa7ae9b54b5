/* catalog_json.h - the catalog in use as JSON (items --format json),
 * versioned by SLC_JSON_VERSION (json_write.h). */
#ifndef SLC_CATALOG_JSON_H
#define SLC_CATALOG_JSON_H

#include "catalog.h"
#include "util.h"

/* Appends the catalog to out (the caller's buffer). */
void slc_json_catalog(const slc_catalog *cat, slc_buf *out);

#endif
