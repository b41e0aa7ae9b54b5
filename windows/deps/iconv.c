/* A minimal iconv for FreeXL on Windows, over the system's code pages
 * (MultiByteToWideChar / WideCharToMultiByte): FreeXL only converts whole
 * strings from a legacy code page or UTF-16LE to UTF-8, which is all this
 * supports. MinGW-w64 ships no iconv and Debian packages none for it. */
#include "iconv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

struct conv {
    UINT from; /* 1200 = UTF-16LE */
};

static UINT page_of(const char *name)
{
    if (!_stricmp(name, "UTF-16LE"))
        return 1200;
    if (!_stricmp(name, "UTF-8"))
        return CP_UTF8;
    if (!_stricmp(name, "ASCII"))
        return 20127;
    if (!_stricmp(name, "MacRoman"))
        return 10000;
    if (!_strnicmp(name, "CP", 2) && name[2] >= '0' && name[2] <= '9')
        return (UINT)strtoul(name + 2, NULL, 10);
    return 0;
}

iconv_t iconv_open(const char *to, const char *from)
{
    UINT f = page_of(from);
    if (page_of(to) != CP_UTF8 || !f || (f != 1200 && !IsValidCodePage(f))) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    struct conv *c = malloc(sizeof(*c));
    if (!c) {
        errno = ENOMEM;
        return (iconv_t)-1;
    }
    c->from = f;
    return c;
}

int iconv_close(iconv_t cd)
{
    free(cd);
    return 0;
}

size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft)
{
    struct conv *c = cd;
    if (!in || !*in || !*inleft)
        return 0;
    if (*inleft > 0x3fffffff) {
        errno = E2BIG;
        return (size_t)-1;
    }
    WCHAR *w = NULL;
    int nw;
    if (c->from == 1200) {
        if (*inleft % 2) {
            errno = EINVAL;
            return (size_t)-1;
        }
        nw = (int)(*inleft / 2);
        w = malloc((size_t)nw * sizeof(WCHAR) + 1);
        if (!w) {
            errno = ENOMEM;
            return (size_t)-1;
        }
        memcpy(w, *in, (size_t)nw * sizeof(WCHAR));
    } else {
        nw = MultiByteToWideChar(c->from, MB_ERR_INVALID_CHARS, *in, (int)*inleft, NULL, 0);
        if (nw <= 0) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        w = malloc((size_t)nw * sizeof(WCHAR));
        if (!w) {
            errno = ENOMEM;
            return (size_t)-1;
        }
        MultiByteToWideChar(c->from, MB_ERR_INVALID_CHARS, *in, (int)*inleft, w, nw);
    }
    int n = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w, nw, NULL, 0, NULL, NULL);
    if (n <= 0 || (size_t)n > *outleft) {
        free(w);
        errno = n <= 0 ? EILSEQ : E2BIG;
        return (size_t)-1;
    }
    WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w, nw, *out, n, NULL, NULL);
    free(w);
    *in += *inleft;
    *inleft = 0;
    *out += n;
    *outleft -= (size_t)n;
    return 0;
}
