/* signature.h - known formats that are not checklists, by their first
 * bytes (a PDF, Word, PowerPoint, OpenDocument, images, archives ...),
 * refused before any decoding would call them binary data. */
#ifndef SLC_SIGNATURE_H
#define SLC_SIGNATURE_H

#include <stddef.h>

#include "status.h"

/* SLC_ERR_NOT_CHECKLIST naming what the bytes are; SLC_OK for anything
 * else, workbooks (.xlsx, .xls) included. */
slc_status slc_signature_refuse(const char *bytes, size_t n, const char *path, slc_error *err);

#endif
