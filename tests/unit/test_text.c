/* test_text.c - slc_text_nfkc and slc_text_fold (text.c): the same bytes as
 * ICU's NFKC and NFKC_Casefold (fold then drops spaces, controls, format
 * characters, punctuation and symbols), whether the text takes the path
 * without ICU (ASCII, kana, ideographs, Japanese punctuation) or not. Each
 * code point of the BMP is tried alone and between neighbours of the plain
 * path, against ICU called here directly. */
#include <stdlib.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "text.h"
#include "unit.h"

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
    slc_buf_clear(out);
    slc_buf_add(out, "", 0);
    for (int32_t i = 0; U_SUCCESS(st) && i < vlen;) {
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
    slc_buf_release(&got);
    slc_buf_release(&want);
    return unit_finish("test_text");
}
