/* text.c - decoding, normalization and comparison keys (ICU lives here). */
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* ---- locating bytes ------------------------------------------------- */

/* 1-based line of a byte offset; `unit` is 1 for 8-bit encodings, 2 for
 * UTF-16 (`be` says which byte of the unit is high). */
static long line_at(const char *bytes, size_t offset, int unit, int be)
{
    long line = 1;
    if (unit == 1) {
        for (size_t i = 0; i < offset; i++)
            line += bytes[i] == '\n';
        return line;
    }
    for (size_t i = 0; i + 1 < offset; i += 2) {
        unsigned char hi = (unsigned char)bytes[i + (be ? 0 : 1)];
        unsigned char lo = (unsigned char)bytes[i + (be ? 1 : 0)];
        line += hi == 0 && lo == '\n';
    }
    return line;
}

/* ---- encoding names ------------------------------------------------- */

static const struct {
    const char *alias, *icu;
} encoding_aliases[] = {
    {"cp932", "windows-31j"},     {"windows-31j", "windows-31j"},
    {"ms932", "windows-31j"},     {"shift_jis", "windows-31j"},
    {"shift-jis", "windows-31j"}, {"sjis", "windows-31j"},
    {"utf-8", "UTF-8"},           {"utf8", "UTF-8"},
    {"utf-16le", "UTF-16LE"},     {"utf-16be", "UTF-16BE"},
    {"utf-16", "UTF-16"},         {"euc-jp", "EUC-JP"},
    {"eucjp", "EUC-JP"},          {"iso-2022-jp", "ISO-2022-JP"},
};

const char *slc_text_encoding_name(const char *name)
{
    for (size_t i = 0; i < sizeof(encoding_aliases) / sizeof(encoding_aliases[0]); i++)
        if (!strcasecmp(name, encoding_aliases[i].alias))
            return encoding_aliases[i].icu;
    UErrorCode st = U_ZERO_ERROR;
    const char *canon = ucnv_getCanonicalName(name, "IANA", &st);
    if (U_FAILURE(st) || !canon) {
        st = U_ZERO_ERROR;
        canon = ucnv_getCanonicalName(name, "", &st);
    }
    if (U_FAILURE(st) || !canon)
        return NULL;
    return canon;
}

/* ---- strict conversion through ICU ----------------------------------- */

/* Converts n bytes from one encoding to another, stopping at the first
 * sequence the source cannot read or the target cannot write. Returns 0;
 * -1 when stopped, with *stop the source bytes consumed and inv (*ninv bytes) the
 * rejected bytes as the source converter saw them (up to 8); or -2 when a
 * converter is unknown. `growth`: output bytes per input byte at most. */
static int convert(const char *from_name, const char *to_name, const char *src, size_t n,
                   size_t growth, slc_buf *out, size_t *stop, char inv[8], int *ninv)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *from = ucnv_open(from_name, &st);
    if (U_FAILURE(st))
        return -2;
    UConverter *to = ucnv_open(to_name, &st);
    if (U_FAILURE(st)) {
        ucnv_close(from);
        return -2;
    }
    ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);

    slc_buf_clear(out);
    slc_buf_grow(out, n * growth + 16);
    char *target = out->data;
    const char *source = src;
    st = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &target, out->data + out->cap - 1, &source, src + n, NULL, NULL, NULL,
                   NULL, 1, 1, &st);
    int rc = 0;
    if (U_FAILURE(st)) {
        int8_t ilen = 8;
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(from, inv, &ilen, &st2);
        *ninv = U_FAILURE(st2) ? 0 : ilen;
        *stop = (size_t)(source - src);
        slc_buf_clear(out);
        rc = -1;
    } else {
        out->len = (size_t)(target - out->data);
        out->data[out->len] = '\0';
    }
    ucnv_close(from);
    ucnv_close(to);
    return rc;
}

/* Converts bytes in `cvname` to UTF-8, stopping at the first bad sequence.
 * Returns 0, -1 (bad bytes at *bad_off) or -2 (converter unknown). */
static int convert_strict(const char *cvname, const char *src, size_t n, slc_buf *out,
                          long long *bad_off, unsigned char *bad, int *nbad)
{
    char inv[8];
    int ninv = 0;
    size_t stop = 0;
    int rc = convert(cvname, "UTF-8", src, n, 3, out, &stop, inv, &ninv);
    if (rc == -1) {
        *bad_off = (long long)stop - ninv;
        if (*bad_off < 0)
            *bad_off = 0;
        *nbad = ninv > 4 ? 4 : ninv;
        memcpy(bad, inv, (size_t)*nbad);
    }
    return rc;
}

slc_status slc_text_encode(const char *utf8, size_t n, const char *encoding, const char *path,
                           slc_buf *out, slc_error *err)
{
    const char *cvname = slc_text_encoding_name(encoding);
    char inv[8];
    int ninv = 0;
    size_t at = 0;
    int rc = cvname ? convert("UTF-8", cvname, utf8, n, 2, out, &at, inv, &ninv) : -2;
    if (rc == -2)
        return slc_error_set(err, SLC_ERR_ENCODING, path, 0, -1, "unknown encoding %s", encoding);
    if (rc == 0)
        return SLC_OK;
    /* the character that has no place in the encoding (just before where the
     * conversion stopped), and its line */
    if (at > 0)
        at--;
    while (at > 0 && ((unsigned char)utf8[at] & 0xC0) == 0x80)
        at--;
    long line = 1;
    for (size_t i = 0; i < at; i++)
        line += utf8[i] == '\n';
    size_t len = 1;
    while (at + len < n && ((unsigned char)utf8[at + len] & 0xC0) == 0x80)
        len++;
    return slc_error_set(err, SLC_ERR_UNMAPPABLE, path, line, (long long)at,
                         "\"%.*s\" cannot be written in %s", (int)len, utf8 + at, cvname);
}

/* ---- UTF-8 ---------------------------------------------------------- */

typedef struct utf8_stats {
    size_t multibyte; /* valid sequences of 2-4 bytes */
    size_t invalid;   /* invalid sequences */
    size_t first_bad; /* offset of the first invalid sequence */
} utf8_stats;

/* bytes below 0x80 from p[i], eight at a time */
static size_t ascii_run(const uint8_t *p, size_t i, size_t n)
{
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

static void utf8_scan(const char *s, size_t n, utf8_stats *st)
{
    memset(st, 0, sizeof(*st));
    st->first_bad = (size_t)-1;
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0, len = (int32_t)n;
    while (i < len) {
        if (p[i] < 0x80) {
            i = (int32_t)ascii_run(p, (size_t)i, n);
            continue;
        }
        /* the usual case in Japanese text: a run of three-byte characters
         * outside E0 and ED, whose second bytes are restricted (U8_NEXT
         * checks those) */
        size_t run = 0;
        while (i + 2 < len && (unsigned)(p[i] - 0xE1) <= 0xEF - 0xE1 && p[i] != 0xED &&
               (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            i += 3;
            run++;
        }
        st->multibyte += run;
        if (run)
            continue;
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) {
            st->invalid++;
            if (st->first_bad == (size_t)-1)
                st->first_bad = (size_t)start;
        } else {
            st->multibyte++;
        }
    }
}

/* Copies UTF-8, replacing invalid sequences by U+FFFD and noting them. */
static void utf8_repair(const char *s, size_t n, slc_decoded *out, slc_buf *b)
{
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0, len = (int32_t)n, run = 0;
    slc_buf_grow(b, n + 16);
    while (i < len) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c >= 0)
            continue;
        /* copy the valid run before the bad sequence in one go */
        slc_buf_add(b, s + run, (size_t)(start - run));
        run = i;
        if (out->nbad < SLC_TEXT_MAX_BAD) {
            slc_bad_bytes *bb = &out->bad[out->nbad];
            bb->offset = start;
            bb->line = line_at(s, (size_t)start, 1, 0);
            bb->decoded = b->len;
            bb->nbytes = i - start > 4 ? 4 : i - start;
            memcpy(bb->bytes, s + start, (size_t)bb->nbytes);
        }
        out->nbad++;
        slc_buf_adds(b, "\xEF\xBF\xBD");
    }
    slc_buf_add(b, s + run, (size_t)(len - run));
}

/* half-width katakana U+FF61..U+FF9F (EF BD A1..EF BE 9F in UTF-8) */
static size_t halfwidth_kana(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i + 2 < n; i++)
        if ((unsigned char)s[i] == 0xEF &&
            (((unsigned char)s[i + 1] == 0xBD && (unsigned char)s[i + 2] >= 0xA1) ||
             ((unsigned char)s[i + 1] == 0xBE && (unsigned char)s[i + 2] <= 0x9F)))
            k++;
    return k;
}

/* ---- decode ---------------------------------------------------------- */

static int has_nul(const char *s, size_t n, size_t *at)
{
    const char *z = memchr(s, '\0', n);
    if (!z)
        return 0;
    *at = (size_t)(z - s);
    return 1;
}

/* Text checklists hold no control characters but tab, CR, LF, FF. */
static int find_control(const char *s, size_t n, size_t *at)
{
    static const uint32_t ok = 1u << '\t' | 1u << '\n' | 1u << '\r' | 1u << '\f';
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    /* eight bytes at a time; a word with a byte below 0x20 or a 0x7F is
     * looked at byte by byte (tabs and line ends are) */
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t low = (w - ones * 0x20) & ~w & highs;
            uint64_t d = w ^ ones * 0x7f, del = (d - ones) & ~d & highs;
            if (!(low | del)) {
                i += 8;
                continue;
            }
        }
        for (size_t end = i + 8 < n ? i + 8 : n; i < end; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((c < 0x20 && !(ok >> c & 1)) || c == 0x7f) {
                *at = i;
                return 1;
            }
        }
    }
    return 0;
}

static void describe_bytes(char *dst, size_t cap, const unsigned char *b, int n)
{
    size_t used = 0;
    dst[0] = '\0';
    for (int i = 0; i < n && used + 6 < cap; i++)
        used += (size_t)snprintf(dst + used, cap - used, "%s0x%02X", i ? " " : "", b[i]);
}

slc_status slc_text_decode(const char *bytes, size_t n, const char *encoding, const char *path,
                           slc_decoded *out, slc_error *err)
{
    slc_buf b;
    slc_status rc = SLC_OK;
    long long bad_off = -1;
    unsigned char badb[4];
    int nbadb = 0;
    char desc[64];

    memset(out, 0, sizeof(*out));
    slc_buf_init(&b);
    if (n == 0)
        return slc_error_set(err, SLC_ERR_EMPTY, path, 0, -1, NULL);
    if (n > INT32_MAX / 4)
        return slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, -1, "%zu bytes", n);

    const unsigned char *u = (const unsigned char *)bytes;
    const char *cv = NULL; /* converter for strict decoding, if not UTF-8 */
    size_t skip = 0;
    int unit = 1, be = 0;

    if (encoding) {
        cv = slc_text_encoding_name(encoding);
        if (!cv)
            return slc_error_set(err, SLC_ERR_ENCODING, path, 0, -1, "%s", encoding);
        if (!strcmp(cv, "UTF-8")) {
            cv = NULL;
            if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
                skip = 3, out->bom = 1;
        } else if (!strcasecmp(cv, "UTF-16LE") || !strcasecmp(cv, "UTF-16BE") ||
                   !strcasecmp(cv, "UTF-16")) {
            unit = 2;
            be = !strcasecmp(cv, "UTF-16BE");
            /* a BOM that agrees with the forced byte order is not text */
            if (strcasecmp(cv, "UTF-16") && n >= 2 && u[0] == (be ? 0xFE : 0xFF) &&
                u[1] == (be ? 0xFF : 0xFE))
                skip = 2, out->bom = 1;
        }
    } else if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3, out->bom = 1;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        cv = "UTF-16LE", skip = 2, unit = 2, out->bom = 1;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        cv = "UTF-16BE", skip = 2, unit = 2, be = 1, out->bom = 1;
    }

    if (unit == 1) {
        size_t at;
        if (has_nul(bytes, n, &at)) {
            rc = slc_error_set(err, SLC_ERR_BINARY, path, line_at(bytes, at, 1, 0), (long long)at,
                               "NUL byte");
            goto done;
        }
    }

    if (!cv && !encoding) {
        utf8_stats st;
        utf8_scan(bytes + skip, n - skip, &st);
        if (st.invalid == 0 || out->bom || (st.multibyte >= 8 && st.invalid * 20 <= st.multibyte)) {
            out->encoding = "UTF-8";
            if (st.invalid)
                utf8_repair(bytes + skip, n - skip, out, &b);
            else
                slc_buf_add(&b, bytes + skip, n - skip);
            for (size_t i = 0; i < out->nbad && i < SLC_TEXT_MAX_BAD; i++) {
                out->bad[i].offset += (long long)skip;
                out->bad[i].line = line_at(bytes, (size_t)out->bad[i].offset, 1, 0);
            }
        } else {
            /* Legacy Japanese encodings, tried strictly: CP932 (what Excel on
             * Japanese Windows writes), then EUC-JP. A strict decoder rejects
             * the wrong one almost always; when both read the bytes, EUC-JP
             * text read as CP932 turns into half-width katakana, so that
             * decides. (ICU's statistical detector cost more than the rest of
             * the load put together and decided nothing this does not.) */
            const char *cands[2] = {"windows-31j", "EUC-JP"};
            int nc = 2;
            int ok = 0;
            /* if none fits, point at the bytes where the candidate that read
             * furthest failed: in a Shift_JIS file with one bad byte that is
             * the bad byte, not the first non-ASCII character */
            long long far_off = -1;
            unsigned char far_b[4];
            int far_n = 0;
            const char *far_cv = NULL;
            for (int i = 0; i < nc && !ok; i++) {
                if (convert_strict(cands[i], bytes, n, &b, &bad_off, badb, &nbadb) == 0) {
                    out->encoding = cands[i];
                    ok = 1;
                    if (i == 0 && halfwidth_kana(b.data, b.len) > 0) {
                        slc_buf alt;
                        slc_buf_init(&alt);
                        if (convert_strict("EUC-JP", bytes, n, &alt, &bad_off, badb, &nbadb) == 0 &&
                            halfwidth_kana(alt.data, alt.len) < halfwidth_kana(b.data, b.len)) {
                            slc_buf_release(&b);
                            b = alt;
                            out->encoding = "EUC-JP";
                        } else {
                            slc_buf_release(&alt);
                        }
                    }
                } else if (bad_off > far_off) {
                    far_off = bad_off;
                    far_n = nbadb;
                    memcpy(far_b, badb, sizeof(far_b));
                    far_cv = cands[i];
                }
            }
            if (!ok && far_cv && far_off > (long long)st.first_bad && far_n > 0) {
                describe_bytes(desc, sizeof(desc), far_b, far_n);
                rc = slc_error_set(err, SLC_ERR_DECODE, path, line_at(bytes, (size_t)far_off, 1, 0),
                                   far_off, "%s is not valid %s%s; not UTF-8 either", desc, far_cv,
                                   !strcmp(far_cv, "windows-31j") ? " (Shift_JIS)" : "");
                goto done;
            }
            if (!ok) {
                unsigned char ub[4] = {0, 0, 0, 0};
                int nub = 0;
                for (size_t i = st.first_bad; i < n && nub < 4; i++)
                    ub[nub++] = u[i];
                describe_bytes(desc, sizeof(desc), ub, nub > 1 ? 1 : nub);
                rc = slc_error_set(err, SLC_ERR_DECODE, path, line_at(bytes, st.first_bad, 1, 0),
                                   (long long)st.first_bad,
                                   "byte %s is not UTF-8; not windows-31j (Shift_JIS) "
                                   "or EUC-JP either",
                                   desc);
                goto done;
            }
        }
    } else if (cv) {
        int r = convert_strict(cv, bytes + skip, n - skip, &b, &bad_off, badb, &nbadb);
        if (r == -2) {
            rc = slc_error_set(err, SLC_ERR_ENCODING, path, 0, -1, "%s", encoding ? encoding : cv);
            goto done;
        }
        if (r == -1) {
            bad_off += (long long)skip;
            describe_bytes(desc, sizeof(desc), badb, nbadb);
            rc = slc_error_set(err, SLC_ERR_DECODE, path, line_at(bytes, (size_t)bad_off, unit, be),
                               bad_off, "%s is not valid %s", desc, cv);
            goto done;
        }
        /* the name detection would report (EUC-JP, not ICU's euc-jp-2007) */
        out->encoding = cv;
        if (!strcasecmp(cv, "UTF-16LE"))
            out->encoding = "UTF-16LE";
        else if (!strcasecmp(cv, "UTF-16BE"))
            out->encoding = "UTF-16BE";
    } else {
        /* --encoding utf-8: strict */
        utf8_stats st;
        utf8_scan(bytes + skip, n - skip, &st);
        if (st.invalid) {
            size_t at = st.first_bad + skip;
            describe_bytes(desc, sizeof(desc), u + at, 1);
            rc = slc_error_set(err, SLC_ERR_DECODE, path, line_at(bytes, at, 1, 0), (long long)at,
                               "%s is not valid UTF-8", desc);
            goto done;
        }
        out->encoding = "UTF-8";
        slc_buf_add(&b, bytes + skip, n - skip);
    }

    /* A NUL or control character in decoded text means binary data. */
    size_t at;
    if (find_control(b.data ? b.data : "", b.len, &at)) {
        long line = 1;
        for (size_t i = 0; i < at; i++)
            line += b.data[i] == '\n';
        rc = slc_error_set(err, SLC_ERR_BINARY, path, line, -1, "control character U+%04X",
                           (unsigned)(unsigned char)b.data[at]);
        goto done;
    }
    if (b.len == 0) {
        rc = slc_error_set(err, SLC_ERR_EMPTY, path, 0, -1, NULL);
        goto done;
    }
    out->utf8 = slc_buf_detach(&b, &out->len);
done:
    slc_buf_release(&b);
    if (rc != SLC_OK) {
        free(out->utf8);
        memset(out, 0, sizeof(*out));
    }
    return rc;
}

long long slc_text_source_offset(const slc_decoded *d, size_t offset)
{
    size_t bom = 0;
    if (d->bom)
        bom = !strcmp(d->encoding, "UTF-8") ? 3 : 2;
    if (offset > d->len)
        offset = d->len;
    if (!strcmp(d->encoding, "UTF-8"))
        return (long long)(bom + offset);
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(d->encoding, &st);
    if (U_FAILURE(st))
        return -1;
    UConverter *u8 = ucnv_open("UTF-8", &st);
    char buf[4096];
    long long total = 0;
    const char *src = d->utf8, *end = d->utf8 + offset;
    while (U_SUCCESS(st) && src < end) {
        char *t = buf;
        ucnv_convertEx(cv, u8, &t, buf + sizeof(buf), &src, end, NULL, NULL, NULL, NULL, total == 0,
                       1, &st);
        total += t - buf;
        if (st == U_BUFFER_OVERFLOW_ERROR)
            st = U_ZERO_ERROR;
    }
    ucnv_close(u8);
    ucnv_close(cv);
    return U_SUCCESS(st) ? (long long)bom + total : -1;
}

void slc_decoded_release(slc_decoded *d)
{
    if (!d)
        return;
    free(d->utf8);
    memset(d, 0, sizeof(*d));
}

/* ---- normalization and keys ------------------------------------------ */

/* UTF-8 -> UTF-16 into *u (stack buffer or heap); returns length or -1. */
static int32_t to_utf16(const char *s, size_t n, UChar *stack, int32_t cap, UChar **u)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = 0;
    *u = stack;
    u_strFromUTF8Lenient(stack, cap, &len, s, (int32_t)n, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) {
        *u = slc_xmalloc(sizeof(UChar) * (size_t)(len + 1));
        st = U_ZERO_ERROR;
        u_strFromUTF8Lenient(*u, len + 1, &len, s, (int32_t)n, &st);
    }
    return U_FAILURE(st) ? -1 : len;
}

static int32_t normalize(const UNormalizer2 *nz, const UChar *src, int32_t len, UChar *stack,
                         int32_t cap, UChar **dst)
{
    UErrorCode st = U_ZERO_ERROR;
    *dst = stack;
    int32_t out = unorm2_normalize(nz, src, len, stack, cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) {
        *dst = slc_xmalloc(sizeof(UChar) * (size_t)(out + 1));
        st = U_ZERO_ERROR;
        out = unorm2_normalize(nz, src, len, *dst, out + 1, &st);
    }
    return U_FAILURE(st) ? -1 : out;
}

void slc_text_append_cp(slc_buf *out, int32_t c)
{
    if (c < 0 || c > 0x10FFFF)
        c = 0xFFFD;
    slc_buf_grow(out, 4);
    int32_t i = 0;
    U8_APPEND_UNSAFE((uint8_t *)out->data + out->len, i, c);
    out->len += (size_t)i;
    out->data[out->len] = '\0';
}

void slc_text_append_cps(slc_buf *out, const int32_t *cp, size_t n)
{
    slc_buf_grow(out, 4 * n + 1);
    uint8_t *d = (uint8_t *)out->data + out->len;
    int32_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int32_t c = cp[i] < 0 || cp[i] > 0x10FFFF ? 0xFFFD : cp[i];
        U8_APPEND_UNSAFE(d, k, c);
    }
    out->len += (size_t)k;
    out->data[out->len] = '\0';
}

/* The common case without ICU: text made only of code points whose NFKC
 * (and NFKC_Casefold) is one code point that composes with no neighbour:
 * ASCII, kana, CJK ideographs (slc_text_is_kana_or_han), 々〆〇ゝゞヽヾ, the
 * Japanese punctuation and symbols U+3001..3004, U+3008..301F and ・, the
 * ideographic space (a space) and the full-width forms of ASCII
 * (U+FF01..FF5E, ASCII after NFKC). Appends what ICU would, and returns 1;
 * returns 0, having appended nothing, at the first other code point (or
 * bad UTF-8). Folding keeps letters (ASCII ones lowercased), digits, kana
 * and ideographs, and drops the rest (spaces, controls, punctuation,
 * symbols), as the ICU path does. tests/unit/test_text.c checks every BMP
 * code point against ICU. */
static int transform_plain(slc_buf *out, const char *s, size_t n, int fold)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t start = out->len;
    slc_buf_grow(out, n);
    char *d = out->data + out->len;
    for (size_t i = 0; i < n;) {
        unsigned char b = p[i];
        if (b < 0x80) {
            i++;
        } else {
            if (b < 0xE3 || (b > 0xE9 && b != 0xEF) || i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 ||
                (p[i + 2] & 0xC0) != 0x80)
                goto other;
            int32_t c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                b = (unsigned char)(c - 0xFEE0); /* full-width ASCII */
            } else if (c == 0x3000) {
                b = ' ';
            } else if (slc_text_is_kana_or_han(c) || (c >= 0x3005 && c <= 0x3007) || c == 0x309D ||
                       c == 0x309E || c == 0x30FD || c == 0x30FE) {
                memcpy(d, p + i, 3); /* letters: kept by folding too */
                d += 3;
                i += 3;
                continue;
            } else if ((c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x301F) ||
                       c == 0x30FB) {
                if (!fold) /* punctuation and symbols: dropped by folding */
                    memcpy(d, p + i, 3), d += 3;
                i += 3;
                continue;
            } else {
                goto other;
            }
            i += 3;
        }
        if (!fold || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
            *d++ = (char)b;
        else if (b >= 'A' && b <= 'Z')
            *d++ = (char)(b + 32);
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
    return 1;
other:
    out->len = start;
    out->data[out->len] = '\0';
    return 0;
}

static void transform(slc_buf *out, const char *s, size_t n, int fold)
{
    if (transform_plain(out, s, n, fold))
        return;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nz =
        fold ? unorm2_getNFKCCasefoldInstance(&st) : unorm2_getNFKCInstance(&st);
    if (U_FAILURE(st)) {
        slc_buf_add(out, s, n);
        return;
    }
    UChar s1[256], s2[256], *u = NULL, *v = NULL;
    int32_t ulen = to_utf16(s, n, s1, 256, &u);
    int32_t vlen = -1;
    UErrorCode qs = U_ZERO_ERROR;
    if (ulen >= 0 && unorm2_quickCheck(nz, u, ulen, &qs) == UNORM_YES && U_SUCCESS(qs)) {
        v = u; /* already normalized: most Japanese text is */
        vlen = ulen;
    } else if (ulen >= 0) {
        vlen = normalize(nz, u, ulen, s2, 256, &v);
    }
    if (vlen < 0) {
        slc_buf_add(out, s, n);
    } else {
        int32_t i = 0;
        while (i < vlen) {
            UChar32 c;
            U16_NEXT(v, i, vlen, c);
            if (fold) {
                int8_t t = u_charType(c);
                if (u_isUWhiteSpace(c) || t == U_CONTROL_CHAR || t == U_FORMAT_CHAR ||
                    (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)))
                    continue;
            }
            slc_text_append_cp(out, c);
        }
    }
    if (v && v != s2 && v != u)
        free(v);
    if (u && u != s1)
        free(u);
}

void slc_text_nfkc(slc_buf *out, const char *s, size_t n)
{
    transform(out, s, n, 0);
}

void slc_text_fold(slc_buf *out, const char *s, size_t n)
{
    transform(out, s, n, 1);
}

static int32_t decode_cps(const char *s, UChar32 *stack, int32_t cap, UChar32 **cps)
{
    int32_t n = (int32_t)strlen(s), i = 0, k = 0;
    *cps = n <= cap ? stack : slc_xmalloc(sizeof(UChar32) * (size_t)n);
    while (i < n) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        (*cps)[k++] = c;
    }
    return k;
}

double slc_text_similarity(const char *a, const char *b, double min)
{
    if (!strcmp(a, b))
        return 1.0;
    /* lengths alone may already rule it out: no need to decode */
    size_t na = slc_text_length(a, strlen(a)), nb = slc_text_length(b, strlen(b));
    size_t nl = na > nb ? na : nb, diff = na > nb ? na - nb : nb - na;
    if (nl == 0 || (double)diff > (1.0 - min) * (double)nl + 1e-9)
        return 0.0;
    UChar32 sa[128], sb[128], *ca, *cb;
    int32_t la = decode_cps(a, sa, 128, &ca), lb = decode_cps(b, sb, 128, &cb);
    int32_t longer = la > lb ? la : lb;
    double result = 0;
    if (longer == 0)
        goto out;
    /* the distance may not exceed k for the ratio to reach min */
    int32_t k = (int32_t)((1.0 - min) * longer + 1e-9);
    if (abs(la - lb) > k)
        goto out;
    int32_t rs[129], *row = lb + 1 <= 129 ? rs : slc_xmalloc(sizeof(int32_t) * (size_t)(lb + 1));
    for (int32_t j = 0; j <= lb; j++)
        row[j] = j;
    int32_t dist = 0;
    for (int32_t i = 1; i <= la; i++) {
        int32_t diag = row[0], best;
        row[0] = i;
        best = row[0];
        for (int32_t j = 1; j <= lb; j++) {
            int32_t up = row[j];
            int32_t v = diag + (ca[i - 1] != cb[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > k) {
            dist = -1;
            break;
        }
    }
    if (dist == 0)
        dist = row[lb];
    if (row != rs)
        free(row);
    if (dist >= 0 && dist <= k)
        result = 1.0 - (double)dist / longer;
out:
    if (ca != sa)
        free(ca);
    if (cb != sb)
        free(cb);
    return result >= min ? result : 0.0;
}

size_t slc_text_offset(const char *s, size_t cp)
{
    size_t i = 0;
    for (; s[i] && cp; i++)
        if (((unsigned char)s[i + 1] & 0xC0) != 0x80)
            cp--;
    return i;
}

size_t slc_text_length(const char *s, size_t n)
{
    size_t k = 0, i = 0;
    /* eight bytes at a time: the bytes that begin no code point are
     * 10xxxxxx (bit 7 set, bit 6 clear), counted by one multiplication */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        k += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int cp_width(UChar32 c)
{
    int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
        return 0;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (ea == U_EA_FULLWIDTH || ea == U_EA_WIDE) ? 2 : 1;
}

size_t slc_text_fit(const char *s, size_t n, size_t width)
{
    size_t w = 0;
    int32_t i = 0, len = (int32_t)n;
    while (i < len) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, len, c);
        int cw = c < 0 ? 1 : cp_width(c);
        if (w + (size_t)cw > width)
            return (size_t)start;
        w += (size_t)cw;
    }
    return n;
}

size_t slc_text_width(const char *s, size_t n)
{
    size_t w = 0;
    int32_t i = 0, len = (int32_t)n;
    while (i < len) {
        UChar32 c;
        if ((unsigned char)s[i] < 0x80) { /* ASCII: one column */
            i++;
            w++;
            continue;
        }
        U8_NEXT((const uint8_t *)s, i, len, c);
        if (c < 0)
            continue;
        if (slc_text_is_kana_or_han(c)) { /* wide, without asking ICU */
            w += 2;
            continue;
        }
        int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        int8_t t = u_charType(c);
        if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
            continue;
        w += (ea == U_EA_FULLWIDTH || ea == U_EA_WIDE) ? 2 : 1;
    }
    return w;
}
