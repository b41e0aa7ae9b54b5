/* test_text.c - slc_text_nfkc and slc_text_fold (text.c): the same bytes as
 * ICU's NFKC and NFKC_Casefold (fold then drops spaces, controls, format
 * characters, punctuation and symbols), whether the text takes the path
 * without ICU (ASCII, kana, ideographs, Japanese punctuation) or not. Each
 * code point of the BMP is tried alone and between neighbours of the plain
 * path, against ICU called here directly; and slc_text_map_nfkc, which
 * decodes kana and kanji itself, against ICU one code point at a time. */
#include <stdlib.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "text.h"
#include "unit.h"

/* what folding drops: spaces, controls, format characters, punctuation
 * and symbols (general categories Cc Cf P* S*, and White_Space) */
static int folding_drops(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) ||
           (U_GET_GC_MASK(c) & (U_GC_CC_MASK | U_GC_CF_MASK | U_GC_P_MASK | U_GC_S_MASK));
}

/* what ICU makes of s: NFKC, or NFKC_Casefold less what folding drops */
static void reference(slc_buf *out, const char *s, int fold)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nz =
        fold ? unorm2_getNFKCCasefoldInstance(&st) : unorm2_getNFKCInstance(&st);
    UChar u[64], v[256];
    int32_t ulen = 0;
    u_strFromUTF8Lenient(u, 64, &ulen, s, -1, &st);
    int32_t vlen = unorm2_normalize(nz, u, ulen, v, 256, &st);
    int32_t kept = 0;
    for (int32_t i = 0, k; U_SUCCESS(st) && i < vlen; i = k) { /* in place */
        UChar32 c;
        k = i;
        U16_NEXT(v, k, vlen, c);
        if (!fold || !folding_drops(c))
            U16_APPEND_UNSAFE(v, kept, c);
    }
    char utf8[1024];
    int32_t n = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strToUTF8(utf8, sizeof(utf8), &n, v, U_SUCCESS(st) ? kept : 0, &e);
    slc_buf_clear(out);
    slc_buf_add(out, utf8, U_SUCCESS(e) ? (size_t)n : 0);
}

/* the contexts each code point is tried in: %s is the code point */
static const char *const contexts[] = {
    "%s",  "A%sz", "\xE3\x81\x8B%s\xE3\x82\xA2", "\xE6\x9C\x89%s\xE3\x80\x82", "%s\xE3\x82\x99",
    "9%s "};

static int check(const char *s, slc_buf *got, slc_buf *want)
{
    int bad = 0;
    for (int fold = 0; fold < 2; fold++) {
        slc_buf_clear(got);
        if (fold)
            slc_text_fold(got, s, strlen(s));
        else
            slc_text_nfkc(got, s, strlen(s));
        reference(want, s, fold);
        int same = got->len == want->len && !memcmp(got->data, want->data, got->len);
        CHECK(same, "%s of \"%s\": got \"%s\", expected \"%s\"", fold ? "fold" : "nfkc", s,
              got->data ? got->data : "", want->data);
        bad |= !same;
    }
    return bad;
}

/* slc_text_map_nfkc of "a" c "b": c's own NFKC (asked of ICU one code
 * point at a time) between a and b, each mapped back to its code point */
static void check_mapped(UChar32 c, const char *s)
{
    slc_mapped m;
    slc_buf want;
    slc_buf_init(&want);
    char one[5] = {0};
    int32_t k = 0;
    U8_APPEND_UNSAFE((uint8_t *)one, k, c);
    reference(&want, one, 0);
    slc_text_map_nfkc(s, &m);
    slc_buf got;
    slc_buf_init(&got);
    slc_text_append_cps(&got, m.cp, m.n);
    int ok = m.n >= 2 && m.cp[0] == 'a' && m.cp[m.n - 1] == 'b' && m.orig[0] == 0 &&
             m.orig[m.n - 1] == 2 && m.orig[m.n] == 3 && got.len == want.len + 2 &&
             !memcmp(got.data + 1, want.data, want.len);
    for (size_t i = 1; ok && i + 1 < m.n; i++)
        ok = m.orig[i] == 1;
    CHECK(ok, "map_nfkc of U+%04X: got \"%s\" (%zu code points), expected \"a%sb\"", (unsigned)c,
          got.data ? got.data : "", m.n, want.data);
    slc_buf_release(&got);
    slc_buf_release(&want);
    slc_mapped_release(&m);
}

int main(void)
{
    slc_buf got, want;
    slc_buf_init(&got);
    slc_buf_init(&want);
    int shown = 0;
    for (UChar32 c = 1; c < 0x10000 && shown < 20; c++) {
        if (U_IS_SURROGATE(c))
            continue;
        char cp[5] = {0}, s[32];
        int32_t k = 0;
        U8_APPEND_UNSAFE((uint8_t *)cp, k, c);
        for (size_t i = 0; i < N_OF(contexts); i++) {
            snprintf(s, sizeof(s), contexts[i], cp);
            shown += check(s, &got, &want);
        }
        snprintf(s, sizeof(s), "a%sb", cp);
        check_mapped(c, s);
    }
    /* sentences as vendors write them, mixed with what needs ICU */
    static const char *const text[] = {
        "【有】バックアップは日次で7世代保管します。",
        "稼働率99.9%以上を目標（SLA）",
        "ｻｰﾋﾞｽ時間：２４時間３６５日",
        "ISO/IEC 27001 取得済み、ＰＣＩ ＤＳＳ準拠",
        "〜\tです\u3000ね",
        "か\xE3\x82\x99ぎ",
        "",
    };
    for (size_t i = 0; i < N_OF(text); i++) {
        check(text[i], &got, &want);
    }
    /* bad UTF-8 is one U+FFFD a byte or a sequence, as U8_NEXT reads it:
     * a lone lead byte, a surrogate (ED A0 80), an overlong form (E0 80 80) */
    static const struct {
        const char *s;
        size_t n, fffd; /* code points, of which U+FFFD */
    } bad[] = {{"a\xE3\x81", 2, 1},
               {"a\xED\xA0\x80z", 5, 3},
               {"a\xE0\x80\x80z", 5, 3},
               {"\xE6\x9C", 1, 1},
               {"\xE6\x9C\x89\xE3", 2, 1}};
    for (size_t i = 0; i < N_OF(bad); i++) {
        slc_mapped m;
        slc_text_map_nfkc(bad[i].s, &m);
        size_t fffd = 0;
        for (size_t k = 0; k < m.n; k++)
            fffd += m.cp[k] == 0xFFFD;
        CHECK(m.n == bad[i].n && fffd == bad[i].fffd,
              "map_nfkc of bad UTF-8 %zu: %zu code points, %zu U+FFFD; expected %zu, %zu", i, m.n,
              fffd, bad[i].n, bad[i].fffd);
        slc_mapped_release(&m);
    }
    /* slc_text_length counts code points eight bytes at a time: every
     * prefix of a mixed text, and of bad UTF-8, against one byte at a time */
    static const char mixed[] = "【有】稼働率99.9%以上 (SLA) – ﾃｽﾄ 𠮷\x80\xFF\xE3\x81 end";
    for (size_t len = 0; len < sizeof(mixed); len++) {
        for (size_t off = 0; off < 8 && off <= len; off++) {
            size_t w = 0;
            for (size_t i = off; i < len; i++)
                w += ((unsigned char)mixed[i] & 0xC0) != 0x80;
            CHECK(slc_text_length(mixed + off, len - off) == w,
                  "length of %zu bytes from %zu: %zu, expected %zu", len - off, off,
                  slc_text_length(mixed + off, len - off), w);
        }
    }
    slc_buf_release(&got);
    slc_buf_release(&want);
    return unit_finish("test_text");
}
