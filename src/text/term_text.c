/* term_text.c - vendor text made safe for a terminal or a CI log. */
#include "term_text.h"

/* the code point of a well-formed UTF-8 sequence at s (n bytes left) and
 * its length, or 0 if the bytes there are not UTF-8 */
static size_t decode(const unsigned char *s, size_t n, unsigned long *cp)
{
    unsigned char c = s[0];
    size_t len;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* a character that reorders or breaks what a terminal or log viewer shows */
static int is_hidden_control(unsigned long cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

void slc_term_text_add(slc_buf *out, const char *s, size_t n, unsigned flags)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned long cp;
        size_t len = decode(p, (size_t)(end - p), &cp);
        if (len == 0) { /* not UTF-8: the byte, visibly */
            char e[4] = {'\\', 'x', hex[*p >> 4], hex[*p & 15]};
            slc_buf_add(out, e, 4);
            p++;
            continue;
        }
        if ((cp == '\r' || cp == '\n') && (flags & SLC_TERM_PASS_CR_LF)) {
            slc_buf_addc(out, (char)cp);
        } else if (cp == '\r' || cp == '\n') {
            if (flags & SLC_TERM_KEEP_LF) {
                if (cp == '\r' && p + 1 < end && p[1] == '\n')
                    p++;
                slc_buf_addc(out, '\n');
            } else {
                slc_buf_adds(out, cp == '\r' ? "\\r" : "\\n");
            }
        } else if (cp == '\t') { /* layout, not control: a space keeps columns whole */
            slc_buf_addc(out, ' ');
        } else if (cp < 0x20 || cp == 0x7F) {
            char e[4] = {'\\', 'x', hex[cp >> 4], hex[cp & 15]};
            slc_buf_add(out, e, 4);
        } else if (is_hidden_control(cp)) {
            slc_buf_addf(out, "<U+%04lX>", cp);
        } else {
            slc_buf_add(out, p, len);
        }
        p += len;
    }
}

void slc_term_text_adds(slc_buf *out, const char *s, unsigned flags)
{
    const char *e = s;
    if (!s)
        return;
    while (*e)
        e++;
    slc_term_text_add(out, s, (size_t)(e - s), flags);
}
