/* report_diff.h - the comparison for a terminal: a summary, then the items
 * side by side in columns sized by display width (full-width characters
 * take two cells), or, for two versions, the changes word by word. */
#ifndef SLC_REPORT_DIFF_H
#define SLC_REPORT_DIFF_H

#include "compare.h"
#include "util.h"

typedef struct slc_diff_view {
    size_t width;              /* terminal columns */
    int colour;                /* ANSI colours */
    int all;                   /* every item, not only those that differ */
    const unsigned char *show; /* per catalog index: 1 to include (NULL: all) */
    slc_lang lang;
} slc_diff_view;

void slc_report_diff_text(const slc_comparison *c, const slc_diff_view *v, slc_buf *out);

#endif
