/* md_pipe.c - GFM pipe table rows (md_pipe.h). */
#include "md_pipe.h"

#include <string.h>

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

int slc_md_pipe_delimiter(const char *s, size_t n, size_t *ncols)
{
    size_t i = 0, cols = 0;
    int pipes = 0;
    while (n && (s[n - 1] == '\r' || blank(s[n - 1])))
        n--;
    while (i < n && blank(s[i]))
        i++;
    if (i < n && s[i] == '|')
        i++, pipes++;
    while (i < n) {
        while (i < n && blank(s[i]))
            i++;
        if (i < n && s[i] == ':')
            i++;
        size_t dashes = 0;
        while (i < n && s[i] == '-')
            i++, dashes++;
        if (i < n && s[i] == ':')
            i++;
        while (i < n && blank(s[i]))
            i++;
        if (!dashes)
            return 0;
        cols++;
        if (i < n) {
            if (s[i] != '|')
                return 0;
            i++, pipes++;
        }
    }
    /* "---" alone is a thematic break or a setext underline, not a table */
    if (!cols || !pipes)
        return 0;
    *ncols = cols;
    return 1;
}

size_t slc_md_pipe_cells(const char *s, size_t n, size_t max, slc_arena *arena, slc_ptrs *cells)
{
    size_t i = 0, count = 0;
    while (n && (s[n - 1] == '\r' || s[n - 1] == '\n' || blank(s[n - 1])))
        n--;
    while (i < n && blank(s[i]))
        i++;
    if (i < n && s[i] == '|')
        i++;
    /* a trailing unescaped pipe closes the row, it opens no cell */
    if (n > i && s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
        n--;
    for (;;) {
        size_t start = i;
        while (i < n && s[i] != '|') /* an escaped pipe is no boundary: escapes are skipped whole */
            i += s[i] == '\\' && i + 1 < n ? 2 : 1;
        size_t a = start, b = i < n ? i : n;
        while (a < b && blank(s[a]))
            a++;
        while (b > a && blank(s[b - 1]))
            b--;
        if (count < max) {
            char *c = slc_arena_alloc(arena, b - a + 1);
            size_t k = 0;
            for (size_t j = a; j < b; j++) {
                if (s[j] == '\\' && j + 1 < b && s[j + 1] == '|')
                    j++;
                c[k++] = s[j];
            }
            c[k] = '\0';
            slc_ptrs_push(cells, c);
        }
        count++;
        if (i >= n)
            break;
        i++; /* past the pipe */
    }
    return count;
}
