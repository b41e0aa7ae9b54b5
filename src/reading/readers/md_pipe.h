/* md_pipe.h - GitHub Flavored Markdown pipe tables, line by line (the GFM
 * spec's "Tables (extension)"): which line is a delimiter row, and a row's
 * cells. No library: read_md.c finds the paragraphs (cmark) and turns each
 * cell's inline Markdown into text. */
#ifndef SLC_MD_PIPE_H
#define SLC_MD_PIPE_H

#include <stddef.h>

#include "util.h"

/* 1 if s[0..n) is a delimiter row ("| --- | :-: |", "---|---"), with the
 * number of columns in *ncols. */
int slc_md_pipe_delimiter(const char *s, size_t n, size_t *ncols);

/* The cells of a table row s[0..n): split at pipes that are not escaped
 * (a leading and a trailing pipe are optional), each cell trimmed of
 * spaces and tabs and its "\|" made "|" (GFM: escaped in code spans too).
 * Pushes at most `max` cells, copies in `arena`, onto `cells`; returns the
 * number of cells the row has (which may be more than `max`). */
size_t slc_md_pipe_cells(const char *s, size_t n, size_t max, slc_arena *arena, slc_ptrs *cells);

#endif
