/* output.h - writing a result so that failure never leaves a half-written
 * file: regular files go to a temporary file beside the target and are
 * renamed over it at commit; "-" is standard output; devices and pipes
 * are written in place (never replaced). */
#ifndef SLC_OUTPUT_H
#define SLC_OUTPUT_H

#include <stdio.h>

#include "status.h"

typedef struct slc_output {
    FILE *fp;
    char *path;   /* target, NULL for standard output */
    char *tmp;    /* temporary file, NULL when writing in place */
    char *staged; /* by path to a pipe or device: the file to copy there */
} slc_output;

slc_status slc_output_open(slc_output *out, const char *path, slc_error *err);
/* For writers that create their file from a path (libxlsxwriter): *write_to
 * is a fresh temporary file to fill. For a regular target it lies beside
 * it and commit renames it into place; for standard output, a pipe or a
 * device it lies in $TMPDIR and commit copies its bytes there. */
slc_status slc_output_open_path(slc_output *out, const char *path, const char **write_to,
                                slc_error *err);
/* Flushes and checks every write; renames the temporary into place. */
slc_status slc_output_commit(slc_output *out, slc_error *err);
/* Drops what was written; the target is left as it was. */
void slc_output_abort(slc_output *out);

/* Removes every temporary file an output has open; async-signal-safe, for
 * a SIGINT/SIGTERM handler (the library installs none). */
void slc_output_remove_temporaries(void);

/* 1 if both paths name the same existing file. */
int slc_same_file(const char *a, const char *b);
/* 1 if writing to a and to b would write the same place: both standard
 * output (NULL or "-"), the same existing file (device and inode), or the
 * same name in the same directory (resolved: "y.html" and "./y.html"). */
int slc_output_same_target(const char *a, const char *b);

#endif
