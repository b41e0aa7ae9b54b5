/* status.h - one status enum, one caller-owned error struct, one place
 * that turns them into words (libxlsxwriter's lxw_error + lxw_strerror). */
#ifndef SLC_STATUS_H
#define SLC_STATUS_H

#include <stddef.h>

#include "platform.h"

typedef enum slc_lang { SLC_LANG_EN = 0, SLC_LANG_JA = 1 } slc_lang;

/* How much a finding matters; ordered, so "at least warning" is >=. */
typedef enum slc_severity { SLC_SEV_INFO = 0, SLC_SEV_WARNING, SLC_SEV_ERROR } slc_severity;

typedef enum slc_status {
    SLC_OK = 0,
    SLC_ERR_IO,            /* cannot open, read or write a file */
    SLC_ERR_EMPTY,         /* input has no bytes */
    SLC_ERR_BINARY,        /* NUL bytes without a UTF-16 byte order mark */
    SLC_ERR_DECODE,        /* bytes are not text in any supported encoding */
    SLC_ERR_ENCODING,      /* --encoding names an encoding we cannot use */
    SLC_ERR_TOO_LARGE,     /* input exceeds a documented limit */
    SLC_ERR_FORMAT,        /* input is text but not a format we read */
    SLC_ERR_DEFINITION,    /* checklist definition is missing or invalid */
    SLC_ERR_INTERNAL,      /* a library call failed unexpectedly */
    SLC_ERR_UNMAPPABLE,    /* text holds a character the output encoding lacks */
    SLC_ERR_NOT_CHECKLIST, /* a document, image or archive (PDF, Word ...), by its signature */
    SLC_ERR_TEMPLATE       /* a --templates file is not a valid template */
} slc_status;

/* Filled by the library when a call fails; owned by the caller.
 * line/offset are 0/-1 when they do not apply. */
typedef struct slc_error {
    slc_status status;
    char path[1024];
    long line;        /* 1-based physical line, 0 if unknown */
    long long offset; /* byte offset in the file, -1 if unknown */
    char detail[512]; /* encoding name, library message, limit ... */
} slc_error;

void slc_error_clear(slc_error *err);
/* Records a failure; returns status for `return slc_error_set(...)`. */
slc_status slc_error_set(slc_error *err, slc_status status, const char *path, long line,
                         long long offset, const char *fmt, ...) SLC_PRINTF(6, 7);

/* Short name of a status, stable, e.g. "decode-error". */
const char *slc_status_id(slc_status status);
/* What the status means, in the given language. */
const char *slc_strerror(slc_status status, slc_lang lang);

#endif
