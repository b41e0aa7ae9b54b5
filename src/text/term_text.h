/* term_text.h - vendor text made safe for a terminal or a CI log.
 *
 * A vendor's file is untrusted and the text report, GitHub annotations,
 * `diff` and error messages go to terminals and CI logs. Every character
 * that can move the cursor, start a new line, send an escape sequence or
 * reorder what is shown is written visibly instead:
 *   C0 controls and DEL      \n \r, others \xHH ("\x1b" for ESC); a tab
 *                            becomes a space
 *   C1 controls U+0080-009F  <U+009B>
 *   bidi controls            <U+202E> (U+061C, U+200E-200F, U+202A-202E,
 *                            U+2066-2069), and the line and paragraph
 *                            separators U+2028-2029
 *   U+FFFE, U+FFFF           <U+FFFE> (not characters; XML forbids them)
 *   bytes that are not UTF-8 \xHH
 * The rendering is for reading, not a reversible encoding: a backslash
 * in the text is kept as it is. */
#ifndef SLC_TERM_TEXT_H
#define SLC_TERM_TEXT_H

#include <stddef.h>

#include "util.h"

enum {
    /* keep line breaks (LF, CR LF and a lone CR become LF) for writers that
     * lay out several lines themselves; every other control is still shown */
    SLC_TERM_KEEP_LF = 1,
    /* CR and LF passed through as they are, for a format that escapes them
     * itself (GitHub workflow commands: %0D %0A) */
    SLC_TERM_PASS_CR_LF = 2
};

/* Appends n bytes of s to out, rendered as above. */
void slc_term_text_add(slc_buf *out, const char *s, size_t n, unsigned flags);
/* The same for a NUL-terminated string; NULL appends nothing. */
void slc_term_text_adds(slc_buf *out, const char *s, unsigned flags);

#endif
