/* text.h - everything about characters, in one module over ICU:
 * detecting and decoding input encodings (strictly), NFKC normalization,
 * tolerant comparison keys, and display widths. Everything after this
 * module works on valid UTF-8. */
#ifndef SLC_TEXT_H
#define SLC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"
#include "util.h"

/* bad sequences whose place is kept (more are counted): enough for a few
 * cells pasted in another encoding, each of which is one finding */
#define SLC_TEXT_MAX_BAD 64

/* A position in the input where bytes could not be decoded. */
typedef struct slc_bad_bytes {
    long long offset; /* byte offset in the original input */
    long line;        /* 1-based physical line */
    unsigned char bytes[4];
    int nbytes;
    size_t decoded; /* byte offset of the U+FFFD put in its place in the decoded text */
} slc_bad_bytes;

typedef struct slc_decoded {
    char *utf8; /* malloc'd, NUL-terminated, valid UTF-8 */
    size_t len;
    const char *encoding; /* static name: "UTF-8", "UTF-16LE", "windows-31j", ... */
    int bom;              /* 1 if a byte order mark was present (and removed) */
    size_t nbad;          /* undecodable sequences replaced by U+FFFD */
    slc_bad_bytes bad[SLC_TEXT_MAX_BAD];
} slc_decoded;

/* Decodes `n` bytes into UTF-8.
 * - With `encoding` (e.g. "cp932", "utf-16le"), converts strictly with it.
 * - Else: BOM sniffing (UTF-8, UTF-16LE/BE); NUL bytes without a UTF-16 BOM
 *   are binary; valid UTF-8 is UTF-8; text that is UTF-8 but for a few bad
 *   bytes stays UTF-8 with those bytes replaced and listed in `bad`; other
 *   text is tried strictly as windows-31j (CP932, Excel's Shift_JIS), then
 *   EUC-JP; half-width katakana decide when both read it.
 * A failure fills `err` (path, line, byte offset) and returns its status;
 * on success the caller frees out->utf8 with slc_decoded_release(). */
slc_status slc_text_decode(const char *bytes, size_t n, const char *encoding, const char *path,
                           slc_decoded *out, slc_error *err);
void slc_decoded_release(slc_decoded *d);

/* Encodes UTF-8 text in `encoding` (e.g. "cp932") strictly: a character
 * the encoding lacks fails with its line and byte offset in the UTF-8 text
 * (SLC_ERR_UNMAPPABLE), rather than writing a substitute. */
slc_status slc_text_encode(const char *utf8, size_t n, const char *encoding, const char *path,
                           slc_buf *out, slc_error *err);

/* The byte offset in the original input of byte `offset` of the decoded
 * UTF-8 text (re-encoding the text before it), for messages about the file. */
long long slc_text_source_offset(const slc_decoded *d, size_t offset);

/* Appends the NFKC form of s[0..n) to out. */
void slc_text_nfkc(slc_buf *out, const char *s, size_t n);

/* Appends a comparison key: NFKC with case folding, without white space,
 * punctuation, symbols or control characters. "データ漏えい・破壊時の補償/保¥險"
 * and "データ漏えい破壊時の補償保險" get the same key. */
void slc_text_fold(slc_buf *out, const char *s, size_t n);

/* Similarity of two keys in [0,1]: 1 - edit distance / longer length, over
 * code points. Returns 0 as soon as the result must be below `min`. */
double slc_text_similarity(const char *a, const char *b, double min);

/* Word boundaries of UTF-8 text by ICU's word break rules (Japanese has no
 * spaces: this finds words by dictionary). *bounds gets byte offsets of
 * every boundary, 0 and len included; the caller frees it. */
size_t slc_text_words(const char *s, size_t len, size_t **bounds);

/* Appends code point c as UTF-8. */
void slc_text_append_cp(slc_buf *out, int32_t c);
/* n code points as UTF-8 (growing the buffer once) */
void slc_text_append_cps(slc_buf *out, const int32_t *cp, size_t n);

/* Byte offset of code point `cp` in UTF-8 text (its length if beyond). */
size_t slc_text_offset(const char *s, size_t cp);

/* Number of code points in valid UTF-8. */
size_t slc_text_length(const char *s, size_t n);

/* Terminal cells needed to show s (East Asian Wide/Fullwidth take 2). */
size_t slc_text_width(const char *s, size_t n);

/* Hiragana, katakana (with ー) and the CJK ideographs block: most of a
 * Japanese answer. Each is its own NFKC, and each is two columns wide. */
static inline int slc_text_is_kana_or_han(int32_t c)
{
    return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC ||
           (c >= 0x4E00 && c <= 0x9FFF);
}

/* Bytes of s[0..n) that fit in `width` terminal cells (whole code points). */
size_t slc_text_fit(const char *s, size_t n, size_t width);

/* Normalizes an encoding name given by a user ("cp932", "sjis", "utf8") to
 * the name ICU should open; returns NULL if ICU does not know it. */
const char *slc_text_encoding_name(const char *name);

/* ---- code points with NFKC, mapped back to the original ---- */

/* NFKC of a string, code point by code point, with for each normalized
 * code point the index of the original code point it came from, so a
 * span found in normalized text can be reported in the vendor's text. */
typedef struct slc_mapped {
    int32_t *cp;  /* normalized code points */
    size_t *orig; /* orig[i]: original code point index of cp[i]; orig[n] = length */
    size_t n;
} slc_mapped;

void slc_text_map_nfkc(const char *s, slc_mapped *m);
void slc_mapped_release(slc_mapped *m);

#endif
